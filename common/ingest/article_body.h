// Finds a news page's article text and drops its boilerplate: navigation, ads, related links,
// comments, share, cookie and newsletter widgets, footers.
//
// The method, in three steps over one parse of the page:
//  1. Every element gets its text length, link text length and comma count, and a weight from
//     its class and id words ("comment", "share", "sidebar" against "article", "content").
//     Scripts, styles, form controls and hidden elements count for nothing.
//  2. Paragraphs (p, pre, and block elements holding only inline content) of 25 characters or
//     more score their parent, grandparent and a few levels above by their length and commas.
//     The best-scoring element, scaled down by its link density, holds the article; it grows to
//     a common ancestor when several near-best elements share one, and similar siblings join it.
//     A schema.org articleBody element that holds the article's bulk wins outright.
//  3. The chosen elements' text is written out paragraph by paragraph, leaving out boilerplate
//     inside them: elements with boilerplate class words, link-heavy blocks and lists, headings
//     of the page, captions, and paragraphs that are mostly links.
#pragma once

#include <string>

#include "ingest/html_document.h"

namespace newsarchive {

// The article text of `page`: paragraphs separated by "\n\n", whitespace inside each collapsed,
// "" when the page has none (less than 25 characters of it: a page that is not an article, or
// not a page at all).
std::string extract_article_body(const HtmlDocument& page);

}  // namespace newsarchive
