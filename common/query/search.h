// Running a search: opens one or more databases as one, matches, sorts, and returns hits as
// data (snippets included) for the renderers.
#pragma once

#include <xapian.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "query/facets.h"
#include "query/query_parser.h"
#include "ingest/article.h"
#include "query/snippet.h"
#include "text/date.h"

namespace newsarchive {

enum class SortOrder { kRelevance, kNewest, kOldest };

// What the hits show of the versions of one story (articles sharing a story key, index-time
// near-duplicate detection): only the best-ranked version of each (kCollapse), or every version,
// each marked with its story's key (kShow).
enum class DuplicateMode { kCollapse, kShow };

struct SearchRequest {
  std::string query;  // QueryParser syntax; empty matches everything
  std::optional<DatePeriod> from;
  std::optional<DatePeriod> to;
  Date today = today_local();  // what the query's date: values ("yesterday") are relative to
  SortOrder sort = SortOrder::kRelevance;
  DefaultOperator default_operator = DefaultOperator::kAnd;
  Xapian::doccount offset = 0;
  Xapian::doccount limit = 10;
  std::vector<std::string> persons;        // each must match (person_filter_query)
  std::vector<std::string> places;         // each must match (name_filter_query)
  std::vector<std::string> organizations;  // each must match (name_filter_query)
  std::set<FacetKind> facets;              // counted over every match, exactly
  bool exact_count = false;                // count every match (facets imply it); else exact to 100
  size_t facet_size = 10;                  // rows of each name facet (person, place, org) at most
  DuplicateMode duplicates = DuplicateMode::kCollapse;
  // When set, the articles most like this article (more_like_this.h) instead of a ranked text
  // query; `query`, when also given, narrows them to those it matches.
  std::optional<std::string> like_id;
};

// "Did you mean": a corrected query and how many articles it matches.
struct Suggestion {
  std::string query;
  Xapian::doccount total_estimate = 0;
};

struct Hit {
  Xapian::doccount rank = 0;  // 1-based position in the full result list
  std::string id;
  double score = 0;
  std::optional<Date> date;
  Snippet title;  // whole headline, matches highlighted
  std::string source;
  Snippet snippet;
  std::vector<std::string> persons;  // canonical names, first-mention order
  // The key of the story this article is a version of; empty when it has no other version.
  std::string story;
  // Collapsing: how many other versions of the story matched and were folded into this hit. A
  // lower bound, which Xapian makes exact when every match is counted (exact_count or facets);
  // always 0 with DuplicateMode::kShow.
  Xapian::doccount duplicates = 0;
};

struct SearchResult {
  std::string query;
  Xapian::doccount total_estimate = 0;
  bool total_exact = false;  // the estimate's bounds agree: total_estimate is the count
  Xapian::doccount offset = 0;
  // total_estimate counts what the hits list: stories when collapsing, articles otherwise. This
  // counts articles either way: Xapian's estimate before collapsing, exact when every match fits
  // in the page (facets, which count articles too, are exact).
  Xapian::doccount total_articles = 0;
  DuplicateMode duplicates = DuplicateMode::kCollapse;  // as requested
  std::vector<Hit> hits;
  FacetResults facets;  // one entry per requested kind
  // Set when the query matched little (kFewMatches) and a spelling correction matches more
  // than kSuggestionGain times as many.
  std::optional<Suggestion> suggestion;
  // With --from or --to: how many undated articles match everything but the dates (the date
  // filter leaves them out, since they have no date to compare).
  std::optional<Xapian::doccount> undated_matches;
  // When nothing matched: the query's words that no article holds in any form.
  std::vector<std::string> unmatched_words;
  // Sorted by date, and this page holds undated articles: they come after every dated one.
  bool undated_listed_last = false;
};

// A spelling correction is looked for when a query matches fewer articles than this, or than
// one in kFewMatchesPerArticles of the archive on a large one.
inline constexpr Xapian::doccount kFewMatches = 20;
inline constexpr Xapian::doccount kFewMatchesPerArticles = 5000;
// ... and offered when the correction matches at least this many times as many (and more).
inline constexpr Xapian::doccount kSuggestionGain = 3;

class Searcher {
 public:
  // Opens every path as one combined database. Throws UserError for a path with no database
  // (saying how to create one) and for databases built with different languages.
  explicit Searcher(const std::vector<std::string>& database_paths);

  // Chooses how facets are counted; kValueStreams unless set (tests compare the two).
  void set_facet_mode(FacetMode mode) { facet_mode_ = mode; }

  // Runs the request; on DatabaseModifiedError (an indexer committed meanwhile) reopens and
  // reruns the whole search, a few times at most. Throws UserError for a bad query.
  SearchResult search(const SearchRequest& request);

  // The stored article with this id, or nullopt when there is none; read through concurrent
  // commits as search() is.
  std::optional<Article> article(const std::string& id);

  // Moves to the databases' latest revision, so a long-lived Searcher (the web server's) sees
  // what an indexer committed since it opened them.
  void refresh();

 private:
  SearchResult search_once(const SearchRequest& request);
  // Runs `read` through concurrent commits, turning what is left of their errors and of damage
  // into the errors users see.
  template <typename Read>
  auto reading(Read&& read) -> decltype(read());
  // The request's query with its filters; `text` stands for request.query (a correction), and
  // with `dates` false the date filter is left out.
  Xapian::Query build_query(const SearchRequest& request, const std::string& text,
                            const Analyzer& analyzer, bool dates) const;
  // The match count of `query` as the request counts its total (stories or articles), exact up
  // to `check_at_least`.
  Xapian::doccount count(const SearchRequest& request, const Xapian::Query& query,
                         Xapian::doccount check_at_least) const;
  // Fills the suggestion, the undated matches and the unmatched words of `result`.
  void explain(const SearchRequest& request, const Analyzer& analyzer, SearchResult& result) const;

  std::vector<std::string> paths_;  // as given, for error messages
  Xapian::Database database_;
  std::string language_;
  EntitySlotCounts slots_;  // the most any shard uses of each kind
  FacetMode facet_mode_ = FacetMode::kValueStreams;
};

}  // namespace newsarchive
