// Plain-text article parsing; the format is described in text_article.h.
#include "text_article.h"

#include <cctype>
#include <vector>

#include "headline.h"
#include "text_cleanup.h"

namespace newsarchive {
namespace {

constexpr std::string_view kHeadlineMarker = "Originally published as ";

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

size_t count_words(std::string_view line) {
  size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool starts_with_date_label(std::string_view line) {
  std::string first;
  for (char c : line) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == ':') break;
    first.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return first == "date" || first == "dated";
}

// Joins the lines of each blank-line-separated paragraph with single spaces.
std::vector<std::string> paragraphs_of(const std::vector<std::string_view>& lines, size_t from) {
  std::vector<std::string> paragraphs;
  std::string current;
  for (size_t i = from; i < lines.size(); ++i) {
    std::string_view line = trim(lines[i]);
    if (line.empty()) {
      if (!current.empty()) paragraphs.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (!current.empty()) current.push_back(' ');
    current.append(line);
  }
  if (!current.empty()) paragraphs.push_back(std::move(current));
  return paragraphs;
}

}  // namespace

void parse_text_article(std::string_view content, const std::string& id,
                        const SourceLocation& where, ArticleSink& sink) {
  if (size_t nul = content.find('\0'); nul != std::string_view::npos)
    return sink.skip(where, "binary file (NUL byte at offset " + std::to_string(nul) + ")");

  std::string repaired;
  if (!is_valid_utf8(content)) {
    sink.warn(where, "invalid UTF-8; bytes read as Windows-1252");
    repaired = transcode_invalid_utf8(content);
    content = repaired;
  }
  std::string text = strip_control_characters(content);
  // Empty means nothing but whitespace once a byte-order mark and control characters are gone.
  if (trim(text).empty()) return sink.skip(where, "empty file");
  std::vector<std::string_view> lines = split_lines(text);

  size_t first = 0;
  while (first < lines.size() && trim(lines[first]).empty()) ++first;
  Article article;
  article.id = id;
  size_t body_start = first;
  std::string_view dateline = first < lines.size() ? trim(lines[first]) : std::string_view();
  if (count_words(dateline) <= kMaxDatelineWords) article.date = parse_article_date(dateline);
  if (article.date) {
    body_start = first + 1;
  } else if (starts_with_date_label(dateline)) {
    body_start = first + 1;
    sink.warn(where, "no valid date in dateline '" + std::string(dateline) + "'; indexed undated");
  } else {
    sink.warn(where, "no dateline; indexed undated");
  }

  std::vector<std::string> paragraphs = paragraphs_of(lines, body_start);
  if (!paragraphs.empty() && paragraphs.back().starts_with(kHeadlineMarker)) {
    article.title = trim(std::string_view(paragraphs.back()).substr(kHeadlineMarker.size()));
    paragraphs.pop_back();
  }
  for (const std::string& paragraph : paragraphs) {
    if (!article.body.empty()) article.body += "\n\n";
    article.body += paragraph;
  }
  if (article.body.empty() && article.title.empty()) return sink.skip(where, "no article text");
  if (article.title.empty()) article.title = first_sentence(article.body);
  sink.accept(std::move(article), where);
}

}  // namespace newsarchive
