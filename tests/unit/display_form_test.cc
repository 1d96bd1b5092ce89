// Tests for display_form.h: which form a merged name shows, with exact expected forms.
#include "query/display_form.h"

#include <gtest/gtest.h>

namespace newsarchive {
namespace {

TEST(LetterCase, MixedLowerAndUpper) {
  EXPECT_EQ(letter_case("Mark Esper"), LetterCase::kMixed);
  EXPECT_EQ(letter_case("de Almenara"), LetterCase::kMixed);
  EXPECT_EQ(letter_case("mark esper"), LetterCase::kLower);
  EXPECT_EQ(letter_case("MARK ESPER"), LetterCase::kUpper);
  EXPECT_EQ(letter_case("U.S."), LetterCase::kUpper);
  EXPECT_EQ(letter_case("ÉLYSÉE"), LetterCase::kUpper);  // non-ASCII capitals
  EXPECT_EQ(letter_case("élysée"), LetterCase::kLower);
  EXPECT_EQ(letter_case("Élysée"), LetterCase::kMixed);
  EXPECT_EQ(letter_case("1999"), LetterCase::kMixed);  // nothing cased
  EXPECT_EQ(letter_case(""), LetterCase::kMixed);
}

TEST(ShowsBefore, TheLargerCountWinsWhateverItsCase) {
  EXPECT_TRUE(shows_before("MARK ESPER", 3, "Mark Esper", 2));
  EXPECT_FALSE(shows_before("Mark Esper", 2, "MARK ESPER", 3));
}

TEST(ShowsBefore, TiesPreferMixedCaseThenSmallLettersThenCapitals) {
  EXPECT_TRUE(shows_before("Mark Esper", 1, "MARK ESPER", 1));
  EXPECT_FALSE(shows_before("MARK ESPER", 1, "Mark Esper", 1));
  EXPECT_TRUE(shows_before("mark esper", 1, "MARK ESPER", 1));
  EXPECT_TRUE(shows_before("Mark Esper", 1, "mark esper", 1));
}

TEST(ShowsBefore, TiesOfOneCaseGoToTheSmallerByteString) {
  EXPECT_TRUE(shows_before("George W Bush", 2, "George W. Bush", 2));  // ' ' < '.'
  EXPECT_FALSE(shows_before("George W. Bush", 2, "George W Bush", 2));
  EXPECT_FALSE(shows_before("Iraq", 1, "Iraq", 1));  // strict: a form is not before itself
}

TEST(DisplayForms, EmptyHasNoFormAndNoTotal) {
  DisplayForms forms;
  EXPECT_TRUE(forms.empty());
  EXPECT_EQ(forms.total(), 0u);
  EXPECT_EQ(forms.most_common(), "");
}

TEST(DisplayForms, MostCommonIsTheFormWithTheLargestSummedCount) {
  DisplayForms forms;
  forms.add("GEORGE W. BUSH", 2);  // first, and the largest single count
  forms.add("George W Bush", 1);
  forms.add("George W. Bush", 1);
  forms.add("George W Bush", 2);  // adds up to 3
  EXPECT_FALSE(forms.empty());
  EXPECT_EQ(forms.total(), 6u);
  EXPECT_EQ(forms.most_common(), "George W Bush");
}

// The choice is the same whatever order the forms arrive in (value streams and stock spies
// meet them in different orders).
TEST(DisplayForms, TheChoiceDoesNotDependOnOrder) {
  const std::pair<std::string, Xapian::doccount> seen[] = {
      {"TONY BLAIR", 4}, {"Tony Blair", 4}, {"tony blair", 4}, {"Tony  Blair", 4}};
  for (size_t start = 0; start < std::size(seen); ++start) {
    DisplayForms forms;
    for (size_t i = 0; i < std::size(seen); ++i) {
      const auto& [form, count] = seen[(start + i) % std::size(seen)];
      forms.add(form, count);
    }
    EXPECT_EQ(forms.most_common(), "Tony  Blair") << "starting at " << start;
    EXPECT_EQ(forms.total(), 16u);
  }
}

}  // namespace
}  // namespace newsarchive
