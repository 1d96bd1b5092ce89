// Text and JSON rendering of search results.
#include "present/render.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "text/utf8.h"

namespace newsarchive {
namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kReset = "\x1b[0m";

// Writes `snippet` with highlights wrapped in the given markers; `escape` maps each text byte.
template <typename Escape>
std::string wrap_highlights(const Snippet& snippet, std::string_view open, std::string_view close,
                            Escape escape) {
  std::string out;
  size_t position = 0;
  for (const Highlight& highlight : snippet.highlights) {
    if (highlight.start < position || highlight.end > snippet.text.size()) continue;
    escape(out, std::string_view(snippet.text).substr(position, highlight.start - position));
    out.append(open);
    escape(out,
           std::string_view(snippet.text).substr(highlight.start, highlight.end - highlight.start));
    out.append(close);
    position = highlight.end;
  }
  escape(out, std::string_view(snippet.text).substr(position));
  return out;
}

void append_plain(std::string& out, std::string_view text) {
  out.append(text);
}

void append_html_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
}

std::string styled(const Snippet& snippet, const TextStyle& style) {
  if (!style.color) return snippet.text;
  return wrap_highlights(snippet, kBold, kReset, append_plain);
}

// A bar of `count` scaled so that `largest` fills kBarWidth cells; any non-zero count shows.
std::string histogram_bar(Xapian::doccount count, Xapian::doccount largest) {
  constexpr size_t kBarWidth = 40;
  if (count == 0 || largest == 0) return "";
  size_t cells = static_cast<size_t>(count) * kBarWidth / largest;
  if (cells == 0) return "\xE2\x96\x8F";  // ▏
  std::string bar;
  for (size_t i = 0; i < cells; ++i) bar += "\xE2\x96\x88";  // █
  return bar;
}

}  // namespace

void render_facet_text(FacetKind kind, const std::vector<FacetValue>& rows, std::ostream& out) {
  out << "\n" << facet_name(kind) << " facet";
  if (rows.empty()) {
    out << ": none\n";
    return;
  }
  out << ":\n";
  size_t label_width = 0;
  Xapian::doccount largest = 0;
  for (const FacetValue& row : rows) {
    label_width = std::max(label_width, display_width(row.value));
    largest = std::max(largest, row.count);
  }
  std::string largest_text = std::to_string(largest);
  for (const FacetValue& row : rows) {
    std::string count = std::to_string(row.count);
    out << "  " << row.value << std::string(label_width - display_width(row.value) + 2, ' ')
        << std::string(largest_text.size() - count.size(), ' ') << count;
    if (!is_name_facet(kind) && row.count > 0) out << " " << histogram_bar(row.count, largest);
    out << "\n";
  }
}

std::string snippet_html(const Snippet& snippet) {
  return wrap_highlights(snippet, "<mark>", "</mark>", append_html_escaped);
}

namespace {

std::string articles(Xapian::doccount count) {
  return std::to_string(count) + (count == 1 ? " article" : " articles");
}

// The lines that explain a result: what a correction would find, what the dates left out.
void render_text_notes(const SearchResult& result, std::ostream& out) {
  if (!result.unmatched_words.empty()) {
    out << "No article contains: ";
    for (size_t i = 0; i < result.unmatched_words.size(); ++i)
      out << (i ? ", " : "") << result.unmatched_words[i];
    out << ".\n";
  }
  if (result.suggestion)
    out << "Did you mean: " << result.suggestion->query << "? ("
        << articles(result.suggestion->total_estimate) << ")\n";
  if (result.undated_matches && *result.undated_matches > 0)
    out << *result.undated_matches
        << (*result.undated_matches == 1 ? " undated article also matches"
                                         : " undated articles also match")
        << " (the date range leaves out articles without a date).\n";
}

}  // namespace

void render_text(const SearchResult& result, const TextStyle& style, std::ostream& out) {
  if (result.hits.empty() && result.total_estimate == 0) {
    out << "No articles match.\n";
    render_text_notes(result, out);
    return;
  }
  out << (result.total_exact ? "" : "About ") << result.total_estimate;
  // Only when this page shows folded versions: the article count is Xapian's estimate before
  // collapsing, which can exceed the story count when nothing was folded at all.
  bool folded = std::any_of(result.hits.begin(), result.hits.end(),
                            [](const Hit& hit) { return hit.duplicates > 0; });
  if (result.duplicates == DuplicateMode::kCollapse && folded &&
      result.total_articles > result.total_estimate)
    out << (result.total_estimate == 1 ? " story matches (" : " stories match (")
        << result.total_articles << " articles)";
  else
    out << (result.total_estimate == 1 ? " article matches" : " articles match");
  if (!result.hits.empty())
    out << "; showing " << result.hits.front().rank << "-" << result.hits.back().rank;
  out << ".\n";
  render_text_notes(result, out);
  if (result.undated_listed_last) out << "Articles without a date are listed last.\n";
  for (const Hit& hit : result.hits) {
    out << "\n"
        << hit.rank << ". " << (hit.date ? hit.date->iso() : std::string("(undated)")) << "  "
        << styled(hit.title, style) << "\n";
    out << "   " << hit.id;
    if (!hit.source.empty()) out << " | " << hit.source;
    if (hit.duplicates > 0) out << "  +" << hit.duplicates << " similar";
    out << "\n   " << styled(hit.snippet, style) << "\n";
    if (!hit.persons.empty()) {
      out << "   persons:";
      for (size_t i = 0; i < hit.persons.size(); ++i) out << (i ? ", " : " ") << hit.persons[i];
      out << "\n";
    }
    if (result.duplicates == DuplicateMode::kShow && !hit.story.empty())
      out << "   story: " << hit.story << "\n";
  }
  for (const auto& [kind, rows] : result.facets) render_facet_text(kind, rows, out);
}

void render_json(const SearchResult& result, std::ostream& out) {
  // ordered_json keeps the documented key order, which people reading the output rely on.
  using json = nlohmann::ordered_json;
  json results = json::array();
  for (const Hit& hit : result.hits) {
    results.push_back({{"rank", hit.rank},
                       {"id", hit.id},
                       {"score", hit.score},
                       {"date", hit.date ? json(hit.date->iso()) : json(nullptr)},
                       {"title", hit.title.text},
                       {"title_html", snippet_html(hit.title)},
                       {"source", hit.source},
                       {"snippet", snippet_html(hit.snippet)},
                       {"persons", hit.persons},
                       {"story", hit.story.empty() ? json(nullptr) : json(hit.story)},
                       {"duplicates", hit.duplicates}});
  }
  json document = {{"query", result.query},
                   {"total_estimate", result.total_estimate},
                   {"total_exact", result.total_exact},
                   {"total_articles", result.total_articles},
                   {"offset", result.offset}};
  if (result.suggestion)
    document["suggestion"] = {{"query", result.suggestion->query},
                              {"total_estimate", result.suggestion->total_estimate}};
  if (result.undated_matches) document["undated_matches"] = *result.undated_matches;
  if (!result.unmatched_words.empty()) document["unmatched_words"] = result.unmatched_words;
  if (result.undated_listed_last) document["undated_listed_last"] = true;
  document["results"] = std::move(results);
  if (!result.facets.empty()) {
    json facets = json::object();
    for (const auto& [kind, rows] : result.facets) {
      json values = json::array();
      for (const FacetValue& row : rows)
        values.push_back({{"value", row.value}, {"count", row.count}});
      facets[std::string(facet_name(kind))] = std::move(values);
    }
    document["facets"] = std::move(facets);
  }
  out << document.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace newsarchive
