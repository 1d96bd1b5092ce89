// Reads one article in the archive's plain-text format.
//
//   <optional leading whitespace>
//   date 2020-01-06 advertisement        <- dateline: any form parse_article_date accepts,
//                                           possibly with junk words around the date
//   <blank line>
//   Body paragraph one.                   <- paragraphs separated by blank lines
//   <blank line>
//   Originally published as <headline>    <- optional last paragraph: the headline
#pragma once

#include <string>
#include <string_view>

#include "article.h"

namespace newsarchive {

// A first line with more words than this is body text, not a dateline, even if it holds a date.
inline constexpr size_t kMaxDatelineWords = 8;

// Parses `content` (the whole file) into one article with the given id and hands it to `sink`,
// or tells the sink why it was skipped (empty, binary, no text). Repairs invalid UTF-8 and
// reports undated articles as warnings.
void parse_text_article(std::string_view content, const std::string& id,
                        const SourceLocation& where, ArticleSink& sink);

}  // namespace newsarchive
