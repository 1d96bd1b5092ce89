// Line cursors and paragraph joining; see text_lines.h.
#include "ingest/text_lines.h"

#include <cctype>

#include "text/text_cleanup.h"

namespace newsarchive {

std::string_view trim_view(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

bool is_blank_line(std::string_view line) {
  return trim_view(line).empty();
}

size_t count_words(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

size_t last_paragraph_start(std::string_view text, size_t from) {
  size_t start = std::string_view::npos;
  bool in_paragraph = false;
  for (TextCursor lines(text, from); !lines.at_end(); lines.next_line()) {
    bool blank = is_blank_line(lines.line());
    if (!blank && !in_paragraph) start = lines.position();
    in_paragraph = !blank;
  }
  return start;
}

void ParagraphJoiner::add_line(std::string_view line) {
  line = trim_view(line);
  if (line.empty()) {
    in_paragraph_ = false;
    return;
  }
  if (full_bytes_ > 0) append(in_paragraph_ ? " " : "\n\n");
  append(line);
  in_paragraph_ = true;
}

std::string ParagraphJoiner::take() {
  if (full_bytes_ > max_bytes_) {
    text_.resize(cut_text(text_, max_bytes_).size());
    text_.shrink_to_fit();
  }
  return std::move(text_);
}

void ParagraphJoiner::append(std::string_view piece) {
  full_bytes_ += piece.size();
  if (text_.size() <= max_bytes_) text_.append(piece.substr(0, max_bytes_ + 1 - text_.size()));
}

}  // namespace newsarchive
