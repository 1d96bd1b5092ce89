// Turns an Article into the Xapian document that stores it: the whole document shape (terms,
// value slots, document data, content hash and id term) is made here and nowhere else.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

#include "ingest/article.h"
#include "store/metadata.h"

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

// Adds the article's entities: XP (person key), XF (surname key, for a person who has one),
// XG/XO (place, organisation keys) boolean terms, and the display name of each person, place and
// organisation in its kind's facet slots (schema.h): one slot per distinct person_key(), the
// first form given for a key, so a facet counts an article once per entity, and at most the
// kind's cap.
void add_entity_terms(const Article& article, Xapian::Document& document);

// The facet slots of each kind add_entity_terms fills for `article`.
EntitySlotCounts entity_slots_used(const Article& article);

// The content identity of an article as read: any change to what was read (or to the schema
// version) changes it. 32 hex digits of a 128-bit hash.
std::string content_hash(const Article& article);

// What identifies an article's document: id_term(article.id) and content_hash(article). The
// indexer needs both before it decides to build the document (to find the stored version and
// compare hashes), so it computes them once and passes them on.
struct DocumentKeys {
  std::string id_term;
  std::string content_hash;
};

DocumentKeys document_keys(const Article& article);

// Builds the document of an analysed article (entities extracted): text terms, filter terms,
// entity terms and slots, the date, sort-key and content-hash values, the story signature and its
// band terms (story_signature.h; the story key is the cluster pass's), and the document data.
// `generator` must come from the database's Analyzer; it is reset here. `keys` must be
// document_keys(article).
Xapian::Document build_document(const Article& article, const DocumentKeys& keys,
                                Xapian::TermGenerator& generator);

// The same, computing the keys.
Xapian::Document build_document(const Article& article, Xapian::TermGenerator& generator);

}  // namespace newsarchive
