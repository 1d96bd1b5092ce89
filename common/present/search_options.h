// A search as a person asks for it, in words (the options of `newssearch` and the parameters
// of its web API), and its one translation into a SearchRequest. Both front ends fill the same
// struct and call the same resolve_search(), so a query means the same thing in either.
#pragma once

#include <string>
#include <vector>

#include "query/search.h"

namespace newsarchive {

struct SearchOptions {
  std::vector<std::string> query_words;  // joined with spaces into the query
  std::string from;                      // a date form of natural_date.h; empty for none
  std::string to;
  std::string sort = "relevance";       // relevance | newest | oldest
  std::string duplicates = "collapse";  // collapse | show
  std::string op = "and";               // and | or
  Xapian::doccount limit = 10;
  Xapian::doccount offset = 0;
  std::vector<std::string> persons;
  std::vector<std::string> places;
  std::vector<std::string> organizations;
  std::vector<std::string> facets;  // person | place | org | year | month
  size_t facet_size = 10;
  bool exact = false;
  std::string like;  // an article id; empty for none
};

// The limits both front ends enforce.
inline constexpr Xapian::doccount kMaxLimit = 10000;
inline constexpr size_t kMaxFacetSize = 10000;

// Checks every option and turns them into a request, with `today` for the relative dates.
// Throws UserError naming the first option that is wrong (`option_prefix` + name: "--from" on
// the command line, "from" in the API).
SearchRequest resolve_search(const SearchOptions& options, const Date& today,
                             const std::string& option_prefix);

}  // namespace newsarchive
