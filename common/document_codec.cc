// JSON document-data encoding; see document_codec.h for the format.
#include "document_codec.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace newsarchive {

using nlohmann::json;

std::string encode_document_data(const Article& article) {
  json object = {{"v", kDocumentDataVersion},
                 {"id", article.id},
                 {"date", article.date ? json(article.date->iso()) : json(nullptr)},
                 {"title", article.title},
                 {"body", article.body}};
  if (!article.source.empty()) object["source"] = article.source;
  if (!article.url.empty()) object["url"] = article.url;
  if (!article.author.empty()) object["author"] = article.author;
  return object.dump(-1, ' ', false, json::error_handler_t::replace);
}

Article decode_document_data(std::string_view data) {
  json object = json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) throw std::runtime_error("document data is not a JSON object");
  if (object.value("v", 0) != kDocumentDataVersion)
    throw std::runtime_error("document data version " + object.value("v", json(0)).dump() +
                             " is not supported; rebuild the database");
  Article article;
  article.id = object.value("id", "");
  if (auto date = object.find("date"); date != object.end() && date->is_string())
    article.date = parse_article_date(date->get_ref<const std::string&>());
  article.title = object.value("title", "");
  article.body = object.value("body", "");
  article.source = object.value("source", "");
  article.url = object.value("url", "");
  article.author = object.value("author", "");
  return article;
}

}  // namespace newsarchive
