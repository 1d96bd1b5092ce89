// Unit tests for common/text/natural_date: every natural form and range rule, with today pinned.
#include "text/natural_date.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsarchive {
namespace {

// Wednesday 5 February 2020, in a leap year.
const Date kWednesday{2020, 2, 5};

Date day(int year, int month, int day_of_month) {
  return *make_date(year, month, day_of_month);
}

// "first..last" of what `text` names on `today`, or "none".
std::string period_of(const std::string& text, const Date& today = kWednesday) {
  auto period = parse_natural_date(text, today);
  if (!period) return "none";
  return period->first.iso() + ".." + period->last.iso();
}

struct NaturalCase {
  std::string text;
  Date today;
  std::string period;  // "first..last"
};

void expect_periods(const std::vector<NaturalCase>& cases) {
  for (const NaturalCase& c : cases) {
    SCOPED_TRACE("'" + c.text + "' on " + c.today.iso());
    EXPECT_EQ(period_of(c.text, c.today), c.period);
  }
}

TEST(ParseNaturalDate, ExactFormsAreUnchanged) {
  expect_periods({
      {"2020", kWednesday, "2020-01-01..2020-12-31"},
      {"2020-02", kWednesday, "2020-02-01..2020-02-29"},
      {"2019-12-24", kWednesday, "2019-12-24..2019-12-24"},
  });
}

TEST(ParseNaturalDate, TodayAndYesterday) {
  expect_periods({
      {"today", kWednesday, "2020-02-05..2020-02-05"},
      {"yesterday", kWednesday, "2020-02-04..2020-02-04"},
      {"yesterday", day(2020, 3, 1), "2020-02-29..2020-02-29"},  // leap day
      {"yesterday", day(2021, 3, 1), "2021-02-28..2021-02-28"},
      {"yesterday", day(2020, 1, 1), "2019-12-31..2019-12-31"},
  });
}

TEST(ParseNaturalDate, DaysAndWeeksAgoAreOneDay) {
  expect_periods({
      {"1 day ago", kWednesday, "2020-02-04..2020-02-04"},
      {"2 days ago", kWednesday, "2020-02-03..2020-02-03"},
      {"0 days ago", kWednesday, "2020-02-05..2020-02-05"},
      {"10 days ago", day(2020, 3, 5), "2020-02-24..2020-02-24"},
      {"1 week ago", kWednesday, "2020-01-29..2020-01-29"},
      {"3 weeks ago", kWednesday, "2020-01-15..2020-01-15"},  // 21 days before
  });
}

TEST(ParseNaturalDate, MonthsAgoKeepTheDayOrTakeTheMonthsLastDay) {
  expect_periods({
      {"1 month ago", kWednesday, "2020-01-05..2020-01-05"},
      {"13 months ago", kWednesday, "2019-01-05..2019-01-05"},
      {"2 months ago", day(2020, 1, 15), "2019-11-15..2019-11-15"},
      {"1 month ago", day(2026, 3, 31), "2026-02-28..2026-02-28"},
      {"1 month ago", day(2024, 3, 31), "2024-02-29..2024-02-29"},  // leap year
      {"1 month ago", day(2020, 5, 31), "2020-04-30..2020-04-30"},
      {"3 months ago", day(2020, 5, 31), "2020-02-29..2020-02-29"},
  });
}

TEST(ParseNaturalDate, YearsAgoTurnALeapDayIntoTheLastOfFebruary) {
  expect_periods({
      {"1 year ago", kWednesday, "2019-02-05..2019-02-05"},
      {"1 year ago", day(2024, 2, 29), "2023-02-28..2023-02-28"},
      {"4 years ago", day(2024, 2, 29), "2020-02-29..2020-02-29"},
      {"100 years ago", day(2000, 2, 29), "1900-02-28..1900-02-28"},  // 1900 is not leap
  });
}

TEST(ParseNaturalDate, WeeksAreIsoMondayToSunday) {
  expect_periods({
      {"this week", kWednesday, "2020-02-03..2020-02-09"},
      {"this week", day(2020, 2, 3), "2020-02-03..2020-02-09"},  // Monday
      {"this week", day(2020, 2, 9), "2020-02-03..2020-02-09"},  // Sunday
      {"last week", kWednesday, "2020-01-27..2020-02-02"},
      {"last week", day(2020, 2, 9), "2020-01-27..2020-02-02"},
      {"this week", day(2020, 1, 1), "2019-12-30..2020-01-05"},  // across the new year
      {"last week", day(2020, 1, 1), "2019-12-23..2019-12-29"},
      {"this week", day(2020, 2, 27), "2020-02-24..2020-03-01"},  // across the leap day
  });
}

TEST(ParseNaturalDate, MonthsAndYearsAreCalendarPeriods) {
  expect_periods({
      {"this month", kWednesday, "2020-02-01..2020-02-29"},
      {"last month", kWednesday, "2020-01-01..2020-01-31"},
      {"last month", day(2020, 3, 31), "2020-02-01..2020-02-29"},
      {"last month", day(2021, 3, 31), "2021-02-01..2021-02-28"},
      {"last month", day(2020, 1, 15), "2019-12-01..2019-12-31"},
      {"this year", kWednesday, "2020-01-01..2020-12-31"},
      {"last year", kWednesday, "2019-01-01..2019-12-31"},
  });
}

TEST(ParseNaturalDate, MonthNamesWithAYear) {
  expect_periods({
      {"march 2020", kWednesday, "2020-03-01..2020-03-31"},
      {"Mar 2020", kWednesday, "2020-03-01..2020-03-31"},
      {"2020 MARCH", kWednesday, "2020-03-01..2020-03-31"},
      {"february 2019", kWednesday, "2019-02-01..2019-02-28"},
      {"feb 2024", kWednesday, "2024-02-01..2024-02-29"},
      {"sept 2019", kWednesday, "2019-09-01..2019-09-30"},
      {"dec 1999", kWednesday, "1999-12-01..1999-12-31"},
  });
}

TEST(ParseNaturalDate, MonthNameAloneIsTheLatestBegunByToday) {
  expect_periods({
      {"january", kWednesday, "2020-01-01..2020-01-31"},
      {"february", kWednesday, "2020-02-01..2020-02-29"},  // the current month
      {"march", kWednesday, "2019-03-01..2019-03-31"},
      {"Dec", kWednesday, "2019-12-01..2019-12-31"},
      {"february", day(2020, 2, 1), "2020-02-01..2020-02-29"},  // begun today
  });
}

TEST(ParseNaturalDate, CaseAndSpacingDoNotMatter) {
  expect_periods({
      {"LAST MONTH", kWednesday, "2020-01-01..2020-01-31"},
      {"  Last \t Week ", kWednesday, "2020-01-27..2020-02-02"},
      {"Yesterday", kWednesday, "2020-02-04..2020-02-04"},
      {"3  DAYS\nAGO", kWednesday, "2020-02-02..2020-02-02"},
  });
}

TEST(ParseNaturalDate, RejectsOtherText) {
  const std::vector<std::string> cases = {
      "",
      "last",
      "last tuesday",
      "next week",
      "this day",
      "tomorrow",
      "days ago",
      "3 days",
      "3 days before",
      "3 fortnights ago",
      "-1 days ago",
      "+1 days ago",
      "1.5 days ago",
      "1000000 days ago",
      "three days ago",
      "march 20",
      "march 2020 1",
      "march march",
      "2020 2021",
      "2020-13",
      "0999",
      "march 0999",
      "marc 2020",
      "ago",
      "last week ago",
  };
  for (const std::string& text : cases) {
    SCOPED_TRACE("'" + text + "'");
    EXPECT_EQ(period_of(text), "none");
  }
}

TEST(ParseNaturalDate, ResultsOutsideTheYearRangeAreRejected) {
  expect_periods({
      {"yesterday", day(1000, 1, 1), "none"},
      {"last year", day(1000, 6, 1), "none"},
      {"last month", day(1000, 1, 20), "none"},
      {"this week", day(1000, 1, 1), "none"},    // its Monday is in 999
      {"this week", day(2999, 12, 31), "none"},  // its Sunday is in 3000
      {"999999 years ago", kWednesday, "none"},
      {"999999 weeks ago", kWednesday, "none"},
      {"december", day(1000, 6, 1), "none"},  // December 999
  });
}

// "first..last" of each end of the range `text` names ("-" for an open end), or the part that
// is not a date, as "invalid: PART".
std::string range_of(const std::string& text, const Date& today = kWednesday) {
  DateRangeParse parsed = parse_date_range(text, today);
  if (!parsed.range) return "invalid: " + parsed.invalid_part;
  auto show = [](const std::optional<DatePeriod>& end) {
    return end ? end->first.iso() + ".." + end->last.iso() : std::string("-");
  };
  return show(parsed.range->from) + " to " + show(parsed.range->to);
}

TEST(ParseDateRange, OneDateIsBothEnds) {
  EXPECT_EQ(range_of("last month"), "2020-01-01..2020-01-31 to 2020-01-01..2020-01-31");
  EXPECT_EQ(range_of("2019"), "2019-01-01..2019-12-31 to 2019-01-01..2019-12-31");
}

TEST(ParseDateRange, EndsAreAnyDates) {
  EXPECT_EQ(range_of("2020-01..2020-03"), "2020-01-01..2020-01-31 to 2020-03-01..2020-03-31");
  EXPECT_EQ(range_of("last month..today"), "2020-01-01..2020-01-31 to 2020-02-05..2020-02-05");
  EXPECT_EQ(range_of("march 2019 .. 2 weeks ago"),
            "2019-03-01..2019-03-31 to 2020-01-22..2020-01-22");
}

TEST(ParseDateRange, AYearlessMonthTakesItsYearFromTheOtherEnd) {
  EXPECT_EQ(range_of("january..march 2020"), "2020-01-01..2020-01-31 to 2020-03-01..2020-03-31");
  EXPECT_EQ(range_of("november..february 2020"),
            "2019-11-01..2019-11-30 to 2020-02-01..2020-02-29");
  EXPECT_EQ(range_of("march..march 2021"), "2021-03-01..2021-03-31 to 2021-03-01..2021-03-31");
  EXPECT_EQ(range_of("march 2020..june"), "2020-03-01..2020-03-31 to 2020-06-01..2020-06-30");
  EXPECT_EQ(range_of("november 2019..feb"), "2019-11-01..2019-11-30 to 2020-02-01..2020-02-29");
}

TEST(ParseDateRange, TwoYearlessMonthsStartAtTheLatestBegunByToday) {
  EXPECT_EQ(range_of("january..march"), "2020-01-01..2020-01-31 to 2020-03-01..2020-03-31");
  EXPECT_EQ(range_of("november..february"), "2019-11-01..2019-11-30 to 2020-02-01..2020-02-29");
  EXPECT_EQ(range_of("march..june"), "2019-03-01..2019-03-31 to 2019-06-01..2019-06-30");
}

TEST(ParseDateRange, OpenEnds) {
  EXPECT_EQ(range_of("2020.."), "2020-01-01..2020-12-31 to -");
  EXPECT_EQ(range_of("..2015"), "- to 2015-01-01..2015-12-31");
  EXPECT_EQ(range_of("march.."), "2019-03-01..2019-03-31 to -");
  EXPECT_EQ(range_of("..last week"), "- to 2020-01-27..2020-02-02");
  EXPECT_EQ(range_of(".."), "- to -");
}

TEST(ParseDateRange, AReversedRangeIsKeptAsWritten) {
  EXPECT_EQ(range_of("2021..2020"), "2021-01-01..2021-12-31 to 2020-01-01..2020-12-31");
}

TEST(ParseDateRange, NamesThePartThatIsNotADate) {
  EXPECT_EQ(range_of("next week"), "invalid: next week");
  EXPECT_EQ(range_of("2020-13..2021"), "invalid: 2020-13");
  EXPECT_EQ(range_of("2020..soon"), "invalid: soon");
  EXPECT_EQ(range_of("january..someday"), "invalid: someday");
  EXPECT_EQ(range_of("smarch..march 2020"), "invalid: smarch");
  EXPECT_EQ(range_of("2019..2020..2021"), "invalid: 2020..2021");
  EXPECT_EQ(range_of("december..june", day(1000, 3, 1)), "invalid: december");
}

}  // namespace
}  // namespace newsarchive
