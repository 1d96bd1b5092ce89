// Tokenizer for the entity tagger: words, punctuation and sentence starts with byte offsets.
#include "entities/tokenizer.h"

#include <array>
#include <cstdint>
#include <string>

#include "text/utf8.h"

namespace newsarchive {
namespace {

enum class Kind : uint8_t { kSpace, kNewline, kLetter, kDigit, kPunct };

struct Char {
  Kind kind = Kind::kPunct;
  uint8_t length = 1;  // bytes
  char32_t code = 0;
};

constexpr std::array<Kind, 128> kAsciiKinds = [] {
  std::array<Kind, 128> kinds{};
  for (size_t c = 0; c < 128; ++c) {
    if (c == '\n' || c == '\v' || c == '\f') {
      kinds[c] = Kind::kNewline;
    } else if (c < 0x20 || c == ' ' || c == 0x7F) {
      kinds[c] = Kind::kSpace;  // tab, CR and other controls separate tokens like spaces
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      kinds[c] = Kind::kLetter;
    } else if (c >= '0' && c <= '9') {
      kinds[c] = Kind::kDigit;
    } else {
      kinds[c] = Kind::kPunct;
    }
  }
  return kinds;
}();

Kind non_ascii_kind(char32_t c) {
  if (c == 0x85 || c == 0x2028 || c == 0x2029) return Kind::kNewline;
  if (c < 0xA0 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
      c == 0x205F || c == 0x3000 || c == 0xFEFF)
    return Kind::kSpace;
  if ((c <= 0xBF && c != 0xAA && c != 0xB5 && c != 0xBA) || c == 0xD7 || c == 0xF7)
    return Kind::kPunct;  // ¡ … ¿ (but not ª µ º), × ÷
  if ((c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
      (c >= 0x20A0 && c <= 0x20CF) || (c >= 0x2100 && c <= 0x214F) ||
      (c >= 0x2190 && c <= 0x2BFF) || (c >= 0x3001 && c <= 0x303F) ||
      (c >= 0xFE10 && c <= 0xFE6F) || (c >= 0xFF01 && c <= 0xFF0F) ||
      (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65))
    return Kind::kPunct;  // dashes, quotes, bullets, currency, symbols, CJK punctuation
  return Kind::kLetter;
}

// The character at `pos` (< text.size()). A byte that does not start a well-formed sequence is
// one letter, so malformed input still tokenizes.
Char decode(std::string_view text, size_t pos) {
  auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) return Char{kAsciiKinds[b], 1, b};
  Utf8Sequence sequence = decode_utf8_sequence(text, pos);
  if (sequence.length == 0) return Char{Kind::kLetter, 1, 0xFFFD};
  return Char{non_ascii_kind(sequence.code_point), static_cast<uint8_t>(sequence.length),
              sequence.code_point};
}

bool is_word(const Char& c) {
  return c.kind == Kind::kLetter || c.kind == Kind::kDigit;
}
bool is_apostrophe(char32_t c) {
  return c == '\'' || c == 0x2019;
}
bool is_white(const Char& c) {
  return c.kind == Kind::kSpace || c.kind == Kind::kNewline;
}

// Approximate: ASCII, Latin-1, the common Latin Extended-A pattern, Greek and Cyrillic capitals.
bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return (c % 2) == 0;
  return (c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F);
}

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

// Abbreviations that keep their period (lower case, without it). "No." is not here: "said no."
// ends sentences more often than "No. 1" starts a number. "jr" and "sr" are also name suffixes
// (name_parts.h), but this list is another fact: the words whose full stop ends no sentence.
constexpr std::array<std::string_view, 60> kAbbreviations = {
    "mr",   "mrs", "ms",  "dr",   "prof", "gen", "sen",  "rep",  "gov",  "lt",   "col",   "capt",
    "cmdr", "sgt", "maj", "adm",  "rev",  "hon", "pres", "st",   "jr",   "sr",   "inc",   "corp",
    "co",   "ltd", "plc", "bros", "vs",   "mt",  "ft",   "jan",  "feb",  "mar",  "apr",   "jun",
    "jul",  "aug", "sep", "sept", "oct",  "nov", "dec",  "ala",  "ariz", "ark",  "calif", "colo",
    "conn", "del", "fla", "ill",  "ind",  "kan", "mass", "mich", "minn", "okla", "tenn",  "wash"};

bool is_abbreviation(std::string_view word) {
  if (word.size() > 5) return false;
  std::string lower(word);
  for (char& c : lower) c = ascii_lower(c);
  for (std::string_view abbreviation : kAbbreviations)
    if (lower == abbreviation) return true;
  return false;
}

// "U.S", "a.m", "Ph.D": letter groups of at most three separated by single periods.
bool is_dotted_letters(std::string_view word) {
  if (word.find('.') == std::string_view::npos) return false;
  size_t group = 0;
  for (char c : word) {
    if (c == '.') {
      if (group == 0) return false;
      group = 0;
    } else if (kAsciiKinds[static_cast<unsigned char>(c) & 0x7F] == Kind::kLetter &&
               static_cast<unsigned char>(c) < 0x80) {
      if (++group > 3) return false;
    } else {
      return false;
    }
  }
  return group > 0;
}

// Whether `word` keeps the period that follows it.
bool keeps_period(std::string_view word) {
  Char first = decode(word, 0);
  if (first.length == word.size()) return first.kind == Kind::kLetter;  // an initial
  return is_dotted_letters(word) || is_abbreviation(word);
}

// Length of the contraction token starting at `pos` ("'s", "’re", "n't"), or 0. It must end the
// word: no letter or digit may follow.
size_t contraction_length(std::string_view text, size_t pos) {
  size_t at = pos;
  Char c = decode(text, at);
  if (c.code == 'n' || c.code == 'N') {
    at += 1;
    if (at >= text.size()) return 0;
    Char apostrophe = decode(text, at);
    if (!is_apostrophe(apostrophe.code)) return 0;
    at += apostrophe.length;
    if (at >= text.size() || ascii_lower(text[at]) != 't') return 0;
    at += 1;
  } else if (is_apostrophe(c.code)) {
    at += c.length;
    size_t letters = at;
    while (letters < text.size() && letters - at < 3 &&
           kAsciiKinds[static_cast<unsigned char>(text[letters]) & 0x7F] == Kind::kLetter &&
           static_cast<unsigned char>(text[letters]) < 0x80)
      ++letters;
    std::string suffix(text.substr(at, letters - at));
    for (char& ch : suffix) ch = ascii_lower(ch);
    if (suffix != "s" && suffix != "m" && suffix != "d" && suffix != "re" && suffix != "ve" &&
        suffix != "ll")
      return 0;
    at = letters;
  } else {
    return 0;
  }
  if (at < text.size() && is_word(decode(text, at))) return 0;
  return at - pos;
}

// End of the word starting at `start` (a letter or digit), before any period decision.
size_t word_end(std::string_view text, size_t start) {
  size_t pos = start;
  Char previous;
  while (pos < text.size()) {
    Char c = decode(text, pos);
    if (is_word(c)) {
      previous = c;
      pos += c.length;
      continue;
    }
    size_t after = pos + c.length;
    if (after >= text.size()) break;
    Char next = decode(text, after);
    if (!is_word(next)) break;
    bool join = false;
    switch (c.code) {
      case '-':
      case 0x2010:  // hyphen
      case 0x2011:  // non-breaking hyphen
      case '.':
        join = true;
        break;
      case ',':
      case ':':
      case '/':
        join = previous.kind == Kind::kDigit && next.kind == Kind::kDigit;
        break;
      case '&':
        join = previous.kind == Kind::kLetter && next.kind == Kind::kLetter;
        break;
      case '\'':
      case 0x2019:  // ’
        join = previous.kind == Kind::kLetter && next.kind == Kind::kLetter &&
               contraction_length(text, pos) == 0 &&
               !((previous.code == 'n' || previous.code == 'N') &&
                 contraction_length(text, pos - 1) != 0);
        break;
      default:
        break;
    }
    if (!join) break;
    pos = after;
  }
  // "don't": the word is "do", "n't" follows.
  if (pos - start > 1 && contraction_length(text, pos - 1) != 0 &&
      (text[pos - 1] == 'n' || text[pos - 1] == 'N'))
    return pos - 1;
  return pos;
}

bool is_terminal(std::string_view token) {
  for (char c : token)
    if (c != '.' && c != '!' && c != '?') return false;
  return true;
}

bool is_closing(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB;
}

bool is_opening(char32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 || c == 0xAB;
}

// After a sentence-final token ending at `end`: the offset of the next sentence's first token,
// or npos when no sentence starts there.
size_t next_sentence_start(std::string_view text, size_t end) {
  size_t pos = end;
  while (pos < text.size()) {
    Char c = decode(text, pos);
    if (!is_closing(c.code)) break;
    pos += c.length;
  }
  size_t white = pos;
  while (pos < text.size()) {
    Char c = decode(text, pos);
    if (!is_white(c)) break;
    pos += c.length;
  }
  if (pos == white || pos >= text.size()) return std::string_view::npos;
  size_t first = pos;
  Char c = decode(text, pos);
  if (is_opening(c.code) && pos + c.length < text.size()) c = decode(text, pos + c.length);
  return is_upper(c.code) ? first : std::string_view::npos;
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& tokens) {
  tokens.clear();
  bool new_sentence = true;
  size_t sentence_at = std::string_view::npos;
  size_t pos = 0;
  while (pos < text.size()) {
    Char c = decode(text, pos);
    if (c.kind == Kind::kSpace) {
      pos += c.length;
      continue;
    }
    if (c.kind == Kind::kNewline) {
      new_sentence = true;
      pos += c.length;
      continue;
    }
    size_t end;
    if (size_t contraction = contraction_length(text, pos)) {
      end = pos + contraction;
    } else if (is_word(c)) {
      end = word_end(text, pos);
      if (end < text.size() && text[end] == '.' &&
          (end + 1 >= text.size() || text[end + 1] != '.') &&
          keeps_period(text.substr(pos, end - pos)))
        ++end;
    } else if (c.length == 1) {
      end = pos + 1;
      while (end < text.size() && text[end] == text[pos]) ++end;
    } else {
      end = pos + c.length;
    }
    if (new_sentence && c.kind == Kind::kLetter && c.code < 0x80 && !is_upper(c.code) &&
        !tokens.empty())
      new_sentence = false;  // a wrapped line continues its sentence
    tokens.push_back(Token{pos, end, new_sentence || pos == sentence_at});
    new_sentence = false;
    if (is_terminal(text.substr(pos, end - pos))) sentence_at = next_sentence_start(text, end);
    pos = end;
  }
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokenize(text, tokens);
  return tokens;
}

}  // namespace newsarchive
