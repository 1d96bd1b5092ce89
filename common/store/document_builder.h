// Turns an Article into the Xapian document that stores it: terms, date value, document data.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

#include "ingest/article.h"

namespace newsarchive {

// Xapian (glass) rejects terms over 245 bytes, and discards every uncommitted change when it
// does. A term with NUL bytes fails later, at commit ("Key too long"), with the same loss: each
// NUL takes two bytes in the table key. So every term we add is at most kMaxTermBytes and holds
// no NUL byte. The TermGenerator's terms are short by construction: it drops words over 64
// bytes, and its prefixes are a few bytes.
inline constexpr size_t kXapianMaxTermBytes = 245;
inline constexpr size_t kMaxTermBytes = 240;
static_assert(kMaxTermBytes <= kXapianMaxTermBytes);

// Weight of headline words relative to body words (wdf multiplier for unprefixed title terms).
inline constexpr Xapian::termcount kTitleWeight = 3;

// The unique-id term for an article id. Ids too long for a term, or holding a NUL byte, are
// replaced by a 128-bit hash, never truncated, so two long ids cannot collide by sharing a
// prefix.
std::string id_term(std::string_view id);

// A boolean filter term: prefix + value with whitespace runs folded to one space, other control
// characters (NUL among them) removed, ends trimmed, lower-cased, and cut at a UTF-8 boundary to
// kMaxTermBytes.
std::string filter_term(std::string_view prefix, std::string_view value);

// Adds the article's entities: XP (person key), XF (surname key), XG/XO (place, organisation
// keys) boolean terms, and each person's display name in its facet slot (the first
// schema::kMaxPersonSlots persons).
void add_entity_terms(const Article& article, Xapian::Document& document);

// Builds the document. `generator` must come from the database's Analyzer; it is reset here.
Xapian::Document build_document(const Article& article, Xapian::TermGenerator& generator);

}  // namespace newsarchive
