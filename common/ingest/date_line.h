// Tells a line that states an article's date ("date 2020-01-06 advertisement", "Monday, 6
// January 2020 10:32 GMT") from a line that merely mentions one ("Blair names 5 May 2005 as
// election day"): a line is a date line only when the date is most of it.
#pragma once

#include <optional>
#include <string_view>

#include "text/date.h"

namespace newsarchive {

// A line with more words than this is text, never a date line.
inline constexpr size_t kMaxDateLineWords = 8;

struct DateLine {
  std::optional<Date> date;  // nullopt: written as a date, but no such day ("2024-02-30")
};

// nullopt when `line` is not a date line. It is one when it holds a date (any form
// parse_article_date accepts, or a date-shaped impossible one) and the words belonging to the
// date outnumber the others. Belonging to the date: the date's own words, weekday names, times
// ("10:32", "GMT", "am"), and the labels "date", "dated", "published", "posted", "updated", "on".
// A line of at most kMaxDateLineWords whose first word is "date" or "dated" (a colon allowed) is
// a date line with no date when it holds none ("Date: unknown").
std::optional<DateLine> read_date_line(std::string_view line);

}  // namespace newsarchive
