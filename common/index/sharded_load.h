// The document sink of a bulk load into an empty database (or a rebuild): new articles go to K
// staging shards by a hash of their id, each written on its own thread by a ShardWriter that
// also builds the documents, and the shards are merged into place at the end (staging_area.h).
#pragma once

#include <spdlog/logger.h>
#include <xapian.h>

#include <filesystem>
#include <memory>
#include <optional>

#include "index/commit_policy.h"
#include "index/document_sink.h"
#include "index/shard_writer.h"
#include "index/staging_area.h"
#include "store/database_lock.h"

namespace newsarchive {

struct ShardedLoadOptions {
  std::filesystem::path database;
  size_t shards = 2;
  std::string language;  // of the analyzer that builds the documents
  size_t commit_every = 1000;
  double commit_seconds = 10;
  // A rebuild has not opened the (possibly damaged) database it replaces.
  bool rebuild = false;
};

class ShardedLoad : public DocumentSink {
 public:
  // Starts the shard writers in `staging`. `database` is the open, empty database, or a closed
  // handle for a rebuild; the load replaces it in close().
  ShardedLoad(const ShardedLoadOptions& options, Xapian::WritableDatabase database,
              StagingArea& staging, spdlog::logger& log);

  std::vector<std::string> snapshot_paths() const override;
  bool builds_documents() const override { return true; }
  void store(WorkItem& item) override;
  void after_article(const Checkpoint&) override {}  // each shard commits on its own thread
  void finish() override;
  size_t prune(const std::unordered_set<std::string>& keep) override;
  // Merges the shards, exchanges the result with the database (an interrupted load is merged
  // too, so what was indexed can be searched; the next run continues it by writing directly),
  // and commits it with the run's metadata after the cluster pass over all of it (the merge
  // flagged it for one, story_clusters.h). Throws DatabaseDamagedError when the shards cannot
  // be merged (they are discarded), DiskFullError when the disk fills.
  void close(const std::string& last_run, const Checkpoint& checkpoint) override;
  size_t added() const override { return added_; }
  size_t changed() const override { return changed_; }

 private:
  void merge_shards();

  ShardedLoadOptions options_;
  Xapian::WritableDatabase database_;
  StagingArea& staging_;
  spdlog::logger& log_;
  std::vector<std::unique_ptr<ShardWriter>> shards_;
  CommitPolicy final_commit_;
  EntitySlotCounts slots_;
  size_t added_ = 0;
  size_t changed_ = 0;
  bool finished_ = false;
  // The merged directory's lock file becomes the database's when the two are exchanged; held
  // from then until this load is destroyed.
  std::optional<DatabaseLock> merged_lock_;
};

}  // namespace newsarchive
