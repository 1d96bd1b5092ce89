// Unit tests for ingest/text_layout: each plain-text layout, detected and forced, and the body's
// top (bylines, datelines, headline paragraphs).
#include "ingest/text_layout.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsarchive {
namespace {

struct Read {
  DraftArticle draft;
  std::vector<std::string> warnings;
};

Read read(std::string_view text, TextLayout layout = TextLayout::kAuto) {
  Read result;
  result.draft = read_text_layout(text, layout, result.warnings);
  return result;
}

std::string iso_of(const std::optional<Date>& date) {
  return date ? date->iso() : "undated";
}

TEST(TextLayout, ReadsTheHeadlineFirstLayout) {
  Read r = read(
      "Blair names 5 May 2005 as election day\n\nTony Blair has confirmed the date.\n\n"
      "The campaign starts now.\n");
  EXPECT_EQ(r.draft.layout, "headline");
  EXPECT_EQ(r.draft.title, "Blair names 5 May 2005 as election day");
  EXPECT_EQ(iso_of(r.draft.date), "undated");  // a headline that mentions a date is no dateline
  EXPECT_EQ(r.draft.body, "Tony Blair has confirmed the date.\n\nThe campaign starts now.");
  EXPECT_TRUE(r.warnings.empty());
}

TEST(TextLayout, TakesADateLineAfterTheHeadline) {
  Read r = read("Floods hit Port Halden\n\n6 January 2020\n\nThe river burst its banks.\n");
  EXPECT_EQ(r.draft.layout, "headline");
  EXPECT_EQ(r.draft.title, "Floods hit Port Halden");
  EXPECT_EQ(iso_of(r.draft.date), "2020-01-06");
  EXPECT_EQ(r.draft.date_from, "dateline");
  EXPECT_EQ(r.draft.body, "The river burst its banks.");
}

TEST(TextLayout, ReadsTheDatelineLayoutOfTheSeedCorpus) {
  Read r = read(
      " date 2020-01-06 advertisement\n\nThe United States has no plans.\n\n"
      "Originally published as Pentagon chief denies leaving Iraq\n");
  EXPECT_EQ(r.draft.layout, "dateline");
  EXPECT_EQ(iso_of(r.draft.date), "2020-01-06");
  EXPECT_EQ(r.draft.title, "Pentagon chief denies leaving Iraq");
  EXPECT_EQ(r.draft.body, "The United States has no plans.");
}

TEST(TextLayout, ReadsAHeaderBlock) {
  Read r = read(
      "Title: Court clears terminal\nDate: 18 January 2018\nBy: Jane Doe\n"
      "Source: Halden Herald\nURL: https://herald.example/2018/court\nSection: Local\n"
      "\nThe court ruled on Thursday.\n");
  EXPECT_EQ(r.draft.layout, "headers");
  EXPECT_EQ(r.draft.title, "Court clears terminal");
  EXPECT_EQ(iso_of(r.draft.date), "2018-01-18");
  EXPECT_EQ(r.draft.date_from, "header");
  EXPECT_EQ(r.draft.author, "Jane Doe");
  EXPECT_EQ(r.draft.source, "Halden Herald");
  EXPECT_EQ(r.draft.url, "https://herald.example/2018/court");
  EXPECT_EQ(r.draft.body, "The court ruled on Thursday.");
}

TEST(TextLayout, ReadsYamlFrontMatter) {
  Read r = read(
      "---\ntitle: \"Storm Ilse floods coast\"\ndate: 2019-03-03T08:00:00Z\n"
      "author: 'Ann Lee'\ntags: [weather]\n---\n\nWater rose overnight.\n");
  EXPECT_EQ(r.draft.layout, "headers");
  EXPECT_EQ(r.draft.title, "Storm Ilse floods coast");
  EXPECT_EQ(iso_of(r.draft.date), "2019-03-03");
  EXPECT_EQ(r.draft.author, "Ann Lee");
  EXPECT_EQ(r.draft.body, "Water rose overnight.");
}

TEST(TextLayout, TakesABylineAsTheAuthorAndADatelineAsThePlace) {
  Read r = read(
      "Bank holds rates\n\nBy Jane Doe, Economics Editor\n\nLONDON (Reuters) - The Bank "
      "of England held rates. It said more later.\n");
  EXPECT_EQ(r.draft.title, "Bank holds rates");
  EXPECT_EQ(r.draft.author, "Jane Doe");
  EXPECT_EQ(r.draft.place, "London");
  EXPECT_EQ(r.draft.source, "Reuters");
  EXPECT_EQ(r.draft.body, "LONDON (Reuters) - The Bank of England held rates. It said more later.");
}

TEST(TextLayout, LeavesADatelineOutOfADerivedHeadline) {
  Read r = read("NEW YORK, March 3 - Stocks rose sharply on Tuesday. Bonds fell.\n");
  EXPECT_EQ(r.draft.layout, "body");
  EXPECT_EQ(r.draft.place, "New York");
  EXPECT_EQ(r.draft.source, "");
  EXPECT_EQ(r.draft.title, "Stocks rose sharply on Tuesday.");
  EXPECT_TRUE(r.draft.title_from_body);
}

TEST(TextLayout, TakesAHeadlineParagraphAfterADateline) {
  Read r = read("2020-01-06\n\nTroops stay in Iraq\n\nThe Pentagon said so.\n");
  EXPECT_EQ(r.draft.layout, "dateline");
  EXPECT_EQ(r.draft.title, "Troops stay in Iraq");
  EXPECT_FALSE(r.draft.title_from_body);
  EXPECT_EQ(r.draft.body, "The Pentagon said so.");
}

TEST(TextLayout, ReadsBodyTextWithoutAnyLayoutAsBody) {
  Read r = read("Troops stay in Iraq, the Pentagon said.\n\nMore text.\n");
  EXPECT_EQ(r.draft.layout, "body");
  EXPECT_EQ(r.draft.title, "");
  EXPECT_EQ(r.draft.body, "Troops stay in Iraq, the Pentagon said.\n\nMore text.");
}

TEST(TextLayout, AOneLineFileIsBodyNotAHeadline) {
  Read r = read("Troops stay in Iraq\n");
  EXPECT_EQ(r.draft.layout, "body");
  EXPECT_EQ(r.draft.body, "Troops stay in Iraq");
}

TEST(TextLayout, ALoneDateHeaderIsADateline) {
  Read r = read("Date: 6 March 2017\n\nThe pact was signed.\n");
  EXPECT_EQ(r.draft.layout, "dateline");
  EXPECT_EQ(iso_of(r.draft.date), "2017-03-06");
}

TEST(TextLayout, AForcedLayoutOverridesDetection) {
  Read headline = read("6 January 2020\n\nThe river burst its banks.\n", TextLayout::kHeadline);
  EXPECT_EQ(headline.draft.layout, "headline");
  EXPECT_EQ(headline.draft.title, "6 January 2020");
  EXPECT_EQ(iso_of(headline.draft.date), "undated");

  Read dateline = read("Floods hit Port Halden\n\nThe river burst.\n", TextLayout::kDateline);
  EXPECT_EQ(dateline.draft.layout, "dateline");
  EXPECT_EQ(dateline.warnings, (std::vector<std::string>{"no date line"}));
  EXPECT_EQ(dateline.draft.title, "Floods hit Port Halden");

  Read headers = read("Just text here.\n", TextLayout::kHeaders);
  EXPECT_EQ(headers.warnings, (std::vector<std::string>{"no header block"}));
  EXPECT_EQ(headers.draft.body, "Just text here.");
}

TEST(TextLayout, ReportsABrokenHeaderDate) {
  Read r = read("Title: A\nDate: soon\n\nBody.\n");
  EXPECT_EQ(r.warnings, (std::vector<std::string>{"no valid date in header 'soon'"}));
  EXPECT_EQ(iso_of(r.draft.date), "undated");
}

TEST(TextLayout, ParsesLayoutNames) {
  EXPECT_EQ(parse_text_layout("auto"), TextLayout::kAuto);
  EXPECT_EQ(parse_text_layout("dateline"), TextLayout::kDateline);
  EXPECT_EQ(parse_text_layout("headline"), TextLayout::kHeadline);
  EXPECT_EQ(parse_text_layout("headers"), TextLayout::kHeaders);
  EXPECT_EQ(parse_text_layout("yaml"), std::nullopt);
}

// A headline directly followed by its first paragraph (no blank line) was read as body, and its
// last word ran into the first sentence.
TEST(TextLayout, AHeadlineNeedsNoBlankLineBeforeAOneLineParagraph) {
  Read r = read(
      "Howard hits back at Blair\nTony Blair has been accused of failing voters on tax.\n"
      "The prime minister said little.\n");
  EXPECT_EQ(r.draft.layout, "headline");
  EXPECT_EQ(r.draft.title, "Howard hits back at Blair");
  EXPECT_EQ(r.draft.body,
            "Tony Blair has been accused of failing voters on tax. The prime minister said "
            "little.");
}

TEST(TextLayout, AHardWrappedFirstLineIsNoHeadline) {
  Read r = read(
      "The Bank of England said on Tuesday that it would leave its main lending\n"
      "rate unchanged at five per cent, as expected by most economists.\n");
  EXPECT_EQ(r.draft.layout, "body");
  EXPECT_EQ(r.draft.body.substr(0, 32), "The Bank of England said on Tues");
  Read short_next = read("Markets closed higher today\nShares rose.\n");
  EXPECT_EQ(short_next.draft.layout, "body");  // the next line is not longer than a headline
}

}  // namespace
}  // namespace newsarchive
