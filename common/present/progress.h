// Progress of an indexing run for a person or a log: one line rewritten in place on a terminal,
// or a plain log line every few seconds for cron jobs, pipes and files.
#pragma once

#include <spdlog/logger.h>

#include <memory>
#include <ostream>
#include <string>

#include "index/index_run.h"

namespace newsarchive {

// A duration as H:MM:SS ("0:03:12", "27:00:05"), rounded to the nearest second; negative or
// non-finite durations print as "0:00:00".
std::string format_eta(double seconds);

// "12000 articles (1530/s), 41% of input, ETA 0:03:12, 2 skipped". The percentage counts input
// bytes (rounded down, so 100% only when everything is read) and is left out when the input
// size is unknown. The ETA extrapolates the elapsed time over the bytes still to read; it
// appears once the run is 1 s or 1% in, and never on the finished call.
std::string format_progress_line(const IndexProgress& progress);

// An IndexOptions::on_progress callback. Works from IndexProgress::seconds alone (no clock of
// its own), so tests can feed it synthetic progress.
class ProgressReporter {
 public:
  enum class Mode {
    kTerminal,  // one line on `terminal`, rewritten with '\r' at most 5 times a second
    kLog,       // "progress: ..." through `log` every `log_interval` seconds
  };

  // In kTerminal mode the reporter also hooks `log` so a warning first clears the progress
  // line (which is redrawn on the next update) instead of being glued to its end.
  ProgressReporter(Mode mode, std::ostream& terminal, spdlog::logger& log,
                   double log_interval = 10);
  ~ProgressReporter();
  ProgressReporter(const ProgressReporter&) = delete;
  ProgressReporter& operator=(const ProgressReporter&) = delete;

  // kTerminal when standard error is a terminal, else kLog.
  static Mode mode_for_stderr();

  void operator()(const IndexProgress& progress);

  struct TerminalLine;  // shared with the log hook

 private:
  Mode mode_;
  spdlog::logger& log_;
  double log_interval_;
  double next_log_;
  double next_draw_ = 0;
  std::shared_ptr<TerminalLine> line_;
  std::shared_ptr<spdlog::sinks::sink> hook_;
};

}  // namespace newsarchive
