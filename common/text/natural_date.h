// Dates as people type them where a date is asked for (newssearch --from/--to, the query's
// date: field): the exact forms of parse_date_period plus words relative to a given today, and
// ranges of them. Pure functions of their arguments: the caller chooses "today", so a test or a
// script can pin it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "text/date.h"

namespace newsarchive {

// The forms below, as an error message lists them after the value it rejects.
inline constexpr std::string_view kDateFormsHint =
    "use YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, N days|weeks|months|years ago, "
    "this|last week|month|year, or a month name with or without a year (march 2020, mar); "
    "A..B for a range";

// Parses one date, case-insensitively, with words separated by any whitespace, into the whole
// period it names:
//   YYYY, YYYY-MM, YYYY-MM-DD     as parse_date_period
//   today, yesterday              that day
//   N days|weeks|months|years ago that one day (the singular is accepted too): N days or 7N
//                                 days before today; N months or years before today on the
//                                 same day of the month, or the month's last day when it is
//                                 shorter (2026-03-31 minus 1 month is 2026-02-28; 2024-02-29
//                                 minus 1 year is 2023-02-28)
//   this|last week                the ISO week, Monday to Sunday, holding today or before it
//   this|last month|year          the calendar month or year holding today, or the one before
//   march 2020, mar 2020, 2020 march   that month (full or three-letter names, and "sept")
//   march                         without a year: the latest March that has begun by today
// Returns nullopt for anything else, and for a result outside [kMinYear, kMaxYear].
std::optional<DatePeriod> parse_natural_date(std::string_view text, const Date& today);

// An inclusive range of periods; an end left out of "A.." or "..B" is nullopt (unbounded).
struct DateRange {
  std::optional<DatePeriod> from;
  std::optional<DatePeriod> to;
};

// Either the range, or the part of the text that is not a date, for the caller's message.
struct DateRangeParse {
  std::optional<DateRange> range;
  std::string invalid_part;
};

// Parses one date (as parse_natural_date; from and to are then the same period) or a range
// A..B, where either end may be left out ("2020..", "..2015"; ".." gives neither end). A
// month name without a year takes its year from the other end, so the range is as short as it
// can be: "january..march 2020" and "march 2020..june" stay in 2020, "november..february 2020"
// starts in November 2019, and in "november..february" the start is the latest November begun
// by today and the end the February after it. A range whose end is before its start is
// returned as written; it matches nothing.
DateRangeParse parse_date_range(std::string_view text, const Date& today);

}  // namespace newsarchive
