// JSON document-data encoding; see document_codec.h for the format.
#include "store/document_codec.h"

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
  if (!article.persons.empty()) object["persons"] = article.persons;
  if (!article.places.empty()) object["places"] = article.places;
  if (!article.organizations.empty()) object["organizations"] = article.organizations;
  return object.dump(-1, ' ', false, json::error_handler_t::replace);
}

namespace {

// The string under `key`, or "" when absent. Throws std::runtime_error, not nlohmann's
// type_error, when the value is not a string.
std::string string_field(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end()) return "";
  if (!it->is_string())
    throw std::runtime_error(std::string("document data field \"") + key + "\" is not a string");
  return it->get<std::string>();
}

// The strings under `key`, empty when absent; throws std::runtime_error for anything but an
// array of strings.
std::vector<std::string> string_list_field(const json& object, const char* key) {
  std::vector<std::string> values;
  auto it = object.find(key);
  if (it == object.end()) return values;
  if (!it->is_array())
    throw std::runtime_error(std::string("document data field \"") + key + "\" is not a list");
  for (const json& value : *it) {
    if (!value.is_string())
      throw std::runtime_error(std::string("document data field \"") + key +
                               "\" holds a non-string");
    values.push_back(value.get<std::string>());
  }
  return values;
}

}  // namespace

Article decode_document_data(std::string_view data) {
  json object = json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) throw std::runtime_error("document data is not a JSON object");
  // Compared as JSON so that a version of another type ("1", null) is unknown, not a type_error.
  if (json version = object.value("v", json(0)); version != json(kDocumentDataVersion))
    throw std::runtime_error("document data version " + version.dump() +
                             " is not supported; rebuild the database");
  Article article;
  article.id = string_field(object, "id");
  if (auto date = object.find("date"); date != object.end() && date->is_string())
    article.date = parse_article_date(date->get_ref<const std::string&>());
  article.title = string_field(object, "title");
  article.body = string_field(object, "body");
  article.source = string_field(object, "source");
  article.url = string_field(object, "url");
  article.author = string_field(object, "author");
  article.persons = string_list_field(object, "persons");
  article.places = string_list_field(object, "places");
  article.organizations = string_list_field(object, "organizations");
  return article;
}

}  // namespace newsarchive
