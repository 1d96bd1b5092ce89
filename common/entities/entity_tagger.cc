// EntityTagger: the embedded or a file model, run over a text in two greedy passes.
#include "entities/entity_tagger.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "entities/entity_features.h"
#include "entities/entity_model.h"
#include "entities/entity_model_data.h"
#include "entities/tokenizer.h"

namespace newsarchive {

std::string_view entity_type_name(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kPlace:
      return "place";
    case EntityType::kOrganization:
      return "organization";
    case EntityType::kMisc:
      return "misc";
  }
  return "misc";
}

EntityTagger::EntityTagger(std::unique_ptr<EntityModel> model) : model_(std::move(model)) {}
EntityTagger::EntityTagger(EntityTagger&&) noexcept = default;
EntityTagger::~EntityTagger() = default;

const EntityTagger& EntityTagger::english() {
  static const EntityTagger tagger(EntityModel::parse(embedded_english_entity_model()));
  return tagger;
}

EntityTagger EntityTagger::from_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read entity model '" + path + "'");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    return EntityTagger(EntityModel::parse(bytes));
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(std::string(e.what()) + ": '" + path + "'");
  }
}

std::vector<EntityMention> EntityTagger::find(std::string_view text) const {
  return find(text, {});
}

std::vector<EntityMention> EntityTagger::find(std::string_view text,
                                              const std::vector<size_t>& section_starts) const {
  std::vector<Token> tokens = tokenize(text);
  auto token = tokens.begin();
  for (size_t start : section_starts) {
    token = std::lower_bound(token, tokens.end(), start,
                             [](const Token& t, size_t offset) { return t.start < offset; });
    if (token != tokens.end()) token->sentence_start = true;
  }
  ner::NerDocument doc(text, std::move(tokens), model_->lexicon());
  std::vector<uint8_t> tags = ner::decode<int32_t>(
      doc, [this](const std::vector<uint64_t>& keys, std::array<int32_t, ner::kNumTags>& scores) {
        model_->score(keys, scores);
      });
  return doc.mentions(tags);
}

bool EntityTagger::opens_sentences_only(std::string_view word) const {
  std::string lower;
  ner::append_lower(word, lower);
  return ner::Lexicon::opens_sentences(model_->lexicon().find(ner::hash_string(lower)));
}

bool EntityTagger::is_given_name(std::string_view word) const {
  std::string lower;
  ner::append_lower(word, lower);
  return (ner::Lexicon::names(model_->lexicon().find(ner::hash_string(lower))) & ner::kGivenName) !=
         0;
}

}  // namespace newsarchive
