// Regnal numbers in mention spans and types; see regnal_names.h.
#include "entities/regnal_names.h"

#include <algorithm>
#include <array>
#include <string>

#include "entities/name_parts.h"
#include "text/ascii.h"

namespace newsarchive {
namespace {

bool is_lower_word_start(char c) {
  return c >= 'a' && c <= 'z';
}

// The word starting at `begin` in `text` (up to a space or punctuation).
std::string_view word_at(std::string_view text, size_t begin) {
  size_t end = begin;
  while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t' &&
         text[end] != ',' && text[end] != '.' && text[end] != ';' && text[end] != ':' &&
         text[end] != '\'' && text[end] != ')' && text[end] != '"')
    ++end;
  return text.substr(begin, end - begin);
}

// Titles of those who reign, before their name: "Queen Elizabeth I".
constexpr std::array<std::string_view, 10> kRulers = {
    "King", "Queen", "Emperor", "Empress", "Pope", "Tsar", "Czar", "Sultan", "Shah", "Kaiser"};
// Words the pronoun takes after it, most often: after a ruler's name, "I" is the pronoun only
// before one of these ("told King Hussein I would").
constexpr std::array<std::string_view, 14> kPronounVerbs = {
    "am",   "was", "have", "had", "will", "would", "think",
    "said", "say", "do",   "did", "can",  "could", "know"};
// What almanac lines write after a ruler's name, and no pronoun takes: "Elizabeth I born".
constexpr std::array<std::string_view, 4> kLifeEvents = {"born", "dies", "died", "crowned"};

template <size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// True when the word before `start` in `text` is a ruler's title.
bool after_ruler(std::string_view text, size_t start) {
  size_t end = start;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '\n') --begin;
  return listed(kRulers, text.substr(begin, end - begin));
}

// True when what follows a regnal "I" at `after` shows it is no pronoun: the end of the text,
// punctuation, a possessive, "of" or a life event; after a ruler's title, any word but the
// verbs the pronoun takes.
bool ends_a_regnal_i(std::string_view text, size_t after, bool ruler) {
  if (after >= text.size()) return true;
  const char next = text[after];
  if (next == ',' || next == '.' || next == ';' || next == ':' || next == ')' || next == '\'' ||
      next == '"' || text.substr(after).starts_with("\xE2\x80\x99"))
    return true;
  if (next != ' ') return false;
  const std::string_view word = word_at(text, after + 1);
  if (word == "of" || listed(kLifeEvents, word)) return true;
  return ruler && !listed(kPronounVerbs, word) && !word.starts_with("'");
}

}  // namespace

void fix_regnal_name(std::string_view text, EntityMention& mention, const EntityTagger& tagger) {
  std::string_view span = text.substr(mention.start, mention.end - mention.start);
  // The pronoun joined to a name: "Reagan I said".
  if (span.size() > 2 && span.ends_with(" I") && mention.end + 1 < text.size() &&
      text[mention.end] == ' ' && is_lower_word_start(text[mention.end + 1]) &&
      !ends_a_regnal_i(text, mention.end, after_ruler(text, mention.start))) {
    mention.end -= 2;
    return;
  }
  if (text.substr(mention.end).starts_with(" I") &&
      ends_a_regnal_i(text, mention.end + 2, after_ruler(text, mention.start)) &&
      (mention.type == EntityType::kPerson ||
       (span.find(' ') == std::string_view::npos && tagger.is_given_name(span)))) {
    mention.end += 2;
    mention.type = EntityType::kPerson;
    return;
  }
  if (mention.type == EntityType::kPerson) return;
  // [ruler] given-name numeral, the numeral in capitals: "Louis XIV", "Queen Elizabeth I". "I"
  // only where what follows shows it is no pronoun.
  std::string_view rest = span;
  const size_t first_space = rest.find(' ');
  if (first_space != std::string_view::npos && listed(kRulers, rest.substr(0, first_space)))
    rest.remove_prefix(first_space + 1);
  const size_t space = rest.find(' ');
  if (space == std::string_view::npos || rest.find(' ', space + 1) != std::string_view::npos)
    return;
  const std::string_view written = rest.substr(space + 1);
  if (written.empty() || written.find_first_not_of("IVX") != std::string_view::npos ||
      !is_name_suffix(ascii_lower(written)) || !tagger.is_given_name(rest.substr(0, space)))
    return;
  if (written == "I" && !ends_a_regnal_i(text, mention.end, rest.size() < span.size())) return;
  mention.type = EntityType::kPerson;
}

}  // namespace newsarchive
