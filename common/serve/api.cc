#include "serve/api.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "present/cli_support.h"
#include "present/render.h"
#include "present/stats.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

using json = nlohmann::ordered_json;

std::string dump(const json& document) {
  return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

// Runs `answer`, turning each kind of failure into its status and {"error"} body.
template <typename Answer>
ApiReply answering(Answer&& answer) {
  try {
    return answer();
  } catch (const UserError& error) {
    return {400, error_body(error.what())};
  } catch (const DatabaseBusyError& error) {
    return {503, error_body(error.what())};
  } catch (const std::exception& error) {
    return {500, error_body(std::string("internal error: ") + error.what())};
  }
}

void refuse_parameters_other_than(const QueryParameters& parameters, const std::string& allowed) {
  for (const auto& entry : parameters)
    if (entry.first != allowed) throw UserError("unknown parameter " + quote_value(entry.first));
}

}  // namespace

std::string error_body(const std::string& message) {
  return dump(json{{"error", one_line(message)}});
}

SearchApi::SearchApi(SearcherPool& pool, std::function<Date()> today)
    : pool_(pool), today_(std::move(today)) {}

ApiReply SearchApi::search(const QueryParameters& parameters) {
  return answering([&] {
    SearchRequest request = resolve_search(search_options_from_parameters(parameters), today_(), "");
    SearcherPool::Lease searcher = pool_.borrow();
    SearchResult result = searcher->search(request);
    std::ostringstream out;
    render_json(result, out);
    return ApiReply{200, out.str()};
  });
}

ApiReply SearchApi::article(const QueryParameters& parameters) {
  return answering([&] {
    refuse_parameters_other_than(parameters, "id");
    std::string id = single_parameter(parameters, "id");
    if (id.empty()) throw UserError("id is required: /api/article?id=ID");
    SearcherPool::Lease searcher = pool_.borrow();
    std::optional<Article> article = searcher->article(id);
    if (!article) return ApiReply{404, error_body("no article with id " + quote_value(id))};
    json document = {{"id", article->id},
                     {"title", article->title},
                     {"date", article->date ? json(article->date->iso()) : json(nullptr)},
                     {"source", article->source},
                     {"url", article->url},
                     {"author", article->author},
                     {"persons", article->persons},
                     {"places", article->places},
                     {"organizations", article->organizations},
                     {"body", article->body}};
    return ApiReply{200, dump(document)};
  });
}

ApiReply SearchApi::stats(const QueryParameters& parameters) {
  return answering([&] {
    refuse_parameters_other_than(parameters, "");
    json databases = json::array();
    Xapian::doccount articles = 0;
    for (const std::string& path : pool_.database_paths()) {
      DatabaseStats stats = collect_stats(path);
      articles += stats.articles;
      json one = stats_json(stats);
      one.erase("database");  // the server's file system is not the reader's business
      databases.push_back(std::move(one));
    }
    return ApiReply{200, dump(json{{"articles", articles}, {"databases", std::move(databases)}})};
  });
}

}  // namespace newsarchive
