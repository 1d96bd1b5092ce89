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

#include <filesystem>
#include <string>
#include <string_view>

#include "ingest/article.h"

namespace newsarchive {

// A first line with more words than this is body text, not a dateline, even if it holds a date.
inline constexpr size_t kMaxDatelineWords = 8;

// Text article files larger than this are skipped unread, like JSON Lines lines longer than
// kMaxJsonLineBytes: reading one costs its size in memory (twice, while it is cleaned), and only
// its first kMaxBodyBytes of body would be indexed anyway.
inline constexpr size_t kMaxTextArticleBytes = 64u << 20;

// Parses `content` (the whole file) into one article with the given id and hands it to `sink`,
// or tells the sink why it was skipped (empty, binary, no text). Repairs, each with a warning:
// UTF-16 with a byte-order mark is decoded; invalid UTF-8 is read as Windows-1252; a missing,
// impossible ("2024-02-30") or implausibly late date (see latest_plausible_date) leaves the
// article undated; a body over kMaxBodyBytes and a headline over kMaxFieldBytes are cut.
// Memory: about the size of `content` once more, plus the (capped) article.
void parse_text_article(std::string_view content, const std::string& id,
                        const SourceLocation& where, ArticleSink& sink);

// Reads the file at `path` and parses it with parse_text_article. A file larger than
// kMaxTextArticleBytes is skipped unread ("file larger than 64 MiB"). Returns false, after
// telling the sink ("cannot open: <reason>", "read error: <reason>"), when the file cannot be
// read at all: the caller counts it as an unreadable input.
bool read_text_article(const std::filesystem::path& path, const std::string& id,
                       const SourceLocation& where, ArticleSink& sink);

}  // namespace newsarchive
