// Reads news feeds: RSS 2.0, RSS 1.0 (RDF) and Atom. Each item or entry is one article.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "ingest/draft_article.h"

namespace newsarchive {

// True when `head` (the first few KiB of a file) is the start of an RSS, RDF or Atom document:
// tells a feed saved as .xml from other XML.
bool looks_like_feed(std::string_view head);

// Parses a whole feed document and calls `each` for every item in document order, with a draft
// whose id is the item's guid (Atom: id), else its link, else "" (the caller numbers it);
// date from pubDate / dc:date / published / updated ("pubDate", "dc:date", "published",
// "updated"); title; body from content:encoded, content, description or summary with markup
// stripped to paragraphs; author from author / dc:creator; source: the feed's own title; url:
// the item's link; format "rss", "rdf" or "atom". Returns "" on success, else why the document
// could not be read as a feed ("not well-formed XML at line 12", "no rss, rdf or feed element");
// items before a fatal error have been passed on.
std::string parse_feed(std::string_view document, const std::function<void(DraftArticle)>& each);

}  // namespace newsarchive
