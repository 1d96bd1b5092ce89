// The analysis side of an indexing run, on a thread of its own: walks the inputs, reads and
// hashes articles, recognises unchanged ones against a read-only snapshot of the database,
// extracts entities and builds documents, so the storing side only stores. Everything it finds
// reaches the queue as WorkItems in input order.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "index/bounded_queue.h"
#include "index/work_item.h"
#include "ingest/read_options.h"

namespace newsarchive {

struct AnalysisOptions {
  std::vector<std::filesystem::path> inputs;
  std::filesystem::path id_base;  // ids are paths relative to it (archive_walker.h)
  ReadOptions read;
  std::vector<std::string> snapshot_paths;  // the databases the run writes into
  std::string language;                     // of the analyzer that builds documents
  // Leave documents to the sink (items carry the article instead): in a bulk load the staging
  // shards' threads build them, since writing alone keeps a shard's thread idle half the time
  // while this one is the busiest.
  bool sink_builds_documents = false;
  bool force = false;  // treat every article as changed
  bool prune = false;  // keep the id terms of unchanged articles for pruning
};

// Feeds every input article to `queue`, keeping `bytes_done` at the input offset reached. Stops
// early, without error, when `stop` is set or the queue is closed. Throws what reading or the
// snapshot throws.
void analyse_inputs(const AnalysisOptions& options, BoundedQueue<WorkItem>& queue,
                    const std::atomic<bool>& stop, std::atomic<std::uint64_t>& bytes_done);

}  // namespace newsarchive
