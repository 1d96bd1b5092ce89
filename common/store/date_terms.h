// The year, month and day terms of an article's date (prefixes in schema.h): the indexer adds
// all three to a dated article, and the query parser filters date ranges through them.
#pragma once

#include <string>
#include <string_view>

#include "text/date.h"

namespace newsarchive {

enum class DatePrecision { kYear, kMonth, kDay };

// Y2020, M202001 or D20200106 for 2020-01-06.
std::string date_term(const Date& date, DatePrecision precision);

// True for the terms date_term() makes, and for nothing else a document holds.
bool is_date_term(std::string_view term);

}  // namespace newsarchive
