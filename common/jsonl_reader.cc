// JSON Lines article reading, plain or gzip-compressed through zlib's transparent gzread.
#include "jsonl_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>

#include "headline.h"
#include "text_cleanup.h"

namespace newsarchive {
namespace {

using nlohmann::json;

// Returns the string value of `key`, "" when absent; throws std::invalid_argument naming the key
// when it holds something other than a string (or, for ids, an integer).
std::string string_field(const json& object, const char* key, bool allow_integer = false) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (it->is_string()) return strip_control_characters(it->get_ref<const std::string&>());
  // dump() writes signed and unsigned integers alike, so ids past LLONG_MAX do not wrap.
  if (allow_integer && it->is_number_integer()) return it->dump();
  throw std::invalid_argument(std::string("key '") + key + "' is not a string");
}

// A read error inside a (compressed) file, as opposed to errors from the sink.
class CompressedDataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads lines from a gzFile in fixed chunks so that an overlong line costs no more memory than
// kMaxJsonLineBytes.
class GzLineReader {
 public:
  explicit GzLineReader(gzFile file) : file_(file) {}

  // Fills `line` with the next line. Returns false at end of input. Sets `too_long` when the line
  // exceeded kMaxJsonLineBytes (its content is then discarded). Throws CompressedDataError on a
  // read error (a corrupt gzip stream).
  bool next(std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    for (;;) {
      if (position_ == filled_ && !refill()) return any;
      any = true;
      const char* start = buffer_ + position_;
      const char* newline = static_cast<const char*>(std::memchr(start, '\n', filled_ - position_));
      size_t take = newline ? static_cast<size_t>(newline - start) : filled_ - position_;
      if (!too_long) {
        if (line.size() + take > kMaxJsonLineBytes) {
          too_long = true;
          line.clear();
          line.shrink_to_fit();
        } else {
          line.append(start, take);
        }
      }
      position_ += take;
      if (newline) {
        ++position_;
        return true;
      }
    }
  }

 private:
  // A gzip stream cut short is an error too: zlib hands back what it could decompress, then
  // reports the truncation only through gzerror's Z_BUF_ERROR at the end of input.
  bool refill() {
    int got = gzread(file_, buffer_, sizeof buffer_);
    int code = Z_OK;
    const char* message = got > 0 ? nullptr : gzerror(file_, &code);
    if (got < 0 || code == Z_BUF_ERROR) throw CompressedDataError(message ? message : "read error");
    position_ = 0;
    filled_ = static_cast<size_t>(got);
    return got > 0;
  }

  gzFile file_;
  char buffer_[1 << 16];
  size_t position_ = 0;
  size_t filled_ = 0;
};

}  // namespace

void parse_jsonl_article(std::string_view line, const std::string& fallback_id,
                         const SourceLocation& where, ArticleSink& sink) {
  std::string repaired;
  if (!is_valid_utf8(line)) {
    sink.warn(where, "invalid UTF-8; bytes read as Windows-1252");
    repaired = transcode_invalid_utf8(line);
    line = repaired;
  }
  json object = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded()) {
    // Parse again with exceptions for the byte position of the error.
    try {
      json ignored = json::parse(line);
      (void)ignored;
    } catch (const json::parse_error& error) {
      return sink.skip(where, "JSON syntax error at byte " + std::to_string(error.byte));
    }
    return sink.skip(where, "JSON syntax error");
  }
  if (!object.is_object()) return sink.skip(where, "not a JSON object");

  Article article;
  std::string date_text;
  try {
    article.id = string_field(object, "id", /*allow_integer=*/true);
    date_text = string_field(object, "date");
    article.title = string_field(object, "title");
    article.body = string_field(object, "body");
    article.source = string_field(object, "source");
    article.url = string_field(object, "url");
    article.author = string_field(object, "author");
  } catch (const std::invalid_argument& error) {
    return sink.skip(where, error.what());
  }
  if (article.title.empty() && article.body.empty()) return sink.skip(where, "no article text");
  if (article.id.empty()) {
    article.id = fallback_id;
    sink.warn(where, "no \"id\"; using '" + fallback_id + "'");
  }
  if (!date_text.empty()) article.date = parse_article_date(date_text);
  if (!article.date) {
    sink.warn(where, date_text.empty() ? std::string("no date; indexed undated")
                                       : "invalid date '" + date_text + "'; indexed undated");
  }
  if (article.title.empty()) article.title = first_sentence(article.body);
  sink.accept(std::move(article), where);
}

bool read_jsonl_file(const std::string& path, const std::string& display_path, ArticleSink& sink,
                     std::uint64_t* bytes_read) {
  // Closed on every path out, including exceptions thrown by the sink.
  std::unique_ptr<gzFile_s, int (*)(gzFile)> file(gzopen(path.c_str(), "rb"), &gzclose);
  if (!file) {
    sink.skip(SourceLocation{display_path, 0}, std::string("cannot open: ") + std::strerror(errno));
    return false;
  }
  GzLineReader reader(file.get());
  std::string line;
  bool too_long = false;
  long line_number = 0;
  try {
    while (reader.next(line, too_long)) {
      ++line_number;
      if (bytes_read)
        *bytes_read = static_cast<std::uint64_t>(std::max<z_off_t>(gzoffset(file.get()), 0));
      SourceLocation where{display_path, line_number};
      if (too_long) {
        sink.skip(where, "line longer than " + std::to_string(kMaxJsonLineBytes >> 20) + " MiB");
        continue;
      }
      if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      parse_jsonl_article(line, display_path + ":" + std::to_string(line_number), where, sink);
    }
  } catch (const CompressedDataError& error) {
    sink.skip(SourceLocation{display_path, line_number + 1},
              std::string("unreadable compressed data: ") + error.what());
  }
  return true;
}

}  // namespace newsarchive
