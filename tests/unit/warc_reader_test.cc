// Unit tests for common/ingest/warc_reader: WARC records in, HTML pages out, the rest counted.
// The pages are parsed by parse_web_page; the fixtures are plain enough (title, h1 and two
// paragraphs in an article) that any reasonable page parser gives the same title and body text.
#include "ingest/warc_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace newsarchive {
namespace {

// A ByteStream over a string, handing out at most `chunk` bytes per read so that lines and
// blocks straddle reads.
class StringStream : public ByteStream {
 public:
  explicit StringStream(std::string data, size_t chunk = 7)
      : data_(std::move(data)), chunk_(chunk) {}
  size_t read(char* buffer, size_t size) override {
    size_t take = std::min({size, chunk_, data_.size() - position_});
    std::memcpy(buffer, data_.data() + position_, take);
    position_ += take;
    return take;
  }

 private:
  std::string data_;
  size_t chunk_;
  size_t position_ = 0;
};

std::string record(const std::string& type, const std::string& fields, const std::string& block) {
  return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:x>\r\n" + fields +
         "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string http(const std::string& status, const std::string& headers, const std::string& body) {
  return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
}

std::string response(const std::string& uri, const std::string& date, const std::string& message) {
  return record("response",
                "WARC-Target-URI: " + uri + "\r\nWARC-Date: " + date +
                    "\r\nContent-Type: application/http; msgtype=response\r\n",
                message);
}

std::string page(const std::string& title, const std::string& first, const std::string& second) {
  return "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head><body><article><h1>" +
         title + "</h1><p>" + first + "</p><p>" + second + "</p></article></body></html>\n";
}

std::string html_response(const std::string& uri, const std::string& date,
                          const std::string& title) {
  return response(uri, date,
                  http("200 OK", "Content-Type: text/html; charset=utf-8\r\n",
                       page(title, title + " first paragraph.", title + " second paragraph.")));
}

std::string gzip(const std::string& data, int window_bits = 15 + 16) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

struct Page {
  DraftArticle draft;
  std::uint64_t record;
};

struct Read {
  WarcSummary summary;
  std::vector<Page> pages;
  std::string error;  // StreamError::what(), "" when none was thrown
};

Read read(const std::string& warc, size_t max_payload = 1u << 20) {
  Read result;
  StringStream stream(warc);
  try {
    result.summary = read_warc(stream, max_payload, [&](DraftArticle draft, std::uint64_t number) {
      result.pages.push_back(Page{std::move(draft), number});
    });
  } catch (const StreamError& error) {
    result.error = error.what();
  }
  return result;
}

std::string fallback(const DraftArticle& draft) {
  return draft.fallback_date ? draft.fallback_date->iso() + " (" + draft.fallback_date_from + ")"
                             : "none";
}

// The page's id, url, fallback date, title and record number, and whether its body has both
// paragraphs.
void expect_page(const Page& page, const std::string& uri, const std::string& date,
                 const std::string& title, std::uint64_t number) {
  SCOPED_TRACE(uri);
  EXPECT_EQ(page.draft.id, uri);
  EXPECT_EQ(page.draft.url, uri);
  EXPECT_EQ(fallback(page.draft), date + " (warc-date)");
  EXPECT_EQ(page.draft.title, title);
  EXPECT_EQ(page.draft.format, "html");
  EXPECT_EQ(page.record, number);
  EXPECT_NE(page.draft.body.find(title + " first paragraph."), std::string::npos)
      << page.draft.body;
  EXPECT_NE(page.draft.body.find(title + " second paragraph."), std::string::npos);
}

using Skipped = std::map<std::string, std::uint64_t>;

TEST(ReadWarc, PagesFromHtmlResponsesAndEveryOtherRecordCounted) {
  std::string warc =
      record("warcinfo",
             "WARC-Date: 2020-01-06T00:00:00Z\r\nContent-Type: application/warc-fields\r\n",
             "software: test\r\n") +
      record("request", "WARC-Target-URI: https://news.example/a\r\n",
             "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n") +
      html_response("https://news.example/a", "2020-01-06T10:00:00Z", "Troops stay") +
      response("https://news.example/logo.png", "2020-01-06T10:00:01Z",
               http("200 OK", "Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n")) +
      response("https://news.example/gone", "2020-01-06T10:00:02Z",
               http("404 Not Found", "Content-Type: text/html\r\n", page("Gone", "No.", "None."))) +
      record("metadata", "WARC-Target-URI: https://news.example/a\r\n", "outlink: x\r\n") +
      record("revisit", "WARC-Target-URI: https://news.example/a\r\n",
             http("304 Not Modified", "", "")) +
      html_response("<https://news.example/b>", "2020-01-07T08:00:00Z", "Letter leaked");
  Read result = read(warc);
  EXPECT_EQ(result.error, "");
  EXPECT_EQ(result.summary.records, 8u);
  EXPECT_EQ(result.summary.pages, 2u);
  EXPECT_EQ(result.summary.skipped, (Skipped{{"metadata", 1},
                                             {"request", 1},
                                             {"response: HTTP 404", 1},
                                             {"response: not HTML (image/png)", 1},
                                             {"revisit", 1},
                                             {"warcinfo", 1}}));
  ASSERT_EQ(result.pages.size(), 2u);
  expect_page(result.pages[0], "https://news.example/a", "2020-01-06", "Troops stay", 3);
  // WARC 1.0's <angle brackets> around the URI are dropped.
  expect_page(result.pages[1], "https://news.example/b", "2020-01-07", "Letter leaked", 8);
}

// The archive records where the page was fetched from; a canonical link naming another address
// does not replace it.
TEST(ReadWarc, ThePageUrlIsTheTargetUriEvenWithACanonicalLink) {
  const std::string html =
      "<html><head><title>Troops stay</title><link rel=\"canonical\" "
      "href=\"https://other.example/troops\"></head><body><article><p>Troops stay in Iraq, "
      "the Pentagon said on Monday.</p></article></body></html>";
  Read result = read(response("https://news.example/a?utm=x", "2020-01-06T10:00:00Z",
                              http("200 OK", "Content-Type: text/html\r\n", html)));
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].draft.id, "https://news.example/a?utm=x");
  EXPECT_EQ(result.pages[0].draft.url, "https://news.example/a?utm=x");
}

TEST(ReadWarc, ChunkedAndCompressedBodiesAreDecoded) {
  std::string body = page("Chunked", "Chunked first paragraph.", "Chunked second paragraph.");
  std::string chunked = "10\r\n" + body.substr(0, 16) + "\r\n" +
                        [&] {
                          char size[16];
                          std::snprintf(size, sizeof size, "%zx;ext=1", body.size() - 16);
                          return std::string(size);
                        }() +
                        "\r\n" + body.substr(16) + "\r\n0\r\n\r\n";
  std::string gzipped =
      gzip(page("Gzipped", "Gzipped first paragraph.", "Gzipped second paragraph."));
  std::string both = gzip(page("Both", "Both first paragraph.", "Both second paragraph."));
  std::string both_chunked = "5\r\n" + both.substr(0, 5) + "\r\n" +
                             [&] {
                               char size[16];
                               std::snprintf(size, sizeof size, "%zX", both.size() - 5);
                               return std::string(size);
                             }() +
                             "\r\n" + both.substr(5) + "\r\n0\r\n\r\n";
  std::string raw_deflate =
      gzip(page("Deflated", "Deflated first paragraph.", "Deflated second paragraph."), -15);
  const std::string html = "Content-Type: text/html\r\n";
  std::string warc =
      response("https://news.example/c", "2020-01-08T00:00:00Z",
               http("200 OK", html + "Transfer-Encoding: chunked\r\n", chunked)) +
      response("https://news.example/g", "2020-01-08T00:00:00Z",
               http("200 OK", html + "Content-Encoding: gzip\r\n", gzipped)) +
      response("https://news.example/b", "2020-01-08T00:00:00Z",
               http("200 OK", html + "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                    both_chunked)) +
      response("https://news.example/d", "2020-01-08T00:00:00Z",
               http("200 OK", html + "Content-Encoding: deflate\r\n", raw_deflate)) +
      response("https://news.example/br", "2020-01-08T00:00:00Z",
               http("200 OK", html + "Content-Encoding: br\r\n", "\x0b\x02\x80")) +
      response("https://news.example/bad", "2020-01-08T00:00:00Z",
               http("200 OK", html + "Content-Encoding: gzip\r\n", "not gzip at all"));
  Read result = read(warc);
  EXPECT_EQ(result.error, "");
  EXPECT_EQ(result.summary.records, 6u);
  EXPECT_EQ(result.summary.skipped, (Skipped{{"response: bad gzip data", 1},
                                             {"response: unsupported Content-Encoding (br)", 1}}));
  ASSERT_EQ(result.pages.size(), 4u);
  expect_page(result.pages[0], "https://news.example/c", "2020-01-08", "Chunked", 1);
  expect_page(result.pages[1], "https://news.example/g", "2020-01-08", "Gzipped", 2);
  expect_page(result.pages[2], "https://news.example/b", "2020-01-08", "Both", 3);
  expect_page(result.pages[3], "https://news.example/d", "2020-01-08", "Deflated", 4);
}

TEST(ReadWarc, LfLineEndsAreTolerated) {
  std::string body = page("Plain", "Plain first paragraph.", "Plain second paragraph.");
  std::string message = "HTTP/1.0 200 OK\nContent-Type: text/html\n\n" + body;
  std::string warc =
      "WARC/1.0\nWARC-Type: response\nWARC-Target-URI: https://news.example/p\n"
      "WARC-Date: 2020-01-09T00:00:00Z\nContent-Length: " +
      std::to_string(message.size()) + "\n\n" + message + "\n\n";
  Read result = read(warc);
  EXPECT_EQ(result.error, "");
  EXPECT_EQ(result.summary.records, 1u);
  ASSERT_EQ(result.pages.size(), 1u);
  expect_page(result.pages[0], "https://news.example/p", "2020-01-09", "Plain", 1);
}

TEST(ReadWarc, UnlabelledResourceAndNonHttpRecords) {
  std::string body = page("Sniffed", "Sniffed first paragraph.", "Sniffed second paragraph.");
  std::string warc =
      response("https://news.example/s", "2020-01-10T00:00:00Z", http("200 OK", "", body)) +
      response("https://news.example/t", "2020-01-10T00:00:00Z",
               http("200 OK", "", "plain words")) +
      record("response", "WARC-Target-URI: dns:news.example\r\nContent-Type: text/dns\r\n",
             "20200110000000\nnews.example. 300 IN A 192.0.2.1\n") +
      record("resource",
             "WARC-Target-URI: file:///saved/r.html\r\nWARC-Date: 2020-01-11T00:00:00Z\r\n"
             "Content-Type: text/html; charset=iso-8859-1\r\n",
             page("Resource", "Resource first paragraph.", "Resource second paragraph.")) +
      record("resource", "WARC-Target-URI: file:///saved/r.jpg\r\nContent-Type: image/jpeg\r\n",
             "\xff\xd8\xff") +
      record("conversion", "", "x") + record("", "", "");
  Read result = read(warc);
  EXPECT_EQ(result.error, "");
  EXPECT_EQ(result.summary.records, 7u);
  EXPECT_EQ(result.summary.skipped, (Skipped{{"conversion", 1},
                                             {"no WARC-Type", 1},
                                             {"resource", 1},
                                             {"response: not HTML (no Content-Type)", 1},
                                             {"response: not HTTP (text/dns)", 1}}));
  ASSERT_EQ(result.pages.size(), 2u);
  expect_page(result.pages[0], "https://news.example/s", "2020-01-10", "Sniffed", 1);
  expect_page(result.pages[1], "file:///saved/r.html", "2020-01-11", "Resource", 4);
}

TEST(ReadWarc, PayloadsOverTheLimitAreSkippedUnread) {
  std::string big_page = page("Big", std::string(5000, 'x'), "y");
  std::string bomb = gzip(page("Bomb", std::string(500000, 'z'), "z"));
  ASSERT_LT(bomb.size() + 100, 4096u);
  std::string warc =
      response("https://news.example/big", "2020-01-12T00:00:00Z",
               http("200 OK", "Content-Type: text/html\r\n", big_page)) +
      record("request", "", std::string(10000, 'r')) +
      record("resource", "Content-Type: text/html\r\n", big_page) +
      response("https://news.example/bomb", "2020-01-12T00:00:00Z",
               http("200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", bomb)) +
      html_response("https://news.example/small", "2020-01-12T00:00:00Z", "Small");
  Read result = read(warc, 4096);
  EXPECT_EQ(result.error, "");
  EXPECT_EQ(result.summary.records, 5u);
  EXPECT_EQ(result.summary.skipped, (Skipped{{"request", 1},
                                             {"resource: larger than 4 KiB", 1},
                                             {"response: larger than 4 KiB", 2}}));
  ASSERT_EQ(result.pages.size(), 1u);
  expect_page(result.pages[0], "https://news.example/small", "2020-01-12", "Small", 5);
}

TEST(ReadWarc, MalformedRecordsThrowAfterThePagesBeforeThem) {
  std::string good = html_response("https://news.example/a", "2020-01-06T10:00:00Z", "Good");
  struct Case {
    std::string warc;
    std::string error;
  };
  const std::vector<Case> cases = {
      {good + "WARC/1.1\r\nWARC-Type: response\r\ngarbage line\r\n\r\n",
       "malformed WARC record 2: header line without a colon: \"garbage line\""},
      {good + "WARC/1.1\r\nWARC-Type: request\r\nContent-Length: 500\r\n\r\n0123456789",
       "malformed WARC record 2: cut off in its block (10 of 500 bytes)"},
      {good + "WARC/1.1\r\nWARC-Type: request\r\nContent-Length: 2\r\n\r\n0123456789\r\n\r\n",
       "malformed WARC record 2: block not followed by a blank line (wrong Content-Length?)"},
      {good + "WARC/1.1\r\nWARC-Type: request\r\n\r\n",
       "malformed WARC record 2: no Content-Length"},
      {good + "WARC/1.1\r\nContent-Length: -1\r\n\r\n",
       "malformed WARC record 2: bad Content-Length \"-1\""},
      {good + "WARC/1.1\r\nWARC-Type: request\r\n",
       "malformed WARC record 2: cut off in its header"},
      {good + "HTTP/1.1 200 OK\r\n\r\n",
       "malformed WARC record 2: no WARC/1.x version line (found \"HTTP/1.1 200 OK\")"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.error);
    Read result = read(c.warc);
    EXPECT_EQ(result.error, c.error);
    ASSERT_EQ(result.pages.size(), 1u);
    EXPECT_EQ(result.pages[0].draft.title, "Good");
  }
}

TEST(ReadWarc, NotAWarcFile) {
  EXPECT_EQ(read("<html><body>hi</body></html>\n").error,
            "not a WARC file: no WARC/1.x version line (found \"<html><body>hi</body></html>\")");
  EXPECT_EQ(read(std::string(100000, 'a')).error, "not a WARC file: no WARC/1.x version line");
  EXPECT_EQ(read("WARC/1.0\r\nno colon\r\n").error,
            "not a WARC file: header line without a colon: \"no colon\"");
  Read empty = read("");
  EXPECT_EQ(empty.error, "");
  EXPECT_EQ(empty.summary.records, 0u);
}

TEST(ReadWarc, GarbageNeverCrashes) {
  std::string valid = html_response("https://news.example/a", "2020-01-06T10:00:00Z", "Good") +
                      record("request", "", "GET / HTTP/1.1\r\n\r\n");
  unsigned seed = 12345;
  for (int round = 0; round < 300; ++round) {
    std::string warc = valid;
    for (int flips = 0; flips < 1 + round % 5; ++flips) {
      seed = seed * 1103515245u + 12345u;
      warc[(seed >> 8) % warc.size()] = static_cast<char>(seed >> 24);
    }
    warc.resize((seed >> 4) % (warc.size() + 1));
    Read result = read(warc);
    EXPECT_LE(result.pages.size(), 1u);
    EXPECT_TRUE(result.error.empty() || result.error.rfind("not a WARC file: ", 0) == 0 ||
                result.error.rfind("malformed WARC record ", 0) == 0)
        << result.error;
  }
}

}  // namespace
}  // namespace newsarchive
