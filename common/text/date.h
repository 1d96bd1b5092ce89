// Calendar dates: the one parser used by the article readers, the CLI options and the query's
// date: field, and the encodings stored in the database.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsarchive {

// A valid proleptic-Gregorian calendar date. Construct only through make_date or the parsers,
// which reject impossible dates (2024-02-30) and years outside [kMinYear, kMaxYear].
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  std::string iso() const;       // "2020-01-06"
  std::string slot_key() const;  // "20200106": sorts lexically in date order
  auto operator<=>(const Date&) const = default;
};

inline constexpr int kMinYear = 1000;
inline constexpr int kMaxYear = 2999;

std::optional<Date> make_date(int year, int month, int day);
int days_in_month(int year, int month);

// The month (1-12) of an English month name or its usual abbreviation, any case, dots
// ignored: "January", "jan", "Jan.", "Sept". nullopt for anything else.
std::optional<int> month_from_name(std::string_view word);

// An inclusive span of days.
struct DatePeriod {
  Date first;
  Date last;
};

// Parses a user-typed date of precision YYYY, YYYY-MM or YYYY-MM-DD into the whole period it
// names: "2020-01" is 2020-01-01..2020-01-31. Returns nullopt for anything else or an
// impossible date.
std::optional<DatePeriod> parse_date_period(std::string_view text);

// Finds an article date in a dateline or a date field. Accepts, with surrounding words ignored:
//   "date 2020-01-06 advertisement", "2020-01-06", "2020-01-06T10:00:00Z", "2020/01/06",
//   "Date: 6 January 2020", "6 Jan. 2020", "January 6, 2020", "Monday, Jan 6 2020".
// Returns nullopt when no valid date is found.
std::optional<Date> parse_article_date(std::string_view text);

// True when `text` holds something written like a date in one of the forms above, whether or
// not that day exists: "2024-02-30", "0000-00-00", "9999-12-31", "February 30, 2024". Tells a
// dateline with a broken date from a first line that is body text.
bool has_date_shape(std::string_view text);

// The future-date policy of the article readers. A news article cannot be dated much after the
// day it is indexed: a date more than a year ahead is a typo or a placeholder (2999-12-31), and
// would sort before every real article under "newest first". The readers index such articles
// undated, with a warning. A year of slack absorbs time zones, embargoed and pre-dated issues
// (a weekly dated next Monday, an annual review dated next year) and a machine clock that is off.
// This check is not part of parse_article_date: query dates and stored documents are not
// judged against the clock.

// The latest date an article indexed on `today` may carry: the same day a year later
// (29 February becomes 28 February; capped at kMaxYear-12-31).
Date latest_plausible_date(const Date& today);

// Today's date in the local time zone (localtime), from the system clock: what a person
// typing "today" or "last week" means.
Date today_local();

// Today's date in UTC, from the system clock.
Date today_utc();

}  // namespace newsarchive
