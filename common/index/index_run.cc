// The indexing run from top to bottom: open the target, pump articles from the analysis thread
// to the ledger, finish, record the report. See index_run.h for the pieces.
#include "index/index_run.h"

#include <xapian.h>

#include <cerrno>
#include <chrono>
#include <exception>
#include <optional>
#include <system_error>
#include <thread>

#include "index/analysis.h"
#include "index/bounded_queue.h"
#include "index/index_target.h"
#include "index/interrupt.h"
#include "index/run_ledger.h"
#include "index/staging_area.h"
#include "ingest/archive_walker.h"
#include "store/database_errors.h"
#include "store/database_lock.h"
#include "store/database_open.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

// Items in flight between analysis and storing: enough to keep both threads busy, few enough
// to bound memory whatever the archive size.
constexpr size_t kQueueCapacity = 256;
constexpr size_t kQueueBytes = 32 << 20;  // 256 long articles would be 2 GiB

// Every input exists, lies under --root when it is given, and is named once: an input inside
// another would be read twice, each article colliding with itself.
void check_inputs(const IndexOptions& options) {
  namespace fs = std::filesystem;
  std::vector<fs::path> absolute;
  for (const auto& input : options.inputs) {
    std::error_code error;
    if (!fs::exists(input, error))
      throw UserError("no such file or directory: " + quote_value(input.string()));
    absolute.push_back(normalised_path(input));
  }
  auto inside = [](const fs::path& inner, const fs::path& outer) {
    std::string relative = inner.lexically_relative(outer).generic_string();
    return !relative.empty() && !relative.starts_with("..");
  };
  if (options.root) {
    fs::path root = normalised_path(*options.root);
    for (size_t i = 0; i < absolute.size(); ++i)
      if (!inside(absolute[i], root) && absolute[i] != root)
        throw UserError("input " + quote_value(options.inputs[i].string()) +
                        " is not under --root " + quote_value(options.root->string()));
  }
  for (size_t i = 0; i < absolute.size(); ++i)
    for (size_t j = 0; j < absolute.size(); ++j)
      if (i != j && (inside(absolute[i], absolute[j]) || (i > j && absolute[i] == absolute[j])))
        throw UserError("input " + quote_value(options.inputs[i].string()) + " is inside " +
                        quote_value(options.inputs[j].string()) +
                        " (or the same): name each part of the archive once");
}

// Checks what is at the database path and creates the directory if needed.
void prepare_database_directory(const IndexOptions& options) {
  check_database_path(options.database, options.rebuild);
  try {
    create_database_atomically(options.database);
  } catch (const std::system_error& error) {
    throw UserError("cannot create the database directory " +
                    quote_value(options.database.string()) + ": " + error.code().message());
  }
}

// The size of every input, from a first, cheap walk, so progress can show a fraction and an ETA.
std::uint64_t input_bytes(const IndexOptions& options) {
  std::uint64_t total = 0;
  WalkCallbacks callbacks;
  callbacks.visit = [&](const InputFile& file) {
    std::error_code error;
    auto size = std::filesystem::file_size(file.path, error);
    if (!error) total += size;
  };
  callbacks.on_error = [](const std::string&, const std::string&) {};
  walk_archive(options.inputs, id_base(options.inputs, options.root), callbacks);
  return total;
}

AnalysisOptions analysis_options(const IndexOptions& options, const IndexTarget& target) {
  AnalysisOptions analysis;
  analysis.inputs = options.inputs;
  analysis.id_base = id_base(options.inputs, options.root);
  analysis.read = options.read;
  analysis.snapshot_paths = target.sink->snapshot_paths();
  analysis.language = target.language;
  analysis.sink_builds_documents = target.sink->builds_documents();
  analysis.force = options.force;
  analysis.prune = options.prune;
  return analysis;
}

// Runs the analysis thread and hands what it finds to `ledger` until the input ends or a signal
// stops the run; then finishes the sink and prunes. An interrupted run still finishes the sink,
// so what was read is kept.
void pump_articles(const IndexOptions& options, const IndexTarget& target, RunLedger& ledger) {
  BoundedQueue<WorkItem> queue(kQueueCapacity, kQueueBytes);
  std::atomic<bool> stop{false};
  std::exception_ptr analysis_failure;
  std::thread analysis([&, analysis = analysis_options(options, target)] {
    try {
      analyse_inputs(analysis, queue, stop, ledger.bytes_done);
    } catch (...) {
      analysis_failure = std::current_exception();
    }
    queue.close();
  });
  // Stops and joins the analysis thread on every way out of the loop.
  auto join_analysis = [&] {
    stop.store(true);
    queue.close();
    if (analysis.joinable()) analysis.join();
  };
  try {
    while (std::optional<WorkItem> item = queue.pop()) {
      if (interrupt_signal() != 0) throw StopRequested{};
      ledger.handle(*item);
    }
    join_analysis();
    if (analysis_failure) std::rethrow_exception(analysis_failure);
    target.sink->finish();
    if (interrupt_signal() != 0) throw StopRequested{};
    if (options.prune) ledger.prune();
  } catch (const StopRequested&) {
    join_analysis();
    target.sink->finish();
    ledger.set_interrupted_by(interrupt_signal());
  } catch (...) {
    join_analysis();
    throw;
  }
}

// Runs the index; run_index() turns what escapes into errors a user can act on.
IndexReport run_checked_index(const IndexOptions& options, spdlog::logger& log) {
  check_inputs(options);
  auto started = std::chrono::steady_clock::now();
  prepare_database_directory(options);
  DatabaseLock lock(options.database, options.database.string());
  StagingArea staging(options.database);
  IndexTarget target = open_index_target(options, staging, log);

  RunLedger ledger(*target.sink, log, options.on_progress, options.prune);
  if (options.on_progress) ledger.bytes_total = input_bytes(options);
  pump_articles(options, target, ledger);
  ledger.log_summaries(options.log_file);

  IndexReport report = ledger.report();
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  target.sink->close(report_json(report), ledger.checkpoint());
  ledger.bytes_done.store(ledger.bytes_total);
  ledger.report_progress(true);
  return report;
}

}  // namespace

IndexReport run_index(const IndexOptions& options, spdlog::logger& log) {
  try {
    return run_checked_index(options, log);
  } catch (const Xapian::Error&) {
    rethrow_database_error(options.database);
  } catch (const std::system_error& error) {
    if (error.code() == std::errc::no_space_on_device || error.code().value() == EDQUOT)
      throw DiskFullError("disk full while writing database " +
                          quote_value(options.database.string()) + " (" + error.what() +
                          "); it is kept at its last commit: free some space and run the same "
                          "command again");
    throw;
  }
}

}  // namespace newsarchive
