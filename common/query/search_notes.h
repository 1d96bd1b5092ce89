// What a search says about itself beyond its hits: the words that match nothing, so that an
// empty result names its cause.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace newsarchive {

// The free words of `text` (query_words.h) that no article of `database` holds in any form
// (as written, as a possessive, or by stem), in the user's spelling, each once, in order.
std::vector<std::string> words_matching_nothing(const std::string& text,
                                                const Xapian::Database& database,
                                                const Xapian::Stem& stemmer);

}  // namespace newsarchive
