// Tests for query_parser: all-caps normalisation, date ranges, and parsing against a real database.
#include "query/query_parser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "store/document_builder.h"
#include "store/schema.h"
#include "test_support.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

TEST(NormaliseAllCaps, AllCapsWordsAreLowerCased) {
  EXPECT_EQ(normalise_all_caps("ESPER TROOPS"), "esper troops");
}

TEST(NormaliseAllCaps, BareOperatorWordsBecomeWords) {
  EXPECT_EQ(normalise_all_caps("HEAT AND PRESSURE"), "heat and pressure");
  EXPECT_EQ(normalise_all_caps("IRAQ NOT SYRIA OR IRAN XOR GULF"),
            "iraq not syria or iran xor gulf");
  EXPECT_EQ(normalise_all_caps("TRADE NEAR ADJ"), "trade near adj");
}

TEST(NormaliseAllCaps, WindowedProximityOperatorsAreKept) {
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

// The day natural date: values are relative to in these tests: Wednesday 5 February 2020.
const Date kToday{2020, 2, 5};

DatePeriod period(const char* text) {
  return *parse_date_period(text);
}

TEST(DateRangeQuery, WholeMonthsGiveMonthTerms) {
  EXPECT_EQ(date_range_query(period("2020-01"), period("2020-03")).get_description(),
            "Query((M202001 OR M202002 OR M202003))");
}

TEST(DateRangeQuery, WholeYearGivesOneYearTerm) {
  EXPECT_EQ(date_range_query(period("2019"), period("2019")).get_description(), "Query(Y2019)");
}

TEST(DateRangeQuery, PartialMonthsAtBothEndsGiveDayTerms) {
  EXPECT_EQ(date_range_query(period("2019-12-30"), period("2021-01-02")).get_description(),
            "Query((D20191230 OR D20191231 OR Y2020 OR D20210101 OR D20210102))");
}

TEST(DateRangeQuery, LeapDayIsCoveredAndEndsAMonth) {
  EXPECT_EQ(date_range_query(period("2020-02-28"), period("2020-03-01")).get_description(),
            "Query((D20200228 OR D20200229 OR D20200301))");
  EXPECT_EQ(date_range_query(period("2020-02-01"), period("2020-02-29")).get_description(),
            "Query(M202002)");
  EXPECT_EQ(date_range_query(period("2021-02-27"), period("2021-03")).get_description(),
            "Query((D20210227 OR D20210228 OR M202103))");
}

TEST(DateRangeQuery, MidMonthToMidMonthCoversEveryDayOnce) {
  std::string description =
      date_range_query(period("2020-01-15"), period("2020-03-10")).get_description();
  // 17 days of January, February whole, 10 days of March.
  EXPECT_TRUE(description.starts_with("Query((D20200115 OR D20200116 OR ")) << description;
  EXPECT_NE(description.find(" OR D20200131 OR M202002 OR D20200301 OR "), std::string::npos);
  EXPECT_TRUE(description.ends_with(" OR D20200310))")) << description;
  EXPECT_EQ(std::count(description.begin(), description.end(), 'D'), 27);
}

TEST(DateRangeQuery, RangeNeedingMoreThanTheTermLimitIsAValueRange) {
  // 1900-01-02 .. 2020-06-15: 30 days, 11 months, 120 years, 5 months and 15 days.
  EXPECT_EQ(date_range_query(period("1900-01-02"), period("2020-06-15")).get_description(),
            "Query(VALUE_RANGE 0 19000102 20200615)");
  // Whole years alone fit: 1921..2020 is 100 year terms.
  std::string hundred = date_range_query(period("1921"), period("2020")).get_description();
  EXPECT_EQ(std::count(hundred.begin(), hundred.end(), 'Y'), 100);
  EXPECT_EQ(date_range_query(period("1920"), period("2020")).get_description(),
            "Query(VALUE_RANGE 0 19200101 20201231)");
}

TEST(DateRangeQuery, LowEndAfterHighEndMatchesNothing) {
  EXPECT_EQ(date_range_query(period("2021"), period("2020")).get_description(),
            Xapian::Query(Xapian::Query::MatchNothing).get_description());
}

TEST(DateRangeQuery, LastPossibleDayEndsTheWalk) {
  EXPECT_EQ(date_range_query(period("2999-12-30"), period("2999-12-31")).get_description(),
            "Query((D29991230 OR D29991231))");
  EXPECT_EQ(date_range_query(period("2999"), period("2999")).get_description(), "Query(Y2999)");
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
    return parse_user_query(text, analyzer_, database_, op, kToday).get_description();
  }

  std::vector<std::string> terms(const std::string& text) {
    Xapian::Query query =
        parse_user_query(text, analyzer_, database_, DefaultOperator::kAnd, kToday);
    return {query.get_unique_terms_begin(), query.get_unique_terms_end()};
  }

  // The what() of the UserError `text` throws, or "" when it throws none.
  std::string user_error(const std::string& text) {
    try {
      parse_user_query(text, analyzer_, database_, DefaultOperator::kAnd, kToday);
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

// English stopwords leave a query that has other words, at query time only.
TEST_F(ParseUserQuery, StopwordsAreDroppedBesideOtherWords) {
  EXPECT_EQ(describe("the troops of iraq", DefaultOperator::kOr), "Query((Ztroop@2 OR Ziraq@4))");
  EXPECT_EQ(describe("THE TROOPS OF IRAQ", DefaultOperator::kOr), "Query((Ztroop@2 OR Ziraq@4))");
}

TEST_F(ParseUserQuery, AQueryOfStopwordsOnlyKeepsThem) {
  EXPECT_EQ(describe("the", DefaultOperator::kOr), "Query(Zthe@1)");
}

TEST_F(ParseUserQuery, StopwordsStayInPhrasesAndAsOperands) {
  EXPECT_EQ(describe("\"troops of iraq\""), "Query((troops@1 PHRASE 3 of@2 PHRASE 3 iraq@3))");
  EXPECT_EQ(describe("the AND troops", DefaultOperator::kOr), "Query((Zthe@1 AND Ztroop@2))");
}

TEST_F(ParseUserQuery, OtherLanguagesKeepEveryWord) {
  Analyzer french("french");
  EXPECT_EQ(parse_user_query("the troops", french, database_, DefaultOperator::kOr, kToday)
                .get_description(),
            "Query((Zthe@1 OR Ztroop@2))");
}

TEST_F(ParseUserQuery, DateMonthRangeCoversWholeMonths) {
  EXPECT_EQ(describe("date:2020-01..2020-03"), "Query(0 * (M202001 OR M202002 OR M202003))");
}

TEST_F(ParseUserQuery, DateYearCoversWholeYear) {
  EXPECT_EQ(describe("date:2019"), "Query(0 * Y2019)");
}

TEST_F(ParseUserQuery, DateOpenLowEndGivesValueLe) {
  EXPECT_EQ(describe("date:..2019"), "Query(VALUE_LE 0 20191231)");
}

TEST_F(ParseUserQuery, DateOpenHighEndGivesValueGe) {
  EXPECT_EQ(describe("date:2020-01-06.."), "Query(VALUE_GE 0 20200106)");
}

TEST_F(ParseUserQuery, DateFiltersWords) {
  EXPECT_EQ(describe("troops date:2020"), "Query((Ztroop@1 FILTER Y2020))");
}

TEST_F(ParseUserQuery, DateYesterdayIsTheDayBeforeToday) {
  EXPECT_EQ(describe("date:yesterday"), "Query(0 * D20200204)");
  EXPECT_EQ(describe("DATE:YESTERDAY"), "Query(0 * D20200204)");  // all caps, lower-cased
}

TEST_F(ParseUserQuery, QuotedDateWithSpacesIsOneValue) {
  EXPECT_EQ(describe("date:\"march 2020\""), "Query(0 * M202003)");
  EXPECT_EQ(describe("date:\"last month\""), "Query(0 * M202001)");
  EXPECT_EQ(describe("date:\"3 days ago\""), "Query(0 * D20200202)");
}

TEST_F(ParseUserQuery, DateLastWeekIsTheWholeIsoWeekBefore) {
  // Today is Wednesday 5 February 2020; the week before runs Monday 27 January to Sunday 2
  // February.
  EXPECT_EQ(describe("date:\"last week\""),
            "Query(0 * (D20200127 OR D20200128 OR D20200129 OR D20200130 OR D20200131 OR "
            "D20200201 OR D20200202))");
}

TEST_F(ParseUserQuery, DateRangeOfMonthNames) {
  EXPECT_EQ(describe("date:january..march"), "Query(0 * (M202001 OR M202002 OR M202003))");
  EXPECT_EQ(describe("date:\"november..february 2020\""),
            "Query(0 * (M201911 OR M201912 OR M202001 OR M202002))");
  EXPECT_EQ(describe("date:\"last month..\""), "Query(VALUE_GE 0 20200101)");
}

TEST_F(ParseUserQuery, NaturalDateFiltersWords) {
  EXPECT_EQ(describe("troops date:\"this month\" iraq"),
            "Query(((Ztroop@1 AND Ziraq@2) FILTER M202002))");
}

TEST_F(ParseUserQuery, InvalidDateThrowsUserErrorQuotingIt) {
  EXPECT_EQ(user_error("date:2020-13"),
            "invalid date in query: 'date:2020-13' "
            "(use YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, N days|weeks|months|years ago, "
            "this|last week|month|year, or a month name with or without a year (march 2020, mar); "
            "A..B for a range; quote a value with spaces: date:\"last week\")");
  EXPECT_EQ(user_error("date:2020-02-30..2020-03"),
            "invalid date in query: 'date:2020-02-30' "
            "(use YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, N days|weeks|months|years ago, "
            "this|last week|month|year, or a month name with or without a year (march 2020, mar); "
            "A..B for a range; quote a value with spaces: date:\"last week\")");
}

// Unquoted, "last week" is date:last and the word week: the error says how to quote.
TEST_F(ParseUserQuery, UnquotedMultiWordDateNamesTheFirstWord) {
  EXPECT_EQ(user_error("date:last week"),
            "invalid date in query: 'date:last' "
            "(use YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, N days|weeks|months|years ago, "
            "this|last week|month|year, or a month name with or without a year (march 2020, mar); "
            "A..B for a range; quote a value with spaces: date:\"last week\")");
}

// Regression: a field processor's error under + or - crashed Xapian 1.4.22's parser (a bad
// free; found by fuzz_query). Processors now record errors instead of throwing through it.
TEST_F(ParseUserQuery, FieldErrorsUnderPlusOrMinusAreUserErrors) {
  EXPECT_EQ(user_error("+date:2021-82"),
            "invalid date in query: 'date:2021-82' "
            "(use YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, N days|weeks|months|years ago, "
            "this|last week|month|year, or a month name with or without a year (march 2020, mar); "
            "A..B for a range; quote a value with spaces: date:\"last week\")");
  EXPECT_EQ(user_error("troops -person:\"\""), "empty person name: ''");
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

// ---- Query abuse (issue item 5): limits, text checks, lenient parsing, internal prefixes. ----

// "w0 w1 ... w<count-1>": distinct words none of which is in the fixture's vocabulary.
std::string numbered_words(size_t count) {
  std::string text;
  for (size_t i = 0; i < count; ++i) text += (i ? " w" : "w") + std::to_string(i);
  return text;
}

// `count` copies of `word`, space-separated.
std::string repeated(const std::string& word, size_t count) {
  std::string text;
  for (size_t i = 0; i < count; ++i) text += (i ? " " : "") + word;
  return text;
}

TEST_F(ParseUserQuery, QueryAtTheByteLimitIsParsed) {
  EXPECT_EQ(user_error(std::string(4096, 'a')), "");
}

TEST_F(ParseUserQuery, QueryOverTheByteLimitIsRejected) {
  EXPECT_EQ(user_error(std::string(4097, 'a')), "query too long: 4097 bytes (the limit is 4096)");
}

TEST_F(ParseUserQuery, MegabyteQueryIsRejectedByItsLength) {
  EXPECT_EQ(user_error(std::string(1 << 20, 'a')),
            "query too long: 1048576 bytes (the limit is 4096)");
}

// Ten thousand terms cannot fit in 4 KiB, so the byte limit reports them.
TEST_F(ParseUserQuery, TenThousandTermQueryIsRejectedByItsLength) {
  EXPECT_EQ(user_error(numbered_words(10000)), "query too long: 58889 bytes (the limit is 4096)");
}

TEST_F(ParseUserQuery, QueryAtTheTermLimitIsParsed) {
  EXPECT_EQ(terms(numbered_words(64)).size(), 64u);
}

TEST_F(ParseUserQuery, QueryOverTheTermLimitIsRejected) {
  EXPECT_EQ(user_error(numbered_words(65)), "query too long: 65 terms (the limit is 64)");
}

// The limit bounds posting lists opened, so a repeated word counts each time.
TEST_F(ParseUserQuery, RepeatedWordsCountEachTime) {
  EXPECT_EQ(user_error(repeated("troops", 65)), "query too long: 65 terms (the limit is 64)");
}

TEST_F(ParseUserQuery, PhraseWordsCountAsTerms) {
  EXPECT_EQ(user_error("\"" + numbered_words(65) + "\""),
            "query too long: 65 terms (the limit is 64)");
}

// Each date: clause costs one term, however many date terms it becomes.
TEST_F(ParseUserQuery, DateClauseOfManyDayTermsCountsAsOneTerm) {
  // 63 words and one clause of 28 date terms: 64, within the limit; the date terms pass the
  // internal-term check because a date: clause made them.
  std::string description = describe(numbered_words(63) + " date:2020-01-15..2020-03-10");
  EXPECT_NE(description.find("D20200310"), std::string::npos) << description;
  EXPECT_EQ(user_error(numbered_words(64) + " date:2020-01-15..2020-03-10"),
            "query too long: 65 terms (the limit is 64)");
}

TEST_F(ParseUserQuery, DateFiltersCountAsTerms) {
  EXPECT_EQ(user_error("troops " + repeated("date:2020", 64)),
            "query too long: 65 terms (the limit is 64)");
}

TEST_F(ParseUserQuery, EightWildcardsAreParsed) {
  EXPECT_EQ(describe("a* b* c* d* e* f* g* h*"),
            "Query((WILDCARD SYNONYM a AND WILDCARD SYNONYM b AND WILDCARD SYNONYM c AND "
            "WILDCARD SYNONYM d AND WILDCARD SYNONYM e AND WILDCARD SYNONYM f AND "
            "WILDCARD SYNONYM g AND WILDCARD SYNONYM h))");
}

TEST_F(ParseUserQuery, NineWildcardsAreRejected) {
  EXPECT_EQ(user_error("a* b* c* d* e* f* g* h* i*"),
            "too many wildcards in query: 9 (the limit is 8)");
}

TEST_F(ParseUserQuery, ProximityWindowAtTheLimitIsParsed) {
  EXPECT_EQ(describe("troops NEAR/1000 iraq"), "Query((troops@1 NEAR 1001 iraq@2))");
  EXPECT_EQ(describe("troops ADJ/1000 iraq"), "Query((troops@1 PHRASE 1001 iraq@2))");
}

TEST_F(ParseUserQuery, ProximityWindowOverTheLimitIsRejected) {
  EXPECT_EQ(user_error("troops NEAR/1001 iraq"),
            "NEAR window too wide: 'NEAR/1001' (the limit is 1000 words; use AND for words "
            "anywhere in an article)");
  EXPECT_EQ(user_error("troops NEAR/999999999 iraq"),
            "NEAR window too wide: 'NEAR/999999999' (the limit is 1000 words; use AND for words "
            "anywhere in an article)");
  EXPECT_EQ(user_error("(troops ADJ/5000 iraq)"),
            "ADJ window too wide: 'ADJ/5000' (the limit is 1000 words; use AND for words "
            "anywhere in an article)");
}

// Xapian keeps 32 bits of n: unchecked, NEAR/4294967297 would mean NEAR/1.
TEST_F(ParseUserQuery, ProximityWindowThatWouldOverflowIsRejected) {
  EXPECT_EQ(user_error("troops NEAR/4294967297 iraq"),
            "NEAR window too wide: 'NEAR/4294967297' (the limit is 1000 words; use AND for words "
            "anywhere in an article)");
  EXPECT_EQ(user_error("troops NEAR/99999999999999999999999 iraq"),
            "NEAR window too wide: 'NEAR/99999999999999999999999' (the limit is 1000 words; use "
            "AND for words anywhere in an article)");
}

TEST_F(ParseUserQuery, AllCapsProximityWindowIsChecked) {
  EXPECT_EQ(user_error("TROOPS NEAR/5000 IRAQ"),
            "NEAR window too wide: 'NEAR/5000' (the limit is 1000 words; use AND for words "
            "anywhere in an article)");
}

// Where Xapian reads NEAR/n as words, so does the check.
TEST_F(ParseUserQuery, ProximityLookalikesAreWords) {
  EXPECT_EQ(describe("troops near/5000 iraq"),
            "Query((Ztroop@1 AND (near@2 PHRASE 2 5000@3) AND Ziraq@4))");
  EXPECT_EQ(describe("troops NEAR/5000x iraq"),
            "Query((Ztroop@1 AND (near@2 PHRASE 2 5000x@3) AND Ziraq@4))");
  EXPECT_EQ(describe("troops xNEAR/5000 iraq"),
            "Query((Ztroop@1 AND (xnear@2 PHRASE 2 5000@3) AND Ziraq@4))");
}

TEST_F(ParseUserQuery, ControlCharactersAreRejectedByCodePointAndByte) {
  EXPECT_EQ(user_error("troops\x1b[31m iraq"), "query contains control character U+001B at byte 7");
  EXPECT_EQ(user_error(std::string("a\0b", 3)),
            "query contains control character U+0000 at byte 2");
  EXPECT_EQ(user_error("\x7f"), "query contains control character U+007F at byte 1");
  // C1 controls (here CSI, U+009B) are escape sequences to some terminals.
  EXPECT_EQ(user_error("troops \xc2\x9b"), "query contains control character U+009B at byte 8");
}

TEST_F(ParseUserQuery, WhitespaceControlsAreSpaces) {
  EXPECT_EQ(describe("troops\tiraq\r\nwithdrawing\v\f"),
            "Query((Ztroop@1 AND Ziraq@2 AND Zwithdraw@3))");
  EXPECT_EQ(describe("\r\n\v\f"), "Query(<alldocuments>)");
}

// The message quotes the query, so a newline in it would split the message over two lines.
TEST_F(ParseUserQuery, SyntaxErrorMessageStaysOnOneLine) {
  EXPECT_EQ(user_error("troops\nAND\n"),
            "invalid query: Syntax: <expression> AND <expression>: 'troops AND '");
}

TEST_F(ParseUserQuery, InvalidUtf8IsRejectedByByte) {
  EXPECT_EQ(user_error("troops \xff"), "query is not valid UTF-8 at byte 8 (0xff)");
  EXPECT_EQ(user_error("\x80troops"), "query is not valid UTF-8 at byte 1 (0x80)");
  EXPECT_EQ(user_error("troops \xc3"), "query is not valid UTF-8 at byte 8 (0xc3)");  // cut short
  EXPECT_EQ(user_error("\xc3("), "query is not valid UTF-8 at byte 1 (0xc3)");
  EXPECT_EQ(user_error("\xc0\xaf"), "query is not valid UTF-8 at byte 1 (0xc0)");  // overlong '/'
  EXPECT_EQ(user_error("\xe0\x80\xaf"), "query is not valid UTF-8 at byte 1 (0xe0)");  // overlong
  EXPECT_EQ(user_error("\xed\xa0\x80"), "query is not valid UTF-8 at byte 1 (0xed)");  // surrogate
  EXPECT_EQ(user_error("\xf4\x90\x80\x80"), "query is not valid UTF-8 at byte 1 (0xf4)");
}

TEST_F(ParseUserQuery, ValidMultibyteTextIsParsed) {
  EXPECT_EQ(describe("Élysée 😀 troops"), "Query((élysée@1 AND Ztroop@2))");
}

// Xapian's lenient readings are kept where they are what the user meant.
TEST_F(ParseUserQuery, UnclosedQuoteRunsToTheEnd) {
  EXPECT_EQ(describe("\"troops iraq"), "Query((troops@1 PHRASE 2 iraq@2))");
}

TEST_F(ParseUserQuery, UnbalancedBracketsAreIgnored) {
  EXPECT_EQ(describe("(troops OR iraq"), "Query((Ztroop@1 OR Ziraq@2))");
  EXPECT_EQ(describe("troops)"), "Query(Ztroop@1)");
  EXPECT_EQ(describe("((troops) iraq"), "Query((Ztroop@1 AND Ziraq@2))");
}

TEST_F(ParseUserQuery, PunctuationOnlyMatchesNothing) {
  EXPECT_EQ(describe("\""), "Query()");
  EXPECT_EQ(describe("()"), "Query()");
}

// A boolean operator without both operands is an error rather than a guess.
TEST_F(ParseUserQuery, LoneOperatorsAreSyntaxErrors) {
  EXPECT_EQ(user_error("troops AND"),
            "invalid query: Syntax: <expression> AND <expression>: 'troops AND'");
  EXPECT_EQ(user_error("troops OR OR"),
            "invalid query: Syntax: <expression> OR <expression>: 'troops OR OR'");
  EXPECT_EQ(user_error("NOT troops"),
            "invalid query: Syntax: <expression> NOT <expression>: 'NOT troops'");
  EXPECT_EQ(user_error("troops OR OR iraq"),
            "invalid query: Syntax: <expression> OR <expression>: 'troops OR OR iraq'");
}

// In a query wholly in capitals the operator words are words, so a lone one is no error.
TEST_F(ParseUserQuery, AllCapsOperatorWordsAloneAreWords) {
  EXPECT_EQ(user_error("AND"), "");
  EXPECT_EQ(user_error("OR OR"), "");
}

// Typed internal terms are lower-cased into ordinary words and never gain a prefix.
TEST_F(ParseUserQuery, TypedInternalPrefixesBecomeOrdinaryWords) {
  EXPECT_EQ(describe("Qreuters-1"), "Query((qreuters@1 PHRASE 2 1@2))");
  EXPECT_EQ(describe("XPmark"), "Query(xpmark@1)");
  EXPECT_EQ(describe("troops XPmark"), "Query((Ztroop@1 AND xpmark@2))");
  EXPECT_EQ(describe("D20200106"), "Query(Zd20200106@1)");
  EXPECT_EQ(describe("XFesper XGiraq XOnato"), "Query((xfesper@1 AND xgiraq@2 AND xonato@3))");
}

TEST_F(ParseUserQuery, UnknownFieldIsReadAsWords) {
  EXPECT_EQ(describe("foo:bar"), "Query((foo@1 PHRASE 2 bar@2))");
  EXPECT_EQ(describe("XP:mark"), "Query((xp@1 PHRASE 2 mark@2))");
  EXPECT_EQ(describe("Q:2020"), "Query((q@1 PHRASE 2 2020@2))");
}

TEST_F(ParseUserQuery, TypedPrefixWildcardsStayUnprefixed) {
  EXPECT_EQ(describe("XP*"), "Query(WILDCARD SYNONYM xp)");
  EXPECT_EQ(describe("troops Q*"), "Query((Ztroop@1 AND WILDCARD SYNONYM q))");
}

// Inside a field, a typed prefix is part of the value, under that field's prefix only.
TEST_F(ParseUserQuery, TypedPrefixesInFieldValuesStayInTheField) {
  EXPECT_EQ(describe("title:XPmark"), "Query(Sxpmark@1)");
  EXPECT_EQ(describe("source:Qreuters-1"), "Query(0 * XSqreuters-1)");
  EXPECT_EQ(describe("person:XUNDATED"), "Query(0 * XFxundated)");
  EXPECT_EQ(describe("place:D20200106"), "Query(0 * XGd20200106)");
}

TEST(IsUserReachableTerm, WordsStemsAndFieldTermsAreReachable) {
  for (const char* term : {"troops", "Ztroop", "élysée", "2020", "Siraq", "ZSiraq", "Asmith",
                           "ZAsmith", "XSnws", "XPmark esper", "XFesper", "XGnew york", "XOnato"})
    EXPECT_TRUE(is_user_reachable_term(term)) << term;
}

TEST(IsUserReachableTerm, InternalTermsAreNot) {
  for (const char* term : {"Q2020/01/troops.txt", "Qreuters-1", "Y2020", "M202001", "D20200106",
                           "XUNDATED", "ZQfoo", "XPQfoo", "SXPmark", "XZ"})
    EXPECT_FALSE(is_user_reachable_term(term)) << term;
}

TEST(PersonFilterQuery, WhitespaceControlsAreSpaces) {
  EXPECT_EQ(person_filter_query("Mark\tEsper").get_description(), "Query(XPmark esper)");
}

TEST(PersonFilterQuery, ControlCharactersAndInvalidUtf8AreRejected) {
  auto message = [](const std::string& name) -> std::string {
    try {
      person_filter_query(name);
    } catch (const UserError& error) {
      return error.what();
    }
    return "";
  };
  EXPECT_EQ(message("Mark\x1b Esper"), "person name contains control character U+001B at byte 5");
  EXPECT_EQ(message("Mark \xff"), "person name is not valid UTF-8 at byte 6 (0xff)");
  EXPECT_EQ(message("\n"), "empty person name: ' '");
}

// --place and --org fold their value as the indexer folds XG and XO terms.
TEST(NameFilterQuery, FoldsCasePunctuationAndSpacingLikeTheIndexedTerms) {
  EXPECT_EQ(name_filter_query(schema::kPlacePrefix, "NEW  York", "place name").get_description(),
            "Query(XGnew york)");
  EXPECT_EQ(name_filter_query(schema::kPlacePrefix, "new york", "place name").get_description(),
            "Query(XGnew york)");
  EXPECT_EQ(name_filter_query(schema::kOrganizationPrefix, "U.S. Army", "organisation name")
                .get_description(),
            "Query(XOus army)");
  EXPECT_EQ(name_filter_query(schema::kOrganizationPrefix, "us army", "organisation name")
                .get_description(),
            "Query(XOus army)");
}

TEST(NameFilterQuery, EmptyNamesControlCharactersAndInvalidUtf8AreRejected) {
  auto message = [](const std::string& name, std::string_view what) -> std::string {
    try {
      name_filter_query(schema::kPlacePrefix, name, what);
    } catch (const UserError& error) {
      return error.what();
    }
    return "";
  };
  EXPECT_EQ(message("...", "place name"), "empty place name: '...'");
  EXPECT_EQ(message("\t", "organisation name"), "empty organisation name: ' '");
  EXPECT_EQ(message("Lon\x1b", "place name"),
            "place name contains control character U+001B at byte 4");
  EXPECT_EQ(message("Lon \xff", "place name"), "place name is not valid UTF-8 at byte 5 (0xff)");
}

}  // namespace
}  // namespace newsarchive
