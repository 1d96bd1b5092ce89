// One indexing run: walks the inputs, reads articles, writes them into the database with
// periodic explicit commits, and reports what happened. The pieces: index_target.h chooses and
// opens where articles go (a DocumentSink), analysis.h reads them on a thread of its own,
// run_ledger.h stores and counts them, run_report.h formats the outcome.
#pragma once

#include <spdlog/logger.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "index/run_report.h"
#include "ingest/read_options.h"

namespace newsarchive {

struct IndexOptions {
  std::filesystem::path database;
  std::vector<std::filesystem::path> inputs;
  // Ids are paths relative to this (--root) when given, else to the inputs' common directory
  // (archive_walker.h); every input must lie under it.
  std::optional<std::filesystem::path> root;
  ReadOptions read;            // --layout, --date-from
  std::string log_file;        // --log-file, named in summaries that leave details to it
  std::string language;        // empty: the database's language, or kDefaultLanguage when new
  size_t commit_every = 1000;  // commit after this many written articles...
  double commit_seconds = 10;  // ...or this many seconds since the last commit
  // Writer threads for a bulk load into an empty database (staging_area.h); 1 writes directly.
  size_t writers = 1;
  // Build the database again from the inputs alone, replacing what is there even if it is
  // damaged; the old one stays readable until the new one is swapped in (staging_area.h).
  bool rebuild = false;
  bool force = false;  // rewrite articles even when their content is unchanged
  bool prune = false;  // delete articles whose id this run did not produce
  // Called after every article and once at the end (finished = true); keep it cheap.
  std::function<void(const IndexProgress&)> on_progress;
};

// Runs the index. Per-article problems are logged to `log` and counted; the run goes on.
// Articles whose content hash is unchanged are not rewritten, so a rerun over an unchanged
// archive, or after a crash, redoes only what is missing. Commits are explicit, every
// commit_every articles or commit_seconds, each with a progress checkpoint in the database
// metadata. A SIGINT/SIGTERM recorded by install_interrupt_handlers() stops the run after the
// current article with a final commit (report.interrupted_by says which).
// Throws UserError for unusable options (missing input path, language mismatch),
// DatabaseBusyError when another process holds the write lock, DatabaseDamagedError when the
// database is damaged or --db is not a database directory (nothing is written then),
// DiskFullError when the disk fills up (the database stays at its last commit), and lets other
// Xapian::Error escape.
IndexReport run_index(const IndexOptions& options, spdlog::logger& log);

}  // namespace newsarchive
