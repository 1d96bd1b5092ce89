// Tests for render_csv: RFC 4180 quoting, the --fields list, and whole tables.
#include "present/render_csv.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "text/errors.h"

namespace newsarchive {
namespace {

TEST(CsvField, PlainValueIsUnchanged) {
  EXPECT_EQ(csv_field("Mark Esper"), "Mark Esper");
}

TEST(CsvField, EmptyValueIsEmpty) {
  EXPECT_EQ(csv_field(""), "");
}

TEST(CsvField, CommaIsQuoted) {
  EXPECT_EQ(csv_field("Esper, Mark"), "\"Esper, Mark\"");
}

TEST(CsvField, QuotesAreDoubled) {
  EXPECT_EQ(csv_field("a \"leak\" denied"), "\"a \"\"leak\"\" denied\"");
  EXPECT_EQ(csv_field("\""), "\"\"\"\"");
}

TEST(CsvField, LineBreaksAreQuoted) {
  EXPECT_EQ(csv_field("one\ntwo"), "\"one\ntwo\"");
  EXPECT_EQ(csv_field("one\r\ntwo"), "\"one\r\ntwo\"");
  EXPECT_EQ(csv_field("cr\r"), "\"cr\r\"");
}

TEST(CsvField, Utf8PassesThroughUnquoted) {
  EXPECT_EQ(csv_field("Zürich – «Le Monde» 東京"), "Zürich – «Le Monde» 東京");
  EXPECT_EQ(csv_field("Zürich, Genève"), "\"Zürich, Genève\"");
}

TEST(CsvField, SpacesAndSemicolonsAreNotQuoted) {
  EXPECT_EQ(csv_field(" a; b "), " a; b ");
}

TEST(ParseCsvFields, KeepsTheOrderGiven) {
  EXPECT_EQ(parse_csv_fields("snippet,id,rank"),
            (std::vector<CsvField>{CsvField::kSnippet, CsvField::kId, CsvField::kRank}));
}

TEST(ParseCsvFields, AllFieldsAreTheDocumentedOrder) {
  EXPECT_EQ(all_csv_fields(),
            parse_csv_fields("rank,id,date,score,headline,source,persons,snippet"));
}

TEST(ParseCsvFields, UnknownNameIsNamedWithTheValidOnes) {
  try {
    parse_csv_fields("id,title");
    FAIL() << "no error for an unknown field";
  } catch (const UserError& error) {
    EXPECT_STREQ(error.what(),
                 "unknown field for --fields: 'title' (valid: rank, id, date, score, headline, "
                 "source, persons, snippet)");
  }
}

TEST(ParseCsvFields, EmptyNameIsAnError) {
  EXPECT_THROW(parse_csv_fields("id,,date"), UserError);
  EXPECT_THROW(parse_csv_fields("id,"), UserError);
  EXPECT_THROW(parse_csv_fields(""), UserError);
}

SearchResult two_hits() {
  SearchResult result;
  Hit first;
  first.rank = 1;
  first.id = "2020/01/troops.txt";
  first.score = 1.5;
  first.date = make_date(2020, 1, 6);
  first.title = Snippet{"Troops, tanks \"withdraw\"", {{0, 6}}};
  first.source = "Northern Wire";
  first.snippet = Snippet{"The troops\nleft", {{4, 10}}};
  first.persons = {"Mark Esper", "Qassem Soleimani"};
  Hit second;
  second.rank = 2;
  second.id = "markets.txt";
  second.score = 0.25;
  second.title = Snippet{"Märkte", {}};
  result.hits = {first, second};
  return result;
}

std::string csv_of(const SearchResult& result, const std::vector<CsvField>& fields) {
  std::ostringstream out;
  render_csv(result, fields, out);
  return out.str();
}

TEST(RenderCsv, EveryFieldWithHeaderAndCrlf) {
  EXPECT_EQ(csv_of(two_hits(), all_csv_fields()),
            "rank,id,date,score,headline,source,persons,snippet\r\n"
            "1,2020/01/troops.txt,2020-01-06,1.500,\"Troops, tanks \"\"withdraw\"\"\","
            "Northern Wire,Mark Esper; Qassem Soleimani,\"The troops\nleft\"\r\n"
            "2,markets.txt,,0.250,Märkte,,,\r\n");
}

TEST(RenderCsv, ChosenFieldsOnly) {
  EXPECT_EQ(csv_of(two_hits(), parse_csv_fields("id,rank")),
            "id,rank\r\n2020/01/troops.txt,1\r\nmarkets.txt,2\r\n");
}

TEST(RenderCsv, NoHitsIsTheHeaderAlone) {
  EXPECT_EQ(csv_of(SearchResult{}, parse_csv_fields("date,headline")), "date,headline\r\n");
}

}  // namespace
}  // namespace newsarchive
