// A saved web page's metadata: headline, date, author, site and canonical URL, from JSON-LD,
// <meta> tags, <link rel=canonical>, <time>, bylines and the URL itself (see web_page.h for the
// order of the sources).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ingest/html_document.h"
#include "ingest/web_page.h"
#include "text/date.h"

namespace newsarchive {

struct PageMetadata {
  std::string title;
  std::string author;
  std::string source;
  std::string url;
  std::optional<Date> date;
  std::string date_from;  // "json-ld", "meta", "time" or "url"; "" when undated
};

// Reads the metadata of `page` in one walk of its tree; `hints.url` is the fallback URL and the
// base for a relative canonical link. Fields the page does not give are empty.
PageMetadata read_page_metadata(const HtmlDocument& page, const WebPageHints& hints);

// What a JSON-LD block says about the article it describes: the first object whose @type is an
// article (NewsArticle, Article, BlogPosting, ReportageNewsArticle, ...), at the top, in an
// array or in an @graph.
struct JsonLdArticle {
  bool found = false;
  std::string date_published;  // as written
  std::string author;          // names joined with ", "
  std::string publisher;
};

// Reads one <script type="application/ld+json"> text into `article`, unless an earlier block
// already filled it. Malformed JSON is ignored.
void read_json_ld(std::string_view json, JsonLdArticle& article);

// The date in a URL's path: /2020/01/06/ or 2020-01-06 (also 20200106 between slashes);
// nullopt when it has none.
std::optional<Date> date_in_url(std::string_view url);

// `title` without the site name on either end: "Headline | Site", "Headline - Site",
// "Site: Headline". When `site` is "" a trailing " | anything" part of at most four words is
// taken for the site name.
std::string strip_site_name(std::string_view title, std::string_view site);

// An author name as pages write it, tidied: whitespace collapsed, a leading "By " dropped.
std::string tidy_author(std::string_view name);

}  // namespace newsarchive
