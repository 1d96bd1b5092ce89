// WARC record reading; see warc_reader.h. Memory: one record block at a time (at most
// max_payload_bytes, plus its decoded body), and a 64 KiB read buffer.
#include "ingest/warc_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "ingest/http_payload.h"
#include "ingest/web_page.h"
#include "text/ascii.h"
#include "text/text_cleanup.h"

namespace newsarchive {
namespace {

// WARC header lines are short; these bound the memory a file that is not WARC can make us use.
constexpr size_t kMaxHeaderLineBytes = 64u << 10;
constexpr size_t kMaxHeaderBytes = 1u << 20;

// A record that does not follow the format; what() is the reason, without the record number.
class MalformedRecord : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `text` quoted for a message: short, valid UTF-8, no control characters.
std::string quote(std::string_view text) {
  std::string clean = strip_control_characters(transcode_invalid_utf8(text.substr(0, 200)));
  return "\"" + excerpt(clean, 40) + "\"";
}

// Buffered reading of lines and blocks from a ByteStream.
class RecordInput {
 public:
  explicit RecordInput(ByteStream& stream) : stream_(stream), buffer_(1u << 16) {}

  enum class Line { kRead, kEnd, kTooLong };

  // Reads the next line into `line`, without its LF or CRLF. kEnd: the input ended before the
  // line's first byte (a last line without LF is still read); kTooLong: the line is longer than
  // kMaxHeaderLineBytes (not a WARC header line).
  Line read_line(std::string& line) {
    line.clear();
    bool any = false;
    for (;;) {
      if (start_ == end_ && !fill()) {
        if (!any) return Line::kEnd;
        break;
      }
      any = true;
      const char* begin = buffer_.data() + start_;
      const char* lf = static_cast<const char*>(std::memchr(begin, '\n', end_ - start_));
      size_t take = lf != nullptr ? static_cast<size_t>(lf - begin) : end_ - start_;
      if (line.size() + take > kMaxHeaderLineBytes) return Line::kTooLong;
      line.append(begin, take);
      start_ += take;
      if (lf != nullptr) {
        ++start_;
        break;
      }
    }
    if (line.ends_with('\r')) line.pop_back();
    return Line::kRead;
  }

  // Appends up to `count` bytes to `out`; returns how many there were (fewer at end of input).
  size_t read_into(size_t count, std::string& out) {
    size_t done = 0;
    while (done < count && (start_ < end_ || fill())) {
      size_t take = std::min(count - done, end_ - start_);
      out.append(buffer_.data() + start_, take);
      start_ += take;
      done += take;
    }
    return done;
  }

  // Passes over up to `count` bytes; returns how many there were.
  std::uint64_t discard(std::uint64_t count) {
    std::uint64_t done = 0;
    while (done < count && (start_ < end_ || fill())) {
      size_t take = static_cast<size_t>(std::min<std::uint64_t>(count - done, end_ - start_));
      start_ += take;
      done += take;
    }
    return done;
  }

 private:
  bool fill() {
    start_ = 0;
    end_ = stream_.read(buffer_.data(), buffer_.size());
    return end_ > 0;
  }

  ByteStream& stream_;
  std::vector<char> buffer_;
  size_t start_ = 0;
  size_t end_ = 0;
};

// A record's named fields, names in lower case (they are case-insensitive).
struct WarcHeader {
  std::map<std::string, std::string> fields;

  std::string get(const std::string& name) const {
    auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
  }
};

// Reads the version line, passing over the blank lines that end the previous record.
bool read_version_line(RecordInput& in) {
  std::string line;
  for (;;) {
    RecordInput::Line got = in.read_line(line);
    if (got == RecordInput::Line::kEnd) return false;
    if (got == RecordInput::Line::kTooLong) throw MalformedRecord("no WARC/1.x version line");
    if (!trim_ascii_space(line).empty()) break;
  }
  if (!line.starts_with("WARC/"))
    throw MalformedRecord("no WARC/1.x version line (found " + quote(line) + ")");
  return true;
}

// Reads a record's header: the version line and the fields up to the blank line. Returns false
// at the end of the input (before a record). Field lines starting with white space continue the
// field before them.
bool read_header(RecordInput& in, WarcHeader& header) {
  header.fields.clear();
  if (!read_version_line(in)) return false;
  std::string line;
  std::string last_name;
  size_t total = 0;
  for (;;) {
    RecordInput::Line got = in.read_line(line);
    if (got == RecordInput::Line::kEnd) throw MalformedRecord("cut off in its header");
    if (got == RecordInput::Line::kTooLong)
      throw MalformedRecord("header line longer than " + describe_bytes(kMaxHeaderLineBytes));
    if (line.empty()) return true;
    total += line.size();
    if (total > kMaxHeaderBytes)
      throw MalformedRecord("header longer than " + describe_bytes(kMaxHeaderBytes));
    if ((line[0] == ' ' || line[0] == '\t') && !last_name.empty()) {
      header.fields[last_name].append(" ").append(trim_ascii_space(line));
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string::npos)
      throw MalformedRecord("header line without a colon: " + quote(line));
    last_name = ascii_lower(trim_ascii_space(std::string_view(line).substr(0, colon)));
    header.fields[last_name] =
        std::string(trim_ascii_space(std::string_view(line).substr(colon + 1)));
  }
}

std::uint64_t content_length(const WarcHeader& header) {
  std::string value = header.get("content-length");
  std::uint64_t length = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), length);
  if (value.empty() || error != std::errc() || end != value.data() + value.size())
    throw MalformedRecord(value.empty() ? "no Content-Length"
                                        : "bad Content-Length " + quote(value));
  return length;
}

// Reads the `length` bytes of a record's block into `block`, or discards them when `block` is
// null, then the line that must follow: blank (the second one is passed over with the next
// record's header), or the end of the input.
void read_block(RecordInput& in, std::uint64_t length, std::string* block) {
  std::uint64_t got =
      block != nullptr ? in.read_into(static_cast<size_t>(length), *block) : in.discard(length);
  if (got < length)
    throw MalformedRecord("cut off in its block (" + std::to_string(got) + " of " +
                          std::to_string(length) + " bytes)");
  std::string line;
  RecordInput::Line got_line = in.read_line(line);
  if (got_line == RecordInput::Line::kEnd) return;
  if (got_line == RecordInput::Line::kRead && trim_ascii_space(line).empty()) return;
  throw MalformedRecord("block not followed by a blank line (wrong Content-Length?)");
}

bool is_html_type(const std::string& media_type) {
  return media_type == "text/html" || media_type == "application/xhtml+xml";
}

// An HTML page found in a record: the bytes and the charset its headers name.
struct Payload {
  std::string bytes;
  std::string charset;
};

// The page in a response record's HTTP message, or the reason it has none.
std::string response_page(std::string_view block, const WarcHeader& header, size_t max_bytes,
                          Payload& page) {
  std::string record_type = parse_media_type(header.get("content-type")).type;
  if (!record_type.empty() && record_type != "application/http")
    return "response: not HTTP (" + record_type + ")";
  std::optional<HttpResponse> http = parse_http_response(block);
  if (!http) return "response: not HTTP";
  if (http->status < 200 || http->status > 299)
    return "response: HTTP " + std::to_string(http->status);
  const std::string& media_type = http->content_type.type;
  if (!media_type.empty() && !is_html_type(media_type))
    return "response: not HTML (" + media_type + ")";
  DecodedBody body = decode_http_body(*http, max_bytes);
  if (!body.error.empty()) return "response: " + body.error;
  if (media_type.empty() && !sniffs_as_html(body.bytes))
    return "response: not HTML (no Content-Type)";
  page = Payload{std::move(body.bytes), http->content_type.charset};
  return "";
}

// The page in a resource record (the document itself, without HTTP), or the reason it has none.
std::string resource_page(std::string& block, const WarcHeader& header, Payload& page) {
  MediaType media = parse_media_type(header.get("content-type"));
  if (!is_html_type(media.type) && !(media.type.empty() && sniffs_as_html(block)))
    return "resource";
  page = Payload{std::move(block), media.charset};
  return "";
}

// WARC 1.0's grammar put angle brackets around URIs, and some writers followed it.
std::string target_uri(const WarcHeader& header) {
  std::string uri = header.get("warc-target-uri");
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>')
    uri = uri.substr(1, uri.size() - 2);
  return uri;
}

DraftArticle draft_of(const Payload& page, const WarcHeader& header) {
  std::string target = target_uri(header);
  DraftArticle draft = parse_web_page(page.bytes, WebPageHints{target, page.charset});
  // The address the page was fetched from is what the archive records; a canonical link may
  // name another page (an edition, a tracking-free form) and stays a property of the HTML.
  draft.id = target;
  draft.url = target;
  draft.fallback_date = parse_article_date(header.get("warc-date"));
  if (draft.fallback_date) draft.fallback_date_from = "warc-date";
  return draft;
}

using PageCallback = std::function<void(DraftArticle, std::uint64_t record)>;

// Reads one record's block and passes its page on, or counts why it has none.
void handle_record(RecordInput& in, const WarcHeader& header, std::uint64_t number,
                   size_t max_bytes, WarcSummary& summary, const PageCallback& each) {
  std::uint64_t length = content_length(header);
  std::string type = ascii_lower(header.get("warc-type"));
  if (type.empty()) type = "no WARC-Type";
  bool may_be_page = type == "response" || type == "resource";
  if (!may_be_page || length > max_bytes) {
    read_block(in, length, nullptr);
    ++summary.skipped[may_be_page ? type + ": larger than " + describe_bytes(max_bytes) : type];
    return;
  }
  std::string block;
  read_block(in, length, &block);
  Payload page;
  std::string reason = type == "response" ? response_page(block, header, max_bytes, page)
                                          : resource_page(block, header, page);
  std::string().swap(block);
  if (!reason.empty()) {
    ++summary.skipped[reason];
    return;
  }
  ++summary.pages;
  each(draft_of(page, header), number);
}

}  // namespace

WarcSummary read_warc(ByteStream& stream, size_t max_payload_bytes, const PageCallback& each) {
  WarcSummary summary;
  RecordInput in(stream);
  WarcHeader header;
  for (;;) {
    std::uint64_t number = summary.records + 1;
    try {
      if (!read_header(in, header)) return summary;
      ++summary.records;
      handle_record(in, header, number, max_payload_bytes, summary, each);
    } catch (const MalformedRecord& error) {
      if (number == 1) throw StreamError(std::string("not a WARC file: ") + error.what());
      throw StreamError("malformed WARC record " + std::to_string(number) + ": " + error.what());
    }
  }
}

}  // namespace newsarchive
