// Parallel bulk loading into an empty database.
//
// One Xapian writer is one core's worth of work, and writing is most of indexing. So while the
// database holds no articles, a run writes into K staging shards, one writer thread each, in the
// directory DB.staging beside the database DB. At the end of the run Xapian's compactor merges
// the shards into DB.staging/merged, which is marked complete and then exchanged with DB in one
// atomic rename (renameat2 RENAME_EXCHANGE): a searcher sees the empty database or the whole
// load, never part of it.
//
// A run that is killed or interrupted leaves its shards committed up to their last checkpoints;
// the next run resumes them (recover()). A shard that cannot be opened (a power cut while the
// kernel still held its writes) makes the next run start the load again, with a warning.
#pragma once

#include <spdlog/logger.h>

#include <filesystem>

namespace newsarchive {

class StagingArea {
 public:
  explicit StagingArea(const std::filesystem::path& database);

  const std::filesystem::path& directory() const { return directory_; }
  std::filesystem::path shard_path(size_t shard) const;
  std::filesystem::path merged_path() const { return directory_ / "merged"; }

  // Settles what an earlier run left, before the database is opened for writing: a complete
  // merge whose exchange did not happen is exchanged now if the database is still empty; one
  // already exchanged is cleared away. Returns the number of staging shards left to resume,
  // 0 when there are none. The caller holds the database lock.
  // When `rebuilding`, a complete merge replaces the database whatever it holds.
  size_t recover(spdlog::logger& log, bool rebuilding = false);

  // Creates the staging directory and shards 0..count-1 where missing, each atomically
  // (store/database_open.h): a shard path that exists is always a whole database.
  void create_shards(size_t count);

  // Compacts shards 0..shards-1 into merged_path(), flags it for a cluster pass over every
  // article (schema::kReclusterAllKey), flushes it to disk and marks it complete.
  void merge(size_t shards);

  // Exchanges the complete merged database with the database directory, then removes the
  // staging area (which by then holds the empty database). The caller has closed the database
  // and holds the lock of the merged directory, which becomes the database's lock.
  void exchange_into_place();

  // Deletes the staging area and everything in it.
  void remove();

 private:
  std::filesystem::path database_;
  std::filesystem::path directory_;
};

}  // namespace newsarchive
