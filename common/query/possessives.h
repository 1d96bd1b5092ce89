// A capitalised query word also finds its possessive: "Blair" matches articles that only say
// "Blair's", while staying unstemmed (Keating is not Keats). Xapian indexes "Blair's" as the term
// blair's, which the unstemmed blair does not reach, so such a word becomes the synonym pair
// (blair, blair's): one term to the ranking, either form to the match.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace newsarchive {

// The field the rewritten words go through. It is a word no one types by chance, and typing it
// gives nothing internal: the processor only ever makes unprefixed terms.
inline constexpr std::string_view kPossessiveField = "newsarchivenameorpossessive";

// `text` with each capitalised free word (query_words.h) whose possessive `database` holds put
// through kPossessiveField, so the parser hands it to the processor below. Other words, quoted
// phrases and fields are left as they are.
std::string mark_possessive_names(const std::string& text, const Xapian::Database& database);

// The processor for kPossessiveField, for QueryParser::add_prefix (already release()d): a word
// becomes OP_SYNONYM of its lower-cased form and that form with "'s".
Xapian::FieldProcessor* make_possessive_field_processor();

}  // namespace newsarchive
