// Unit tests for common/entities/entity_model_data: the model compiled into the library is the
// whole of models/ner-en.bin, and this build can parse it (same feature version).
#include "entities/entity_model_data.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "entities/entity_model.h"

namespace newsarchive {
namespace {

const std::filesystem::path kModelFile =
    std::filesystem::path(NEWSARCHIVE_CORPUS_DIR) / ".." / "models" / "ner-en.bin";

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(EmbeddedEntityModel, IsTheModelFileByteForByte) {
  const std::string file = file_bytes(kModelFile);
  ASSERT_GT(file.size(), 8u) << kModelFile;
  EXPECT_EQ(embedded_english_entity_model().size(), file.size());
  EXPECT_TRUE(embedded_english_entity_model() == file);
}

TEST(EmbeddedEntityModel, ParsesWithTheFeatureCountItsHeaderGives) {
  std::string_view bytes = embedded_english_entity_model();
  ASSERT_GE(bytes.size(), 16u);
  uint32_t features = 0;
  std::memcpy(&features, bytes.data() + 12, sizeof features);
  auto model = EntityModel::parse(bytes);
  EXPECT_EQ(model->feature_count(), features);
  EXPECT_GT(model->feature_count(), 0u);
  EXPECT_GT(model->lexicon().entries().size(), 0u);
}

}  // namespace
}  // namespace newsarchive
