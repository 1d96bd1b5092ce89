// Multi-class averaged perceptron over hashed feature keys, for training the entity tagger.
#pragma once

#include <array>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "entities/entity_model.h"

namespace newsarchive::train_ner {

class AveragedPerceptron {
 public:
  using Scores = std::array<float, ner::kNumTags>;

  // Current weights (what training predicts with).
  void score(const std::vector<uint64_t>& keys, Scores& scores) const;
  // Weights averaged over every step so far (what tagging uses).
  void score_averaged(const std::vector<uint64_t>& keys, Scores& scores) const;

  // One training step: call once per scored token, then update() if the guess was wrong.
  void tick() { ++now_; }
  void update(const std::vector<uint64_t>& keys, uint8_t truth, uint8_t guess);
  // Adds `delta` to the weight of `tag` for each of `keys` (a structured update's half).
  void add(const std::vector<uint64_t>& keys, uint8_t tag, float delta);

  // The averaged weights of every feature.
  std::vector<std::pair<uint64_t, EntityModel::Weights>> averaged() const;
  size_t size() const { return features_.size(); }

 private:
  struct Feature {
    EntityModel::Weights weight{};
    std::array<double, ner::kNumTags> total{};  // sum of the weight over steps up to `stamp`
    uint64_t stamp = 0;
  };
  float averaged_weight(const Feature& f, size_t tag) const;
  Feature& touch(uint64_t key);

  std::unordered_map<uint64_t, uint32_t> index_;
  std::vector<Feature> features_;
  uint64_t now_ = 0;
};

}  // namespace newsarchive::train_ner
