// Tests for render: HTML snippets, the text layout with and without colour, the JSON shape.
#include "present/render.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

namespace newsarchive {
namespace {

using nlohmann::json;

// Two hits: the first dated with a source and highlights, the second undated without a source.
SearchResult two_hits() {
  SearchResult result;
  result.query = "troops";
  result.total_estimate = 2;
  result.total_exact = true;
  result.offset = 0;
  Hit first;
  first.rank = 1;
  first.id = "2020/01/troops.txt";
  first.score = 1.5;
  first.date = make_date(2020, 1, 6);
  first.title = Snippet{"Troops to withdraw", {{0, 6}}};
  first.source = "Northern Wire";
  first.snippet = Snippet{"The troops & <allies>", {{4, 10}}};
  Hit second;
  second.rank = 2;
  second.id = "markets.txt";
  second.score = 0.25;
  second.title = Snippet{"Markets rally", {}};
  second.snippet = Snippet{"Shares rose \"sharply\".", {}};
  result.hits = {first, second};
  return result;
}

std::string text_of(const SearchResult& result, bool color) {
  std::ostringstream out;
  render_text(result, TextStyle{color}, out);
  return out.str();
}

std::string json_of(const SearchResult& result) {
  std::ostringstream out;
  render_json(result, out);
  return out.str();
}

std::set<std::string> keys_of(const json& object) {
  std::set<std::string> keys;
  for (const auto& item : object.items()) keys.insert(item.key());
  return keys;
}

TEST(SnippetHtml, EscapesSpecialCharacters) {
  EXPECT_EQ(snippet_html(Snippet{"a & b < c > d \"e\"", {}}),
            "a &amp; b &lt; c &gt; d &quot;e&quot;");
}

TEST(SnippetHtml, WrapsHighlightsInMark) {
  EXPECT_EQ(snippet_html(Snippet{"The troops withdraw", {{4, 10}, {11, 19}}}),
            "The <mark>troops</mark> <mark>withdraw</mark>");
}

TEST(SnippetHtml, EscapesInsideAndAroundHighlights) {
  EXPECT_EQ(snippet_html(Snippet{"<AT&T> said", {{1, 5}}}), "&lt;<mark>AT&amp;T</mark>&gt; said");
}

TEST(SnippetHtml, HighlightAtEndOfText) {
  EXPECT_EQ(snippet_html(Snippet{"said troops", {{5, 11}}}), "said <mark>troops</mark>");
}

TEST(RenderText, PlainLayout) {
  EXPECT_EQ(text_of(two_hits(), false),
            "2 articles match; showing 1-2.\n"
            "\n"
            "1. 2020-01-06  Troops to withdraw\n"
            "   2020/01/troops.txt | Northern Wire\n"
            "   The troops & <allies>\n"
            "\n"
            "2. (undated)  Markets rally\n"
            "   markets.txt\n"
            "   Shares rose \"sharply\".\n");
}

TEST(RenderText, ColorMakesHighlightsBold) {
  EXPECT_EQ(text_of(two_hits(), true),
            "2 articles match; showing 1-2.\n"
            "\n"
            "1. 2020-01-06  \x1b[1mTroops\x1b[0m to withdraw\n"
            "   2020/01/troops.txt | Northern Wire\n"
            "   The \x1b[1mtroops\x1b[0m & <allies>\n"
            "\n"
            "2. (undated)  Markets rally\n"
            "   markets.txt\n"
            "   Shares rose \"sharply\".\n");
}

TEST(RenderText, InexactEstimateSaysAbout) {
  SearchResult result = two_hits();
  result.total_exact = false;
  result.total_estimate = 40;
  EXPECT_TRUE(text_of(result, false).starts_with("About 40 articles match; showing 1-2.\n"));
  EXPECT_EQ(json::parse(json_of(result))["total_exact"], json(false));
}

TEST(RenderText, SingleMatchIsSingular) {
  SearchResult result = two_hits();
  result.hits.pop_back();
  result.total_estimate = 1;
  EXPECT_TRUE(text_of(result, false).starts_with("1 article matches; showing 1-1.\n"));
}

TEST(RenderText, NoResults) {
  SearchResult result;
  result.query = "zebra";
  result.total_exact = true;
  EXPECT_EQ(text_of(result, false), "No articles match.\n");
  EXPECT_EQ(text_of(result, true), "No articles match.\n");
}

TEST(RenderText, OffsetPastTheEndReportsTotalWithoutRange) {
  SearchResult result;
  result.total_estimate = 2;
  result.total_exact = true;
  result.offset = 10;
  EXPECT_EQ(text_of(result, false), "2 articles match.\n");
}

// The first hit is a story of three versions whose two others were folded into it.
SearchResult folded_hits() {
  SearchResult result = two_hits();
  result.total_articles = 4;
  result.hits[0].story = "2020/01/troops.txt";
  result.hits[0].duplicates = 2;
  return result;
}

TEST(RenderText, FoldedVersionsAreCountedOnTheHitAndInTheHeader) {
  std::string text = text_of(folded_hits(), false);
  EXPECT_TRUE(text.starts_with("2 stories match (4 articles); showing 1-2.\n")) << text;
  EXPECT_NE(text.find("   2020/01/troops.txt | Northern Wire  +2 similar\n"), std::string::npos);
  EXPECT_EQ(text.find("similar", text.find("markets.txt")), std::string::npos);
  EXPECT_EQ(text.find("story:"), std::string::npos);
}

TEST(RenderText, ShownVersionsNameTheirStory) {
  SearchResult result = folded_hits();
  result.duplicates = DuplicateMode::kShow;
  result.hits[0].duplicates = 0;
  result.total_articles = 2;
  std::string text = text_of(result, false);
  EXPECT_TRUE(text.starts_with("2 articles match; showing 1-2.\n")) << text;
  EXPECT_NE(text.find("\n   story: 2020/01/troops.txt\n"), std::string::npos);
  EXPECT_EQ(text.find("story:", text.find("markets.txt")), std::string::npos);
}

TEST(RenderJson, StoryAndDuplicates) {
  json document = json::parse(json_of(folded_hits()));
  EXPECT_EQ(document["total_articles"], json(4));
  EXPECT_EQ(document["results"][0]["story"], json("2020/01/troops.txt"));
  EXPECT_EQ(document["results"][0]["duplicates"], json(2));
  EXPECT_EQ(document["results"][1]["story"], json(nullptr));
  EXPECT_EQ(document["results"][1]["duplicates"], json(0));
}

TEST(RenderJson, HasExactlyTheTopLevelKeys) {
  json document = json::parse(json_of(two_hits()));
  EXPECT_EQ(keys_of(document), (std::set<std::string>{"query", "total_estimate", "total_exact",
                                                      "total_articles", "offset", "results"}));
  EXPECT_EQ(document["query"], json("troops"));
  EXPECT_EQ(document["total_estimate"], json(2));
  EXPECT_EQ(document["total_exact"], json(true));
  EXPECT_EQ(document["offset"], json(0));
  ASSERT_TRUE(document["results"].is_array());
  EXPECT_EQ(document["results"].size(), 2u);
}

TEST(RenderJson, EachResultHasExactlyTheHitKeys) {
  json document = json::parse(json_of(two_hits()));
  for (const json& hit : document["results"])
    EXPECT_EQ(keys_of(hit),
              (std::set<std::string>{"rank", "id", "score", "date", "title", "title_html", "source",
                                     "snippet", "persons", "story", "duplicates"}));
}

TEST(RenderJson, DatedHitValues) {
  json hit = json::parse(json_of(two_hits()))["results"][0];
  EXPECT_EQ(hit["rank"], json(1));
  EXPECT_EQ(hit["id"], json("2020/01/troops.txt"));
  EXPECT_EQ(hit["score"], json(1.5));
  EXPECT_EQ(hit["date"], json("2020-01-06"));
  EXPECT_EQ(hit["title"], json("Troops to withdraw"));
  EXPECT_EQ(hit["title_html"], json("<mark>Troops</mark> to withdraw"));
  EXPECT_EQ(hit["source"], json("Northern Wire"));
  EXPECT_EQ(hit["snippet"], json("The <mark>troops</mark> &amp; &lt;allies&gt;"));
}

TEST(RenderJson, UndatedHitHasNullDateAndEmptySource) {
  json hit = json::parse(json_of(two_hits()))["results"][1];
  EXPECT_TRUE(hit["date"].is_null());
  EXPECT_EQ(hit["source"], json(""));
  EXPECT_EQ(hit["snippet"], json("Shares rose &quot;sharply&quot;."));
}

TEST(RenderJson, NoResultsGivesEmptyArray) {
  SearchResult result;
  result.query = "zebra";
  json document = json::parse(json_of(result));
  EXPECT_EQ(document["results"], json::array());
  EXPECT_EQ(document["total_estimate"], json(0));
}

TEST(RenderJson, OutputEndsWithOneNewline) {
  std::string out = json_of(two_hits());
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n');
  EXPECT_NE(out[out.size() - 2], '\n');
}

// Name facets are tables of counts; date facets add a bar. The facet's name heads it.
TEST(RenderFacetText, PlaceAndOrgFacetsAreTablesWithoutBars) {
  std::ostringstream out;
  render_facet_text(FacetKind::kPlace, {{"Baghdad", 12}, {"Port Halden", 3}}, out);
  render_facet_text(FacetKind::kOrganization, {{"the United Nations", 2}}, out);
  render_facet_text(FacetKind::kOrganization, {}, out);
  EXPECT_EQ(out.str(),
            "\nplace facet:\n"
            "  Baghdad      12\n"
            "  Port Halden   3\n"
            "\norg facet:\n"
            "  the United Nations  2\n"
            "\norg facet: none\n");
}

TEST(RenderFacetText, YearFacetHasBarsScaledToTheLargestCount) {
  auto bar = [](size_t cells) {
    std::string text;
    for (size_t i = 0; i < cells; ++i) text += "\xE2\x96\x88";
    return text;
  };
  std::ostringstream out;
  render_facet_text(FacetKind::kYear, {{"2019", 2}, {"2020", 0}, {"2021", 1}}, out);
  EXPECT_EQ(out.str(),
            "\nyear facet:\n  2019  2 " + bar(40) + "\n  2020  0\n  2021  1 " + bar(20) + "\n");
}

TEST(RenderJson, FacetsAreKeyedByFacetName) {
  SearchResult result = two_hits();
  result.facets[FacetKind::kPerson] = {{"Mark Esper", 2}};
  result.facets[FacetKind::kPlace] = {{"Baghdad", 2}, {"Tehran", 1}};
  result.facets[FacetKind::kOrganization] = {{"U.S. Army", 1}};
  json document = json::parse(json_of(result));
  EXPECT_EQ(keys_of(document["facets"]), (std::set<std::string>{"person", "place", "org"}));
  // As printed: "value" before "count".
  auto ordered = nlohmann::ordered_json::parse(json_of(result));
  EXPECT_EQ(ordered["facets"]["place"].dump(),
            R"([{"value":"Baghdad","count":2},{"value":"Tehran","count":1}])");
  EXPECT_EQ(ordered["facets"]["org"].dump(), R"([{"value":"U.S. Army","count":1}])");
}

// A result with every explanation set: nothing matched, a correction, the undated left out.
SearchResult explained_empty_result() {
  SearchResult result;
  result.query = "Blari goverment";
  result.total_exact = true;
  result.unmatched_words = {"Blari"};
  result.suggestion = Suggestion{"blair government", 180};
  result.undated_matches = 1;
  return result;
}

TEST(RenderText, AnEmptyResultNamesTheWordsThatMatchNothingAndTheCorrection) {
  EXPECT_EQ(text_of(explained_empty_result(), false),
            "No articles match.\n"
            "No article contains: Blari.\n"
            "Did you mean: blair government? (180 articles)\n"
            "1 undated article also matches (the date range leaves out articles without a "
            "date).\n");
}

TEST(RenderText, ResultsSayWhenUndatedArticlesComeLast) {
  SearchResult result = two_hits();
  result.undated_listed_last = true;
  result.undated_matches = 0;  // a date range that left nothing out says nothing
  std::string text = text_of(result, false);
  EXPECT_EQ(text.substr(0, text.find("\n\n")),
            "2 articles match; showing 1-2.\nArticles without a date are listed last.");
}

TEST(RenderJson, ExplanationsAreKeysOnlyWhenThereIsSomethingToSay) {
  json plain = json::parse(json_of(two_hits()));
  for (const char* key :
       {"suggestion", "undated_matches", "unmatched_words", "undated_listed_last"})
    EXPECT_FALSE(plain.contains(key)) << key;
  json explained = json::parse(json_of(explained_empty_result()));
  EXPECT_EQ(explained["suggestion"],
            json({{"query", "blair government"}, {"total_estimate", 180}}));
  EXPECT_EQ(explained["undated_matches"], json(1));
  EXPECT_EQ(explained["unmatched_words"], json::array({"Blari"}));
}

}  // namespace
}  // namespace newsarchive
