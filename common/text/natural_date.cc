// Natural dates relative to a given today; see natural_date.h for the forms and their meaning.
#include "text/natural_date.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <vector>

#include "text/ascii.h"

namespace newsarchive {
namespace {

namespace chrono = std::chrono;

chrono::sys_days to_days(const Date& date) {
  return chrono::sys_days{chrono::year{date.year} /
                          chrono::month{static_cast<unsigned>(date.month)} /
                          chrono::day{static_cast<unsigned>(date.day)}};
}

// The date `days` after `date` (before it when negative), or nullopt outside the year range.
std::optional<Date> add_days(const Date& date, long days) {
  chrono::year_month_day shifted{to_days(date) + chrono::days{days}};
  return make_date(static_cast<int>(shifted.year()),
                   static_cast<int>(static_cast<unsigned>(shifted.month())),
                   static_cast<int>(static_cast<unsigned>(shifted.day())));
}

std::optional<DatePeriod> one_day(const std::optional<Date>& day) {
  if (!day) return std::nullopt;
  return DatePeriod{*day, *day};
}

std::optional<DatePeriod> whole_month(long year, long month) {
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  int y = static_cast<int>(year);
  int m = static_cast<int>(month);
  return DatePeriod{Date{y, m, 1}, Date{y, m, days_in_month(y, m)}};
}

std::optional<DatePeriod> whole_year(long year) {
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  int y = static_cast<int>(year);
  return DatePeriod{Date{y, 1, 1}, Date{y, 12, 31}};
}

bool all_digits(std::string_view word) {
  return std::all_of(word.begin(), word.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Counts in "N days ago": digits only (no sign), at most six, which already reach past kMinYear
// in days.
std::optional<long> count(std::string_view word) {
  if (word.empty() || word.size() > 6 || !all_digits(word)) return std::nullopt;
  long value = 0;
  auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
  if (error != std::errc() || end != word.data() + word.size()) return std::nullopt;
  return value;
}

// The same day of the month `months` months before `today`, or that month's last day.
std::optional<DatePeriod> months_ago(const Date& today, long months) {
  long index = today.year * 12L + (today.month - 1) - months;
  long year = index / 12;
  int month = static_cast<int>(index % 12) + 1;
  if (year < kMinYear) return std::nullopt;
  int y = static_cast<int>(year);
  return one_day(make_date(y, month, std::min(today.day, days_in_month(y, month))));
}

// "N days ago" and the other units; `unit` may be singular or plural.
std::optional<DatePeriod> units_ago(const Date& today, long n, std::string_view unit) {
  if (unit.ends_with('s')) unit.remove_suffix(1);
  if (unit == "day") return one_day(add_days(today, -n));
  if (unit == "week") return one_day(add_days(today, -7 * n));
  if (unit == "month") return months_ago(today, n);
  if (unit == "year") return months_ago(today, 12 * n);
  return std::nullopt;
}

// The ISO week (Monday to Sunday) `weeks_back` weeks before the one holding today.
std::optional<DatePeriod> iso_week(const Date& today, int weeks_back) {
  unsigned weekday = chrono::weekday{to_days(today)}.iso_encoding();  // Monday 1 .. Sunday 7
  long monday_offset = -static_cast<long>(weekday - 1) - 7L * weeks_back;
  auto monday = add_days(today, monday_offset);
  auto sunday = add_days(today, monday_offset + 6);
  if (!monday || !sunday) return std::nullopt;
  return DatePeriod{*monday, *sunday};
}

// "this week", "last month" and so on: the calendar period holding today, or the one before.
std::optional<DatePeriod> calendar_period(const Date& today, std::string_view which,
                                          std::string_view unit) {
  int back = which == "this" ? 0 : which == "last" ? 1 : -1;
  if (back < 0) return std::nullopt;
  if (unit == "week") return iso_week(today, back);
  if (unit == "month") {
    auto day = months_ago(today, back);
    if (!day) return std::nullopt;
    return whole_month(day->first.year, day->first.month);
  }
  if (unit == "year") return whole_year(today.year - back);
  return std::nullopt;
}

std::optional<long> four_digit_year(std::string_view word) {
  if (word.size() != 4) return std::nullopt;
  return count(word);
}

// "march 2020" or "2020 march".
std::optional<DatePeriod> named_month_of_year(std::string_view first, std::string_view second) {
  auto month = month_from_name(first);
  auto year = four_digit_year(second);
  if (!month || !year) {
    month = month_from_name(second);
    year = four_digit_year(first);
  }
  if (!month || !year) return std::nullopt;
  return whole_month(*year, *month);
}

// The latest `month` that begins on or before `limit`.
std::optional<DatePeriod> latest_month_by(int month, const Date& limit) {
  return whole_month(month <= limit.month ? limit.year : limit.year - 1L, month);
}

// The earliest `month` that begins on or after the first of the month holding `start`.
std::optional<DatePeriod> earliest_month_from(int month, const Date& start) {
  return whole_month(month >= start.month ? start.year : start.year + 1L, month);
}

std::vector<std::string> lower_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!word.empty()) words.push_back(ascii_lower(word));
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) words.push_back(ascii_lower(word));
  return words;
}

// A single word that is a month name alone, which a range resolves against its other end.
std::optional<int> bare_month(std::string_view text) {
  std::vector<std::string> words = lower_words(text);
  if (words.size() != 1) return std::nullopt;
  return month_from_name(words[0]);
}

}  // namespace

std::optional<DatePeriod> parse_natural_date(std::string_view text, const Date& today) {
  std::vector<std::string> words = lower_words(text);
  if (words.size() == 1) {
    if (auto exact = parse_date_period(words[0])) return exact;
    if (words[0] == "today") return one_day(today);
    if (words[0] == "yesterday") return one_day(add_days(today, -1));
    if (auto month = month_from_name(words[0])) return latest_month_by(*month, today);
    return std::nullopt;
  }
  if (words.size() == 2) {
    if (auto period = calendar_period(today, words[0], words[1])) return period;
    return named_month_of_year(words[0], words[1]);
  }
  if (words.size() != 3 || words[2] != "ago") return std::nullopt;
  auto n = count(words[0]);
  if (!n) return std::nullopt;
  return units_ago(today, *n, words[1]);
}

DateRangeParse parse_date_range(std::string_view text, const Date& today) {
  size_t dots = text.find("..");
  if (dots == std::string_view::npos) {
    auto period = parse_natural_date(text, today);
    if (!period) return {std::nullopt, std::string(text)};
    return {DateRange{period, period}, ""};
  }
  std::string_view low = trim_ascii_space(text.substr(0, dots));
  std::string_view high = trim_ascii_space(text.substr(dots + 2));
  DateRange range;
  // A lone month name at one end is resolved against the other end when that one is a date.
  std::optional<int> low_month = high.empty() ? std::nullopt : bare_month(low);
  std::optional<int> high_month = low.empty() ? std::nullopt : bare_month(high);
  if (!low.empty() && !(low_month && !high_month)) {
    range.from = parse_natural_date(low, today);
    if (!range.from) return {std::nullopt, std::string(low)};
  }
  if (!high.empty()) {
    range.to = high_month && range.from ? earliest_month_from(*high_month, range.from->first)
                                        : parse_natural_date(high, today);
    if (!range.to) return {std::nullopt, std::string(high)};
  }
  if (low_month && !high_month) {
    range.from = latest_month_by(*low_month, range.to->first);
    if (!range.from) return {std::nullopt, std::string(low)};
  }
  return {range, ""};
}

}  // namespace newsarchive
