// Running a search: opens one or more databases as one, matches, sorts, and returns hits as
// data (snippets included) for the renderers.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "query_parser.h"
#include "snippet.h"

namespace newsarchive {

enum class SortOrder { kRelevance, kNewest, kOldest };

struct SearchRequest {
  std::string query;  // QueryParser syntax; empty matches everything
  std::optional<DatePeriod> from;
  std::optional<DatePeriod> to;
  SortOrder sort = SortOrder::kRelevance;
  DefaultOperator default_operator = DefaultOperator::kAnd;
  Xapian::doccount offset = 0;
  Xapian::doccount limit = 10;
};

struct Hit {
  Xapian::doccount rank = 0;  // 1-based position in the full result list
  std::string id;
  double score = 0;
  std::optional<Date> date;
  Snippet title;  // whole headline, matches highlighted
  std::string source;
  Snippet snippet;
};

struct SearchResult {
  std::string query;
  Xapian::doccount total_estimate = 0;
  bool total_exact = false;  // the estimate's bounds agree
  Xapian::doccount offset = 0;
  std::vector<Hit> hits;
};

class Searcher {
 public:
  // Opens every path as one combined database. Throws UserError for a path with no database
  // (saying how to create one) and for databases built with different languages.
  explicit Searcher(const std::vector<std::string>& database_paths);

  // Runs the request; on DatabaseModifiedError (an indexer committed meanwhile) reopens and
  // reruns the whole search, a few times at most. Throws UserError for a bad query.
  SearchResult search(const SearchRequest& request);

 private:
  SearchResult search_once(const SearchRequest& request);

  Xapian::Database database_;
  std::string language_;
};

}  // namespace newsarchive
