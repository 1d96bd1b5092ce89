// Unit tests for common/jsonl_reader: one JSON Lines article per line, plain or gzip.
#include "ingest/jsonl_reader.h"

#include <gtest/gtest.h>

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
using testing::TempDir;
using testing::write_file;
using Event = std::tuple<std::string, std::string, std::string>;  // kind, location, message

constexpr const char* kDisplay = "feed.jsonl";

std::vector<Event> events_of(const RecordingSink& sink) {
  std::vector<Event> events;
  for (const auto& event : sink.events)
    events.emplace_back(event.kind, event.location, event.message);
  return events;
}

// "2020-01-06", or "undated": readable in failure messages.
std::string iso_of(const std::optional<Date>& date) {
  return date ? date->iso() : "undated";
}

// Parses one line as line 7 of feed.jsonl.
RecordingSink parse_line(std::string_view line) {
  RecordingSink sink;
  parse_jsonl_article(line, "feed.jsonl:7", SourceLocation{kDisplay, 7}, sink);
  return sink;
}

// Writes `content` to a temp file and reads it back as feed.jsonl.
RecordingSink read_content(const std::string& content, const std::string& file_name = kDisplay) {
  TempDir dir;
  write_file(dir.path() / file_name, content);
  RecordingSink sink;
  EXPECT_TRUE(read_jsonl_file((dir.path() / file_name).string(), kDisplay, sink));
  return sink;
}

const std::string kLineA =
    R"({"id": "a", "date": "2020-01-06", "title": "Troops stay", "body": "Esper said so."})";
const std::string kLineB =
    R"({"id": "b", "date": "2020-01-07", "title": "Letter leaked", "body": "A draft."})";
const std::string kLineC =
    R"({"id": "c", "date": "2020-01-08", "title": "Funeral held", "body": "Crowds mourned."})";

// Without a title the finishing step takes the body's first sentence, and says so.
TEST(ParseJsonlArticle, AMissingTitleIsTheFirstSentenceOfTheBody) {
  RecordingSink sink = parse_line(R"({"id": "a", "body": "Esper said so. Troops stay."})");
  const Article& article = sink.articles.at(0);
  EXPECT_EQ(article.title, "Esper said so.");
  EXPECT_TRUE(article.title_from_body);
}

TEST(ParseJsonlArticle, ReadsEveryKnownKey) {
  RecordingSink sink =
      parse_line(R"({"id": "reuters-1", "date": "2020-01-06T10:00:00Z", "title": "Troops stay",)"
                 R"( "body": "Esper said so.\n\nSecond paragraph.", "source": "Reuters",)"
                 R"( "url": "https://example.com/1", "author": "Jane Doe"})");
  ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", "feed.jsonl:7", "reuters-1"}}));
  const Article& article = sink.articles.at(0);
  EXPECT_EQ(article.id, "reuters-1");
  EXPECT_EQ(iso_of(article.date), "2020-01-06");
  EXPECT_EQ(article.title, "Troops stay");
  EXPECT_FALSE(article.title_from_body);
  EXPECT_EQ(article.body, "Esper said so.\n\nSecond paragraph.");
  EXPECT_EQ(article.source, "Reuters");
  EXPECT_EQ(article.url, "https://example.com/1");
  EXPECT_EQ(article.author, "Jane Doe");
}

// Regression (found by fuzz_jsonl_reader): a number beyond a double stopped the whole run.
TEST(ParseJsonlArticle, SkipsALineWithANumberOutOfRange) {
  RecordingSink sink = parse_line(R"({"id": "a", "title": "T", "body": "B", "n": 1E400})");
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"skip", "feed.jsonl:7", "JSON number out of range"}}));
}

TEST(ParseJsonlArticle, AcceptsAnIntegerId) {
  struct Case {
    std::string id_json;
    std::string id;
  };
  const std::vector<Case> cases = {
      {"42", "42"},
      {"0", "0"},
      {"-7", "-7"},
      {"9223372036854775807", "9223372036854775807"},
      {"18446744073709551615", "18446744073709551615"},  // above LLONG_MAX: must not wrap
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.id_json);
    RecordingSink sink =
        parse_line(R"({"id": )" + c.id_json + R"(, "date": "2020-01-06", "body": "Text."})");
    ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", "feed.jsonl:7", c.id}}));
    EXPECT_EQ(sink.articles.at(0).id, c.id);
  }
}

TEST(ParseJsonlArticle, UsesTheFallbackIdWithAWarningWhenIdIsMissing) {
  for (std::string id_part : {"", R"("id": "", )", R"("id": null, )"}) {
    SCOPED_TRACE(id_part);
    RecordingSink sink = parse_line("{" + id_part + R"("date": "2020-01-06", "body": "Text."})");
    EXPECT_EQ(events_of(sink),
              (std::vector<Event>{{"warn", "feed.jsonl:7", "no \"id\"; using 'feed.jsonl:7'"},
                                  {"accept", "feed.jsonl:7", "feed.jsonl:7"}}));
  }
}

TEST(ParseJsonlArticle, SkipsAWrongTypedKey) {
  struct Case {
    std::string line;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {R"({"id": "a", "title": 5, "body": "Text."})", "key 'title' is not a string"},
      {R"({"id": "a", "title": ["x"], "body": "Text."})", "key 'title' is not a string"},
      {R"({"id": "a", "body": {"text": "x"}})", "key 'body' is not a string"},
      {R"({"id": "a", "date": 20200106, "body": "Text."})", "key 'date' is not a string"},
      {R"({"id": 4.5, "body": "Text."})", "key 'id' is not a string"},
      {R"({"id": true, "body": "Text."})", "key 'id' is not a string"},
      {R"({"id": "a", "body": "Text.", "source": 3})", "key 'source' is not a string"},
      {R"({"id": "a", "body": "Text.", "url": false})", "key 'url' is not a string"},
      {R"({"id": "a", "body": "Text.", "author": ["x"]})", "key 'author' is not a string"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    EXPECT_EQ(events_of(parse_line(c.line)),
              (std::vector<Event>{{"skip", "feed.jsonl:7", c.reason}}));
  }
}

// Undated articles are summarised once per run (run_ledger.h), not warned about one by one.
TEST(ParseJsonlArticle, IndexesUndatedWithoutADateAndWithoutAWarning) {
  RecordingSink sink = parse_line(R"({"id": "a", "title": "T", "body": "Text."})");
  EXPECT_EQ(events_of(sink), (std::vector<Event>{{"accept", "feed.jsonl:7", "a"}}));
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(iso_of(sink.articles[0].date), "undated");
}

TEST(ParseJsonlArticle, WarnsQuotingAnInvalidDate) {
  for (std::string date : {"tomorrow", "2024-02-30", "February 30, 2024"}) {
    SCOPED_TRACE(date);
    RecordingSink sink =
        parse_line(R"({"id": "a", "date": ")" + date + R"(", "title": "T", "body": "Text."})");
    EXPECT_EQ(events_of(sink),
              (std::vector<Event>{{"warn", "feed.jsonl:7", "invalid date '" + date + "'"},
                                  {"accept", "feed.jsonl:7", "a"}}));
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(iso_of(sink.articles[0].date), "undated");
  }
}

TEST(ParseJsonlArticle, DerivesTheTitleFromTheBody) {
  for (std::string title_part : {"", R"("title": "", )", R"("title": null, )"}) {
    SCOPED_TRACE(title_part);
    RecordingSink sink = parse_line(R"({"id": "a", "date": "2020-01-06", )" + title_part +
                                    R"("body": "Mr. Esper spoke. Then he left."})");
    ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", "feed.jsonl:7", "a"}}));
    EXPECT_EQ(sink.articles.at(0).title, "Mr. Esper spoke.");
    EXPECT_EQ(sink.articles.at(0).body, "Mr. Esper spoke. Then he left.");
  }
}

TEST(ParseJsonlArticle, AcceptsATitleWithoutABody) {
  RecordingSink sink = parse_line(R"({"id": "a", "date": "2020-01-06", "title": "Only a title"})");
  ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", "feed.jsonl:7", "a"}}));
  EXPECT_EQ(sink.articles.at(0).title, "Only a title");
  EXPECT_EQ(sink.articles.at(0).body, "");
}

TEST(ParseJsonlArticle, SkipsAnObjectWithNoText) {
  EXPECT_EQ(events_of(parse_line(R"({"id": "a", "date": "2020-01-06", "title": "", "body": ""})")),
            (std::vector<Event>{{"skip", "feed.jsonl:7", "no article text"}}));
}

TEST(ParseJsonlArticle, IgnoresUnknownKeys) {
  RecordingSink sink = parse_line(
      R"({"id": "a", "date": "2020-01-06", "body": "Text.", "tags": ["x", 1], "score": 3.5,)"
      R"( "meta": {"title": 5}, "Title": 7})");
  ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", "feed.jsonl:7", "a"}}));
  EXPECT_EQ(sink.articles.at(0).title, "Text.");
}

TEST(ParseJsonlArticle, SkipsSyntaxErrorsNamingTheByte) {
  struct Case {
    std::string line;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {R"({"id": "a", "body": })", "JSON syntax error at byte 21"},
      {R"({"id": "a" "body": "x"})", "JSON syntax error at byte 17"},
      {R"({"id": "a", "body": "trunc)", "JSON syntax error at byte 27"},
      {R"({"id": "a"} trailing)", "JSON syntax error at byte 15"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    EXPECT_EQ(events_of(parse_line(c.line)),
              (std::vector<Event>{{"skip", "feed.jsonl:7", c.reason}}));
  }
}

TEST(ParseJsonlArticle, SkipsANonObjectLine) {
  for (std::string line : {"[1, 2]", R"("just a string")", "42", "null", "true"}) {
    SCOPED_TRACE(line);
    EXPECT_EQ(events_of(parse_line(line)),
              (std::vector<Event>{{"skip", "feed.jsonl:7", "not a JSON object"}}));
  }
}

TEST(ParseJsonlArticle, RemovesControlCharactersFromStrings) {
  RecordingSink sink = parse_line(
      R"({"id": "a", "date": "2020-01-06", "title": "Red\u001b[31m alert", "body": "One\r\ntwo\u0007."})");
  ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", "feed.jsonl:7", "a"}}));
  EXPECT_EQ(sink.articles.at(0).title, "Red[31m alert");
  EXPECT_EQ(sink.articles.at(0).body, "One\ntwo.");
}

TEST(ParseJsonlArticle, TranscodesInvalidUtf8WithOneWarning) {
  RecordingSink sink = parse_line(
      "{\"id\": \"a\", \"date\": \"2020-01-06\", \"body\": \"Caf\xE9 \x93society\x94.\"}");
  EXPECT_EQ(
      events_of(sink),
      (std::vector<Event>{{"warn", "feed.jsonl:7", "invalid UTF-8; bytes read as Windows-1252"},
                          {"accept", "feed.jsonl:7", "a"}}));
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].body, "Caf\xC3\xA9 \xE2\x80\x9Csociety\xE2\x80\x9D.");
}

TEST(ReadJsonlFile, ReadsEveryLine) {
  RecordingSink sink = read_content(kLineA + "\n" + kLineB + "\n" + kLineC + "\n");
  ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", "feed.jsonl:1", "a"},
                                                 {"accept", "feed.jsonl:2", "b"},
                                                 {"accept", "feed.jsonl:3", "c"}}));
  EXPECT_EQ(sink.articles[0].title, "Troops stay");
  EXPECT_EQ(iso_of(sink.articles[1].date), "2020-01-07");
  EXPECT_EQ(sink.articles[2].body, "Crowds mourned.");
}

TEST(ReadJsonlFile, SkipsABadLineAndGoesOn) {
  RecordingSink sink =
      read_content(kLineA + "\n" + R"({"id": "b", "body": })" + "\n" + kLineC + "\n");
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"accept", "feed.jsonl:1", "a"},
                                {"skip", "feed.jsonl:2", "JSON syntax error at byte 21"},
                                {"accept", "feed.jsonl:3", "c"}}));
}

TEST(ReadJsonlFile, SkipsANonObjectLineAndGoesOn) {
  RecordingSink sink = read_content(kLineA + "\n[\"not\", \"an\", \"object\"]\n" + kLineC + "\n");
  EXPECT_EQ(events_of(sink), (std::vector<Event>{{"accept", "feed.jsonl:1", "a"},
                                                 {"skip", "feed.jsonl:2", "not a JSON object"},
                                                 {"accept", "feed.jsonl:3", "c"}}));
}

TEST(ReadJsonlFile, NamesTheFallbackIdAfterTheLine) {
  RecordingSink sink =
      read_content(kLineA + "\n" + R"({"date": "2020-01-07", "body": "No id."})" + "\n");
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"accept", "feed.jsonl:1", "a"},
                                {"warn", "feed.jsonl:2", "no \"id\"; using 'feed.jsonl:2'"},
                                {"accept", "feed.jsonl:2", "feed.jsonl:2"}}));
}

TEST(ReadJsonlFile, IgnoresBlankLinesButCountsThem) {
  RecordingSink sink = read_content("\n" + kLineA + "\n\n  \t\n" + kLineB + "\n\n");
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"accept", "feed.jsonl:2", "a"}, {"accept", "feed.jsonl:5", "b"}}));
}

TEST(ReadJsonlFile, ReadsCrlfLineEnds) {
  RecordingSink sink = read_content(kLineA + "\r\n\r\n" + kLineB + "\r\n");
  ASSERT_EQ(events_of(sink),
            (std::vector<Event>{{"accept", "feed.jsonl:1", "a"}, {"accept", "feed.jsonl:3", "b"}}));
  EXPECT_EQ(sink.articles[0].body, "Esper said so.");
  EXPECT_EQ(sink.articles[1].body, "A draft.");
}

TEST(ReadJsonlFile, DropsAByteOrderMarkOnTheFirstLine) {
  RecordingSink sink = read_content("\xEF\xBB\xBF" + kLineA + "\n" + kLineB + "\n");
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"accept", "feed.jsonl:1", "a"}, {"accept", "feed.jsonl:2", "b"}}));
}

TEST(ReadJsonlFile, SkipsATruncatedLastLineWithoutNewline) {
  RecordingSink sink =
      read_content(kLineA + "\n" + kLineB + "\n" + R"({"id": "c", "body": "cut o)");
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"accept", "feed.jsonl:1", "a"},
                                {"accept", "feed.jsonl:2", "b"},
                                {"skip", "feed.jsonl:3", "JSON syntax error at byte 27"}}));
}

TEST(ReadJsonlFile, ReadsACompleteLastLineWithoutNewline) {
  RecordingSink sink = read_content(kLineA + "\n" + kLineB);
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"accept", "feed.jsonl:1", "a"}, {"accept", "feed.jsonl:2", "b"}}));
}

TEST(ReadJsonlFile, ReadsAnEmptyFileAsNoArticles) {
  RecordingSink sink = read_content("");
  EXPECT_EQ(events_of(sink), std::vector<Event>{});
}

// tests/data/readers/two.jsonl.gz was made with `gzip -n -9` from two lines:
//   {"id": "gz-1", "date": "2020-01-06", "title": "Compressed one", "body": "First compressed
//   article."}
//   {"id": "gz-2", "date": "2020-01-07", "body": "Second compressed article. More text."}
TEST(ReadJsonlFile, ReadsAGzipFile) {
  RecordingSink sink;
  ASSERT_TRUE(read_jsonl_file(std::string(NEWSARCHIVE_TEST_DATA_DIR) + "/readers/two.jsonl.gz",
                              "two.jsonl.gz", sink));
  ASSERT_EQ(events_of(sink), (std::vector<Event>{{"accept", "two.jsonl.gz:1", "gz-1"},
                                                 {"accept", "two.jsonl.gz:2", "gz-2"}}));
  EXPECT_EQ(iso_of(sink.articles[0].date), "2020-01-06");
  EXPECT_EQ(sink.articles[0].title, "Compressed one");
  EXPECT_EQ(sink.articles[0].body, "First compressed article.");
  EXPECT_EQ(iso_of(sink.articles[1].date), "2020-01-07");
  EXPECT_EQ(sink.articles[1].title, "Second compressed article.");
}

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(NEWSARCHIVE_TEST_DATA_DIR) + "/readers/" + name, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open fixture " << name;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Reads `content` written as <temp>/two.jsonl.gz; `path` receives the file's real path.
// Reads damaged gzip bytes: the file is not read to its end, so read_jsonl_file returns false.
RecordingSink read_gzip_bytes(const std::string& content, std::string& path) {
  TempDir dir;
  path = (dir.path() / "two.jsonl.gz").string();
  write_file(path, content);
  RecordingSink sink;
  EXPECT_FALSE(read_jsonl_file(path, "two.jsonl.gz", sink));
  return sink;
}

TEST(ReadJsonlFile, ReportsAGzipFileCutShortAfterItsLastLine) {
  std::string gzip = read_fixture("two.jsonl.gz");
  gzip.resize(gzip.size() - 8);  // drop the CRC and length trailer: every line still inflates
  std::string path;
  RecordingSink sink = read_gzip_bytes(gzip, path);
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"accept", "two.jsonl.gz:1", "gz-1"},
                                {"accept", "two.jsonl.gz:2", "gz-2"},
                                {"skip", "two.jsonl.gz:3", "gzip: truncated input"}}));
}

TEST(ReadJsonlFile, ReportsAGzipFileCutShortInsideALine) {
  std::string gzip = read_fixture("two.jsonl.gz");
  gzip.resize(60);  // inflates to part of the first line only
  std::string path;
  RecordingSink sink = read_gzip_bytes(gzip, path);
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"skip", "two.jsonl.gz:1", "gzip: truncated input"}}));
}

TEST(ReadJsonlFile, ReportsCorruptGzipData) {
  std::string gzip = read_fixture("two.jsonl.gz");
  gzip[30] = static_cast<char>(gzip[30] ^ 0xFF);
  gzip[31] = static_cast<char>(gzip[31] ^ 0xFF);
  std::string path;
  RecordingSink sink = read_gzip_bytes(gzip, path);
  EXPECT_EQ(
      events_of(sink),
      (std::vector<Event>{{"skip", "two.jsonl.gz:1", "gzip: invalid distance too far back"}}));
}

TEST(ReadJsonlFile, ReportsAFileThatCannotBeOpened) {
  TempDir dir;
  RecordingSink sink;
  EXPECT_FALSE(read_jsonl_file((dir.path() / "missing.jsonl").string(), "missing.jsonl", sink));
  EXPECT_EQ(
      events_of(sink),
      (std::vector<Event>{{"skip", "missing.jsonl", "cannot open: No such file or directory"}}));
}

TEST(ParseJsonlArticle, WarnsAboutImpossibleAndFarFutureDates) {
  struct Case {
    std::string date;
    std::string warning;
  };
  const std::vector<Case> cases = {
      {"0000-00-00", "invalid date '0000-00-00'"},
      {"0000-01-01", "invalid date '0000-01-01'"},
      {"9999-12-31", "invalid date '9999-12-31'"},
      {"2999-12-31", "date 2999-12-31 (json) is more than a year in the future; not used"},
      {"2999-12-31T00:00:00Z",
       "date 2999-12-31 (json) is more than a year in the future; not used"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.date);
    RecordingSink sink =
        parse_line(R"({"id": "a", "date": ")" + c.date + R"(", "title": "T", "body": "Text."})");
    EXPECT_EQ(events_of(sink), (std::vector<Event>{{"warn", "feed.jsonl:7", c.warning},
                                                   {"accept", "feed.jsonl:7", "a"}}));
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(iso_of(sink.articles[0].date), "undated");
  }
}

TEST(ParseJsonlArticle, QuotesOnlyTheStartOfALongInvalidDate) {
  RecordingSink sink = parse_line(R"({"id": "a", "date": ")" + std::string(300, '9') +
                                  R"(", "title": "T", "body": "Text."})");
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{
                {"warn", "feed.jsonl:7", "invalid date '" + std::string(100, '9') + "...'"},
                {"accept", "feed.jsonl:7", "a"}}));
}

std::string repeated(std::string_view piece, size_t times) {
  std::string text;
  text.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) text += piece;
  return text;
}

// 8 MiB = 349525 sentences of 24 bytes and 8 bytes more, which end inside the next "Harbour works":
// the body is cut after that "Harbour".
TEST(ParseJsonlArticle, CutsABodyOverTheLimitAtAWordWithOneWarning) {
  const std::string sentence = "Harbour works continue. ";
  const size_t sentences = 349600;
  RecordingSink sink =
      parse_line(R"({"id": "a", "date": "2021-03-04", "title": "Giant", "body": ")" +
                 repeated(sentence, sentences) + R"("})");
  ASSERT_EQ(events_of(sink),
            (std::vector<Event>{
                {"warn", "feed.jsonl:7",
                 "body of " + std::to_string(sentences * sentence.size()) + " bytes cut to 8 MiB"},
                {"accept", "feed.jsonl:7", "a"}}));
  const Article& article = sink.articles.at(0);
  EXPECT_EQ(article.body.size(), kMaxBodyBytes - 1);
  EXPECT_TRUE(article.body == repeated(sentence, 349525) + "Harbour");
  EXPECT_EQ(article.title, "Giant");
}

TEST(ParseJsonlArticle, CutsOtherFieldsOverTheirLimitWithAWarningEach) {
  const std::string long_value = repeated("word ", 13200);  // 66000 bytes
  RecordingSink sink =
      parse_line(R"({"id": "a", "date": "2021-03-04", "body": "Text.", "title": ")" + long_value +
                 R"(", "source": ")" + long_value + R"(", "url": ")" + long_value +
                 R"(", "author": ")" + long_value + R"("})");
  ASSERT_EQ(events_of(sink),
            (std::vector<Event>{{"warn", "feed.jsonl:7", "title of 66000 bytes cut to 64 KiB"},
                                {"warn", "feed.jsonl:7", "source of 66000 bytes cut to 64 KiB"},
                                {"warn", "feed.jsonl:7", "url of 66000 bytes cut to 64 KiB"},
                                {"warn", "feed.jsonl:7", "author of 66000 bytes cut to 64 KiB"},
                                {"accept", "feed.jsonl:7", "a"}}));
  std::string cut = repeated("word ", 13107);
  cut.pop_back();
  const Article& article = sink.articles.at(0);
  EXPECT_EQ(article.title, cut);
  EXPECT_EQ(article.source, cut);
  EXPECT_EQ(article.url, cut);
  EXPECT_EQ(article.author, cut);
  EXPECT_EQ(article.body, "Text.");
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

// What Windows PowerShell 5's Out-File writes: UTF-16LE with a byte-order mark and CRLF.
TEST(ReadJsonlFile, TranscodesAUtf16FileWithOneWarning) {
  const std::u16string lines =
      u"{\"id\": \"a\", \"date\": \"2020-01-06\", \"title\": \"Caf\u00e9\", \"body\": \"Esper "
      u"\u201csaid\u201d so \U0001F4F0.\"}\r\n"
      u"\r\n"
      u"{\"id\": \"b\", \"date\": \"2020-01-07\", \"title\": \"Letter\", \"body\": \"A "
      u"draft.\"}\r\n";
  for (Utf16Order order : {Utf16Order::kLittleEndian, Utf16Order::kBigEndian}) {
    std::string name(utf16_name(order));
    SCOPED_TRACE(name);
    RecordingSink sink = read_content(utf16_with_bom(lines, order));
    ASSERT_EQ(events_of(sink),
              (std::vector<Event>{{"warn", "feed.jsonl", name + " text; transcoded to UTF-8"},
                                  {"accept", "feed.jsonl:1", "a"},
                                  {"accept", "feed.jsonl:3", "b"}}));
    EXPECT_EQ(sink.articles[0].title, "Caf\xC3\xA9");
    EXPECT_EQ(sink.articles[0].body, "Esper \xE2\x80\x9Csaid\xE2\x80\x9D so \xF0\x9F\x93\xB0.");
    EXPECT_EQ(sink.articles[1].body, "A draft.");
  }
}

// The reader decodes 64 KiB chunks: a long line of surrogate pairs and odd-length pieces puts
// chunk boundaries inside code units and between the halves of pairs.
TEST(ReadJsonlFile, DecodesUtf16AcrossChunkBoundaries) {
  std::u16string body;
  std::string expected;
  for (int i = 0; i < 30000; ++i) {
    body += u"x\U0001F4F0\u00e9";
    expected += "x\xF0\x9F\x93\xB0\xC3\xA9";
  }
  const std::u16string line = u"{\"id\": \"a\", \"date\": \"2020-01-06\", \"body\": \"" + body +
                              u"\"}\n{\"id\": \"b\", \"date\": \"2020-01-07\", \"body\": \"B.\"}";
  RecordingSink sink = read_content(utf16_with_bom(line, Utf16Order::kLittleEndian));
  ASSERT_EQ(events_of(sink),
            (std::vector<Event>{{"warn", "feed.jsonl", "UTF-16LE text; transcoded to UTF-8"},
                                {"accept", "feed.jsonl:1", "a"},
                                {"accept", "feed.jsonl:2", "b"}}));
  EXPECT_TRUE(sink.articles[0].body == expected);
}

TEST(ReadJsonlFile, ReadsAnEmptyUtf16FileAsNoArticles) {
  RecordingSink sink = read_content("\xFF\xFE");
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"warn", "feed.jsonl", "UTF-16LE text; transcoded to UTF-8"}}));
}

// A line of exactly kMaxJsonLineBytes is read; one byte more is skipped unread, and the lines
// after it are read as usual. JSON allows the padding spaces.
TEST(ReadJsonlFile, SkipsOnlyLinesOverTheLengthLimit) {
  const std::string object = R"({"id": "big", "date": "2020-01-06", "body": "Padded."})";
  const std::string at_limit = object + std::string(kMaxJsonLineBytes - object.size(), ' ');
  RecordingSink sink = read_content(at_limit + "\n" + at_limit + " \n" + kLineA + "\n");
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"accept", "feed.jsonl:1", "big"},
                                {"skip", "feed.jsonl:2", "line longer than 64 MiB"},
                                {"accept", "feed.jsonl:3", "a"}}));
}

}  // namespace
}  // namespace newsarchive
