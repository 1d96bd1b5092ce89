// Date parsing and encoding; see date.h for the accepted forms.
#include "text/date.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <vector>

namespace newsarchive {
namespace {

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// Parses exactly `width` ASCII digits at the start of `text`.
std::optional<int> take_digits(std::string_view text, size_t width) {
  if (text.size() < width) return std::nullopt;
  int value = 0;
  for (size_t i = 0; i < width; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// Month names and their usual abbreviations; index + 1 is the month number.
constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

std::optional<int> whole_number(std::string_view word) {
  if (word.empty() || word.size() > 4) return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
  if (error != std::errc() || end != word.data() + word.size()) return std::nullopt;
  return value;
}

// Year, month and day as written, before checking that the day exists.
struct DateParts {
  int year = 0;
  int month = 0;
  int day = 0;
};

// "2020-01-06" or "2020/01/06", optionally followed by a time ("T10:00:00Z", " 15:01:01").
std::optional<DateParts> numeric_date_parts(std::string_view token) {
  auto year = take_digits(token, 4);
  if (!year || token.size() < 10) return std::nullopt;
  char separator = token[4];
  if (separator != '-' && separator != '/') return std::nullopt;
  auto month = take_digits(token.substr(5), 2);
  if (!month || token[7] != separator) return std::nullopt;
  auto day = take_digits(token.substr(8), 2);
  if (!day) return std::nullopt;
  if (token.size() > 10 && std::isdigit(static_cast<unsigned char>(token[10]))) return std::nullopt;
  return DateParts{*year, *month, *day};
}

std::optional<Date> parse_numeric_date(std::string_view token) {
  auto parts = numeric_date_parts(token);
  if (!parts) return std::nullopt;
  return make_date(parts->year, parts->month, parts->day);
}

// Splits on whitespace and commas, keeping words such as "Jan." or "6th".
std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (std::isspace(static_cast<unsigned char>(text[i])) || text[i] == ','))
      ++i;
    size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) && text[i] != ',')
      ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

std::optional<int> day_number(std::string_view word) {
  // Accept ordinal suffixes: 1st, 2nd, 3rd, 6th.
  while (!word.empty() && std::isalpha(static_cast<unsigned char>(word.back())))
    word.remove_suffix(1);
  if (word.empty() || word.size() > 2) return std::nullopt;
  return whole_number(word);
}

// "6 January 2020" or "January 6, 2020" (commas already split away): the first day, month name
// and four-digit year in either order, whether or not that day exists.
std::optional<DateParts> worded_date_parts(const std::vector<std::string_view>& words) {
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    if (auto month = month_from_name(words[i + 1])) {
      auto day = day_number(words[i]);
      auto year = words[i + 2].size() == 4 ? whole_number(words[i + 2]) : std::nullopt;
      if (day && year) return DateParts{*year, *month, *day};
    }
    if (auto month = month_from_name(words[i])) {
      auto day = day_number(words[i + 1]);
      auto year = words[i + 2].size() == 4 ? whole_number(words[i + 2]) : std::nullopt;
      if (day && year) return DateParts{*year, *month, *day};
    }
  }
  return std::nullopt;
}

std::optional<Date> parse_worded_date(const std::vector<std::string_view>& words) {
  auto parts = worded_date_parts(words);
  if (!parts) return std::nullopt;
  return make_date(parts->year, parts->month, parts->day);
}

}  // namespace

std::optional<int> month_from_name(std::string_view word) {
  std::string lower;
  for (char c : word) {
    if (c == '.') continue;
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (lower.size() < 3) return std::nullopt;
  for (size_t i = 0; i < kMonthNames.size(); ++i) {
    std::string_view name = kMonthNames[i];
    if (lower == name) return static_cast<int>(i) + 1;
    // Three-letter abbreviations, plus "sept".
    if ((lower.size() == 3 || (lower == "sept" && i == 8)) && name.substr(0, lower.size()) == lower)
      return static_cast<int>(i) + 1;
  }
  return std::nullopt;
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap(year) ? 29 : kDays[static_cast<size_t>(month - 1)];
}

std::optional<Date> make_date(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  if (month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return Date{year, month, day};
}

std::string Date::iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::string Date::slot_key() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", year, month, day);
  return buffer;
}

std::optional<DatePeriod> parse_date_period(std::string_view text) {
  auto year = take_digits(text, 4);
  if (!year) return std::nullopt;
  if (text.size() == 4) {
    auto first = make_date(*year, 1, 1);
    auto last = make_date(*year, 12, 31);
    if (!first || !last) return std::nullopt;
    return DatePeriod{*first, *last};
  }
  if (text.size() == 7 && text[4] == '-') {
    auto month = take_digits(text.substr(5), 2);
    if (!month) return std::nullopt;
    auto first = make_date(*year, *month, 1);
    if (!first) return std::nullopt;
    return DatePeriod{*first, Date{*year, *month, days_in_month(*year, *month)}};
  }
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    auto day = parse_numeric_date(text);
    if (!day) return std::nullopt;
    return DatePeriod{*day, *day};
  }
  return std::nullopt;
}

std::optional<Date> parse_article_date(std::string_view text) {
  auto words = split_words(text);
  for (std::string_view word : words) {
    if (auto date = parse_numeric_date(word)) return date;
  }
  return parse_worded_date(words);
}

bool has_date_shape(std::string_view text) {
  auto words = split_words(text);
  for (std::string_view word : words)
    if (numeric_date_parts(word)) return true;
  return worded_date_parts(words).has_value();
}

Date latest_plausible_date(const Date& today) {
  int year = today.year + 1;
  if (year > kMaxYear) return Date{kMaxYear, 12, 31};
  int day = std::min(today.day, days_in_month(year, today.month));
  return Date{year, today.month, day};
}

Date today_local() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

Date today_utc() {
  using namespace std::chrono;
  year_month_day today{floor<days>(system_clock::now())};
  return Date{static_cast<int>(today.year()),
              static_cast<int>(static_cast<unsigned>(today.month())),
              static_cast<int>(static_cast<unsigned>(today.day()))};
}

}  // namespace newsarchive
