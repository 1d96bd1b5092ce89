// Staging shards, their merge and the atomic exchange; see staging_area.h.
#include "index/staging_area.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "store/database_open.h"
#include "store/disk_space.h"
#include "store/schema.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;

// Present once the merged database is complete and on disk; holds the merged database's UUID,
// so a later run can tell whether the exchange already happened.
constexpr const char* kMergeCompleteFile = "merged.complete";

// Keeps errno as the error code, so a full disk can be recognised (index_run.cc).
std::system_error system_failure(const std::string& what, int error) {
  return std::system_error(error, std::generic_category(), what);
}

// fsync(2) on a file or directory, so what was written survives a power cut.
void sync_path(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw system_failure("cannot open " + path.string() + " to flush it", errno);
  int status = ::fsync(fd);
  int error = errno;
  ::close(fd);
  if (status != 0) throw system_failure("cannot flush " + path.string(), error);
}

std::string read_small_file(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// The UUID and document count of the database at `path`, or {"", 0} when there is none.
std::pair<std::string, Xapian::doccount> identify(const fs::path& path) {
  try {
    Xapian::Database database(path.string());
    return {database.get_uuid(), database.get_doccount()};
  } catch (const Xapian::Error&) {  // none there, or damaged: either way not the merge
    return {"", 0};
  }
}

}  // namespace

StagingArea::StagingArea(const fs::path& database)
    : database_(database.has_filename() ? database : database.parent_path()) {
  directory_ = database_;
  directory_ += ".staging";
}

fs::path StagingArea::shard_path(size_t shard) const {
  return directory_ / ("shard-" + std::to_string(shard));
}

size_t StagingArea::recover(spdlog::logger& log, bool rebuilding) {
  std::error_code error;
  if (!fs::is_directory(directory_, error)) return 0;
  fs::path marker = directory_ / kMergeCompleteFile;
  if (fs::exists(marker, error)) {
    std::string merged_uuid = read_small_file(marker);
    auto [uuid, documents] = identify(database_);
    if (uuid != merged_uuid && (documents == 0 || rebuilding)) {
      log.info("finishing the bulk load an earlier run merged: moving it into place");
      exchange_into_place();
    } else {
      remove();
    }
    return 0;
  }
  fs::remove_all(merged_path(), error);  // a merge that did not finish
  size_t shards = 0;
  while (fs::exists(shard_path(shards), error)) ++shards;
  for (size_t k = 0; k < shards; ++k) {
    try {
      Xapian::Database shard(shard_path(k).string());
    } catch (const Xapian::DatabaseError& failure) {
      log.warn("{}: staging shard cannot be opened ({}); starting the bulk load again",
               shard_path(k).string(), failure.get_msg());
      remove();
      return 0;
    }
  }
  return shards;
}

void StagingArea::create_shards(size_t count) {
  fs::create_directories(directory_);
  for (size_t k = 0; k < count; ++k) create_database_atomically(shard_path(k));
}

void StagingArea::merge(size_t shards) {
  Xapian::Database all;
  std::uint64_t shard_bytes = 0;
  for (size_t k = 0; k < shards; ++k) {
    all.add_database(Xapian::Database(shard_path(k).string()));
    for (const fs::directory_entry& entry : fs::directory_iterator(shard_path(k)))
      if (entry.is_regular_file()) shard_bytes += entry.file_size();
  }
  // The merged database is never larger than its shards.
  require_free_space(directory_, shard_bytes + kCommitHeadroomBytes, database_.string());
  std::error_code error;
  fs::remove_all(merged_path(), error);
  all.compact(merged_path().string());
  {
    // Flagged before it is marked complete, so that however a kill stops the load from here on
    // (recover() may put it in place), the database in place carries the flag and the next
    // run's cluster pass works out every story (index/story_clusters.h).
    Xapian::WritableDatabase merged(merged_path().string());
    merged.set_metadata(std::string(schema::kReclusterAllKey), "1");
    merged.commit();
  }
  for (const fs::directory_entry& entry : fs::directory_iterator(merged_path()))
    if (entry.is_regular_file()) sync_path(entry.path());
  sync_path(merged_path());
  fs::path marker = directory_ / kMergeCompleteFile;
  fs::path partial = marker;
  partial += ".partial";
  {
    std::ofstream out(partial, std::ios::trunc);
    out << Xapian::Database(merged_path().string()).get_uuid();
    if (!out.flush()) throw std::runtime_error("cannot write " + partial.string());
  }
  sync_path(partial);
  fs::rename(partial, marker);
  sync_path(directory_);
}

void StagingArea::exchange_into_place() {
  if (::renameat2(AT_FDCWD, merged_path().c_str(), AT_FDCWD, database_.c_str(), RENAME_EXCHANGE) !=
      0)
    throw system_failure("cannot move the merged database " + merged_path().string() +
                             " into place at " + database_.string(),
                         errno);
  fs::path parent = fs::absolute(database_).parent_path();
  sync_path(parent);
  remove();
}

void StagingArea::remove() {
  std::error_code error;
  fs::remove_all(directory_, error);
  if (error)
    throw std::runtime_error("cannot remove the staging area " + directory_.string() + ": " +
                             error.message());
}

}  // namespace newsarchive
