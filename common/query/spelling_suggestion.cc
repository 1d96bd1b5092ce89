// Spelling corrections of query words; see spelling_suggestion.h.
#include "query/spelling_suggestion.h"

#include <algorithm>

#include "query/query_words.h"
#include "store/schema.h"
#include "store/spelling.h"

namespace newsarchive {
namespace {

constexpr unsigned kMaxEditDistance = 2;

// The most articles in which `word` (lower case) names one person, place or organisation: as a
// surname, a one-word place or organisation, or the first word of a person's name (the first
// kNameForms such persons looked at).
Xapian::doccount name_frequency(const Xapian::Database& database, const std::string& word) {
  using namespace schema;
  constexpr int kNameForms = 50;
  Xapian::doccount most =
      std::max({database.get_termfreq(std::string(kSurnamePrefix) + word),
                database.get_termfreq(std::string(kPlacePrefix) + word),
                database.get_termfreq(std::string(kOrganizationPrefix) + word)});
  const std::string first_name = std::string(kPersonPrefix) + word + " ";
  int looked = 0;
  for (auto it = database.allterms_begin(first_name);
       it != database.allterms_end(first_name) && looked < kNameForms; ++it, ++looked)
    most = std::max(most, it.get_termfreq());
  return most;
}

// In how many articles `word` (lower case) occurs as written or as a stem.
Xapian::doccount word_frequency(const Xapian::Database& database, const std::string& word,
                                const Xapian::Stem& stemmer) {
  std::string stem = "Z";  // appended: GCC 12's -O3 flags `"Z" + ...` with a false -Wrestrict
  stem.append(stemmer(word));
  return std::max({database.get_termfreq(word), database.get_termfreq(word + "'s"),
                   database.get_termfreq(stem)});
}

}  // namespace

std::optional<std::string> correct_spelling(const std::string& text,
                                            const Xapian::Database& database,
                                            const Xapian::Stem& stemmer) {
  std::string corrected;
  size_t copied = 0;
  bool changed = false;
  for (const QueryWord& word : scan_query_words(text)) {
    if (!word.free) continue;
    std::string lower = lower_case_word(text.substr(word.start, word.end - word.start));
    if (!is_spelling_word(lower)) continue;
    Xapian::doccount frequency = word_frequency(database, lower, stemmer);
    // A name in at least half the articles that hold the word: "Budgen", not the one article
    // where the tagger took a misspelt "Goverment" for an organisation.
    Xapian::doccount as_name = name_frequency(database, lower);
    if (as_name > 0 && 2 * as_name >= frequency) continue;
    std::string suggestion = database.get_spelling_suggestion(lower, kMaxEditDistance);
    if (suggestion.empty() || suggestion == lower) continue;
    if (frequency > 0 && database.get_termfreq(suggestion) < kCorrectionMoreCommon * frequency)
      continue;
    corrected.append(text, copied, word.start - copied).append(suggestion);
    copied = word.end;
    changed = true;
  }
  if (!changed) return std::nullopt;
  corrected.append(text, copied);
  return corrected;
}

}  // namespace newsarchive
