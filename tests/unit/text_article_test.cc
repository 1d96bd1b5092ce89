// Unit tests for common/text_article: the plain-text article format, on the seed corpus file
// and on hand-written variants (datelines, line ends, damaged and empty files).
#include "text_article.h"

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "test_support.h"

namespace newsarchive {
namespace {

using testing::RecordingSink;
using Event = std::tuple<std::string, std::string, std::string>;  // kind, location, message

constexpr const char* kLocation = "archive/article.txt";
constexpr const char* kId = "article.txt";

std::vector<Event> events_of(const RecordingSink& sink) {
  std::vector<Event> events;
  for (const auto& event : sink.events)
    events.emplace_back(event.kind, event.location, event.message);
  return events;
}

// Parses `content` as archive/article.txt.
RecordingSink parse(std::string_view content) {
  RecordingSink sink;
  parse_text_article(content, kId, SourceLocation{kLocation, 0}, sink);
  return sink;
}

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// "2020-01-06", or "undated": readable in failure messages.
std::string iso_of(const std::optional<Date>& date) {
  return date ? date->iso() : "undated";
}

std::vector<std::string> split_paragraphs(const std::string& body) {
  std::vector<std::string> paragraphs;
  size_t start = 0;
  for (;;) {
    size_t end = body.find("\n\n", start);
    paragraphs.push_back(body.substr(start, end - start));
    if (end == std::string::npos) return paragraphs;
    start = end + 2;
  }
}

TEST(TextArticle, ParsesTheSeedCorpusFileExactly) {
  const std::string name = "2020-01-06-pentagon-chief-denies-leaving-iraq.txt";
  const std::string content = read_whole_file(std::string(NEWSARCHIVE_CORPUS_DIR) + "/" + name);
  RecordingSink sink;
  parse_text_article(content, name, SourceLocation{"corpus/" + name, 0}, sink);

  ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", "corpus/" + name, name}}));
  const Article& article = sink.articles.at(0);
  EXPECT_EQ(article.id, name);
  EXPECT_EQ(iso_of(article.date), "2020-01-06");
  EXPECT_EQ(article.title, "the Pentagon chief, the United States denies leaving Iraq");
  EXPECT_TRUE(article.body.starts_with(
      "The United States has no plans to withdraw American troops from Iraq, Defense Secretary "
      "Mark Esper said after reports of a military letter informing Iraqi officials about the "
      "repositioning of troops.\n\nDevelopments follow"))
      << article.body.substr(0, 300);
  EXPECT_TRUE(article.body.ends_with(
      "\n\nIran\xE2\x80\x99s call for US forces to withdraw from the region picked up on Sunday "
      "when the Iraqi parliament passed a resolution calling on all foreign troops to leave the "
      "country."))
      << article.body.substr(article.body.size() - 300);
  EXPECT_EQ(article.body.find("Originally published"), std::string::npos);
  EXPECT_EQ(article.body.find("advertisement"), std::string::npos);
  EXPECT_EQ(article.body.find("2020-01-06"), std::string::npos);

  // The file holds one line per paragraph: the body is exactly the text between the dateline's
  // blank line and the headline paragraph, 18 paragraphs.
  size_t body_start = content.find("\n\n") + 2;
  size_t body_end = content.rfind("\n\nOriginally published as ");
  ASSERT_NE(body_end, std::string::npos);
  EXPECT_EQ(article.body, content.substr(body_start, body_end - body_start));
  std::vector<std::string> paragraphs = split_paragraphs(article.body);
  EXPECT_EQ(paragraphs.size(), 18u);
  for (const std::string& paragraph : paragraphs) {
    EXPECT_FALSE(paragraph.empty());
    EXPECT_EQ(paragraph.find('\n'), std::string::npos) << paragraph;
  }
  EXPECT_EQ(paragraphs.at(9),
            "Several helicopters were heard flying over Baghdad on Monday evening.");
}

TEST(TextArticle, AcceptsEveryDatelineFormParseArticleDateKnows) {
  struct Case {
    std::string dateline;
    std::string iso;
  };
  const std::vector<Case> cases = {
      {"date 2020-01-06 advertisement", "2020-01-06"},
      {"2020-01-06", "2020-01-06"},
      {"2020-01-06T10:00:00Z", "2020-01-06"},
      {"2020/01/06", "2020-01-06"},
      {"Date: 6 January 2020", "2020-01-06"},
      {"dated 6 Jan. 2020", "2020-01-06"},
      {"January 6, 2020", "2020-01-06"},
      {"Monday, January 6, 2020", "2020-01-06"},
      {"Sept 3, 2019 -- advertisement", "2019-09-03"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.dateline);
    RecordingSink sink = parse(c.dateline + "\n\nTroops stay in Iraq. Esper said so.\n");
    ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", kLocation, kId}}));
    const Article& article = sink.articles.at(0);
    EXPECT_EQ(iso_of(article.date), c.iso);
    EXPECT_EQ(article.body, "Troops stay in Iraq. Esper said so.");
  }
}

TEST(TextArticle, DerivesTheTitleFromTheFirstSentenceWithoutAHeadlineLine) {
  RecordingSink sink = parse(
      "date 2020-01-06\n\nMr. Esper said troops stay. Iraq disagrees.\n\nSecond paragraph.\n");
  ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", kLocation, kId}}));
  EXPECT_EQ(sink.articles.at(0).title, "Mr. Esper said troops stay.");
  EXPECT_EQ(sink.articles.at(0).body,
            "Mr. Esper said troops stay. Iraq disagrees.\n\nSecond paragraph.");
}

TEST(TextArticle, TakesTheHeadlineOnlyFromTheLastParagraph) {
  RecordingSink sink =
      parse("date 2020-01-06\n\nOriginally published as a quote in the middle.\n\nLast words.\n");
  ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", kLocation, kId}}));
  EXPECT_EQ(sink.articles.at(0).title, "Originally published as a quote in the middle.");
  EXPECT_EQ(sink.articles.at(0).body,
            "Originally published as a quote in the middle.\n\nLast words.");
}

TEST(TextArticle, SkipsLeadingBlankLinesAndTrimsLines) {
  RecordingSink sink = parse(
      "\n\n   \n  date 2020-01-06 advertisement  \n\n\n  Troops stay\n   in Iraq.  \n\n"
      "\tSecond paragraph.\n\n  Originally published as  Troops stay  \n\n\n");
  ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", kLocation, kId}}));
  const Article& article = sink.articles.at(0);
  EXPECT_EQ(iso_of(article.date), "2020-01-06");
  EXPECT_EQ(article.title, "Troops stay");
  EXPECT_EQ(article.body, "Troops stay in Iraq.\n\nSecond paragraph.");
}

TEST(TextArticle, ReadsCrlfAndLoneCrLineEnds) {
  for (std::string newline : {"\r\n", "\r"}) {
    SCOPED_TRACE(newline == "\r" ? "CR" : "CRLF");
    std::string content = "date 2020-01-06" + newline + newline + "First paragraph," + newline +
                          "same paragraph." + newline + newline + "Second paragraph." + newline +
                          newline + "Originally published as Headline" + newline;
    RecordingSink sink = parse(content);
    ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", kLocation, kId}}));
    const Article& article = sink.articles.at(0);
    EXPECT_EQ(iso_of(article.date), "2020-01-06");
    EXPECT_EQ(article.title, "Headline");
    EXPECT_EQ(article.body, "First paragraph, same paragraph.\n\nSecond paragraph.");
  }
}

TEST(TextArticle, DropsAByteOrderMarkBeforeTheDateline) {
  RecordingSink sink = parse(
      "\xEF\xBB\xBF"
      "date 2020-01-06\n\nBody text.\n");
  ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", kLocation, kId}}));
  EXPECT_EQ(iso_of(sink.articles.at(0).date), "2020-01-06");
  EXPECT_EQ(sink.articles.at(0).body, "Body text.");
}

TEST(TextArticle, RemovesControlCharactersFromTheText) {
  RecordingSink sink = parse("date 2020-01-06\n\nRed\x1B[31m alert\x07.\n");
  ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", kLocation, kId}}));
  EXPECT_EQ(sink.articles.at(0).body, "Red[31m alert.");
}

TEST(TextArticle, IndexesUndatedWhenTheDatelineHoldsNoDate) {
  RecordingSink sink = parse("date garbage\n\nTroops stay in Iraq.\n");
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{
                {"warn", kLocation, "no valid date in dateline 'date garbage'; indexed undated"},
                {"accept", kLocation, kId}}));
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(iso_of(sink.articles[0].date), "undated");
  EXPECT_EQ(sink.articles[0].body, "Troops stay in Iraq.");
  EXPECT_EQ(sink.articles[0].title, "Troops stay in Iraq.");
}

TEST(TextArticle, KeepsTheFirstLineAsBodyWhenThereIsNoDateline) {
  RecordingSink sink = parse("Troops stay in Iraq.\n\nSecond paragraph.\n");
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"warn", kLocation, "no dateline; indexed undated"},
                                {"accept", kLocation, kId}}));
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(iso_of(sink.articles[0].date), "undated");
  EXPECT_EQ(sink.articles[0].body, "Troops stay in Iraq.\n\nSecond paragraph.");
  EXPECT_EQ(sink.articles[0].title, "Troops stay in Iraq.");
}

TEST(TextArticle, TreatsALongFirstLineWithADateAsBody) {
  // Nine words: more than kMaxDatelineWords, so it is text even though it holds a date.
  const std::string first = "On 2020-01-06 the Pentagon said troops would stay put.";
  RecordingSink sink = parse(first + "\n");
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"warn", kLocation, "no dateline; indexed undated"},
                                {"accept", kLocation, kId}}));
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(iso_of(sink.articles[0].date), "undated");
  EXPECT_EQ(sink.articles[0].body, first);
}

TEST(TextArticle, SkipsEmptyAndBlankFiles) {
  const std::vector<std::string> cases = {
      "", " ", "\n\n", " \t\r\n \n", "\xEF\xBB\xBF", "\xEF\xBB\xBF\r\n  \n"};
  for (const std::string& content : cases) {
    SCOPED_TRACE(::testing::PrintToString(content));
    EXPECT_EQ(events_of(parse(content)), (std::vector<Event>{{"skip", kLocation, "empty file"}}));
  }
}

TEST(TextArticle, SkipsABinaryFileNamingTheNulOffset) {
  const std::string content = std::string("date 2020-01-06\n\nBo") + '\0' + "dy\n";
  EXPECT_EQ(events_of(parse(content)),
            (std::vector<Event>{{"skip", kLocation, "binary file (NUL byte at offset 19)"}}));
}

TEST(TextArticle, TranscodesLatin1WithOneWarning) {
  RecordingSink sink = parse("date 2020-01-06\n\nCaf\xE9 society \x93returns\x94.\n\nNa\xEFve.\n");
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"warn", kLocation, "invalid UTF-8; bytes read as Windows-1252"},
                                {"accept", kLocation, kId}}));
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(iso_of(sink.articles[0].date), "2020-01-06");
  EXPECT_EQ(sink.articles[0].body,
            "Caf\xC3\xA9 society \xE2\x80\x9Creturns\xE2\x80\x9D.\n\nNa\xC3\xAFve.");
  EXPECT_EQ(sink.articles[0].title, "Caf\xC3\xA9 society \xE2\x80\x9Creturns\xE2\x80\x9D.");
}

TEST(TextArticle, SkipsAFileWithOnlyADateline) {
  for (std::string content : {"date 2020-01-06 advertisement", "date 2020-01-06\n\n\n  \n"}) {
    SCOPED_TRACE(content);
    EXPECT_EQ(events_of(parse(content)),
              (std::vector<Event>{{"skip", kLocation, "no article text"}}));
  }
}

}  // namespace
}  // namespace newsarchive
