// The entity tagger's trained parameters: per-tag weights of hashed feature keys, quantised into
// a compact open-addressing table, and the lexicon (name lists, case profiles). Written by
// tools/train_ner, read by EntityTagger from the bytes compiled into the library or from a file.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entities/entity_features.h"

namespace newsarchive {

// File layout (little-endian): the 8-byte magic "NWSNER02"; uint32 ner::kFeatureVersion the
// model was trained with (any other is refused); uint32 feature count F; uint32 lexicon count G;
// uint32 cluster counts C and D; uint32 phrase count P; float32 weight unit; F records of
// {uint64 key, int8 weight[9], uint8 shift} (weight = weight[t] * 2^shift * unit); G records of
// {uint64 lower-cased word hash, uint8 ner::Lexicon::Value}; C records of {uint64 word hash,
// uint32 cluster code} (Brown clusters of words as written), D of {uint64 lower-cased word
// hash, uint32 cluster code}; P records of {uint64 phrase key, uint8 phrase value} (gazetteer).
class EntityModel {
 public:
  using Weights = std::array<float, ner::kNumTags>;

  // Throws std::runtime_error when `bytes` is not a well-formed model.
  static std::unique_ptr<EntityModel> parse(std::string_view bytes);

  // The model file for `weights` (in any order), quantised; a feature whose largest weight
  // magnitude is below `prune` is left out.
  static std::string serialize(const std::vector<std::pair<uint64_t, Weights>>& weights,
                               const ner::Lexicon& lexicon, float prune);

  const ner::Lexicon& lexicon() const { return lexicon_; }
  size_t feature_count() const { return feature_count_; }

  // Adds the weights of `keys` to `scores` (in units of the model's quantisation).
  void score(const std::vector<uint64_t>& keys, std::array<int32_t, ner::kNumTags>& scores) const;

 private:
  struct alignas(16) Row {
    uint32_t check = 0;  // high half of the key, never 0 when occupied
    std::array<int8_t, ner::kNumTags> weights{};
    uint8_t shift = 0;
  };

  std::vector<Row> rows_;  // power-of-two size, at most half full
  uint64_t mask_ = 0;
  size_t feature_count_ = 0;
  ner::Lexicon lexicon_;
};

}  // namespace newsarchive
