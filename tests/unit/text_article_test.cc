// Unit tests for common/text_article: the plain-text article format, on the seed corpus file
// and on hand-written variants (datelines, line ends, damaged and empty files).
#include "ingest/text_article.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "test_support.h"
#include "text/text_cleanup.h"

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
            (std::vector<Event>{{"warn", kLocation, "no valid date in dateline 'date garbage'"},
                                {"accept", kLocation, kId}}));
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(iso_of(sink.articles[0].date), "undated");
  EXPECT_EQ(sink.articles[0].body, "Troops stay in Iraq.");
  EXPECT_EQ(sink.articles[0].title, "Troops stay in Iraq.");
}

TEST(TextArticle, KeepsTheFirstLineAsBodyWhenThereIsNoDateline) {
  RecordingSink sink = parse("Troops stay in Iraq.\n\nSecond paragraph.\n");
  EXPECT_EQ(events_of(sink), (std::vector<Event>{{"accept", kLocation, kId}}));
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(iso_of(sink.articles[0].date), "undated");
  EXPECT_EQ(sink.articles[0].body, "Troops stay in Iraq.\n\nSecond paragraph.");
  EXPECT_EQ(sink.articles[0].title, "Troops stay in Iraq.");
}

TEST(TextArticle, TreatsALongFirstLineWithADateAsBody) {
  // Nine words: more than kMaxDateLineWords, so it is text even though it holds a date.
  const std::string first = "On 2020-01-06 the Pentagon said troops would stay put.";
  RecordingSink sink = parse(first + "\n");
  EXPECT_EQ(events_of(sink), (std::vector<Event>{{"accept", kLocation, kId}}));
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

// `text` as UTF-16 bytes with a byte-order mark (each char16_t is one code unit).
std::string utf16_with_bom(std::u16string_view text, Utf16Order order) {
  std::string bytes = order == Utf16Order::kLittleEndian ? "\xFF\xFE" : "\xFE\xFF";
  for (char16_t unit : text) {
    char low = static_cast<char>(unit & 0xFF);
    char high = static_cast<char>(unit >> 8);
    bytes += order == Utf16Order::kLittleEndian ? std::string{low, high} : std::string{high, low};
  }
  return bytes;
}

TEST(TextArticle, TranscodesUtf16WithAByteOrderMarkWithOneWarning) {
  const std::u16string text =
      u"date 2020-01-06\r\n\r\nCaf\u00e9 society \u201creturns\u201d \U0001F4F0.\r\n\r\n"
      u"Originally published as Caf\u00e9 society returns\r\n";
  for (Utf16Order order : {Utf16Order::kLittleEndian, Utf16Order::kBigEndian}) {
    std::string name(utf16_name(order));
    SCOPED_TRACE(name);
    RecordingSink sink = parse(utf16_with_bom(text, order));
    ASSERT_EQ(events_of(sink),
              (std::vector<Event>{{"warn", kLocation, name + " text; transcoded to UTF-8"},
                                  {"accept", kLocation, kId}}));
    const Article& article = sink.articles.at(0);
    EXPECT_EQ(iso_of(article.date), "2020-01-06");
    EXPECT_EQ(article.title, "Caf\xC3\xA9 society returns");
    EXPECT_EQ(article.body,
              "Caf\xC3\xA9 society \xE2\x80\x9Creturns\xE2\x80\x9D \xF0\x9F\x93\xB0.");
  }
}

TEST(TextArticle, SkipsUtf16WithoutAByteOrderMarkAsBinary) {
  const std::string content("d\0a\0t\0e\0", 8);
  EXPECT_EQ(events_of(parse(content)),
            (std::vector<Event>{{"skip", kLocation, "binary file (NUL byte at offset 1)"}}));
}

TEST(TextArticle, SkipsAPngImageAsBinary) {
  const char kPngStart[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
  const std::string png(kPngStart, sizeof kPngStart - 1);
  EXPECT_EQ(events_of(parse(png)),
            (std::vector<Event>{{"skip", kLocation, "binary file (NUL byte at offset 8)"}}));
}

TEST(TextArticle, TakesALineWrittenAsAnImpossibleDateAsADateline) {
  for (std::string dateline :
       {"2024-02-30", "0000-00-00", "date 0000-01-01", "date 9999-12-31", "February 30, 2024"}) {
    SCOPED_TRACE(dateline);
    RecordingSink sink = parse(dateline + "\n\nTroops stay in Iraq.\n");
    EXPECT_EQ(
        events_of(sink),
        (std::vector<Event>{{"warn", kLocation, "no valid date in dateline '" + dateline + "'"},
                            {"accept", kLocation, kId}}));
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(iso_of(sink.articles[0].date), "undated");
    EXPECT_EQ(sink.articles[0].body, "Troops stay in Iraq.");
  }
}

TEST(TextArticle, QuotesOnlyTheStartOfALongBrokenDateline) {
  const std::string dateline = "date " + std::string(200, 'x');
  RecordingSink sink = parse(dateline + "\n\nTroops stay in Iraq.\n");
  EXPECT_EQ(
      events_of(sink),
      (std::vector<Event>{
          {"warn", kLocation, "no valid date in dateline 'date " + std::string(95, 'x') + "...'"},
          {"accept", kLocation, kId}}));
}

// The day after `date` (dates from latest_plausible_date are always followed by a valid one).
Date day_after(const Date& date) {
  if (auto next = make_date(date.year, date.month, date.day + 1)) return *next;
  if (auto next = make_date(date.year, date.month + 1, 1)) return *next;
  return Date{date.year + 1, 1, 1};
}

TEST(TextArticle, PassesOverADateMoreThanAYearAhead) {
  RecordingSink sink = parse("date 2999-12-31\n\nTroops stay in Iraq.\n");
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{
                {"warn", kLocation,
                 "date 2999-12-31 (dateline) is more than a year in the future; not used"},
                {"accept", kLocation, kId}}));
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(iso_of(sink.articles[0].date), "undated");
  EXPECT_EQ(sink.articles[0].body, "Troops stay in Iraq.");

  // Exactly a year ahead is still trusted; the day after is not.
  Date latest = latest_plausible_date(today_utc());
  RecordingSink on_limit = parse("date " + latest.iso() + "\n\nTroops stay in Iraq.\n");
  EXPECT_EQ(events_of(on_limit), (std::vector<Event>{{"accept", kLocation, kId}}));
  EXPECT_EQ(iso_of(on_limit.articles.at(0).date), latest.iso());
  std::string after = day_after(latest).iso();
  RecordingSink past_limit = parse("date " + after + "\n\nTroops stay in Iraq.\n");
  EXPECT_EQ(events_of(past_limit),
            (std::vector<Event>{
                {"warn", kLocation,
                 "date " + after + " (dateline) is more than a year in the future; not used"},
                {"accept", kLocation, kId}}));
}

std::string repeated(std::string_view piece, size_t times) {
  std::string text;
  text.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) text += piece;
  return text;
}

// 8 MiB = 349525 sentences of 24 bytes and 8 bytes more, which end inside the next "Harbour works":
// the body is cut after that "Harbour", at the space before "works".
TEST(TextArticle, CutsABodyOverTheLimitAtAWordWithOneWarning) {
  const std::string sentence = "Harbour works continue. ";
  ASSERT_EQ(kMaxBodyBytes, 349525 * sentence.size() + 8);
  const size_t sentences = 349535;
  const std::string last_paragraph = "The zeppelin never came.";
  const std::string content = "date 2021-03-04\n\n" + repeated(sentence, sentences) + "\n\n" +
                              last_paragraph + "\n\nOriginally published as Giant\n";
  // The first paragraph loses its trailing space; "\n\n" joins the second.
  const size_t full_body = sentences * sentence.size() - 1 + 2 + last_paragraph.size();
  RecordingSink sink = parse(content);
  ASSERT_EQ(events_of(sink),
            (std::vector<Event>{
                {"warn", kLocation, "body of " + std::to_string(full_body) + " bytes cut to 8 MiB"},
                {"accept", kLocation, kId}}));
  const Article& article = sink.articles.at(0);
  EXPECT_EQ(article.title, "Giant");
  EXPECT_EQ(iso_of(article.date), "2021-03-04");
  EXPECT_EQ(article.body.size(), kMaxBodyBytes - 1);
  EXPECT_TRUE(article.body == repeated(sentence, 349525) + "Harbour");
}

TEST(TextArticle, KeepsABodyOfExactlyTheLimitWhole) {
  const std::string body = std::string(kMaxBodyBytes - 5, 'a') + " tail";
  RecordingSink sink = parse("date 2021-03-04\n\n" + body + "\n");
  ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", kLocation, kId}}));
  EXPECT_TRUE(sink.articles.at(0).body == body);
}

// 64 KiB = 13107 words of 5 bytes and one byte more: the title ends with word 13107, before the
// space at byte 65534.
TEST(TextArticle, CutsAHeadlineOverTheLimitWithOneWarning) {
  const size_t words = 13200;
  const std::string content =
      "date 2021-03-04\n\nBody text.\n\nOriginally published as " + repeated("word ", words) + "\n";
  RecordingSink sink = parse(content);
  ASSERT_EQ(
      events_of(sink),
      (std::vector<Event>{
          {"warn", kLocation, "title of " + std::to_string(words * 5 - 1) + " bytes cut to 64 KiB"},
          {"accept", kLocation, kId}}));
  std::string title = repeated("word ", 13107);
  title.pop_back();
  EXPECT_EQ(sink.articles.at(0).title, title);
  EXPECT_EQ(sink.articles.at(0).body, "Body text.");
}

TEST(TextArticle, ParsesAFileOfManyBlankLinesAsEmpty) {
  EXPECT_EQ(events_of(parse(std::string(10u << 20, '\n'))),
            (std::vector<Event>{{"skip", kLocation, "empty file"}}));
}

RecordingSink read_file_at(const std::filesystem::path& path, bool expected_result) {
  RecordingSink sink;
  EXPECT_EQ(read_text_article(path, kId, SourceLocation{kLocation, 0}, sink), expected_result);
  return sink;
}

TEST(ReadTextArticle, ReadsAndParsesAFile) {
  testing::TempDir dir;
  testing::write_file(dir.path() / "a.txt", "date 2020-01-06\n\nTroops stay in Iraq.\n");
  RecordingSink sink = read_file_at(dir.path() / "a.txt", true);
  ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", kLocation, kId}}));
  EXPECT_EQ(sink.articles.at(0).body, "Troops stay in Iraq.");
}

// A file listed by the walk and gone when it is opened looks like a dangling link: both fail
// to open with ENOENT.
TEST(ReadTextArticle, ReportsAMissingFileOrDanglingLinkAsUnreadable) {
  testing::TempDir dir;
  std::filesystem::create_symlink("nowhere.txt", dir.path() / "dangling.txt");
  for (const char* name : {"missing.txt", "dangling.txt"}) {
    SCOPED_TRACE(name);
    RecordingSink sink = read_file_at(dir.path() / name, false);
    EXPECT_EQ(events_of(sink),
              (std::vector<Event>{{"skip", kLocation, "cannot open: No such file or directory"}}));
  }
}

TEST(ReadTextArticle, ReportsALinkLoopAsUnreadable) {
  testing::TempDir dir;
  std::filesystem::create_symlink("loop.txt", dir.path() / "loop.txt");
  RecordingSink sink = read_file_at(dir.path() / "loop.txt", false);
  EXPECT_EQ(events_of(sink), (std::vector<Event>{{"skip", kLocation,
                                                  "cannot open: Too many levels of symbolic "
                                                  "links"}}));
}

TEST(ReadTextArticle, ReportsADirectoryAsUnreadable) {
  testing::TempDir dir;
  RecordingSink sink = read_file_at(dir.path(), false);
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"skip", kLocation, "read error: Is a directory"}}));
}

// Root reads files whatever their mode, so the reads run as an unprivileged user (a child process
// that drops root's privileges when the test runs as root). That user reads the readable file
// beside the unreadable one: only the mode keeps it out.
TEST(ReadTextArticle, ReportsAFileWithoutReadPermission) {
  testing::TempDir dir;
  testing::write_file(dir.path() / "public.txt", "date 2020-01-06\n\nBody.\n");
  testing::write_file(dir.path() / "secret.txt", "date 2020-01-06\n\nBody.\n");
  testing::hand_over_to_unprivileged_user(dir.path());
  std::filesystem::permissions(dir.path() / "secret.txt", std::filesystem::perms::none);
  if (testing::unprivileged_can_read(dir.path() / "secret.txt"))
    GTEST_SKIP() << "this user reads files whatever their mode and has no root to drop";
  // Results and events as text: gtest assertions in the child would be lost.
  std::string outcome = testing::run_unprivileged([&] {
    std::string lines;
    for (const char* name : {"public.txt", "secret.txt"}) {
      RecordingSink sink;
      bool read = read_text_article(dir.path() / name, kId, SourceLocation{kLocation, 0}, sink);
      lines += std::string(name) + (read ? ": read" : ": unreadable");
      for (const auto& event : sink.events)
        lines += "; " + event.kind + " " + event.location + ": " + event.message;
      lines += "\n";
    }
    return lines;
  });
  EXPECT_EQ(outcome,
            "public.txt: read; accept archive/article.txt: article.txt\n"
            "secret.txt: unreadable; skip archive/article.txt: cannot open: Permission denied\n");
}

// Sparse files: the size is what counts, and nothing over the limit is read.
TEST(ReadTextArticle, SkipsAFileOverTheSizeLimitUnread) {
  testing::TempDir dir;
  testing::write_file(dir.path() / "huge.txt", "date 2020-01-06\n\nBody.\n");
  std::filesystem::resize_file(dir.path() / "huge.txt", kMaxTextArticleBytes + 1);
  RecordingSink sink = read_file_at(dir.path() / "huge.txt", true);
  EXPECT_EQ(events_of(sink), (std::vector<Event>{{"skip", kLocation, "file larger than 64 MiB"}}));
}

TEST(ReadTextArticle, ReadsAFileOfExactlyTheSizeLimit) {
  testing::TempDir dir;
  const std::string start = "date 2020-01-06\n\nBody.\n";
  testing::write_file(dir.path() / "big.txt", start);
  std::filesystem::resize_file(dir.path() / "big.txt", kMaxTextArticleBytes);
  RecordingSink sink = read_file_at(dir.path() / "big.txt", true);
  // Read whole: the zero bytes the file was extended with make it binary.
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"skip", kLocation, "binary file (NUL byte at offset 23)"}}));
}

}  // namespace
}  // namespace newsarchive
