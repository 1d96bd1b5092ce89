// What an indexing run reports: its progress while it runs, and its outcome at the end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

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

struct IndexReport {
  size_t added = 0;               // ids not in the database before this run ("new")
  size_t changed = 0;             // ids that were there with other content, rewritten
  size_t unchanged = 0;           // ids that were there with the same content hash, left alone
  size_t deleted = 0;             // removed by --prune
  size_t undated = 0;             // written without a date (also counted in added/changed)
  size_t skipped = 0;             // articles (or whole files) that could not be indexed
  size_t collisions = 0;          // articles not stored: their id was already read in this run
  std::uint64_t passed_over = 0;  // input parts that hold no article (WARC requests, ...)
  size_t unreadable_inputs = 0;   // files or directories that could not be read at all
  size_t warnings = 0;            // repairs and defaults reported along the way
  int interrupted_by = 0;         // the signal that stopped the run early, 0 when it ran to the end
  double seconds = 0;

  size_t indexed() const { return added + changed; }
  size_t processed() const { return added + changed + unchanged; }
};

// "12 new, 3 changed, 40 unchanged, 0 deleted, 1 skipped, in 2.0 s (28 articles/s)", with
// collisions, undated articles, passed-over parts and warnings named when there are any.
std::string report_summary(const IndexReport& report);

// The report as a JSON object (stored as the database's last-run metadata).
std::string report_json(const IndexReport& report);

}  // namespace newsarchive
