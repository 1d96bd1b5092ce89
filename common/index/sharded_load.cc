// The bulk load through staging shards; see sharded_load.h.
#include "index/sharded_load.h"

#include <xxhash.h>

#include "index/story_clusters.h"
#include "store/analyzer.h"
#include "store/database_errors.h"
#include "store/database_open.h"
#include "store/schema.h"
#include "store/spelling.h"
#include "text/errors.h"

namespace newsarchive {

ShardedLoad::ShardedLoad(const ShardedLoadOptions& options, Xapian::WritableDatabase database,
                         StagingArea& staging, spdlog::logger& log)
    : options_(options),
      database_(std::move(database)),
      staging_(staging),
      log_(log),
      final_commit_(options.commit_every, options.commit_seconds),
      slots_(options.rebuild ? EntitySlotCounts{} : entity_slot_counts(database_)) {
  staging.create_shards(options.shards);
  for (size_t k = 0; k < options.shards; ++k) {
    // Its own generator and stemmer: the builder runs on the shard's thread.
    DocumentBuilder builder = [generator = Analyzer(options.language).make_term_generator()](
                                  const Article& article, const DocumentKeys& keys) mutable {
      return build_document(article, keys, generator);
    };
    shards_.push_back(std::make_unique<ShardWriter>(staging.shard_path(k), options.commit_every,
                                                    options.commit_seconds, std::move(builder)));
  }
  for (auto& shard : shards_) shard->start();
}

std::vector<std::string> ShardedLoad::snapshot_paths() const {
  std::vector<std::string> paths;
  for (size_t k = 0; k < shards_.size(); ++k) paths.push_back(staging_.shard_path(k).string());
  return paths;
}

void ShardedLoad::store(WorkItem& item) {
  // An id always maps to the same shard, so a repeated id replaces its earlier version.
  const std::string& term = item.keys.id_term;
  ShardWriter& shard = *shards_[XXH3_64bits(term.data(), term.size()) % shards_.size()];
  StagedDocument staged{std::move(item.keys.id_term),
                        std::move(item.id),
                        std::move(item.document),
                        std::move(item.article),
                        std::move(item.keys.content_hash),
                        item.slots,
                        item.bytes};
  if (!shard.submit(std::move(staged))) shard.finish();  // rethrows the writer's failure
}

void ShardedLoad::finish() {
  if (finished_) return;
  finished_ = true;
  for (auto& shard : shards_) shard->finish();
  for (const auto& shard : shards_) {
    added_ += shard->added();
    changed_ += shard->changed();
    slots_.widen(shard->slots());
  }
}

size_t ShardedLoad::prune(const std::unordered_set<std::string>& keep) {
  std::string prefix(schema::kIdPrefix);
  size_t deleted = 0;
  for (const auto& shard : shards_) {
    Xapian::WritableDatabase& database = shard->database();
    std::vector<std::string> gone;
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it)
      if (!keep.contains(*it)) gone.push_back(*it);
    for (const std::string& term : gone) database.delete_document(term);
    deleted += gone.size();
  }
  return deleted;
}

void ShardedLoad::close(const std::string& last_run, const Checkpoint& checkpoint) {
  for (auto& shard : shards_) shard->commit();  // after pruning
  shards_.clear();
  merge_shards();
  if (!options_.rebuild) database_.close();
  merged_lock_.emplace(staging_.merged_path(), options_.database.string());
  staging_.exchange_into_place();
  database_ = open_writable_database(options_.database);
  run_cluster_pass(database_);  // clears the flag, in the commit below
  write_schema_metadata(database_, options_.language);
  synchronise_spelling(database_);
  database_.set_metadata(std::string(schema::kLastRunKey), last_run);
  final_commit_.commit(database_, options_.database, slots_, checkpoint);
}

void ShardedLoad::merge_shards() {
  log_.info("bulk load: merging the staging shards into the database");
  try {
    staging_.merge(options_.shards);
  } catch (const Xapian::Error& error) {
    if (is_disk_full(error)) throw;
    // Shards written without fsync can be damaged by a power cut in ways opening does not
    // reveal; resuming them would fail the same way every time.
    staging_.remove();
    throw DatabaseDamagedError(
        std::string("the staging shards of the bulk load could not be merged (") +
        error.get_type() + ": " + error.get_msg() +
        "); they were discarded: run the same command again to load the archive afresh");
  }
}

}  // namespace newsarchive
