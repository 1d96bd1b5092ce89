#include "serve/api_parameters.h"

#include <charconv>
#include <limits>

#include "text/errors.h"

namespace newsarchive {
namespace {

template <typename Number>
Number number_parameter(const std::string& name, const std::string& value) {
  unsigned long long parsed = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (value.empty() || error != std::errc() || end != value.data() + value.size() ||
      parsed > std::numeric_limits<Number>::max())
    throw UserError(name + " must be a whole number from 0 to " +
                    std::to_string(std::numeric_limits<Number>::max()) + ", not " +
                    quote_value(value));
  return static_cast<Number>(parsed);
}

bool flag_parameter(const std::string& name, const std::string& value) {
  if (value == "1" || value == "true" || value.empty()) return true;
  if (value == "0" || value == "false") return false;
  throw UserError(name + " must be true or false, not " + quote_value(value));
}

}  // namespace

std::string single_parameter(const QueryParameters& parameters, const std::string& name) {
  auto [first, last] = parameters.equal_range(name);
  if (first == last) return "";
  if (std::next(first) != last) throw UserError(name + " is given more than once");
  return first->second;
}

SearchOptions search_options_from_parameters(const QueryParameters& parameters) {
  if (parameters.size() > kMaxQueryParameters)
    throw UserError("too many parameters: " + std::to_string(parameters.size()) +
                    " (the limit is " + std::to_string(kMaxQueryParameters) + ")");
  SearchOptions options;
  for (const auto& [name, value] : parameters) {
    if (name == "person") {
      options.persons.push_back(value);
    } else if (name == "place") {
      options.places.push_back(value);
    } else if (name == "org") {
      options.organizations.push_back(value);
    } else if (name == "facet") {
      options.facets.push_back(value);
    } else if (name != "q" && name != "from" && name != "to" && name != "sort" &&
               name != "duplicates" && name != "op" && name != "limit" && name != "offset" &&
               name != "facet_size" && name != "exact" && name != "like") {
      throw UserError("unknown parameter " + quote_value(name));
    }
  }
  if (std::string q = single_parameter(parameters, "q"); !q.empty())
    options.query_words.push_back(q);
  options.from = single_parameter(parameters, "from");
  options.to = single_parameter(parameters, "to");
  options.like = single_parameter(parameters, "like");
  if (parameters.count("sort")) options.sort = single_parameter(parameters, "sort");
  if (parameters.count("duplicates"))
    options.duplicates = single_parameter(parameters, "duplicates");
  if (parameters.count("op")) options.op = single_parameter(parameters, "op");
  if (parameters.count("limit"))
    options.limit = number_parameter<Xapian::doccount>("limit", single_parameter(parameters, "limit"));
  if (parameters.count("offset"))
    options.offset =
        number_parameter<Xapian::doccount>("offset", single_parameter(parameters, "offset"));
  if (parameters.count("facet_size"))
    options.facet_size =
        number_parameter<size_t>("facet_size", single_parameter(parameters, "facet_size"));
  if (parameters.count("exact"))
    options.exact = flag_parameter("exact", single_parameter(parameters, "exact"));
  return options;
}

}  // namespace newsarchive
