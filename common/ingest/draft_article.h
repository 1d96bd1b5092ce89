// What a format reader found in one source, before the shared finishing step (article_finish.h)
// repairs it, picks its date and headline, and hands it on as an Article.
#pragma once

#include <optional>
#include <string>

#include "text/date.h"

namespace newsarchive {

struct DraftArticle {
  // The article's own id (a JSON "id", a feed item's guid or link, a WARC record's target URI);
  // empty: the finishing step uses the id of the file or member it came from.
  std::string id;
  std::string title;  // empty: the finishing step derives one from the body
  // The reader made `title` from the body's first sentence (a text article opening with a
  // dateline), rather than finding a headline the article carries.
  bool title_from_body = false;
  std::string body;  // paragraphs separated by "\n\n"; may still hold invalid UTF-8
  std::string author;
  std::string source;  // publisher, site or feed name
  std::string url;
  std::string place;  // from a dateline such as "LONDON (Reuters) -"

  // The date the article itself states (metadata or text) and where it was found ("dateline",
  // "header", "json", "json-ld", "meta", "time", "pubDate", ...); nullopt when it states none.
  std::optional<Date> date;
  std::string date_from;
  // A date to use only when neither the article nor its path gives one (a WARC record's
  // WARC-Date: when the page was fetched, not written), and its name ("warc-date").
  std::optional<Date> fallback_date;
  std::string fallback_date_from;

  std::string format;  // "text", "jsonl", "html", "rss", "rdf", "atom"; "warc" pages are "html"
  // The reader already made every field valid UTF-8 without control characters (the text
  // reader cleans the whole file first), so the finishing step need not scan them again.
  bool clean = false;
  std::string layout;  // plain text only: "dateline", "headline", "headers" or "body"
};

}  // namespace newsarchive
