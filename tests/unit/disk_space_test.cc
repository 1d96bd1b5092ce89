// Unit tests for common/store/disk_space: the free-space query and the headroom check that
// stops a writer with DiskFullError before a commit could fill the disk.
#include "store/disk_space.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>

#include "test_support.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;

// procfs has no blocks at all, so its free space is exactly 0 whatever else runs meanwhile.
const fs::path kNoSpace = "/proc";

// The message require_free_space throws; empty when it does not throw.
std::string disk_full_message(const fs::path& path, std::uint64_t needed,
                              const std::string& database) {
  try {
    require_free_space(path, needed, database);
  } catch (const DiskFullError& e) {
    return e.what();
  }
  return "";
}

TEST(FreeBytes, IsKnownForAnExistingDirectory) {
  testing::TempDir dir;
  EXPECT_TRUE(free_bytes(dir.path()).has_value());
}

TEST(FreeBytes, IsZeroOnAFilesystemWithoutBlocks) {
  EXPECT_EQ(free_bytes(kNoSpace), std::optional<std::uint64_t>(0));
}

TEST(FreeBytes, IsUnknownForAMissingPath) {
  testing::TempDir dir;
  EXPECT_EQ(free_bytes(dir.path() / "absent"), std::nullopt);
}

TEST(RequireFreeSpace, MoreHeadroomThanTheDiskHasIsDiskFullNamingTheDatabase) {
  testing::TempDir dir;
  const std::string message =
      disk_full_message(dir.path(), std::numeric_limits<std::uint64_t>::max(), "/srv/news-db");
  // The free figure is whatever the test machine has ("N.N"); the rest is exact. (No std::regex:
  // GCC 12 warns inside <regex> under the sanitizer build.)
  const std::string before = "disk full while writing database '/srv/news-db' (";
  const std::string after =
      " MiB free, 17592186044416.0 MiB needed); it is kept at its last commit: free some space "
      "and run the same command again";
  ASSERT_TRUE(message.starts_with(before)) << message;
  ASSERT_TRUE(message.ends_with(after)) << message;
  const std::string free =
      message.substr(before.size(), message.size() - before.size() - after.size());
  const size_t point = free.find('.');
  ASSERT_NE(point, std::string::npos) << free;
  EXPECT_GT(point, 0u) << free;
  EXPECT_EQ(free.size(), point + 2) << free;
  EXPECT_EQ(free.find_first_not_of("0123456789."), std::string::npos) << free;
}

TEST(RequireFreeSpace, ReportsBothFiguresInMiB) {
  EXPECT_EQ(disk_full_message(kNoSpace, kCommitHeadroomBytes, "db"),
            "disk full while writing database 'db' (0.0 MiB free, 16.0 MiB needed); it is kept "
            "at its last commit: free some space and run the same command again");
  EXPECT_EQ(disk_full_message(kNoSpace, 1, "db"),
            "disk full while writing database 'db' (0.0 MiB free, 0.0 MiB needed); it is kept "
            "at its last commit: free some space and run the same command again");
}

TEST(RequireFreeSpace, EnoughRoomOrNoHeadroomAskedPasses) {
  testing::TempDir dir;
  std::optional<std::uint64_t> available = free_bytes(dir.path());
  ASSERT_TRUE(available.has_value());
  ASSERT_GT(*available, 1u << 20);  // a test machine with less than 1 MiB left fails anyway
  EXPECT_EQ(disk_full_message(dir.path(), 1, "db"), "");
  EXPECT_EQ(disk_full_message(kNoSpace, 0, "db"), "");
}

TEST(RequireFreeSpace, DoesNothingWhenTheFreeSpaceIsUnknown) {
  testing::TempDir dir;
  EXPECT_EQ(
      disk_full_message(dir.path() / "absent", std::numeric_limits<std::uint64_t>::max(), "db"),
      "");
}

}  // namespace
}  // namespace newsarchive
