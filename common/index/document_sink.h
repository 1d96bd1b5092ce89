// Where an indexing run stores new and changed articles. Two implementations: DirectWriter
// (direct_writer.h) writes into the database; ShardedLoad (sharded_load.h) bulk-loads an empty
// database through staging shards, one writer thread each, merged into place at the end.
//
// The run calls, in order: store() for each new or changed article and after_article() after
// every article (stored or found unchanged), finish() once the input is read (or the run is
// interrupted), prune() when --prune asks for it, then close() once.
#pragma once

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "index/work_item.h"
#include "store/metadata.h"
#include "store/schema.h"

namespace newsarchive {

class DocumentSink {
 public:
  virtual ~DocumentSink() = default;

  // The databases the analysis thread reads to recognise unchanged articles.
  virtual std::vector<std::string> snapshot_paths() const = 0;
  // True when the sink builds documents itself (item.article is set), false when the analysis
  // thread builds them (item.document is set).
  virtual bool builds_documents() const = 0;

  // Stores a kDocument item, replacing the article with the same id term.
  virtual void store(WorkItem& item) = 0;
  // Commits when the commit policy says so, recording `checkpoint`.
  virtual void after_article(const Checkpoint& checkpoint) = 0;
  // Writes everything stored so far; added() and changed() are final after it. May be called
  // again (it does nothing then). Rethrows a writer thread's failure.
  virtual void finish() = 0;
  // After finish(): deletes every article whose id term is not in `keep`; returns how many.
  virtual size_t prune(const std::unordered_set<std::string>& keep) = 0;
  // Puts the result in place and commits a last time, with `last_run` (the report as JSON) and
  // `checkpoint`.
  virtual void close(const std::string& last_run, const Checkpoint& checkpoint) = 0;

  // Articles stored whose id was not in the database before this run, and those that were.
  virtual size_t added() const = 0;
  virtual size_t changed() const = 0;
};

}  // namespace newsarchive
