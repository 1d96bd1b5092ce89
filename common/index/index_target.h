// Opening what an indexing run writes into, and choosing how: straight into the database, or as
// a bulk load through staging shards (only into an empty database, or for a rebuild).
#pragma once

#include <spdlog/logger.h>

#include <memory>
#include <string>

#include "index/document_sink.h"
#include "index/index_run.h"
#include "index/staging_area.h"

namespace newsarchive {

struct IndexTarget {
  std::string language;  // of the analyzer: the database's, the one asked for, or the default
  std::unique_ptr<DocumentSink> sink;
};

// Opens the database of `options` (never for a rebuild, which does not read the database it
// replaces), records its language and schema version, settles what an earlier run left in
// `staging`, and returns the sink to write with. The caller holds the database lock. Throws
// UserError for a language other than the database's, DatabaseBusyError when another process
// writes the database.
IndexTarget open_index_target(const IndexOptions& options, StagingArea& staging,
                              spdlog::logger& log);

}  // namespace newsarchive
