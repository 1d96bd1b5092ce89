// MinHash signatures and LSH bands; see story_signature.h.
#include "store/story_signature.h"

#include <xxhash.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <limits>

#include "store/schema.h"

namespace newsarchive {
namespace {

// The i-th hash function is multiply-shift over the shingle's 64-bit hash with an odd
// multiplier and an offset drawn from a fixed generator, so every build and every run computes
// the same signatures (they are stored and compared across runs).
struct HashFamily {
  std::array<std::uint64_t, kSignatureValues> multiply{};
  std::array<std::uint64_t, kSignatureValues> add{};

  HashFamily() {
    std::uint64_t state = 0x6e65777361726368;  // fixed seed: changing it changes every signature
    auto next = [&state] {
      // splitmix64
      std::uint64_t z = (state += 0x9e3779b97f4a7c15);
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
      z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
      return z ^ (z >> 31);
    };
    for (size_t i = 0; i < kSignatureValues; ++i) {
      multiply[i] = next() | 1;
      add[i] = next();
    }
  }
};

const HashFamily& hash_family() {
  static const HashFamily family;
  return family;
}

bool is_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// The 64-bit hash of each word of `body`, in order.
std::vector<std::uint64_t> word_hashes(std::string_view body) {
  std::vector<std::uint64_t> hashes;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    hashes.push_back(XXH3_64bits(word.data(), word.size()));
    word.clear();
  };
  for (char c : body) {
    auto byte = static_cast<unsigned char>(c);
    if (!is_word_byte(byte)) {
      flush();
      continue;
    }
    word.push_back(byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte - 'A' + 'a') : c);
  }
  flush();
  return hashes;
}

}  // namespace

std::string story_signature(std::string_view body) {
  std::vector<std::uint64_t> words = word_hashes(body);
  if (words.size() < kMinSignatureWords) return "";
  const HashFamily& family = hash_family();
  std::array<std::uint32_t, kSignatureValues> minimum;
  minimum.fill(std::numeric_limits<std::uint32_t>::max());
  for (size_t start = 0; start + kShingleWords <= words.size(); ++start) {
    std::uint64_t shingle = XXH3_64bits(&words[start], kShingleWords * sizeof(std::uint64_t));
    for (size_t i = 0; i < kSignatureValues; ++i) {
      auto value = static_cast<std::uint32_t>((family.multiply[i] * shingle + family.add[i]) >> 32);
      if (value < minimum[i]) minimum[i] = value;
    }
  }
  // Little-endian 16-bit values: the same bytes on every machine.
  std::string signature(kSignatureValues * 2, '\0');
  for (size_t i = 0; i < kSignatureValues; ++i) {
    signature[2 * i] = static_cast<char>(minimum[i] & 0xff);
    signature[2 * i + 1] = static_cast<char>((minimum[i] >> 8) & 0xff);
  }
  return signature;
}

std::vector<std::string> band_terms(std::string_view signature) {
  std::vector<std::string> terms;
  if (signature.size() != kSignatureValues * 2) return terms;
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t band = 0; band < kBands; ++band) {
    std::string term(schema::kBandPrefix);
    term.push_back(kHex[band]);
    for (size_t k = 0; k < kRowsPerBand * 2; ++k) {
      auto byte = static_cast<unsigned char>(signature[band * kRowsPerBand * 2 + k]);
      term.push_back(kHex[byte >> 4]);
      term.push_back(kHex[byte & 0xf]);
    }
    terms.push_back(std::move(term));
  }
  return terms;
}

double estimated_resemblance(std::string_view a, std::string_view b) {
  if (a.size() != kSignatureValues * 2 || b.size() != kSignatureValues * 2) return 0;
  size_t agree = 0;
  for (size_t i = 0; i < kSignatureValues; ++i)
    if (a[2 * i] == b[2 * i] && a[2 * i + 1] == b[2 * i + 1]) ++agree;
  return static_cast<double>(agree) / kSignatureValues;
}

}  // namespace newsarchive
