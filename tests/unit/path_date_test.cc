// Unit tests for ingest/path_date: dates archives keep in file and folder names.
#include "ingest/path_date.h"

#include <gtest/gtest.h>

namespace newsarchive {
namespace {

std::string date_of(std::string_view path) {
  auto date = date_from_path(path);
  return date ? date->iso() : "none";
}

TEST(PathDate, ReadsFolderAndFileNameDates) {
  EXPECT_EQ(date_of("2020/01/06/pentagon.txt"), "2020-01-06");
  EXPECT_EQ(date_of("archive/2020-01-06-pentagon.txt"), "2020-01-06");
  EXPECT_EQ(date_of("2020_01_06.txt"), "2020-01-06");
  EXPECT_EQ(date_of("20200106-story.txt"), "2020-01-06");
  EXPECT_EQ(date_of("https://news.example/world/2019/11/21/sworn-in.html"), "2019-11-21");
}

TEST(PathDate, PrefersTheDateNearestTheFileName) {
  EXPECT_EQ(date_of("2019/12/31/2020-01-02-recap.txt"), "2020-01-02");
}

TEST(PathDate, IgnoresNumbersThatAreNotDays) {
  EXPECT_EQ(date_of("politics/001.txt"), "none");
  EXPECT_EQ(date_of("2020/13/01/x.txt"), "none");
  EXPECT_EQ(date_of("id-12345678.txt"), "none");
  EXPECT_EQ(date_of("120200106.txt"), "none");  // nine digits: not a date
  EXPECT_EQ(date_of("2020-01-066.txt"), "none");
  EXPECT_EQ(date_of("2020/01/story.txt"), "none");  // a month is not a day
  EXPECT_EQ(date_of("2020-01/06.txt"), "none");     // mixed separators
}

}  // namespace
}  // namespace newsarchive
