// The phrases around a mention that say it is a place or a firm; see mention_context.h.
#include "entities/mention_context.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>

#include "text/ascii.h"

namespace newsarchive {
namespace {

// Words before a place, in lower case: "the judge in Denver", "flights from Denver".
constexpr std::array<std::string_view, 4> kPlacePrepositions = {"in", "near", "outside", "from"};
// ... except "in" after a word whose "in" takes a person: "we believe in God", "confidence in
// Reagan".
constexpr std::array<std::string_view, 10> kInTakesAPerson = {
    "believe", "believes", "believed", "faith",      "confidence",
    "trust",   "interest", "role",     "interested", "belief"};
// ... and before "of": "north of Denver".
constexpr std::array<std::string_view, 8> kCompassPoints = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"};

// The people a story names by their firm: "an analyst with E.F. Hutton", "economist at X".
constexpr std::array<std::string_view, 22> kJobWords = {
    "analyst",     "analysts",      "economist", "economists", "strategist", "spokesman",
    "spokeswoman", "trader",        "traders",   "dealer",     "dealers",    "broker",
    "official",    "officials",     "executive", "director",   "partner",    "banker",
    "consultant",  "meteorologist", "chairman",  "president"};

// US states as wire stories write them after a city ("Denver, Colo.", "Dallas, Texas").
constexpr std::array<std::string_view, 64> kStates = {
    "Ala.",     "Alaska",   "Ariz.",     "Ark.",       "Calif.",   "Colo.",        "Conn.",
    "Del.",     "Fla.",     "Ga.",       "Hawaii",     "Idaho",    "Ill.",         "Ind.",
    "Iowa",     "Kan.",     "Kans.",     "Ky.",        "La.",      "Maine",        "Md.",
    "Mass.",    "Mich.",    "Minn.",     "Miss.",      "Mo.",      "Mont.",        "Neb.",
    "Nev.",     "N.H.",     "N.J.",      "N.M.",       "N.Y.",     "N.C.",         "N.D.",
    "Ohio",     "Okla.",    "Ore.",      "Pa.",        "R.I.",     "S.C.",         "S.D.",
    "Tenn.",    "Tex.",     "Texas",     "Utah",       "Vt.",      "Va.",          "Wash.",
    "Wis.",     "W.Va.",    "Wyo.",      "California", "Colorado", "Florida",      "Georgia",
    "Illinois", "Michigan", "Minnesota", "Missouri",   "Oklahoma", "Pennsylvania", "Virginia",
    "Wisconsin"};

template <size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// `text` with every run of whitespace made one space.
std::string one_line(std::string_view text) {
  std::string line;
  line.reserve(text.size());
  for (char c : text) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (!space)
      line.push_back(c);
    else if (line.empty() || line.back() != ' ')
      line.push_back(' ');
  }
  return line;
}

// The lower-cased words of `line` before its final space, last first, at most `count`; none
// when `line` does not end in a space (the mention is glued to what precedes it).
std::vector<std::string> words_before(const std::string& line, size_t count) {
  std::vector<std::string> words;
  if (line.empty() || line.back() != ' ') return words;
  size_t end = line.size() - 1;
  while (words.size() < count && end > 0) {
    size_t begin = line.rfind(' ', end - 1);
    begin = begin == std::string::npos ? 0 : begin + 1;
    words.push_back(ascii_lower(std::string_view(line).substr(begin, end - begin)));
    if (begin == 0) break;
    end = begin - 1;
  }
  return words;
}

// True when `before` (one_line) is `neighbour`'s text and then one of `gaps`: the two mentions
// are written one after the other with only that between them. `before` may begin inside the
// neighbour's text.
template <size_t N>
bool follows(const std::string& before, const TypedName& neighbour,
             const std::array<std::string_view, N>& gaps) {
  for (std::string_view gap : gaps) {
    if (!std::string_view(before).ends_with(gap)) continue;
    std::string_view head = std::string_view(before).substr(0, before.size() - gap.size());
    if (head.empty()) continue;
    if (head.ends_with(neighbour.text) || std::string_view(neighbour.text).ends_with(head))
      return true;
  }
  return false;
}

// True when `after` (one_line) is one of `gaps` and then `neighbour`'s text (or its start).
template <size_t N>
bool precedes(const std::string& after, const TypedName& neighbour,
              const std::array<std::string_view, N>& gaps) {
  for (std::string_view gap : gaps) {
    if (!std::string_view(after).starts_with(gap)) continue;
    std::string_view rest = std::string_view(after).substr(gap.size());
    if (rest.empty()) continue;
    if (rest.starts_with(neighbour.text) || std::string_view(neighbour.text).starts_with(rest))
      return true;
  }
  return false;
}

size_t word_count(const std::string& text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// A place mention joined to mention `i` by "and", "or" or a comma.
bool listed_with_place(const std::vector<TypedName>& mentions, size_t i, const std::string& before,
                       const std::string& after) {
  static constexpr std::array<std::string_view, 3> kBefore = {" and ", " or ", ", "};
  static constexpr std::array<std::string_view, 3> kAfter = {" and ", " or ", ", "};
  return (i > 0 && mentions[i - 1].type == EntityType::kPlace &&
          follows(before, mentions[i - 1], kBefore)) ||
         (i + 1 < mentions.size() && mentions[i + 1].type == EntityType::kPlace &&
          precedes(after, mentions[i + 1], kAfter));
}

bool is_place_by_context(const std::vector<TypedName>& mentions, size_t i,
                         const std::string& before, const std::string& after) {
  if (word_count(mentions[i].text) != 1) return false;
  const std::vector<std::string> words = words_before(before, 2);
  if (!words.empty() && listed(kPlacePrepositions, words[0]) &&
      !(words[0] == "in" && words.size() == 2 && listed(kInTakesAPerson, words[1])))
    return true;
  if (words.size() == 2 && words[0] == "of" && listed(kCompassPoints, words[1])) return true;
  if (after.starts_with(", ")) {
    std::string_view rest = std::string_view(after).substr(2);
    std::string_view state = rest.substr(0, std::min(rest.find(' '), rest.size()));
    // "Colo.," or "Texas." end where the sentence or list goes on.
    while (!state.empty() && (state.back() == ',' || state.back() == ';')) state.remove_suffix(1);
    if (listed(kStates, state) ||
        (state.ends_with('.') && listed(kStates, state.substr(0, state.size() - 1))))
      return true;
  }
  return listed_with_place(mentions, i, before, after);
}

// Two one-word names joined by "and" that together are one firm: joined to an organisation
// mention ("and AFG Industries Inc", "AFG and"), or after "privately-held".
bool is_firm_pair(const std::vector<TypedName>& mentions, size_t first, const std::string& before,
                  const std::string& between, const std::string& after) {
  static constexpr std::array<std::string_view, 2> kAnd = {" and ", " & "};
  static constexpr std::array<std::string_view, 4> kJoin = {" and ", " & ", " and by ", ", "};
  const size_t second = first + 1;
  if (second >= mentions.size() || mentions[first].type != EntityType::kPerson ||
      mentions[second].type != EntityType::kPerson || word_count(mentions[first].text) != 1 ||
      word_count(mentions[second].text) != 1 || !precedes(between, mentions[second], kAnd))
    return false;
  const std::vector<std::string> words = words_before(before, 2);
  if (!words.empty() && (words[0] == "privately-held" ||
                         (words.size() == 2 && words[0] == "held" && words[1] == "privately")))
    return true;
  auto is_organisation = [&](size_t k) { return mentions[k].type == EntityType::kOrganization; };
  // Between the organisation and the pair a ticker may stand: "AFG Industries Inc <AFG> and".
  std::string before_pair = before;
  if (size_t ticker = before_pair.rfind(" <"); ticker != std::string::npos) {
    size_t close = before_pair.find("> ", ticker);
    if (close != std::string::npos) before_pair.erase(ticker, close + 1 - ticker);
  }
  return (first > 0 && is_organisation(first - 1) &&
          follows(before_pair, mentions[first - 1], kJoin)) ||
         (second + 1 < mentions.size() && is_organisation(second + 1) &&
          precedes(after, mentions[second + 1], kJoin));
}

// The people only a firm has, after its name: "E.F. Hutton analyst Michael Lewis", "E.F.
// Hutton food analyst". A person has spokesmen and advisers ("Reagan spokesman"), not these.
constexpr std::array<std::string_view, 8> kFirmStaff = {"analyst",    "analysts",   "economist",
                                                        "economists", "strategist", "strategists",
                                                        "trader",     "traders"};

// True when `after` (one_line) starts with a stock ticker, as wire stories write one after a
// company's name: " <EFH>", " <GY.N>".
bool starts_with_ticker(const std::string& after) {
  if (!after.starts_with(" <")) return false;
  const size_t close = after.find('>', 2);
  if (close == std::string::npos || close == 2 || close > 12) return false;
  return std::all_of(after.begin() + 2, after.begin() + static_cast<std::ptrdiff_t>(close),
                     [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; });
}

// True when `after` (one_line) names a firm's staff: " analyst", " food analyst".
bool staff_follows(const std::string& after) {
  std::string_view rest(after);
  for (int words = 0; words < 2; ++words) {
    if (!rest.starts_with(' ')) return false;
    rest.remove_prefix(1);
    const size_t end = std::min(rest.find_first_of(" ,.;:"), rest.size());
    const std::string_view word = rest.substr(0, end);
    if (listed(kFirmStaff, word)) return true;
    // One lower-case word may name the field: "food analyst".
    if (word.empty() || word[0] < 'a' || word[0] > 'z') return false;
    rest.remove_prefix(end);
  }
  return false;
}

bool is_firm_by_context(const std::vector<TypedName>& mentions, size_t i, const std::string& before,
                        const std::string& after) {
  if (starts_with_ticker(after) || staff_follows(after)) return true;
  const std::vector<std::string> words = words_before(before, 2);
  if (words.size() == 2 && (words[0] == "with" || words[0] == "at") && listed(kJobWords, words[1]))
    return true;
  static constexpr std::array<std::string_view, 2> kOf = {" of ", ", of "};
  return i > 0 && mentions[i - 1].type == EntityType::kPerson &&
         word_count(mentions[i - 1].text) > 1 && follows(before, mentions[i - 1], kOf);
}

}  // namespace

std::optional<EntityType> type_by_context(const std::vector<TypedName>& mentions, size_t i) {
  const TypedName& mention = mentions[i];
  const std::string after = one_line(mention.after);
  if (after.starts_with("'") || after.starts_with("\xE2\x80\x99")) return std::nullopt;
  const std::string before = one_line(mention.before);
  if (is_place_by_context(mentions, i, before, after)) return EntityType::kPlace;
  if (is_firm_by_context(mentions, i, before, after)) return EntityType::kOrganization;
  // One of a pair of names that together are a firm: as the pair's first or its second.
  if (is_firm_pair(mentions, i, before, after,
                   i + 1 < mentions.size() ? one_line(mentions[i + 1].after) : std::string()))
    return EntityType::kOrganization;
  if (i > 0 && is_firm_pair(mentions, i - 1, one_line(mentions[i - 1].before),
                            one_line(mentions[i - 1].after), after))
    return EntityType::kOrganization;
  return std::nullopt;
}

}  // namespace newsarchive
