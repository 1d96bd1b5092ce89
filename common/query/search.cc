// Search execution: query building, sorting, retrying on concurrent commits, hit assembly.
#include "query/search.h"

#include <algorithm>

#include "query/more_like_this.h"
#include "query/search_notes.h"
#include "query/spelling_suggestion.h"
#include "query/stem_cache.h"
#include "store/analyzer.h"
#include "store/database_errors.h"
#include "store/database_open.h"
#include "store/document_builder.h"
#include "store/document_codec.h"
#include "store/metadata.h"
#include "store/revision_retry.h"
#include "store/schema.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

// The match counts at least this many documents, so totals up to it are exact rather than
// estimated; beyond it Xapian's estimate is reported as "about" unless the request asks for an
// exact count. Checking 1000 instead made the median query 40% slower on a 200,000-article
// archive (phrases most: every candidate's positions are read), for counts a reader rarely needs
// to the article; those who do ask (--exact).
constexpr Xapian::doccount kExactCountThreshold = 100;

// The headline's highlights: a headline holds the body's words and its own S-prefixed ones
// (title:ipod), and MSet::snippet knows only unprefixed words, so the title terms are offered
// to it as plain words (the query's other words stay). Returns nothing when the query has no
// title term, and the search's own MSet serves.
std::optional<Xapian::MSet> headline_mset(const Xapian::Database& database,
                                          const Xapian::Query& query) {
  std::vector<std::string> words;
  bool has_title_term = false;
  const std::string title(schema::kTitlePrefix);
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    std::string term = *it;
    bool stem = term.starts_with('Z');
    std::string_view rest = std::string_view(term).substr(stem ? 1 : 0);
    if (rest.starts_with(title) && rest.size() > title.size() &&
        !(rest[title.size()] >= 'A' && rest[title.size()] <= 'Z')) {
      has_title_term = true;
      // Built by appending: GCC 12's -O2 flags `"Z" + std::string(...)` with a false -Wrestrict.
      std::string word(stem ? "Z" : "");
      word.append(rest.substr(title.size()));
      words.push_back(std::move(word));
    } else if (!rest.empty() && !(rest[0] >= 'A' && rest[0] <= 'Z')) {
      words.push_back(term);
    }
  }
  if (!has_title_term) return std::nullopt;
  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));
  return enquire.get_mset(0, 0);
}

}  // namespace

Searcher::Searcher(const std::vector<std::string>& database_paths) {
  for (const std::string& path : database_paths) {
    paths_.push_back(path);
    Xapian::Database shard = open_database(path);
    std::string language;
    EntitySlotCounts slots;
    // An indexer committing meanwhile can discard the revision just opened, even here.
    try {
      retry_on_revision_change(&shard, [&] {
        language = shard.get_metadata(std::string(schema::kLanguageKey));
        slots = entity_slot_counts(shard);
      });
    } catch (const Xapian::DatabaseError&) {
      throw DatabaseBusyError("database " + quote_value(path) + " changed " +
                              std::to_string(kRevisionRetries) +
                              " times while it was being opened; try again");
    }
    if (language.empty()) language = kDefaultLanguage;
    if (!language_.empty() && language != language_)
      throw UserError("databases use different languages: " + quote_value(language_) + " and " +
                      quote_value(language) + " (" + path + ")");
    language_ = language;
    slots_.widen(slots);
    database_.add_database(shard);
  }
}

template <typename Read>
auto Searcher::reading(Read&& read) -> decltype(read()) {
  try {
    return retry_on_revision_change(&database_, read);
  } catch (const Xapian::DatabaseModifiedError&) {
    throw DatabaseBusyError("the database changed " + std::to_string(kRevisionRetries) +
                            " times while this search read it; try again");
  } catch (const Xapian::DatabaseLockError&) {
    throw;
  } catch (const Xapian::Error&) {
    // Damage found while searching, a corrupt block that every retry met included: name the
    // database (the first, when there are several).
    rethrow_database_error(paths_.front());
  }
}

SearchResult Searcher::search(const SearchRequest& request) {
  return reading([&] { return search_once(request); });
}

std::optional<Article> Searcher::article(const std::string& id) {
  return reading([&]() -> std::optional<Article> {
    const std::string term = id_term(id);
    Xapian::PostingIterator posting = database_.postlist_begin(term);
    if (posting == database_.postlist_end(term)) return std::nullopt;
    return decode_document_data(database_.get_document(*posting).get_data());
  });
}

void Searcher::refresh() {
  reopen_quietly(database_);
}

Xapian::Query Searcher::build_query(const SearchRequest& request, const std::string& text,
                                    const Analyzer& analyzer, bool dates) const {
  Xapian::Query query =
      parse_user_query(text, analyzer, database_, request.default_operator, request.today);
  if (request.like_id) {
    Xapian::Query similar = more_like_this_query(database_, *request.like_id);
    query = text.find_first_not_of(' ') == std::string::npos
                ? similar
                : Xapian::Query(Xapian::Query::OP_FILTER, similar, query);
  }
  if (dates && (request.from || request.to))
    query =
        Xapian::Query(Xapian::Query::OP_FILTER, query, date_range_query(request.from, request.to));
  for (const std::string& person : request.persons)
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, person_filter_query(person));
  for (const std::string& place : request.places)
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          name_filter_query(schema::kPlacePrefix, place, "place name"));
  for (const std::string& organization : request.organizations)
    query = Xapian::Query(
        Xapian::Query::OP_FILTER, query,
        name_filter_query(schema::kOrganizationPrefix, organization, "organisation name"));
  return query;
}

Xapian::doccount Searcher::count(const SearchRequest& request, const Xapian::Query& query,
                                 Xapian::doccount check_at_least) const {
  Xapian::Enquire enquire(database_);
  enquire.set_query(query);
  // Counted as the result's total is: stories when versions are collapsed.
  if (request.duplicates == DuplicateMode::kCollapse) enquire.set_collapse_key(schema::kStorySlot);
  return enquire.get_mset(0, 0, check_at_least).get_matches_estimated();
}

void Searcher::explain(const SearchRequest& request, const Analyzer& analyzer,
                       SearchResult& result) const {
  if (request.from || request.to) {
    Xapian::Query undated(Xapian::Query::OP_FILTER,
                          build_query(request, request.query, analyzer, false),
                          Xapian::Query(std::string(schema::kUndatedTerm)));
    result.undated_matches = count(request, undated, database_.get_doccount());
  }
  const Xapian::Stem& stemmer = analyzer.stemmer();
  if (result.total_estimate == 0)
    result.unmatched_words = words_matching_nothing(request.query, database_, stemmer);
  Xapian::doccount few = std::max(kFewMatches, database_.get_doccount() / kFewMatchesPerArticles);
  if (result.total_estimate >= few) return;
  std::optional<std::string> corrected = correct_spelling(request.query, database_, stemmer);
  if (!corrected) return;
  Xapian::doccount total =
      count(request, build_query(request, *corrected, analyzer, true), kExactCountThreshold);
  if (total > result.total_estimate && total >= kSuggestionGain * result.total_estimate)
    result.suggestion = Suggestion{*corrected, total};
}

SearchResult Searcher::search_once(const SearchRequest& request) {
  Analyzer analyzer(language_);
  Xapian::Query query = build_query(request, request.query, analyzer, true);

  Xapian::Enquire enquire(database_);
  enquire.set_query(query);
  // Ties never fall back to docid order, which depends on how the archive was loaded, sharded
  // and merged: the sort-key slots order equal dates, and undated articles, by content hash, and
  // put undated articles last in both date orders (schema.h).
  switch (request.sort) {
    case SortOrder::kRelevance:
      // Equal scores (every hit of a pure filter such as person:matamba) go newest first.
      enquire.set_sort_by_relevance_then_value(schema::kSortKeySlot, true);
      break;
    case SortOrder::kNewest:
      enquire.set_sort_by_value_then_relevance(schema::kSortKeySlot, true);
      break;
    case SortOrder::kOldest:
      enquire.set_sort_by_value_then_relevance(schema::kOldestKeySlot, false);
      break;
  }
  // One hit per story, its best-ranked version; articles with no other version have no key and
  // are never collapsed. Match spies see every match before collapsing, so facets count articles.
  if (request.duplicates == DuplicateMode::kCollapse) enquire.set_collapse_key(schema::kStorySlot);
  std::optional<FacetCounter> facets;
  Xapian::doccount check_at_least = kExactCountThreshold;
  if (!request.facets.empty()) {
    facets.emplace(database_, slots_, request.facets, facet_mode_);
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
  // Collapsing, Xapian keeps the upper bound of the uncollapsed match even when it has seen
  // every match; its lower bound is then the number of stories seen, which is every story.
  if (request.duplicates == DuplicateMode::kCollapse &&
      check_at_least >= database_.get_doccount()) {
    result.total_estimate = mset.get_matches_lower_bound();
    result.total_exact = true;
  }
  result.total_articles = mset.get_uncollapsed_matches_estimated();
  result.duplicates = request.duplicates;
  // Snippets stem every word of every hit; the words of ten articles repeat a lot.
  const Xapian::Stem stemmer = make_caching_stemmer(analyzer.stemmer());
  std::optional<Xapian::MSet> headlines = headline_mset(database_, query);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Article article = decode_document_data(it.get_document().get_data());
    if (!article.date && request.sort != SortOrder::kRelevance) result.undated_listed_last = true;
    Hit hit;
    hit.rank = it.get_rank() + 1;
    hit.id = article.id;
    hit.score = it.get_weight();
    hit.date = article.date;
    hit.title = highlight_all(headlines ? *headlines : mset, article.title, stemmer);
    hit.source = article.source;
    hit.snippet = make_snippet(mset, article.body, stemmer);
    hit.persons = std::move(article.persons);
    hit.story = it.get_document().get_value(schema::kStorySlot);
    if (request.duplicates == DuplicateMode::kCollapse) hit.duplicates = it.get_collapse_count();
    result.hits.push_back(std::move(hit));
  }
  if (facets) result.facets = facets->results(request.facet_size);
  explain(request, analyzer, result);
  return result;
}

}  // namespace newsarchive
