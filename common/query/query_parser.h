// Turns what a user types into a Xapian query: Xapian's QueryParser syntax (AND/OR/NOT,
// "phrases", NEAR, wildcards, fields from schema::kFields) plus a date: field that takes the
// natural dates of text/natural_date.h.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "store/analyzer.h"
#include "text/date.h"
#include "text/natural_date.h"

namespace newsarchive {

enum class DefaultOperator { kAnd, kOr };

// Wildcards (war*) may expand to at most this many terms; more is reported as a query error.
inline constexpr Xapian::termcount kMaxWildcardExpansion = 1000;

// Limits on what a user may type. Each protects the searcher from a query that is a mistake
// (a pasted file, a runaway script) or an attack, and each is reported as a UserError naming the
// value and the limit rather than being silently clipped.
//
// Bytes: 64 terms of ordinary words with field names, operators and quoted phrases take well
// under 1 KiB; 4 KiB leaves room for long names and non-Latin text (up to 3 bytes a character)
// while keeping parsing and the query echoed in error messages small.
inline constexpr size_t kMaxQueryBytes = 4096;
// Terms: words (phrase words included), field values, wildcards and date: filters each count
// once, repeats included. Every term opens a posting list (a date: filter scans a value stream),
// so this bounds a query's cost on a large archive; a demanding boolean query (four concepts
// with a dozen synonyms each) fits in 64.
inline constexpr size_t kMaxQueryTerms = 64;
// Wildcards: each may expand to kMaxWildcardExpansion terms, so 8 (econom* financ* bank* ...)
// bounds an expanded query to 8000 posting lists.
inline constexpr size_t kMaxQueryWildcards = 8;
// NEAR/n and ADJ/n: n words at most. A window of 1000 words spans most of a long feature; a
// wider one means "anywhere in the article", which AND says better. Also, Xapian reads n into
// 32 bits without an overflow check, so NEAR/4294967297 would silently mean NEAR/1.
inline constexpr size_t kMaxProximityWindow = 1000;

// A query that is entirely upper case ("ESPER TROOPS") is lower-cased so that it stems and
// matches like the lower-case form. Bare AND, OR, NOT, XOR, NEAR and ADJ are lower-cased too (in
// capitals they cannot be told from words); NEAR/n and ADJ/n stay operators.
std::string normalise_all_caps(const std::string& text);

// Above this many year, month and day terms a closed date range is a value range instead.
// Any range from one whole year to another needs one per year; 100 also covers every range of
// up to 18 years with partial months and days at both ends.
inline constexpr size_t kMaxDateTerms = 100;

// A filter on the article date covering [from.first, to.last]; undated articles never match.
// A closed range is an OR of the fewest Y/M/D terms that cover it exactly (2020-01-15..2020-03
// is D20200115 … D20200131 OR M202002 OR M202003), or a value range on the date slot beyond
// kMaxDateTerms; an open end is a value range (VALUE_GE / VALUE_LE).
Xapian::Query date_range_query(const std::optional<DatePeriod>& from,
                               const std::optional<DatePeriod>& to);

// A filter on a person: a full name matches that canonical person (case and punctuation
// folded); a single word matches every canonical person with that surname. Throws UserError
// for an empty name, and for a name that is not valid UTF-8 or holds a control character (TAB,
// LF, VT, FF and CR count as spaces).
Xapian::Query person_filter_query(const std::string& name);

// A filter on a place or organisation: `prefix` is schema::kPlacePrefix or kOrganizationPrefix,
// and `name` is folded with person_key() exactly as the indexer folds XG and XO terms, so case,
// punctuation and spacing do not matter ("new york", "NEW YORK"). `what` names the kind in
// errors ("place name"). Throws UserError as person_filter_query does.
Xapian::Query name_filter_query(std::string_view prefix, const std::string& name,
                                std::string_view what);

// True when a query may contain `term`: an unprefixed word or stem ("troops", "Ztroop"), or a
// term under the prefix of a field in schema::kFields ("Siraq", "XSnws", and "XFesper", which
// person: produces). False for internal terms such as "Q<id>", "D20200106" or "XUNDATED".
bool is_user_reachable_term(std::string_view term);

// Parses `text` against `database`'s vocabulary, with date: values relative to `today`
// (date:yesterday, date:"last week"). An empty text matches every article.
// Xapian's lenient parsing is kept where its reading is what the user meant: an unclosed quote
// runs to the end, unbalanced brackets are ignored, an unknown "field:" is read as words.
// Throws UserError naming the problem for a query over the limits above, text that is not valid
// UTF-8 or holds a control character (TAB, LF, VT, FF and CR count as spaces), a query Xapian
// cannot parse (a lone AND, NOT or "OR OR") or a bad date: value. Every term of the result
// passes is_user_reachable_term; if one did not, that is a bug, thrown as std::logic_error.
// Wildcards expand when matching: get_mset throws Xapian::WildcardError past
// kMaxWildcardExpansion.
Xapian::Query parse_user_query(const std::string& text, const Analyzer& analyzer,
                               const Xapian::Database& database, DefaultOperator default_operator,
                               const Date& today);

}  // namespace newsarchive
