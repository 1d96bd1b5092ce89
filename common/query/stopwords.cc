// The English stopword list the query parser drops words by.
#include "query/stopwords.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace newsarchive {
namespace {

// Sorted, for binary search. Function words only: no word that can
// name what an article is about ("state", "home", "new" stay searchable), and no contraction
// pieces, since the parser keeps "don't" as one word.
constexpr std::array<std::string_view, 125> kEnglishStopwords = {
    "a",      "about",  "above",  "after",    "again",      "against", "all",    "am",
    "an",     "and",    "any",    "are",      "as",         "at",      "be",     "because",
    "been",   "before", "being",  "below",    "between",    "both",    "but",    "by",
    "can",    "could",  "did",    "do",       "does",       "doing",   "down",   "during",
    "each",   "few",    "for",    "from",     "further",    "had",     "has",    "have",
    "having", "he",     "her",    "here",     "hers",       "herself", "him",    "himself",
    "his",    "how",    "i",      "if",       "in",         "into",    "is",     "it",
    "its",    "itself", "me",     "more",     "most",       "my",      "myself", "no",
    "nor",    "not",    "of",     "off",      "on",         "once",    "only",   "or",
    "other",  "ought",  "our",    "ours",     "ourselves",  "out",     "over",   "own",
    "same",   "she",    "should", "so",       "some",       "such",    "than",   "that",
    "the",    "their",  "theirs", "them",     "themselves", "then",    "there",  "these",
    "they",   "this",   "those",  "through",  "to",         "too",     "under",  "until",
    "up",     "very",   "was",    "we",       "were",       "what",    "when",   "where",
    "which",  "while",  "who",    "whom",     "why",        "will",    "with",   "would",
    "you",    "your",   "yours",  "yourself", "yourselves"};
static_assert(std::is_sorted(kEnglishStopwords.begin(), kEnglishStopwords.end()));

class EnglishStopper : public Xapian::Stopper {
 public:
  bool operator()(const std::string& word) const override { return is_english_stopword(word); }
  std::string get_description() const override { return "newsarchive english stopper"; }
};

}  // namespace

bool is_english_stopword(const std::string& word) {
  return std::binary_search(kEnglishStopwords.begin(), kEnglishStopwords.end(), word);
}

const Xapian::Stopper* make_query_stopper(const std::string& language) {
  if (language != "english") return nullptr;
  return (new EnglishStopper())->release();
}

}  // namespace newsarchive
