// Plain-text article parsing; the format is described in text_article.h.
//
// The text is walked line by line as views into one cleaned copy, and the body is built through a
// capped joiner, so a huge file (50 MB, or millions of blank lines) costs its own size once more
// and the capped body, never a vector of every line or a full copy of every paragraph.
#include "ingest/text_article.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "text/headline.h"
#include "text/text_cleanup.h"

namespace newsarchive {
namespace {

constexpr std::string_view kHeadlineMarker = "Originally published as ";

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

bool is_blank(std::string_view line) {
  return trim(line).empty();
}

// The lines of `text` from offset `from`, as views, without storing them. Like splitting on
// '\n': text ending in '\n' has an empty last line.
class Lines {
 public:
  Lines(std::string_view text, size_t from) : text_(text), next_(from) {}

  // The next line (without its '\n') and the offset where it starts; false past the end.
  bool next(std::string_view& line, size_t& offset) {
    if (next_ > text_.size()) return false;
    size_t end = text_.find('\n', next_);
    if (end == std::string_view::npos) end = text_.size();
    offset = next_;
    line = text_.substr(next_, end - next_);
    next_ = end + 1;
    return true;
  }

  // Where the line after the last one returned starts.
  size_t position() const { return next_; }

 private:
  std::string_view text_;
  size_t next_;
};

size_t count_words(std::string_view line) {
  size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool starts_with_date_label(std::string_view line) {
  std::string first;
  for (char c : line) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == ':') break;
    first.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (first.size() > 5) return false;  // longer than "dated"
  }
  return first == "date" || first == "dated";
}

// Joins lines the way the format defines paragraphs: each line trimmed, lines of a paragraph
// joined with one space, paragraphs separated by "\n\n". Keeps at most max_bytes + 1 bytes (one
// more than the limit, so cut_text can see whether the cut falls inside a word) while counting
// the full length.
class ParagraphJoiner {
 public:
  explicit ParagraphJoiner(size_t max_bytes) : max_bytes_(max_bytes) {}

  void add_line(std::string_view line) {
    line = trim(line);
    if (line.empty()) {
      in_paragraph_ = false;
      return;
    }
    if (full_bytes_ > 0) append(in_paragraph_ ? " " : "\n\n");
    append(line);
    in_paragraph_ = true;
  }

  // The joined text's length had nothing been cut.
  size_t full_bytes() const { return full_bytes_; }
  // The text so far: whole, or max_bytes + 1 bytes of it when full_bytes() > max_bytes.
  const std::string& kept() const { return text_; }

  // The joined text cut to max_bytes (see cut_text), holding no more memory than it needs
  // when it was cut (it grew geometrically past the limit).
  std::string take() {
    if (full_bytes_ > max_bytes_) {
      text_.resize(cut_text(text_, max_bytes_).size());
      text_.shrink_to_fit();
    }
    return std::move(text_);
  }

 private:
  void append(std::string_view piece) {
    full_bytes_ += piece.size();
    if (text_.size() <= max_bytes_) text_.append(piece.substr(0, max_bytes_ + 1 - text_.size()));
  }

  size_t max_bytes_;
  size_t full_bytes_ = 0;
  bool in_paragraph_ = false;
  std::string text_;
};

// Where the last paragraph of `text` (from `from` on) starts; npos when there is none.
size_t last_paragraph_start(std::string_view text, size_t from) {
  size_t start = std::string_view::npos;
  bool in_paragraph = false;
  Lines lines(text, from);
  std::string_view line;
  size_t offset = 0;
  while (lines.next(line, offset)) {
    bool blank = is_blank(line);
    if (!blank && !in_paragraph) start = offset;
    in_paragraph = !blank;
  }
  return start;
}

// Releases the memory of `text`. (Assigning an empty string would not: libstdc++ keeps the
// buffer when it moves a short string in.)
void release(std::string& text) {
  std::string().swap(text);
}

// Decodes and cleans `text` in place: UTF-16 decoded, invalid UTF-8 read as Windows-1252,
// control characters removed; each repair with a warning. Returns false after skipping a binary
// file. At most one extra copy of the text exists at a time, and only while it is transcoded.
bool clean_text(std::string& text, const SourceLocation& where, ArticleSink& sink) {
  if (auto order = utf16_byte_order(text)) {
    // Checked before the NUL test: UTF-16 text is full of NUL bytes.
    sink.warn(where, std::string(utf16_name(*order)) + " text; transcoded to UTF-8");
    std::string decoded = transcode_utf16(std::string_view(text).substr(2), *order);
    text.swap(decoded);
  }
  if (size_t nul = text.find('\0'); nul != std::string::npos) {
    sink.skip(where, "binary file (NUL byte at offset " + std::to_string(nul) + ")");
    return false;
  }
  if (!is_valid_utf8(text)) {
    sink.warn(where, "invalid UTF-8; bytes read as Windows-1252");
    std::string repaired = transcode_invalid_utf8(text);
    text.swap(repaired);
  }
  strip_control_characters_in_place(text);
  return true;
}

// Parses the cleaned text of a file (see clean_text) and hands the article to the sink. The
// text is released before the sink sees the article, so indexing holds only the capped article.
void parse_clean_text(std::string text, const std::string& id, const SourceLocation& where,
                      ArticleSink& sink) {
  // Empty means nothing but whitespace once a byte-order mark and control characters are gone.
  if (is_blank(text)) return sink.skip(where, "empty file");

  // The dateline: the first non-blank line.
  Lines lines(text, 0);
  std::string_view line;
  size_t offset = 0;
  while (lines.next(line, offset) && is_blank(line)) {
  }
  std::string_view dateline = trim(line);
  size_t body_start = offset;  // the dateline is body text unless it is taken as a dateline

  Article article;
  article.id = id;
  bool short_line = count_words(dateline) <= kMaxDatelineWords;
  if (short_line) article.date = parse_article_date(dateline);
  if (article.date) {
    body_start = lines.position();
    if (*article.date > latest_plausible_date(today_utc())) {
      sink.warn(where, "date " + article.date->iso() +
                           " is more than a year in the future; indexed undated");
      article.date.reset();
    }
  } else if (starts_with_date_label(dateline) || (short_line && has_date_shape(dateline))) {
    // A line written as a date ("2024-02-30", "0000-00-00") is a dateline with a broken date,
    // not the first line of the body.
    body_start = lines.position();
    sink.warn(where, "no valid date in dateline '" + excerpt(dateline) + "'; indexed undated");
  } else {
    sink.warn(where, "no dateline; indexed undated");
  }

  // The last paragraph is the headline when it starts with the marker. Only its first bytes
  // are needed to tell, and a headline is capped like any field.
  size_t body_end = text.size();
  if (size_t last = last_paragraph_start(text, body_start); last != std::string_view::npos) {
    ParagraphJoiner paragraph(kHeadlineMarker.size() + kMaxFieldBytes);
    Lines last_lines(text, last);
    while (last_lines.next(line, offset) && !is_blank(line)) paragraph.add_line(line);
    if (paragraph.kept().starts_with(kHeadlineMarker)) {
      body_end = last;
      std::string_view kept = paragraph.kept();
      std::string_view title = trim(kept.substr(kHeadlineMarker.size()));
      // Joined lines are trimmed, so only the marker and spaces after it precede the title.
      size_t full_title = paragraph.full_bytes() - static_cast<size_t>(title.data() - kept.data());
      if (full_title > kMaxFieldBytes) {
        sink.warn(where, cut_warning("title", full_title, kMaxFieldBytes));
        title = cut_text(title, kMaxFieldBytes);
      }
      article.title = title;
    }
  }

  ParagraphJoiner body(kMaxBodyBytes);
  Lines body_lines(std::string_view(text).substr(0, body_end), body_start);
  while (body_lines.next(line, offset)) body.add_line(line);
  if (body.full_bytes() > kMaxBodyBytes)
    sink.warn(where, cut_warning("body", body.full_bytes(), kMaxBodyBytes));
  article.body = body.take();
  release(text);  // the whole cleaned file is not needed while the article is indexed

  if (article.body.empty() && article.title.empty()) return sink.skip(where, "no article text");
  if (article.title.empty()) article.title = first_sentence(article.body);
  sink.accept(std::move(article), where);
}

}  // namespace

void parse_text_article(std::string_view content, const std::string& id,
                        const SourceLocation& where, ArticleSink& sink) {
  std::string text(content);
  if (clean_text(text, where, sink)) parse_clean_text(std::move(text), id, where, sink);
}

bool read_text_article(const std::filesystem::path& path, const std::string& id,
                       const SourceLocation& where, ArticleSink& sink) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    sink.skip(where, std::string("cannot open: ") + std::strerror(errno));
    return false;
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};

  struct stat status {};
  if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) &&
      static_cast<std::uintmax_t>(status.st_size) > kMaxTextArticleBytes) {
    sink.skip(where, "file larger than " + describe_bytes(kMaxTextArticleBytes));
    return true;
  }
  // Reads up to one byte past the limit, so a file that grew after fstat (or a pipe, which has
  // no size) is caught too; the buffer starts at the size fstat gave, so a regular file is read
  // without reallocating.
  std::string content;
  if (S_ISREG(status.st_mode)) content.reserve(static_cast<size_t>(status.st_size) + 1);
  char chunk[1 << 16];
  for (;;) {
    ssize_t got = ::read(fd, chunk, sizeof chunk);
    if (got < 0) {
      if (errno == EINTR) continue;
      sink.skip(where, std::string("read error: ") + std::strerror(errno));
      return false;
    }
    if (got == 0) break;
    if (content.size() + static_cast<size_t>(got) > kMaxTextArticleBytes) {
      sink.skip(where, "file larger than " + describe_bytes(kMaxTextArticleBytes));
      return true;
    }
    content.append(chunk, static_cast<size_t>(got));
  }
  if (clean_text(content, where, sink)) parse_clean_text(std::move(content), id, where, sink);
  return true;
}

}  // namespace newsarchive
