// Integration: the sample corpus (corpus/) indexed through the library into a temp database,
// then searched through Searcher. Expectations are ids, dates and highlighted text, never docids.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "index/index_run.h"
#include "present/render.h"
#include "query/search.h"
#include "store/schema.h"
#include "test_support.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;
using newsarchive::testing::TempDir;
using newsarchive::testing::write_file;
using Ids = std::vector<std::string>;

const fs::path kCorpus = NEWSARCHIVE_CORPUS_DIR;
const std::string kSeed = "2020-01-06-pentagon-chief-denies-leaving-iraq.txt";

// Articles in corpus/ at the time of writing: 37 text files and 6 JSON Lines records.
constexpr size_t kCorpusArticles = 43;

// Runs run_index with a logger that records what it prints.
struct IndexOutcome {
  IndexReport report;
  std::string log;
};

IndexOutcome index_into(const fs::path& database, const std::vector<fs::path>& inputs,
                        size_t writers = 1) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  spdlog::logger log("test", sink);
  log.set_pattern("%l: %v");
  IndexOptions options;
  options.database = database;
  options.inputs = inputs;
  options.writers = writers;
  IndexOutcome outcome;
  outcome.report = run_index(options, log);
  log.flush();
  outcome.log = captured.str();
  return outcome;
}

// What a walk of corpus/ should index: one article per .txt file, one per non-blank JSONL line.
size_t count_corpus_articles() {
  size_t count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kCorpus)) {
    if (!entry.is_regular_file()) continue;
    std::string name = entry.path().filename().string();
    if (name.ends_with(".txt")) ++count;
    if (name.ends_with(".jsonl")) {
      std::ifstream in(entry.path());
      std::string line;
      while (std::getline(in, line))
        if (line.find_first_not_of(" \t\r") != std::string::npos) ++count;
    }
  }
  return count;
}

DatePeriod period(const std::string& text) {
  auto parsed = parse_date_period(text);
  if (!parsed) throw std::invalid_argument("bad test date " + text);
  return *parsed;
}

SearchRequest request_for(const std::string& query, Xapian::doccount limit = 100) {
  SearchRequest request;
  request.query = query;
  request.limit = limit;
  return request;
}

Ids sorted(Ids ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::vector<std::string> ids_of(const SearchResult& result) {
  std::vector<std::string> ids;
  for (const Hit& hit : result.hits) ids.push_back(hit.id);
  return ids;
}

std::string highlighted(const Snippet& snippet, const Highlight& highlight) {
  return snippet.text.substr(highlight.start, highlight.end - highlight.start);
}

std::vector<std::string> highlighted_texts(const Snippet& snippet) {
  std::vector<std::string> texts;
  for (const Highlight& highlight : snippet.highlights)
    texts.push_back(highlighted(snippet, highlight));
  return texts;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

const Hit* find_hit(const SearchResult& result, const std::string& id) {
  for (const Hit& hit : result.hits)
    if (hit.id == id) return &hit;
  return nullptr;
}

// The whole corpus indexed once for the suite.
class CorpusSearch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    outcome_ = new IndexOutcome(index_into(database(), {kCorpus}));
  }
  static void TearDownTestSuite() {
    delete outcome_;
    delete dir_;
    outcome_ = nullptr;
    dir_ = nullptr;
  }
  static fs::path database() { return dir_->path() / "db"; }

  SearchResult search(const SearchRequest& request) {
    Searcher searcher({database().string()});
    return searcher.search(request);
  }
  SearchResult search(const std::string& query) { return search(request_for(query)); }

  static TempDir* dir_;
  static IndexOutcome* outcome_;
};

TempDir* CorpusSearch::dir_ = nullptr;
IndexOutcome* CorpusSearch::outcome_ = nullptr;

TEST_F(CorpusSearch, IndexesEveryCorpusArticleWithoutSkipsOrWarnings) {
  const IndexReport& report = outcome_->report;
  EXPECT_EQ(report.indexed(), count_corpus_articles());
  EXPECT_EQ(report.indexed(), kCorpusArticles);
  EXPECT_EQ(report.added, kCorpusArticles);
  EXPECT_EQ(report.changed, 0u);
  EXPECT_EQ(report.unchanged, 0u);
  EXPECT_EQ(report.skipped, 0u);
  EXPECT_EQ(report.undated, 0u);
  EXPECT_EQ(report.warnings, 0u);
  EXPECT_EQ(outcome_->log, "");
  EXPECT_EQ(Xapian::Database(database().string()).get_doccount(), kCorpusArticles);
}

TEST_F(CorpusSearch, EmptyQueryMatchesEveryArticle) {
  SearchResult result = search(request_for("", 1000));
  EXPECT_EQ(result.hits.size(), kCorpusArticles);
  EXPECT_EQ(result.total_estimate, kCorpusArticles);
  EXPECT_TRUE(result.total_exact);
}

TEST_F(CorpusSearch, EsperRanksSeedArticleFirstAndHighlightsEsper) {
  SearchResult result = search("Esper");
  ASSERT_EQ(result.hits.size(), 1u);
  const Hit& hit = result.hits.front();
  EXPECT_EQ(hit.rank, 1u);
  EXPECT_EQ(hit.id, kSeed);
  EXPECT_EQ(hit.date, make_date(2020, 1, 6));
  EXPECT_EQ(hit.title.text, "the Pentagon chief, the United States denies leaving Iraq");
  EXPECT_EQ(hit.source, "");
  ASSERT_FALSE(hit.snippet.highlights.empty());
  for (const Highlight& highlight : hit.snippet.highlights)
    EXPECT_EQ(highlighted(hit.snippet, highlight), "Esper");
}

TEST_F(CorpusSearch, TroopsFromFebruary2020ExcludesEarlierArticlesAndTheSeed) {
  SearchRequest request = request_for("troops");
  request.from = period("2020-02");
  SearchResult result = search(request);
  for (const Hit& hit : result.hits) {
    ASSERT_TRUE(hit.date.has_value()) << hit.id;
    EXPECT_GE(*hit.date, *make_date(2020, 2, 1)) << hit.id;
  }
  EXPECT_EQ(find_hit(result, kSeed), nullptr);
  EXPECT_EQ(sorted(ids_of(result)),
            sorted(Ids{"2020-02-12-matamba-announces-iraq-troop-rotation.txt", "wire-2020-0087",
                       "2020-03-09-army-troops-build-field-hospitals.txt",
                       "2020-11-05-troops-deployed-as-lenne-floods-valley.txt",
                       "2023-08-02-last-troops-leave-karvian-border.txt",
                       "2024-09-26-general-matamba-retires.txt"}));
}

TEST_F(CorpusSearch, TroopsWithoutDateFilterMatchesAllTwelveTroopArticles) {
  SearchResult result = search("troops");
  EXPECT_EQ(sorted(ids_of(result)),
            sorted(Ids{"2015-02-11-stavnell-orders-troops-to-northern-frontier.txt",
                       "2016-08-30-veldania-sends-army-trainers-to-iraq.txt", "wire-2016-0001",
                       "2018-10-09-stavnell-withdraws-troops-from-border-posts.txt", kSeed,
                       "2020-01-14-veldania-reviews-iraq-training-mission.txt",
                       "2020-02-12-matamba-announces-iraq-troop-rotation.txt", "wire-2020-0087",
                       "2020-03-09-army-troops-build-field-hospitals.txt",
                       "2020-11-05-troops-deployed-as-lenne-floods-valley.txt",
                       "2023-08-02-last-troops-leave-karvian-border.txt",
                       "2024-09-26-general-matamba-retires.txt"}));
  EXPECT_EQ(result.total_estimate, 12u);
}

TEST_F(CorpusSearch, QuotedPhraseFindsOnlyTheSeedAndHighlightsThePhrase) {
  SearchResult result = search("\"no decision to leave Iraq\"");
  ASSERT_EQ(ids_of(result), (Ids{kSeed}));
  EXPECT_EQ(highlighted_texts(result.hits.front().snippet), (Ids{"no decision to leave Iraq"}));
}

TEST_F(CorpusSearch, PhraseWordsInAnotherOrderDoNotMatch) {
  EXPECT_TRUE(search("\"leave Iraq no decision\"").hits.empty());
}

TEST_F(CorpusSearch, WithdrawingMatchesEveryFormWithTheSameStem) {
  SearchResult result = search("withdrawing");
  EXPECT_EQ(sorted(ids_of(result)),
            sorted(Ids{"2018-10-09-stavnell-withdraws-troops-from-border-posts.txt", kSeed,
                       "2020-01-14-veldania-reviews-iraq-training-mission.txt",
                       "2020-02-12-matamba-announces-iraq-troop-rotation.txt",
                       "2023-08-02-last-troops-leave-karvian-border.txt"}));
  const Hit* seed = find_hit(result, kSeed);
  ASSERT_NE(seed, nullptr);
  EXPECT_EQ(highlighted_texts(seed->snippet), (Ids{"withdraw"}));
}

TEST_F(CorpusSearch, WithdrawingNeverHighlightsTheIrregularPastWithdrew) {
  // 2018-10-09 contains "withdrew" but matches through "withdraws" and "withdrawal".
  SearchResult result = search("withdrawing");
  ASSERT_FALSE(result.hits.empty());
  for (const Hit& hit : result.hits) {
    for (const Snippet* snippet : {&hit.title, &hit.snippet})
      for (const std::string& text : highlighted_texts(*snippet))
        EXPECT_TRUE(lower(text).starts_with("withdraw")) << hit.id << ": " << text;
  }
  const Hit* border =
      find_hit(result, "2018-10-09-stavnell-withdraws-troops-from-border-posts.txt");
  ASSERT_NE(border, nullptr);
  EXPECT_EQ(highlighted_texts(border->title), (Ids{"withdraws"}));
}

TEST_F(CorpusSearch, WithdrewMatchesOnlyTheArticleUsingThatWord) {
  SearchResult result = search("withdrew");
  ASSERT_EQ(ids_of(result), (Ids{"2018-10-09-stavnell-withdraws-troops-from-border-posts.txt"}));
  EXPECT_EQ(highlighted_texts(result.hits.front().snippet), (Ids{"withdrew"}));
}

TEST_F(CorpusSearch, AllCapsQueryReturnsTheSameIdsAsLowerCase) {
  EXPECT_EQ(ids_of(search("WITHDRAWING")), ids_of(search("withdrawing")));
  EXPECT_EQ(ids_of(search("ESPER")), ids_of(search("Esper")));
  EXPECT_EQ(ids_of(search("WITHDRAWING")).size(), 5u);
}

TEST_F(CorpusSearch, TitleFieldMatchesOnlyHeadlinesContainingIraq) {
  SearchResult result = search("title:iraq");
  EXPECT_EQ(sorted(ids_of(result)),
            sorted(Ids{"2016-08-30-veldania-sends-army-trainers-to-iraq.txt", kSeed,
                       "2020-01-14-veldania-reviews-iraq-training-mission.txt",
                       "2020-02-12-matamba-announces-iraq-troop-rotation.txt", "wire-2020-0087"}));
  for (const Hit& hit : result.hits)
    EXPECT_NE(hit.title.text.find("Iraq"), std::string::npos) << hit.id << ": " << hit.title.text;
  // A plain query also finds articles mentioning Iraq only in the body.
  SearchResult anywhere = search("iraq");
  EXPECT_NE(find_hit(anywhere, "2019-05-14-candidates-clash-in-final-debate.txt"), nullptr);
  EXPECT_EQ(find_hit(result, "2019-05-14-candidates-clash-in-final-debate.txt"), nullptr);
}

TEST_F(CorpusSearch, SourceFieldFiltersWireArticles) {
  SearchResult result = search("source:\"Northern Wire Service\"");
  EXPECT_EQ(sorted(ids_of(result)),
            sorted(Ids{"wire-2016-0001", "wire-2017-0014", "wire-2020-0087", "wire-2023-0152"}));
  for (const Hit& hit : result.hits) EXPECT_EQ(hit.source, "Northern Wire Service");
}

TEST_F(CorpusSearch, SortNewestGivesNonIncreasingDates) {
  SearchRequest request = request_for("troops");
  request.sort = SortOrder::kNewest;
  SearchResult result = search(request);
  ASSERT_EQ(result.hits.size(), 12u);
  for (size_t i = 1; i < result.hits.size(); ++i)
    EXPECT_GE(result.hits[i - 1].date, result.hits[i].date) << result.hits[i].id;
  EXPECT_EQ(result.hits.front().id, "2024-09-26-general-matamba-retires.txt");
  EXPECT_EQ(result.hits.back().id, "2015-02-11-stavnell-orders-troops-to-northern-frontier.txt");
}

TEST_F(CorpusSearch, SortOldestGivesNonDecreasingDates) {
  SearchRequest request = request_for("troops");
  request.sort = SortOrder::kOldest;
  SearchResult result = search(request);
  ASSERT_EQ(result.hits.size(), 12u);
  for (size_t i = 1; i < result.hits.size(); ++i)
    EXPECT_LE(result.hits[i - 1].date, result.hits[i].date) << result.hits[i].id;
  EXPECT_EQ(result.hits.front().id, "2015-02-11-stavnell-orders-troops-to-northern-frontier.txt");
  EXPECT_EQ(result.hits.back().id, "2024-09-26-general-matamba-retires.txt");
}

TEST_F(CorpusSearch, FromAndToOnOneDayWithEmptyQueryFindOnlyTheSeed) {
  SearchRequest request = request_for("");
  request.from = period("2020-01-06");
  request.to = period("2020-01-06");
  EXPECT_EQ(ids_of(search(request)), (Ids{kSeed}));
}

// Date filters are built from year, month and day terms; they must select exactly the articles
// a plain range over the date slot selects. Seeded pseudo-random ranges over the corpus years.
TEST_F(CorpusSearch, DateTermFiltersSelectWhatTheDateSlotRangeSelects) {
  Xapian::Database db(database().string());
  auto docids = [&](const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    std::set<Xapian::docid> ids;
    for (auto it = enquire.get_mset(0, db.get_doccount()).begin(); it != Xapian::MSetIterator();
         ++it)
      ids.insert(*it);
    return ids;
  };
  unsigned seed = 20261126;
  auto next = [&seed](int bound) {
    seed = seed * 1103515245u + 12345u;
    return static_cast<int>((seed >> 8) % static_cast<unsigned>(bound));
  };
  size_t nonempty = 0;
  for (int round = 0; round < 300; ++round) {
    auto random_day = [&] {
      int year = 2015 + next(10);
      int month = 1 + next(12);
      return *make_date(year, month, 1 + next(days_in_month(year, month)));
    };
    Date a = random_day();
    Date b = random_day();
    if (b < a) std::swap(a, b);
    std::set<Xapian::docid> expected = docids(Xapian::Query(
        Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, a.slot_key(), b.slot_key()));
    EXPECT_EQ(docids(date_range_query(DatePeriod{a, a}, DatePeriod{b, b})), expected)
        << a.iso() << ".." << b.iso() << " (seed 20261126, round " << round << ")";
    nonempty += expected.empty() ? 0 : 1;
  }
  EXPECT_GT(nonempty, 200u);  // the ranges do select articles
}

TEST_F(CorpusSearch, DateFieldRangeInQueryMatchesFromToOptions) {
  SearchRequest options = request_for("");
  options.from = period("2020-01");
  options.to = period("2020-03");
  options.sort = SortOrder::kOldest;
  SearchRequest field = request_for("date:2020-01..2020-03");
  field.sort = SortOrder::kOldest;
  std::vector<std::string> expected = {kSeed,
                                       "2020-01-14-veldania-reviews-iraq-training-mission.txt",
                                       "2020-02-12-matamba-announces-iraq-troop-rotation.txt",
                                       "wire-2020-0087",
                                       "2020-03-09-army-troops-build-field-hospitals.txt",
                                       "2020-03-27-football-league-suspends-season.txt"};
  EXPECT_EQ(ids_of(search(options)), expected);
  EXPECT_EQ(ids_of(search(field)), expected);
}

TEST_F(CorpusSearch, DateFieldCombinesWithWords) {
  EXPECT_EQ(sorted(ids_of(search("troops date:2020-01"))),
            sorted(Ids{kSeed, "2020-01-14-veldania-reviews-iraq-training-mission.txt"}));
}

TEST_F(CorpusSearch, OffsetContinuesRanksAfterSkippedHits) {
  SearchResult all = search("troops");
  SearchRequest request = request_for("troops", 3);
  request.offset = 2;
  SearchResult page = search(request);
  ASSERT_EQ(page.hits.size(), 3u);
  EXPECT_EQ(page.offset, 2u);
  EXPECT_EQ(page.hits[0].rank, 3u);
  EXPECT_EQ(page.hits[1].rank, 4u);
  EXPECT_EQ(page.hits[2].rank, 5u);
  EXPECT_EQ(page.total_estimate, 12u);
  ASSERT_GE(all.hits.size(), 5u);
  EXPECT_EQ(ids_of(page),
            (std::vector<std::string>{all.hits[2].id, all.hits[3].id, all.hits[4].id}));
}

TEST_F(CorpusSearch, OffsetPastTheEndGivesNoHitsButTheTotal) {
  SearchRequest request = request_for("troops", 10);
  request.offset = 50;
  SearchResult result = search(request);
  EXPECT_TRUE(result.hits.empty());
  EXPECT_EQ(result.total_estimate, 12u);
}

TEST_F(CorpusSearch, JsonOutputParsesWithEveryDocumentedField) {
  std::ostringstream out;
  render_json(search("Esper"), out);
  nlohmann::json document = nlohmann::json::parse(out.str());
  std::set<std::string> keys;
  for (const auto& item : document.items()) keys.insert(item.key());
  EXPECT_EQ(keys, (std::set<std::string>{"query", "total_estimate", "total_exact", "total_articles",
                                         "offset", "results"}));
  EXPECT_EQ(document["query"], "Esper");
  EXPECT_EQ(document["total_articles"], 1);
  EXPECT_EQ(document["total_estimate"], 1);
  EXPECT_EQ(document["offset"], 0);
  ASSERT_EQ(document["results"].size(), 1u);
  const nlohmann::json& hit = document["results"][0];
  std::set<std::string> hit_keys;
  for (const auto& item : hit.items()) hit_keys.insert(item.key());
  EXPECT_EQ(hit_keys,
            (std::set<std::string>{"rank", "id", "score", "date", "title", "title_html", "source",
                                   "snippet", "persons", "story", "duplicates"}));
  EXPECT_EQ(hit["story"], nullptr);
  EXPECT_EQ(hit["duplicates"], 0);
  EXPECT_EQ(hit["rank"], 1);
  EXPECT_EQ(hit["id"], kSeed);
  EXPECT_TRUE(hit["score"].is_number());
  EXPECT_GT(hit["score"].get<double>(), 0.0);
  EXPECT_EQ(hit["date"], "2020-01-06");
  EXPECT_EQ(hit["persons"],
            nlohmann::json::array({"Mark Esper", "Donald Trump", "Qassem Soleimani", "Ali Khamenei",
                                   "Mark Milley", "William Seely III"}));
  EXPECT_EQ(hit["title"], "the Pentagon chief, the United States denies leaving Iraq");
  EXPECT_EQ(hit["title_html"], "the Pentagon chief, the United States denies leaving Iraq");
  EXPECT_EQ(hit["source"], "");
  std::string snippet = hit["snippet"];
  EXPECT_NE(snippet.find("<mark>Esper</mark>"), std::string::npos) << snippet;
}

TEST_F(CorpusSearch, JsonOutputCarriesWireSourceDateAndTitle) {
  std::ostringstream out;
  render_json(search("rotation source:\"Northern Wire Service\""), out);
  nlohmann::json document = nlohmann::json::parse(out.str());
  ASSERT_EQ(document["results"].size(), 1u);
  const nlohmann::json& hit = document["results"][0];
  EXPECT_EQ(hit["id"], "wire-2020-0087");
  EXPECT_EQ(hit["source"], "Northern Wire Service");
  EXPECT_EQ(hit["date"], "2020-02-24");
  EXPECT_EQ(hit["title"], "Veldanian troops begin first rotation home from Iraq");
}

TEST_F(CorpusSearch, BadQuerySyntaxIsAUserError) {
  EXPECT_THROW(search("a AND"), UserError);
  EXPECT_THROW(search("date:2020-99"), UserError);
}

TEST_F(CorpusSearch, MissingDatabaseIsAUserErrorSayingHowToCreateOne) {
  std::string missing = (dir_->path() / "nope").string();
  try {
    Searcher searcher({missing});
    FAIL() << "opened a database that does not exist";
  } catch (const UserError& error) {
    EXPECT_EQ(std::string(error.what()), "no database at '" + missing +
                                             "'; create one with: newsindex index --db " + missing +
                                             " ARCHIVE_PATH");
  }
}

TEST(CorpusIndexing, ReindexingTheSameCorpusFindsEveryArticleUnchanged) {
  TempDir dir;
  fs::path database = dir.path() / "db";
  IndexOutcome first = index_into(database, {kCorpus});
  ASSERT_EQ(first.report.added, kCorpusArticles);
  IndexOutcome second = index_into(database, {kCorpus});
  EXPECT_EQ(second.report.added, 0u);
  EXPECT_EQ(second.report.changed, 0u);
  EXPECT_EQ(second.report.unchanged, kCorpusArticles);
  EXPECT_EQ(second.report.skipped, 0u);
  EXPECT_EQ(second.report.undated, 0u);
  EXPECT_EQ(Xapian::Database(database.string()).get_doccount(), kCorpusArticles);
  Searcher searcher({database.string()});
  EXPECT_EQ(ids_of(searcher.search(request_for("Esper"))), (Ids{kSeed}));
}

// The corpus split into two databases searched as one must rank exactly like one database.
TEST(CorpusShards, ShardsAndTheirCompactedMergeRankLikeOneDatabase) {
  std::vector<fs::path> text_files;
  for (const auto& entry : fs::directory_iterator(kCorpus))
    if (entry.path().extension() == ".txt") text_files.push_back(entry.path());
  std::sort(text_files.begin(), text_files.end());
  ASSERT_EQ(text_files.size(), 37u);
  std::vector<fs::path> first_half(text_files.begin(), text_files.begin() + 18);
  std::vector<fs::path> second_half(text_files.begin() + 18, text_files.end());
  second_half.push_back(kCorpus / "wire" / "agency-feed.jsonl");

  TempDir dir;
  fs::path whole = dir.path() / "whole";
  fs::path a = dir.path() / "a";
  fs::path b = dir.path() / "b";
  index_into(whole, {kCorpus});
  EXPECT_EQ(index_into(a, first_half).report.indexed(), 18u);
  EXPECT_EQ(index_into(b, second_half).report.indexed(), 25u);

  // The shards merged into one database, as xapian-compact does.
  fs::path compacted = dir.path() / "compacted";
  {
    Xapian::Database both;
    both.add_database(Xapian::Database(a.string()));
    both.add_database(Xapian::Database(b.string()));
    both.compact(compacted.string());
  }

  Searcher single({whole.string()});
  Searcher sharded({a.string(), b.string()});
  Searcher merged({compacted.string()});
  for (const std::string query : {"Esper", "troops", "withdrawing", "iraq", "title:iraq",
                                  "Port Halden flood", "court OR election", "person:matamba"}) {
    SearchResult expected = single.search(request_for(query));
    ASSERT_FALSE(expected.hits.empty()) << query;
    for (Searcher* other : {&sharded, &merged}) {
      SearchResult actual = other->search(request_for(query));
      EXPECT_EQ(ids_of(actual), ids_of(expected)) << query;
      EXPECT_EQ(actual.total_estimate, expected.total_estimate) << query;
    }
  }
  SearchRequest newest = request_for("troops");
  newest.sort = SortOrder::kNewest;
  newest.facets = {FacetKind::kPerson, FacetKind::kYear};
  SearchResult expected = single.search(newest);
  for (Searcher* other : {&sharded, &merged}) {
    SearchResult actual = other->search(newest);
    EXPECT_EQ(ids_of(actual), ids_of(expected));
    EXPECT_EQ(actual.facets, expected.facets);
  }
}

// A bulk load (staging shards merged into place) gives the same articles, in the same order,
// as one writer, even where scores and dates tie: ties are broken by content, not docid.
TEST(CorpusBulkLoad, StagingShardsMergedIntoPlaceSearchLikeOneWriter) {
  TempDir dir;
  fs::path archive = dir.path() / "archive";
  fs::copy(kCorpus, archive, fs::copy_options::recursive);
  std::string feed;
  for (int i = 0; i < 300; ++i)
    feed += "{\"id\": \"tie-" + std::to_string(i) + "\", \"date\": \"2021-0" +
            std::to_string(1 + i % 3) + "-01\", \"title\": \"Harbour report\", \"body\": " +
            "\"Aurelio Matamba said the harbour works go on.\"}\n";
  write_file(archive / "ties.jsonl", feed);

  fs::path single = dir.path() / "single";
  fs::path bulk = dir.path() / "bulk";
  IndexOutcome one = index_into(single, {archive}, 1);
  IndexOutcome three = index_into(bulk, {archive}, 3);
  EXPECT_EQ(three.report.added, one.report.added);
  EXPECT_EQ(three.report.added, count_corpus_articles() + 300);
  EXPECT_NE(three.log.find("merging the staging shards"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir.path() / "bulk.staging"));
  EXPECT_EQ(Xapian::Database(bulk.string()).get_doccount(), one.report.added);

  Searcher expected_searcher({single.string()});
  Searcher actual_searcher({bulk.string()});
  for (SortOrder sort : {SortOrder::kRelevance, SortOrder::kNewest, SortOrder::kOldest}) {
    for (const std::string query : {"harbour", "", "person:matamba", "Esper", "troops"}) {
      SearchRequest request = request_for(query, 1000);
      request.sort = sort;
      request.facets = {FacetKind::kPerson, FacetKind::kMonth};
      SearchResult expected = expected_searcher.search(request);
      SearchResult actual = actual_searcher.search(request);
      ASSERT_FALSE(expected.hits.empty()) << query;
      EXPECT_EQ(ids_of(actual), ids_of(expected)) << query << " sort " << static_cast<int>(sort);
      EXPECT_EQ(actual.facets, expected.facets) << query;
    }
  }
  // A second run over the loaded database writes directly and finds nothing to do.
  IndexOutcome again = index_into(bulk, {archive}, 3);
  EXPECT_EQ(again.report.unchanged, one.report.added);
  EXPECT_EQ(again.report.indexed(), 0u);
}

// Totals beyond 100 matches may be Xapian's estimate unless the request asks for an exact count.
TEST(CorpusCounts, ExactCountCountsEveryMatchBeyondTheHundredChecked) {
  TempDir dir;
  std::string feed;
  for (int i = 0; i < 400; ++i)
    feed += "{\"id\": \"count-" + std::to_string(i) + "\", \"date\": \"2021-03-01\", " +
            "\"title\": \"Harbour report " + std::to_string(i) + "\", \"body\": \"" +
            (i % 2 == 0 ? "The crane lifted." : "The ferry left.") +
            (i % 8 == 0 ? " A dredger came." : "") + " Harbour works go on " +
            std::string(static_cast<size_t>(i % 7), 'x') + " today.\"}\n";
  write_file(dir.path() / "counts.jsonl", feed);
  fs::path database = dir.path() / "db";
  ASSERT_EQ(index_into(database, {dir.path() / "counts.jsonl"}).report.added, 400u);

  Searcher searcher({database.string()});
  // 200 cranes, 50 of them with a dredger: Xapian stops counting after the 100 it must check
  // and estimates the rest of an AND NOT.
  SearchRequest request = request_for("crane AND NOT dredger", 10);
  SearchResult estimated = searcher.search(request);
  EXPECT_FALSE(estimated.total_exact);
  EXPECT_NE(estimated.total_estimate, 150u);
  EXPECT_EQ(estimated.hits.size(), 10u);

  request.exact_count = true;
  SearchResult exact = searcher.search(request);
  EXPECT_TRUE(exact.total_exact);
  EXPECT_EQ(exact.total_estimate, 150u);
  EXPECT_EQ(ids_of(exact), ids_of(estimated));  // the same hits, only the count differs

  // Whatever the query, --exact counts every match.
  SearchRequest both = request_for("harbour AND crane", 10);
  both.exact_count = true;
  EXPECT_EQ(searcher.search(both).total_estimate, 200u);

  // Up to 100 matches the total is exact without asking.
  SearchResult small = searcher.search(request_for("harbour AND dredger", 10));
  EXPECT_TRUE(small.total_exact);
  EXPECT_EQ(small.total_estimate, 50u);
}

// A small archive of its own for date edges and undated articles.
class CorpusDateEdges : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::path archive = dir_.path() / "archive";
    auto article = [&](const std::string& name, const std::string& dateline,
                       const std::string& headline) {
      write_file(archive / name, dateline +
                                     "\n\nThe harbour authority met on the quay.\n\n"
                                     "Originally published as " +
                                     headline + "\n");
    };
    article("2019-12-31-year-end.txt", " date 2019-12-31", "Harbour year ends");
    article("2020-01-01-new-year.txt", " date 2020-01-01", "Harbour new year");
    article("2020-01-31-month-end.txt", " date 2020-01-31", "Harbour month ends");
    article("2020-02-01-february.txt", " date 2020-02-01", "Harbour in February");
    write_file(archive / "undated-notice.txt",
               "The harbour authority withdrew its notice on the quay.\n\n"
               "Originally published as Undated harbour notice\n");
    outcome_ = index_into(dir_.path() / "db", {archive});
  }

  std::vector<std::string> ids(SearchRequest request) {
    Searcher searcher({(dir_.path() / "db").string()});
    return ids_of(searcher.search(request));
  }

  TempDir dir_;
  IndexOutcome outcome_;
};

TEST_F(CorpusDateEdges, UndatedArticleIsIndexedAndSummarised) {
  EXPECT_EQ(outcome_.report.indexed(), 5u);
  EXPECT_EQ(outcome_.report.undated, 1u);
  EXPECT_EQ(outcome_.report.skipped, 0u);
  EXPECT_EQ(outcome_.report.warnings, 0u);
  EXPECT_NE(outcome_.log.find("1 article has no date and was indexed undated ("), std::string::npos)
      << outcome_.log;
  EXPECT_NE(outcome_.log.find("undated-notice.txt); --log-file FILE keeps the full list"),
            std::string::npos)
      << outcome_.log;
}

TEST_F(CorpusDateEdges, ToAMonthIncludesItsLastDay) {
  SearchRequest request = request_for("harbour");
  request.to = period("2020-01");
  EXPECT_EQ(sorted(ids(request)), sorted(Ids{"2019-12-31-year-end.txt", "2020-01-01-new-year.txt",
                                             "2020-01-31-month-end.txt"}));
}

TEST_F(CorpusDateEdges, FromAMonthStartsOnItsFirstDay) {
  SearchRequest request = request_for("harbour");
  request.from = period("2020-01");
  EXPECT_EQ(sorted(ids(request)), sorted(Ids{"2020-01-01-new-year.txt", "2020-01-31-month-end.txt",
                                             "2020-02-01-february.txt"}));
}

TEST_F(CorpusDateEdges, FromAndToTheSameMonthCoverTheWholeMonth) {
  SearchRequest request = request_for("");
  request.from = period("2020-01");
  request.to = period("2020-01");
  EXPECT_EQ(sorted(ids(request)),
            sorted(Ids{"2020-01-01-new-year.txt", "2020-01-31-month-end.txt"}));
  EXPECT_EQ(sorted(ids(request_for("date:2020-01"))),
            sorted(Ids{"2020-01-01-new-year.txt", "2020-01-31-month-end.txt"}));
}

TEST_F(CorpusDateEdges, YearPeriodsIncludeBothEnds) {
  SearchRequest request = request_for("");
  request.from = period("2019");
  request.to = period("2019");
  EXPECT_EQ(ids(request), (Ids{"2019-12-31-year-end.txt"}));
  EXPECT_EQ(sorted(ids(request_for("date:2020"))),
            sorted(Ids{"2020-01-01-new-year.txt", "2020-01-31-month-end.txt",
                       "2020-02-01-february.txt"}));
}

TEST_F(CorpusDateEdges, DateFiltersExcludeUndatedArticles) {
  SearchRequest request = request_for("harbour");
  request.from = period("1000");
  EXPECT_EQ(ids(request).size(), 4u);
  EXPECT_EQ(ids(request_for("date:..2999")).size(), 4u);
}

TEST_F(CorpusDateEdges, UndatedArticlesComeLastWhenSortingNewest) {
  SearchRequest request = request_for("harbour");
  request.sort = SortOrder::kNewest;
  EXPECT_EQ(ids(request),
            (Ids{"2020-02-01-february.txt", "2020-01-31-month-end.txt", "2020-01-01-new-year.txt",
                 "2019-12-31-year-end.txt", "undated-notice.txt"}));
}

TEST_F(CorpusDateEdges, UndatedArticlesComeLastWhenSortingOldest) {
  SearchRequest request = request_for("harbour");
  request.sort = SortOrder::kOldest;
  EXPECT_EQ(ids(request),
            (Ids{"2019-12-31-year-end.txt", "2020-01-01-new-year.txt", "2020-01-31-month-end.txt",
                 "2020-02-01-february.txt", "undated-notice.txt"}));
}

TEST_F(CorpusDateEdges, UndatedArticleRendersNullDateInJson) {
  Searcher searcher({(dir_.path() / "db").string()});
  std::ostringstream out;
  render_json(searcher.search(request_for("notice")), out);
  nlohmann::json document = nlohmann::json::parse(out.str());
  ASSERT_EQ(document["results"].size(), 1u);
  EXPECT_EQ(document["results"][0]["id"], "undated-notice.txt");
  EXPECT_TRUE(document["results"][0]["date"].is_null());
}

TEST_F(CorpusDateEdges, WithdrawingDoesNotMatchAnArticleSayingOnlyWithdrew) {
  EXPECT_TRUE(ids(request_for("withdrawing")).empty());
  EXPECT_EQ(ids(request_for("withdrew")), (Ids{"undated-notice.txt"}));
}

}  // namespace
}  // namespace newsarchive
