// Unit: error lines stay single lines without terminal escapes, whatever the user typed.
#include "present/cli_support.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace newsarchive
