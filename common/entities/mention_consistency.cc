// The article-level second look at mention types; see mention_consistency.h.
#include "entities/mention_consistency.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <optional>

#include "entities/flat_hash_map.h"
#include "entities/mention_context.h"
#include "entities/name_parts.h"
#include "entities/person_names.h"

namespace newsarchive {
namespace {

constexpr size_t kTypes = 4;

size_t index_of(EntityType type) {
  return static_cast<size_t>(type);
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

// The last whitespace-separated word of `text`.
std::string_view last_word(std::string_view text) {
  size_t end = text.find_last_not_of(" \t\r\n");
  if (end == std::string_view::npos) return {};
  size_t begin = text.find_last_of(" \t\r\n", end);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  return text.substr(begin, end + 1 - begin);
}

// Rule 0 for one mention: what its own words, and the word before it, say it is.
std::optional<EntityType> type_by_own_words(const TypedName& mention, size_t word_count) {
  if (word_count > 0 &&
      is_club_initial(std::string_view(mention.text).substr(0, mention.text.find(' '))))
    return EntityType::kOrganization;
  if (word_count > 1) {
    if (std::optional<NameHead> head = last_word_head(mention.text))
      return *head == NameHead::kPlace ? EntityType::kPlace : EntityType::kOrganization;
    size_t space = mention.text.find(' ');
    if (is_place_initial(std::string_view(mention.text).substr(0, space)))
      return EntityType::kPlace;
  }
  if (is_storm_word(last_word(mention.before))) return EntityType::kMisc;
  return std::nullopt;
}

// The article's names and their words, each interned as a small id: the rules count by name
// and by word, and with strings as map keys the counting cost more than tagging the names.
class ArticleNames {
 public:
  explicit ArticleNames(const std::vector<TypedName>& mentions)
      : name_of_(mentions.size()), words_(mentions.size()) {
    FlatHashMap<uint32_t> name_ids(mentions.size()), word_ids(2 * mentions.size());
    for (size_t i = 0; i < mentions.size(); ++i) {
      const std::string key = person_key(mentions[i].text);
      name_of_[i] = intern(name_ids, key, names_);
      for (size_t begin = 0; begin < key.size();) {
        size_t end = std::min(key.find(' ', begin), key.size());
        if (end > begin)
          words_[i].push_back(intern(word_ids, key.substr(begin, end - begin), words_seen_));
        begin = end + 1;
      }
    }
  }

  size_t names() const { return names_; }
  size_t words() const { return words_seen_; }
  // Mention i's name id, and the ids of its words in order.
  uint32_t name(size_t i) const { return name_of_[i]; }
  const std::vector<uint32_t>& words(size_t i) const { return words_[i]; }

 private:
  static uint32_t intern(FlatHashMap<uint32_t>& ids, std::string_view text, size_t& count) {
    uint32_t& id = ids[XXH3_64bits(text.data(), text.size())];
    if (id == 0) id = static_cast<uint32_t>(++count);
    return id - 1;  // stored plus one: a value of 0 is "new"
  }

  std::vector<uint32_t> name_of_;
  std::vector<std::vector<uint32_t>> words_;
  size_t names_ = 0;
  size_t words_seen_ = 0;
};

using TypeCounts = std::vector<std::array<size_t, kTypes>>;  // by name or word id
using Decided = std::vector<std::optional<EntityType>>;      // by name id

// Rule 1: the name's type across the article.
EntityType retype_by_name(const std::array<size_t, kTypes>& counts) {
  std::optional<EntityType> type = other_type(counts);
  // Only the majority: a person slipped into a place once ("Washington") stays a person.
  if (type && counts[index_of(*type)] >= counts[index_of(EntityType::kPerson)]) return *type;
  return EntityType::kPerson;
}

// Rule 0: evidence in a mention's own words and surroundings, which then holds for every
// mention of the same name ("Storm Ilse" makes each "Ilse" the storm).
void decide_by_own_words(const std::vector<TypedName>& mentions, const ArticleNames& names,
                         Decided& decided) {
  std::vector<bool> firm(mentions.size(), false);
  for (size_t i = mentions.size(); i-- > 0;) {
    if (mentions[i].type != EntityType::kPerson || names.words(i).empty()) continue;
    std::optional<EntityType> type = type_by_own_words(mentions[i], names.words(i).size());
    // Firms: followed by an organisation word, or listed before a firm ("Smith Barney, Harris
    // Upham and Co"), right to left.
    const bool next_is_firm =
        i + 1 < mentions.size() &&
        (firm[i + 1] || (mentions[i + 1].type == EntityType::kOrganization &&
                         last_word_head(mentions[i + 1].text) == NameHead::kOrganization));
    firm[i] = !type && (following_head(mentions[i].after).has_value() ||
                        (next_is_firm && listed_before(mentions[i].after, mentions[i + 1].text)));
    if (firm[i]) type = EntityType::kOrganization;
    // The first decision found from the right stands, as for a map's emplace.
    if (type && !decided[names.name(i)]) decided[names.name(i)] = type;
  }
}

// Rule 0, weighed: what the surroundings of a name's mentions say (mention_context.h), when they
// say it of at least half of them. A surname of one of the article's full person names stays
// a person ("Treasury Secretary James Baker ... confidence in Baker"). Own words decide first.
void decide_by_context(const std::vector<TypedName>& mentions, const ArticleNames& names,
                       const std::vector<bool>& surnames, Decided& decided) {
  TypeCounts votes(names.names());
  std::vector<size_t> person_mentions(names.names(), 0);
  std::vector<bool> surname(names.names(), false), voted(names.names(), false);
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (mentions[i].type != EntityType::kPerson || names.words(i).empty()) continue;
    const uint32_t name = names.name(i);
    ++person_mentions[name];
    surname[name] = names.words(i).size() == 1 && surnames[names.words(i)[0]];
    if (std::optional<EntityType> type = type_by_context(mentions, i)) {
      ++votes[name][index_of(*type)];
      voted[name] = true;
    }
  }
  for (size_t name = 0; name < names.names(); ++name) {
    if (!voted[name] || surname[name] || decided[name]) continue;
    std::optional<EntityType> type = other_type(votes[name]);
    if (type && 2 * votes[name][index_of(*type)] >= person_mentions[name]) decided[name] = type;
  }
}

// Rule 2's view of each word: the person names and other names it is part of.
struct WordUses {
  std::vector<uint32_t> person_names, other_names;  // distinct name ids
  size_t person_uses = 0;
  std::array<size_t, kTypes> types{};  // uses in non-person mentions, by type
  bool headed = false;                 // part of a non-person name with a head ("Chrysler Corp")
  bool in_longer_other = false;        // part of a non-person name of two or more words
};

void add_distinct_id(std::vector<uint32_t>& ids, uint32_t id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

std::vector<WordUses> word_uses(const std::vector<TypedName>& mentions, const ArticleNames& names) {
  std::vector<WordUses> uses(names.words());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const bool headed =
        names.words(i).size() > 1 &&
        (last_word_head(mentions[i].text) ||
         is_place_initial(
             std::string_view(mentions[i].text).substr(0, mentions[i].text.find(' '))));
    for (uint32_t word : names.words(i)) {
      WordUses& use = uses[word];
      if (mentions[i].type == EntityType::kPerson) {
        add_distinct_id(use.person_names, names.name(i));
        ++use.person_uses;
      } else {
        ++use.types[index_of(mentions[i].type)];
        add_distinct_id(use.other_names, names.name(i));
        use.headed = use.headed || headed;
        use.in_longer_other = use.in_longer_other || names.words(i).size() > 1;
      }
    }
  }
  return uses;
}

}  // namespace

void make_types_consistent(std::vector<TypedName>& mentions) {
  const ArticleNames names(mentions);
  TypeCounts name_types(names.names());
  for (size_t i = 0; i < mentions.size(); ++i)
    ++name_types[names.name(i)][index_of(mentions[i].type)];
  // Surnames of the article's full person names ("MaliVai Washington"): a bare "Washington" is
  // that person, however often the tagger read it as the city.
  std::vector<bool> surnames(names.words(), false);
  for (size_t i = 0; i < mentions.size(); ++i)
    if (mentions[i].type == EntityType::kPerson && names.words(i).size() > 1 &&
        !last_word_head(mentions[i].text))
      surnames[names.words(i).back()] = true;
  auto is_surname = [&](size_t i) {
    return names.words(i).size() == 1 && surnames[names.words(i)[0]];
  };
  Decided decided(names.names());
  decide_by_own_words(mentions, names, decided);
  decide_by_context(mentions, names, surnames, decided);
  std::vector<EntityType> retyped(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    retyped[i] = mentions[i].type;
    if (mentions[i].type != EntityType::kPerson || names.words(i).empty()) continue;
    if (decided[names.name(i)])
      retyped[i] = *decided[names.name(i)];
    else if (!is_surname(i))
      retyped[i] = retype_by_name(name_types[names.name(i)]);
  }
  for (size_t i = 0; i < mentions.size(); ++i) mentions[i].type = retyped[i];

  // Rule 2, over the types rules 0 and 1 left.
  const std::vector<WordUses> uses = word_uses(mentions, names);
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (mentions[i].type != EntityType::kPerson || names.words(i).empty() || is_surname(i))
      continue;
    const uint32_t name = names.name(i);
    // Every word is part of another entity's name, and of no other person's.
    bool all_elsewhere =
        std::all_of(names.words(i).begin(), names.words(i).end(), [&](uint32_t word) {
          const std::vector<uint32_t>& others = uses[word].other_names;
          bool other_name = others.size() > 1 || (others.size() == 1 && others[0] != name);
          return other_name && uses[word].person_names.size() == 1;
        });
    if (!all_elsewhere) continue;
    // The word's uses vote: "Woods" four times a person outweighs one "Tiger Woods" misread as
    // an organisation. A name with a head word ("Chrysler Corp") is no misreading: it decides.
    const WordUses& last = uses[names.words(i).back()];
    std::optional<EntityType> type = other_type(last.types);
    if (type && (last.headed || last.types[index_of(*type)] >= last.person_uses))
      retyped[i] = *type;
  }
  // Rule 3: the surname of one of the article's full person names, read as another type, is
  // that person ("MaliVai Washington ... Washington served"), unless the word is also part of
  // a longer name of that other type ("the Washington Post", "Washington DC").
  for (size_t i = 0; i < mentions.size(); ++i)
    if (mentions[i].type != EntityType::kPerson && is_surname(i) &&
        !uses[names.words(i)[0]].in_longer_other)
      retyped[i] = EntityType::kPerson;
  for (size_t i = 0; i < mentions.size(); ++i) mentions[i].type = retyped[i];
}

}  // namespace newsarchive
