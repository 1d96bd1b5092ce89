// "Did you mean": a query with its misspelt words replaced by the archive's own spelling of
// them, from the spelling table the indexer keeps (store/spelling.h).
#pragma once

#include <xapian.h>

#include <optional>
#include <string>

namespace newsarchive {

// A word the archive holds is corrected only when the archive's spelling is at least this many
// times as common (in articles): "goverment" in one article against "government" in thousands,
// never one common word for another. A word no article holds takes any suggestion.
inline constexpr Xapian::doccount kCorrectionMoreCommon = 10;

// `text` with each free word (query_words.h) that looks misspelt replaced by Xapian's spelling
// suggestion (at most two edits away), or nothing when no word is. A word is never corrected
// when, in at least half the articles holding it, it names a person, place or organisation (a
// surname, a one-word place or organisation, a person's first name): an unusual name is not a
// misspelling, while a misspelling the tagger once took for a name still is one.
std::optional<std::string> correct_spelling(const std::string& text,
                                            const Xapian::Database& database,
                                            const Xapian::Stem& stemmer);

}  // namespace newsarchive
