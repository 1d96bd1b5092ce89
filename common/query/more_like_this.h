// "More like this": the articles most like one article, by Xapian's relevance-feedback
// expansion over that article's terms.
#pragma once

#include <xapian.h>

#include <string>

namespace newsarchive {

// How many of the article's most telling terms make the query.
inline constexpr Xapian::termcount kLikeTerms = 40;

// A query for the articles most like the article with id `id` in `database`, that article
// itself excluded: an OR of its kLikeTerms best expansion terms (stems only, so a word and its
// stem do not count twice). Throws UserError when no article has that id.
Xapian::Query more_like_this_query(const Xapian::Database& database, const std::string& id);

}  // namespace newsarchive
