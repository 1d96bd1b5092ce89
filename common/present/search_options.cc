#include "present/search_options.h"

#include <algorithm>
#include <array>

#include "text/errors.h"
#include "text/natural_date.h"

namespace newsarchive {
namespace {

template <size_t N>
void check_member(const std::string& value, const std::array<const char*, N>& allowed,
                  const std::string& option) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
  std::string list;
  for (const char* name : allowed) list += (list.empty() ? "" : ", ") + std::string(name);
  throw UserError(option + " must be one of " + list + ", not " + quote_value(value));
}

// `from` takes the first day of what its value names, `to` the last; a range A..B names A's
// first day to B's last, so both ends are needed here.
std::optional<DatePeriod> date_option(const std::string& value, const std::string& option,
                                      const Date& today) {
  if (value.empty()) return std::nullopt;
  DateRangeParse parsed = parse_date_range(value, today);
  std::string start = "invalid date for " + option + ": " + quote_value(value);
  if (!parsed.range) throw UserError(start + " (" + std::string(kDateFormsHint) + ")");
  if (!parsed.range->from || !parsed.range->to)
    throw UserError(start + " (a range here needs both ends: A..B)");
  return DatePeriod{parsed.range->from->first, parsed.range->to->last};
}

}  // namespace

SearchRequest resolve_search(const SearchOptions& options, const Date& today,
                             const std::string& option_prefix) {
  auto name = [&](const char* option) { return option_prefix + option; };
  check_member(options.sort, std::array{"relevance", "newest", "oldest"}, name("sort"));
  check_member(options.duplicates, std::array{"collapse", "show"}, name("duplicates"));
  check_member(options.op, std::array{"and", "or"}, name("op"));
  for (const std::string& facet : options.facets)
    check_member(facet, std::array{"person", "place", "org", "year", "month"}, name("facet"));
  if (options.limit > kMaxLimit)
    throw UserError(name("limit") + " must be at most " + std::to_string(kMaxLimit) + ", not " +
                    std::to_string(options.limit));
  if (options.facet_size < 1 || options.facet_size > kMaxFacetSize)
    throw UserError(name(option_prefix.empty() ? "facet_size" : "facet-size") + " must be 1 to " + std::to_string(kMaxFacetSize) +
                    ", not " + std::to_string(options.facet_size));

  SearchRequest request;
  for (const std::string& word : options.query_words)
    request.query += (request.query.empty() ? "" : " ") + word;
  request.today = today;
  request.from = date_option(options.from, name("from"), today);
  request.to = date_option(options.to, name("to"), today);
  if (request.from && request.to && request.to->last < request.from->first)
    throw UserError(name("to") + " " + quote_value(options.to) + " is before " + name("from") +
                    " " + quote_value(options.from));
  request.sort = options.sort == "newest"   ? SortOrder::kNewest
                 : options.sort == "oldest" ? SortOrder::kOldest
                                            : SortOrder::kRelevance;
  request.duplicates =
      options.duplicates == "show" ? DuplicateMode::kShow : DuplicateMode::kCollapse;
  request.default_operator = options.op == "or" ? DefaultOperator::kOr : DefaultOperator::kAnd;
  request.offset = options.offset;
  request.limit = options.limit;
  request.persons = options.persons;
  request.places = options.places;
  request.organizations = options.organizations;
  for (const std::string& facet : options.facets) request.facets.insert(*facet_from_name(facet));
  request.facet_size = options.facet_size;
  request.exact_count = options.exact;
  if (!options.like.empty()) request.like_id = options.like;
  return request;
}

}  // namespace newsarchive
