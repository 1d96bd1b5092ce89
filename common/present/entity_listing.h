// `newsindex entities`: the entities indexing stores for each article of some inputs, found by
// the same reader, headline handling and tagger as `newsindex index`, so what it prints is what
// the person, place and organisation terms and facets of those articles hold.
#pragma once

#include <spdlog/logger.h>

#include <ostream>

#include "entities/entity_tagger.h"
#include "present/parse_listing.h"

namespace newsarchive {

struct EntityListingOptions {
  ParseOptions parse;
  bool mentions = false;  // also list every mention: type, text as written, canonical name
};

// One JSON line per article: {"id", "title", "persons", "places", "organizations"} (canonical
// names in the order indexing stores them), and "mentions" when asked. Returns the number of
// articles skipped, as list_parsed_articles.
size_t list_article_entities(const EntityListingOptions& options, const EntityTagger& tagger,
                             std::ostream& out, spdlog::logger& log);

}  // namespace newsarchive
