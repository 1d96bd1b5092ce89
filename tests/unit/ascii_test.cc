// Unit tests for text/ascii: ASCII-only case folding and trimming.
#include "text/ascii.h"

#include <gtest/gtest.h>

namespace newsarchive {
namespace {

TEST(AsciiLower, FoldsOnlyAToZ) {
  EXPECT_EQ(ascii_lower("Content-Type: TEXT/Html"), "content-type: text/html");
  EXPECT_EQ(ascii_lower("STORY.TXT"), "story.txt");
  // UTF-8 letters are left alone, byte for byte: "ÉTÉ" keeps its É.
  EXPECT_EQ(ascii_lower("\xC3\x89T\xC3\x89"), "\xC3\x89t\xC3\x89");
  EXPECT_EQ(ascii_lower(""), "");
}

TEST(TrimAsciiSpace, DropsSpacesTabsCrAndLfAtBothEnds) {
  EXPECT_EQ(trim_ascii_space(" \t text/html; charset=utf-8 \r\n"), "text/html; charset=utf-8");
  EXPECT_EQ(trim_ascii_space("a b"), "a b");
  EXPECT_EQ(trim_ascii_space(" \r\n\t "), "");
  EXPECT_EQ(trim_ascii_space("\vx\v"), "\vx\v");  // only the four named characters
}

}  // namespace
}  // namespace newsarchive
