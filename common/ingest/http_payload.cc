// HTTP response messages from WARC records; see http_payload.h.
#include "ingest/http_payload.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "text/ascii.h"
#include "text/text_cleanup.h"

namespace newsarchive {
namespace {

// Takes the next line (up to LF, CR removed) from `text`; false when `text` has no LF left.
bool take_line(std::string_view& text, std::string_view& line) {
  size_t end = text.find('\n');
  if (end == std::string_view::npos) return false;
  line = text.substr(0, end);
  if (line.ends_with('\r')) line.remove_suffix(1);
  text.remove_prefix(end + 1);
  return true;
}

// "HTTP/1.1 200 OK" -> 200; nullopt for anything else.
std::optional<int> status_of(std::string_view line) {
  if (!line.starts_with("HTTP/")) return std::nullopt;
  size_t space = line.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  std::string_view code = line.substr(space + 1, 3);
  int status = 0;
  auto [end, error] = std::from_chars(code.data(), code.data() + code.size(), status);
  if (error != std::errc() || end != code.data() + code.size() || code.size() != 3)
    return std::nullopt;
  return status;
}

void set_header(HttpResponse& response, std::string_view name, std::string_view value) {
  std::string key = ascii_lower(trim_ascii_space(name));
  if (key == "content-type") response.content_type = parse_media_type(value);
  if (key == "transfer-encoding") response.transfer_encoding = ascii_lower(trim_ascii_space(value));
  if (key == "content-encoding") response.content_encoding = ascii_lower(trim_ascii_space(value));
}

// The value of a chunk-size line ("1a3", "1a3;ext=1"), or nullopt when it is not one.
std::optional<std::uint64_t> chunk_size(std::string_view line) {
  line = trim_ascii_space(line.substr(0, line.find(';')));
  if (line.empty() || line.size() > 15) return std::nullopt;
  std::uint64_t size = 0;
  auto [end, error] = std::from_chars(line.data(), line.data() + line.size(), size, 16);
  if (error != std::errc() || end != line.data() + line.size()) return std::nullopt;
  return size;
}

// Undoes the chunked transfer coding; nullopt when `body` does not start with a chunk-size line.
std::optional<std::string> dechunk(std::string_view body) {
  std::string out;
  std::string_view line;
  for (bool first = true;; first = false) {
    std::optional<std::uint64_t> size;
    if (take_line(body, line)) size = chunk_size(line);
    if (!size) return first ? std::nullopt : std::optional<std::string>(std::move(out));
    if (*size == 0 || *size >= body.size()) {
      out.append(body.substr(0, static_cast<size_t>(std::min<std::uint64_t>(*size, body.size()))));
      return out;
    }
    out.append(body.substr(0, static_cast<size_t>(*size)));
    body.remove_prefix(static_cast<size_t>(*size));
    if (body.starts_with("\r\n"))
      body.remove_prefix(2);
    else if (body.starts_with("\n"))
      body.remove_prefix(1);
  }
}

enum class Inflated { kDone, kBadData, kTooLarge };

// Inflates `data` into `out` (window_bits as for inflateInit2). A stream cut off (inflate stops
// with Z_BUF_ERROR: no input left) counts as done: `out` keeps what it gave.
Inflated inflate_into(std::string_view data, int window_bits, size_t max_bytes, std::string& out) {
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) return Inflated::kBadData;
  char chunk[1 << 16];
  Inflated result = Inflated::kDone;
  int status = Z_OK;
  while (status == Z_OK) {
    if (zs.avail_in == 0 && !data.empty()) {
      size_t piece = std::min<size_t>(data.size(), 1u << 30);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
      zs.avail_in = static_cast<uInt>(piece);
      data.remove_prefix(piece);
    }
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof chunk;
    status = inflate(&zs, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - zs.avail_out);
    if (out.size() > max_bytes) result = Inflated::kTooLarge;
    if (result == Inflated::kTooLarge) break;
  }
  if (status == Z_DATA_ERROR || status == Z_NEED_DICT || status == Z_MEM_ERROR)
    result = Inflated::kBadData;
  inflateEnd(&zs);
  return result;
}

// Undoes a gzip or deflate content coding. "deflate" is meant to be zlib-wrapped but servers
// often send raw deflate: that is tried when the zlib header is not there.
DecodedBody inflate_body(std::string_view data, bool raw_allowed, size_t max_bytes) {
  DecodedBody decoded;
  Inflated result = inflate_into(data, 15 + 32, max_bytes, decoded.bytes);
  if (result == Inflated::kBadData && decoded.bytes.empty() && raw_allowed)
    result = inflate_into(data, -15, max_bytes, decoded.bytes);
  if (result == Inflated::kTooLarge) {
    decoded.bytes.clear();
    decoded.error = "larger than " + describe_bytes(max_bytes);
  } else if (result == Inflated::kBadData && decoded.bytes.empty()) {
    decoded.error = raw_allowed ? "bad deflate data" : "bad gzip data";
  }
  return decoded;
}

}  // namespace

MediaType parse_media_type(std::string_view content_type) {
  MediaType media;
  size_t semicolon = content_type.find(';');
  media.type = ascii_lower(trim_ascii_space(content_type.substr(0, semicolon)));
  while (semicolon != std::string_view::npos) {
    content_type.remove_prefix(semicolon + 1);
    semicolon = content_type.find(';');
    std::string_view parameter = trim_ascii_space(content_type.substr(0, semicolon));
    size_t equals = parameter.find('=');
    if (equals == std::string_view::npos ||
        ascii_lower(trim_ascii_space(parameter.substr(0, equals))) != "charset")
      continue;
    std::string_view value = trim_ascii_space(parameter.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    media.charset = std::string(value);
  }
  return media;
}

std::optional<HttpResponse> parse_http_response(std::string_view message) {
  std::string_view line;
  if (!take_line(message, line)) return std::nullopt;
  std::optional<int> status = status_of(line);
  if (!status) return std::nullopt;
  HttpResponse response;
  response.status = *status;
  while (take_line(message, line) && !line.empty()) {
    size_t colon = line.find(':');
    if (colon != std::string_view::npos)
      set_header(response, line.substr(0, colon), line.substr(colon + 1));
  }
  if (!line.empty()) message = {};  // cut off inside the headers
  response.body = message;
  return response;
}

DecodedBody decode_http_body(const HttpResponse& response, size_t max_bytes) {
  std::optional<std::string> dechunked;
  if (response.transfer_encoding.find("chunked") != std::string::npos)
    dechunked = dechunk(response.body);
  std::string_view body = dechunked ? std::string_view(*dechunked) : response.body;
  const std::string& coding = response.content_encoding;
  if (coding == "gzip" || coding == "x-gzip") return inflate_body(body, false, max_bytes);
  if (coding == "deflate") return inflate_body(body, true, max_bytes);
  if (!coding.empty() && coding != "identity")
    return DecodedBody{"", "unsupported Content-Encoding (" + coding + ")"};
  if (body.size() > max_bytes) return DecodedBody{"", "larger than " + describe_bytes(max_bytes)};
  return DecodedBody{dechunked ? std::move(*dechunked) : std::string(body), ""};
}

bool sniffs_as_html(std::string_view bytes) {
  bytes = bytes.substr(0, 1024);
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  for (;;) {
    bytes = trim_ascii_space(bytes);
    if (!bytes.starts_with("<!--")) break;
    size_t end = bytes.find("-->");
    if (end == std::string_view::npos) return false;
    bytes.remove_prefix(end + 3);
  }
  std::string start = ascii_lower(bytes.substr(0, 14));
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body"})
    if (start.starts_with(tag)) return true;
  return false;
}

}  // namespace newsarchive
