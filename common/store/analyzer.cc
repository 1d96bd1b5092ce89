// Analyzer: stemming set-up shared by indexing and querying.
#include "store/analyzer.h"

#include "text/errors.h"

namespace newsarchive {
namespace {

Xapian::Stem make_stemmer(const std::string& language) {
  try {
    return Xapian::Stem(language);
  } catch (const Xapian::InvalidArgumentError&) {
    throw UserError("unknown language " + quote_value(language) +
                    " (available: " + Xapian::Stem::get_available_languages() + ", none)");
  }
}

}  // namespace

Analyzer::Analyzer(std::string language)
    : language_(std::move(language)), stemmer_(make_stemmer(language_)) {}

Xapian::TermGenerator Analyzer::make_term_generator() const {
  Xapian::TermGenerator generator;
  generator.set_stemmer(stemmer_);
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  return generator;
}

void Analyzer::configure(Xapian::QueryParser& parser) const {
  parser.set_stemmer(stemmer_);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
}

}  // namespace newsarchive
