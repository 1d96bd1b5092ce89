// The finishing step every reader shares: turns a DraftArticle into the Article that is indexed.
//
//   id        the draft's own id, else the id of the file or member it came from
//   text      invalid UTF-8 read as Windows-1252 and control characters removed, per field;
//             the body cut to kMaxBodyBytes and other fields to kMaxFieldBytes (with a warning)
//   date      the first of, in order: the date the article states (metadata or text); the date
//             in its path (date_from_path); the draft's fallback date (a WARC-Date); the file's
//             modification time when dates_from_mtime is set. A date more than a year in the
//             future (latest_plausible_date) is passed over with a warning. No date: undated, and
//             no warning here (the run summarises undated articles once)
//   headline  the draft's, whitespace collapsed; else the body's first sentence
//   empty     no title and no body: skipped ("no article text")
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "ingest/article.h"
#include "ingest/draft_article.h"

namespace newsarchive {

// Where a draft came from, beyond its location.
struct EntryFacts {
  std::string id;                     // the file's or member's path id: the default article id
  std::string path;                   // searched for a date (the path id, with a bundle's name)
  std::optional<std::int64_t> mtime;  // seconds since the epoch, when known
};

struct FinishOptions {
  bool dates_from_mtime = false;  // --date-from mtime
};

// Finishes `draft` and hands the Article to `sink` (accept), or says why it is skipped.
void finish_article(DraftArticle draft, const EntryFacts& entry, const FinishOptions& options,
                    const SourceLocation& where, ArticleSink& sink);

// The UTC calendar day of a time in seconds since the epoch.
std::optional<Date> date_of_time(std::int64_t seconds);

}  // namespace newsarchive
