// Helpers shared by the tests: temporary directories, a recording ArticleSink, and running a
// read as an unprivileged user.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <cstdint>
#include <vector>

#include "ingest/article.h"
#include "query/facets.h"

namespace newsarchive::testing {

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A bundle built in memory with libarchive, so no binary fixture is committed: `format` is
// "tar" (pax) or "zip", `filter` "", "gzip", "bzip2", "xz" or "zstd"; members are (path,
// content) pairs of regular files.
std::string make_bundle(const std::string& format, const std::string& filter,
                        const std::vector<std::pair<std::string, std::string>>& members);
// `content` compressed alone with `filter` ("gzip", "bzip2", "xz", "zstd").
std::string compress_bytes(const std::string& filter, const std::string& content);

// Writes `content` to `path` (creating parent directories) byte for byte.
void write_file(const std::filesystem::path& path, const std::string& content);

// Root reads every file whatever its mode, so a test of a file without read permission reads it
// as this user instead: nobody (uid 65534, group nogroup 65534 on Debian).
inline constexpr unsigned kUnprivilegedId = 65534;

// Gives `path` and everything under it to kUnprivilegedId when running as root, so that user
// reaches and may write what the test made (a TempDir is mode 0700); throws std::runtime_error
// when a directory above `path` does not let other users through. Does nothing for other users,
// who own what they made.
void hand_over_to_unprivileged_user(const std::filesystem::path& path);

// Runs `body` with root's privileges dropped and returns what it returned. As root that is in a
// child process that switches to kUnprivilegedId (groups cleared) and proves it cannot switch
// back before calling `body`; `body` must not use gtest assertions there, they would be lost.
// Otherwise `body` runs in this process. Throws std::runtime_error when the child cannot drop
// its privileges, or `body` throws or crashes in it.
std::string run_unprivileged(const std::function<std::string()>& body);

// Whether run_unprivileged could read `path` all the same: only a non-root user that reads
// files whatever their mode (CAP_DAC_OVERRIDE) and has no root to drop. Never true for root.
bool unprivileged_can_read(const std::filesystem::path& path);

// An ArticleSink that records everything it is told, in order.
class RecordingSink : public ArticleSink {
 public:
  struct Event {
    std::string kind;      // "accept", "warn" or "skip"
    std::string location;  // SourceLocation::describe()
    std::string message;   // warning or skip reason; the article id for "accept"
  };

  void accept(Article article, const SourceLocation& where) override;
  void warn(const SourceLocation& where, const std::string& message) override;
  void skip(const SourceLocation& where, const std::string& reason) override;
  // Recorded as kind "pass", message "<what> x<count>".
  void pass_over(const SourceLocation& where, const std::string& what,
                 std::uint64_t count) override;

  std::vector<Article> articles;
  std::vector<Event> events;
};

}  // namespace newsarchive::testing

namespace newsarchive {
// Readable GoogleTest output for facet rows: {"Mark Esper", 4}.
inline void PrintTo(const FacetValue& row, std::ostream* out) {
  *out << "{\"" << row.value << "\", " << row.count << "}";
}
}  // namespace newsarchive
