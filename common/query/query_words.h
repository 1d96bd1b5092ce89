// The words of a query as the user typed them, found by a light scan of the text: enough to
// rewrite or question a word ("did you mean", a name's possessive, words matching nothing)
// without reimplementing Xapian's query grammar. The scan is conservative: a word whose role it
// cannot be sure of is marked so, and callers leave such words alone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsarchive {

struct QueryWord {
  size_t start = 0;  // byte offsets into the text
  size_t end = 0;
  bool quoted = false;  // inside "..." (a phrase)
  // Free text: not a field name ("title" in title:x), not a field's value, not an operator
  // (AND, OR, NOT, XOR, NEAR, ADJ) or a word joined to one, not a wildcard ("war*"), not glued
  // to other characters ("e-mail", "U.S.", "blair's"), where the parser reads something else.
  bool free = false;
  // Free, not quoted, and next to no NEAR or ADJ operator: a word that may become a subquery.
  bool replaceable = false;
};

// Every run of letters and digits in `text`, in order, with its role.
std::vector<QueryWord> scan_query_words(std::string_view text);

// True when the word starts with an upper-case letter ("Blair", "NATO"); Xapian's parser then
// searches it unstemmed.
bool is_capitalised(std::string_view word);

// The word lower-cased as Xapian's parser lower-cases it before making a term.
std::string lower_case_word(std::string_view word);

}  // namespace newsarchive
