// The lists of name particles and name suffixes; see name_parts.h.
#include "entities/name_parts.h"

#include <algorithm>
#include <array>

namespace newsarchive {
namespace {

struct NameSuffix {
  std::string_view key;
  bool abbreviation;  // written with a full stop ("Jr.")
};

// The roman numerals stop at XIX, where the tagger's list always stopped: "John XXIII" keeps
// "xxiii" as his surname key.
constexpr std::array<NameSuffix, 22> kNameSuffixes = {{
    {"jr", true},     {"sr", true},   {"2nd", false}, {"i", false},   {"ii", false},
    {"iii", false},   {"iv", false},  {"v", false},   {"vi", false},  {"vii", false},
    {"viii", false},  {"ix", false},  {"x", false},   {"xi", false},  {"xii", false},
    {"xiii", false},  {"xiv", false}, {"xv", false},  {"xvi", false}, {"xvii", false},
    {"xviii", false}, {"xix", false},
}};

const NameSuffix* find_suffix(std::string_view key) {
  auto it = std::find_if(kNameSuffixes.begin(), kNameSuffixes.end(),
                         [key](const NameSuffix& suffix) { return suffix.key == key; });
  return it == kNameSuffixes.end() ? nullptr : &*it;
}

constexpr std::array<std::string_view, 22> kParticles = {
    "de", "da",  "di",  "du", "del", "della", "van", "von", "der", "den", "la",
    "le", "bin", "ibn", "al", "el",  "ten",   "ter", "dos", "das", "do",  "y"};

}  // namespace

bool is_name_suffix(std::string_view key) {
  return find_suffix(key) != nullptr;
}

bool is_name_suffix_as_written(std::string_view lower_word) {
  if (!lower_word.ends_with('.')) return is_name_suffix(lower_word);
  const NameSuffix* suffix = find_suffix(lower_word.substr(0, lower_word.size() - 1));
  return suffix != nullptr && suffix->abbreviation;
}

bool is_name_particle(std::string_view key) {
  return std::find(kParticles.begin(), kParticles.end(), key) != kParticles.end();
}

}  // namespace newsarchive
