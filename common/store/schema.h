// The database schema: every term prefix and value slot newsarchive writes or reads.
//
// This header is the single owner of prefixes and slots. The indexer writes terms only through
// these constants, and the query parser registers user-visible fields by looping over kFields,
// so index-time and query-time vocabularies cannot drift apart. Prefix conventions follow Omega:
// single capitals for the standard meanings, X... for our own.
#pragma once

#include <xapian.h>

#include <array>
#include <string_view>

namespace newsarchive::schema {

// Bump when the meaning of a term, slot or document-data field changes incompatibly.
// 2: the sort-key slot; 3: undated articles have sort keys too, and the oldest-first slot;
// 4: place and organisation facet slots; 5: near-duplicate signatures, band terms and story keys
// (every stored article's content hash changes with it, so the next run rewrites them all and
// clusters them).
inline constexpr int kSchemaVersion = 5;

// Term prefixes.
inline constexpr std::string_view kIdPrefix = "Q";  // unique article id (boolean; hashed if long)
inline constexpr std::string_view kTitlePrefix = "S";    // headline words, stemmed as the body
inline constexpr std::string_view kAuthorPrefix = "A";   // author words and ZA stems, no positions
inline constexpr std::string_view kYearPrefix = "Y";     // year of the article date: Y2020
inline constexpr std::string_view kMonthPrefix = "M";    // year and month: M202001
inline constexpr std::string_view kDayPrefix = "D";      // full date: D20200106
inline constexpr std::string_view kSourcePrefix = "XS";  // source name, lower-cased (boolean)
inline constexpr std::string_view kUndatedTerm = "XUNDATED";  // present iff the article has no date
inline constexpr std::string_view kPersonPrefix =
    "XP";  // canonical person, person_key(): XPmark esper
inline constexpr std::string_view kSurnamePrefix = "XF";  // surname of a canonical person: XFesper
inline constexpr std::string_view kPlacePrefix = "XG";    // place name, person_key() folding
inline constexpr std::string_view kOrganizationPrefix = "XO";  // organisation name, same folding
// Near-duplicate detection (store/story_signature.h): XB<band hex digit><8 hex digits>, one
// boolean term per LSH band of the body's MinHash signature; articles sharing one are candidate
// copies. Bodies too short to judge have none.
inline constexpr std::string_view kBandPrefix = "XB";
// XK<story key>: the story key of an article that has other versions (absent otherwise), so the
// indexer finds the other members of a story when one of them changes or goes.
inline constexpr std::string_view kStoryPrefix = "XK";
// Present on an article written directly whose story has not yet been worked out; committed with
// the article and removed by the cluster pass, so a run killed between the two leaves the mark
// for the next run to finish (index/story_clusters.h).
inline constexpr std::string_view kReclusterTerm = "XRECLUSTER";

// Value slots.
inline constexpr Xapian::valueno kDateSlot = 0;  // article date as "YYYYMMDD"; absent when undated
inline constexpr Xapian::valueno kContentHashSlot = 1;  // 128-bit hash of the article as read, hex
// The result order for equal scores and for newest first: the date slot's value followed by the
// first 16 hex digits of the content hash; an undated article's date part is kUndatedNewestKey,
// below every date, so it sorts last in descending order. One value per article keeps sorting on
// Xapian's fast value-stream path, and the hash part orders articles of the same day (and
// undated ones) by content rather than by docid, which depends on how the archive was loaded,
// sharded and merged.
inline constexpr Xapian::valueno kSortKeySlot = 2;
inline constexpr size_t kSortKeyHashDigits = 16;
inline constexpr std::string_view kUndatedNewestKey = "00000000";
// Oldest first: the same key, except that an undated article's date part is kUndatedOldestKey,
// above every date, so that it sorts last in ascending order too (a value sort, so no KeyMaker,
// which a remote shard could not run).
inline constexpr Xapian::valueno kOldestKeySlot = 3;
inline constexpr std::string_view kUndatedOldestKey = "99999999";
// The body's MinHash signature (store/story_signature.h, 128 bytes), absent for a body too short
// to judge: what the cluster pass compares candidates with.
inline constexpr Xapian::valueno kSignatureSlot = 4;
// The story key: the smallest id term (without its prefix) among the versions of one story,
// present only on articles that have other versions. Never a docid, which depends on how the
// archive was loaded and merged. Search collapses on it.
inline constexpr Xapian::valueno kStorySlot = 5;
// Person facets: the article's k-th distinct canonical person (display form) is in slot
// kFirstPersonSlot + k. One person per slot lets Xapian's stock ValueCountMatchSpy count them,
// which is what a remote (xapian-tcpsrv) shard supports; the local fast path walks the same
// slots as value streams. Articles name at most kMaxPersonSlots persons in slots (all of them
// still get XP terms; the indexer warns when the cap cuts facet slots).
inline constexpr Xapian::valueno kFirstPersonSlot = 10;
inline constexpr Xapian::valueno kMaxPersonSlots = 64;
// Place and organisation facets, the same way: the article's k-th distinct place (display form)
// in kFirstPlaceSlot + k, its k-th distinct organisation in kFirstOrganizationSlot + k, at most
// kMaxPlaceSlots and kMaxOrganizationSlots of them (every one still gets its XG or XO term).
// Each range starts on a round number above the one before, leaving room to grow each cap.
inline constexpr Xapian::valueno kFirstPlaceSlot = 100;
inline constexpr Xapian::valueno kMaxPlaceSlots = 64;
inline constexpr Xapian::valueno kFirstOrganizationSlot = 200;
inline constexpr Xapian::valueno kMaxOrganizationSlots = 64;
static_assert(kFirstPersonSlot > kStorySlot);
static_assert(kFirstPersonSlot + kMaxPersonSlots <= kFirstPlaceSlot);
static_assert(kFirstPlaceSlot + kMaxPlaceSlots <= kFirstOrganizationSlot);

// Metadata keys stored in the database.
inline constexpr std::string_view kSchemaVersionKey = "newsarchive:schema";
inline constexpr std::string_view kLanguageKey = "newsarchive:language";
// The largest number of person slots any article in this database uses, as a decimal number.
inline constexpr std::string_view kPersonSlotsKey = "newsarchive:person-slots";
// The same for place and organisation slots.
inline constexpr std::string_view kPlaceSlotsKey = "newsarchive:place-slots";
inline constexpr std::string_view kOrganizationSlotsKey = "newsarchive:organization-slots";
// JSON {"processed": N, "last_id": "..."}: how far the run had got at this commit, committed
// atomically with the articles it describes (store/metadata.h writes it). N counts the articles
// this run wrote or found unchanged in this database, last_id is the last of them. Staging
// shards (index/staging_area.h) record the same format for what they wrote.
inline constexpr std::string_view kCheckpointKey = "newsarchive:checkpoint";
// Set ("1") while the whole database needs a cluster pass (a bulk load's merged result, until
// its stories are worked out); committed before the result is put in place and cleared in the
// commit that ends the pass.
inline constexpr std::string_view kReclusterAllKey = "newsarchive:recluster-all";
// JSON report of the last finished run (newsindex stats shows it).
inline constexpr std::string_view kLastRunKey = "newsarchive:last-run";

// How a user-visible query field maps onto the index.
enum class FieldKind {
  kFreeText,  // probabilistic: words are analysed like the body (title:iraq)
  kBoolean,   // a filter on an exact, normalised value (source:reuters)
  kName,      // a filter on a name folded with person_key() (place:"new york")
  kPerson,    // a person filter: full name, or a bare surname matching every person ending with it
};

struct FieldSpec {
  std::string_view name;    // what the user types before the colon
  std::string_view prefix;  // the term prefix it searches
  FieldKind kind;
};

// Fields a user may type in a query. Anything not listed here cannot reach internal terms.
// "date:" is handled by the date field processor (query_parser.cc) and is not a term field.
inline constexpr std::array kFields = {
    FieldSpec{"title", kTitlePrefix, FieldKind::kFreeText},
    FieldSpec{"author", kAuthorPrefix, FieldKind::kFreeText},
    FieldSpec{"source", kSourcePrefix, FieldKind::kBoolean},
    FieldSpec{"person", kPersonPrefix, FieldKind::kPerson},
    FieldSpec{"place", kPlacePrefix, FieldKind::kName},
    FieldSpec{"org", kOrganizationPrefix, FieldKind::kName},
};

inline constexpr std::string_view kDateField = "date";

// Every prefix, for the uniqueness test.
inline constexpr std::array kAllPrefixes = {
    kIdPrefix,           kTitlePrefix,  kAuthorPrefix, kYearPrefix,    kMonthPrefix,
    kDayPrefix,          kSourcePrefix, kPersonPrefix, kSurnamePrefix, kPlacePrefix,
    kOrganizationPrefix, kBandPrefix,   kStoryPrefix};

}  // namespace newsarchive::schema
