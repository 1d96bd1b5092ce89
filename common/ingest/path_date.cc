// Dates in paths; see path_date.h.
#include "ingest/path_date.h"

#include <cctype>

namespace newsarchive {
namespace {

bool is_digit_at(std::string_view text, size_t i) {
  return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]));
}

// The number in text[at, at + width), all digits; -1 otherwise.
int number_at(std::string_view text, size_t at, size_t width) {
  if (at + width > text.size()) return -1;
  int value = 0;
  for (size_t i = at; i < at + width; ++i) {
    if (!is_digit_at(text, i)) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool is_separator(char c) {
  return c == '/' || c == '-' || c == '_' || c == '.';
}

// "YYYY?MM?DD" starting at `at`, with one separator kind used twice.
std::optional<Date> separated_date_at(std::string_view path, size_t at) {
  if (at + 10 > path.size()) return std::nullopt;
  char separator = path[at + 4];
  if (!is_separator(separator) || path[at + 7] != separator) return std::nullopt;
  int year = number_at(path, at, 4);
  int month = number_at(path, at + 5, 2);
  int day = number_at(path, at + 8, 2);
  if (year < 0 || month < 0 || day < 0 || is_digit_at(path, at + 10)) return std::nullopt;
  return make_date(year, month, day);
}

// "YYYYMMDD" starting at `at`, not followed by a digit, year 1900–2099.
std::optional<Date> compact_date_at(std::string_view path, size_t at) {
  if (is_digit_at(path, at + 8)) return std::nullopt;
  int year = number_at(path, at, 4);
  if (year < 1900 || year > 2099) return std::nullopt;
  int month = number_at(path, at + 4, 2);
  int day = number_at(path, at + 6, 2);
  if (month < 0 || day < 0) return std::nullopt;
  return make_date(year, month, day);
}

}  // namespace

std::optional<Date> date_from_path(std::string_view path) {
  // Right to left, so the date nearest the file name wins; a candidate must start a digit run.
  for (size_t at = path.size(); at-- > 0;) {
    if (!is_digit_at(path, at) || (at > 0 && is_digit_at(path, at - 1))) continue;
    if (auto date = separated_date_at(path, at)) return date;
    if (auto date = compact_date_at(path, at)) return date;
  }
  return std::nullopt;
}

}  // namespace newsarchive
