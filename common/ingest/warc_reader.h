// Reads web archive files (WARC 1.0/1.1, ISO 28500), plain or gzip-compressed record by record
// (the decompression is the caller's: the stream given is already plain WARC).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "ingest/byte_stream.h"
#include "ingest/draft_article.h"

namespace newsarchive {

// What one WARC file held besides the pages it gave.
struct WarcSummary {
  std::uint64_t records = 0;
  std::uint64_t pages = 0;  // response records with an HTML payload, passed to `each`
  // Records passed over, by reason: "request", "metadata", "warcinfo", "revisit", ... (the
  // record type), or "response: not HTML (image/png)", "response: HTTP 404".
  std::map<std::string, std::uint64_t> skipped;
};

// Reads every record of `stream` in order. For a `response` record whose HTTP payload is HTML
// (status 2xx, Content-Type text/html or application/xhtml+xml, or unlabelled and sniffed as
// HTML), calls `each` with the page parsed by parse_web_page (url hint: WARC-Target-URI; charset
// hint: the HTTP Content-Type), its id and url set to the target URI, and fallback_date the
// WARC-Date ("warc-date"); `record` is the record's 1-based number, for messages. The HTTP body is
// de-chunked and inflated (gzip, deflate) first, see http_payload.h. A `resource` record (a
// document archived without HTTP, as some tools save pages) whose own Content-Type is HTML, or
// which is unlabelled and sniffed as HTML, is a page too: it is the same content a response would
// hold. Skip reasons: the record type for other records ("warcinfo", "request", "metadata",
// "revisit", "conversion", "resource" when not HTML, "no WARC-Type"); for responses "response: HTTP
// 404", "response: not HTML (image/png)", "response: not HTML (no Content-Type)", "response: not
// HTTP (text/dns)", "response: bad gzip data", "response: unsupported Content-Encoding (br)". A
// response or resource whose block, or decoded body, is larger than `max_payload_bytes` is skipped
// ("response: larger than 64 MiB"), its block read past without being kept; other records are never
// kept at all. At most one block and its decoded body are in memory at a time. Blank lines between
// records are passed over and LF line ends accepted for CRLF; an empty stream has no records.
// Throws StreamError when the stream cannot be read, and StreamError("not a WARC file: ...") /
// ("malformed WARC record N: ...") when it is not WARC (no version line, a header line without a
// colon, a missing or bad Content-Length, a record cut off, a block not followed by a blank line);
// pages before the error have been passed on.
WarcSummary read_warc(ByteStream& stream, size_t max_payload_bytes,
                      const std::function<void(DraftArticle, std::uint64_t record)>& each);

}  // namespace newsarchive
