// Progress lines: ETA formatting, the line for given progress, and when the reporter writes.
#include "present/progress.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

namespace newsarchive {
namespace {

IndexProgress at(std::uint64_t processed, std::uint64_t bytes_done, std::uint64_t bytes_total,
                 double seconds, std::uint64_t skipped = 0, bool finished = false) {
  IndexProgress progress;
  progress.processed = processed;
  progress.skipped = skipped;
  progress.bytes_done = bytes_done;
  progress.bytes_total = bytes_total;
  progress.seconds = seconds;
  progress.finished = finished;
  return progress;
}

TEST(FormatEta, HoursMinutesSeconds) {
  EXPECT_EQ(format_eta(0), "0:00:00");
  EXPECT_EQ(format_eta(59.4), "0:00:59");
  EXPECT_EQ(format_eta(59.6), "0:01:00");
  EXPECT_EQ(format_eta(192), "0:03:12");
  EXPECT_EQ(format_eta(3600), "1:00:00");
  EXPECT_EQ(format_eta(27 * 3600 + 5), "27:00:05");
}

TEST(FormatEta, NegativeAndNonFiniteAreZero) {
  EXPECT_EQ(format_eta(-3), "0:00:00");
  EXPECT_EQ(format_eta(1.0 / 0.0), "0:00:00");
}

TEST(FormatProgressLine, MidRunWithEta) {
  // 41% of the input in 7.843 s: 7.843 * 59 / 41 = 11.3 s to go.
  EXPECT_EQ(format_progress_line(at(12000, 41, 100, 7.843, 2)),
            "12000 articles (1530/s), 41% of input, ETA 0:00:11, 2 skipped");
  // The example from the issue: 41% after 133.4 s leaves 192 s.
  EXPECT_EQ(format_progress_line(at(204000, 4100, 10000, 133.43, 2)),
            "204000 articles (1529/s), 41% of input, ETA 0:03:12, 2 skipped");
}

TEST(FormatProgressLine, NoEtaEarlyOn) {
  EXPECT_EQ(format_progress_line(at(3, 5, 1000, 0.2)), "3 articles (15/s), 0% of input, 0 skipped");
  EXPECT_EQ(format_progress_line(at(0, 0, 1000, 0)), "0 articles (0/s), 0% of input, 0 skipped");
  EXPECT_EQ(format_progress_line(at(0, 0, 1000, 5)), "0 articles (0/s), 0% of input, 0 skipped");
}

TEST(FormatProgressLine, EtaAfterOneSecondOrOnePercent) {
  EXPECT_EQ(format_progress_line(at(40, 1, 1000, 1.0)),
            "40 articles (40/s), 0% of input, ETA 0:16:39, 0 skipped");
  EXPECT_EQ(format_progress_line(at(10, 10, 1000, 0.4)),
            "10 articles (25/s), 1% of input, ETA 0:00:40, 0 skipped");
}

TEST(FormatProgressLine, PercentRoundsDownTo100AtTheEnd) {
  EXPECT_EQ(format_progress_line(at(99, 999, 1000, 10)),
            "99 articles (10/s), 99% of input, ETA 0:00:00, 0 skipped");
  EXPECT_EQ(format_progress_line(at(100, 1000, 1000, 10, 1, true)),
            "100 articles (10/s), 100% of input, 1 skipped");
}

TEST(FormatProgressLine, UnknownInputSizeHasNoPercent) {
  EXPECT_EQ(format_progress_line(at(8, 0, 0, 2)), "8 articles (4/s), 0 skipped");
}

class Reporter : public ::testing::Test {
 protected:
  Reporter() : log_("newsindex", std::make_shared<spdlog::sinks::ostream_sink_st>(logged_)) {
    log_.set_pattern("%n: %v");
  }
  std::ostringstream terminal_;
  std::ostringstream logged_;
  spdlog::logger log_;
};

TEST_F(Reporter, LogModeWritesEveryIntervalButNotTheFinishedCall) {
  ProgressReporter reporter(ProgressReporter::Mode::kLog, terminal_, log_, 10);
  reporter(at(1, 10, 100, 0.5));
  reporter(at(20, 40, 100, 10.0, 2));
  reporter(at(25, 50, 100, 15.0));
  reporter(at(50, 100, 100, 20.0, 2, true));
  EXPECT_EQ(logged_.str(),
            "newsindex: progress: 20 articles (2/s), 40% of input, ETA 0:00:15, 2 skipped\n");
  EXPECT_EQ(terminal_.str(), "");
}

TEST_F(Reporter, LogModeIntervalZeroLogsEveryCall) {
  ProgressReporter reporter(ProgressReporter::Mode::kLog, terminal_, log_, 0);
  reporter(at(1, 10, 100, 0.1));
  reporter(at(2, 20, 100, 0.2));
  EXPECT_EQ(logged_.str(),
            "newsindex: progress: 1 articles (10/s), 10% of input, ETA 0:00:01, 0 skipped\n"
            "newsindex: progress: 2 articles (10/s), 20% of input, ETA 0:00:01, 0 skipped\n");
}

TEST_F(Reporter, TerminalModeRewritesOneLineAtMostFiveTimesASecondThenEndsIt) {
  {
    ProgressReporter reporter(ProgressReporter::Mode::kTerminal, terminal_, log_);
    reporter(at(1, 10, 100, 0.0));
    reporter(at(2, 20, 100, 0.1));  // too soon: not drawn
    reporter(at(3, 30, 100, 0.25));
    reporter(at(4, 100, 100, 0.3, 0, true));  // always drawn
  }
  EXPECT_EQ(terminal_.str(),
            "\rnewsindex: 1 articles (0/s), 10% of input, ETA 0:00:00, 0 skipped\x1b[K"
            "\rnewsindex: 3 articles (12/s), 30% of input, ETA 0:00:01, 0 skipped\x1b[K"
            "\rnewsindex: 4 articles (13/s), 100% of input, 0 skipped\x1b[K\n");
  EXPECT_EQ(logged_.str(), "");
}

TEST_F(Reporter, TerminalModeClearsTheLineBeforeAWarning) {
  ProgressReporter reporter(ProgressReporter::Mode::kTerminal, terminal_, log_);
  reporter(at(1, 0, 0, 0.0));
  log_.warn("a.txt: skipped: empty file");
  log_.warn("b.txt: skipped: empty file");  // the line is already cleared
  EXPECT_EQ(terminal_.str(), "\rnewsindex: 1 articles (0/s), 0 skipped\x1b[K\r\x1b[K");
  EXPECT_EQ(logged_.str(),
            "newsindex: a.txt: skipped: empty file\nnewsindex: b.txt: skipped: empty file\n");
}

TEST_F(Reporter, TerminalModeUnhooksTheLoggerWhenDone) {
  { ProgressReporter reporter(ProgressReporter::Mode::kTerminal, terminal_, log_); }
  EXPECT_EQ(log_.sinks().size(), 1u);
}

}  // namespace
}  // namespace newsarchive
