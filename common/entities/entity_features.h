// The entity tagger's view of a text: tokens, per-token features hashed to 64-bit keys, the
// greedy two-pass decoder and the BIO-to-mention conversion. Shared by EntityTagger and the
// training program (tools/train_ner), so training and tagging cannot drift apart.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/entity_tagger.h"
#include "entities/flat_hash_map.h"
#include "entities/tokenizer.h"

namespace newsarchive::ner {

// BIO tags over four entity types. Tag values are stored in models: do not reorder.
enum Tag : uint8_t { kO, kBPer, kIPer, kBLoc, kILoc, kBOrg, kIOrg, kBMisc, kIMisc };
inline constexpr int kNumTags = 9;
inline constexpr uint8_t kNoTag = 9;  // history before the start of a sentence

// 0 for O, else 1..4 for PER, LOC, ORG, MISC.
inline int tag_type(uint8_t tag) {
  return (tag + 1) / 2;
}
inline bool is_inside(uint8_t tag) {
  return tag != kO && tag % 2 == 0;
}
inline uint8_t begin_tag(int type) {
  return static_cast<uint8_t>(type * 2 - 1);
}
inline uint8_t inside_tag(int type) {
  return static_cast<uint8_t>(type * 2);
}
// An inside tag may only continue an entity of its type.
inline bool allowed_after(uint8_t previous, uint8_t tag) {
  return !is_inside(tag) ||
         (previous != kNoTag && previous != kO && tag_type(previous) == tag_type(tag));
}

// The two decoding passes: the first sees the text locally, the second also sees how the first
// tagged every other occurrence of each word in the document. Each has its own weights.
enum class Pass : uint8_t { kFirst = 0, kSecond = 1 };

// What the model knows of words besides its weights, keyed by the hash of the lower-cased word:
// membership of the name lists and how the word is capitalised in running news text.
enum LexiconBit : uint8_t { kGivenName = 1, kNameWord = 2 };

// The share of a word's mid-sentence occurrences written in lower case: 0 unknown, 1 under 2%
// (a name), 2 under 20%, 3 under 60%, 4 under 95%, 5 the rest (a common word).
using CaseProfile = uint8_t;

class Lexicon {
 public:
  // Bits 0-1: LexiconBit; bits 2-4: CaseProfile.
  using Value = uint8_t;

  void add_name(std::string_view word, uint8_t bits);
  void set_case_profile(uint64_t lower_hash, CaseProfile profile) {
    add_entry(lower_hash, static_cast<Value>((profile & 7u) << 2));
  }
  void add_entry(uint64_t lower_hash, Value value) { entries_[lower_hash] |= value; }
  Value find(uint64_t lower_hash) const {
    const Value* value = entries_.find(lower_hash);
    return value ? *value : Value{0};
  }
  const FlatHashMap<Value>& entries() const { return entries_; }

  static uint32_t names(Value value) { return value & 3u; }
  static uint32_t case_profile(Value value) { return (value >> 2) & 7u; }

 private:
  FlatHashMap<Value> entries_;
};

// How often a word is written in lower case and capitalised, mid-sentence outside headlines.
struct CaseCounts {
  uint32_t lower_mid = 0;
  uint32_t capital_mid = 0;
};

// The case profile of a word from its counts (0 when seen fewer than `min_count` times).
CaseProfile case_profile_of(const CaseCounts& counts, uint32_t min_count);

// Hash of a string (XXH3), and the lower-casing used for every lower-cased key (ASCII and
// Latin-1 letters; other characters unchanged).
uint64_t hash_string(std::string_view s);
void append_lower(std::string_view word, std::string& out);

// `word` with typographic quotes, apostrophes, dashes and ellipses replaced by the ASCII forms
// of the CoNLL training text ("’s" → "'s", "“" → "\"", "—" → "--"), for features only.
void append_ascii_punctuation(std::string_view word, std::string& out);

// The version of the feature extraction. A model records the version it was trained with and
// is refused by a build that extracts features differently: bump this with any change to the
// features (then retrain with tools/train_ner).
inline constexpr uint32_t kFeatureVersion = 1;

// A text prepared for tagging: tokens with their hashed properties and document statistics.
// The text must outlive the document.
class NerDocument {
 public:
  NerDocument(std::string_view text, const Lexicon& lexicon);
  NerDocument(std::string_view text, std::vector<Token> tokens, const Lexicon& lexicon);

  std::string_view text() const { return text_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  size_t size() const { return tokens_.size(); }

  // Whether `pass` scores token `i`; the decoder tags the others O, in training too. The first
  // pass skips tokens without capitals or digits whose next neighbours have none either (most
  // of a news text: a window of one tags CoNLL as well as two, and faster); the second also
  // skips those without capitals or digits unless the first pass tagged them or a neighbour as
  // part of an entity.
  bool needs_scoring(size_t i, Pass pass) const;

  // The history tag at `i - back`, kNoTag across a sentence start.
  uint8_t history(const std::vector<uint8_t>& tags, size_t i, size_t back) const;

  // Appends the feature keys of token `i` for `pass`, given the tags of the two previous tokens
  // (kNoTag before the sentence start). The second pass needs set_first_pass() first.
  void features(size_t i, Pass pass, uint8_t previous, uint8_t before_previous,
                std::vector<uint64_t>& keys) const;

  // Adds how each word of the document is written mid-sentence to `counts` (by lower-cased
  // hash); the training program builds the lexicon's case profiles with it.
  void count_cases(FlatHashMap<CaseCounts>& counts) const;

  // Records the first pass's tags (one per token) for the second pass's document features.
  void set_first_pass(const std::vector<uint8_t>& tags);

  // The mentions a tag sequence denotes, with the CoNLL span conventions applied: leading titles
  // are dropped from persons ("General [Mark Milley]") and a title alone is no person ("Mr"), a
  // possessive "'s" never ends a mention, and a single capital letter between two person tokens
  // is a middle initial inside one name ("[George W Bush]", "[George W. Bush]") however the
  // tags split it.
  std::vector<EntityMention> mentions(const std::vector<uint8_t>& tags) const;

 private:
  struct TokenInfo {
    uint64_t word = 0;         // the token as written
    uint64_t lower = 0;        // lower-cased
    uint64_t shape = 0;        // "Xxxx", "dd-dd", runs capped at four
    uint64_t short_shape = 0;  // "Xx", "d-d"
    size_t lower_begin = 0;    // the lower-cased form in lower_text_
    size_t lower_end = 0;
    uint32_t sentence = 0;
    uint16_t flags = 0;
    Lexicon::Value lexicon = 0;
    uint8_t case_context = 0;  // how the same word is written elsewhere in the document
  };

  // A word's shape strings, kept from token to token to reuse their buffers.
  struct WordShape;
  // What describe_token carries from one token to the next.
  struct SentenceState {
    uint32_t index = 0;
    bool seen_word = false;  // a word with a letter or digit, in this sentence so far
  };

  void prepare(const Lexicon& lexicon);
  static void shape_word(std::string_view word, WordShape& out);
  void describe_token(size_t i, const Lexicon& lexicon, SentenceState& sentence, WordShape& shape);
  void mark_caps_sentences();
  void add_case_contexts();
  void add_spelling_keys(size_t i);
  void add_document_features(size_t i, std::vector<uint64_t>& keys) const;
  uint32_t document_type(size_t i) const;
  // Token i + offset, or nullptr outside i's sentence.
  const TokenInfo* neighbour(size_t i, ptrdiff_t offset) const;
  CaseCounts case_of(size_t i) const;
  bool in_sentence(size_t i, ptrdiff_t offset) const;
  // A single capital letter, with or without its period ("W", "W.").
  bool is_initial(size_t i) const;
  // `tags` with every initial between two person tokens made part of one person.
  std::vector<uint8_t> join_middle_initials(const std::vector<uint8_t>& tags) const;

  std::string_view text_;
  std::vector<Token> tokens_;
  std::vector<TokenInfo> info_;
  std::string lower_text_;
  // Keys of the scored tokens' spelling (prefixes and suffixes): those of token i
  // are spelling_keys_[spelling_begin_[i], spelling_begin_[i + 1]).
  std::vector<uint64_t> spelling_keys_;
  std::vector<uint32_t> spelling_begin_;
  std::vector<uint8_t> first_pass_;
  // For the second pass: per token, the first-pass tag counts of the other occurrences of its
  // lower-cased form (only words with a capital or digit are counted).
  std::vector<std::array<uint32_t, kNumTags>> other_tags_;
};

// The highest-scoring tag that may follow `previous` (O when none beats it).
template <class Score>
uint8_t best_allowed_tag(const std::array<Score, kNumTags>& scores, uint8_t previous) {
  uint8_t best = kO;
  for (uint8_t t = 1; t < kNumTags; ++t)
    if (scores[t] > scores[best] && allowed_after(previous, t)) best = t;
  return best;
}

// Greedy left-to-right decoding of one pass. `score(keys, scores)` fills scores[tag] for the
// feature keys; the best tag allowed after the previous one wins.
template <class Score, class Scorer>
void decode_pass(const NerDocument& doc, Pass pass, Scorer&& score, std::vector<uint8_t>& tags) {
  tags.assign(doc.size(), kO);
  std::vector<uint64_t> keys;
  std::array<Score, kNumTags> scores;
  for (size_t i = 0; i < doc.size(); ++i) {
    if (!doc.needs_scoring(i, pass)) continue;
    uint8_t previous = doc.history(tags, i, 1);
    keys.clear();
    doc.features(i, pass, previous, doc.history(tags, i, 2), keys);
    scores.fill(Score{});
    score(keys, scores);
    tags[i] = best_allowed_tag(scores, previous);
  }
}

// Both passes: the first pass's tags feed the second's document features.
template <class Score, class Scorer>
std::vector<uint8_t> decode(NerDocument& doc, Scorer&& score) {
  std::vector<uint8_t> first, second;
  decode_pass<Score>(doc, Pass::kFirst, score, first);
  doc.set_first_pass(first);
  decode_pass<Score>(doc, Pass::kSecond, score, second);
  return second;
}

}  // namespace newsarchive::ner
