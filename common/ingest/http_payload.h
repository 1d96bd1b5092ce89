// The HTTP response messages that WARC response records hold: status line, headers, and the body
// with its transfer coding (chunked) and content coding (gzip, deflate) undone.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsarchive {

// A Content-Type value split into its media type (lower case, no parameters: "text/html") and
// its charset parameter (as written, quotes removed; "" when absent).
struct MediaType {
  std::string type;
  std::string charset;
};
MediaType parse_media_type(std::string_view content_type);

struct HttpResponse {
  int status = 0;
  MediaType content_type;         // type "" when the response has no Content-Type
  std::string transfer_encoding;  // lower case; "" when absent
  std::string content_encoding;   // lower case; "" when absent
  std::string_view body;          // the rest of the message parsed, still encoded
};

// Parses the status line ("HTTP/1.1 200 OK") and headers of `message` (CRLF or LF line ends).
// Returns nullopt when it is not an HTTP response; headers cut off before their blank line are
// kept, with an empty body. `body` points into `message`.
std::optional<HttpResponse> parse_http_response(std::string_view message);

// The body of `response` with its codings undone: "chunked" transfer coding (a body that does
// not start with a chunk-size line is taken as already de-chunked, as some archivers store it;
// a body cut off mid-chunk keeps what came before) and gzip, x-gzip or deflate content coding
// (zlib or raw deflate; a stream cut off keeps what was inflated). `error` says why there is no
// body: "larger than 64 MiB" (decoded size above `max_bytes`, also against compression bombs),
// "unsupported Content-Encoding (br)", "bad gzip data".
struct DecodedBody {
  std::string bytes;
  std::string error;  // "" on success
};
DecodedBody decode_http_body(const HttpResponse& response, size_t max_bytes);

// Whether `bytes`, a body without a Content-Type, starts like an HTML document: after
// whitespace, a byte-order mark and comments, "<!doctype html", "<html", "<head" or "<body"
// (case-insensitive).
bool sniffs_as_html(std::string_view bytes);

}  // namespace newsarchive
