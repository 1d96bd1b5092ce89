// Text and JSON rendering of search results.
#include "render.h"

#include <nlohmann/json.hpp>

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

}  // namespace

std::string snippet_html(const Snippet& snippet) {
  return wrap_highlights(snippet, "<mark>", "</mark>", append_html_escaped);
}

void render_text(const SearchResult& result, const TextStyle& style, std::ostream& out) {
  if (result.hits.empty() && result.total_estimate == 0) {
    out << "No articles match.\n";
    return;
  }
  out << (result.total_exact ? "" : "About ") << result.total_estimate
      << (result.total_estimate == 1 ? " article matches" : " articles match");
  if (!result.hits.empty())
    out << "; showing " << result.hits.front().rank << "-" << result.hits.back().rank;
  out << ".\n";
  for (const Hit& hit : result.hits) {
    out << "\n"
        << hit.rank << ". " << (hit.date ? hit.date->iso() : std::string("(undated)")) << "  "
        << styled(hit.title, style) << "\n";
    out << "   " << hit.id;
    if (!hit.source.empty()) out << " | " << hit.source;
    out << "\n   " << styled(hit.snippet, style) << "\n";
  }
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
                       {"source", hit.source},
                       {"snippet", snippet_html(hit.snippet)}});
  }
  json document = {{"query", result.query},
                   {"total_estimate", result.total_estimate},
                   {"offset", result.offset},
                   {"results", std::move(results)}};
  out << document.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace newsarchive
