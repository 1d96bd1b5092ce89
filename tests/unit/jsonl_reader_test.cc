// Unit tests for common/jsonl_reader: one JSON Lines article per line, plain or gzip.
#include "jsonl_reader.h"

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
  EXPECT_EQ(article.body, "Esper said so.\n\nSecond paragraph.");
  EXPECT_EQ(article.source, "Reuters");
  EXPECT_EQ(article.url, "https://example.com/1");
  EXPECT_EQ(article.author, "Jane Doe");
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

TEST(ParseJsonlArticle, WarnsAndIndexesUndatedWithoutADate) {
  RecordingSink sink = parse_line(R"({"id": "a", "title": "T", "body": "Text."})");
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"warn", "feed.jsonl:7", "no date; indexed undated"},
                                {"accept", "feed.jsonl:7", "a"}}));
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(iso_of(sink.articles[0].date), "undated");
}

TEST(ParseJsonlArticle, WarnsQuotingAnInvalidDate) {
  for (std::string date : {"tomorrow", "2024-02-30", "February 30, 2024"}) {
    SCOPED_TRACE(date);
    RecordingSink sink =
        parse_line(R"({"id": "a", "date": ")" + date + R"(", "title": "T", "body": "Text."})");
    EXPECT_EQ(events_of(sink), (std::vector<Event>{{"warn", "feed.jsonl:7",
                                                    "invalid date '" + date + "'; indexed undated"},
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
RecordingSink read_gzip_bytes(const std::string& content, std::string& path) {
  TempDir dir;
  path = (dir.path() / "two.jsonl.gz").string();
  write_file(path, content);
  RecordingSink sink;
  EXPECT_TRUE(read_jsonl_file(path, "two.jsonl.gz", sink));
  return sink;
}

TEST(ReadJsonlFile, ReportsAGzipFileCutShortAfterItsLastLine) {
  std::string gzip = read_fixture("two.jsonl.gz");
  gzip.resize(gzip.size() - 8);  // drop the CRC and length trailer: every line still inflates
  std::string path;
  RecordingSink sink = read_gzip_bytes(gzip, path);
  EXPECT_EQ(
      events_of(sink),
      (std::vector<Event>{{"accept", "two.jsonl.gz:1", "gz-1"},
                          {"accept", "two.jsonl.gz:2", "gz-2"},
                          {"skip", "two.jsonl.gz:3",
                           "unreadable compressed data: " + path + ": unexpected end of file"}}));
}

TEST(ReadJsonlFile, ReportsAGzipFileCutShortInsideALine) {
  std::string gzip = read_fixture("two.jsonl.gz");
  gzip.resize(60);  // inflates to part of the first line only
  std::string path;
  RecordingSink sink = read_gzip_bytes(gzip, path);
  EXPECT_EQ(
      events_of(sink),
      (std::vector<Event>{{"skip", "two.jsonl.gz:1",
                           "unreadable compressed data: " + path + ": unexpected end of file"}}));
}

TEST(ReadJsonlFile, ReportsCorruptGzipData) {
  std::string gzip = read_fixture("two.jsonl.gz");
  gzip[30] = static_cast<char>(gzip[30] ^ 0xFF);
  gzip[31] = static_cast<char>(gzip[31] ^ 0xFF);
  std::string path;
  RecordingSink sink = read_gzip_bytes(gzip, path);
  EXPECT_EQ(events_of(sink), (std::vector<Event>{{"skip", "two.jsonl.gz:1",
                                                  "unreadable compressed data: " + path +
                                                      ": invalid distance too far back"}}));
}

TEST(ReadJsonlFile, ReportsAFileThatCannotBeOpened) {
  TempDir dir;
  RecordingSink sink;
  EXPECT_FALSE(read_jsonl_file((dir.path() / "missing.jsonl").string(), "missing.jsonl", sink));
  EXPECT_EQ(
      events_of(sink),
      (std::vector<Event>{{"skip", "missing.jsonl", "cannot open: No such file or directory"}}));
}

}  // namespace
}  // namespace newsarchive
