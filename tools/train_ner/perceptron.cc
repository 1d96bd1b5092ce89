// Averaged perceptron with lazy averaging: each feature's running total is brought up to date
// only when the feature changes.
#include "perceptron.h"

namespace newsarchive::train_ner {

void AveragedPerceptron::score(const std::vector<uint64_t>& keys, Scores& scores) const {
  for (uint64_t key : keys) {
    auto it = index_.find(key);
    if (it == index_.end()) continue;
    const Feature& f = features_[it->second];
    for (size_t t = 0; t < scores.size(); ++t) scores[t] += f.weight[t];
  }
}

float AveragedPerceptron::averaged_weight(const Feature& f, size_t tag) const {
  if (now_ == 0) return 0;
  double total = f.total[tag] + static_cast<double>(now_ - f.stamp) * f.weight[tag];
  return static_cast<float>(total / static_cast<double>(now_));
}

void AveragedPerceptron::score_averaged(const std::vector<uint64_t>& keys, Scores& scores) const {
  for (uint64_t key : keys) {
    auto it = index_.find(key);
    if (it == index_.end()) continue;
    const Feature& f = features_[it->second];
    for (size_t t = 0; t < scores.size(); ++t) scores[t] += averaged_weight(f, t);
  }
}

// The feature of `key`, created if new, with its running totals brought up to now.
AveragedPerceptron::Feature& AveragedPerceptron::touch(uint64_t key) {
  auto [it, added] = index_.try_emplace(key, static_cast<uint32_t>(features_.size()));
  if (added) {
    features_.emplace_back();
    features_.back().stamp = now_;
  }
  Feature& f = features_[it->second];
  for (size_t t = 0; t < f.total.size(); ++t)
    f.total[t] += static_cast<double>(now_ - f.stamp) * f.weight[t];
  f.stamp = now_;
  return f;
}

void AveragedPerceptron::update(const std::vector<uint64_t>& keys, uint8_t truth, uint8_t guess) {
  for (uint64_t key : keys) {
    Feature& f = touch(key);
    f.weight[truth] += 1;
    f.weight[guess] -= 1;
  }
}

void AveragedPerceptron::add(const std::vector<uint64_t>& keys, uint8_t tag, float delta) {
  for (uint64_t key : keys) touch(key).weight[tag] += delta;
}

std::vector<std::pair<uint64_t, EntityModel::Weights>> AveragedPerceptron::averaged() const {
  std::vector<std::pair<uint64_t, EntityModel::Weights>> out;
  out.reserve(index_.size());
  for (const auto& [key, slot] : index_) {
    EntityModel::Weights w;
    for (size_t t = 0; t < w.size(); ++t) w[t] = averaged_weight(features_[slot], t);
    out.emplace_back(key, w);
  }
  return out;
}

}  // namespace newsarchive::train_ner
