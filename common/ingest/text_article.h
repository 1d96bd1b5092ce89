// Reads one plain-text article: cleans the bytes, reads them in one of the layouts of
// text_layout.h and finishes the article (article_finish.h).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "ingest/article.h"
#include "ingest/read_options.h"

namespace newsarchive {

// Text article files larger than this are skipped unread, like JSON Lines lines longer than
// kMaxJsonLineBytes: reading one costs its size in memory (twice, while it is cleaned), and only
// its first kMaxBodyBytes of body would be indexed anyway.
inline constexpr size_t kMaxTextArticleBytes = 64u << 20;

// Parses `content` (the whole file) into one article and hands it to `sink`, or tells the sink
// why it was skipped (empty, binary, no text). Repairs, each with a warning: UTF-16 with a
// byte-order mark is decoded; invalid UTF-8 is read as Windows-1252; a body over kMaxBodyBytes
// and a headline over kMaxFieldBytes are cut. Memory: about the size of `content` once more while
// it is transcoded, plus the (capped) article; `content` is released before the sink sees it.
void parse_text_article(std::string content, const EntryFacts& entry, const ReadOptions& options,
                        const SourceLocation& where, ArticleSink& sink);

// The same with default options, the id as the path to take dates from, and no file time.
void parse_text_article(std::string_view content, const std::string& id,
                        const SourceLocation& where, ArticleSink& sink);

// Reads the file at `path` and parses it with parse_text_article. A file larger than
// kMaxTextArticleBytes is skipped unread ("file larger than 64 MiB"). Returns false, after
// telling the sink ("cannot open: <reason>", "read error: <reason>"), when the file cannot be
// read at all: the caller counts it as an unreadable input.
bool read_text_article(const std::filesystem::path& path, const std::string& id,
                       const SourceLocation& where, ArticleSink& sink);

}  // namespace newsarchive
