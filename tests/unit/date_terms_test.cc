// Unit: the year, month and day terms of a date, and telling them from every other term.
#include "store/date_terms.h"

#include <gtest/gtest.h>

#include "store/schema.h"

namespace newsarchive {
namespace {

Date date(int year, int month, int day) {
  std::optional<Date> made = make_date(year, month, day);
  EXPECT_TRUE(made.has_value());
  return made.value_or(Date{});
}

TEST(DateTerms, EachPrecisionHasItsPrefixAndDigits) {
  EXPECT_EQ(date_term(date(2020, 1, 6), DatePrecision::kYear), "Y2020");
  EXPECT_EQ(date_term(date(2020, 1, 6), DatePrecision::kMonth), "M202001");
  EXPECT_EQ(date_term(date(2020, 1, 6), DatePrecision::kDay), "D20200106");
}

// Months and days keep their leading zeros, and early years four digits, so terms sort and
// match as the query parser writes them.
TEST(DateTerms, KeepLeadingZeros) {
  EXPECT_EQ(date_term(date(1005, 3, 9), DatePrecision::kYear), "Y1005");
  EXPECT_EQ(date_term(date(1005, 3, 9), DatePrecision::kMonth), "M100503");
  EXPECT_EQ(date_term(date(1005, 3, 9), DatePrecision::kDay), "D10050309");
  EXPECT_EQ(date_term(date(2999, 12, 31), DatePrecision::kDay), "D29991231");
}

TEST(DateTerms, RecognisesEveryTermDateTermMakes) {
  for (DatePrecision precision : {DatePrecision::kYear, DatePrecision::kMonth, DatePrecision::kDay})
    EXPECT_TRUE(is_date_term(date_term(date(2020, 1, 6), precision)));
  EXPECT_TRUE(is_date_term("Y2020"));
  EXPECT_TRUE(is_date_term("M202001"));
  EXPECT_TRUE(is_date_term("D20200106"));
}

TEST(DateTerms, RejectsAWrongDigitCount) {
  for (const char* term : {"Y", "Y202", "Y20200", "M20200", "M2020011", "M2020", "D2020010",
                           "D202001061", "D202001", "Y202001", "M20200106"})
    EXPECT_FALSE(is_date_term(term)) << term;
}

TEST(DateTerms, RejectsLettersAmongTheDigits) {
  for (const char* term : {"Y20a0", "Y202x", "M2020O1", "Dabcdefgh", "D2020-106", "Y 2020"})
    EXPECT_FALSE(is_date_term(term)) << term;
}

TEST(DateTerms, RejectsOtherPrefixesAndTheUndatedTerm) {
  for (const char* term :
       {"Q2020", "S2020", "XY2020", "y2020", "2020", "20200106", "XS2020", "ZD20200106", ""})
    EXPECT_FALSE(is_date_term(term)) << term;
  EXPECT_FALSE(is_date_term(schema::kUndatedTerm));
}

}  // namespace
}  // namespace newsarchive
