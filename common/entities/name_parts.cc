// The lists of name particles and name suffixes; see name_parts.h.
#include "entities/name_parts.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "text/ascii.h"

namespace newsarchive {
namespace {

struct NameSuffix {
  std::string_view key;
  bool abbreviation = false;  // written with a full stop ("Jr.")
  bool regnal = false;        // read as a regnal number (is_regnal_number)
};

// The roman numerals stop at XIX, where the tagger's list always stopped: "John XXIII" keeps
// "xxiii" as his surname key.
constexpr std::array<NameSuffix, 22> kNameSuffixes = {{
    {"jr", true, false},    {"sr", true, false},   {"2nd", false, false}, {"i", false, true},
    {"ii", false, false},   {"iii", false, false}, {"iv", false, false},  {"v", false, false},
    {"vi", false, true},    {"vii", false, true},  {"viii", false, true}, {"ix", false, true},
    {"x", false, true},     {"xi", false, true},   {"xii", false, true},  {"xiii", false, true},
    {"xiv", false, true},   {"xv", false, true},   {"xvi", false, true},  {"xvii", false, true},
    {"xviii", false, true}, {"xix", false, true},
}};

const NameSuffix* find_suffix(std::string_view key) {
  auto it = std::find_if(kNameSuffixes.begin(), kNameSuffixes.end(),
                         [key](const NameSuffix& suffix) { return suffix.key == key; });
  return it == kNameSuffixes.end() ? nullptr : &*it;
}

constexpr std::array<std::string_view, 22> kParticles = {
    "de", "da",  "di",  "du", "del", "della", "van", "von", "der", "den", "la",
    "le", "bin", "ibn", "al", "el",  "ten",   "ter", "dos", "das", "do",  "y"};

// Honorifics and titles, lower case without a full stop. Office titles are listed word by word
// ("prime", "minister"), so "Prime Minister" and "Foreign Minister" are titles throughout.
constexpr std::array<std::string_view, 65> kTitles = {
    "mr",           "mrs",        "ms",
    "miss",         "dr",         "sir",
    "dame",         "lord",       "lady",
    "president",    "general",    "gen",
    "secretary",    "minister",   "ambassador",
    "commissioner", "speaker",    "sheikh",
    "chairman",     "captain",    "capt",
    "judge",        "ayatollah",  "colonel",
    "col",          "lieutenant", "lt",
    "sergeant",     "sgt",        "senator",
    "sen",          "rep",        "representative",
    "gov",          "governor",   "chancellor",
    "premier",      "archbishop", "cardinal",
    "bishop",       "rev",        "reverend",
    "brigadier",    "admiral",    "adm",
    "commander",    "cmdr",       "coach",
    "detective",    "director",   "prof",
    "professor",    "imam",       "mullah",
    "prime",        "deputy",     "vice",
    "supreme",      "leader",     "defense",
    "defence",      "foreign",    "chief",
    "justice",      "mayor"};

bool is_single_title(std::string_view lower) {
  return std::find(kTitles.begin(), kTitles.end(), lower) != kTitles.end();
}

// Words that end place names and organisation names but not persons' names (lower case).
// Venues too ("Ryman Auditorium"), but not "Hall", "Castle" or "Church", which are surnames.
constexpr std::array<std::string_view, 24> kPlaceHeads = {
    "street",  "road",    "avenue", "square",     "lane",         "boulevard",
    "bridge",  "valley",  "river",  "airport",    "island",       "province",
    "county",  "stadium", "arena",  "auditorium", "amphitheatre", "amphitheater",
    "theatre", "theater", "museum", "hospital",   "center",       "centre"};
// Car and engine makers too, as motor racing results name a car ("Reynard Mercedes-Benz",
// "Lola Ford Cosworth"); only makers that are nobody's surname (not Ford, Honda, Ferrari).
constexpr std::array<std::string_view, 52> kOrganizationHeads = {
    "corp",          "corporation", "inc",        "ltd",       "plc",         "co",
    "llc",           "gmbh",        "ag",         "sa",        "party",       "athletic",
    "united",        "club",        "fc",         "bank",      "group",       "council",
    "ministry",      "university",  "college",    "institute", "association", "union",
    "league",        "committee",   "foundation", "agency",    "airlines",    "rovers",
    "company",       "sons",        "brothers",   "partners",  "democrats",   "dems",
    "dem",           "republicans", "socialists", "liberals",  "greens",      "tories",
    "mercedes-benz", "cosworth",    "volkswagen", "nissan",    "hyundai",     "mitsubishi",
    "subaru",        "audi",        "volvo",      "fiat"};

// Number words, lower case: no name starts with one.
constexpr std::array<std::string_view, 40> kNumberWords = {
    "zero",    "one",       "two",      "three",    "four",    "five",     "six",      "seven",
    "eight",   "nine",      "ten",      "eleven",   "twelve",  "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen", "twenty",  "thirty",   "forty",    "fifty",
    "sixty",   "seventy",   "eighty",   "ninety",   "hundred", "thousand", "million",  "billion",
    "first",   "second",    "third",    "fourth",   "fifth",   "half",     "quarter",  "dozen"};

// "H.K.", "U.S.": one letter and a full stop, repeated.
bool is_initials(std::string_view word) {
  if (word.size() < 2) return false;
  for (size_t i = 0; i < word.size(); i += 2)
    if (i + 1 >= word.size() || !std::isalpha(static_cast<unsigned char>(word[i])) ||
        word[i + 1] != '.')
      return false;
  return true;
}

// The whitespace-separated words of `name`.
std::vector<std::string_view> words_of(std::string_view name) {
  std::vector<std::string_view> words;
  for (size_t begin = 0; begin < name.size();) {
    size_t end = std::min(name.find(' ', begin), name.size());
    if (end > begin) words.push_back(name.substr(begin, end - begin));
    begin = end + 1;
  }
  return words;
}

// "SUVs", "CEOs": an abbreviation's plural, two or more capitals and a lower-case "s".
bool is_plural_abbreviation(std::string_view word) {
  if (word.size() < 3 || word.back() != 's') return false;
  return std::all_of(word.begin(), word.end() - 1, [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

bool names_nobody(std::string_view name) {
  std::vector<std::string_view> words = words_of(name);
  if (words.empty()) return false;
  if (words.size() == 1 && is_plural_abbreviation(words[0])) return true;
  if (is_title_only(name)) return true;
  if (std::find(kNumberWords.begin(), kNumberWords.end(), ascii_lower(words.front())) !=
      kNumberWords.end())
    return true;
  return std::all_of(words.begin(), words.end(), is_initials);
}

std::optional<NameHead> non_person_head(std::string_view word) {
  std::string lower = ascii_lower(word);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  if (std::find(kPlaceHeads.begin(), kPlaceHeads.end(), lower) != kPlaceHeads.end())
    return NameHead::kPlace;
  if (std::find(kOrganizationHeads.begin(), kOrganizationHeads.end(), lower) !=
      kOrganizationHeads.end())
    return NameHead::kOrganization;
  return std::nullopt;
}

bool is_title_word(std::string_view word) {
  std::string lower = ascii_lower(word);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  if (is_single_title(lower)) return true;
  std::string_view rest(lower);
  if (rest.find('-') == std::string_view::npos) return false;
  for (size_t begin = 0; begin <= rest.size();) {
    size_t end = std::min(rest.find('-', begin), rest.size());
    if (!is_single_title(rest.substr(begin, end - begin))) return false;
    begin = end + 1;
  }
  return true;
}

bool is_title_only(std::string_view name) {
  bool any = false;
  for (size_t begin = 0; begin < name.size();) {
    size_t end = std::min(name.find(' ', begin), name.size());
    if (end > begin) {
      if (!is_title_word(name.substr(begin, end - begin))) return false;
      any = true;
    }
    begin = end + 1;
  }
  return any;
}

bool is_name_suffix(std::string_view key) {
  return find_suffix(key) != nullptr;
}

bool is_regnal_number(std::string_view key) {
  const NameSuffix* suffix = find_suffix(key);
  return suffix != nullptr && suffix->regnal;
}

bool is_name_suffix_as_written(std::string_view lower_word) {
  // Ordinals in digits are left out: the tagger's model was trained without them ("2ND RING" in
  // a metals report is no name), and a feature it never saw would change its tags.
  if (!lower_word.empty() && lower_word.front() >= '0' && lower_word.front() <= '9') return false;
  if (!lower_word.ends_with('.')) return is_name_suffix(lower_word);
  const NameSuffix* suffix = find_suffix(lower_word.substr(0, lower_word.size() - 1));
  return suffix != nullptr && suffix->abbreviation;
}

bool is_name_particle(std::string_view key) {
  return std::find(kParticles.begin(), kParticles.end(), key) != kParticles.end();
}

bool is_place_initial(std::string_view word) {
  static constexpr std::array<std::string_view, 8> kPlaceInitials = {
      "port", "mount", "mt", "lake", "fort", "cape", "gulf", "isle"};
  std::string lower = ascii_lower(word);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  return std::find(kPlaceInitials.begin(), kPlaceInitials.end(), lower) != kPlaceInitials.end();
}

bool is_former_marker(std::string_view word) {
  return word.size() > 3 &&
         (word.starts_with("ex-") || word.starts_with("Ex-") || word.starts_with("EX-"));
}

bool is_club_initial(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kClubInitials = {
      "deportivo", "sporting",  "atletico", "dinamo",    "dynamo",   "lokomotiv",
      "spartak",   "olympique", "borussia", "eintracht", "partizan", "steaua"};
  const std::string lower = ascii_lower(word);
  return std::find(kClubInitials.begin(), kClubInitials.end(), lower) != kClubInitials.end();
}

bool is_storm_word(std::string_view word) {
  static constexpr std::array<std::string_view, 5> kStormWords = {"storm", "hurricane", "typhoon",
                                                                  "cyclone", "tropical"};
  std::string lower = ascii_lower(word);
  return std::find(kStormWords.begin(), kStormWords.end(), lower) != kStormWords.end();
}

}  // namespace newsarchive
