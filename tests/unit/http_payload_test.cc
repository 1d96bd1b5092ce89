// Unit tests for common/ingest/http_payload: HTTP responses as WARC records hold them.
#include "ingest/http_payload.h"

#include <gtest/gtest.h>

#include <string>

namespace newsarchive {
namespace {

TEST(ParseMediaType, TypeInLowerCaseAndTheCharset) {
  MediaType media = parse_media_type(" Text/HTML ; q=1; Charset=\"ISO-8859-1\" ");
  EXPECT_EQ(media.type, "text/html");
  EXPECT_EQ(media.charset, "ISO-8859-1");
  media = parse_media_type("application/http; msgtype=response");
  EXPECT_EQ(media.type, "application/http");
  EXPECT_EQ(media.charset, "");
  EXPECT_EQ(parse_media_type("").type, "");
}

TEST(ParseHttpResponse, StatusHeadersAndBody) {
  auto response = parse_http_response(
      "HTTP/1.1 301 Moved\r\nContent-Type: text/html;charset=utf-8\r\n"
      "TRANSFER-ENCODING: Chunked\r\nContent-Encoding: GZIP\r\nX-Other: 1\r\n\r\nbody\r\n");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 301);
  EXPECT_EQ(response->content_type.type, "text/html");
  EXPECT_EQ(response->content_type.charset, "utf-8");
  EXPECT_EQ(response->transfer_encoding, "chunked");
  EXPECT_EQ(response->content_encoding, "gzip");
  EXPECT_EQ(response->body, "body\r\n");
}

TEST(ParseHttpResponse, RejectsWhatIsNotAResponse) {
  EXPECT_FALSE(parse_http_response("GET / HTTP/1.1\r\n\r\n").has_value());
  EXPECT_FALSE(parse_http_response("HTTP/1.1 2x0 OK\r\n\r\n").has_value());
  EXPECT_FALSE(parse_http_response("HTTP/1.1 200 OK").has_value());  // no line end
  auto cut = parse_http_response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Cut: 1");
  ASSERT_TRUE(cut.has_value());
  EXPECT_EQ(cut->body, "");
}

DecodedBody decode(const std::string& message, size_t max_bytes = 1000) {
  auto response = parse_http_response(message);
  EXPECT_TRUE(response.has_value());
  return response ? decode_http_body(*response, max_bytes) : DecodedBody{};
}

TEST(DecodeHttpBody, ChunkedIsDechunkedTolerantly) {
  const std::string chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
  EXPECT_EQ(decode(chunked + "3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n").bytes, "abcde");
  EXPECT_EQ(decode(chunked + "3\nabc\n2\nde\n0\n\n").bytes, "abcde");
  // Already de-chunked by the archiver: kept as it is.
  EXPECT_EQ(decode(chunked + "<html>page</html>").bytes, "<html>page</html>");
  // Cut off in a chunk, or by a bad size line: what came before.
  EXPECT_EQ(decode(chunked + "3\r\nabc\r\n10\r\nde").bytes, "abcde");
  EXPECT_EQ(decode(chunked + "3\r\nabc\r\nzz\r\nde").bytes, "abc");
}

TEST(DecodeHttpBody, LimitsAndUnknownCodings) {
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\n\r\n" + std::string(2000, 'a')).error,
            "larger than 1000 bytes");
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx").error,
            "unsupported Content-Encoding (br)");
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n\xff\xff").error,
            "bad deflate data");
  DecodedBody identity = decode("HTTP/1.1 200 OK\r\nContent-Encoding: identity\r\n\r\nplain");
  EXPECT_EQ(identity.error, "");
  EXPECT_EQ(identity.bytes, "plain");
}

TEST(SniffsAsHtml, DocumentStartsOnly) {
  EXPECT_TRUE(sniffs_as_html("\xEF\xBB\xBF  <!-- c -->\n<!DOCTYPE HTML><html>"));
  EXPECT_TRUE(sniffs_as_html("<HTML lang=en>"));
  EXPECT_TRUE(sniffs_as_html("\n<head><title>x</title>"));
  EXPECT_FALSE(sniffs_as_html("{\"json\": true}"));
  EXPECT_FALSE(sniffs_as_html("<?xml version='1.0'?><rss>"));
  EXPECT_FALSE(sniffs_as_html("<!-- never closed"));
  EXPECT_FALSE(sniffs_as_html(""));
}

}  // namespace
}  // namespace newsarchive
