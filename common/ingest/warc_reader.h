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
// hint: the HTTP Content-Type), its id set to the target URI, its url to the canonical URL or else
// the target URI, and fallback_date the WARC-Date ("warc-date"); `record` is the record's 1-based
// number, for messages. A record payload larger than `max_payload_bytes` is skipped unread
// ("response: larger than 64 MiB"). Throws StreamError when the stream cannot be read, and
// StreamError("not a WARC file: ...") / ("malformed WARC record N: ...") when it is not WARC;
// pages before the error have been passed on.
WarcSummary read_warc(ByteStream& stream, size_t max_payload_bytes,
                      const std::function<void(DraftArticle, std::uint64_t record)>& each);

}  // namespace newsarchive
