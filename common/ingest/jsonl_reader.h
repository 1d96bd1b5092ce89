// Reads JSON Lines archives (.jsonl, optionally gzip-compressed): one article object per line.
//
// Keys: "id" (string or integer), "date", "title", "body" (strings), optional "url", "source",
// "author"; other keys are ignored. Each line's fate goes to the sink: accepted, or skipped with
// a reason naming the line. Repairs, each with a warning naming the line: invalid UTF-8 is read
// as Windows-1252; a missing, invalid or implausibly late date (latest_plausible_date) leaves the
// article undated; a body over kMaxBodyBytes and other fields over kMaxFieldBytes are cut. A file
// starting with a UTF-16 byte-order mark is decoded, with one warning naming the file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/article.h"

namespace newsarchive {

// Lines longer than this are skipped unread rather than held in memory: reading a file holds at
// most one line of this size (plus its parsed form while it is parsed), whatever the file holds.
inline constexpr size_t kMaxJsonLineBytes = 64u << 20;

// Parses one line (without its newline) into an article. `fallback_id` is used, with a
// warning, when the object has no "id".
void parse_jsonl_article(std::string_view line, const std::string& fallback_id,
                         const SourceLocation& where, ArticleSink& sink);

// Reads every line of `path` (plain or gzip) and feeds each article to `sink`. `display_path`
// names the file in messages and fallback ids. Returns false, after telling the sink, when the
// file cannot be opened at all.
// When `bytes_read` is given, it is kept at the offset reached in the file on disk (compressed
// bytes for .gz), for progress reports.
bool read_jsonl_file(const std::string& path, const std::string& display_path, ArticleSink& sink,
                     std::uint64_t* bytes_read = nullptr);

}  // namespace newsarchive
