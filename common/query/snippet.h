// Snippets as data: plain text plus the byte ranges to highlight. Rendering (ANSI bold, HTML
// <mark>) is the renderers' job.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsarchive {

struct Highlight {
  size_t start = 0;  // byte offset into Snippet::text
  size_t end = 0;    // exclusive
  bool operator==(const Highlight&) const = default;
};

struct Snippet {
  std::string text;
  std::vector<Highlight> highlights;
};

inline constexpr size_t kSnippetBytes = 200;

// The passage of `text` that best matches the query that produced `mset`, about `length` bytes,
// with matching words highlighted; matching is stem-aware through `stemmer` (a search for
// "withdrawing" highlights "withdraw"). When no query term occurs in `text`, returns the lede:
// the opening `length` bytes, cut at a word.
Snippet make_snippet(const Xapian::MSet& mset, std::string_view text, const Xapian::Stem& stemmer,
                     size_t length = kSnippetBytes);

// `text` whole, with the query's matching words highlighted (for headlines).
Snippet highlight_all(const Xapian::MSet& mset, std::string_view text, const Xapian::Stem& stemmer);

// The opening of `text`, at most about `length` bytes, cut at a word, "…" appended when cut.
Snippet lede(std::string_view text, size_t length = kSnippetBytes);

}  // namespace newsarchive
