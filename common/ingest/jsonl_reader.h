// Reads JSON Lines archives (.jsonl, optionally gzip-compressed): one article object per line.
//
// Keys: "id" (string or integer), "date", "title", "body" (strings), optional "url", "source",
// "author"; other keys are ignored. Each line's fate goes to the sink: accepted, or skipped with
// a reason naming the line. Repairs, each with a warning naming the line: invalid UTF-8 is read
// as Windows-1252; an invalid date is reported and the article dated as article_finish.h says;
// a body over kMaxBodyBytes and other fields over kMaxFieldBytes are cut. A file starting with a
// UTF-16 byte-order mark is decoded, with one warning naming the file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/article.h"
#include "ingest/article_finish.h"
#include "ingest/byte_stream.h"

namespace newsarchive {

// Lines longer than this are skipped unread rather than held in memory: reading a file holds at
// most one line of this size (plus its parsed form while it is parsed), whatever the file holds.
inline constexpr size_t kMaxJsonLineBytes = 64u << 20;

// Parses one line (without its newline) into an article. `fallback_id` is used, with a
// warning, when the object has no "id".
void parse_jsonl_article(std::string_view line, const std::string& fallback_id,
                         const SourceLocation& where, ArticleSink& sink);

// Reads every line of `stream` (already decompressed) and feeds each article to `sink`.
// `display_path` names the input in messages; a line without "id" gets "<file.id>:<line>".
// When `bytes_read` is given, it is kept at stream.position_on_disk() as lines are read, for
// progress reports. Returns false, after skipping the line where it happened, when the stream
// cannot be read on; articles before the error have been passed on.
bool read_jsonl_stream(ByteStream& stream, const EntryFacts& file, const FinishOptions& finish,
                       const std::string& display_path, ArticleSink& sink,
                       std::uint64_t* bytes_read = nullptr);

// Opens `path` (plain or compressed) and reads it with read_jsonl_stream, ids of lines without
// "id" based on `display_path`. Returns false, after telling the sink, when the file cannot be
// opened or read to its end.
bool read_jsonl_file(const std::string& path, const std::string& display_path, ArticleSink& sink,
                     std::uint64_t* bytes_read = nullptr);

}  // namespace newsarchive
