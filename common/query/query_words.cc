// The scan of a query's words; see query_words.h.
#include "query/query_words.h"

#include <xapian.h>

#include <array>

namespace newsarchive {
namespace {

bool is_word_character(unsigned code_point) {
  return Xapian::Unicode::is_wordchar(code_point) && code_point != '_';
}

bool is_operator(std::string_view word) {
  static constexpr std::array<std::string_view, 6> kOperators = {"AND", "OR",   "NOT",
                                                                 "XOR", "NEAR", "ADJ"};
  for (std::string_view op : kOperators)
    if (word == op) return true;
  return false;
}

// What stands either side of a word decides its role.
struct Surroundings {
  char before = ' ';  // the byte before the word (' ' at the start)
  char after = ' ';   // the byte after it (' ' at the end)
  char before_that = ' ';
};

Surroundings surroundings(std::string_view text, size_t start, size_t end) {
  Surroundings around;
  if (start > 0) around.before = text[start - 1];
  if (start > 1) around.before_that = text[start - 2];
  if (end < text.size()) around.after = text[end];
  return around;
}

bool opens(char c) {
  return c == ' ' || c == '(' || c == '"';
}

bool closes(char c) {
  return c == ' ' || c == ')' || c == '"';
}

}  // namespace

std::vector<QueryWord> scan_query_words(std::string_view text) {
  std::vector<QueryWord> words;
  bool quoted = false;
  bool field_phrase = false;  // the quotes opened right after "field:"
  size_t i = 0;
  while (i < text.size()) {
    Xapian::Utf8Iterator it(text.data() + i, text.size() - i);
    if (!is_word_character(*it)) {
      if (text[i] == '"') {
        field_phrase = !quoted && i > 0 && text[i - 1] == ':';
        quoted = !quoted;
      }
      i += it.left() - (++it).left();
      continue;
    }
    QueryWord word;
    word.start = i;
    word.quoted = quoted;
    while (it != Xapian::Utf8Iterator() && is_word_character(*it)) ++it;
    word.end = text.size() - it.left();
    i = word.end;
    std::string_view spelling = text.substr(word.start, word.end - word.start);
    Surroundings around = surroundings(text, word.start, word.end);
    // A leading + or - (required, excluded) is an operator of the word, not glue, unless it
    // follows a word character ("e-mail").
    bool signed_word = (around.before == '+' || around.before == '-') && opens(around.before_that);
    word.free = (opens(around.before) || signed_word) && closes(around.after) &&
                !(is_operator(spelling) && !quoted) && !(quoted && field_phrase);
    words.push_back(word);
  }
  for (size_t k = 0; k < words.size(); ++k) {
    QueryWord& word = words[k];
    auto is_proximity = [&](size_t index) {
      std::string_view w = text.substr(words[index].start, words[index].end - words[index].start);
      return !words[index].quoted && (w == "NEAR" || w == "ADJ");
    };
    bool near_operator = (k > 0 && is_proximity(k - 1)) ||
                         (k + 1 < words.size() && is_proximity(k + 1)) ||
                         (k > 1 && text[words[k - 1].start - 1] == '/' && is_proximity(k - 2));
    word.replaceable = word.free && !word.quoted && !near_operator;
  }
  return words;
}

bool is_capitalised(std::string_view word) {
  if (word.empty()) return false;
  unsigned first = *Xapian::Utf8Iterator(word.data(), word.size());
  return Xapian::Unicode::get_category(first) == Xapian::Unicode::UPPERCASE_LETTER ||
         Xapian::Unicode::get_category(first) == Xapian::Unicode::TITLECASE_LETTER;
}

std::string lower_case_word(std::string_view word) {
  return Xapian::Unicode::tolower(std::string(word));
}

}  // namespace newsarchive
