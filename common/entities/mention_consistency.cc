// The article-level second look at mention types; see mention_consistency.h.
#include "entities/mention_consistency.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

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

}  // namespace

void make_types_consistent(std::vector<TypedName>& mentions) {
  std::map<std::string, std::array<size_t, kTypes>> name_types;
  std::map<std::string, std::array<size_t, kTypes>> word_types;  // non-person mention words
  std::vector<std::vector<std::string>> words(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const size_t type = index_of(mentions[i].type);
    ++name_types[person_key(mentions[i].text)][type];
    words[i] = words_of(mentions[i].text);
    if (mentions[i].type != EntityType::kPerson)
      for (const std::string& word : words[i]) ++word_types[word][type];
  }
  // Words of each person mention, to tell whether another person mention shares one.
  std::map<std::string, std::set<size_t>> person_mentions_of_word;
  for (size_t i = 0; i < mentions.size(); ++i)
    if (mentions[i].type == EntityType::kPerson)
      for (const std::string& word : words[i]) person_mentions_of_word[word].insert(i);

  std::vector<EntityType> retyped(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    retyped[i] = mentions[i].type;
    if (mentions[i].type != EntityType::kPerson || words[i].empty()) continue;
    if (std::optional<NameHead> head = last_word_head(mentions[i].text);
        head && words[i].size() > 1) {
      retyped[i] = *head == NameHead::kPlace ? EntityType::kPlace : EntityType::kOrganization;
      continue;
    }
    const std::string key = person_key(mentions[i].text);
    const std::array<size_t, kTypes>& counts = name_types[key];
    if (std::optional<EntityType> type = other_type(counts)) {
      // Only the majority: a person slipped into a place once ("Washington") stays a person.
      if (counts[index_of(*type)] >= counts[index_of(EntityType::kPerson)]) retyped[i] = *type;
      continue;
    }
    bool all_elsewhere = true;
    for (const std::string& word : words[i]) {
      bool in_other_person = false;
      for (size_t j : person_mentions_of_word[word])
        if (person_key(mentions[j].text) != key) in_other_person = true;
      auto found = word_types.find(word);
      if (in_other_person || found == word_types.end()) {
        all_elsewhere = false;
        break;
      }
    }
    if (all_elsewhere)
      if (std::optional<EntityType> type = other_type(word_types[words[i].back()]))
        retyped[i] = *type;
  }
  for (size_t i = 0; i < mentions.size(); ++i) mentions[i].type = retyped[i];
}

}  // namespace newsarchive
