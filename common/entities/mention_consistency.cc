// The article-level second look at mention types; see mention_consistency.h.
#include "entities/mention_consistency.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "entities/mention_context.h"
#include "entities/name_parts.h"
#include "entities/person_names.h"

namespace newsarchive {
namespace {

constexpr size_t kTypes = 4;

size_t index_of(EntityType type) {
  return static_cast<size_t>(type);
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string key = person_key(text);
  for (size_t begin = 0; begin < key.size();) {
    size_t end = std::min(key.find(' ', begin), key.size());
    if (end > begin) words.push_back(key.substr(begin, end - begin));
    begin = end + 1;
  }
  return words;
}

// The non-person type seen most often in `counts` (ties: place, organisation, misc order),
// nullopt when there is none.
std::optional<EntityType> other_type(const std::array<size_t, kTypes>& counts) {
  std::optional<EntityType> best;
  for (EntityType type : {EntityType::kPlace, EntityType::kOrganization, EntityType::kMisc})
    if (counts[index_of(type)] > 0 && (!best || counts[index_of(type)] > counts[index_of(*best)]))
      best = type;
  return best;
}

// The head type of the last whitespace-separated word of `text`, as written.
std::optional<NameHead> last_word_head(const std::string& text) {
  size_t end = text.find_last_not_of(' ');
  if (end == std::string::npos) return std::nullopt;
  size_t begin = text.find_last_of(' ', end);
  begin = begin == std::string::npos ? 0 : begin + 1;
  return non_person_head(std::string_view(text).substr(begin, end + 1 - begin));
}

// The organisation head written after `after`'s leading spaces, or after "and" / "&" there.
std::optional<NameHead> following_head(std::string_view after) {
  auto next_word = [&after]() {
    size_t begin = after.find_first_not_of(" \t\r\n,");
    if (begin == std::string_view::npos) return std::string_view();
    after.remove_prefix(begin);
    size_t end = std::min(after.find_first_of(" \t\r\n,;:()<>\""), after.size());
    std::string_view word = after.substr(0, end);
    after.remove_prefix(end);
    return word;
  };
  // "Royal Dutch/Shell Group": a slash joins names into one, up to two more words.
  if (after.starts_with("/")) {
    after.remove_prefix(1);
    for (int words = 0; words < 3; ++words) {
      std::string_view word = next_word();
      if (word.empty() || word[0] < 'A' || word[0] > 'Z') return std::nullopt;
      if (non_person_head(word) == NameHead::kOrganization) return NameHead::kOrganization;
    }
    return std::nullopt;
  }
  // "Meridian Freight Group", "Alex. Brown and Sons": the name goes on, in capitals, to an
  // organisation word, which "and" or "&" may join. An abbreviation's full stop may end the
  // mention ("Alex.").
  if (after.starts_with(". ")) after.remove_prefix(1);
  const bool continues = after.starts_with(" ") && !after.starts_with(" ,");
  for (int words = 0; words < (continues ? 4 : 2); ++words) {
    std::string_view word = next_word();
    const bool joined = word == "and" || word == "&";
    if (joined) word = next_word();
    // Written as part of a name: "and Co", not "and company".
    if (word.empty() || word[0] < 'A' || word[0] > 'Z') return std::nullopt;
    if (non_person_head(word) == NameHead::kOrganization) return NameHead::kOrganization;
    // After "and" only the organisation word itself: "Reagan and Chrysler Corp" lists two.
    if (joined || !continues || !after.starts_with(" ") || after.starts_with(" ,"))
      return std::nullopt;
  }
  return std::nullopt;
}

// True when `after` is ", " (or ",\n") and then `next`: a comma-separated list of names.
bool listed_before(std::string_view after, const std::string& next) {
  if (!after.starts_with(",")) return false;
  size_t begin = after.find_first_not_of(" \t\r\n", 1);
  if (begin == std::string_view::npos || begin == 1) return false;
  std::string_view rest = after.substr(begin);
  // `after` is cut short; a prefix of the next name is enough.
  return !rest.empty() && next.starts_with(rest.substr(0, std::min(rest.size(), next.size())));
}

using TypeCounts = std::map<std::string, std::array<size_t, kTypes>>;

// The last whitespace-separated word of `text`.
std::string_view last_word(std::string_view text) {
  size_t end = text.find_last_not_of(" \t\r\n");
  if (end == std::string_view::npos) return {};
  size_t begin = text.find_last_of(" \t\r\n", end);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  return text.substr(begin, end + 1 - begin);
}

// Rule 0 for one mention: what its own words, and the word before it, say it is.
std::optional<EntityType> type_by_own_words(const TypedName& mention,
                                            const std::vector<std::string>& words) {
  if (words.size() > 1) {
    if (std::optional<NameHead> head = last_word_head(mention.text))
      return *head == NameHead::kPlace ? EntityType::kPlace : EntityType::kOrganization;
    size_t space = mention.text.find(' ');
    if (is_place_initial(std::string_view(mention.text).substr(0, space)))
      return EntityType::kPlace;
  }
  if (is_storm_word(last_word(mention.before))) return EntityType::kMisc;
  return std::nullopt;
}

// Rule 1: the name's type across the article.
EntityType retype_by_name(const TypedName& mention, const TypeCounts& name_types) {
  const std::array<size_t, kTypes>& counts = name_types.at(person_key(mention.text));
  std::optional<EntityType> type = other_type(counts);
  // Only the majority: a person slipped into a place once ("Washington") stays a person.
  if (type && counts[index_of(*type)] >= counts[index_of(EntityType::kPerson)]) return *type;
  return EntityType::kPerson;
}

// Rule 0: evidence in a mention's own words and surroundings, which then holds for every
// mention of the same name ("Storm Ilse" makes each "Ilse" the storm), by name key.
std::map<std::string, EntityType> types_by_own_words(
    const std::vector<TypedName>& mentions, const std::vector<std::vector<std::string>>& words) {
  std::map<std::string, EntityType> decided;
  std::vector<bool> firm(mentions.size(), false);
  for (size_t i = mentions.size(); i-- > 0;) {
    if (mentions[i].type != EntityType::kPerson || words[i].empty()) continue;
    std::optional<EntityType> type = type_by_own_words(mentions[i], words[i]);
    // Firms: followed by an organisation word, or listed before a firm ("Smith Barney, Harris
    // Upham and Co"), right to left.
    const bool next_is_firm =
        i + 1 < mentions.size() &&
        (firm[i + 1] || (mentions[i + 1].type == EntityType::kOrganization &&
                         last_word_head(mentions[i + 1].text) == NameHead::kOrganization));
    firm[i] = !type && (following_head(mentions[i].after).has_value() ||
                        (next_is_firm && listed_before(mentions[i].after, mentions[i + 1].text)));
    if (firm[i]) type = EntityType::kOrganization;
    if (type) decided.emplace(person_key(mentions[i].text), *type);
  }
  return decided;
}

// Rule 0, weighed: what the surroundings of a name's mentions say (mention_context.h), when they
// say it of at least half of them. A surname of one of the article's full person names stays
// a person ("Treasury Secretary James Baker ... confidence in Baker").
std::map<std::string, EntityType> types_by_context(
    const std::vector<TypedName>& mentions, const std::vector<std::vector<std::string>>& words,
    const std::set<std::string>& surnames) {
  TypeCounts votes;
  std::map<std::string, size_t> person_mentions;
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (mentions[i].type != EntityType::kPerson || words[i].empty()) continue;
    const std::string key = person_key(mentions[i].text);
    ++person_mentions[key];
    if (std::optional<EntityType> type = type_by_context(mentions, i))
      ++votes[key][index_of(*type)];
  }
  std::map<std::string, EntityType> decided;
  for (const auto& [key, counts] : votes) {
    if (key.find(' ') == std::string::npos && surnames.count(key)) continue;
    std::optional<EntityType> type = other_type(counts);
    if (type && 2 * counts[index_of(*type)] >= person_mentions[key]) decided.emplace(key, *type);
  }
  return decided;
}

}  // namespace

void make_types_consistent(std::vector<TypedName>& mentions) {
  std::vector<std::vector<std::string>> words(mentions.size());
  TypeCounts name_types;
  for (size_t i = 0; i < mentions.size(); ++i) {
    words[i] = words_of(mentions[i].text);
    ++name_types[person_key(mentions[i].text)][index_of(mentions[i].type)];
  }
  // Surnames of the article's full person names ("MaliVai Washington"): a bare "Washington" is
  // that person, however often the tagger read it as the city.
  std::set<std::string> surnames;
  for (size_t i = 0; i < mentions.size(); ++i)
    if (mentions[i].type == EntityType::kPerson && words[i].size() > 1 &&
        !last_word_head(mentions[i].text))
      surnames.insert(words[i].back());
  auto is_surname = [&](size_t i) { return words[i].size() == 1 && surnames.count(words[i][0]); };
  std::map<std::string, EntityType> decided = types_by_own_words(mentions, words);
  decided.merge(types_by_context(mentions, words, surnames));  // own words come first
  std::vector<EntityType> retyped(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    retyped[i] = mentions[i].type;
    if (mentions[i].type != EntityType::kPerson || words[i].empty()) continue;
    auto found = decided.find(person_key(mentions[i].text));
    if (found != decided.end())
      retyped[i] = found->second;
    else if (!is_surname(i))
      retyped[i] = retype_by_name(mentions[i], name_types);
  }
  for (size_t i = 0; i < mentions.size(); ++i) mentions[i].type = retyped[i];

  // Rule 2, over the types rules 0 and 1 left: words of non-person mentions, and the person
  // mentions each word is part of.
  TypeCounts word_types;
  std::map<std::string, std::set<std::string>> person_names_of_word, other_names_of_word;
  std::map<std::string, size_t> person_uses_of_word;
  std::set<std::string> headed_words;  // words of a non-person name with a head ("Chrysler Corp")
  for (size_t i = 0; i < mentions.size(); ++i) {
    const std::string key = person_key(mentions[i].text);
    for (const std::string& word : words[i]) {
      if (mentions[i].type == EntityType::kPerson) {
        person_names_of_word[word].insert(key);
        ++person_uses_of_word[word];
      } else {
        ++word_types[word][index_of(mentions[i].type)];
        other_names_of_word[word].insert(key);
        if (words[i].size() > 1 &&
            (last_word_head(mentions[i].text) ||
             is_place_initial(
                 std::string_view(mentions[i].text).substr(0, mentions[i].text.find(' ')))))
          headed_words.insert(word);
      }
    }
  }
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (mentions[i].type != EntityType::kPerson || words[i].empty() || is_surname(i)) continue;
    const std::string key = person_key(mentions[i].text);
    // Every word is part of another entity's name, and of no other person's.
    bool all_elsewhere = std::all_of(words[i].begin(), words[i].end(), [&](const std::string& w) {
      const std::set<std::string>& others = other_names_of_word[w];
      bool other_name = others.size() > 1 || (others.size() == 1 && *others.begin() != key);
      return other_name && person_names_of_word[w].size() == 1;
    });
    if (!all_elsewhere) continue;
    // The word's uses vote: "Woods" four times a person outweighs one "Tiger Woods" misread as
    // an organisation. A name with a head word ("Chrysler Corp") is no misreading: it decides.
    const std::string& last = words[i].back();
    const std::array<size_t, kTypes>& uses = word_types[last];
    std::optional<EntityType> type = other_type(uses);
    if (type && (headed_words.count(last) || uses[index_of(*type)] >= person_uses_of_word[last]))
      retyped[i] = *type;
  }
  for (size_t i = 0; i < mentions.size(); ++i) mentions[i].type = retyped[i];
}

}  // namespace newsarchive
