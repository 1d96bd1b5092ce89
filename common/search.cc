// Search execution: query building, sorting, retrying on concurrent commits, hit assembly.
#include "search.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "analyzer.h"
#include "database_errors.h"
#include "document_codec.h"
#include "errors.h"
#include "schema.h"
#include "stem_cache.h"

namespace newsarchive {
namespace {

// Tries before a search gives up on a database that keeps changing under it. Each retry waits
// a little longer, so an indexer committing every few articles still lets a search through.
constexpr int kMaxAttempts = 10;
constexpr std::chrono::milliseconds kRetryPause{5};

// The match counts at least this many documents, so totals up to it are exact rather than
// estimated; beyond it Xapian's estimate is reported as "about" unless the request asks for an
// exact count. Checking 1000 instead made the median query 40% slower on a 200,000-article
// archive (phrases most: every candidate's positions are read), for counts a reader rarely needs
// to the article; those who do ask (--exact).
constexpr Xapian::doccount kExactCountThreshold = 100;

// Undated articles have no date value; the default key sorts them after every date in
// ascending order (and newest-first puts the empty value last already).
const std::string kUndatedSortsLast = "99999999";

// Moves `database` to the latest revision. If another commit discards that one at once, the
// caller's next attempt fails the same way and comes back here.
void reopen_quietly(Xapian::Database& database) {
  try {
    database.reopen();
  } catch (const Xapian::DatabaseModifiedError&) {
  }
}

}  // namespace

Xapian::Database open_database(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error))
    throw UserError("no database at " + quote_value(path) +
                    "; create one with: newsindex index --db " + path + " ARCHIVE_PATH");
  for (int attempt = 1;; ++attempt) {
    try {
      return Xapian::Database(path);
    } catch (const Xapian::DatabaseModifiedError&) {
      // A commit discarded the revision while it was being opened: open the new one.
      if (attempt == kMaxAttempts)
        throw DatabaseBusyError("database " + quote_value(path) + " changed " +
                                std::to_string(kMaxAttempts) +
                                " times while it was being opened; try again");
    } catch (const Xapian::DatabaseCorruptError&) {
      // Also what a block reused by a concurrent commit can look like; real damage fails on
      // every try.
      if (attempt == kMaxAttempts) rethrow_database_error(path);
      std::this_thread::sleep_for(kRetryPause * attempt);
    } catch (const Xapian::Error&) {
      rethrow_database_error(path);
    }
  }
}

Searcher::Searcher(const std::vector<std::string>& database_paths) {
  for (const std::string& path : database_paths) {
    paths_.push_back(path);
    Xapian::Database shard = open_database(path);
    std::string language;
    Xapian::valueno person_slots = 0;
    // An indexer committing meanwhile can discard the revision just opened, even here.
    for (int attempt = 1;; ++attempt) {
      try {
        language = shard.get_metadata(std::string(schema::kLanguageKey));
        person_slots = person_slot_count(shard);
        break;
      } catch (const Xapian::DatabaseError&) {  // modified, or a reused block (see above)
        if (attempt == kMaxAttempts)
          throw DatabaseBusyError("database " + quote_value(path) + " changed " +
                                  std::to_string(kMaxAttempts) +
                                  " times while it was being opened; try again");
        reopen_quietly(shard);
      }
    }
    if (language.empty()) language = kDefaultLanguage;
    if (!language_.empty() && language != language_)
      throw UserError("databases use different languages: " + quote_value(language_) + " and " +
                      quote_value(language) + " (" + path + ")");
    language_ = language;
    person_slots_ = std::max(person_slots_, person_slots);
    database_.add_database(shard);
  }
}

SearchResult Searcher::search(const SearchRequest& request) {
  for (int attempt = 1;; ++attempt) {
    try {
      return search_once(request);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kMaxAttempts)
        throw DatabaseBusyError("the database changed " + std::to_string(kMaxAttempts) +
                                " times while this search read it; try again");
      std::this_thread::sleep_for(kRetryPause * attempt);
      reopen_quietly(database_);
    } catch (const Xapian::DatabaseCorruptError&) {
      // Under concurrent commits glass can also report a reused block as corruption ("Expected
      // block N to be level 1"); real damage fails every try.
      if (attempt == kMaxAttempts) rethrow_database_error(paths_.front());
      std::this_thread::sleep_for(kRetryPause * attempt);
      reopen_quietly(database_);
    } catch (const Xapian::DatabaseLockError&) {
      throw;
    } catch (const Xapian::Error&) {
      // Damage found while searching: name the database (the first, when there are several).
      rethrow_database_error(paths_.front());
    }
  }
}

SearchResult Searcher::search_once(const SearchRequest& request) {
  Analyzer analyzer(language_);
  Xapian::Query query =
      parse_user_query(request.query, analyzer, database_, request.default_operator);
  if (request.from || request.to)
    query =
        Xapian::Query(Xapian::Query::OP_FILTER, query, date_range_query(request.from, request.to));
  for (const std::string& person : request.persons)
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, person_filter_query(person));

  Xapian::Enquire enquire(database_);
  enquire.set_query(query);
  // Ties never fall back to docid order, which depends on how the archive was loaded, sharded
  // and merged: the sort-key slot orders equal dates by content hash (schema.h).
  Xapian::MultiValueKeyMaker oldest_first;
  oldest_first.add_value(schema::kSortKeySlot, false, kUndatedSortsLast);
  switch (request.sort) {
    case SortOrder::kRelevance:
      // Equal scores (every hit of a pure filter such as person:matamba) go newest first.
      enquire.set_sort_by_relevance_then_value(schema::kSortKeySlot, true);
      break;
    case SortOrder::kNewest:  // undated articles have no value and sort last
      enquire.set_sort_by_value_then_relevance(schema::kSortKeySlot, true);
      break;
    case SortOrder::kOldest:
      enquire.set_sort_by_key_then_relevance(&oldest_first, false);
      break;
  }
  std::optional<FacetCounter> facets;
  Xapian::doccount check_at_least = kExactCountThreshold;
  if (!request.facets.empty()) {
    facets.emplace(database_, person_slots_, request.facets, facet_mode_);
    facets->attach(enquire);
  }
  // Facets count every match, not a sample; that also makes the total exact.
  if (request.exact_count || facets) check_at_least = database_.get_doccount();
  Xapian::MSet mset;
  try {
    mset = enquire.get_mset(request.offset, request.limit, check_at_least);
  } catch (const Xapian::WildcardError& error) {
    throw UserError("invalid query: " + error.get_msg() +
                    " (narrow the wildcard): " + quote_value(request.query));
  }

  SearchResult result;
  result.query = request.query;
  result.offset = request.offset;
  result.total_estimate = mset.get_matches_estimated();
  result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  // Snippets stem every word of every hit; the words of ten articles repeat a lot.
  const Xapian::Stem stemmer = make_caching_stemmer(analyzer.stemmer());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Article article = decode_document_data(it.get_document().get_data());
    Hit hit;
    hit.rank = it.get_rank() + 1;
    hit.id = article.id;
    hit.score = it.get_weight();
    hit.date = article.date;
    hit.title = highlight_all(mset, article.title, stemmer);
    hit.source = article.source;
    hit.snippet = make_snippet(mset, article.body, stemmer);
    hit.persons = std::move(article.persons);
    result.hits.push_back(std::move(hit));
  }
  if (facets) result.facets = facets->results(request.facet_size);
  return result;
}

}  // namespace newsarchive
