// Date lines; see date_line.h.
#include "ingest/date_line.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace newsarchive {
namespace {

// Words split on whitespace and commas, as the date parser splits them.
std::vector<std::string_view> words_of(std::string_view line) {
  std::vector<std::string_view> words;
  size_t i = 0;
  auto separator = [](char c) { return std::isspace(static_cast<unsigned char>(c)) || c == ','; };
  while (i < line.size()) {
    while (i < line.size() && separator(line[i])) ++i;
    size_t start = i;
    while (i < line.size() && !separator(line[i])) ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
  return words;
}

std::string lower_letters(std::string_view word) {
  std::string lower;
  for (char c : word)
    if (std::isalpha(static_cast<unsigned char>(c)))
      lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return lower;
}

// Words that go with a date without being part of it: labels, weekdays, times, zones.
bool accompanies_date(std::string_view word) {
  static constexpr std::array<std::string_view, 30> kWords = {
      "date",    "dated",     "published", "posted", "updated",  "on",     "at",  "monday",
      "tuesday", "wednesday", "thursday",  "friday", "saturday", "sunday", "mon", "tue",
      "tues",    "wed",       "thu",       "thurs",  "fri",      "sat",    "sun", "gmt",
      "utc",     "bst",       "est",       "edt",    "am",       "pm"};
  bool has_digit = std::any_of(word.begin(), word.end(),
                               [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  if (has_digit && word.find(':') != std::string_view::npos) return true;  // 10:32, 10:32am
  if (word == "|" || word == "-" || word == "—" || word == "–") return true;
  std::string lower = lower_letters(word);
  if (lower.empty()) return false;
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

bool starts_with_label(std::string_view word) {
  if (word.ends_with(':')) word.remove_suffix(1);
  std::string lower = lower_letters(word);
  return lower.size() == word.size() && (lower == "date" || lower == "dated");
}

// The text spanning words [first, first + count).
std::string_view span(std::string_view line, const std::vector<std::string_view>& words,
                      size_t first, size_t count) {
  const char* begin = words[first].data();
  const char* end = words[first + count - 1].data() + words[first + count - 1].size();
  return line.substr(static_cast<size_t>(begin - line.data()), static_cast<size_t>(end - begin));
}

// Where the date is among `words`: a one-word numeric date or a three-word worded one.
struct DateSpan {
  size_t first = 0;
  size_t count = 0;
};

std::optional<DateSpan> find_date(std::string_view line,
                                  const std::vector<std::string_view>& words) {
  for (size_t count : {size_t{1}, size_t{3}}) {
    for (size_t first = 0; first + count <= words.size(); ++first) {
      std::string_view text = span(line, words, first, count);
      if (parse_article_date(text) || has_date_shape(text)) return DateSpan{first, count};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<DateLine> read_date_line(std::string_view line) {
  std::vector<std::string_view> words = words_of(line);
  if (words.empty() || words.size() > kMaxDateLineWords) return std::nullopt;
  std::optional<DateSpan> date = find_date(line, words);
  // "Date: none given": labelled as the date line, but the date in it is broken or missing.
  if (!date)
    return starts_with_label(words[0]) ? std::optional<DateLine>(DateLine{}) : std::nullopt;
  size_t date_words = date->count;
  size_t other_words = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i >= date->first && i < date->first + date->count) continue;
    if (accompanies_date(words[i]))
      ++date_words;
    else
      ++other_words;
  }
  if (date_words <= other_words) return std::nullopt;
  return DateLine{parse_article_date(span(line, words, date->first, date->count))};
}

}  // namespace newsarchive
