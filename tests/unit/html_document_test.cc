// Unit tests for common/ingest/html_document: the charset a page is read in.
#include "ingest/html_document.h"

#include <gtest/gtest.h>

namespace newsarchive {
namespace {

TEST(HtmlDocument, DeclaredCharsetFromMetaTags) {
  EXPECT_EQ(declared_charset("<html><head><meta charset=\"ISO-8859-2\">"), "iso-8859-2");
  EXPECT_EQ(declared_charset("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; "
                             "charset=windows-1251\">"),
            "windows-1251");
  EXPECT_EQ(declared_charset("<meta charset = 'utf-8' />"), "utf-8");
  EXPECT_EQ(declared_charset("<p>the charset=koi8-r is in the text</p>"), "");
  EXPECT_EQ(declared_charset(""), "");
}

TEST(HtmlDocument, ChoosesCharset) {
  EXPECT_EQ(choose_charset("<meta charset=iso-8859-2>", ""), "iso-8859-2");
  EXPECT_EQ(choose_charset("<meta charset=iso-8859-2>", "KOI8-R"), "koi8-r");  // transport wins
  EXPECT_EQ(choose_charset("<meta charset=iso-8859-1>caf\xE9", ""), "windows-1252");
  EXPECT_EQ(choose_charset("caf\xC3\xA9", ""), "UTF-8");
  EXPECT_EQ(choose_charset("caf\xE9", ""), "windows-1252");
  EXPECT_EQ(choose_charset("<meta charset=utf-8>caf\xE9", ""), "windows-1252");  // not UTF-8
  EXPECT_EQ(choose_charset("<meta charset=no-such-charset>caf\xC3\xA9", "bogus"), "UTF-8");
}

TEST(HtmlDocument, GarbageHasNoRootOrAnEmptyOne) {
  EXPECT_EQ(HtmlDocument::parse("", "").root(), nullptr);
  EXPECT_NE(HtmlDocument::parse("<p>x</p>", "").root(), nullptr);
}

}  // namespace
}  // namespace newsarchive
