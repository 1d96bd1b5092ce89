// Unit: error lines stay single lines without terminal escapes, whatever the user typed; the
// day natural dates are relative to can be pinned.
#include "present/cli_support.h"

#include <gtest/gtest.h>

#include "text/errors.h"

namespace newsarchive {
namespace {

TEST(OneLine, LineBreaksAndTabsBecomeSpaces) {
  EXPECT_EQ(one_line("bad query: 'a*\nb\r\tc'"), "bad query: 'a* b  c'");
}

TEST(OneLine, OtherControlCharactersAreEscaped) {
  EXPECT_EQ(one_line("-x\x1b[31m"), "-x\\x1b[31m");
  EXPECT_EQ(one_line(std::string("nul\0del\x7f", 8)), "nul\\x00del\\x7f");
  EXPECT_EQ(one_line("csi \xc2\x9b end"), "csi \\x9b end");  // U+009B, the C1 CSI
}

TEST(OneLine, PrintableTextIsUnchanged) {
  EXPECT_EQ(one_line("caf\xc3\xa9 \xe2\x80\x94 Soleimani"), "caf\xc3\xa9 \xe2\x80\x94 Soleimani");
}

TEST(ReferenceToday, PinnedDayIsUsed) {
  EXPECT_EQ(reference_today("2020-02-01").iso(), "2020-02-01");
  EXPECT_EQ(reference_today("2024-02-29").iso(), "2024-02-29");
}

TEST(ReferenceToday, UnsetOrEmptyIsTheLocalDate) {
  // Read the clock on both sides, so a run across midnight cannot fail.
  Date before = today_local();
  Date unset = reference_today(nullptr);
  Date empty = reference_today("");
  Date after = today_local();
  EXPECT_TRUE(unset == before || unset == after);
  EXPECT_TRUE(empty == before || empty == after);
}

// The message a bad pinned value gives, or "" when it gives none.
std::string pinned_error(const char* value) {
  try {
    reference_today(value);
  } catch (const UserError& error) {
    return error.what();
  }
  return "";
}

TEST(ReferenceToday, BadPinnedValueIsAUserErrorNamingIt) {
  EXPECT_EQ(pinned_error("2020-02"), "invalid NEWSARCHIVE_TODAY: '2020-02' (use YYYY-MM-DD)");
  EXPECT_EQ(pinned_error("2021-02-29"), "invalid NEWSARCHIVE_TODAY: '2021-02-29' (use YYYY-MM-DD)");
  EXPECT_EQ(pinned_error("yesterday"), "invalid NEWSARCHIVE_TODAY: 'yesterday' (use YYYY-MM-DD)");
}

}  // namespace
}  // namespace newsarchive
