// Named-entity recognition: finds mentions of people, places, organisations and other names in
// article text with an averaged-perceptron sequence tagger trained on CoNLL-2003 (see
// tools/train_ner/). The model is compiled into the library, so no file is needed at run time.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsarchive {

enum class EntityType { kPerson, kPlace, kOrganization, kMisc };

// "person", "place", "organization", "misc".
std::string_view entity_type_name(EntityType type);

struct EntityMention {
  EntityType type;
  size_t start = 0;  // byte offset into the text passed to find()
  size_t end = 0;    // exclusive
  // Spans follow the CoNLL convention: titles and honorifics are outside the span ("Defense
  // Secretary [Mark Esper]", "Mr. [Esper]"), generational suffixes inside ("[William Seely
  // III]"), possessive endings outside ("[Trump]'s").
};

class EntityModel;  // the loaded weights and gazetteers

class EntityTagger {
 public:
  // The English model compiled into the library. Loading happens once; the tagger is immutable
  // and safe to share between threads.
  static const EntityTagger& english();

  // Loads a model file written by the training program (for training and evaluation tools).
  // Throws std::runtime_error when the file is missing or malformed.
  static EntityTagger from_file(const std::string& path);

  // Mentions in `text` (UTF-8), in order of position, non-overlapping.
  std::vector<EntityMention> find(std::string_view text) const;

  // As find(), for a text made of sections (an article's headline, then its body): the first
  // token at or after each offset in `section_starts` (in increasing order) begins a sentence, so
  // no mention runs from one section into the next, while the tagger's document-level evidence
  // still spans them.
  std::vector<EntityMention> find(std::string_view text,
                                  const std::vector<size_t>& section_starts) const;

  // True when the news text the model learnt from capitalises `word` only where it opens a
  // sentence ("Moreover"), never mid-sentence: capitalised, it is no name.
  bool opens_sentences_only(std::string_view word) const;

  // True when `word` (any case) is in the model's given-name list ("Louis", "Elizabeth").
  bool is_given_name(std::string_view word) const;

  EntityTagger(EntityTagger&&) noexcept;
  ~EntityTagger();

 private:
  explicit EntityTagger(std::unique_ptr<EntityModel> model);
  std::unique_ptr<EntityModel> model_;
};

}  // namespace newsarchive
