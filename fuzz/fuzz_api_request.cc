// Fuzz target: a web API search request's parameters, as decoded from a query string, through
// search_options_from_parameters and resolve_search. Either a request comes out that keeps the
// limits, or a UserError says what is wrong; nothing else may escape.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "present/search_options.h"
#include "serve/api_parameters.h"
#include "text/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsarchive;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // "name=value&name=value…", taken as already decoded: the bytes reach the parser as they are.
  QueryParameters parameters;
  while (!text.empty()) {
    size_t end = text.find('&');
    std::string_view pair = text.substr(0, end);
    size_t equals = pair.find('=');
    parameters.emplace(std::string(pair.substr(0, equals)),
                       equals == std::string_view::npos ? "" : std::string(pair.substr(equals + 1)));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  try {
    SearchOptions options = search_options_from_parameters(parameters);
    SearchRequest request = resolve_search(options, *make_date(2020, 2, 5), "");
    fuzz::check(request.limit <= kMaxLimit, "a limit over the maximum was accepted");
    fuzz::check(request.facet_size >= 1 && request.facet_size <= kMaxFacetSize,
                "a facet size out of range was accepted");
    fuzz::check(!request.from || !request.to || request.from->first <= request.to->last,
                "a date range ending before it starts was accepted");
  } catch (const UserError&) {
  }
  return 0;
}
