// One indexing run: walks the inputs, reads articles, writes them into the database with
// periodic explicit commits, and reports what happened.
#pragma once

#include <spdlog/logger.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace newsarchive {

// Where a run is, for progress displays. Bytes count input files on disk, so done/total is a
// fair fraction of the work even for compressed feeds.
struct IndexProgress {
  std::uint64_t processed = 0;  // articles written or found unchanged
  std::uint64_t skipped = 0;
  std::uint64_t bytes_done = 0;   // of the input files finished or being read
  std::uint64_t bytes_total = 0;  // of all input files, measured before the run
  double seconds = 0;             // since the run started
  bool finished = false;          // the last call of a run
};

struct IndexOptions {
  std::filesystem::path database;
  std::vector<std::filesystem::path> inputs;
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

struct IndexReport {
  size_t added = 0;              // ids not in the database before this run ("new")
  size_t changed = 0;            // ids that were there with other content, rewritten
  size_t unchanged = 0;          // ids that were there with the same content hash, left alone
  size_t deleted = 0;            // removed by --prune
  size_t undated = 0;            // written without a date (also counted in added/changed)
  size_t skipped = 0;            // articles (or whole files) that could not be indexed
  size_t unreadable_inputs = 0;  // files or directories that could not be read at all
  size_t warnings = 0;           // repairs and defaults reported along the way
  int interrupted_by = 0;        // the signal that stopped the run early, 0 when it ran to the end
  double seconds = 0;

  size_t indexed() const { return added + changed; }
  size_t processed() const { return added + changed + unchanged; }
};

// "12 new, 3 changed, 40 unchanged, 0 deleted, 1 skipped, in 2.0 s (28 articles/s)".
std::string report_summary(const IndexReport& report);

// The report as a JSON object (stored as the database's last-run metadata).
std::string report_json(const IndexReport& report);

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
