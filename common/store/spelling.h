// Spelling data for "did you mean": the archive's own words and how many articles hold each,
// kept in the database's spelling table so Xapian's get_spelling_suggestion can use it.
#pragma once

#include <xapian.h>

#include <string_view>

namespace newsarchive {

// True for a word worth suggesting: an unprefixed term of 3 to 32 bytes made of letters only
// (numbers, possessives such as "blair's" and hyphenated forms are never a correction).
bool is_spelling_word(std::string_view term);

// Makes the spelling table of `database` hold exactly the spelling words among its unprefixed
// terms, each with its term frequency: words gone from every article leave, new ones come, and
// frequencies follow the articles. The caller's commit publishes the change. Reads the whole
// vocabulary, so it runs once per indexing run, just before the last commit; an interrupted run
// leaves the table behind, and the next run brings it up to date whatever happened before.
void synchronise_spelling(Xapian::WritableDatabase& database);

}  // namespace newsarchive
