// Tests for query_parser: all-caps normalisation, date ranges, and parsing against a real database.
#include "query_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "document_builder.h"
#include "errors.h"
#include "test_support.h"

namespace newsarchive {
namespace {

TEST(NormaliseAllCaps, AllCapsWordsAreLowerCased) {
  EXPECT_EQ(normalise_all_caps("ESPER TROOPS"), "esper troops");
}

TEST(NormaliseAllCaps, BooleanOperatorsAreKept) {
  EXPECT_EQ(normalise_all_caps("ESPER AND TROOPS"), "esper AND troops");
  EXPECT_EQ(normalise_all_caps("IRAQ NOT SYRIA OR IRAN XOR GULF"),
            "iraq NOT syria OR iran XOR gulf");
  EXPECT_EQ(normalise_all_caps("ESPER NEAR/3 TROOPS"), "esper NEAR/3 troops");
  EXPECT_EQ(normalise_all_caps("ESPER ADJ/2 TROOPS"), "esper ADJ/2 troops");
}

TEST(NormaliseAllCaps, MixedCaseIsUnchanged) {
  EXPECT_EQ(normalise_all_caps("Esper troops"), "Esper troops");
  EXPECT_EQ(normalise_all_caps("ESPER troops"), "ESPER troops");
}

TEST(NormaliseAllCaps, TextWithoutLettersIsUnchanged) {
  EXPECT_EQ(normalise_all_caps("2020"), "2020");
  EXPECT_EQ(normalise_all_caps(""), "");
}

TEST(NormaliseAllCaps, FieldNamesAreLowerCasedWithTheirValues) {
  EXPECT_EQ(normalise_all_caps("TITLE:IRAQ"), "title:iraq");
}

TEST(NormaliseAllCaps, NonAsciiCapitalsAreLowerCased) {
  EXPECT_EQ(normalise_all_caps("ÉLYSÉE"), "élysée");
}

TEST(NormaliseAllCaps, WhitespaceIsKept) {
  EXPECT_EQ(normalise_all_caps("ESPER  \tTROOPS"), "esper  \ttroops");
}

DatePeriod period(const char* text) {
  return *parse_date_period(text);
}

TEST(DateRangeQuery, BothEndsGiveValueRangeFromFirstToLastDay) {
  EXPECT_EQ(date_range_query(period("2020-01"), period("2020-03")).get_description(),
            "Query(VALUE_RANGE 0 20200101 20200331)");
}

TEST(DateRangeQuery, LowEndOnlyGivesValueGe) {
  EXPECT_EQ(date_range_query(period("2020-01"), std::nullopt).get_description(),
            "Query(VALUE_GE 0 20200101)");
}

TEST(DateRangeQuery, HighEndOnlyGivesValueLeOnLastDay) {
  EXPECT_EQ(date_range_query(std::nullopt, period("2020-02")).get_description(),
            "Query(VALUE_LE 0 20200229)");
}

TEST(DateRangeQuery, NoEndsMatchesAll) {
  EXPECT_EQ(date_range_query(std::nullopt, std::nullopt).get_description(),
            "Query(<alldocuments>)");
}

// A small glass database so the QueryParser sees a real vocabulary.
class ParseUserQuery : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = Xapian::WritableDatabase((dir_.path() / "db").string(), Xapian::DB_CREATE);
    Article troops;
    troops.id = "2020/01/troops.txt";
    troops.date = make_date(2020, 1, 6);
    troops.title = "Troops withdrawing from Iraq";
    troops.body = "The forces would withdraw by March.";
    troops.source = "NWS";
    troops.author = "Jane Smith";
    Article markets;
    markets.id = "markets.txt";
    markets.title = "Markets rally";
    markets.body = "Shares rose on Monday.";
    for (const Article& article : {troops, markets}) {
      Xapian::TermGenerator generator = analyzer_.make_term_generator();
      database_.replace_document(id_term(article.id), build_document(article, generator));
    }
    database_.commit();
  }

  std::string describe(const std::string& text, DefaultOperator op = DefaultOperator::kAnd) {
    return parse_user_query(text, analyzer_, database_, op).get_description();
  }

  std::vector<std::string> terms(const std::string& text) {
    Xapian::Query query = parse_user_query(text, analyzer_, database_, DefaultOperator::kAnd);
    return {query.get_unique_terms_begin(), query.get_unique_terms_end()};
  }

  // The what() of the UserError `text` throws, or "" when it throws none.
  std::string user_error(const std::string& text) {
    try {
      parse_user_query(text, analyzer_, database_, DefaultOperator::kAnd);
    } catch (const UserError& error) {
      return error.what();
    }
    return "";
  }

  testing::TempDir dir_;
  Analyzer analyzer_{"english"};
  Xapian::WritableDatabase database_;
};

TEST_F(ParseUserQuery, WordIsStemmedLikeTheIndex) {
  EXPECT_EQ(describe("withdrawing"), "Query(Zwithdraw@1)");
}

TEST_F(ParseUserQuery, AllCapsQueryStemsLikeLowerCase) {
  EXPECT_EQ(describe("WITHDRAWING TROOPS"), "Query((Zwithdraw@1 AND Ztroop@2))");
}

TEST_F(ParseUserQuery, DefaultOperatorJoinsWords) {
  EXPECT_EQ(describe("troops iraq", DefaultOperator::kAnd), "Query((Ztroop@1 AND Ziraq@2))");
  EXPECT_EQ(describe("troops iraq", DefaultOperator::kOr), "Query((Ztroop@1 OR Ziraq@2))");
}

TEST_F(ParseUserQuery, DateMonthRangeCoversWholeMonths) {
  EXPECT_EQ(describe("date:2020-01..2020-03"), "Query(VALUE_RANGE 0 20200101 20200331)");
}

TEST_F(ParseUserQuery, DateYearCoversWholeYear) {
  EXPECT_EQ(describe("date:2019"), "Query(VALUE_RANGE 0 20190101 20191231)");
}

TEST_F(ParseUserQuery, DateOpenLowEndGivesValueLe) {
  EXPECT_EQ(describe("date:..2019"), "Query(VALUE_LE 0 20191231)");
}

TEST_F(ParseUserQuery, DateOpenHighEndGivesValueGe) {
  EXPECT_EQ(describe("date:2020-01-06.."), "Query(VALUE_GE 0 20200106)");
}

TEST_F(ParseUserQuery, DateFiltersWords) {
  EXPECT_EQ(describe("troops date:2020"),
            "Query((Ztroop@1 FILTER VALUE_RANGE 0 20200101 20201231))");
}

TEST_F(ParseUserQuery, InvalidDateThrowsUserErrorQuotingIt) {
  EXPECT_EQ(user_error("date:2020-13"),
            "invalid date in query: 'date:2020-13' (use YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(user_error("date:2020-02-30..2020-03"),
            "invalid date in query: 'date:2020-02-30' (use YYYY, YYYY-MM or YYYY-MM-DD)");
}

TEST_F(ParseUserQuery, EmptyDateRangeThrowsUserError) {
  EXPECT_EQ(user_error("date:.."), "empty date range in query: 'date:..'");
}

TEST_F(ParseUserQuery, TitleFieldUsesTitlePrefix) {
  EXPECT_EQ(describe("title:iraq"), "Query(ZSiraq@1)");
}

TEST_F(ParseUserQuery, AuthorFieldUsesAuthorPrefix) {
  EXPECT_EQ(describe("author:smith"), "Query(ZAsmith@1)");
}

TEST_F(ParseUserQuery, SourceFilterValueIsLowerCased) {
  EXPECT_EQ(describe("source:NWS"), "Query(0 * XSnws)");
}

// A boolean field takes one word unless quoted; the rest is an ordinary word.
TEST_F(ParseUserQuery, SourceWithSpacesNeedsQuotes) {
  EXPECT_EQ(describe("source:\"Northern Wire\""), "Query(0 * XSnorthern wire)");
  EXPECT_EQ(describe("source:Northern Wire"), "Query((wire@1 FILTER XSnorthern))");
}

TEST_F(ParseUserQuery, SyntaxErrorThrowsUserError) {
  std::string message = user_error("a AND");
  EXPECT_TRUE(message.starts_with("invalid query: ")) << message;
  EXPECT_EQ(message, "invalid query: Syntax: <expression> AND <expression>: 'a AND'");
}

TEST_F(ParseUserQuery, EmptyOrWhitespaceMatchesAll) {
  EXPECT_EQ(describe(""), "Query(<alldocuments>)");
  EXPECT_EQ(describe(" \t\n "), "Query(<alldocuments>)");
}

TEST_F(ParseUserQuery, PhraseKeepsWordsUnstemmed) {
  EXPECT_EQ(describe("\"troops withdrawing\""), "Query((troops@1 PHRASE 2 withdrawing@2))");
}

// Internal terms (XUNDATED, Q<id>, XS<source>) are unreachable: the parser lower-cases what a
// user types and only fields from schema::kFields add prefixes.
TEST_F(ParseUserQuery, TypedUndatedTermBecomesAnOrdinaryWord) {
  EXPECT_EQ(terms("XUNDATED"), std::vector<std::string>{"Zxundat"});
  EXPECT_EQ(terms("troops XUNDATED"), (std::vector<std::string>{"Ztroop", "xundated"}));
}

TEST_F(ParseUserQuery, TypedIdTermBecomesOrdinaryWords) {
  EXPECT_EQ(terms("Q2020-x.txt"), (std::vector<std::string>{"q2020", "txt", "x"}));
  EXPECT_EQ(terms("Q2020/01/troops.txt"),
            (std::vector<std::string>{"01", "q2020", "troops", "txt"}));
}

TEST_F(ParseUserQuery, TypedSourceTermBecomesAnOrdinaryWord) {
  EXPECT_EQ(terms("XSfoo"), std::vector<std::string>{"xsfoo"});
  EXPECT_EQ(terms("XSnws"), std::vector<std::string>{"xsnws"});
}

TEST_F(ParseUserQuery, TypedDateTermsBecomeOrdinaryWords) {
  // All capitals: lower-cased whole by normalise_all_caps, then stemmed.
  EXPECT_EQ(terms("Y2020 D20200106"), (std::vector<std::string>{"Zd20200106", "Zy2020"}));
  // Among lower-case words the capitalised word is left unstemmed, but still lower-cased.
  EXPECT_EQ(terms("troops Y2020"), (std::vector<std::string>{"Ztroop", "y2020"}));
}

}  // namespace
}  // namespace newsarchive
