// Turns HTML fragments (the escaped markup inside a feed item, a page's article element) into the
// plain text the index stores: paragraphs separated by "\n\n", whitespace collapsed.
#pragma once

#include <string>
#include <string_view>

namespace newsarchive {

// Parses `html` (UTF-8) as an HTML fragment with libxml2's HTML parser, which recovers from any
// broken markup, and returns its text: block elements (p, div, br, li, h1-h6, blockquote, table
// rows and cells, ...) end paragraphs; script, style, noscript, template and head are dropped;
// entities are decoded; runs of whitespace (and no-break spaces) within a paragraph become one
// space; empty paragraphs are dropped. Never throws on bad input and prints nothing.
std::string html_fragment_to_text(std::string_view html);

// `text` with every run of whitespace (ASCII or U+00A0 no-break space) made one space, and none
// at either end: for one-line fields such as titles.
std::string collapse_whitespace(std::string_view text);

// Plain text as paragraphs: lines separated by a blank line (whitespace only) are paragraphs,
// each collapsed with collapse_whitespace and joined by "\n\n"; empty paragraphs are dropped.
std::string text_to_paragraphs(std::string_view text);

}  // namespace newsarchive
