// Integration: search that helps. Articles indexed with newsindex's library (one writer, and a
// bulk load through two staging shards) answer with a spelling suggestion when a query matches
// little, count the undated articles a date range leaves out, name the words that match
// nothing, find a capitalised name's possessive, highlight title: matches in headlines, and list
// the articles most like one article.
#include <gtest/gtest.h>
#include <spdlog/sinks/null_sink.h>
#include <xapian.h>

#include <nlohmann/json.hpp>

#include "index/index_run.h"
#include "query/search.h"
#include "test_support.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;

std::string record(const std::string& id, const std::string& date, const std::string& title,
                   const std::string& body) {
  nlohmann::json line = {{"id", id}, {"title", title}, {"body", body}};
  if (!date.empty()) line["date"] = date;
  return line.dump() + "\n";
}

// Eleven articles about the government, one misspelling it; Blair said plainly in two and only
// as a possessive in two more, one of them undated; a Keats article that a search for Keating
// must not find; a person whose surname is one edit from a common word.
std::string archive_lines() {
  std::string lines;
  for (int i = 1; i <= 11; ++i)
    lines += record("gov" + std::to_string(i), "2004-03-" + std::to_string(10 + i),
                    "Budget day " + std::to_string(i),
                    "The government set out its budget for schools and hospitals, number " +
                        std::to_string(i) + ".");
  lines += record("typo", "2004-04-01", "A slip", "The goverment denied the report.");
  lines += record("blair1", "2004-05-01", "Blair speaks", "Tony Blair spoke on schools policy.");
  lines += record("blair2", "2004-05-02", "Downing Street", "Mr Blair met ministers at noon.");
  lines += record("blair3", "2004-05-03", "Cabinet split",
                  "Blair's cabinet argued over tuition fees for a second day.");
  lines += record("blair4", "", "Undated note", "Blair’s aides kept the diary of the week.");
  lines += record("keats", "2004-06-01", "Poetry prize", "Keats was read aloud at the prize.");
  lines += record("budgen", "2004-06-02", "Backbench revolt",
                  "The MP Nick Budgen said he would vote against it.");
  lines += record("ipod", "2004-07-01", "The iPod at three",
                  "Sales of the music player rose again this quarter.");
  return lines;
}

class HelpfulSearch : public ::testing::TestWithParam<size_t> {
 protected:
  void SetUp() override {
    testing::write_file(dir_.path() / "archive" / "news.jsonl", archive_lines());
    index();
  }
  void index() {
    spdlog::logger log("test", std::make_shared<spdlog::sinks::null_sink_mt>());
    IndexOptions options;
    options.database = database();
    options.inputs = {dir_.path() / "archive"};
    options.prune = true;
    options.writers = GetParam();
    run_index(options, log);
  }
  std::string database() const { return (dir_.path() / "db").string(); }
  SearchResult search(const std::string& query) {
    SearchRequest request;
    request.query = query;
    return search(request);
  }
  SearchResult search(const SearchRequest& request) {
    return Searcher({database()}).search(request);
  }
  static std::vector<std::string> ids(const SearchResult& result) {
    std::vector<std::string> out;
    for (const Hit& hit : result.hits) out.push_back(hit.id);
    std::sort(out.begin(), out.end());
    return out;
  }

  testing::TempDir dir_;
};

TEST_P(HelpfulSearch, AWordNoArticleHoldsIsCorrectedAndNamed) {
  SearchResult result = search("Schoools");
  EXPECT_EQ(result.total_estimate, 0u);
  ASSERT_TRUE(result.suggestion);
  EXPECT_EQ(result.suggestion->query, "schools");
  EXPECT_EQ(result.suggestion->total_estimate, 12u);  // eleven budgets and blair1
  EXPECT_EQ(result.unmatched_words, std::vector<std::string>{"Schoools"});
}

TEST_P(HelpfulSearch, ARareMisspellingIsCorrectedWhenTheSpellingIsFarCommoner) {
  SearchResult result = search("goverment");
  EXPECT_EQ(ids(result), std::vector<std::string>{"typo"});
  ASSERT_TRUE(result.suggestion);
  EXPECT_EQ(result.suggestion->query, "government");
  EXPECT_EQ(result.suggestion->total_estimate, 11u);
  EXPECT_TRUE(result.unmatched_words.empty());
}

TEST_P(HelpfulSearch, NoSuggestionForWordsThatMatchWellOrForNames) {
  EXPECT_FALSE(search("government").suggestion);
  EXPECT_FALSE(search("schools budget").suggestion);
  // "Budgen" is in one article and "budget" in eleven, one edit away: as a word it would be
  // corrected, but it is the surname of a person the archive holds.
  SearchResult budgen = search("Budgen");
  EXPECT_EQ(ids(budgen), std::vector<std::string>{"budgen"});
  EXPECT_FALSE(budgen.suggestion);
  EXPECT_EQ(Xapian::Database(database()).get_spelling_suggestion("budgen"), "budget");
}

TEST_P(HelpfulSearch, ACapitalisedNameFindsItsPossessiveButStaysUnstemmed) {
  EXPECT_EQ(ids(search("Blair")),
            (std::vector<std::string>{"blair1", "blair2", "blair3", "blair4"}));
  EXPECT_EQ(ids(search("Blair cabinet")), std::vector<std::string>{"blair3"});
  EXPECT_EQ(search("Keating").total_estimate, 0u);
  // A phrase keeps the words as typed.
  EXPECT_EQ(ids(search("\"Tony Blair\"")), std::vector<std::string>{"blair1"});
}

TEST_P(HelpfulSearch, APossessiveMatchIsHighlighted) {
  SearchResult result = search("Blair cabinet");
  ASSERT_EQ(result.hits.size(), 1u);
  const Snippet& snippet = result.hits[0].snippet;
  ASSERT_FALSE(snippet.highlights.empty());
  const Highlight& first = snippet.highlights[0];
  EXPECT_EQ(snippet.text.substr(first.start, first.end - first.start), "Blair's");
}

TEST_P(HelpfulSearch, ADateRangeSaysHowManyUndatedArticlesItLeftOut) {
  SearchRequest request;
  request.query = "Blair";
  request.from = parse_date_period("2004-05-02");
  SearchResult result = search(request);
  EXPECT_EQ(ids(result), (std::vector<std::string>{"blair2", "blair3"}));
  ASSERT_TRUE(result.undated_matches);
  EXPECT_EQ(*result.undated_matches, 1u);
  EXPECT_FALSE(search("Blair").undated_matches);  // no range, nothing left out
}

TEST_P(HelpfulSearch, NewestFirstSaysUndatedArticlesComeLast) {
  SearchRequest request;
  request.query = "Blair";
  request.sort = SortOrder::kNewest;
  SearchResult result = search(request);
  ASSERT_EQ(result.hits.size(), 4u);
  EXPECT_EQ(result.hits.back().id, "blair4");
  EXPECT_TRUE(result.undated_listed_last);
  request.sort = SortOrder::kRelevance;
  EXPECT_FALSE(search(request).undated_listed_last);
}

TEST_P(HelpfulSearch, TitleMatchesAreHighlightedInTheHeadline) {
  SearchResult result = search("title:iPod");
  ASSERT_EQ(result.hits.size(), 1u);
  const Snippet& title = result.hits[0].title;
  ASSERT_EQ(title.highlights.size(), 1u);
  EXPECT_EQ(title.text.substr(title.highlights[0].start,
                              title.highlights[0].end - title.highlights[0].start),
            "iPod");
}

TEST_P(HelpfulSearch, MoreLikeThisListsSimilarArticlesButNotTheArticleItself) {
  SearchRequest request;
  request.like_id = "gov3";
  request.limit = 10;
  SearchResult result = search(request);
  // The ten other budget articles share nearly every word with it: they come first, and the
  // article itself is not among the hits at all.
  EXPECT_EQ(ids(result), (std::vector<std::string>{"gov1", "gov10", "gov11", "gov2", "gov4", "gov5",
                                                   "gov6", "gov7", "gov8", "gov9"}));
  request.limit = 100;
  std::vector<std::string> all = ids(search(request));
  EXPECT_EQ(std::count(all.begin(), all.end(), "gov3"), 0);
  // A date range narrows them like any search: only gov10 and gov11 of the budgets are dated
  // after 2004-03-20, and they still lead.
  request.from = parse_date_period("2004-03-20");
  request.limit = 2;
  EXPECT_EQ(ids(search(request)), (std::vector<std::string>{"gov10", "gov11"}));
}

TEST_P(HelpfulSearch, MoreLikeThisOfAnUnknownIdIsAUserError) {
  SearchRequest request;
  request.like_id = "nonesuch";
  EXPECT_THROW(search(request), UserError);
}

TEST_P(HelpfulSearch, SpellingFollowsTheArchiveThroughIncrementalRuns) {
  ASSERT_TRUE(search("goverment").suggestion);
  // The misspelt article goes; the word with it, so it matches nothing and gets corrected.
  std::string lines = archive_lines();
  size_t typo = lines.find("{\"body\":\"The goverment");
  ASSERT_NE(typo, std::string::npos);
  lines.erase(typo, lines.find('\n', typo) + 1 - typo);
  lines += record("nuclear", "2004-08-01", "Reactor", "The nucleer plant reopened.");
  testing::write_file(dir_.path() / "archive" / "news.jsonl", lines);
  index();
  SearchResult gone = search("goverment");
  EXPECT_EQ(gone.total_estimate, 0u);
  ASSERT_TRUE(gone.suggestion);
  EXPECT_EQ(gone.suggestion->query, "government");
  Xapian::Database db(database());
  EXPECT_EQ(db.get_spelling_suggestion("goverment"), "government");
  EXPECT_EQ(db.get_spelling_suggestion("nucleer"), "");  // a word the table now holds
}

INSTANTIATE_TEST_SUITE_P(Writers, HelpfulSearch, ::testing::Values(1, 2));

}  // namespace
}  // namespace newsarchive
