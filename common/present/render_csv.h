// CSV output of search hits (RFC 4180): one header row naming the chosen columns, then one row
// per hit, for spreadsheets and scripts that want a table rather than JSON.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "query/search.h"

namespace newsarchive {

// The columns a row can hold, in the order `csv_field_names` lists them.
enum class CsvField { kRank, kId, kDate, kScore, kHeadline, kSource, kPersons, kSnippet };

// Every column's name, in the documented (and default) order:
// rank,id,date,score,headline,source,persons,snippet.
const std::vector<std::string_view>& csv_field_names();

// Every column, in the order of `csv_field_names`: the default of --fields.
std::vector<CsvField> all_csv_fields();

// Parses a comma-separated list of column names ("id,date,headline"), keeping the order given
// (a name may repeat). Throws UserError naming an unknown or empty name and listing the valid
// ones.
std::vector<CsvField> parse_csv_fields(std::string_view list);

// `value` as one CSV field: unchanged unless it holds a comma, a double quote, CR or LF, in
// which case it is wrapped in double quotes with each double quote doubled. Bytes (UTF-8
// included) pass through untouched.
std::string csv_field(std::string_view value);

// The header row and one row per hit, each ended by CRLF. Dates are YYYY-MM-DD (empty when
// undated), scores have three decimals, persons are joined with "; ", and the headline and
// snippet are plain text without highlight markers. Facets are not part of the table.
void render_csv(const SearchResult& result, const std::vector<CsvField>& fields, std::ostream& out);

}  // namespace newsarchive
