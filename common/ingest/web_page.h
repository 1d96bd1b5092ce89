// Reads a saved news web page: its headline, date, author, site, canonical URL and the article
// body without the page's boilerplate (navigation, ads, related links, comments, share and
// cookie widgets, footers). Parsed with libxml2's HTML parser, which recovers from broken markup.
#pragma once

#include <string>
#include <string_view>

#include "ingest/draft_article.h"

namespace newsarchive {

struct WebPageHints {
  std::string url;      // where the page was fetched from (a WARC target URI), if known
  std::string charset;  // from an HTTP Content-Type header, if known; else the page's own
                        // declaration (<meta charset>, http-equiv), else UTF-8 / Windows-1252
};

// Extracts the article from one page's bytes. Never throws on bad input: a page with no article
// text gives a draft with an empty body (the finishing step then skips it). The draft's format is
// "html"; its date and date_from come from, in order: JSON-LD (NewsArticle and kin)
// datePublished ("json-ld"), article:published_time and other date meta tags ("meta"),
// <time datetime> ("time"), the URL's path ("url"). Headline: og:title, else the h1, else
// <title> without the site name. Source: og:site_name. URL: the canonical link, else og:url,
// else hints.url.
DraftArticle parse_web_page(std::string_view bytes, const WebPageHints& hints);

}  // namespace newsarchive
