// JSON Lines article reading, from any byte stream (a file, a decompressed file, a member).
#include "ingest/jsonl_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <tuple>

#include "ingest/article_finish.h"
#include "ingest/bundle.h"
#include "text/text_cleanup.h"

namespace newsarchive {
namespace {

using nlohmann::json;

// Moves the string value of `key` out of `object` and cleans it in place (no second copy of a
// large body); "" when absent. Throws std::invalid_argument naming the key when it holds
// something other than a string (or, for ids, an integer).
std::string take_string_field(json& object, const char* key, bool allow_integer = false) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (it->is_string()) {
    std::string value = std::move(it->get_ref<std::string&>());
    strip_control_characters_in_place(value);
    return value;
  }
  // dump() writes signed and unsigned integers alike, so ids past LLONG_MAX do not wrap.
  if (allow_integer && it->is_number_integer()) return it->dump();
  throw std::invalid_argument(std::string("key '") + key + "' is not a string");
}

// A line buffer holding more than this after a long line is released rather than reused, so one
// 60 MB line does not keep 60 MB allocated for the rest of the file.
constexpr size_t kKeptLineCapacity = 1u << 20;

void release_if_large(std::string& line) {
  if (line.capacity() > kKeptLineCapacity) std::string().swap(line);
}

// Reads lines from a stream in fixed chunks so that an overlong line costs no more memory than
// kMaxJsonLineBytes. A file starting with a UTF-16 byte-order mark is decoded to UTF-8 chunk by
// chunk on the way (see start()).
class StreamLineReader {
 public:
  explicit StreamLineReader(ByteStream& stream) : stream_(stream) {}

  // Reads the first chunk and recognises a UTF-16 byte-order mark, which is dropped; the rest
  // of the file is then decoded. Returns the byte order found. Call before next(); throws
  // StreamError like next().
  std::optional<Utf16Order> start() {
    size_t got = read_raw();
    std::optional<Utf16Order> order = utf16_byte_order(std::string_view(raw_, got));
    if (!order) {
      set_data(raw_, got);
      return std::nullopt;
    }
    decoder_.emplace(*order);
    decoded_.clear();
    decoder_->decode(std::string_view(raw_ + 2, got - 2), decoded_);
    set_data(decoded_.data(), decoded_.size());
    return order;
  }

  // Fills `line` with the next line. Returns false at end of input. Sets `too_long` when the line
  // exceeded kMaxJsonLineBytes (its content is then discarded). Throws StreamError when the
  // stream cannot be read (a corrupt gzip stream).
  bool next(std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    for (;;) {
      if (position_ == filled_ && !refill()) return any;
      any = true;
      const char* start = data_ + position_;
      const char* newline = static_cast<const char*>(std::memchr(start, '\n', filled_ - position_));
      size_t take = newline ? static_cast<size_t>(newline - start) : filled_ - position_;
      if (!too_long) {
        if (line.size() + take > kMaxJsonLineBytes) {
          too_long = true;
          line.clear();
          line.shrink_to_fit();
        } else {
          if (line.size() + take > line.capacity()) grow(line, line.size() + take);
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
  // Makes room for `needed` bytes in `line`. Short lines grow geometrically. A line past
  // kKeptLineCapacity gets the whole kMaxJsonLineBytes at once: the pages of a large allocation
  // only take memory as they are written, and no copy at every doubling (nor the freed halves)
  // adds to the peak. The new buffer is reserved in a fresh string because reserve() on a
  // string rounds a request below twice its capacity up to twice it, past the limit.
  static void grow(std::string& line, size_t needed) {
    size_t target =
        needed <= kKeptLineCapacity ? std::max(needed, 2 * line.capacity()) : kMaxJsonLineBytes;
    std::string grown;
    grown.reserve(target);
    grown.append(line);
    line.swap(grown);
  }

  void set_data(const char* data, size_t size) {
    data_ = data;
    filled_ = size;
    position_ = 0;
  }

  // Makes the next chunk of (decoded) text current; false at end of input.
  bool refill() {
    if (!decoder_) {
      size_t got = read_raw();
      set_data(raw_, got);
      return got > 0;
    }
    while (!decoder_finished_) {
      size_t got = read_raw();
      decoded_.clear();
      if (got == 0) {
        decoder_->finish(decoded_);
        decoder_finished_ = true;
      } else {
        decoder_->decode(std::string_view(raw_, got), decoded_);
      }
      set_data(decoded_.data(), decoded_.size());
      if (filled_ > 0) return true;  // a chunk of one odd byte decodes to nothing yet
    }
    return false;
  }

  // Reads the next chunk of the input into raw_.
  size_t read_raw() { return stream_.read(raw_, sizeof raw_); }

  ByteStream& stream_;
  char raw_[1 << 16];
  // UTF-16 input only: the decoder and the current chunk decoded (at most 1.5 times raw_).
  std::optional<Utf16Decoder> decoder_;
  std::string decoded_;
  bool decoder_finished_ = false;
  const char* data_ = raw_;
  size_t position_ = 0;
  size_t filled_ = 0;
};

// Parses `line` as JSON, warning about invalid UTF-8 (read as Windows-1252); nullopt after
// telling the sink about a syntax error.
std::optional<json> parse_json(std::string_view line, const SourceLocation& where,
                               ArticleSink& sink) {
  std::string repaired;
  if (!is_valid_utf8(line)) {
    sink.warn(where, "invalid UTF-8; bytes read as Windows-1252");
    repaired = transcode_invalid_utf8(line);
    line = repaired;
  }
  json object = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!object.is_discarded()) return object;
  // Parse again with exceptions for the byte position of the error.
  try {
    json ignored = json::parse(line);
    (void)ignored;
  } catch (const json::parse_error& error) {
    sink.skip(where, "JSON syntax error at byte " + std::to_string(error.byte));
    return std::nullopt;
  } catch (const json::out_of_range&) {  // a number beyond a double, such as 1E400
    sink.skip(where, "JSON number out of range");
    return std::nullopt;
  }
  sink.skip(where, "JSON syntax error");
  return std::nullopt;
}

// What a line's article is read with besides the line itself.
struct LineContext {
  const EntryFacts& file;  // the JSON Lines file (or member) the line is in
  const FinishOptions& finish;
  std::string fallback_id;  // for a line without "id": "<file id>:<line>"
};

// The article in a parsed line, finished and handed to the sink, or the reason it was skipped.
// `object` is emptied (its strings moved into the draft) and freed before the sink sees it.
void article_from_json(std::optional<json>& object, const LineContext& context,
                       const SourceLocation& where, ArticleSink& sink) {
  if (!object->is_object()) return sink.skip(where, "not a JSON object");

  DraftArticle draft;
  draft.format = "jsonl";
  draft.clean = true;  // parse_json repaired the line's UTF-8; take_string_field strips controls
  std::string date_text;
  try {
    draft.id = take_string_field(*object, "id", /*allow_integer=*/true);
    date_text = take_string_field(*object, "date");
    draft.title = take_string_field(*object, "title");
    draft.body = take_string_field(*object, "body");
    draft.source = take_string_field(*object, "source");
    draft.url = take_string_field(*object, "url");
    draft.author = take_string_field(*object, "author");
  } catch (const std::invalid_argument& error) {
    return sink.skip(where, error.what());
  }
  object.reset();
  if (draft.title.empty() && draft.body.empty()) return sink.skip(where, "no article text");
  if (draft.id.empty()) {
    draft.id = context.fallback_id;
    sink.warn(where, "no \"id\"; using '" + context.fallback_id + "'");
  }
  if (!date_text.empty()) {
    draft.date = parse_article_date(date_text);
    draft.date_from = "json";
    if (!draft.date) sink.warn(where, "invalid date '" + excerpt(date_text) + "'");
  }
  finish_article(std::move(draft), context.file, context.finish, where, sink);
}

// Parses `line` (held in `owner`, released once parsed when it is large: a long line must not
// stay in memory while its article is indexed).
void parse_owned_line(std::string& owner, const LineContext& context, const SourceLocation& where,
                      ArticleSink& sink) {
  std::optional<json> object = parse_json(owner, where, sink);
  release_if_large(owner);
  if (object) article_from_json(object, context, where, sink);
}

// Reads the lines of `stream`, keeping `line_number` at the last line read. Throws StreamError.
void read_lines(ByteStream& stream, const EntryFacts& file, const FinishOptions& finish,
                const std::string& display_path, ArticleSink& sink, std::uint64_t* bytes_read,
                long& line_number) {
  StreamLineReader reader(stream);
  std::string line;
  bool too_long = false;
  if (std::optional<Utf16Order> order = reader.start())
    sink.warn(SourceLocation{display_path, 0},
              std::string(utf16_name(*order)) + " text; transcoded to UTF-8");
  while (reader.next(line, too_long)) {
    ++line_number;
    if (bytes_read) *bytes_read = stream.position_on_disk();
    SourceLocation where{display_path, line_number};
    if (too_long) {
      sink.skip(where, "line longer than " + std::to_string(kMaxJsonLineBytes >> 20) + " MiB");
      continue;
    }
    if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    LineContext context{file, finish, file.id + ":" + std::to_string(line_number)};
    parse_owned_line(line, context, where, sink);
  }
}

}  // namespace

void parse_jsonl_article(std::string_view line, const std::string& fallback_id,
                         const SourceLocation& where, ArticleSink& sink) {
  EntryFacts file{fallback_id, "", std::nullopt};
  FinishOptions finish;
  std::optional<json> object = parse_json(line, where, sink);
  if (object) article_from_json(object, LineContext{file, finish, fallback_id}, where, sink);
}

bool read_jsonl_stream(ByteStream& stream, const EntryFacts& file, const FinishOptions& finish,
                       const std::string& display_path, ArticleSink& sink,
                       std::uint64_t* bytes_read) {
  long line_number = 0;
  try {
    read_lines(stream, file, finish, display_path, sink, bytes_read, line_number);
  } catch (const StreamError& error) {
    sink.skip(SourceLocation{display_path, line_number + 1}, error.what());
    return false;
  }
  return true;
}

bool read_jsonl_file(const std::string& path, const std::string& display_path, ArticleSink& sink,
                     std::uint64_t* bytes_read) {
  std::unique_ptr<FileStream> file;
  std::unique_ptr<ByteStream> plain;
  try {
    file = FileStream::open(path);
    plain = decompressing(*file);
  } catch (const StreamError& error) {
    sink.skip(SourceLocation{display_path, 0}, error.what());
    return false;
  }
  EntryFacts facts{display_path, "", std::nullopt};
  return read_jsonl_stream(*plain, facts, FinishOptions{}, display_path, sink, bytes_read);
}

}  // namespace newsarchive
