// Reads one input of a walk, whatever its kind, and hands every article in it to a sink: the one
// place that knows which reader reads what (input_kind.h), how compressed files and bundles are
// opened (bundle.h), and which id, path and file time each article is finished with.
//
//   text, web page   one article; id: the file's (or member's) path id
//   JSON Lines       one article per line; id: the line's "id", else "<path id>:<line>"
//   feed             one article per item; id: guid or link, else "<path id>#<item>"
//   WARC             one article per HTML response record; id: the target URI
//   bundle           every member read as a file of that name would be; a member's path id is
//                    "<bundle path id>:<member path>", and it is named so in messages
//   compressed       read as the file without its compression suffix
#pragma once

#include <cstdint>
#include <string>

#include "ingest/archive_walker.h"
#include "ingest/article.h"
#include "ingest/byte_stream.h"
#include "ingest/read_options.h"

namespace newsarchive {

// Largest web page, feed or text file read whole; larger ones are skipped unread. WARC record
// payloads have the same limit.
inline constexpr size_t kMaxWholeInputBytes = 64u << 20;

// Reads `file` and feeds its articles to `sink`. `bytes_on_disk`, when given, is kept at the
// offset reached in the file on disk as articles are read, for progress reports. Returns false,
// after telling the sink, when the file (or a bundle or compressed stream in it) could not be
// read to its end: the caller counts it as an unreadable input, and a run must not prune what it
// might have held.
bool read_input(const InputFile& file, const ReadOptions& options, ArticleSink& sink,
                std::uint64_t* bytes_on_disk = nullptr);

// Reads `stream` as the content of a file or member called `name` (its kind comes from the name,
// and from the content when the name says nothing), with `id` as its path id and `display`
// naming it in messages. Returns false as read_input does; never throws for bad content.
bool read_named_stream(ByteStream& stream, const std::string& name, const std::string& id,
                       const std::string& display, const ReadOptions& options, ArticleSink& sink);

}  // namespace newsarchive
