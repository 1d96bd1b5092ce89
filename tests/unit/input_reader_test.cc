// Unit tests for ingest/input_reader: which reader reads what, the ids and locations of articles
// in bundles, compressed files, feeds and web archives, and what is passed over.
#include "ingest/input_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "test_support.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;
using testing::RecordingSink;
using testing::TempDir;
using testing::write_file;
using Event = std::tuple<std::string, std::string, std::string>;  // kind, location, message

std::vector<Event> events_of(const RecordingSink& sink) {
  std::vector<Event> events;
  for (const auto& event : sink.events)
    events.emplace_back(event.kind, event.location, event.message);
  return events;
}

// Reads `content` as the file `name`, with the name as its id and location.
RecordingSink read_named(const std::string& name, const std::string& content,
                         bool* complete = nullptr) {
  MemoryStream stream(content);
  RecordingSink sink;
  bool done = read_named_stream(stream, name, name, name, ReadOptions{}, sink);
  if (complete) *complete = done;
  return sink;
}

const std::string kDatelineText = "date 2020-01-06\n\nTroops stay in Iraq, the Pentagon said.\n";
const std::string kHeadlineText = "Floods hit the coast\n\nWater rose overnight in the port.\n";

TEST(InputReader, ReadsEveryMemberOfABundleUnderItsOwnId) {
  const std::string bundle = testing::make_bundle(
      "tar", "gzip",
      {{"corpus/a.txt", kDatelineText},
       {"corpus/B.TXT", kHeadlineText},
       {"corpus/notes.md", "not an article"},
       {"corpus/wire.jsonl", R"({"id": "w-1", "title": "Wire", "body": "Text.", "date": )"
                             R"("2021-01-04"})"
                             "\n"}});
  RecordingSink sink = read_named("news.tar.gz", bundle);
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"accept", "news.tar.gz:corpus/a.txt", "news.tar.gz:corpus/a.txt"},
                                {"accept", "news.tar.gz:corpus/B.TXT", "news.tar.gz:corpus/B.TXT"},
                                {"pass", "news.tar.gz", "bundle member .md x1"},
                                {"accept", "news.tar.gz:corpus/wire.jsonl:1", "w-1"}}));
  ASSERT_EQ(sink.articles.size(), 3u);
  EXPECT_EQ(sink.articles[0].date->iso(), "2020-01-06");
  EXPECT_EQ(sink.articles[1].title, "Floods hit the coast");
  EXPECT_EQ(sink.articles[1].layout, "headline");
}

TEST(InputReader, ReadsAZipLikeATarball) {
  const std::string zip = testing::make_bundle("zip", "", {{"a.txt", kDatelineText}});
  RecordingSink sink = read_named("news.zip", zip);
  EXPECT_EQ(events_of(sink), (std::vector<Event>{{"accept", "news.zip:a.txt", "news.zip:a.txt"}}));
}

TEST(InputReader, SkipsABadMemberNamingBundleAndMemberAndGoesOn) {
  std::string broken = testing::compress_bytes("gzip", kHeadlineText);
  broken[broken.size() / 2] = static_cast<char>(broken[broken.size() / 2] ^ 0x55);
  broken[broken.size() / 2 + 1] = static_cast<char>(broken[broken.size() / 2 + 1] ^ 0x55);
  const std::string bundle =
      testing::make_bundle("tar", "", {{"bad.txt.gz", broken}, {"ok.txt", kDatelineText}});
  bool complete = true;
  RecordingSink sink = read_named("b.tar", bundle, &complete);
  ASSERT_EQ(sink.events.size(), 2u);
  EXPECT_EQ(sink.events[0].kind, "skip");
  EXPECT_EQ(sink.events[0].location, "b.tar:bad.txt.gz");
  EXPECT_TRUE(sink.events[0].message.starts_with("gzip: ")) << sink.events[0].message;
  EXPECT_EQ(events_of(sink)[1], (Event{"accept", "b.tar:ok.txt", "b.tar:ok.txt"}));
  EXPECT_FALSE(complete);  // a damaged member: the run must not prune what it held
}

TEST(InputReader, ReadsSingleCompressedFilesAsTheirInnerKind) {
  for (const auto& [filter, suffix] : std::vector<std::pair<std::string, std::string>>{
           {"gzip", ".gz"}, {"bzip2", ".bz2"}, {"xz", ".xz"}, {"zstd", ".zst"}}) {
    SCOPED_TRACE(filter);
    RecordingSink text =
        read_named("story.txt" + suffix, testing::compress_bytes(filter, kHeadlineText));
    ASSERT_EQ(text.articles.size(), 1u);
    EXPECT_EQ(text.articles[0].title, "Floods hit the coast");
    RecordingSink lines =
        read_named("wire.JSONL" + suffix,
                   testing::compress_bytes(filter, R"({"id": "z", "title": "T", "body": "B."})"
                                                   "\n"));
    EXPECT_EQ(events_of(lines),
              (std::vector<Event>{{"accept", "wire.JSONL" + suffix + ":1", "z"}}));
  }
}

TEST(InputReader, SniffsContentWhoseNameSaysNothing) {
  EXPECT_EQ(read_named("README", kHeadlineText).articles.at(0).format, "text");
  EXPECT_EQ(read_named("dump", R"({"id": "j", "title": "T", "body": "B."})").articles.at(0).format,
            "jsonl");
  RecordingSink page =
      read_named("saved",
                 "<!DOCTYPE html><html><head><title>Port reopens</title></head><body><article>"
                 "<p>The port reopened on Monday after a week of storms, officials said.</p>"
                 "</article></body></html>");
  ASSERT_EQ(page.articles.size(), 1u);
  EXPECT_EQ(page.articles[0].format, "html");
  EXPECT_EQ(page.articles[0].title, "Port reopens");
}

TEST(InputReader, PassesOverXmlThatIsNotAFeed) {
  RecordingSink sink = read_named("sitemap.xml", "<?xml version=\"1.0\"?><urlset></urlset>");
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"pass", "sitemap.xml", "XML that is not a feed x1"}}));
}

TEST(InputReader, NumbersFeedItemsAndGivesIdlessItemsOne) {
  const std::string feed =
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Halden Herald</title>"
      "<item><title>One</title><guid>urn:one</guid><description>First item text.</description>"
      "<pubDate>Mon, 06 Jan 2020 10:00:00 GMT</pubDate></item>"
      "<item><title>Two</title><description>Second item text.</description></item>"
      "</channel></rss>";
  RecordingSink sink = read_named("news.rss", feed);
  EXPECT_EQ(events_of(sink), (std::vector<Event>{{"accept", "news.rss item 1", "urn:one"},
                                                 {"accept", "news.rss item 2", "news.rss#2"}}));
  EXPECT_EQ(sink.articles[0].source, "Halden Herald");
  EXPECT_EQ(sink.articles[0].date->iso(), "2020-01-06");
  EXPECT_EQ(sink.articles[0].date_from, "pubDate");
}

std::string warc_record(const std::string& type, const std::string& uri, const std::string& block,
                        const std::string& content_type) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2021-03-04T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + type +
         ">\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

TEST(InputReader, ReadsTheHtmlResponsesOfAWebArchiveAndCountsTheRest) {
  const std::string page =
      "<html><head><title>Harbour reopens</title></head><body><article><p>The harbour "
      "reopened on Monday after a week of storms, officials said.</p></article></body></html>";
  const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " +
                           std::to_string(page.size()) + "\r\n\r\n" + page;
  const std::string warc =
      warc_record("warcinfo", "", "software: test\r\n", "application/warc-fields") +
      warc_record("request", "http://herald.example/harbour", "GET /harbour HTTP/1.1\r\n\r\n",
                  "application/http; msgtype=request") +
      warc_record("response", "http://herald.example/harbour", http,
                  "application/http; msgtype=response");
  RecordingSink sink = read_named("crawl.warc.gz", testing::compress_bytes("gzip", warc));
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(
      events_of(sink),
      (std::vector<Event>{{"accept", "crawl.warc.gz record 3", "http://herald.example/harbour"},
                          {"pass", "crawl.warc.gz", "WARC request x1"},
                          {"pass", "crawl.warc.gz", "WARC warcinfo x1"}}));
  EXPECT_EQ(sink.articles[0].title, "Harbour reopens");
  EXPECT_EQ(sink.articles[0].date->iso(), "2021-03-04");  // the fetch date, as a last resort
  EXPECT_EQ(sink.articles[0].date_from, "warc-date");
  EXPECT_EQ(sink.articles[0].url, "http://herald.example/harbour");
}

TEST(InputReader, DatesAnUndatedFileByItsPathThenByItsTimeWhenAsked) {
  TempDir dir;
  write_file(dir.path() / "2020" / "01" / "06" / "story.txt", kHeadlineText);
  write_file(dir.path() / "plain.txt", kHeadlineText);
  fs::last_write_time(dir.path() / "plain.txt",
                      fs::file_time_type::clock::now() - std::chrono::hours(24 * 400));
  auto read_file = [&](const std::string& relative, bool mtime) {
    InputFile file{dir.path() / relative, relative, relative, kind_of_name(relative)};
    ReadOptions options;
    options.finish.dates_from_mtime = mtime;
    RecordingSink sink;
    EXPECT_TRUE(read_input(file, options, sink));
    return sink.articles.at(0);
  };
  Article by_path = read_file("2020/01/06/story.txt", false);
  EXPECT_EQ(by_path.date->iso(), "2020-01-06");
  EXPECT_EQ(by_path.date_from, "path");
  EXPECT_FALSE(read_file("plain.txt", false).date.has_value());
  Article by_time = read_file("plain.txt", true);
  ASSERT_TRUE(by_time.date.has_value());
  EXPECT_EQ(by_time.date_from, "mtime");
  EXPECT_LT(*by_time.date, today_utc());
}

TEST(InputReader, ReportsAFileThatCannotBeOpened) {
  TempDir dir;
  InputFile file{dir.path() / "gone.txt", "gone.txt", "gone.txt", kind_of_name("gone.txt")};
  RecordingSink sink;
  EXPECT_FALSE(read_input(file, ReadOptions{}, sink));
  EXPECT_EQ(events_of(sink),
            (std::vector<Event>{{"skip", "gone.txt", "cannot open: No such file or directory"}}));
}

}  // namespace
}  // namespace newsarchive
