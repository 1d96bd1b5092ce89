// Tests for document_codec: the versioned JSON document data round-trips and rejects the unknown.
#include "store/document_codec.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>

namespace newsarchive {
namespace {

using nlohmann::json;

Article full_article() {
  Article article;
  article.id = "2020/01/esper-troops.txt";
  article.date = make_date(2020, 1, 6);
  article.title = "Esper: \"troops\" will stay in Iraq";
  article.body = "First paragraph with é and 中文.\n\nSecond paragraph & <tags>.";
  article.source = "Northern Wire";
  article.url = "https://example.com/a?b=1&c=2";
  article.author = "Jane Smith";
  return article;
}

std::set<std::string> keys_of(const json& object) {
  std::set<std::string> keys;
  for (const auto& item : object.items()) keys.insert(item.key());
  return keys;
}

TEST(DocumentCodec, RoundTripsEveryField) {
  Article original = full_article();
  Article decoded = decode_document_data(encode_document_data(original));
  EXPECT_EQ(decoded.id, original.id);
  ASSERT_TRUE(decoded.date.has_value());
  EXPECT_EQ(*decoded.date, *original.date);
  EXPECT_EQ(decoded.title, original.title);
  EXPECT_EQ(decoded.body, original.body);
  EXPECT_EQ(decoded.source, original.source);
  EXPECT_EQ(decoded.url, original.url);
  EXPECT_EQ(decoded.author, original.author);
}

TEST(DocumentCodec, RoundTripsEntityLists) {
  Article original = full_article();
  original.persons = {"Mark Esper", "William Seely III"};
  original.places = {"Iraq", "Baghdad"};
  original.organizations = {"Pentagon"};
  Article decoded = decode_document_data(encode_document_data(original));
  EXPECT_EQ(decoded.persons, original.persons);
  EXPECT_EQ(decoded.places, original.places);
  EXPECT_EQ(decoded.organizations, original.organizations);
  json object = json::parse(encode_document_data(original));
  EXPECT_EQ(object["persons"], json::array({"Mark Esper", "William Seely III"}));
}

TEST(DocumentCodec, NonStringEntityListThrowsRuntimeError) {
  EXPECT_THROW(decode_document_data(R"({"v":1,"persons":"Mark Esper"})"), std::runtime_error);
  EXPECT_THROW(decode_document_data(R"({"v":1,"persons":[1]})"), std::runtime_error);
}

TEST(DocumentCodec, EncodesEveryFieldUnderItsKeyWithVersionOne) {
  json object = json::parse(encode_document_data(full_article()));
  EXPECT_EQ(keys_of(object),
            (std::set<std::string>{"v", "id", "date", "title", "body", "source", "url", "author"}));
  EXPECT_EQ(object["v"], json(1));
  EXPECT_EQ(object["date"], json("2020-01-06"));
  EXPECT_EQ(object["source"], json("Northern Wire"));
}

TEST(DocumentCodec, UndatedArticleStoresNullDateAndDecodesUndated) {
  Article article = full_article();
  article.date.reset();
  std::string data = encode_document_data(article);
  json object = json::parse(data);
  ASSERT_TRUE(object.contains("date"));
  EXPECT_TRUE(object["date"].is_null());
  EXPECT_FALSE(decode_document_data(data).date.has_value());
}

TEST(DocumentCodec, OmitsEmptyOptionalFields) {
  Article article;
  article.id = "a.txt";
  article.title = "Headline";
  article.body = "Body.";
  std::string data = encode_document_data(article);
  EXPECT_EQ(data, R"({"body":"Body.","date":null,"id":"a.txt","title":"Headline","v":1})");
  Article decoded = decode_document_data(data);
  EXPECT_EQ(decoded.source, "");
  EXPECT_EQ(decoded.url, "");
  EXPECT_EQ(decoded.author, "");
}

TEST(DocumentCodec, UnknownVersionThrowsRuntimeError) {
  EXPECT_THROW(decode_document_data(R"({"v":2,"id":"a"})"), std::runtime_error);
  EXPECT_THROW(decode_document_data(R"({"v":0,"id":"a"})"), std::runtime_error);
  EXPECT_THROW(decode_document_data(R"({"id":"a"})"), std::runtime_error);
}

TEST(DocumentCodec, UnknownVersionMessageNamesTheVersion) {
  try {
    decode_document_data(R"({"v":2,"id":"a"})");
    FAIL() << "no exception";
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "document data version 2 is not supported; rebuild the database");
  }
}

// A version of the wrong JSON type is an unknown version too, not a leaked nlohmann type_error.
TEST(DocumentCodec, NonNumericVersionThrowsRuntimeError) {
  EXPECT_THROW(decode_document_data(R"({"v":"1","id":"a"})"), std::runtime_error);
  EXPECT_THROW(decode_document_data(R"({"v":null,"id":"a"})"), std::runtime_error);
}

TEST(DocumentCodec, FieldOfWrongTypeThrowsRuntimeError) {
  EXPECT_THROW(decode_document_data(R"({"v":1,"id":5})"), std::runtime_error);
  EXPECT_THROW(decode_document_data(R"({"v":1,"id":"a","title":["x"]})"), std::runtime_error);
}

TEST(DocumentCodec, NonJsonThrowsRuntimeError) {
  EXPECT_THROW(decode_document_data("not json"), std::runtime_error);
  EXPECT_THROW(decode_document_data(""), std::runtime_error);
  EXPECT_THROW(decode_document_data("id\ntitle\nbody"), std::runtime_error);
}

TEST(DocumentCodec, JsonThatIsNotAnObjectThrowsRuntimeError) {
  EXPECT_THROW(decode_document_data("[1]"), std::runtime_error);
  EXPECT_THROW(decode_document_data("1"), std::runtime_error);
}

}  // namespace
}  // namespace newsarchive
