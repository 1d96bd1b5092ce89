// Unit tests for common/ingest/article_body: which blocks of a page are the article.
#include "ingest/article_body.h"

#include <gtest/gtest.h>

#include <string>

namespace newsarchive {
namespace {

std::string body_of(const std::string& html) {
  return extract_article_body(HtmlDocument::parse(html, "UTF-8"));
}

const std::string kP1 =
    "The harbour board agreed on Monday to dredge the eastern channel, which has silted up "
    "since the storms, before the summer sailing season begins.";
const std::string kP2 =
    "Fishermen had warned for months that boats were running aground at low tide, and two "
    "trawlers were damaged in March, the board said.";

TEST(ArticleBody, ParagraphsOfTheArticleOnly) {
  std::string page =
      "<body><div class='menu'><a href='/'>Home</a> <a href='/n'>News</a></div>"
      "<div class='article-text'><p>" +
      kP1 + "</p><p>" + kP2 +
      "</p></div>"
      "<div class='comments'><p>I think the board is wrong about this, as "
      "usual, and nobody listens to us.</p></div></body>";
  EXPECT_EQ(body_of(page), kP1 + "\n\n" + kP2);
}

TEST(ArticleBody, LinkHeavyBlocksInsideTheArticleAreLeftOut) {
  std::string page = "<body><article><p>" + kP1 +
                     "</p><ul><li><a href='/1'>Read about the "
                     "storms of last winter</a></li><li><a href='/2'>Trawler owners count "
                     "the cost</a></li></ul><p>" +
                     kP2 +
                     "</p><p><a href='/3'>Sign up for "
                     "our harbour alerts</a> now</p></article></body>";
  EXPECT_EQ(body_of(page), kP1 + "\n\n" + kP2);
}

TEST(ArticleBody, ListsOfProseAndSubheadingsStay) {
  std::string page = "<body><article><h1>Page headline</h1><p>" + kP1 +
                     "</p><h2>Next steps</h2>"
                     "<ul><li>Dredging starts in May.</li><li>It lasts six weeks.</li></ul><p>" +
                     kP2 +
                     "</p><figure><img src='x.jpg'><figcaption>A trawler in the channel"
                     "</figcaption></figure></article></body>";
  EXPECT_EQ(body_of(page), kP1 +
                               "\n\nNext steps\n\nDredging starts in May.\n\nIt lasts six "
                               "weeks.\n\n" +
                               kP2);
}

TEST(ArticleBody, ArticleBodyItempropWins) {
  std::string page = "<body><div><p>" + kP2 + "</p><p>" + kP2 +
                     "</p></div>"
                     "<div itemprop='articleBody'><p>" +
                     kP1 + "</p><p>" + kP1 + "</p></div></body>";
  EXPECT_EQ(body_of(page), kP1 + "\n\n" + kP1);
}

TEST(ArticleBody, HiddenScriptAndStyleTextNeverShows) {
  std::string page = "<body><div><p>" + kP1 +
                     "</p><p style='display: none'>Hidden paragraph of "
                     "text that a reader never sees on the page.</p><script>var x = 'code';"
                     "</script><style>p { color: red }</style><p hidden>Also hidden from "
                     "readers entirely.</p></div></body>";
  EXPECT_EQ(body_of(page), kP1);
}

TEST(ArticleBody, LineBreaksMakeLinesAndParagraphs) {
  std::string page =
      "<body><td>First line of the notice<br>second line of the notice<br><br>"
      "a new paragraph follows the two breaks</td></body>";
  EXPECT_EQ(body_of(page),
            "First line of the notice\nsecond line of the notice\n\na new paragraph follows "
            "the two breaks");
}

TEST(ArticleBody, EmptyAndTinyPagesHaveNoBody) {
  EXPECT_EQ(body_of(""), "");
  EXPECT_EQ(body_of("<html><body><p>Too short.</p></body></html>"), "");
}

}  // namespace
}  // namespace newsarchive
