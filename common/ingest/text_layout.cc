// Plain-text layouts; see text_layout.h.
//
// The text is walked line by line as views into the caller's copy, and the body is built through
// a capped joiner, so a huge file (50 MB, or millions of blank lines) costs the capped body, never
// a vector of every line or a full copy of every paragraph.
#include "ingest/text_layout.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "ingest/date_line.h"
#include "ingest/text_lines.h"
#include "text/ascii.h"
#include "text/headline.h"
#include "text/text_cleanup.h"

namespace newsarchive {
namespace {

constexpr std::string_view kHeadlineMarker = "Originally published as ";

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

// --- Header blocks ----------------------------------------------------------------------------

enum class HeaderField { kTitle, kDate, kAuthor, kSource, kUrl, kOther };

HeaderField field_of(std::string_view key) {
  std::string name = ascii_lower(key);
  if (name == "title" || name == "headline") return HeaderField::kTitle;
  if (name == "date" || name == "dated" || name == "published" || name == "publication date" ||
      name == "pubdate")
    return HeaderField::kDate;
  if (name == "by" || name == "author" || name == "authors" || name == "byline")
    return HeaderField::kAuthor;
  if (name == "source" || name == "publisher" || name == "publication") return HeaderField::kSource;
  if (name == "url" || name == "link") return HeaderField::kUrl;
  return HeaderField::kOther;
}

struct HeaderLine {
  std::string_view key;
  std::string_view value;
};

// "Key: value" with a key of letters, spaces, '_' and '-' (at most 30); nullopt otherwise.
std::optional<HeaderLine> header_line(std::string_view line) {
  line = trim_view(line);
  size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon > 30) return std::nullopt;
  std::string_view key = line.substr(0, colon);
  if (!std::isalpha(static_cast<unsigned char>(key[0]))) return std::nullopt;
  for (char c : key)
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != ' ' && c != '_' && c != '-')
      return std::nullopt;
  return HeaderLine{key, trim_view(line.substr(colon + 1))};
}

// A YAML scalar without its quotes.
std::string_view unquote(std::string_view value) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front())
    return value.substr(1, value.size() - 2);
  return value;
}

void apply_header(const HeaderLine& header, DraftArticle& draft,
                  std::vector<std::string>& warnings) {
  std::string_view value = unquote(header.value);
  if (value.empty()) return;
  switch (field_of(header.key)) {
    case HeaderField::kTitle:
      if (draft.title.empty()) draft.title = cut_text(value, kMaxFieldBytes);
      return;
    case HeaderField::kDate:
      if (draft.date) return;
      draft.date = parse_article_date(value);
      if (draft.date)
        draft.date_from = "header";
      else
        warnings.push_back("no valid date in header '" + excerpt(value) + "'");
      return;
    case HeaderField::kAuthor:
      if (draft.author.empty()) draft.author = cut_text(value, kMaxFieldBytes);
      return;
    case HeaderField::kSource:
      if (draft.source.empty()) draft.source = cut_text(value, kMaxFieldBytes);
      return;
    case HeaderField::kUrl:
      if (draft.url.empty()) draft.url = cut_text(value, kMaxFieldBytes);
      return;
    case HeaderField::kOther:
      return;
  }
}

constexpr size_t kMaxFrontMatterLines = 200;

// YAML front matter at the cursor ("---" ... "---"): read into `draft` and passed, true; false
// (cursor unmoved) when the block is not closed within kMaxFrontMatterLines.
bool read_front_matter(TextCursor& cursor, DraftArticle& draft,
                       std::vector<std::string>& warnings) {
  if (trim_view(cursor.line()) != "---") return false;
  TextCursor scan = cursor;
  scan.next_line();
  std::vector<HeaderLine> headers;
  for (size_t n = 0; n < kMaxFrontMatterLines && !scan.at_end(); ++n, scan.next_line()) {
    std::string_view line = trim_view(scan.line());
    if (line == "---" || line == "...") {
      scan.next_line();
      for (const HeaderLine& header : headers) apply_header(header, draft, warnings);
      cursor = scan;
      return true;
    }
    if (auto header = header_line(line)) headers.push_back(*header);
  }
  return false;
}

// The header block at the cursor: consecutive "Key: value" lines with at least one known key,
// and at least one that is not the date (a lone "Date: ..." line is a dateline). Counts lines.
size_t header_block_lines(TextCursor scan) {
  size_t lines = 0;
  bool known = false;
  bool beyond_date = false;
  for (; !scan.at_end() && !is_blank_line(scan.line()); scan.next_line(), ++lines) {
    auto header = header_line(scan.line());
    if (!header) return 0;
    HeaderField field = field_of(header->key);
    known = known || field != HeaderField::kOther;
    beyond_date = beyond_date || (field != HeaderField::kOther && field != HeaderField::kDate);
  }
  return known && beyond_date ? lines : 0;
}

bool read_header_block(TextCursor& cursor, DraftArticle& draft,
                       std::vector<std::string>& warnings) {
  size_t lines = header_block_lines(cursor);
  if (lines == 0) return false;
  for (size_t i = 0; i < lines; ++i, cursor.next_line())
    apply_header(*header_line(cursor.line()), draft, warnings);
  return true;
}

// --- Headlines, bylines, datelines -------------------------------------------------------------

bool reads_as_headline(std::string_view line) {
  line = trim_view(line);
  if (line.empty() || line.size() > 300 || count_words(line) > kMaxHeadlineWords) return false;
  while (!line.empty() && (line.back() == '"' || line.back() == '\'' || line.back() == ')'))
    line.remove_suffix(1);
  if (line.empty()) return false;
  char last = line.back();
  return last != '.' && last != ',' && last != ';' && last != ':';
}

// True when `line` starts a paragraph of running text (a capital, digit or opening quote first)
// and ends a sentence: a whole paragraph on one line, as archives that keep one paragraph per
// line write them.
bool is_paragraph_line(std::string_view line) {
  line = trim_view(line);
  if (line.empty()) return false;
  unsigned char first = static_cast<unsigned char>(line.front());
  bool opens = is_upper(line.front()) || (first >= '0' && first <= '9') || first == '"' ||
               first == '\'' || first >= 0x80;
  if (!opens) return false;
  while (!line.empty() && (line.back() == '"' || line.back() == '\'' || line.back() == ')'))
    line.remove_suffix(1);
  if (line.ends_with("\xE2\x80\x9D")) line.remove_suffix(3);  // ”
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?');
}

// Where the body starts when the line at the cursor is a headline, nullopt when it is not. A
// headline is a line that reads as one, followed either by a blank line and more text, or
// directly by a paragraph on one line that is longer than it ("Howard hits back at Blair" then
// "Tony Blair has been accused ... on tax."). A line of hard-wrapped text is followed by its
// continuation, which neither ends a sentence nor is much longer, so it is not taken for one.
std::optional<TextCursor> body_after_headline(const TextCursor& cursor) {
  std::string_view line = trim_view(cursor.line());
  if (!reads_as_headline(line)) return std::nullopt;
  TextCursor after = cursor;
  after.next_line();
  if (after.at_end()) return std::nullopt;
  if (is_blank_line(after.line())) {
    after.skip_blank_lines();
    if (after.at_end()) return std::nullopt;
    return after;
  }
  std::string_view next = trim_view(after.line());
  if (is_paragraph_line(next) && next.size() > line.size() + line.size() / 2) return after;
  return std::nullopt;
}

// "By Jane Doe", "BY JANE DOE, Political Editor": the author's name; nullopt for other lines.
std::optional<std::string> byline_author(std::string_view line) {
  line = trim_view(line);
  if (line.size() < 4 || ascii_lower(line.substr(0, 3)) != "by " || count_words(line) > 10)
    return std::nullopt;
  std::string_view name = trim_view(line.substr(3));
  for (std::string_view stop : {",", " - ", " | ", " — ", " – "})
    if (size_t at = name.find(stop); at != std::string_view::npos) name = name.substr(0, at);
  name = trim_view(name);
  if (name.empty() || !is_upper(name[0])) return std::nullopt;
  return std::string(name);
}

// A dateline opening the first paragraph: PLACE [, date words] [(Source)] -.
struct Dateline {
  std::string place;
  std::string source;
  size_t length = 0;  // bytes of the paragraph it takes, separator and space included
};

std::string title_case(std::string_view caps) {
  std::string out;
  bool start = true;
  for (char c : caps) {
    out.push_back(start ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    start = c == ' ' || c == '-';
  }
  return out;
}

// The capitalised place words at the start: up to four words of capitals, '.', '\'' and '-'.
size_t place_length(std::string_view text) {
  size_t end = 0;
  size_t words = 0;
  size_t letters = 0;
  size_t i = 0;
  while (i < text.size() && words < 4) {
    size_t start = i;
    while (i < text.size() && (is_upper(text[i]) || text[i] == '.' || text[i] == '\'' ||
                               (text[i] == '-' && i > start)))
      letters += is_upper(text[i++]) ? 1 : 0;
    if (i == start) break;
    ++words;
    end = i;
    if (i + 1 < text.size() && text[i] == ' ' && is_upper(text[i + 1]))
      ++i;
    else
      break;
  }
  return letters >= 2 ? end : 0;
}

std::optional<Dateline> read_dateline(std::string_view paragraph) {
  size_t place = place_length(paragraph);
  if (place == 0) return std::nullopt;
  Dateline dateline;
  dateline.place = title_case(paragraph.substr(0, place));
  std::string_view rest = paragraph.substr(place);
  if (rest.starts_with(",")) {  // ", March 3" or ", Calif.": up to the separator
    size_t dash = rest.find(" - ");
    size_t paren = rest.find(" (");
    size_t end = std::min(dash, paren);
    if (end == std::string_view::npos || end > 40) return std::nullopt;
    rest = rest.substr(end);
  }
  if (rest.starts_with(" (")) {
    size_t close = rest.find(')');
    if (close == std::string_view::npos || close > 40) return std::nullopt;
    dateline.source = std::string(rest.substr(2, close - 2));
    rest = rest.substr(close + 1);
  }
  for (std::string_view dash : {" - ", " -- ", " — ", " – "}) {
    if (rest.starts_with(dash)) {
      dateline.length = paragraph.size() - rest.size() + dash.size();
      return dateline;
    }
  }
  return std::nullopt;
}

// --- The body ------------------------------------------------------------------------------------

// The first line at the cursor, when it is the date line; reports broken dates.
bool take_date_line(TextCursor& cursor, DraftArticle& draft, std::vector<std::string>& warnings) {
  std::optional<DateLine> line = read_date_line(cursor.line());
  if (!line) return false;
  if (line->date) {
    draft.date = line->date;
    draft.date_from = "dateline";
  } else {
    warnings.push_back("no valid date in dateline '" + excerpt(trim_view(cursor.line())) + "'");
  }
  cursor.next_line();
  return true;
}

// Bylines, date lines and a headline paragraph between the layout's head and the body text.
void read_body_top(TextCursor& cursor, bool headline_allowed, DraftArticle& draft,
                   std::vector<std::string>& warnings) {
  for (int round = 0; round < 3; ++round) {
    cursor.skip_blank_lines();
    if (cursor.at_end()) return;
    if (draft.author.empty()) {
      if (auto author = byline_author(cursor.line())) {
        draft.author = *author;
        cursor.next_line();
        continue;
      }
    }
    if (!draft.date && take_date_line(cursor, draft, warnings)) continue;
    if (headline_allowed && draft.title.empty()) {
      if (std::optional<TextCursor> body = body_after_headline(cursor)) {
        draft.title = std::string(trim_view(cursor.line()));
        cursor = *body;
        continue;
      }
    }
    return;
  }
}

// The layout of the text at the cursor.
TextLayout detect_layout(const TextCursor& cursor) {
  std::string_view line = trim_view(cursor.line());
  if (line == "---" || header_block_lines(cursor) > 0) return TextLayout::kHeaders;
  if (read_date_line(line)) return TextLayout::kDateline;
  if (!byline_author(line) && body_after_headline(cursor)) return TextLayout::kHeadline;
  return TextLayout::kAuto;  // no layout: the whole text is body
}

const char* layout_name(TextLayout layout) {
  switch (layout) {
    case TextLayout::kDateline:
      return "dateline";
    case TextLayout::kHeadline:
      return "headline";
    case TextLayout::kHeaders:
      return "headers";
    case TextLayout::kAuto:
      break;
  }
  return "body";
}

// Reads the layout's head; returns whether a headline paragraph may still follow.
bool read_head(TextCursor& cursor, TextLayout layout, DraftArticle& draft,
               std::vector<std::string>& warnings) {
  switch (layout) {
    case TextLayout::kHeaders:
      if (!read_front_matter(cursor, draft, warnings) &&
          !read_header_block(cursor, draft, warnings))
        warnings.push_back("no header block");
      return true;
    case TextLayout::kDateline:
      if (!take_date_line(cursor, draft, warnings)) warnings.push_back("no date line");
      return true;
    case TextLayout::kHeadline:
      draft.title = cut_text(trim_view(cursor.line()), kMaxFieldBytes);
      cursor.next_line();
      return false;
    case TextLayout::kAuto:
      break;
  }
  return false;
}

// The headline a last paragraph "Originally published as ..." gives, and where it starts.
struct MarkedHeadline {
  std::string title;
  size_t start = std::string_view::npos;
};

MarkedHeadline marked_headline(std::string_view text, size_t from,
                               std::vector<std::string>& warnings) {
  size_t last = last_paragraph_start(text, from);
  if (last == std::string_view::npos) return {};
  ParagraphJoiner paragraph(kHeadlineMarker.size() + kMaxFieldBytes);
  TextCursor lines(text, last);
  for (; !lines.at_end() && !is_blank_line(lines.line()); lines.next_line())
    paragraph.add_line(lines.line());
  if (!paragraph.kept().starts_with(kHeadlineMarker)) return {};
  std::string_view kept = paragraph.kept();
  std::string_view title = trim_view(kept.substr(kHeadlineMarker.size()));
  // Joined lines are trimmed, so only the marker and spaces after it precede the title.
  size_t full_title = paragraph.full_bytes() - static_cast<size_t>(title.data() - kept.data());
  if (full_title > kMaxFieldBytes) {
    warnings.push_back(cut_warning("title", full_title, kMaxFieldBytes));
    title = cut_text(title, kMaxFieldBytes);
  }
  return MarkedHeadline{std::string(title), last};
}

}  // namespace

std::optional<TextLayout> parse_text_layout(std::string_view name) {
  if (name == "auto") return TextLayout::kAuto;
  if (name == "dateline") return TextLayout::kDateline;
  if (name == "headline") return TextLayout::kHeadline;
  if (name == "headers") return TextLayout::kHeaders;
  return std::nullopt;
}

DraftArticle read_text_layout(std::string_view text, TextLayout layout,
                              std::vector<std::string>& warnings) {
  DraftArticle draft;
  draft.format = "text";
  TextCursor cursor(text, 0);
  cursor.skip_blank_lines();
  if (cursor.at_end()) return draft;
  if (layout == TextLayout::kAuto) layout = detect_layout(cursor);
  draft.layout = layout_name(layout);
  bool headline_allowed = read_head(cursor, layout, draft, warnings);
  read_body_top(cursor, headline_allowed, draft, warnings);

  size_t body_start = cursor.position();
  size_t body_end = text.size();
  MarkedHeadline marked = marked_headline(text, body_start, warnings);
  if (marked.start != std::string_view::npos) {
    body_end = marked.start;
    if (draft.title.empty()) draft.title = std::move(marked.title);
  }
  ParagraphJoiner body(kMaxBodyBytes);
  for (TextCursor lines(text.substr(0, body_end), body_start); !lines.at_end(); lines.next_line())
    body.add_line(lines.line());
  if (body.full_bytes() > kMaxBodyBytes)
    warnings.push_back(cut_warning("body", body.full_bytes(), kMaxBodyBytes));
  draft.body = body.take();

  std::string_view first_paragraph =
      std::string_view(draft.body).substr(0, draft.body.find("\n\n"));
  if (auto dateline = read_dateline(first_paragraph)) {
    draft.place = dateline->place;
    if (draft.source.empty()) draft.source = dateline->source;
    if (draft.title.empty()) {
      draft.title = first_sentence(std::string_view(draft.body).substr(dateline->length));
      draft.title_from_body = !draft.title.empty();
    }
  }
  return draft;
}

}  // namespace newsarchive
