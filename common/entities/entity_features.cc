// Token properties, feature keys and mention spans for the entity tagger.
#include "entities/entity_features.h"

#include <xxhash.h>

#include <algorithm>

#include "entities/name_parts.h"
#include "text/utf8.h"

namespace newsarchive::ner {
namespace {

enum Flag : uint16_t {
  kHasUpper = 1 << 0,
  kInitialCapital = 1 << 1,
  kAllCaps = 1 << 2,  // has letters, all of them capitals
  kAllLower = 1 << 3,
  kHasDigit = 1 << 4,
  kHasHyphen = 1 << 5,
  kHasPeriod = 1 << 6,
  kHasApostrophe = 1 << 7,
  kNoAlphanumeric = 1 << 8,   // punctuation
  kSentenceInitial = 1 << 9,  // first word of its sentence (opening punctuation skipped)
  kCapsSentence = 1 << 10,    // in a sentence written all in capitals (a headline)
  kScored = 1 << 11,          // see needs_scoring()
  kContraction = 1 << 12,     // "'s", "n't", ...
  kTitle = 1 << 13,           // a title or honorific (kTitles)
  kGenerational = 1 << 14,    // "Jr.", "III": inside a person's span when it follows a name
  kTitleSentence = 1 << 15,   // in a sentence written in Title Case (a headline)
};

// Feature templates. The numbers are part of the model's keys: append, never renumber.
enum Template : uint32_t {
  kBias = 1,
  kWord,
  kLower,
  kLowerPrev,
  kLowerNext,
  kLowerPrev2,
  kLowerNext2,
  kLowerPrevCurrent,
  kLowerCurrentNext,
  kShape,
  kShortShape,
  kShortShapeTrigram,
  kShortShapePrevCurrent,
  kShortShapeCurrentNext,
  kPrefix,  // + length - 1
  kSuffix = kPrefix + 4,
  kPreviousTag = kSuffix + 4,
  kPreviousTwoTags,
  kPreviousTagLower,
  kPreviousTagShape,
  kSentenceInitialShape,
  kFlag,  // + bit index
  kGazetteerShape = kFlag + 16,
  kGazetteerPrev,
  kGazetteerNext,
  kGazetteerTrigram,
  kCapsSentenceLower,
  kCapsSentenceGazetteer,
  kCaseContextShape,
  kLength,
  kLowerPrevShape,
  kTitlePrev,
  kTitlePrev2,
  kCaseProfileShape,
  kCaseProfileInitial,
  kCaseProfileContext,
  kCluster,  // + prefix index (kClusterPrefixes)
  kClusterPrev = kCluster + 4,
  kClusterNext = kClusterPrev + 2,
  kClusterShape = kClusterNext + 2,
  kPhrase,
  kPhraseShape,
  kPhraseContext,
  kFirstPassTag = 100,
  kFirstPassTrigram,
  kFirstPassPrev,
  kFirstPassNext,
  kDocumentHasTag,
  kDocumentMajority,
  kDocumentMajorityShape,
  kDocumentMajorityFirstPass,
  kDocumentNeighbours,
};

constexpr uint64_t kGolden = 0x9E3779B97F4A7C15ull;

uint64_t mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDull;
  x ^= x >> 33;
  x *= 0xC4CEB9FE1A85EC53ull;
  x ^= x >> 33;
  return x;
}

uint64_t combine(uint64_t a, uint64_t b) {
  return mix(a ^ (b * kGolden + 0x632BE59BD9B4E019ull));
}

// Brown cluster prefix lengths: of the token's cluster, and (the first two) of its neighbours'.
constexpr std::array<uint32_t, 4> kClusterPrefixes = {4, 6, 10, 20};

// Values standing for positions outside the sentence.
constexpr uint64_t kOutside = 0x5A17C0DE5A17C0DEull;

bool is_ascii_upper(unsigned char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_ascii_lower(unsigned char c) {
  return c >= 'a' && c <= 'z';
}
bool is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}

// Latin-1 capitals À..Þ (except ×) are C3 80..9E in UTF-8.
bool is_latin1_upper(std::string_view s, size_t i) {
  return static_cast<unsigned char>(s[i]) == 0xC3 && i + 1 < s.size() &&
         static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
         static_cast<unsigned char>(s[i + 1]) <= 0x9E &&
         static_cast<unsigned char>(s[i + 1]) != 0x97;
}

// Honorifics and titles that CoNLL leaves outside person spans (lower case, no period).
constexpr std::array<std::string_view, 63> kTitles = {"mr",
                                                      "mrs",
                                                      "ms",
                                                      "miss",
                                                      "dr",
                                                      "sir",
                                                      "lord",
                                                      "president",
                                                      "general",
                                                      "gen",
                                                      "secretary",
                                                      "minister",
                                                      "ambassador",
                                                      "commissioner",
                                                      "speaker",
                                                      "sheikh",
                                                      "chairman",
                                                      "captain",
                                                      "capt",
                                                      "judge",
                                                      "ayatollah",
                                                      "colonel",
                                                      "col",
                                                      "lieutenant",
                                                      "lt",
                                                      "sergeant",
                                                      "sgt",
                                                      "senator",
                                                      "sen",
                                                      "rep",
                                                      "representative",
                                                      "gov",
                                                      "governor",
                                                      "chancellor",
                                                      "premier",
                                                      "archbishop",
                                                      "cardinal",
                                                      "bishop",
                                                      "rev",
                                                      "reverend",
                                                      "brigadier",
                                                      "admiral",
                                                      "adm",
                                                      "commander",
                                                      "cmdr",
                                                      "coach",
                                                      "detective",
                                                      "director",
                                                      "prof",
                                                      "professor",
                                                      "imam",
                                                      "mullah",
                                                      "prime",
                                                      "deputy",
                                                      "vice",
                                                      "supreme",
                                                      "leader",
                                                      "defense",
                                                      "defence",
                                                      "foreign",
                                                      "chief",
                                                      "justice",
                                                      "mayor"};

// A title, or titles joined by hyphens ("Lieutenant-Colonel").
bool is_title(std::string_view lower) {
  if (!lower.empty() && lower.back() == '.') lower.remove_suffix(1);
  if (std::find(kTitles.begin(), kTitles.end(), lower) != kTitles.end()) return true;
  size_t hyphen = lower.find('-');
  if (hyphen == std::string_view::npos || hyphen == 0) return false;
  for (size_t begin = 0; begin <= lower.size();) {
    size_t end = std::min(lower.find('-', begin), lower.size());
    if (std::find(kTitles.begin(), kTitles.end(), lower.substr(begin, end - begin)) ==
        kTitles.end())
      return false;
    begin = end + 1;
  }
  return true;
}

}  // namespace

void append_ascii_punctuation(std::string_view word, std::string& out) {
  static constexpr std::pair<std::string_view, std::string_view> kReplacements[] = {
      {"\xE2\x80\x98", "'"},   {"\xE2\x80\x99", "'"}, {"\xE2\x80\x9C", "\""},
      {"\xE2\x80\x9D", "\""},  {"\xE2\x80\x93", "-"}, {"\xE2\x80\x94", "--"},
      {"\xE2\x80\xA6", "..."}, {"\xE2\x80\x90", "-"}, {"\xE2\x80\x91", "-"}};
  for (size_t i = 0; i < word.size();) {
    bool replaced = false;
    if (word[i] == '\xE2') {
      for (const auto& [from, to] : kReplacements) {
        if (word.substr(i, from.size()) == from) {
          out += to;
          i += from.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out.push_back(word[i++]);
  }
}

uint64_t hash_string(std::string_view s) {
  return XXH3_64bits(s.data(), s.size());
}

void append_lower(std::string_view word, std::string& out) {
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (is_ascii_upper(c)) {
      out.push_back(static_cast<char>(c + ('a' - 'A')));
    } else if (is_latin1_upper(word, i)) {
      out.push_back(word[i]);
      out.push_back(static_cast<char>(static_cast<unsigned char>(word[i + 1]) + 0x20));
      ++i;
    } else {
      out.push_back(word[i]);
    }
  }
}

void Lexicon::add_name(std::string_view word, uint8_t bits) {
  std::string lower;
  append_lower(word, lower);
  add_entry(hash_string(lower), bits);
}

uint32_t cluster_code(std::string_view path) {
  if (path.empty()) return 0;
  uint32_t code = 1;
  for (size_t b = 0; b < path.size() && b < kClusterBits; ++b)
    code = code << 1 | (path[b] == '1' ? 1u : 0u);
  return code;
}

uint32_t cluster_prefix(uint32_t code, uint32_t bits) {
  if (code == 0) return 0;
  const uint32_t length = 31u - static_cast<uint32_t>(__builtin_clz(code));
  return length <= bits ? code : code >> (length - bits);
}

uint64_t Lexicon::phrase_key(uint64_t key_so_far, uint64_t lower_hash) {
  return combine(key_so_far ^ 0x7AB1E5C0FFEE1234ull, lower_hash);
}

void Lexicon::add_phrase(const std::vector<uint64_t>& lower_hashes, int type) {
  if (lower_hashes.empty() || lower_hashes.size() > kMaxPhraseTokens || type < 1 || type > 4)
    return;
  uint64_t key = 0;
  for (size_t k = 0; k < lower_hashes.size(); ++k) {
    key = phrase_key(key, lower_hashes[k]);
    add_phrase_entry(
        key, k + 1 < lower_hashes.size() ? kPhrasePrefix : static_cast<uint8_t>(1u << (type - 1)));
  }
}

CaseProfile case_profile_of(const CaseCounts& counts, uint32_t min_count) {
  const uint32_t total = counts.lower_mid + counts.capital_mid;
  if (total < min_count || total == 0) return 0;
  const double lower = static_cast<double>(counts.lower_mid) / static_cast<double>(total);
  return lower < 0.02 ? 1 : lower < 0.2 ? 2 : lower < 0.6 ? 3 : lower < 0.95 ? 4 : 5;
}

NerDocument::NerDocument(std::string_view text, const Lexicon& lexicon)
    : NerDocument(text, tokenize(text), lexicon) {}

NerDocument::NerDocument(std::string_view text, std::vector<Token> tokens, const Lexicon& lexicon)
    : text_(text), tokens_(std::move(tokens)) {
  prepare(lexicon);
}

// A word's shape ("Xxxx", "dd-dd": runs cut at four) and short shape ("Xx", "d-d"), with the
// flags its characters decide.
struct NerDocument::WordShape {
  std::string shape;
  std::string short_shape;
  uint16_t flags = 0;
};

void NerDocument::shape_word(std::string_view word, WordShape& out) {
  out.shape.clear();
  out.short_shape.clear();
  size_t run = 0;
  bool upper = false, lower = false, digit = false, first = true;
  uint16_t flags = 0;
  for (size_t b = 0; b < word.size(); ++b) {
    unsigned char c = static_cast<unsigned char>(word[b]);
    if (is_utf8_continuation_byte(c)) continue;
    char symbol;
    if (c == 0xC2 || c == 0xE2) {
      symbol = '~';  // Latin-1 symbols, general punctuation: “ ” – — …
    } else if (is_ascii_upper(c) || is_latin1_upper(word, b)) {
      symbol = 'X';
      upper = true;
      if (first) flags |= kInitialCapital;
    } else if (is_ascii_lower(c) || c >= 0x80) {
      symbol = 'x';
      lower = true;
    } else if (is_digit(c)) {
      symbol = 'd';
      digit = true;
    } else {
      symbol = static_cast<char>(c);
      if (c == '-') flags |= kHasHyphen;
      if (c == '.') flags |= kHasPeriod;
      if (c == '\'') flags |= kHasApostrophe;
    }
    first = false;
    if (!out.shape.empty() && out.shape.back() == symbol) {
      if (++run < 4) out.shape.push_back(symbol);
    } else {
      run = 0;
      out.shape.push_back(symbol);
      out.short_shape.push_back(symbol);
    }
  }
  if (upper) flags |= kHasUpper;
  if (upper && !lower) flags |= kAllCaps;
  if (lower && !upper) flags |= kAllLower;
  if (digit) flags |= kHasDigit;
  if (!upper && !lower && !digit) flags |= kNoAlphanumeric;
  out.flags = flags;
}

void NerDocument::prepare(const Lexicon& lexicon) {
  const size_t n = tokens_.size();
  info_.assign(n, TokenInfo{});
  lower_text_.clear();
  lower_text_.reserve(text_.size());
  SentenceState sentence;
  WordShape shape;
  for (size_t i = 0; i < n; ++i) describe_token(i, lexicon, sentence, shape);
  mark_caps_sentences();
  mark_title_sentences();
  // Which tokens are scored: those with a capital, or a digit among letters ("F-16", "G7"), and
  // their next neighbours. Plain numbers ("1.5", "1996-08-30") are almost never inside an entity
  // (78 of 17,829 in CoNLL's training text) and are a large part of financial news: they do
  // not call for scoring.
  for (size_t i = 0; i < n; ++i) {
    const uint16_t flags = info_[i].flags;
    const bool number = (flags & kHasDigit) && !(flags & (kHasUpper | kAllLower));
    if (!(flags & (kHasUpper | kHasDigit)) || number) continue;
    size_t from = i >= 1 ? i - 1 : 0, to = std::min(n, i + 2);
    for (size_t j = from; j < to; ++j) info_[j].flags |= kScored;
  }
  add_clusters(lexicon, shape);
  if (lexicon.phrases().size() > 0) match_phrases(lexicon);
  spelling_begin_.assign(n + 1, 0);
  spelling_keys_.clear();
  for (size_t i = 0; i < n; ++i) {
    if (info_[i].flags & kScored) add_spelling_keys(i);
    spelling_begin_[i + 1] = static_cast<uint32_t>(spelling_keys_.size());
  }
  add_case_contexts();
}

void NerDocument::describe_token(size_t i, const Lexicon& lexicon, SentenceState& sentence,
                                 WordShape& shape) {
  const Token& token = tokens_[i];
  TokenInfo& info = info_[i];
  std::string_view word = text_.substr(token.start, token.end - token.start);
  std::string normalized;
  if (word.find('\xE2') != std::string_view::npos) {
    append_ascii_punctuation(word, normalized);
    word = normalized;
  }
  if (token.sentence_start && i > 0) {
    ++sentence.index;
    sentence.seen_word = false;
  }
  info.sentence = sentence.index;
  info.lower_begin = lower_text_.size();
  append_lower(word, lower_text_);
  info.lower_end = lower_text_.size();

  shape_word(word, shape);
  uint16_t flags = shape.flags;
  if (!sentence.seen_word && !(flags & kNoAlphanumeric)) {
    flags |= kSentenceInitial;
    sentence.seen_word = true;
  }
  if ((flags & kHasApostrophe) && word.size() <= 3 &&
      (word.front() == '\'' || word.front() == 'n' || word.front() == 'N'))
    flags |= kContraction;
  std::string_view lower_form(lower_text_.data() + info.lower_begin,
                              info.lower_end - info.lower_begin);
  if ((flags & kHasUpper) && is_title(lower_form)) flags |= kTitle;
  // Generational suffixes and regnal numbers, which CoNLL puts inside person spans
  // ("William Seely III", "Henry VIII").
  if ((flags & kHasUpper) && is_name_suffix_as_written(lower_form)) flags |= kGenerational;
  info.flags = flags;
  info.word = hash_string(word);
  info.lower = hash_string(lower_form);
  info.shape = hash_string(shape.shape);
  info.short_shape = hash_string(shape.short_shape);
  info.lexicon = lexicon.find(info.lower);
}

// Sentences in capitals: at least one word of two or more letters, no lower-case letter.
void NerDocument::mark_caps_sentences() {
  const size_t n = tokens_.size();
  for (size_t begin = 0; begin < n;) {
    size_t end = begin;
    bool has_lower = false, has_caps_word = false;
    while (end < n && info_[end].sentence == info_[begin].sentence) {
      uint16_t flags = info_[end].flags;
      if (flags & kAllLower || ((flags & kHasUpper) && !(flags & kAllCaps))) has_lower = true;
      if ((flags & kAllCaps) && tokens_[end].end - tokens_[end].start >= 2) has_caps_word = true;
      ++end;
    }
    if (!has_lower && has_caps_word)
      for (size_t i = begin; i < end; ++i) info_[i].flags |= kCapsSentence;
    begin = end;
  }
}

// Sentences in Title Case: not in capitals, at least three words of four or more letters, all
// capitalised, of which at least one is a common word that running text writes in lower case
// ("Clinton Wins Second Term"): the capitals then say nothing about names.
void NerDocument::mark_title_sentences() {
  const size_t n = tokens_.size();
  for (size_t begin = 0; begin < n;) {
    size_t end = begin, long_words = 0;
    bool lower_long = false, common_capitalised = false;
    while (end < n && info_[end].sentence == info_[begin].sentence) {
      const TokenInfo& info = info_[end];
      if (info.lower_end - info.lower_begin >= 4 && !(info.flags & (kHasDigit | kNoAlphanumeric))) {
        ++long_words;
        if (!(info.flags & kInitialCapital)) lower_long = true;
        if (!(info.flags & kSentenceInitial) && Lexicon::case_profile(info.lexicon) >= 4)
          common_capitalised = true;
      }
      ++end;
    }
    if (!(info_[begin].flags & kCapsSentence) && long_words >= 3 && !lower_long &&
        common_capitalised)
      for (size_t i = begin; i < end; ++i) info_[i].flags |= kTitleSentence;
    begin = end;
  }
}

// Each token within one of a scored token gets a Brown cluster. In a headline (capitals or
// Title Case) the spelling is not the word's usual one, so the token takes the cluster of its
// lower-cased form's usual spelling. In Title Case the capitals are misleading as well (CoNLL's
// headlines are in capitals, which the model learns to read; it never sees Title Case): such a
// token gets the shape of the case running text usually writes it in (capitalised for names,
// lower case for common words), so that "Clinton Wins" reads like "Clinton wins".
void NerDocument::add_clusters(const Lexicon& lexicon, WordShape& shape) {
  const size_t n = tokens_.size();
  std::string truecased;
  for (size_t i = 0; i < n; ++i) {
    const bool near_scored = (info_[i].flags & kScored) ||
                             (i > 0 && (info_[i - 1].flags & kScored)) ||
                             (i + 1 < n && (info_[i + 1].flags & kScored));
    if (!near_scored) continue;
    TokenInfo& info = info_[i];
    const bool headline = (info.flags & (kCapsSentence | kTitleSentence)) != 0;
    info.cluster = headline ? 0 : lexicon.cluster(info.word);
    if (info.cluster == 0) info.cluster = lexicon.lower_cluster(info.lower);
    if (!(info.flags & kTitleSentence) || !(info.flags & kHasUpper)) continue;
    const uint32_t profile = Lexicon::case_profile(info.lexicon);
    if (profile == 0 || profile == 3) continue;
    truecased.assign(lower_text_, info.lower_begin, info.lower_end - info.lower_begin);
    if (profile <= 2 && is_ascii_lower(static_cast<unsigned char>(truecased[0])))
      truecased[0] = static_cast<char>(truecased[0] - ('a' - 'A'));
    shape_word(truecased, shape);
    info.shape = hash_string(shape.shape);
    info.short_shape = hash_string(shape.short_shape);
  }
}

// The longest listed phrase starting at each capitalised token, within its sentence: its tokens
// get the phrase's types, its first token the begin bits too.
void NerDocument::match_phrases(const Lexicon& lexicon) {
  const size_t n = tokens_.size();
  for (size_t i = 0; i < n; ++i) {
    if (!(info_[i].flags & kHasUpper)) continue;
    uint64_t key = 0;
    uint8_t types = 0;
    size_t end = i;
    for (size_t j = i; j < n && j - i < Lexicon::kMaxPhraseTokens; ++j) {
      if (info_[j].sentence != info_[i].sentence) break;
      key = Lexicon::phrase_key(key, info_[j].lower);
      const uint8_t value = lexicon.phrase(key);
      if (value & 0x0F) {
        types = value & 0x0F;
        end = j + 1;
      }
      if (!(value & Lexicon::kPhrasePrefix)) break;
    }
    if (types == 0) continue;
    info_[i].gazetteer |= static_cast<uint8_t>(types << 4);
    for (size_t j = i; j < end; ++j) info_[j].gazetteer |= types;
  }
}

// How each capitalised word is written elsewhere in the document: in lower case mid-sentence
// ("Several ... several") and capitalised mid-sentence ("Esper ... Esper").
void NerDocument::add_case_contexts() {
  const size_t n = tokens_.size();
  FlatHashMap<CaseCounts> cases(n);
  count_cases(cases);
  for (size_t i = 0; i < n; ++i) {
    if (!(info_[i].flags & kHasUpper)) continue;
    CaseCounts own = case_of(i);
    const CaseCounts& total = *cases.find(info_[i].lower);
    uint8_t context = 0;
    if (total.lower_mid > own.lower_mid) context |= 1;
    if (total.capital_mid > own.capital_mid) context |= 2;
    info_[i].case_context = context;
  }
}

CaseCounts NerDocument::case_of(size_t i) const {
  const uint16_t flags = info_[i].flags;
  CaseCounts counts;
  if (flags & (kCapsSentence | kTitleSentence)) return counts;
  if (flags & kSentenceInitial) {
    if ((flags & kInitialCapital) && !(flags & kAllCaps)) counts.capital_initial = 1;
    return counts;
  }
  if (flags & kAllLower) counts.lower_mid = 1;
  if ((flags & kInitialCapital) && !(flags & kAllCaps)) counts.capital_mid = 1;
  return counts;
}

void NerDocument::count_cases(FlatHashMap<CaseCounts>& counts) const {
  for (size_t i = 0; i < info_.size(); ++i) {
    if (!(info_[i].flags & (kAllLower | kHasUpper))) continue;
    CaseCounts own = case_of(i);
    CaseCounts& total = counts[info_[i].lower];
    total.lower_mid += own.lower_mid;
    total.capital_mid += own.capital_mid;
    total.capital_initial += own.capital_initial;
  }
}

bool NerDocument::needs_scoring(size_t i, Pass pass) const {
  const uint16_t flags = info_[i].flags;
  if (pass == Pass::kFirst || (flags & (kHasUpper | kHasDigit))) return (flags & kScored) != 0;
  return first_pass_[i] != kO || (i > 0 && first_pass_[i - 1] != kO) ||
         (i + 1 < first_pass_.size() && first_pass_[i + 1] != kO);
}

bool NerDocument::in_sentence(size_t i, ptrdiff_t offset) const {
  ptrdiff_t j = static_cast<ptrdiff_t>(i) + offset;
  return j >= 0 && j < static_cast<ptrdiff_t>(info_.size()) &&
         info_[static_cast<size_t>(j)].sentence == info_[i].sentence;
}

uint8_t NerDocument::history(const std::vector<uint8_t>& tags, size_t i, size_t back) const {
  ptrdiff_t offset = -static_cast<ptrdiff_t>(back);
  return in_sentence(i, offset) ? tags[i - back] : kNoTag;
}

const NerDocument::TokenInfo* NerDocument::neighbour(size_t i, ptrdiff_t offset) const {
  return in_sentence(i, offset) ? &info_[static_cast<size_t>(static_cast<ptrdiff_t>(i) + offset)]
                                : nullptr;
}

void NerDocument::add_spelling_keys(size_t i) {
  const TokenInfo& info = info_[i];
  std::string_view lower(lower_text_.data() + info.lower_begin, info.lower_end - info.lower_begin);
  // Prefixes and suffixes of one to four characters (a one-character word has none).
  size_t chars = 0;
  for (size_t b = 1; b <= lower.size() && chars < 4; ++b) {
    if (b < lower.size() && is_utf8_continuation_byte(static_cast<unsigned char>(lower[b])))
      continue;
    if (b == lower.size() && chars == 0) break;
    spelling_keys_.push_back(combine(kPrefix + chars, hash_string(lower.substr(0, b))));
    ++chars;
  }
  chars = 0;
  for (size_t b = lower.size(); b-- > 1 && chars < 4;) {
    if (is_utf8_continuation_byte(static_cast<unsigned char>(lower[b]))) continue;
    spelling_keys_.push_back(combine(kSuffix + chars, hash_string(lower.substr(b))));
    ++chars;
  }
}

// The second pass's keys are the first's, re-hashed: each pass has its own weights.
void NerDocument::salt_for_pass(Pass pass, std::vector<uint64_t>& keys, size_t first_key) {
  if (pass != Pass::kFirst)
    for (size_t k = first_key; k < keys.size(); ++k) keys[k] = mix(keys[k] ^ 0x2A5F9C3B1E7D4061ull);
}

void NerDocument::history_features(size_t i, Pass pass, uint8_t previous,
                                   std::vector<uint64_t>& keys) const {
  const size_t first_key = keys.size();
  const TokenInfo& info = info_[i];
  keys.push_back(combine(kPreviousTagShape, combine(previous, info.short_shape)));
  salt_for_pass(pass, keys, first_key);
}

void NerDocument::transition_features(Pass pass, uint8_t previous, uint8_t before_previous,
                                      std::vector<uint64_t>& keys) {
  const size_t first_key = keys.size();
  keys.push_back(combine(kPreviousTag, previous));
  keys.push_back(combine(kPreviousTwoTags, before_previous * 16u + previous));
  salt_for_pass(pass, keys, first_key);
}

size_t NerDocument::sentence_end(size_t i) const {
  while (i + 1 < info_.size() && info_[i + 1].sentence == info_[i].sentence) ++i;
  return i + 1;
}

void NerDocument::token_features(size_t i, Pass pass, std::vector<uint64_t>& keys) const {
  const size_t first_key = keys.size();
  const TokenInfo& info = info_[i];
  auto add = [&](uint64_t templ, uint64_t value) { keys.push_back(combine(templ, value)); };
  add(kBias, 0);
  add(kWord, info.word);
  add(kLower, info.lower);
  // Neighbours; outside the sentence they read as kOutside, names 4, case profile 7.
  const TokenInfo *prev = neighbour(i, -1), *next = neighbour(i, 1);
  const TokenInfo* prev2 = neighbour(i, -2);
  const uint64_t lower_prev = prev ? prev->lower : kOutside;
  const uint64_t lower_next = next ? next->lower : kOutside;
  add(kLowerPrev, lower_prev);
  add(kLowerNext, lower_next);
  add(kLowerPrevCurrent, combine(lower_prev, info.lower));
  add(kLowerCurrentNext, combine(info.lower, lower_next));
  add(kShape, info.shape);
  add(kShortShape, info.short_shape);
  const uint64_t shape_prev = prev ? prev->short_shape : kOutside;
  const uint64_t shape_next = next ? next->short_shape : kOutside;
  add(kShortShapeTrigram, combine(combine(shape_prev, info.short_shape), shape_next));
  add(kShortShapePrevCurrent, combine(shape_prev, info.short_shape));
  add(kShortShapeCurrentNext, combine(info.short_shape, shape_next));
  add(kLowerPrevShape, combine(lower_prev, info.short_shape));
  keys.insert(keys.end(), spelling_keys_.begin() + spelling_begin_[i],
              spelling_keys_.begin() + spelling_begin_[i + 1]);
  add(kSentenceInitialShape, combine((info.flags & kSentenceInitial) != 0, info.short_shape));
  for (uint32_t bit = 0; bit < 16; ++bit)
    if (info.flags & (1u << bit) & ~kScored) add(kFlag + bit, 1);
  // Name lists.
  const uint32_t names_prev = prev ? Lexicon::names(prev->lexicon) : 4;
  const uint32_t names_own = Lexicon::names(info.lexicon);
  const uint32_t names_next = next ? Lexicon::names(next->lexicon) : 4;
  add(kGazetteerShape, combine(names_own, info.short_shape));
  add(kGazetteerPrev, combine(names_prev, info.short_shape));
  add(kGazetteerNext, combine(names_next, info.short_shape));
  add(kGazetteerTrigram, names_prev * 256u + names_own * 16u + names_next);
  if (info.flags & kCapsSentence) {
    add(kCapsSentenceLower, info.lower);
    add(kCapsSentenceGazetteer, names_own);
  }
  // Case profiles from running text: "Several" and "Task" are common words, "Esper" a name.
  const uint32_t profile_own = Lexicon::case_profile(info.lexicon);
  const uint32_t profile_prev = prev ? Lexicon::case_profile(prev->lexicon) : 7;
  const uint32_t profile_next = next ? Lexicon::case_profile(next->lexicon) : 7;
  add(kCaseProfileShape, combine(profile_own, info.short_shape));
  add(kCaseProfileInitial,
      combine(profile_own * 2u + ((info.flags & kSentenceInitial) != 0), info.short_shape));
  add(kCaseProfileContext, profile_prev * 256u + profile_own * 16u + profile_next);
  add(kCaseContextShape, combine(info.case_context, info.short_shape));
  add(kLength, std::min<size_t>(info.lower_end - info.lower_begin, 8));
  add(kTitlePrev, combine(prev && (prev->flags & kTitle), info.short_shape));
  add(kTitlePrev2, combine(prev2 && (prev2->flags & kTitle), info.short_shape));
  // Brown clusters: prefixes of the token's path and of its neighbours'.
  for (size_t p = 0; p < kClusterPrefixes.size(); ++p)
    add(kCluster + p, cluster_prefix(info.cluster, kClusterPrefixes[p]));
  for (size_t p = 0; p < 2; ++p) {
    add(kClusterPrev + p, prev ? cluster_prefix(prev->cluster, kClusterPrefixes[p]) : 1u);
    add(kClusterNext + p, next ? cluster_prefix(next->cluster, kClusterPrefixes[p]) : 1u);
  }
  // Listed phrases.
  add(kPhrase, info.gazetteer);
  add(kPhraseContext, (prev ? prev->gazetteer : 0x100u) * 512u + info.gazetteer * 2u +
                          (next ? (next->gazetteer & 0x0F) != 0 : 0));
  if (pass == Pass::kSecond) add_document_features(i, keys);
  salt_for_pass(pass, keys, first_key);
}

void NerDocument::set_first_pass(const std::vector<uint8_t>& tags) {
  first_pass_ = tags;
  const size_t n = info_.size();
  FlatHashMap<std::array<uint32_t, kNumTags>> counts(n);
  auto counted = [&](size_t i) { return (info_[i].flags & (kHasUpper | kHasDigit)) != 0; };
  for (size_t i = 0; i < n; ++i)
    if (counted(i)) ++counts[info_[i].lower][tags[i]];
  other_tags_.assign(n, {});
  for (size_t i = 0; i < n; ++i) {
    if (!counted(i)) continue;
    other_tags_[i] = *counts.find(info_[i].lower);
    --other_tags_[i][tags[i]];
  }
}

// The entity type (1..4) the first pass gave most often to the other occurrences of token i's
// word, 0 when mostly O, 5 when the word occurs nowhere else.
uint32_t NerDocument::document_type(size_t i) const {
  const std::array<uint32_t, kNumTags>& others = other_tags_[i];
  std::array<uint32_t, 5> types{};
  for (uint8_t t = 0; t < kNumTags; ++t) types[tag_type(t)] += others[t];
  uint32_t best = 0;
  for (uint32_t t = 1; t < 5; ++t)
    if (types[t] > types[best]) best = t;
  return best == 0 && types[0] == 0 ? 5 : best;
}

void NerDocument::add_document_features(size_t i, std::vector<uint64_t>& keys) const {
  auto add = [&](uint64_t templ, uint64_t value) { keys.push_back(combine(templ, value)); };
  const TokenInfo& info = info_[i];
  uint8_t own = first_pass_[i];
  add(kFirstPassTag, own);
  uint8_t prev = in_sentence(i, -1) ? first_pass_[i - 1] : kNoTag;
  uint8_t next = in_sentence(i, 1) ? first_pass_[i + 1] : kNoTag;
  add(kFirstPassPrev, prev);
  add(kFirstPassNext, next);
  add(kFirstPassTrigram, prev * 256u + own * 16u + next);
  for (uint8_t t = 1; t < kNumTags; ++t)
    if (other_tags_[i][t] > 0) add(kDocumentHasTag, t);
  // Entity types rather than B/I: "Esper" alone (B) agrees with "Mark Esper" (I).
  uint32_t type = document_type(i);
  add(kDocumentMajority, type);
  add(kDocumentMajorityShape, combine(type, info.short_shape));
  add(kDocumentMajorityFirstPass, type * 16u + own);
  // Neighbours: "Jesper" before a word the document calls a person elsewhere.
  uint32_t type_prev = in_sentence(i, -1) ? document_type(i - 1) : 6;
  uint32_t type_next = in_sentence(i, 1) ? document_type(i + 1) : 6;
  add(kDocumentNeighbours, combine(type_prev * 16u + type_next, info.short_shape));
}

bool NerDocument::is_initial(size_t i) const {
  std::string_view word = text_.substr(tokens_[i].start, tokens_[i].end - tokens_[i].start);
  return (word.size() == 1 || (word.size() == 2 && word[1] == '.')) &&
         is_ascii_upper(static_cast<unsigned char>(word[0]));
}

std::vector<uint8_t> NerDocument::join_middle_initials(const std::vector<uint8_t>& tags) const {
  std::vector<uint8_t> out = tags;
  for (size_t i = 1; i + 1 < out.size(); ++i) {
    if (tag_type(out[i - 1]) != 1 || tag_type(out[i + 1]) != 1 || !is_initial(i) ||
        info_[i - 1].sentence != info_[i + 1].sentence || (info_[i - 1].flags & kTitle))
      continue;
    out[i] = kIPer;
    out[i + 1] = kIPer;
  }
  return out;
}

std::vector<EntityMention> NerDocument::mentions(const std::vector<uint8_t>& tagged) const {
  const std::vector<uint8_t> joined = join_middle_initials(tagged);
  const std::vector<uint8_t>& tags = joined;
  static constexpr std::array<EntityType, 4> kTypes = {
      EntityType::kPerson, EntityType::kPlace, EntityType::kOrganization, EntityType::kMisc};
  std::vector<EntityMention> out;
  auto emit = [&](size_t begin, size_t end, int type) {
    auto droppable = [&](size_t i) {
      return (info_[i].flags & (kNoAlphanumeric | kContraction)) != 0;
    };
    while (begin < end && droppable(end - 1)) --end;
    while (begin < end && droppable(begin)) ++begin;
    if (begin >= end) return;
    if (type == 1) {
      while (end - begin > 1 && (info_[begin].flags & kTitle)) ++begin;
      if (end - begin == 1 && (info_[begin].flags & kTitle)) return;  // a title alone: "Mr
      // "William Seely [III]", "Desmond Achterberg [Jr.]"; but not the pronoun in "Esper I think".
      if (end < tags.size() && tags[end] == kO && (info_[end].flags & kGenerational) &&
          info_[end].sentence == info_[begin].sentence &&
          !(text_.substr(tokens_[end].start, tokens_[end].end - tokens_[end].start) == "I" &&
            end + 1 < tags.size() && (info_[end + 1].flags & kAllLower)))
        ++end;
    }
    out.push_back(EntityMention{kTypes[static_cast<size_t>(type - 1)], tokens_[begin].start,
                                tokens_[end - 1].end});
  };
  size_t begin = 0;
  int type = 0;
  for (size_t i = 0; i <= tags.size(); ++i) {
    uint8_t tag = i < tags.size() ? tags[i] : uint8_t{kO};
    bool continues =
        is_inside(tag) && tag_type(tag) == type && info_[i].sentence == info_[begin].sentence;
    if (continues) continue;
    if (type != 0) emit(begin, i, type);
    type = tag_type(tag);
    begin = i;
  }
  return out;
}

}  // namespace newsarchive::ner
