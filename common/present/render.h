// Renderers: turn a SearchResult into what a person at a terminal reads, or JSON for scripts.
#pragma once

#include <ostream>

#include "query/search.h"

namespace newsarchive {

struct TextStyle {
  bool color = false;  // ANSI bold for highlighted matches
};

void render_text(const SearchResult& result, const TextStyle& style, std::ostream& out);

// One JSON object: {"query", "total_estimate", "total_exact", "total_articles", "offset",
// "results": [{"rank", "id", "score", "date", "title", "source", "snippet", "persons", "story",
// "duplicates"}], "facets": {"person": [{"value", "count"}], ...}}; "snippet" is HTML-escaped
// with <mark> around matches; "story" is null for an article with no other version; "facets"
// only when requested.
void render_json(const SearchResult& result, std::ostream& out);

// One facet as a table after the hits: names (persons, places, organisations) with counts, years
// and months as a histogram.
void render_facet_text(FacetKind kind, const std::vector<FacetValue>& rows, std::ostream& out);

// `snippet` as HTML: text escaped, highlights wrapped in <mark>…</mark>.
std::string snippet_html(const Snippet& snippet);

}  // namespace newsarchive
