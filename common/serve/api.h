// The JSON API of `newssearch serve`, apart from HTTP: each call takes a request's decoded
// parameters and gives the status and body to send.
//
//   /api/search   what `newssearch --format json` prints for the same options (one code path:
//                 SearchOptions, resolve_search, Searcher::search, render_json)
//   /api/article  one stored article: {"id", "title", "date", "source", "url", "author",
//                 "persons", "places", "organizations", "body"}
//   /api/stats    {"articles": N, "databases": [what `newsindex stats --format json` prints
//                 for each, less its "database" path]}
// Errors are {"error": "..."}: 400 for a bad request, 404 for an unknown article, 503 while
// the database keeps changing under the read, 500 for anything else.
#pragma once

#include <functional>
#include <string>

#include "serve/api_parameters.h"
#include "serve/searcher_pool.h"
#include "text/date.h"

namespace newsarchive {

struct ApiReply {
  int status = 200;
  std::string body;  // JSON, ending in a newline
};

class SearchApi {
 public:
  // `today` gives the date relative dates are read against, asked for each request (a server
  // runs across midnights).
  SearchApi(SearcherPool& pool, std::function<Date()> today);

  ApiReply search(const QueryParameters& parameters);
  ApiReply article(const QueryParameters& parameters);
  ApiReply stats(const QueryParameters& parameters);

 private:
  SearcherPool& pool_;
  std::function<Date()> today_;
};

// {"error": message}, and a newline.
std::string error_body(const std::string& message);

}  // namespace newsarchive
