// Tests for search_options: the one translation of a search's options into a request.
#include "present/search_options.h"

#include <gtest/gtest.h>

#include "text/errors.h"

namespace newsarchive {
namespace {

const Date kToday = *make_date(2020, 2, 5);

std::string error_of(const SearchOptions& options, const std::string& prefix) {
  try {
    resolve_search(options, kToday, prefix);
  } catch (const UserError& error) {
    return error.what();
  }
  return "";
}

TEST(ResolveSearch, WordsJoinAndNamedValuesBecomeTheirKinds) {
  SearchOptions options;
  options.query_words = {"esper", "troops"};
  options.sort = "oldest";
  options.duplicates = "show";
  options.op = "or";
  options.facets = {"person", "month"};
  options.like = "x";
  SearchRequest request = resolve_search(options, kToday, "--");
  EXPECT_EQ(request.query, "esper troops");
  EXPECT_EQ(request.sort, SortOrder::kOldest);
  EXPECT_EQ(request.duplicates, DuplicateMode::kShow);
  EXPECT_EQ(request.default_operator, DefaultOperator::kOr);
  EXPECT_EQ(request.facets, (std::set<FacetKind>{FacetKind::kPerson, FacetKind::kMonth}));
  EXPECT_EQ(request.like_id, "x");
  EXPECT_EQ(request.today, kToday);
}

TEST(ResolveSearch, DatesAreReadAgainstToday) {
  SearchOptions options;
  options.from = "last month";
  options.to = "2020-02";
  SearchRequest request = resolve_search(options, kToday, "--");
  EXPECT_EQ(request.from->first.iso(), "2020-01-01");
  EXPECT_EQ(request.to->last.iso(), "2020-02-29");
}

TEST(ResolveSearch, ErrorsNameTheOptionAsTheFrontEndSpellsIt) {
  SearchOptions options;
  options.sort = "best";
  EXPECT_EQ(error_of(options, "--"), "--sort must be one of relevance, newest, oldest, not 'best'");
  EXPECT_EQ(error_of(options, ""), "sort must be one of relevance, newest, oldest, not 'best'");
  options = {};
  options.facets = {"colour"};
  EXPECT_EQ(error_of(options, ""),
            "facet must be one of person, place, org, year, month, not 'colour'");
  options = {};
  options.limit = 10001;
  EXPECT_EQ(error_of(options, ""), "limit must be at most 10000, not 10001");
  options = {};
  options.facet_size = 0;
  EXPECT_EQ(error_of(options, ""), "facet_size must be 1 to 10000, not 0");
  EXPECT_EQ(error_of(options, "--"), "--facet-size must be 1 to 10000, not 0");
  options = {};
  options.from = "2021";
  options.to = "2020";
  EXPECT_EQ(error_of(options, ""), "to '2020' is before from '2021'");
  options = {};
  options.from = "soon";
  EXPECT_EQ(error_of(options, "").substr(0, 30), "invalid date for from: 'soon' ");
}

}  // namespace
}  // namespace newsarchive
