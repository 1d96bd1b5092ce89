// One staging shard of a bulk load and the thread that writes it.
//
// The indexing run routes each new or changed article to a shard by a hash of its id, so an id
// always lands in the same shard, and the shard's writer thread replaces documents and commits
// by the writers' one commit policy (commit_policy.h), each commit with the shard's checkpoint.
// Shards are opened with DB_NO_SYNC: a killed process loses nothing the kernel was given, and a
// shard damaged by a power cut is thrown away by the next run (staging_area.h).
#pragma once

#include <xapian.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <thread>

#include "index/bounded_queue.h"
#include "index/commit_policy.h"
#include "ingest/article.h"
#include "store/document_builder.h"

namespace newsarchive {

// Turns an analysed article (entities extracted) and its keys into its document. Runs on the
// shard's thread, so building documents and writing them share the cores; every shard needs a
// builder of its own (a TermGenerator and its stemmer serve one thread at a time).
using DocumentBuilder =
    std::function<Xapian::Document(const Article& article, const DocumentKeys& keys)>;

// A document on its way into a shard: built already, or an article for the shard's builder.
struct StagedDocument {
  std::string id_term;
  std::string id;
  Xapian::Document document;       // written as is unless `article` is set
  std::optional<Article> article;  // built into `document` on the shard's thread first
  std::string content_hash;        // with `article`
  EntitySlotCounts slots;          // facet slots the document uses (entity_slots_used)
  size_t bytes = 0;                // the article's text, for the queue's memory bound
};

class ShardWriter {
 public:
  // Opens (creating if needed) the shard at `path` and commits once, so readers can open it.
  // `builder` builds staged articles; without one only built documents may be submitted.
  ShardWriter(const std::filesystem::path& path, size_t commit_every, double commit_seconds,
              DocumentBuilder builder = nullptr);
  ~ShardWriter();
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  void start();
  // Blocks while the shard's queue is full; false once the writer has stopped.
  bool submit(StagedDocument document);
  // Writes what is queued, commits, joins the thread and rethrows a write failure.
  void finish();

  // After finish(): the shard, for pruning and merging.
  Xapian::WritableDatabase& database() { return database_; }
  size_t added() const { return added_; }
  size_t changed() const { return changed_; }
  // The most facet slots of each kind any document in this shard uses, this run or earlier ones.
  const EntitySlotCounts& slots() const { return slots_; }
  // Commits the shard's state now (after pruning), with its checkpoint.
  void commit();

 private:
  void run();
  void write(StagedDocument& staged);

  std::filesystem::path path_;
  Xapian::WritableDatabase database_;
  DocumentBuilder builder_;
  CommitPolicy policy_;
  BoundedQueue<StagedDocument> queue_;
  std::thread thread_;
  std::exception_ptr failure_;
  size_t added_ = 0;
  size_t changed_ = 0;
  EntitySlotCounts slots_;
  std::string last_id_;
};

}  // namespace newsarchive
