// The layouts plain-text articles come in, detected per file:
//
//   dateline   a first line that is a date line (date_line.h): "date 2020-01-06 advertisement",
//              "Monday, 6 January 2020"; then the body
//   headers    a header block: "Title:"/"Headline:", "Date:", "By:"/"Author:", "Source:",
//              "URL:" lines (any case), or YAML front matter between "---" lines; then the body
//   headline   a first line that reads as a headline (short, not ending like a sentence) followed
//              by a blank line; then optionally a date line; then the body
//   body       none of these: the whole text is body
//
// In every layout, at the top of the body, a byline ("By Jane Doe") is taken as the author and
// removed from the body, and a dateline ("LONDON (Reuters) -", "WASHINGTON, Jan 6 -") gives the
// place (and the source, when in parentheses) and is left out of a derived headline; a first
// short headline-like paragraph after a dateline or header block without a title is the
// headline; a last paragraph "Originally published as <headline>" gives the headline.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/draft_article.h"

namespace newsarchive {

enum class TextLayout { kAuto, kDateline, kHeadline, kHeaders };

// "auto", "dateline", "headline", "headers"; nullopt for anything else.
std::optional<TextLayout> parse_text_layout(std::string_view name);

// A first line or paragraph longer than this many words is never a headline.
inline constexpr size_t kMaxHeadlineWords = 30;

// Reads cleaned text (valid UTF-8, LF line ends, no control characters) in the given layout
// (kAuto: detected). Appends to `warnings` what was repaired or missing ("no valid date in
// dateline '...'"). The body is capped at kMaxBodyBytes (with a warning) and the title at
// kMaxFieldBytes.
DraftArticle read_text_layout(std::string_view text, TextLayout layout,
                              std::vector<std::string>& warnings);

}  // namespace newsarchive
