// First-sentence extraction for articles without a headline.
#include "text/headline.h"

#include <array>
#include <cctype>
#include <string>

#include "text/utf8.h"

namespace newsarchive {
namespace {

// Words whose full stop ends no sentence (lower case, without the last stop). "jr" and "sr" are
// also name suffixes (entities/name_parts.h), but this is another fact, and text/ cannot see
// entities/ anyway.
constexpr std::array<std::string_view, 26> kAbbreviations = {
    "mr", "mrs", "ms", "dr", "prof", "gen",  "sen", "rep", "gov", "lt",  "col", "capt", "sgt",
    "st", "jr",  "sr", "no", "inc",  "corp", "co",  "ltd", "vs",  "u.s", "u.k", "e.g",  "i.e"};

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// True when the word ending just before `dot` (exclusive) is an abbreviation or an initial.
bool ends_abbreviation(std::string_view text, size_t dot) {
  size_t start = dot;
  while (start > 0 && !is_space(text[start - 1])) --start;
  std::string word;
  for (size_t i = start; i < dot; ++i) {
    char c = text[i];
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '.')
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (word.size() == 1) return true;  // an initial: "John F. Kennedy"
  for (std::string_view abbreviation : kAbbreviations)
    if (word == abbreviation) return true;
  return false;
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

// Closing quotes that may follow a sentence's final punctuation (ASCII and UTF-8 forms).
size_t closing_quote_length(std::string_view text, size_t at) {
  if (at < text.size() && (text[at] == '"' || text[at] == '\'' || text[at] == ')')) return 1;
  for (std::string_view quote :
       {std::string_view("\xE2\x80\x9D"), std::string_view("\xE2\x80\x99")})
    if (text.substr(at, quote.size()) == quote) return quote.size();
  return 0;
}

}  // namespace

std::string first_sentence(std::string_view body) {
  std::string text = collapse_whitespace(body);
  size_t end = text.size();
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != '.' && c != '!' && c != '?') continue;
    size_t after = i + 1;
    while (size_t quote = closing_quote_length(text, after)) after += quote;
    if (after < text.size() && !is_space(text[after])) continue;
    if (c == '.' && ends_abbreviation(text, i)) continue;
    end = after;
    break;
  }
  std::string sentence = text.substr(0, end);
  if (sentence.size() <= kMaxDerivedHeadlineBytes) return sentence;
  size_t cut = kMaxDerivedHeadlineBytes;
  while (cut > 0 && sentence[cut] != ' ') --cut;
  if (cut == 0) cut = kMaxDerivedHeadlineBytes;
  return std::string(utf8_prefix(sentence, cut)) + "\xE2\x80\xA6";
}

}  // namespace newsarchive
