// The parameters of GET /api/search as SearchOptions: the API's names for the command line's
// options (q for the query words, person/place/org/facet repeatable, the rest once each).
#pragma once

#include <map>
#include <string>

#include "present/search_options.h"

namespace newsarchive {

// A query string's parameters, decoded, in order of appearance for each name (cpp-httplib's
// Request::params has this type).
using QueryParameters = std::multimap<std::string, std::string>;

// At most this many parameters in one request: a search has fifteen kinds, and a person, place,
// org or facet list longer than this is no search a person makes.
inline constexpr size_t kMaxQueryParameters = 64;

// Throws UserError for an unknown parameter, one given twice that takes one value, a number
// that is not one, and too many parameters. Values are checked by resolve_search().
SearchOptions search_options_from_parameters(const QueryParameters& parameters);

// The single value of `name`, empty when absent; UserError when given twice.
std::string single_parameter(const QueryParameters& parameters, const std::string& name);

}  // namespace newsarchive
