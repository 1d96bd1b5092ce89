// Snippet extraction through Xapian's MSet::snippet, converted from marked-up text to spans.
#include "query/snippet.h"

#include "text/utf8.h"

namespace newsarchive {
namespace {

// Markers MSet::snippet inserts around matches. Control characters never survive
// strip_control_characters, so they cannot occur in stored article text.
constexpr char kStartMark = '\x01';
constexpr char kEndMark = '\x02';
const std::string kEllipsis = "\xE2\x80\xA6";

// MSet::snippet escapes &, < and > for HTML; undo that and turn the markers into spans.
Snippet parse_marked(std::string_view marked) {
  Snippet snippet;
  size_t start = 0;
  for (size_t i = 0; i < marked.size(); ++i) {
    char c = marked[i];
    if (c == kStartMark) {
      start = snippet.text.size();
    } else if (c == kEndMark) {
      snippet.highlights.push_back({start, snippet.text.size()});
    } else if (c == '&') {
      static constexpr std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}};
      bool decoded = false;
      for (auto [entity, plain] : kEntities) {
        if (marked.substr(i, entity.size()) == entity) {
          snippet.text.push_back(plain);
          i += entity.size() - 1;
          decoded = true;
          break;
        }
      }
      if (!decoded) snippet.text.push_back(c);
    } else {
      snippet.text.push_back(c);
    }
  }
  return snippet;
}

std::string flatten_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) out.push_back(c == '\n' || c == '\t' ? ' ' : c);
  // Collapse the double spaces left by paragraph breaks.
  std::string collapsed;
  collapsed.reserve(out.size());
  for (char c : out)
    if (!(c == ' ' && !collapsed.empty() && collapsed.back() == ' ')) collapsed.push_back(c);
  return collapsed;
}

}  // namespace

Snippet make_snippet(const Xapian::MSet& mset, std::string_view text, const Xapian::Stem& stemmer,
                     size_t length) {
  std::string flat = flatten_whitespace(text);
  std::string marked =
      mset.snippet(flat, length, stemmer, Xapian::MSet::SNIPPET_EXHAUSTIVE,
                   std::string(1, kStartMark), std::string(1, kEndMark), kEllipsis);
  Snippet snippet = parse_marked(marked);
  if (snippet.highlights.empty()) return lede(flat, length);
  return snippet;
}

Snippet highlight_all(const Xapian::MSet& mset, std::string_view text,
                      const Xapian::Stem& stemmer) {
  std::string marked =
      mset.snippet(std::string(text), text.size() + 1, stemmer, Xapian::MSet::SNIPPET_EXHAUSTIVE,
                   std::string(1, kStartMark), std::string(1, kEndMark), "");
  return parse_marked(marked);
}

Snippet lede(std::string_view text, size_t length) {
  std::string flat = flatten_whitespace(text);
  if (flat.size() <= length) return Snippet{flat, {}};
  std::string_view cut = utf8_prefix(flat, length);
  // A cut followed by a space already ends at a word; otherwise back up to the last space.
  size_t space = flat[cut.size()] == ' ' ? cut.size() : cut.rfind(' ');
  if (space != std::string_view::npos && space > length / 2) cut = cut.substr(0, space);
  return Snippet{std::string(cut) + kEllipsis, {}};
}

}  // namespace newsarchive
