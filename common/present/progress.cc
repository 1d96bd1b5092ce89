// Progress lines for indexing runs: pure formatting, and a reporter for terminals and logs.
#include "present/progress.h"

#include <spdlog/sinks/base_sink.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <mutex>

namespace newsarchive {
namespace {

constexpr double kRedrawSeconds = 0.2;      // terminal line: at most 5 updates a second
constexpr size_t kMaxLineColumns = 99;      // stay under 100 columns
constexpr double kEtaAfterSeconds = 1.0;    // no ETA before the run is this far in...
constexpr double kEtaAfterFraction = 0.01;  // ...or has read this fraction of the input

constexpr const char* kClearToEnd = "\x1b[K";

}  // namespace

// The terminal's progress line and whether it is currently drawn.
struct ProgressReporter::TerminalLine {
  std::ostream& out;
  bool visible = false;

  void clear() {
    if (!visible) return;
    out << '\r' << kClearToEnd << std::flush;
    visible = false;
  }
};

namespace {

// Runs before the logger's other sinks: clears the terminal progress line so a warning starts
// at column 0. Writes nothing itself; the file sink never sees the progress line.
class ClearLineSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit ClearLineSink(std::shared_ptr<ProgressReporter::TerminalLine> line)
      : line_(std::move(line)) {}

 protected:
  void sink_it_(const spdlog::details::log_msg&) override { line_->clear(); }
  void flush_() override {}

 private:
  std::shared_ptr<ProgressReporter::TerminalLine> line_;
};

}  // namespace

std::string format_eta(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
  auto total = static_cast<unsigned long long>(std::llround(seconds));
  char text[48];
  std::snprintf(text, sizeof text, "%llu:%02llu:%02llu", total / 3600, total / 60 % 60, total % 60);
  return text;
}

std::string format_progress_line(const IndexProgress& progress) {
  double rate =
      progress.seconds > 0 ? static_cast<double>(progress.processed) / progress.seconds : 0;
  char text[160];
  std::snprintf(text, sizeof text, "%llu articles (%.0f/s)",
                static_cast<unsigned long long>(progress.processed), rate);
  std::string line = text;
  if (progress.bytes_total > 0) {
    std::uint64_t done = std::min(progress.bytes_done, progress.bytes_total);
    line += ", " + std::to_string(done * 100 / progress.bytes_total) + "% of input";
    double fraction = static_cast<double>(done) / static_cast<double>(progress.bytes_total);
    bool far_enough = progress.seconds >= kEtaAfterSeconds || fraction >= kEtaAfterFraction;
    if (!progress.finished && done > 0 && far_enough)
      line += ", ETA " + format_eta(progress.seconds * (1 - fraction) / fraction);
  }
  line += ", " + std::to_string(progress.skipped) + " skipped";
  return line;
}

ProgressReporter::ProgressReporter(Mode mode, std::ostream& terminal, spdlog::logger& log,
                                   double log_interval)
    : mode_(mode),
      log_(log),
      log_interval_(log_interval),
      next_log_(log_interval),
      line_(std::make_shared<TerminalLine>(TerminalLine{terminal})) {
  if (mode_ == Mode::kTerminal) {
    hook_ = std::make_shared<ClearLineSink>(line_);
    log_.sinks().insert(log_.sinks().begin(), hook_);
  }
}

ProgressReporter::~ProgressReporter() {
  if (!hook_) return;
  auto& sinks = log_.sinks();
  sinks.erase(std::remove(sinks.begin(), sinks.end(), hook_), sinks.end());
}

ProgressReporter::Mode ProgressReporter::mode_for_stderr() {
  return isatty(STDERR_FILENO) ? Mode::kTerminal : Mode::kLog;
}

void ProgressReporter::operator()(const IndexProgress& progress) {
  if (mode_ == Mode::kLog) {
    // The run's summary follows the last call, so the finished state is not logged twice.
    if (progress.finished || progress.seconds < next_log_) return;
    log_.info("progress: {}", format_progress_line(progress));
    next_log_ = progress.seconds + log_interval_;
    return;
  }
  if (!progress.finished && progress.seconds < next_draw_) return;
  std::string line = log_.name() + ": " + format_progress_line(progress);
  if (line.size() > kMaxLineColumns) line.resize(kMaxLineColumns);
  line_->out << '\r' << line << kClearToEnd;
  line_->visible = true;
  if (progress.finished) {
    // Leave the final state on screen; the summary starts on the next line.
    line_->out << '\n';
    line_->visible = false;
  }
  line_->out << std::flush;
  next_draw_ = progress.seconds + kRedrawSeconds;
}

}  // namespace newsarchive
