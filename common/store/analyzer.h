// The one analyzer configuration (language, stemming strategy) that builds both the indexer's
// TermGenerator and the searcher's QueryParser, so index-time and query-time text processing
// cannot differ.
#pragma once

#include <xapian.h>

#include <string>

namespace newsarchive {

inline constexpr const char* kDefaultLanguage = "english";

class Analyzer {
 public:
  // `language` is a Snowball stemmer name ("english", "french", ...) or "none".
  // Throws UserError for a language Xapian does not know.
  explicit Analyzer(std::string language);

  const std::string& language() const { return language_; }
  const Xapian::Stem& stemmer() const { return stemmer_; }

  // A TermGenerator that indexes stemmed and unstemmed forms with positions.
  Xapian::TermGenerator make_term_generator() const;

  // Applies the same stemmer and strategy to a QueryParser.
  void configure(Xapian::QueryParser& parser) const;

 private:
  std::string language_;
  Xapian::Stem stemmer_;
};

}  // namespace newsarchive
