// Tests for api_parameters: /api/search's query string as SearchOptions.
#include "serve/api_parameters.h"

#include <gtest/gtest.h>

#include "text/errors.h"

namespace newsarchive {
namespace {

std::string error_of(const QueryParameters& parameters) {
  try {
    search_options_from_parameters(parameters);
  } catch (const UserError& error) {
    return error.what();
  }
  return "";
}

TEST(SearchParameters, EachParameterFillsItsOption) {
  SearchOptions options = search_options_from_parameters(
      {{"q", "esper troops"}, {"from", "2020"}, {"to", "last month"}, {"sort", "newest"},
       {"duplicates", "show"}, {"op", "or"}, {"limit", "25"}, {"offset", "50"},
       {"facet_size", "5"}, {"exact", "true"}, {"like", "a-1"}});
  EXPECT_EQ(options.query_words, std::vector<std::string>{"esper troops"});
  EXPECT_EQ(options.from, "2020");
  EXPECT_EQ(options.to, "last month");
  EXPECT_EQ(options.sort, "newest");
  EXPECT_EQ(options.duplicates, "show");
  EXPECT_EQ(options.op, "or");
  EXPECT_EQ(options.limit, 25u);
  EXPECT_EQ(options.offset, 50u);
  EXPECT_EQ(options.facet_size, 5u);
  EXPECT_TRUE(options.exact);
  EXPECT_EQ(options.like, "a-1");
}

TEST(SearchParameters, AbsentParametersKeepTheCommandLinesDefaults) {
  SearchOptions options = search_options_from_parameters({});
  SearchOptions defaults;
  EXPECT_TRUE(options.query_words.empty());
  EXPECT_EQ(options.sort, defaults.sort);
  EXPECT_EQ(options.duplicates, defaults.duplicates);
  EXPECT_EQ(options.op, defaults.op);
  EXPECT_EQ(options.limit, defaults.limit);
  EXPECT_EQ(options.facet_size, defaults.facet_size);
  EXPECT_FALSE(options.exact);
}

TEST(SearchParameters, NamesAndFacetsRepeatInOrder) {
  SearchOptions options = search_options_from_parameters(
      {{"person", "Mark Esper"}, {"person", "Soleimani"}, {"place", "Iraq"}, {"org", "NATO"},
       {"facet", "person"}, {"facet", "year"}});
  EXPECT_EQ(options.persons, (std::vector<std::string>{"Mark Esper", "Soleimani"}));
  EXPECT_EQ(options.places, std::vector<std::string>{"Iraq"});
  EXPECT_EQ(options.organizations, std::vector<std::string>{"NATO"});
  EXPECT_EQ(options.facets, (std::vector<std::string>{"person", "year"}));
}

TEST(SearchParameters, AnEmptyQueryIsNoWords) {
  EXPECT_TRUE(search_options_from_parameters({{"q", ""}}).query_words.empty());
}

TEST(SearchParameters, BadParametersAreNamed) {
  EXPECT_EQ(error_of({{"qq", "x"}}), "unknown parameter 'qq'");
  EXPECT_EQ(error_of({{"q", "a"}, {"q", "b"}}), "q is given more than once");
  EXPECT_EQ(error_of({{"limit", "ten"}}),
            "limit must be a whole number from 0 to 4294967295, not 'ten'");
  EXPECT_EQ(error_of({{"offset", "-1"}}),
            "offset must be a whole number from 0 to 4294967295, not '-1'");
  EXPECT_EQ(error_of({{"limit", "4294967296"}}),
            "limit must be a whole number from 0 to 4294967295, not '4294967296'");
  EXPECT_EQ(error_of({{"exact", "maybe"}}), "exact must be true or false, not 'maybe'");
}

TEST(SearchParameters, TooManyParametersAreRefused) {
  QueryParameters many;
  for (size_t i = 0; i <= kMaxQueryParameters; ++i) many.emplace("person", "p");
  EXPECT_EQ(error_of(many), "too many parameters: 65 (the limit is 64)");
  many.erase(many.begin());
  EXPECT_EQ(error_of(many), "");
}

}  // namespace
}  // namespace newsarchive
