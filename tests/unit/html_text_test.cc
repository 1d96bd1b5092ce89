// Unit tests for common/ingest/html_text: HTML fragments and plain text to paragraphs.
#include "ingest/html_text.h"

#include <gtest/gtest.h>

#include <string>

namespace newsarchive {
namespace {

TEST(HtmlFragmentToText, BlockElementsEndParagraphs) {
  EXPECT_EQ(html_fragment_to_text("<p>One.</p><div>Two</div>three<br>four<ul><li>a</li><li>b</li>"
                                  "</ul><h2>Five</h2><blockquote>Six</blockquote>"),
            "One.\n\nTwo\n\nthree\n\nfour\n\na\n\nb\n\nFive\n\nSix");
}

TEST(HtmlFragmentToText, InlineElementsJoinTheirParagraph) {
  EXPECT_EQ(html_fragment_to_text("<p>The <b>court</b> <i>ruled</i><a href='x'>today</a>.</p>"),
            "The court ruledtoday.");
}

TEST(HtmlFragmentToText, DropsScriptStyleAndNoscript) {
  EXPECT_EQ(html_fragment_to_text("<p>Kept</p><script>var x = '<p>no</p>';</script>"
                                  "<style>p { color: red }</style><noscript>Enable JS</noscript>"
                                  "<p>Also kept</p>"),
            "Kept\n\nAlso kept");
}

TEST(HtmlFragmentToText, DecodesEntitiesAndCollapsesWhitespace) {
  EXPECT_EQ(
      html_fragment_to_text("<p>  AT&amp;T\n\t&nbsp; bought &#x41;&eacute;  </p>\n\n<p> </p>"),
      "AT&T bought A\xC3\xA9");
}

TEST(HtmlFragmentToText, PlainTextAndBrokenMarkupStillGiveText) {
  EXPECT_EQ(html_fragment_to_text("Just words"), "Just words");
  EXPECT_EQ(html_fragment_to_text("<p>Open <b>bold<p>Next"), "Open bold\n\nNext");
  EXPECT_EQ(html_fragment_to_text("a < b and c > d"), "a < b and c > d");
  EXPECT_EQ(html_fragment_to_text(""), "");
  EXPECT_EQ(html_fragment_to_text("<p></p><div><br></div>"), "");
}

TEST(HtmlFragmentToText, GarbageAndDeepNestingNeitherCrashNorPrint) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div><span>";
  deep += "bottom";
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>((i * 131 + 7) % 256));
  ::testing::internal::CaptureStderr();
  std::string deep_text = html_fragment_to_text(deep);
  std::string garbage_text = html_fragment_to_text(garbage);
  std::string printed = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(printed, "");
  EXPECT_EQ(deep_text.find('<'), std::string::npos);
  EXPECT_LE(garbage_text.size(), 4 * garbage.size());
}

TEST(CollapseWhitespace, OneSpaceBetweenWordsNoneAtTheEnds) {
  EXPECT_EQ(collapse_whitespace("  a \t\n b\xC2\xA0\xC2\xA0 c  "), "a b c");
  EXPECT_EQ(collapse_whitespace(" \n "), "");
  EXPECT_EQ(collapse_whitespace("\xC3\xA9t\xC3\xA9"), "\xC3\xA9t\xC3\xA9");
}

TEST(TextToParagraphs, BlankLinesSeparateParagraphs) {
  EXPECT_EQ(text_to_paragraphs("Winds of 100 km/h\n   are expected.\n \n\n  Stay inside.\n"),
            "Winds of 100 km/h are expected.\n\nStay inside.");
  EXPECT_EQ(text_to_paragraphs("\n\n"), "");
  EXPECT_EQ(text_to_paragraphs("one line"), "one line");
}

}  // namespace
}  // namespace newsarchive
