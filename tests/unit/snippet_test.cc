// Tests for snippet: stem-aware highlighting, entity decoding, ledes, headline highlighting.
#include "query/snippet.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "query/query_parser.h"
#include "store/analyzer.h"
#include "store/document_builder.h"
#include "test_support.h"

namespace newsarchive {
namespace {

const std::string kEllipsis = "\xE2\x80\xA6";  // "…"

const std::string kTroopsBody =
    "Officials said the troops would withdraw by March.\n\n"
    "AT&T and <Nato> \"partners\" agreed.";

// The highlighted substrings, in order.
std::vector<std::string> highlighted(const Snippet& snippet) {
  std::vector<std::string> words;
  for (const Highlight& h : snippet.highlights) {
    EXPECT_LE(h.start, h.end);
    EXPECT_LE(h.end, snippet.text.size());
    words.push_back(snippet.text.substr(h.start, h.end - h.start));
  }
  return words;
}

// A small glass database; each test runs a parsed query and snippets the article texts.
class SnippetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = Xapian::WritableDatabase((dir_.path() / "db").string(), Xapian::DB_CREATE);
    add("troops.txt", "Troops to withdraw from Iraq", kTroopsBody);
    add("markets.txt", "Markets rally", "Shares rose sharply on Monday as investors cheered.");
    add("weather.txt", "Storm warning", "Heavy rain is expected across the north.");
    database_.commit();
  }

  void add(const std::string& id, const std::string& title, const std::string& body) {
    Article article;
    article.id = id;
    article.title = title;
    article.body = body;
    Xapian::TermGenerator generator = analyzer_.make_term_generator();
    database_.replace_document(id_term(id), build_document(article, generator));
  }

  Xapian::MSet search(const std::string& text) {
    Xapian::Enquire enquire(database_);
    enquire.set_query(
        parse_user_query(text, analyzer_, database_, DefaultOperator::kOr, today_local()));
    return enquire.get_mset(0, 10);
  }

  testing::TempDir dir_;
  Analyzer analyzer_{"english"};
  Xapian::WritableDatabase database_;
};

TEST_F(SnippetTest, HighlightsStemMatchedWord) {
  Xapian::MSet mset = search("withdrawing");
  ASSERT_EQ(mset.size(), 1u);
  Snippet snippet = make_snippet(mset, kTroopsBody, analyzer_.stemmer());
  ASSERT_EQ(snippet.highlights.size(), 1u);
  const Highlight& h = snippet.highlights[0];
  EXPECT_EQ(snippet.text.substr(h.start, h.end - h.start), "withdraw");
  EXPECT_EQ(h, (Highlight{32, 40}));
}

TEST_F(SnippetTest, WholeShortTextComesBackWithParagraphBreakAsOneSpace) {
  Snippet snippet = make_snippet(search("withdrawing"), kTroopsBody, analyzer_.stemmer());
  EXPECT_EQ(snippet.text,
            "Officials said the troops would withdraw by March. AT&T and <Nato> \"partners\" "
            "agreed.");
}

TEST_F(SnippetTest, HtmlSpecialCharactersComeBackPlainWithOffsetsRight) {
  Xapian::MSet mset = search("nato at&t");
  Snippet snippet = make_snippet(mset, kTroopsBody, analyzer_.stemmer());
  EXPECT_NE(snippet.text.find("AT&T and <Nato> \"partners\""), std::string::npos) << snippet.text;
  EXPECT_EQ(snippet.text.find("&amp;"), std::string::npos) << snippet.text;
  EXPECT_EQ(snippet.text.find("&lt;"), std::string::npos) << snippet.text;
  EXPECT_EQ(highlighted(snippet), (std::vector<std::string>{"AT&T", "Nato"}));
}

TEST_F(SnippetTest, LiteralEntityTextInSourceIsKeptLiterally) {
  const std::string text = "Written as &amp; in the partners' feed.";
  Snippet snippet = make_snippet(search("partners"), text, analyzer_.stemmer());
  EXPECT_EQ(snippet.text, text);
  EXPECT_EQ(highlighted(snippet), std::vector<std::string>{"partners"});
}

TEST_F(SnippetTest, ShortSnippetAroundMatchHasEllipsesAndRightOffsets) {
  Snippet snippet = make_snippet(search("withdrawing"), kTroopsBody, analyzer_.stemmer(), 30);
  EXPECT_EQ(snippet.text, kEllipsis + "withdraw by March. AT&T and" + kEllipsis);
  EXPECT_EQ(highlighted(snippet), std::vector<std::string>{"withdraw"});
}

TEST_F(SnippetTest, TextWithoutQueryTermsGivesTheLede) {
  Xapian::MSet mset = search("markets");
  ASSERT_EQ(mset.size(), 1u);
  Snippet snippet = make_snippet(mset, kTroopsBody, analyzer_.stemmer(), 30);
  Snippet expected = lede(kTroopsBody, 30);
  EXPECT_EQ(snippet.text, expected.text);
  EXPECT_EQ(snippet.text, "Officials said the troops" + kEllipsis);
  EXPECT_TRUE(snippet.highlights.empty());
}

TEST_F(SnippetTest, EmptyMatchSetGivesTheLede) {
  Xapian::MSet mset = search("zebra");
  ASSERT_EQ(mset.size(), 0u);
  Snippet snippet = make_snippet(mset, kTroopsBody, analyzer_.stemmer(), 30);
  EXPECT_EQ(snippet.text, "Officials said the troops" + kEllipsis);
  EXPECT_TRUE(snippet.highlights.empty());
}

TEST_F(SnippetTest, HighlightAllHighlightsEveryOccurrenceInHeadline) {
  const std::string headline = "Troops to withdraw from Iraq; troops withdrawing";
  Snippet snippet = highlight_all(search("withdrawing troops"), headline, analyzer_.stemmer());
  EXPECT_EQ(snippet.text, headline);
  EXPECT_EQ(highlighted(snippet),
            (std::vector<std::string>{"Troops", "withdraw", "troops", "withdrawing"}));
  EXPECT_EQ(snippet.highlights, (std::vector<Highlight>{{0, 6}, {10, 18}, {30, 36}, {37, 48}}));
}

TEST_F(SnippetTest, HighlightAllKeepsLongHeadlineWhole) {
  std::string headline = "Troops";
  for (int i = 0; i < 40; ++i) headline += " and more words";
  Snippet snippet = highlight_all(search("troops"), headline, analyzer_.stemmer());
  EXPECT_EQ(snippet.text, headline);
  EXPECT_EQ(highlighted(snippet), std::vector<std::string>{"Troops"});
}

TEST_F(SnippetTest, HighlightAllWithoutMatchesReturnsHeadlinePlain) {
  Snippet snippet = highlight_all(search("markets"), "Storm warning", analyzer_.stemmer());
  EXPECT_EQ(snippet.text, "Storm warning");
  EXPECT_TRUE(snippet.highlights.empty());
}

TEST(Lede, ShortTextIsReturnedWhole) {
  Snippet snippet = lede("Shares rose.", 30);
  EXPECT_EQ(snippet.text, "Shares rose.");
  EXPECT_TRUE(snippet.highlights.empty());
}

TEST(Lede, TextOfExactlyTheLengthIsReturnedWhole) {
  EXPECT_EQ(lede("alpha beta", 10).text, "alpha beta");
}

TEST(Lede, LongTextIsCutAtAWordWithEllipsis) {
  EXPECT_EQ(lede("alpha beta gamma delta", 14).text, "alpha beta" + kEllipsis);
}

// "alpha beta gamma" is exactly 16 bytes and followed by a space: the cut already ends a word.
TEST(Lede, WordEndingExactlyAtTheLimitIsKept) {
  EXPECT_EQ(lede("alpha beta gamma delta", 16).text, "alpha beta gamma" + kEllipsis);
}

TEST(Lede, ParagraphBreaksBecomeSingleSpaces) {
  EXPECT_EQ(lede("First paragraph.\n\nSecond\tparagraph.\nThird.").text,
            "First paragraph. Second paragraph. Third.");
}

TEST(Lede, CutNeverSplitsAUtf8Sequence) {
  // No space in the second half, so the cut falls inside the word, at a character boundary.
  std::string text = "ab ";
  for (int i = 0; i < 20; ++i) text += "é";
  Snippet snippet = lede(text, 10);
  EXPECT_EQ(snippet.text, "ab ééé" + kEllipsis);
}

TEST(Lede, DefaultLengthIsSnippetBytes) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "word ";  // 250 bytes
  Snippet snippet = lede(text);
  ASSERT_TRUE(snippet.text.ends_with(kEllipsis));
  EXPECT_EQ(snippet.text.size() - kEllipsis.size(), kSnippetBytes - 1);  // 40 words, no space
}

}  // namespace
}  // namespace newsarchive
