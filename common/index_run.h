// One indexing run: walks the inputs, reads articles, writes them into the database with
// periodic explicit commits, and reports what happened.
#pragma once

#include <spdlog/logger.h>

#include <filesystem>
#include <string>
#include <vector>

namespace newsarchive {

struct IndexOptions {
  std::filesystem::path database;
  std::vector<std::filesystem::path> inputs;
  std::string language;        // empty: the database's language, or kDefaultLanguage when new
  size_t commit_every = 1000;  // articles per explicit commit
};

struct IndexReport {
  size_t added = 0;     // ids not in the database before this run
  size_t replaced = 0;  // ids that were there and have been rewritten
  size_t undated = 0;   // indexed without a date (also counted in added/replaced)
  size_t skipped = 0;   // articles (or whole files) that could not be indexed
  size_t warnings = 0;  // repairs and defaults reported along the way
  double seconds = 0;

  size_t indexed() const { return added + replaced; }
};

// Runs the index. Per-article problems are logged to `log` and counted; the run goes on.
// Throws UserError for unusable options (missing input path, language mismatch) and lets
// Xapian::Error escape for database failures.
IndexReport run_index(const IndexOptions& options, spdlog::logger& log);

}  // namespace newsarchive
