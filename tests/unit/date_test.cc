// Unit tests for common/date: period parsing, article-date parsing, encodings and calendar rules.
#include "text/date.h"

#include <gtest/gtest.h>

#include <ctime>
#include <string>
#include <vector>

namespace newsarchive {
namespace {

struct PeriodCase {
  std::string text;
  std::string first;  // iso
  std::string last;   // iso
};

TEST(ParseDatePeriod, NamesTheWholeYearMonthOrDay) {
  const std::vector<PeriodCase> cases = {
      {"2020", "2020-01-01", "2020-12-31"},
      {"2020-01", "2020-01-01", "2020-01-31"},
      {"2020-02", "2020-02-01", "2020-02-29"},  // leap year
      {"2021-02", "2021-02-01", "2021-02-28"},
      {"1900-02", "1900-02-01", "1900-02-28"},  // century, not leap
      {"2000-02", "2000-02-01", "2000-02-29"},  // divisible by 400, leap
      {"2020-04", "2020-04-01", "2020-04-30"},
      {"2020-12", "2020-12-01", "2020-12-31"},
      {"2020-01-06", "2020-01-06", "2020-01-06"},
      {"2024-02-29", "2024-02-29", "2024-02-29"},
      {"1000", "1000-01-01", "1000-12-31"},  // kMinYear
      {"2999", "2999-01-01", "2999-12-31"},  // kMaxYear
  };
  for (const PeriodCase& c : cases) {
    SCOPED_TRACE(c.text);
    auto period = parse_date_period(c.text);
    ASSERT_TRUE(period.has_value());
    EXPECT_EQ(period->first.iso(), c.first);
    EXPECT_EQ(period->last.iso(), c.last);
  }
}

TEST(ParseDatePeriod, RejectsMalformedOrImpossibleText) {
  const std::vector<std::string> cases = {
      "2020-13",    "2020-00",
      "2024-02-30", "2021-02-29",
      "2020-04-31", "2020-01-00",
      "0000",       "20",
      "202",        "20200",
      "2020-1",     "2020-01-6",
      "2020-1-06",  "abcd",
      "",           "2020-01-06x",
      "2020-01-",   "2020/01/06",
      "2020-01/06", " 2020",
      "2020 ",      "0999",
      "3000",       "9999-01-01",
      "-2020",      "2020-01-06T10:00:00Z",
  };
  for (const std::string& text : cases) {
    SCOPED_TRACE("'" + text + "'");
    EXPECT_FALSE(parse_date_period(text).has_value());
  }
}

TEST(MonthFromName, FullNamesAndAbbreviationsInAnyCase) {
  EXPECT_EQ(month_from_name("january"), 1);
  EXPECT_EQ(month_from_name("MARCH"), 3);
  EXPECT_EQ(month_from_name("Mar"), 3);
  EXPECT_EQ(month_from_name("Mar."), 3);
  EXPECT_EQ(month_from_name("sept"), 9);
  EXPECT_EQ(month_from_name("dec"), 12);
}

TEST(MonthFromName, OtherWordsAreNotMonths) {
  for (std::string_view word : {"", "ma", "marc", "marchy", "smarch", "3", "junes", "mon"}) {
    SCOPED_TRACE(std::string(word));
    EXPECT_FALSE(month_from_name(word).has_value());
  }
}

struct ArticleDateCase {
  std::string text;
  std::string iso;
};

TEST(ParseArticleDate, FindsTheDateInDatelinesAndFields) {
  const std::vector<ArticleDateCase> cases = {
      {"date 2020-01-06 advertisement", "2020-01-06"},
      {" date 2020-01-06", "2020-01-06"},
      {"2020-01-06", "2020-01-06"},
      {"2020-01-06T10:00:00Z", "2020-01-06"},
      {"1987-02-26T15:01:01", "1987-02-26"},
      {"1987-02-26 15:01:01", "1987-02-26"},
      {"2020/01/06", "2020-01-06"},
      {"Date: 6 January 2020", "2020-01-06"},
      {"6 Jan. 2020", "2020-01-06"},
      {"January 6, 2020", "2020-01-06"},
      {"Monday, January 6, 2020", "2020-01-06"},
      {"Monday, Jan 6 2020", "2020-01-06"},
      {"Sept 3, 2019", "2019-09-03"},
      {"3 SEPTEMBER 2019", "2019-09-03"},
      {"1st March 2021", "2021-03-01"},
      {"December 22nd, 2021", "2021-12-22"},
      {"29 February 2020", "2020-02-29"},
  };
  for (const ArticleDateCase& c : cases) {
    SCOPED_TRACE(c.text);
    auto date = parse_article_date(c.text);
    ASSERT_TRUE(date.has_value());
    EXPECT_EQ(date->iso(), c.iso);
  }
}

TEST(ParseArticleDate, ReturnsNothingWithoutAValidDate) {
  const std::vector<std::string> cases = {
      "date tomorrow",
      "2024-02-30",
      "February 30, 2024",
      "",
      "   ",
      "date",
      "2020-13-01",
      "20200106",
      "2020-01-066",
      "January 2020",
      "6 January",
      "Smarch 6, 2020",
      "29 February 2021",
      "0999-01-01",
      "January 6, 20",
  };
  for (const std::string& text : cases) {
    SCOPED_TRACE("'" + text + "'");
    EXPECT_FALSE(parse_article_date(text).has_value());
  }
}

TEST(DateEncoding, IsoAndSlotKeyAreZeroPadded) {
  Date date{2020, 1, 6};
  EXPECT_EQ(date.iso(), "2020-01-06");
  EXPECT_EQ(date.slot_key(), "20200106");
  Date early{1000, 12, 31};
  EXPECT_EQ(early.iso(), "1000-12-31");
  EXPECT_EQ(early.slot_key(), "10001231");
}

TEST(DateEncoding, SlotKeysSortLikeDates) {
  const std::vector<Date> ascending = {{1999, 12, 31}, {2000, 1, 1},  {2000, 1, 10},
                                       {2000, 2, 1},   {2000, 10, 1}, {2020, 1, 6}};
  for (size_t i = 1; i < ascending.size(); ++i) {
    SCOPED_TRACE(ascending[i].iso());
    EXPECT_LT(ascending[i - 1], ascending[i]);
    EXPECT_LT(ascending[i - 1].slot_key(), ascending[i].slot_key());
  }
  EXPECT_EQ((Date{2020, 1, 6}), (Date{2020, 1, 6}));
  EXPECT_GT((Date{2020, 2, 1}), (Date{2020, 1, 31}));
}

TEST(DaysInMonth, FollowsTheGregorianLeapRules) {
  struct Case {
    int year;
    int month;
    int days;
  };
  const std::vector<Case> cases = {
      {2021, 1, 31},  {2021, 2, 28},  {2021, 3, 31}, {2021, 4, 30}, {2021, 5, 31},
      {2021, 6, 30},  {2021, 7, 31},  {2021, 8, 31}, {2021, 9, 30}, {2021, 10, 31},
      {2021, 11, 30}, {2021, 12, 31}, {2020, 2, 29}, {1900, 2, 28}, {2000, 2, 29},
      {2100, 2, 28},  {2400, 2, 29},  {2021, 0, 0},  {2021, 13, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::to_string(c.year) + "-" + std::to_string(c.month));
    EXPECT_EQ(days_in_month(c.year, c.month), c.days);
  }
}

TEST(MakeDate, RejectsImpossibleDatesAndYearsOutOfRange) {
  EXPECT_EQ(make_date(2020, 2, 29), (Date{2020, 2, 29}));
  EXPECT_EQ(make_date(kMinYear, 1, 1), (Date{kMinYear, 1, 1}));
  EXPECT_EQ(make_date(kMaxYear, 12, 31), (Date{kMaxYear, 12, 31}));
  EXPECT_FALSE(make_date(2021, 2, 29).has_value());
  EXPECT_FALSE(make_date(2020, 4, 31).has_value());
  EXPECT_FALSE(make_date(2020, 1, 0).has_value());
  EXPECT_FALSE(make_date(2020, 0, 1).has_value());
  EXPECT_FALSE(make_date(2020, 13, 1).has_value());
  EXPECT_FALSE(make_date(kMinYear - 1, 12, 31).has_value());
  EXPECT_FALSE(make_date(kMaxYear + 1, 1, 1).has_value());
}

TEST(HasDateShape, SeesDatesWrittenInAnAcceptedFormEvenIfTheDayDoesNotExist) {
  for (std::string text :
       {"2024-02-30", "date 2024-02-30", "0000-00-00", "0000-01-01", "9999-12-31", "2020/13/45",
        "2020-01-06T10:00:00Z", "February 30, 2024", "2020-01-06", "6 January 2020"}) {
    SCOPED_TRACE("'" + text + "'");
    EXPECT_TRUE(has_date_shape(text));
  }
  for (std::string text : {"", "date", "date tomorrow", "20200106", "2020-01-066", "January 2020",
                           "31 Smarch 2020", "Harbour reopens after repairs", "12:30 2024"}) {
    SCOPED_TRACE("'" + text + "'");
    EXPECT_FALSE(has_date_shape(text));
  }
}

TEST(LatestPlausibleDate, IsTheSameDayAYearLater) {
  EXPECT_EQ(latest_plausible_date(Date{2020, 1, 6}), (Date{2021, 1, 6}));
  EXPECT_EQ(latest_plausible_date(Date{2026, 12, 31}), (Date{2027, 12, 31}));
  EXPECT_EQ(latest_plausible_date(Date{2024, 2, 29}), (Date{2025, 2, 28}));
  EXPECT_EQ(latest_plausible_date(Date{2023, 2, 28}), (Date{2024, 2, 28}));
  EXPECT_EQ(latest_plausible_date(Date{kMaxYear - 1, 3, 1}), (Date{kMaxYear, 3, 1}));
  EXPECT_EQ(latest_plausible_date(Date{kMaxYear, 6, 1}), (Date{kMaxYear, 12, 31}));
}

TEST(TodayUtc, AgreesWithTheCLibraryClock) {
  Date today = today_utc();
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  // Around midnight UTC the two calls may straddle it; one retry settles that.
  if (today.day != utc.tm_mday) {
    today = today_utc();
    now = std::time(nullptr);
    gmtime_r(&now, &utc);
  }
  EXPECT_EQ(today, (Date{utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday}));
  EXPECT_TRUE(make_date(today.year, today.month, today.day).has_value());
}

}  // namespace
}  // namespace newsarchive
