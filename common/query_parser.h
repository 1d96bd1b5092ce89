// Turns what a user types into a Xapian query: Xapian's QueryParser syntax (AND/OR/NOT,
// "phrases", NEAR, wildcards, fields from schema::kFields) plus a date: field.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>

#include "analyzer.h"
#include "date.h"

namespace newsarchive {

enum class DefaultOperator { kAnd, kOr };

// Wildcards (war*) may expand to at most this many terms; more is reported as a query error.
inline constexpr Xapian::termcount kMaxWildcardExpansion = 1000;

// A query that is entirely upper case ("ESPER TROOPS") is lower-cased, except for the boolean
// operators, so that it stems and matches like the lower-case form.
std::string normalise_all_caps(const std::string& text);

// A filter on the article date slot covering [from.first, to.last]; either end may be open.
// Undated articles never match.
Xapian::Query date_range_query(const std::optional<DatePeriod>& from,
                               const std::optional<DatePeriod>& to);

// A filter on a person: a full name matches that canonical person (case and punctuation
// folded); a single word matches every canonical person with that surname. Throws UserError
// for an empty name.
Xapian::Query person_filter_query(const std::string& name);

// Parses `text` against `database`'s vocabulary. An empty text matches every article.
// Throws UserError naming the problem for a query Xapian cannot parse or a bad date: value.
Xapian::Query parse_user_query(const std::string& text, const Analyzer& analyzer,
                               const Xapian::Database& database, DefaultOperator default_operator);

}  // namespace newsarchive
