// The storing side of an indexing run, on the calling thread: takes the analysis thread's
// WorkItems in input order, hands new and changed articles to the document sink, logs and counts
// every other outcome, and reports progress.
#pragma once

#include <spdlog/logger.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "index/document_sink.h"
#include "index/run_report.h"
#include "index/work_item.h"

namespace newsarchive {

class RunLedger {
 public:
  // `on_progress` may be empty; `keep_ids` records every id term seen, for --prune.
  RunLedger(DocumentSink& sink, spdlog::logger& log,
            std::function<void(const IndexProgress&)> on_progress, bool keep_ids);

  // Takes one item. Throws StopRequested when a signal has asked the run to stop.
  void handle(WorkItem& item);

  // Where the run is, for the sink's commits: articles stored or found unchanged so far, and the
  // last of them. Kept up to date in place, since the sink is offered it after every article.
  const Checkpoint& checkpoint() const { return checkpoint_; }

  // Deletes the articles whose ids this run did not produce; call after the sink finished.
  void prune();

  // The counts so far, the sink's added and changed included (final once it finished).
  IndexReport report() const;
  void set_interrupted_by(int signal) { report_.interrupted_by = signal; }

  void report_progress(bool finished);

  // Logs the one-line summaries of what was reported per article only to the log file (undated
  // articles: how many, the first few, where the full list is). `log_file` is the --log-file, or
  // empty. Call once, at the end of the run.
  void log_summaries(const std::string& log_file);

  std::atomic<std::uint64_t> bytes_done{0};  // advanced by the analysis thread
  std::uint64_t bytes_total = 0;             // of all inputs, when progress is shown

 private:
  void log_outcome(WorkItem& item);
  void note_undated(const std::string& where);

  static constexpr size_t kUndatedExamples = 3;
  void after_article();

  DocumentSink& sink_;
  spdlog::logger& log_;
  std::function<void(const IndexProgress&)> on_progress_;
  bool keep_ids_;
  std::unordered_set<std::string> seen_ids_;
  std::vector<std::string> first_undated_;  // where the first few undated articles are
  Checkpoint checkpoint_;
  IndexReport report_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace newsarchive
