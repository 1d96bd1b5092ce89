// Line-level tools for reading plain text without copying it: a cursor over the lines of a
// text, and a joiner that builds paragraphs with a cap on what it keeps.
#pragma once

#include <string>
#include <string_view>

namespace newsarchive {

// `text` without leading and trailing ASCII whitespace.
std::string_view trim_view(std::string_view text);
bool is_blank_line(std::string_view line);
// Words separated by ASCII whitespace.
size_t count_words(std::string_view text);

// The lines of a text from an offset, as views. Like splitting on '\n', except that the empty
// line after a final '\n' is not visited.
class TextCursor {
 public:
  TextCursor(std::string_view text, size_t from) : text_(text), position_(from) { find_end(); }

  bool at_end() const { return position_ >= text_.size(); }
  // The current line, without its '\n'. Empty at the end.
  std::string_view line() const { return text_.substr(position_, end_ - position_); }
  void next_line() {
    position_ = end_ + 1;
    find_end();
  }
  void skip_blank_lines() {
    while (!at_end() && is_blank_line(line())) next_line();
  }
  // Where the current line starts (the text's size at the end).
  size_t position() const { return position_ < text_.size() ? position_ : text_.size(); }

 private:
  void find_end() {
    if (position_ >= text_.size()) {
      end_ = position_;
      return;
    }
    end_ = text_.find('\n', position_);
    if (end_ == std::string_view::npos) end_ = text_.size();
  }

  std::string_view text_;
  size_t position_;
  size_t end_ = 0;
};

// Where the last paragraph of `text` (from `from` on) starts; npos when there is none.
size_t last_paragraph_start(std::string_view text, size_t from);

// Joins lines into paragraphs: each line trimmed, lines of a paragraph joined with one space,
// paragraphs separated by "\n\n". Keeps at most max_bytes + 1 bytes (one more than the limit, so
// cut_text can see whether the cut falls inside a word) while counting the full length.
class ParagraphJoiner {
 public:
  explicit ParagraphJoiner(size_t max_bytes) : max_bytes_(max_bytes) {}

  void add_line(std::string_view line);
  // The joined text's length had nothing been cut.
  size_t full_bytes() const { return full_bytes_; }
  // The text so far: whole, or max_bytes + 1 bytes of it when full_bytes() > max_bytes.
  const std::string& kept() const { return text_; }
  // The joined text cut to max_bytes (see cut_text), holding no more memory than it needs.
  std::string take();

 private:
  void append(std::string_view piece);

  size_t max_bytes_;
  size_t full_bytes_ = 0;
  bool in_paragraph_ = false;
  std::string text_;
};

}  // namespace newsarchive
