// Person-facet latency: runs a search with --facet person many times through the library and
// prints p50/p95 for both counting paths (value streams, and the stock ValueCountMatchSpy path a
// remote shard would use), plus the plain search without facets. Prints figures; not a test.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "query/search.h"

using namespace newsarchive;

namespace {

struct Timing {
  double p50 = 0;
  double p95 = 0;
  Xapian::doccount matches = 0;
  std::string top;
};

Timing measure(Searcher& searcher, const SearchRequest& request, int runs) {
  std::vector<double> ms;
  Timing timing;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    SearchResult result = searcher.search(request);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
    timing.matches = result.total_estimate;
    auto facet = result.facets.find(FacetKind::kPerson);
    if (facet != result.facets.end() && !facet->second.empty())
      timing.top =
          facet->second.front().value + " (" + std::to_string(facet->second.front().count) + ")";
  }
  std::sort(ms.begin(), ms.end());
  timing.p50 = ms[ms.size() / 2];
  timing.p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
  return timing;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: facet_latency DB QUERY [RUNS]\n";
    return 2;
  }
  int runs = argc > 3 ? std::stoi(argv[3]) : 30;
  Searcher searcher({argv[1]});
  SearchRequest request;
  request.query = argv[2];
  measure(searcher, request, 3);  // warm the cache

  Timing plain = measure(searcher, request, runs);
  request.facets = {FacetKind::kPerson};
  Timing streams = measure(searcher, request, runs);
  searcher.set_facet_mode(FacetMode::kStockSpies);
  Timing stock = measure(searcher, request, runs);

  std::printf("query %-12s matches %u, %d runs each\n", argv[2], streams.matches, runs);
  std::printf("  %-34s p50 %7.1f ms  p95 %7.1f ms\n", "search, 10 hits with snippets", plain.p50,
              plain.p95);
  std::printf("  %-34s p50 %7.1f ms  p95 %7.1f ms  top: %s\n", "+ --facet person (value streams)",
              streams.p50, streams.p95, streams.top.c_str());
  std::printf("  %-34s p50 %7.1f ms  p95 %7.1f ms  top: %s\n", "+ --facet person (stock spies)",
              stock.p50, stock.p95, stock.top.c_str());
  return 0;
}
