// Reading, writing and scoring the entity tagger's quantised weight table.
#include "entities/entity_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace newsarchive {
namespace {

constexpr std::string_view kMagic = "NWSNER02";
constexpr int kMaxShift = 15;
constexpr size_t kFeatureRecord = 8 + ner::kNumTags + 1;
constexpr size_t kLexiconRecord = 8 + 1;
constexpr size_t kClusterRecord = 8 + 4;
constexpr size_t kPhraseRecord = 8 + 1;

uint32_t check_of(uint64_t key) {
  auto check = static_cast<uint32_t>(key >> 32);
  return check == 0 ? 1 : check;
}

template <class T>
void put(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  template <class T>
  T get() {
    if (bytes_.size() - pos_ < sizeof(T)) throw std::runtime_error("entity model is truncated");
    T value;
    std::memcpy(&value, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return value;
  }
  size_t remaining() const { return bytes_.size() - pos_; }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

}  // namespace

std::unique_ptr<EntityModel> EntityModel::parse(std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic)
    throw std::runtime_error("not an entity model (bad magic)");
  Reader reader(bytes.substr(kMagic.size()));
  auto version = reader.get<uint32_t>();
  if (version != ner::kFeatureVersion)
    throw std::runtime_error("entity model was trained with feature version " +
                             std::to_string(version) + ", this build extracts version " +
                             std::to_string(ner::kFeatureVersion) + " (retrain: tools/train_ner)");
  auto features = reader.get<uint32_t>();
  auto words = reader.get<uint32_t>();
  auto clusters = reader.get<uint32_t>();
  auto lower_clusters = reader.get<uint32_t>();
  auto phrases = reader.get<uint32_t>();
  auto unit = reader.get<float>();
  if (reader.remaining() != uint64_t{features} * kFeatureRecord + uint64_t{words} * kLexiconRecord +
                                (uint64_t{clusters} + lower_clusters) * kClusterRecord +
                                uint64_t{phrases} * kPhraseRecord)
    throw std::runtime_error("entity model has the wrong size");
  if (!(unit > 0.0f) || !std::isfinite(unit))
    throw std::runtime_error("entity model has a bad weight unit");
  (void)unit;  // scores are compared, never converted back to floats

  auto model = std::make_unique<EntityModel>();
  size_t capacity = 16;
  while (capacity < 2 * static_cast<size_t>(features)) capacity *= 2;
  model->rows_.assign(capacity, Row{});
  model->mask_ = capacity - 1;
  model->feature_count_ = features;
  for (uint32_t f = 0; f < features; ++f) {
    auto key = reader.get<uint64_t>();
    Row row;
    row.check = check_of(key);
    for (int8_t& w : row.weights) w = reader.get<int8_t>();
    row.shift = reader.get<uint8_t>();
    if (row.shift > kMaxShift) throw std::runtime_error("entity model has a bad weight shift");
    size_t slot = key & model->mask_;
    while (model->rows_[slot].check != 0) {
      if (model->rows_[slot].check == row.check)
        throw std::runtime_error("entity model has a duplicate feature");
      slot = (slot + 1) & model->mask_;
    }
    model->rows_[slot] = row;
  }
  for (uint32_t w = 0; w < words; ++w) {
    auto hash = reader.get<uint64_t>();
    model->lexicon_.add_entry(hash, reader.get<ner::Lexicon::Value>());
  }
  for (uint32_t c = 0; c < clusters; ++c) {
    auto hash = reader.get<uint64_t>();
    model->lexicon_.set_cluster(hash, reader.get<uint32_t>());
  }
  for (uint32_t c = 0; c < lower_clusters; ++c) {
    auto hash = reader.get<uint64_t>();
    model->lexicon_.set_lower_cluster(hash, reader.get<uint32_t>());
  }
  for (uint32_t p = 0; p < phrases; ++p) {
    auto key = reader.get<uint64_t>();
    model->lexicon_.add_phrase_entry(key, reader.get<uint8_t>());
  }
  return model;
}

namespace {

float magnitude(const EntityModel::Weights& w) {
  float m = 0;
  for (float x : w) m = std::max(m, std::fabs(x));
  return m;
}

// The weights worth storing, by key: none below `prune` or all zero, and of keys sharing one
// check_of() (the table tells rows apart by it alone) the heaviest. `largest` is set to the
// largest magnitude kept.
std::vector<std::pair<uint64_t, EntityModel::Weights>> kept_weights(
    const std::vector<std::pair<uint64_t, EntityModel::Weights>>& weights, float prune,
    float& largest) {
  std::vector<std::pair<uint64_t, EntityModel::Weights>> kept;
  largest = 0;
  for (const auto& [key, w] : weights) {
    float m = magnitude(w);
    if (m < prune || m == 0) continue;
    kept.emplace_back(key, w);
    largest = std::max(largest, m);
  }
  std::sort(kept.begin(), kept.end(), [&](const auto& a, const auto& b) {
    uint32_t ca = check_of(a.first), cb = check_of(b.first);
    return ca != cb ? ca < cb : magnitude(a.second) > magnitude(b.second);
  });
  kept.erase(std::unique(kept.begin(), kept.end(),
                         [](const auto& a, const auto& b) {
                           return check_of(a.first) == check_of(b.first);
                         }),
             kept.end());
  std::sort(kept.begin(), kept.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return kept;
}

// A hash map's entries sorted by key, so a model file does not depend on table order.
template <class Value>
std::vector<std::pair<uint64_t, Value>> sorted_entries(const FlatHashMap<Value>& map) {
  std::vector<std::pair<uint64_t, Value>> sorted;
  map.for_each([&](uint64_t key, Value value) { sorted.emplace_back(key, value); });
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

}  // namespace

std::string EntityModel::serialize(const std::vector<std::pair<uint64_t, Weights>>& weights,
                                   const ner::Lexicon& lexicon, float prune) {
  float largest = 0;
  const std::vector<std::pair<uint64_t, Weights>> kept = kept_weights(weights, prune, largest);
  const float unit = largest > 0 ? largest / (127.0f * static_cast<float>(1 << kMaxShift)) : 1.0f;

  std::string out(kMagic);
  const auto words = sorted_entries(lexicon.entries());
  const auto clusters = sorted_entries(lexicon.clusters());
  const auto lower_clusters = sorted_entries(lexicon.lower_clusters());
  const auto phrases = sorted_entries(lexicon.phrases());
  std::string records;
  uint32_t count = 0;
  for (const auto& [key, w] : kept) {
    float m = magnitude(w);
    int shift = 0;
    while (shift < kMaxShift && m > 127.0f * unit * static_cast<float>(1 << shift)) ++shift;
    float step = unit * static_cast<float>(1 << shift);
    std::array<int8_t, ner::kNumTags> q{};
    bool nonzero = false;
    for (size_t t = 0; t < q.size(); ++t) {
      q[t] = static_cast<int8_t>(std::clamp(std::lround(w[t] / step), -127L, 127L));
      nonzero = nonzero || q[t] != 0;
    }
    if (!nonzero) continue;
    put(records, key);
    for (int8_t x : q) put(records, x);
    put(records, static_cast<uint8_t>(shift));
    ++count;
  }
  put(out, ner::kFeatureVersion);
  put(out, count);
  put(out, static_cast<uint32_t>(words.size()));
  put(out, static_cast<uint32_t>(clusters.size()));
  put(out, static_cast<uint32_t>(lower_clusters.size()));
  put(out, static_cast<uint32_t>(phrases.size()));
  put(out, unit);
  out += records;
  for (const auto& [hash, value] : words) {
    put(out, hash);
    put(out, value);
  }
  for (const auto* table : {&clusters, &lower_clusters}) {
    for (const auto& [hash, code] : *table) {
      put(out, hash);
      put(out, code);
    }
  }
  for (const auto& [key, value] : phrases) {
    put(out, key);
    put(out, value);
  }
  return out;
}

void EntityModel::score(const std::vector<uint64_t>& keys,
                        std::array<int32_t, ner::kNumTags>& scores) const {
  // The table is larger than the caches: fetch every row first, then add.
  for (uint64_t key : keys) __builtin_prefetch(&rows_[key & mask_]);
  for (uint64_t key : keys) {
    const uint32_t check = check_of(key);
    for (size_t slot = key & mask_;; slot = (slot + 1) & mask_) {
      const Row& row = rows_[slot];
      if (row.check == check) {
        for (size_t t = 0; t < ner::kNumTags; ++t)
          scores[t] += static_cast<int32_t>(row.weights[t]) * (int32_t{1} << row.shift);
        break;
      }
      if (row.check == 0) break;
    }
  }
}

}  // namespace newsarchive
