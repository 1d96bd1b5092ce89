// Derives a headline from body text when an article does not carry one.
#pragma once

#include <string>
#include <string_view>

namespace newsarchive {

// Longest headline derived from a body, in bytes; longer first sentences are cut at a word.
inline constexpr size_t kMaxDerivedHeadlineBytes = 160;

// The first sentence of `body`: text up to the first '.', '!' or '?' (and any closing quote)
// that is followed by whitespace and does not end a common abbreviation ("Mr.", "U.S.") or an
// initial. A sentence longer than kMaxDerivedHeadlineBytes is cut at a word boundary and ends
// with "…". Whitespace runs, including paragraph breaks, become single spaces.
std::string first_sentence(std::string_view body);

}  // namespace newsarchive
