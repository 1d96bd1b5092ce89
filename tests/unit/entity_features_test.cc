// Unit tests for common/entities/entity_features: the BIO tag arithmetic and the beam decoder's
// tag choice, the case profile bands, the lower-casing and punctuation folding feature keys use,
// the lexicon's bit layout and clusters, and the CoNLL span conventions NerDocument::mentions
// applies.
#include "entities/entity_features.h"

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace newsarchive::ner {
namespace {

std::string lower(std::string_view word) {
  std::string out = "kept:";  // appended to, not replaced
  append_lower(word, out);
  return out;
}

std::string ascii(std::string_view word) {
  std::string out;
  append_ascii_punctuation(word, out);
  return out;
}

// The text of each mention `tags` (one per token of `text`) denote, with its type.
std::vector<std::string> mentions_of(std::string_view text, const std::vector<uint8_t>& tags) {
  Lexicon lexicon;
  NerDocument doc(text, lexicon);
  EXPECT_EQ(doc.size(), tags.size()) << "one tag per token";
  std::vector<std::string> out;
  for (const EntityMention& m : doc.mentions(tags))
    out.push_back(std::string(entity_type_name(m.type)) + ":" +
                  std::string(text.substr(m.start, m.end - m.start)));
  return out;
}

TEST(NerTags, BeginAndInsideTagsOfEachType) {
  EXPECT_EQ(tag_type(kO), 0);
  EXPECT_EQ(tag_type(kBPer), 1);
  EXPECT_EQ(tag_type(kIPer), 1);
  EXPECT_EQ(tag_type(kBLoc), 2);
  EXPECT_EQ(tag_type(kIOrg), 3);
  EXPECT_EQ(tag_type(kIMisc), 4);
  for (int type = 1; type <= 4; ++type) {
    EXPECT_EQ(tag_type(begin_tag(type)), type);
    EXPECT_EQ(tag_type(inside_tag(type)), type);
    EXPECT_FALSE(is_inside(begin_tag(type)));
    EXPECT_TRUE(is_inside(inside_tag(type)));
  }
  EXPECT_FALSE(is_inside(kO));
}

TEST(NerTags, AnInsideTagOnlyContinuesAnEntityOfItsType) {
  EXPECT_TRUE(allowed_after(kBPer, kIPer));
  EXPECT_TRUE(allowed_after(kIPer, kIPer));
  EXPECT_FALSE(allowed_after(kBLoc, kIPer));
  EXPECT_FALSE(allowed_after(kO, kIPer));
  EXPECT_FALSE(allowed_after(kNoTag, kIPer));
  // Begin tags and O may follow anything.
  EXPECT_TRUE(allowed_after(kNoTag, kBPer));
  EXPECT_TRUE(allowed_after(kIOrg, kBLoc));
  EXPECT_TRUE(allowed_after(kBMisc, kO));
}

// A scorer for the decoder that reads a table instead of a model: keys are looked up by value
// among those the test names (the per-token keys of token i, the history keys of token i after
// a previous tag), so a test can say what each tag scores where.
struct TableScorer {
  std::vector<std::pair<std::vector<uint64_t>, std::array<int, kNumTags>>> rows;
  void operator()(const std::vector<uint64_t>& keys, std::array<int, kNumTags>& scores) const {
    for (const auto& [row_keys, row_scores] : rows)
      if (row_keys == keys)
        for (size_t t = 0; t < scores.size(); ++t) scores[t] += row_scores[t];
  }
};

std::vector<uint64_t> token_keys(const NerDocument& doc, size_t i) {
  std::vector<uint64_t> keys;
  doc.token_features(i, Pass::kFirst, keys);
  return keys;
}

TEST(BeamDecoder, TheBestAllowedTagWinsAndOWinsTies) {
  Lexicon lexicon;
  NerDocument doc("Esper", lexicon);
  ASSERT_EQ(doc.size(), 1u);
  std::vector<uint8_t> tags;
  std::array<int, kNumTags> scores{};
  scores[kIPer] = 9;  // cannot start a sentence
  scores[kBLoc] = 5;
  decode_pass<int>(doc, Pass::kFirst, TableScorer{{{token_keys(doc, 0), scores}}}, tags);
  EXPECT_EQ(tags, std::vector<uint8_t>{kBLoc});
  scores.fill(3);
  decode_pass<int>(doc, Pass::kFirst, TableScorer{{{token_keys(doc, 0), scores}}}, tags);
  EXPECT_EQ(tags, std::vector<uint8_t>{kO});  // nothing beats O
  scores.fill(-1);
  scores[kO] = -5;
  decode_pass<int>(doc, Pass::kFirst, TableScorer{{{token_keys(doc, 0), scores}}}, tags);
  EXPECT_EQ(tags, std::vector<uint8_t>{kBPer});  // the first of equal best
}

TEST(BeamDecoder, KeepsASequenceThatGreedyChoiceWouldLose) {
  // "Rock Hudson": locally "Rock" is more likely O, but I-PER on "Hudson" after B-PER outweighs
  // everything else; the beam keeps B-PER on "Rock" alive until then, greedy decoding does not.
  Lexicon lexicon;
  NerDocument doc("Rock Hudson", lexicon);
  ASSERT_EQ(doc.size(), 2u);
  std::array<int, kNumTags> rock{}, hudson_after_person{};
  rock[kO] = 2;
  rock[kBPer] = 1;
  hudson_after_person[kIPer] = 10;
  std::vector<uint64_t> history;
  doc.history_features(1, Pass::kFirst, kBPer, history);
  TableScorer scorer{{{token_keys(doc, 0), rock}, {history, hudson_after_person}}};
  std::vector<uint8_t> tags;
  decode_pass<int>(doc, Pass::kFirst, scorer, tags, 1);
  EXPECT_EQ(tags, (std::vector<uint8_t>{kO, kO}));
  decode_pass<int>(doc, Pass::kFirst, scorer, tags, kBeamSize);
  EXPECT_EQ(tags, (std::vector<uint8_t>{kBPer, kIPer}));
}

TEST(BeamDecoder, TagsSentencesApartAndSkipsUnscoredTokens) {
  Lexicon lexicon;
  NerDocument doc("Esper spoke.\nMilley listened.", lexicon);
  ASSERT_EQ(doc.size(), 6u);
  EXPECT_EQ(doc.sentence_end(0), 3u);
  EXPECT_EQ(doc.sentence_end(3), 6u);
  std::array<int, kNumTags> person{};
  person[kBPer] = 4;
  std::vector<uint8_t> tags;
  decode_pass<int>(doc, Pass::kFirst,
                   TableScorer{{{token_keys(doc, 0), person}, {token_keys(doc, 3), person}}}, tags);
  EXPECT_EQ(tags, (std::vector<uint8_t>{kBPer, kO, kO, kBPer, kO, kO}));
}

TEST(CaseProfile, BandsOfTheLowerCaseShare) {
  auto profile = [](uint32_t lower_mid, uint32_t capital_mid) {
    return case_profile_of(CaseCounts{lower_mid, capital_mid}, 1);
  };
  EXPECT_EQ(profile(1, 99), 1);  // 1%
  EXPECT_EQ(profile(2, 98), 2);  // 2%
  EXPECT_EQ(profile(19, 81), 2);
  EXPECT_EQ(profile(20, 80), 3);
  EXPECT_EQ(profile(59, 41), 3);
  EXPECT_EQ(profile(60, 40), 4);
  EXPECT_EQ(profile(94, 6), 4);
  EXPECT_EQ(profile(95, 5), 5);
  EXPECT_EQ(profile(100, 0), 5);
  EXPECT_EQ(profile(0, 100), 1);
}

TEST(CountCases, CountsCapitalsOpeningSentencesApart) {
  const Lexicon empty;
  FlatHashMap<CaseCounts> counts;
  NerDocument(
      "Moreover, Baker said so. Moreover, the rate fell. Baker left. But baker Baker stayed.",
      empty)
      .count_cases(counts);
  const CaseCounts& moreover = *counts.find(hash_string("moreover"));
  EXPECT_EQ(moreover.capital_initial, 2u);
  EXPECT_EQ(moreover.capital_mid, 0u);
  const CaseCounts& baker = *counts.find(hash_string("baker"));
  EXPECT_EQ(baker.capital_initial, 1u);
  EXPECT_EQ(baker.capital_mid, 2u);
  EXPECT_EQ(baker.lower_mid, 1u);
}

TEST(CaseProfile, IsUnknownBelowTheMinimumCount) {
  EXPECT_EQ(case_profile_of(CaseCounts{2, 2}, 5), 0);
  EXPECT_EQ(case_profile_of(CaseCounts{3, 2}, 5), 4);
  EXPECT_EQ(case_profile_of(CaseCounts{0, 0}, 0), 0);
}

TEST(AppendLower, FoldsAsciiAndLatin1CapitalsAndLeavesTheRest) {
  EXPECT_EQ(lower("McDONALD's 3A"), "kept:mcdonald's 3a");
  EXPECT_EQ(lower("\xC3\x89MILE \xC3\x96ZT\xC3\x9CRK"), "kept:\xC3\xA9mile \xC3\xB6zt\xC3\xBCrk");
  // The multiplication sign sits among the capitals and is not one; Greek is left alone.
  EXPECT_EQ(lower("\xC3\x97 \xCE\x94"), "kept:\xC3\x97 \xCE\x94");
  EXPECT_EQ(lower("\xC3"), "kept:\xC3");  // a cut-off sequence stays as it is
}

TEST(AppendAsciiPunctuation, GivesTheFormsOfTheTrainingText) {
  EXPECT_EQ(ascii("Trump\xE2\x80\x99s"), "Trump's");
  EXPECT_EQ(ascii("\xE2\x80\x98quoted\xE2\x80\x99"), "'quoted'");
  EXPECT_EQ(ascii("\xE2\x80\x9CHi\xE2\x80\x9D"), "\"Hi\"");
  EXPECT_EQ(ascii("1990\xE2\x80\x93"
                  "91"),
            "1990-91");
  EXPECT_EQ(ascii("\xE2\x80\x94"), "--");
  EXPECT_EQ(ascii("\xE2\x80\xA6"), "...");
  EXPECT_EQ(ascii("non\xE2\x80\x90stop non\xE2\x80\x91stop"), "non-stop non-stop");
  EXPECT_EQ(ascii("\xE2\x82\xAC 5"), "\xE2\x82\xAC 5");  // the euro sign is not punctuation
}

TEST(Lexicon, NameBitsAndCaseProfilesShareOneValue) {
  Lexicon lexicon;
  lexicon.add_name("JOHN", kGivenName);
  lexicon.add_name("john", kNameWord);
  lexicon.set_case_profile(hash_string("john"), 1);
  const Lexicon::Value value = lexicon.find(hash_string("john"));
  EXPECT_EQ(Lexicon::names(value), kGivenName | kNameWord);
  EXPECT_EQ(Lexicon::case_profile(value), 1u);
  EXPECT_EQ(lexicon.find(hash_string("JOHN")), 0);  // keys are lower-cased words
  EXPECT_EQ(lexicon.find(hash_string("mary")), 0);
}

TEST(Lexicon, ClustersOfWordsAsWrittenAndOfLowerCasedWords) {
  Lexicon lexicon;
  lexicon.set_cluster(hash_string("May"), cluster_code("0110"));
  lexicon.set_lower_cluster(hash_string("may"), cluster_code("10"));
  EXPECT_EQ(lexicon.cluster(hash_string("May")), 0b10110u);
  EXPECT_EQ(lexicon.cluster(hash_string("may")), 0u);
  EXPECT_EQ(lexicon.lower_cluster(hash_string("may")), 0b110u);
}

TEST(ClusterCode, KeepsTheLengthAndCutsPrefixes) {
  EXPECT_EQ(cluster_code(""), 0u);
  EXPECT_EQ(cluster_code("0"), 0b10u);
  EXPECT_EQ(cluster_code("0110"), 0b10110u);
  // Paths longer than kClusterBits keep their first kClusterBits bits.
  EXPECT_EQ(cluster_code(std::string(30, '1')), (1u << (kClusterBits + 1)) - 1);
  EXPECT_EQ(cluster_prefix(cluster_code("011010"), 4), cluster_code("0110"));
  EXPECT_EQ(cluster_prefix(cluster_code("01"), 4), cluster_code("01"));  // shorter: all of it
  EXPECT_EQ(cluster_prefix(0, 4), 0u);
}

TEST(NerMentions, SpansFollowTheTagsWithinASentence) {
  EXPECT_EQ(mentions_of("Mark Esper visited Baghdad .", {kBPer, kIPer, kO, kBLoc, kO}),
            (std::vector<std::string>{"person:Mark Esper", "place:Baghdad"}));
  // A begin tag starts a new mention even right after one of its type.
  EXPECT_EQ(mentions_of("Esper Milley spoke", {kBPer, kBPer, kO}),
            (std::vector<std::string>{"person:Esper", "person:Milley"}));
}

TEST(NerMentions, LeadingTitlesAreDroppedFromPersons) {
  EXPECT_EQ(mentions_of("General Mark Milley spoke", {kBPer, kIPer, kIPer, kO}),
            (std::vector<std::string>{"person:Mark Milley"}));
  // Not from other types.
  EXPECT_EQ(mentions_of("President Hotel", {kBOrg, kIOrg}),
            (std::vector<std::string>{"organization:President Hotel"}));
}

TEST(NerMentions, ATitleAloneIsNoPerson) {
  EXPECT_EQ(mentions_of("Mr said", {kBPer, kO}), std::vector<std::string>{});
  EXPECT_EQ(mentions_of("the Prime Minister said", {kO, kBPer, kIPer, kO}),
            std::vector<std::string>{});
  EXPECT_EQ(mentions_of("Dr. Smith", {kBPer, kIPer}), std::vector<std::string>{"person:Smith"});
}

TEST(NerMentions, AMiddleInitialJoinsTheNameAroundIt) {
  // However the tagger splits it, with or without the initial's period.
  const std::vector<std::string> bush = {"person:George W Bush"};
  EXPECT_EQ(mentions_of("George W Bush said", {kBPer, kO, kBPer, kO}), bush);
  EXPECT_EQ(mentions_of("George W Bush said", {kBPer, kIPer, kBPer, kO}), bush);
  EXPECT_EQ(mentions_of("George W Bush said", {kBPer, kBPer, kIPer, kO}), bush);
  EXPECT_EQ(mentions_of("George W. Bush said", {kBPer, kO, kBPer, kO}),
            std::vector<std::string>{"person:George W. Bush"});
  // Not without a person on both sides, nor a word that is not a single capital.
  EXPECT_EQ(mentions_of("Bush W Street", {kBPer, kO, kBLoc}),
            (std::vector<std::string>{"person:Bush", "place:Street"}));
  EXPECT_EQ(mentions_of("Bush and Gore", {kBPer, kO, kBPer}),
            (std::vector<std::string>{"person:Bush", "person:Gore"}));
  // Nor across a sentence start.
  EXPECT_EQ(mentions_of("Bush\nA\nGore", {kBPer, kO, kBPer}),
            (std::vector<std::string>{"person:Bush", "person:Gore"}));
}

TEST(NerMentions, APossessiveNeverEndsAMention) {
  EXPECT_EQ(mentions_of("Trump's plan", {kBPer, kIPer, kO}),
            (std::vector<std::string>{"person:Trump"}));
}

TEST(NerMentions, AGenerationalSuffixAfterAPersonJoinsIt) {
  EXPECT_EQ(mentions_of("William Seely III said", {kBPer, kIPer, kO, kO}),
            (std::vector<std::string>{"person:William Seely III"}));
}

}  // namespace
}  // namespace newsarchive::ner
