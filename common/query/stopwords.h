// The words a free-text query may drop: English function words, which say how a sentence is
// built rather than what it is about.
#pragma once

#include <xapian.h>

#include <string>

namespace newsarchive {

// True when `word` (lower case, unstemmed, as Xapian's QueryParser asks) is an English stopword:
// an article, pronoun, preposition, conjunction, auxiliary verb or similar function word.
bool is_english_stopword(const std::string& word);

// A stopper for a QueryParser searching a database in `language`: the English list for
// "english", else nullptr (no list of our own for other languages; their words are all kept).
// Xapian's parser drops a stopword only where the query keeps other words: never inside a
// phrase, never an operand of AND, NOT or a +/- prefix, never when every word is one. The
// stopper is reference-counted (released to the parser that takes it).
const Xapian::Stopper* make_query_stopper(const std::string& language);

}  // namespace newsarchive
