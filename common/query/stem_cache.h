// A stemmer that remembers: wraps a Xapian::Stem and stems each distinct word once.
//
// MSet::snippet stems every word of every hit's text, and half of its time went into the
// Snowball stemmer; the words of ten news articles repeat ("the", "said", the query's own
// words), so a search stems through one of these. Results are exactly the wrapped stemmer's.
// Not thread-safe: one per search.
#pragma once

#include <xapian.h>

namespace newsarchive {

// A Xapian::Stem that caches `stemmer`'s results for as long as it (or a copy) lives.
Xapian::Stem make_caching_stemmer(const Xapian::Stem& stemmer);

}  // namespace newsarchive
