// Notes on a search; see search_notes.h.
#include "query/search_notes.h"

#include <algorithm>

#include "query/query_words.h"

namespace newsarchive {

std::vector<std::string> words_matching_nothing(const std::string& text,
                                                const Xapian::Database& database,
                                                const Xapian::Stem& stemmer) {
  std::vector<std::string> missing;
  for (const QueryWord& word : scan_query_words(text)) {
    if (!word.free) continue;
    std::string spelling = text.substr(word.start, word.end - word.start);
    std::string lower = lower_case_word(spelling);
    // Appended, not `"Z" + stemmer(lower)`: GCC 12's -O3 flags that with a false -Wrestrict.
    std::string stem = "Z";
    stem.append(stemmer(lower));
    if (database.term_exists(lower) || database.term_exists(lower + "'s") ||
        database.term_exists(stem))
      continue;
    if (std::find(missing.begin(), missing.end(), spelling) == missing.end())
      missing.push_back(spelling);
  }
  return missing;
}

}  // namespace newsarchive
