// Unit tests for ingest/date_line: a line is a date line only when the date is most of it.
#include "ingest/date_line.h"

#include <gtest/gtest.h>

namespace newsarchive {
namespace {

std::string classify(std::string_view line) {
  auto date_line = read_date_line(line);
  if (!date_line) return "text";
  return date_line->date ? date_line->date->iso() : "broken";
}

TEST(DateLine, AcceptsLinesThatAreMostlyADate) {
  EXPECT_EQ(classify(" date 2020-01-06 advertisement"), "2020-01-06");
  EXPECT_EQ(classify("Date: 6 January 2020"), "2020-01-06");
  EXPECT_EQ(classify("Monday, 6 January 2020 10:32 GMT"), "2020-01-06");
  EXPECT_EQ(classify("January 6, 2020"), "2020-01-06");
  EXPECT_EQ(classify("2020-01-06T10:00:00Z"), "2020-01-06");
  EXPECT_EQ(classify("Published on 6 Jan 2020"), "2020-01-06");
}

TEST(DateLine, RejectsLinesThatMerelyMentionADate) {
  EXPECT_EQ(classify("Blair names 5 May 2005 as election day"), "text");
  EXPECT_EQ(classify("Poll set for 5 May 2005"), "text");
  EXPECT_EQ(classify("On 2020-01-06 the Pentagon said troops would stay put."), "text");
  EXPECT_EQ(classify("Troops stay in Iraq"), "text");
  EXPECT_EQ(classify(""), "text");
}

TEST(DateLine, TellsABrokenDateLineFromText) {
  EXPECT_EQ(classify("2024-02-30"), "broken");
  EXPECT_EQ(classify("date 0000-00-00"), "broken");
  EXPECT_EQ(classify("Date: unknown"), "broken");
  EXPECT_EQ(classify("Dated"), "broken");
  EXPECT_EQ(classify("Datelines are hard"), "text");
}

}  // namespace
}  // namespace newsarchive
