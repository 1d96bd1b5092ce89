// Unit: the one-line summary and the JSON record of an indexing run's report.
#include "index/run_report.h"

#include <gtest/gtest.h>

namespace newsarchive {
namespace {

IndexReport eventful_report() {
  IndexReport report;
  report.added = 12;
  report.changed = 3;
  report.unchanged = 45;
  report.deleted = 2;
  report.undated = 1;
  report.skipped = 4;
  report.unreadable_inputs = 1;
  report.warnings = 1;
  report.interrupted_by = 2;
  report.seconds = 2.0;  // 60 processed: 30 articles/s
  return report;
}

IndexReport quiet_report() {
  IndexReport report;
  report.added = 5;
  report.seconds = 0.5;
  return report;
}

TEST(RunReport, SummaryNamesUndatedWarningsAndTheInterruption) {
  EXPECT_EQ(report_summary(eventful_report()),
            "12 new, 3 changed, 45 unchanged, 2 deleted, 4 skipped, 1 undated, 1 warning, "
            "in 2.0 s (30 articles/s); interrupted by signal 2 after committing; run again to "
            "continue");
}

TEST(RunReport, SummaryLeavesOutWhatDidNotHappen) {
  EXPECT_EQ(report_summary(quiet_report()),
            "5 new, 0 changed, 0 unchanged, 0 deleted, 0 skipped, in 0.5 s (10 articles/s)");
}

TEST(RunReport, SummaryCountsWarningsInThePlural) {
  IndexReport report = quiet_report();
  report.warnings = 2;
  EXPECT_EQ(report_summary(report),
            "5 new, 0 changed, 0 unchanged, 0 deleted, 0 skipped, 2 warnings, in 0.5 s "
            "(10 articles/s)");
}

// A run too quick to time must not divide by zero.
TEST(RunReport, SummaryOfAnUntimedRunHasNoRate) {
  IndexReport report = quiet_report();
  report.seconds = 0;
  EXPECT_EQ(report_summary(report),
            "5 new, 0 changed, 0 unchanged, 0 deleted, 0 skipped, in 0.0 s (0 articles/s)");
}

TEST(RunReport, JsonHoldsEveryCountAndWhetherTheRunWasInterrupted) {
  EXPECT_EQ(report_json(eventful_report()),
            R"({"new":12,"changed":3,"unchanged":45,"deleted":2,"undated":1,"skipped":4,)"
            R"("collisions":0,"passed_over":0,"warnings":1,"interrupted":true,"seconds":2.0})");
}

TEST(RunReport, SummaryNamesCollisionsAndPassedOverParts) {
  IndexReport report = quiet_report();
  report.collisions = 2;
  report.passed_over = 7;
  report.undated = 1;
  EXPECT_EQ(report_summary(report),
            "5 new, 0 changed, 0 unchanged, 0 deleted, 0 skipped, 2 id collisions, 1 undated, "
            "7 passed over, in 0.5 s (10 articles/s)");
  report.collisions = 1;
  EXPECT_EQ(report_json(report),
            R"({"new":5,"changed":0,"unchanged":0,"deleted":0,"undated":1,"skipped":0,)"
            R"("collisions":1,"passed_over":7,"warnings":0,"interrupted":false,"seconds":0.5})");
}

TEST(RunReport, JsonOfARunThatRanToTheEnd) {
  EXPECT_EQ(report_json(quiet_report()),
            R"({"new":5,"changed":0,"unchanged":0,"deleted":0,"undated":0,"skipped":0,)"
            R"("collisions":0,"passed_over":0,"warnings":0,"interrupted":false,"seconds":0.5})");
}

// Seconds are kept to the millisecond, so the stored report does not carry clock noise.
TEST(RunReport, JsonRoundsSecondsToMilliseconds) {
  IndexReport report = quiet_report();
  report.seconds = 1.23456;
  EXPECT_EQ(report_json(report),
            R"({"new":5,"changed":0,"unchanged":0,"deleted":0,"undated":0,"skipped":0,)"
            R"("collisions":0,"passed_over":0,"warnings":0,"interrupted":false,"seconds":1.235})");
}

}  // namespace
}  // namespace newsarchive
