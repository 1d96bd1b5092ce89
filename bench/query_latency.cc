// Query latency through the library: runs a fixed query set (plain words, phrases, date ranges,
// person filters, a person facet) many times with newsarchive::Searcher, 10 hits with snippets,
// and prints p50/p95 per query and over all runs. The queries mirror ../shared/tools/queries.tsv
// (same labels, prefixes translated: date: -> SearchRequest from/to, person:x-y -> person:"x y")
// so bench/query_latency.sh can set them beside the bare-Xapian baseline (qbench). Like qbench,
// the default operator is OR, each query gets 2 warm-up runs, and percentiles are nearest-rank.
// Prints figures; not a test.
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "query/search.h"

using namespace newsarchive;

namespace {

struct BenchQuery {
  std::string label;  // the queries.tsv label it mirrors; "facet-..." has no counterpart there
  std::string kind;
  std::string query;
  std::string from;  // YYYY[-MM[-DD]], empty for none
  std::string to;
  bool person_facet = false;
};

const std::vector<BenchQuery>& bench_queries() {
  static const std::vector<BenchQuery> queries = {
      {"t-oil", "plain", "oil", "", "", false},
      {"t-cocoa", "plain", "cocoa", "", "", false},
      {"t-bank", "plain", "bank", "", "", false},
      {"t-said", "plain", "said", "", "", false},
      {"t-rare", "plain", "temporao", "", "", false},
      {"t-title", "plain", "title:coffee", "", "", false},
      {"and2", "plain", "oil AND prices", "", "", false},
      {"and3", "plain", "interest AND rates AND cut", "", "", false},
      {"and2-rare", "plain", "cocoa AND brazil", "", "", false},
      {"or2", "plain", "wheat OR corn", "", "", false},
      {"or3", "plain", "gold OR silver OR copper", "", "", false},
      {"bag3", "plain", "trade deficit japan", "", "", false},
      {"phrase2", "phrase", "\"interest rates\"", "", "", false},
      {"phrase3", "phrase", "\"federal reserve board\"", "", "", false},
      {"phrase-oil", "phrase", "\"crude oil prices\"", "", "", false},
      {"date-1", "date", "oil", "1987-03-01", "1987-03-31", false},
      {"date-2", "date", "\"interest rates\"", "1987-04-01", "1987-04-15", false},
      {"person", "person", "person:reagan", "", "", false},
      {"person+text", "person", "budget person:reagan", "", "", false},
      {"and+date+pers", "person", "dollar AND yen person:\"james baker\"", "1987-01-01",
       "1987-06-30", false},
      {"facet-oil", "facet", "oil", "", "", true},
      {"facet-reagan", "facet", "person:reagan", "", "", true},
  };
  return queries;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  auto index = static_cast<size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[index];
}

std::optional<DatePeriod> period(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::optional<DatePeriod> parsed = parse_date_period(text);
  if (!parsed) throw std::runtime_error("bad date in the query set: " + text);
  return parsed;
}

std::string describe(const BenchQuery& query) {
  std::string text = query.query;
  if (!query.from.empty() || !query.to.empty())
    text += "  [from " + query.from + " to " + query.to + "]";
  if (query.person_facet) text += "  [--facet person]";
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: query_latency DB [RUNS]\n";
    return 2;
  }
  const int runs = argc > 2 ? std::stoi(argv[2]) : 50;
  if (runs < 1) {
    std::cerr << "query_latency: RUNS must be at least 1\n";
    return 2;
  }
  Searcher searcher({argv[1]});
  const Xapian::doccount docs = Xapian::Database(argv[1]).get_doccount();

  std::printf("db=%s docs=%u runs=%d (+2 warm-up) default-op=OR, 10 hits with snippets\n", argv[1],
              docs, runs);
  std::printf("%-14s %-7s %9s %9s %9s  %s\n", "label", "kind", "matches", "p50_ms", "p95_ms",
              "query");
  std::vector<double> mirrored;  // every timed run of the queries that have a qbench counterpart
  size_t sink = 0;
  for (const BenchQuery& query : bench_queries()) {
    SearchRequest request;
    request.query = query.query;
    request.from = period(query.from);
    request.to = period(query.to);
    request.default_operator = DefaultOperator::kOr;
    request.limit = 10;
    if (query.person_facet) request.facets = {FacetKind::kPerson};

    std::vector<double> ms;
    Xapian::doccount matches = 0;
    for (int i = 0; i < runs + 2; ++i) {
      auto start = std::chrono::steady_clock::now();
      SearchResult result = searcher.search(request);
      double elapsed =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count();
      matches = result.total_estimate;
      for (const Hit& hit : result.hits) sink += hit.snippet.text.size();
      if (i < 2) continue;
      ms.push_back(elapsed);
      if (!query.person_facet) mirrored.push_back(elapsed);
    }
    std::printf("%-14s %-7s %9u %9.3f %9.3f  %s\n", query.label.c_str(), query.kind.c_str(),
                matches, percentile(ms, 0.5), percentile(ms, 0.95), describe(query).c_str());
  }
  std::printf("ALL mirrored queries: p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f (n=%zu) sink=%zu\n",
              percentile(mirrored, 0.5), percentile(mirrored, 0.95), percentile(mirrored, 0.99),
              mirrored.size(), sink);
  return 0;
}
