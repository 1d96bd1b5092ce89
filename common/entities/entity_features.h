// The entity tagger's view of a text: tokens, per-token features hashed to 64-bit keys, the
// two-pass beam-search decoder and the BIO-to-mention conversion. Shared by EntityTagger and the
// training program (tools/train_ner), so training and tagging cannot drift apart.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
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
// kOpensSentences (bit 5, read by no feature): running text capitalises the word only where it
// opens a sentence ("Moreover"), never mid-sentence, so its capital is no name's.
enum LexiconBit : uint8_t { kGivenName = 1, kNameWord = 2, kOpensSentences = 32 };

// The share of a word's mid-sentence occurrences written in lower case: 0 unknown, 1 under 2%
// (a name), 2 under 20%, 3 under 60%, 4 under 95%, 5 the rest (a common word).
using CaseProfile = uint8_t;

class Lexicon {
 public:
  // Bits 0-1: LexiconBit names; bits 2-4: CaseProfile; bit 5: kOpensSentences.
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
  static bool opens_sentences(Value value) { return (value & kOpensSentences) != 0; }

  // Brown clusters of words as written (keyed by the hash of the word) and of lower-cased words
  // (keyed by the lower-cased hash: the cluster of the word's most frequent spelling), as
  // cluster codes (see cluster_code); 0 when the word has none.
  void set_cluster(uint64_t word_hash, uint32_t code) { clusters_[word_hash] = code; }
  void set_lower_cluster(uint64_t lower_hash, uint32_t code) { lower_clusters_[lower_hash] = code; }
  uint32_t cluster(uint64_t word_hash) const {
    const uint32_t* code = clusters_.find(word_hash);
    return code ? *code : 0;
  }
  uint32_t lower_cluster(uint64_t lower_hash) const {
    const uint32_t* code = lower_clusters_.find(lower_hash);
    return code ? *code : 0;
  }
  const FlatHashMap<uint32_t>& clusters() const { return clusters_; }
  const FlatHashMap<uint32_t>& lower_clusters() const { return lower_clusters_; }

  // Gazetteer phrases (places, organisations, people from lists), keyed by phrase_key over the
  // lower-cased hashes of their tokens. A value has bit `type - 1` set (ner::tag_type: 1 PER, 2
  // LOC, 3 ORG, 4 MISC) when the phrase is a whole entry of that type, and kPhrasePrefix when it
  // begins a longer entry.
  static constexpr uint8_t kPhrasePrefix = 0x10;
  static constexpr size_t kMaxPhraseTokens = 6;
  static uint64_t phrase_key(uint64_t key_so_far, uint64_t lower_hash);  // 0 starts a phrase
  void add_phrase(const std::vector<uint64_t>& lower_hashes, int type);
  void add_phrase_entry(uint64_t key, uint8_t value) { phrases_[key] |= value; }
  uint8_t phrase(uint64_t key) const {
    const uint8_t* value = phrases_.find(key);
    return value ? *value : uint8_t{0};
  }
  const FlatHashMap<uint8_t>& phrases() const { return phrases_; }

 private:
  FlatHashMap<Value> entries_;
  FlatHashMap<uint32_t> clusters_;
  FlatHashMap<uint32_t> lower_clusters_;
  FlatHashMap<uint8_t> phrases_;
};

// A Brown cluster's bit path ("0110...") as a code: a leading 1 bit, then the path's first
// kClusterBits bits at most (features use prefixes of up to 20 bits). 0 for an empty path.
inline constexpr uint32_t kClusterBits = 24;
uint32_t cluster_code(std::string_view path);
// The code of the path's first `bits` bits (the whole path when it is shorter).
uint32_t cluster_prefix(uint32_t code, uint32_t bits);

// How often a word is written in lower case and capitalised, mid-sentence outside headlines,
// and capitalised opening a sentence.
struct CaseCounts {
  uint32_t lower_mid = 0;
  uint32_t capital_mid = 0;
  uint32_t capital_initial = 0;
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
inline constexpr uint32_t kFeatureVersion = 2;

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
  // pass skips tokens without capitals or digits among letters whose next neighbours have none
  // either (most of a news text: a window of one tags CoNLL as well as two, and faster); the
  // second also skips those without capitals or digits unless the first pass tagged them or a
  // neighbour as part of an entity.
  bool needs_scoring(size_t i, Pass pass) const;

  // The history tag at `i - back`, kNoTag across a sentence start.
  uint8_t history(const std::vector<uint8_t>& tags, size_t i, size_t back) const;

  // Appends the feature keys of token `i` for `pass` that do not depend on the tags before it.
  // The second pass needs set_first_pass() first.
  void token_features(size_t i, Pass pass, std::vector<uint64_t>& keys) const;
  // Appends those that do: the ones that see the token and the previous tag, and those that see
  // only the previous two tags (kNoTag before the sentence start), the same for every token. A
  // token's keys are all three sets.
  void history_features(size_t i, Pass pass, uint8_t previous, std::vector<uint64_t>& keys) const;
  static void transition_features(Pass pass, uint8_t previous, uint8_t before_previous,
                                  std::vector<uint64_t>& keys);

  // One past the last token of token `i`'s sentence (decoding works sentence by sentence: no
  // feature looks across a sentence start).
  size_t sentence_end(size_t i) const;

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
    uint32_t cluster = 0;      // Brown cluster code (tokens near scored ones), 0 when none
    uint8_t gazetteer = 0;     // bit type-1: inside a listed phrase; bit type+3: begins one
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
  void mark_title_sentences();
  void add_clusters(const Lexicon& lexicon, WordShape& shape);
  void match_phrases(const Lexicon& lexicon);
  void add_case_contexts();
  void add_spelling_keys(size_t i);
  void add_document_features(size_t i, std::vector<uint64_t>& keys) const;
  static void salt_for_pass(Pass pass, std::vector<uint64_t>& keys, size_t first_key);
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

// How many tag sequences the decoder keeps (a beam of one is greedy decoding).
inline constexpr size_t kBeamSize = 4;
inline constexpr size_t kMaxBeamSize = 8;

// Beam search over the tags of one pass, a sentence at a time: each of the best `beam` partial
// sequences is extended by every tag allowed after its last, scored with the token's features
// and its own history features; sequences that end in the same two tags (all that the next
// token's features can see) are recombined, keeping the best. Tokens the pass does not score are
// O. `score(keys, scores)` adds to scores[tag] for the keys; ties go to the sequence found first
// (O before other tags, as greedy decoding does). The decoder caches the scores of the
// transition features, which are the same for every token: make a new one when the weights
// change.
template <class Score>
class BeamDecoder {
 public:
  BeamDecoder(Pass pass, size_t beam)
      : pass_(pass), beam_(std::clamp<size_t>(beam, 1, kMaxBeamSize)) {}

  // Tags the sentence [begin, end) of `doc` into tags[begin, end).
  template <class Scorer>
  void decode_sentence(const NerDocument& doc, size_t begin, size_t end, Scorer&& score,
                       std::vector<uint8_t>& tags) {
    if (columns_.size() < end - begin) columns_.resize(end - begin);
    Column start;
    start.entries[0] = Entry{0, kNoTag, kNoTag, 0};
    start.size = 1;
    for (size_t i = begin; i < end; ++i) {
      const Column& from = i == begin ? start : columns_[i - begin - 1];
      Column& to = columns_[i - begin];
      to.size = 0;
      if (!doc.needs_scoring(i, pass_)) {
        for (size_t k = 0; k < from.size; ++k)
          offer(to, Entry{from.entries[k].score, kO, from.entries[k].tag, static_cast<uint8_t>(k)});
        continue;
      }
      keys_.clear();
      doc.token_features(i, pass_, keys_);
      token_scores_.fill(Score{});
      score(keys_, token_scores_);
      have_previous_.fill(false);
      for (size_t k = 0; k < from.size; ++k) {
        const Entry& h = from.entries[k];
        std::array<Score, kNumTags>& own = by_previous_[h.tag];
        if (!have_previous_[h.tag]) {
          keys_.clear();
          doc.history_features(i, pass_, h.tag, keys_);
          own = token_scores_;
          score(keys_, own);
          have_previous_[h.tag] = true;
        }
        const std::array<Score, kNumTags>& moves = transitions(h.tag, h.before, score);
        for (uint8_t t = 0; t < kNumTags; ++t)
          if (allowed_after(h.tag, t))
            offer(to, Entry{h.score + static_cast<Total>(own[t]) + static_cast<Total>(moves[t]), t,
                            h.tag, static_cast<uint8_t>(k)});
      }
    }
    size_t k = 0;
    for (size_t i = end; i-- > begin;) {
      const Entry& e = columns_[i - begin].entries[k];
      tags[i] = e.tag;
      k = e.back;
    }
  }

 private:
  using Total = std::conditional_t<std::is_floating_point_v<Score>, double, int64_t>;
  struct Entry {
    Total score;
    uint8_t tag;     // at this token
    uint8_t before;  // at the previous token (kNoTag at the sentence start)
    uint8_t back;    // the entry it extends, in the previous column
  };
  struct Column {
    std::array<Entry, kMaxBeamSize + 1> entries;  // best first
    size_t size = 0;
  };

  // Keeps `e` in `column` if it is among the best `beam_` of distinct states offered so far.
  void offer(Column& column, const Entry& e) const {
    // Most offers lose to a full column's worst entry; then neither an entry of the same state
    // (which scores at least that) nor a free place can take them.
    if (column.size == beam_ && !(e.score > column.entries[beam_ - 1].score)) return;
    for (size_t k = 0; k < column.size; ++k) {
      if (column.entries[k].tag != e.tag || column.entries[k].before != e.before) continue;
      if (!(e.score > column.entries[k].score)) return;
      for (size_t j = k; j + 1 < column.size; ++j) column.entries[j] = column.entries[j + 1];
      --column.size;
      break;
    }
    size_t at = column.size;
    while (at > 0 && e.score > column.entries[at - 1].score) --at;
    if (at >= beam_) return;
    for (size_t j = column.size; j > at; --j) column.entries[j] = column.entries[j - 1];
    column.entries[at] = e;
    column.size = std::min(column.size + 1, beam_);
  }

  template <class Scorer>
  const std::array<Score, kNumTags>& transitions(uint8_t previous, uint8_t before_previous,
                                                 Scorer&& score) {
    const size_t slot = previous * (kNumTags + 1u) + before_previous;
    if (!known_[slot]) {
      keys_.clear();
      NerDocument::transition_features(pass_, previous, before_previous, keys_);
      transition_scores_[slot].fill(Score{});
      score(keys_, transition_scores_[slot]);
      known_[slot] = true;
    }
    return transition_scores_[slot];
  }

  static constexpr size_t kSlots =
      static_cast<size_t>(kNumTags + 1) * static_cast<size_t>(kNumTags + 1);
  Pass pass_;
  size_t beam_;
  std::vector<Column> columns_;
  std::vector<uint64_t> keys_;
  std::array<Score, kNumTags> token_scores_;
  std::array<std::array<Score, kNumTags>, kNumTags + 1> by_previous_;  // token + history
  std::array<bool, kNumTags + 1> have_previous_{};
  std::array<std::array<Score, kNumTags>, kSlots> transition_scores_;
  std::array<bool, kSlots> known_{};
};

// One pass over the whole document, sentence by sentence.
template <class Score, class Scorer>
void decode_pass(const NerDocument& doc, Pass pass, Scorer&& score, std::vector<uint8_t>& tags,
                 size_t beam = kBeamSize) {
  tags.assign(doc.size(), kO);
  BeamDecoder<Score> decoder(pass, beam);
  for (size_t begin = 0; begin < doc.size();) {
    const size_t end = doc.sentence_end(begin);
    decoder.decode_sentence(doc, begin, end, score, tags);
    begin = end;
  }
}

// Both passes: the first pass's tags feed the second's document features.
template <class Score, class Scorer>
std::vector<uint8_t> decode(NerDocument& doc, Scorer&& score, size_t beam = kBeamSize) {
  std::vector<uint8_t> first, second;
  decode_pass<Score>(doc, Pass::kFirst, score, first, beam);
  doc.set_first_pass(first);
  decode_pass<Score>(doc, Pass::kSecond, score, second, beam);
  return second;
}

}  // namespace newsarchive::ner
