// Unit tests for common/store/analyzer: the language check, and that the term generator and the
// query parser it configures stem the same way (stemmed Z terms beside unstemmed ones).
#include "store/analyzer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "text/errors.h"

namespace newsarchive {
namespace {

// "term" or "term@positions" for each term `generator` indexes `text` as, in term order.
std::vector<std::string> indexed(Xapian::TermGenerator generator, const std::string& text) {
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text(text);
  std::vector<std::string> terms;
  for (Xapian::TermIterator it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    std::string term = *it;
    const char* separator = "@";
    for (Xapian::PositionIterator p = it.positionlist_begin(); p != it.positionlist_end(); ++p) {
      term += separator + std::to_string(*p);
      separator = ",";
    }
    terms.push_back(term);
  }
  return terms;
}

std::string parsed(const Analyzer& analyzer, const std::string& query) {
  Xapian::QueryParser parser;
  analyzer.configure(parser);
  return parser.parse_query(query).get_description();
}

TEST(Analyzer, TheDefaultLanguageIsEnglish) {
  EXPECT_STREQ(kDefaultLanguage, "english");
  Analyzer analyzer(kDefaultLanguage);
  EXPECT_EQ(analyzer.language(), "english");
  EXPECT_EQ(analyzer.stemmer()("running"), "run");
}

TEST(Analyzer, TheTermGeneratorIndexesStemsWithoutPositionsBesideTheWordsWithThem) {
  EXPECT_EQ(indexed(Analyzer("english").make_term_generator(), "Running boats ran boats"),
            (std::vector<std::string>{"Zboat", "Zran", "Zrun", "boats@2,4", "ran@3", "running@1"}));
}

TEST(Analyzer, TheQueryParserStemsLowerCaseWordsAsTheIndexDoes) {
  // Capitalised words are not stemmed (STEM_SOME), on either side.
  EXPECT_EQ(parsed(Analyzer("english"), "running Boats"), "Query((Zrun@1 OR boats@2))");
}

TEST(Analyzer, AnotherLanguageStemsByItsOwnRules) {
  Analyzer analyzer("french");
  EXPECT_EQ(analyzer.language(), "french");
  EXPECT_EQ(analyzer.stemmer()("continuellement"), "continuel");
  EXPECT_EQ(parsed(analyzer, "continuellement"), "Query(Zcontinuel@1)");
}

TEST(Analyzer, NoneIndexesAndParsesWordsUnstemmed) {
  Analyzer analyzer("none");
  EXPECT_EQ(analyzer.language(), "none");
  EXPECT_EQ(indexed(analyzer.make_term_generator(), "Running boats ran"),
            (std::vector<std::string>{"boats@2", "ran@3", "running@1"}));
  EXPECT_EQ(parsed(analyzer, "running Boats"), "Query((running@1 OR boats@2))");
}

TEST(Analyzer, AnUnknownLanguageIsAUserErrorListingTheKnownOnes) {
  try {
    Analyzer analyzer("klingon");
    FAIL() << "accepted an unknown language";
  } catch (const UserError& e) {
    EXPECT_EQ(std::string(e.what()), "unknown language 'klingon' (available: " +
                                         Xapian::Stem::get_available_languages() + ", none)");
  }
}

}  // namespace
}  // namespace newsarchive
