// Unit tests for common/entities/entity_model: a model serialised and parsed back scores exactly
// the weights it was given (chosen so that quantisation is exact), keeps its lexicon, leaves
// out pruned features, and parse() refuses truncated or corrupt bytes with the reason.
#include "entities/entity_model.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "entities/entity_features.h"

namespace newsarchive {
namespace {

using Weights = EntityModel::Weights;
using Scores = std::array<int32_t, ner::kNumTags>;
using FeatureList = std::vector<std::pair<uint64_t, Weights>>;

constexpr size_t kHeaderBytes = 8 + 4 + 5 * 4 + 4;  // magic, version, 5 counts, unit
constexpr size_t kFeatureRecordBytes = 8 + ner::kNumTags + 1;

// The largest weight magnitude sets the unit to largest / (127 * 2^15); this one makes the unit
// exactly 1, so every score is the weight itself.
constexpr float kLargest = 127.0f * 32768.0f;

constexpr uint64_t kStrong = 0x0000000a00000003ull;
constexpr uint64_t kSmall = 0x0000000b00000005ull;
constexpr uint64_t kEven = 0x000000c000000009ull;

// Weights that quantise without loss with unit 1: up to 127 in steps of 1 (shift 0), up to 254
// in steps of 2 (shift 1), and up to 127 * 2^15 in steps of 2^15 (shift 15).
const FeatureList kFeatures = {
    {kStrong, {kLargest, 0, -kLargest, 32768, 0, 0, 0, 0, -65536}},
    {kSmall, {1, -2, 3, -4, 5, -6, 7, -127, 0}},
    {kEven, {254, -128, 2, 0, 0, 0, 0, 0, -254}},
};

Scores as_scores(const Weights& weights) {
  Scores scores{};
  for (size_t t = 0; t < scores.size(); ++t) scores[t] = static_cast<int32_t>(weights[t]);
  return scores;
}

Scores score(const EntityModel& model, const std::vector<uint64_t>& keys) {
  Scores scores{};
  model.score(keys, scores);
  return scores;
}

ner::Lexicon test_lexicon() {
  ner::Lexicon lexicon;
  lexicon.add_entry(0x1111, ner::kGivenName);
  lexicon.add_entry(0x2222, ner::kNameWord | (3u << 2));
  lexicon.add_entry(0, 5u << 2);  // the zero hash is a key like any other
  lexicon.set_cluster(0x4444, ner::cluster_code("0110"));
  lexicon.set_lower_cluster(0x5555, ner::cluster_code("1"));
  lexicon.add_phrase({0x6666, 0x7777}, 2);  // a two-token place: a prefix key and a whole one
  return lexicon;
}

std::string serialized_model() {
  return EntityModel::serialize(kFeatures, test_lexicon(), 0.0f);
}

// What parse() says about `bytes`; empty when it accepts them.
std::string parse_error(std::string_view bytes) {
  try {
    EntityModel::parse(bytes);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

template <class T>
void overwrite(std::string& bytes, size_t offset, T value) {
  std::memcpy(bytes.data() + offset, &value, sizeof value);
}

TEST(EntityModel, ARoundTripScoresExactlyTheWeightsGiven) {
  auto model = EntityModel::parse(serialized_model());
  EXPECT_EQ(model->feature_count(), 3u);
  for (const auto& [key, weights] : kFeatures)
    EXPECT_EQ(score(*model, {key}), as_scores(weights)) << std::hex << key;
}

TEST(EntityModel, ScoresAddUpOverKeysAndIgnoreUnknownOnes) {
  auto model = EntityModel::parse(serialized_model());
  EXPECT_EQ(score(*model, {kSmall, kEven, 0x1234567887654321ull, kSmall}),
            (Scores{1 + 254 + 1, -2 - 128 - 2, 3 + 2 + 3, -4 - 4, 5 + 5, -6 - 6, 7 + 7, -127 - 127,
                    -254}));
  EXPECT_EQ(score(*model, {0x1234567887654321ull}), Scores{});
  EXPECT_EQ(score(*model, {}), Scores{});
}

TEST(EntityModel, AddsToTheScoresItIsGiven) {
  auto model = EntityModel::parse(serialized_model());
  Scores scores{};
  scores.fill(1000);
  model->score({kSmall}, scores);
  EXPECT_EQ(scores, (Scores{1001, 998, 1003, 996, 1005, 994, 1007, 873, 1000}));
}

TEST(EntityModel, TheOrderOfTheWeightsGivenDoesNotMatter) {
  FeatureList reversed(kFeatures.rbegin(), kFeatures.rend());
  EXPECT_EQ(EntityModel::serialize(reversed, test_lexicon(), 0.0f), serialized_model());
}

TEST(EntityModel, ARoundTripKeepsTheLexicon) {
  auto model = EntityModel::parse(serialized_model());
  EXPECT_EQ(model->lexicon().entries().size(), 3u);
  EXPECT_EQ(model->lexicon().find(0x1111), ner::kGivenName);
  EXPECT_EQ(model->lexicon().find(0x2222), ner::kNameWord | (3u << 2));
  EXPECT_EQ(model->lexicon().find(0), 5u << 2);
  EXPECT_EQ(model->lexicon().find(0x3333), 0u);
  EXPECT_EQ(model->lexicon().clusters().size(), 1u);
  EXPECT_EQ(model->lexicon().cluster(0x4444), ner::cluster_code("0110"));
  EXPECT_EQ(model->lexicon().lower_clusters().size(), 1u);
  EXPECT_EQ(model->lexicon().lower_cluster(0x5555), ner::cluster_code("1"));
  EXPECT_EQ(model->lexicon().cluster(0x5555), 0u);
  EXPECT_EQ(model->lexicon().phrases().size(), 2u);
  const uint64_t first = ner::Lexicon::phrase_key(0, 0x6666);
  EXPECT_EQ(model->lexicon().phrase(first), ner::Lexicon::kPhrasePrefix);
  EXPECT_EQ(model->lexicon().phrase(ner::Lexicon::phrase_key(first, 0x7777)), 1u << 1);
  EXPECT_EQ(model->lexicon().phrase(ner::Lexicon::phrase_key(0, 0x7777)), 0u);
}

TEST(EntityModel, AParsedModelSerialisesToTheSameBytes) {
  // Scores are the weights (unit 1), so the parsed model's scores rebuild the weights exactly.
  auto model = EntityModel::parse(serialized_model());
  FeatureList rebuilt;
  for (const auto& [key, ignored] : kFeatures) {
    Scores scores = score(*model, {key});
    Weights weights{};
    for (size_t t = 0; t < weights.size(); ++t) weights[t] = static_cast<float>(scores[t]);
    rebuilt.emplace_back(key, weights);
  }
  EXPECT_EQ(EntityModel::serialize(rebuilt, model->lexicon(), 0.0f), serialized_model());
}

TEST(EntityModel, FeaturesBelowThePruneThresholdAreLeftOut) {
  auto model = EntityModel::parse(EntityModel::serialize(kFeatures, ner::Lexicon(), 128.0f));
  EXPECT_EQ(model->feature_count(), 2u);
  EXPECT_EQ(score(*model, {kSmall}), Scores{});  // largest magnitude 127
  EXPECT_EQ(score(*model, {kEven}), as_scores(kFeatures[2].second));
  EXPECT_EQ(score(*model, {kStrong}), as_scores(kFeatures[0].second));
}

TEST(EntityModel, FeaturesThatQuantiseToNothingAreLeftOut) {
  FeatureList features = kFeatures;
  features.push_back({0x0000000d00000001ull, {0.4f, -0.4f, 0, 0, 0, 0, 0, 0, 0}});
  features.push_back({0x0000000e00000001ull, Weights{}});
  auto model = EntityModel::parse(EntityModel::serialize(features, ner::Lexicon(), 0.0f));
  EXPECT_EQ(model->feature_count(), 3u);
}

// The table tells rows apart by the key's high half only: of two keys sharing it, the one with
// the larger weight is kept.
TEST(EntityModel, OfTwoKeysSharingTheHighHalfTheHeavierIsKept) {
  const uint64_t light = 0x0000007700000001ull;
  const uint64_t heavy = 0x0000007700000002ull;
  FeatureList features = {{light, {10, 0, 0, 0, 0, 0, 0, 0, 0}},
                          {heavy, {0, 0, 0, 0, 0, 0, 0, 0, -kLargest}}};
  auto model = EntityModel::parse(EntityModel::serialize(features, ner::Lexicon(), 0.0f));
  EXPECT_EQ(model->feature_count(), 1u);
  EXPECT_EQ(score(*model, {heavy}), as_scores(features[1].second));
  EXPECT_EQ(score(*model, {light}), Scores{});
}

TEST(EntityModel, AnEmptyModelRoundTrips) {
  std::string bytes = EntityModel::serialize({}, ner::Lexicon(), 0.0f);
  EXPECT_EQ(bytes.size(), kHeaderBytes);
  auto model = EntityModel::parse(bytes);
  EXPECT_EQ(model->feature_count(), 0u);
  EXPECT_EQ(model->lexicon().entries().size(), 0u);
  EXPECT_EQ(score(*model, {kSmall}), Scores{});
}

TEST(EntityModelParse, RejectsBytesWithoutTheMagic) {
  EXPECT_EQ(parse_error(""), "not an entity model (bad magic)");
  std::string bytes = serialized_model();
  bytes[0] = 'X';
  EXPECT_EQ(parse_error(bytes), "not an entity model (bad magic)");
}

TEST(EntityModelParse, RejectsEveryTruncation) {
  const std::string bytes = serialized_model();
  ASSERT_EQ(bytes.size(), kHeaderBytes + 3 * kFeatureRecordBytes + 3 * 9 + 2 * 12 + 2 * 9);
  for (size_t size = 0; size < bytes.size(); ++size) {
    const std::string expected = size < 8              ? "not an entity model (bad magic)"
                                 : size < kHeaderBytes ? "entity model is truncated"
                                                       : "entity model has the wrong size";
    EXPECT_EQ(parse_error(bytes.substr(0, size)), expected) << size << " bytes";
  }
  EXPECT_EQ(parse_error(bytes), "");
}

TEST(EntityModelParse, RejectsTrailingBytes) {
  EXPECT_EQ(parse_error(serialized_model() + '\0'), "entity model has the wrong size");
}

TEST(EntityModelParse, RejectsAnotherFeatureVersion) {
  std::string bytes = serialized_model();
  overwrite<uint32_t>(bytes, 8, ner::kFeatureVersion + 1);
  EXPECT_EQ(parse_error(bytes),
            "entity model was trained with feature version " +
                std::to_string(ner::kFeatureVersion + 1) + ", this build extracts version " +
                std::to_string(ner::kFeatureVersion) + " (retrain: tools/train_ner)");
}

TEST(EntityModelParse, RejectsCountsThatDisagreeWithTheSize) {
  std::string bytes = serialized_model();
  overwrite<uint32_t>(bytes, 12, 4);  // features
  EXPECT_EQ(parse_error(bytes), "entity model has the wrong size");
  bytes = serialized_model();
  overwrite<uint32_t>(bytes, 16, 0xffffffffu);  // lexicon words
  EXPECT_EQ(parse_error(bytes), "entity model has the wrong size");
  for (size_t offset : {20, 24, 28}) {  // clusters, lower-cased clusters, phrases
    bytes = serialized_model();
    overwrite<uint32_t>(bytes, offset, 3);
    EXPECT_EQ(parse_error(bytes), "entity model has the wrong size") << offset;
  }
}

TEST(EntityModelParse, RejectsABadWeightUnit) {
  for (float unit : {0.0f, -1.0f, std::numeric_limits<float>::quiet_NaN(),
                     std::numeric_limits<float>::infinity()}) {
    std::string bytes = serialized_model();
    overwrite<float>(bytes, 32, unit);
    EXPECT_EQ(parse_error(bytes), "entity model has a bad weight unit") << unit;
  }
}

TEST(EntityModelParse, RejectsAShiftOverFifteen) {
  std::string bytes = serialized_model();
  const size_t shift_of_first = kHeaderBytes + 8 + ner::kNumTags;
  ASSERT_LE(static_cast<uint8_t>(bytes[shift_of_first]), 15);
  bytes[shift_of_first] = 16;
  EXPECT_EQ(parse_error(bytes), "entity model has a bad weight shift");
}

TEST(EntityModelParse, RejectsADuplicateFeature) {
  std::string bytes = serialized_model();
  // The second record gets the first record's key.
  std::memcpy(bytes.data() + kHeaderBytes + kFeatureRecordBytes, bytes.data() + kHeaderBytes, 8);
  EXPECT_EQ(parse_error(bytes), "entity model has a duplicate feature");
}

}  // namespace
}  // namespace newsarchive
