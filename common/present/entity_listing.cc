// newsindex entities; see entity_listing.h.
#include "present/entity_listing.h"

#include <nlohmann/json.hpp>

#include "entities/article_entities.h"

namespace newsarchive {

size_t list_article_entities(const EntityListingOptions& options, const EntityTagger& tagger,
                             std::ostream& out, spdlog::logger& log) {
  using json = nlohmann::ordered_json;
  auto on_article = [&](const Article& read, const SourceLocation&) {
    Article article = read;
    extract_entities(article, tagger);
    json line = {{"id", article.id},
                 {"title", article.title},
                 {"persons", article.persons},
                 {"places", article.places},
                 {"organizations", article.organizations}};
    if (options.mentions) {
      json mentions = json::array();
      for (const ResolvedMention& m : article_mentions(read, tagger))
        mentions.push_back({{"type", std::string(entity_type_name(m.mention.type))},
                            {"text", m.text},
                            {"canonical", m.canonical}});
      line["mentions"] = std::move(mentions);
    }
    out << line.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  };
  return for_each_parsed_article(options.parse, on_article, log);
}

}  // namespace newsarchive
