// Integration: people in corpus/. The corpus is indexed through the library (tagger, alias
// merging, person terms and slots), then searched with person filters and facets. Facet counts
// are checked against a brute-force count of person terms over the matching articles.
#include <gtest/gtest.h>
#include <spdlog/sinks/null_sink.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "entities/person_names.h"
#include "index/index_run.h"
#include "query/search.h"
#include "store/document_builder.h"
#include "store/schema.h"
#include "test_support.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;
using Names = std::vector<std::string>;

const fs::path kCorpus = NEWSARCHIVE_CORPUS_DIR;
const std::string kSeed = "2020-01-06-pentagon-chief-denies-leaving-iraq.txt";

class CorpusPeople : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    spdlog::logger log("test", std::make_shared<spdlog::sinks::null_sink_mt>());
    IndexOptions options;
    options.database = database();
    options.inputs = {kCorpus};
    report_ = run_index(options, log);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string database() { return (dir_->path() / "db").string(); }

  static SearchResult search(SearchRequest request, FacetMode mode = FacetMode::kValueStreams) {
    Searcher searcher({database()});
    searcher.set_facet_mode(mode);
    return searcher.search(request);
  }

  static SearchRequest request(const std::string& query, Names persons = {},
                               std::set<FacetKind> facets = {}) {
    SearchRequest r;
    r.query = query;
    r.persons = std::move(persons);
    r.facets = std::move(facets);
    r.limit = 1000;
    r.facet_size = 1000;
    return r;
  }

  static Names ids(const SearchResult& result) {
    Names out;
    for (const Hit& hit : result.hits) out.push_back(hit.id);
    std::sort(out.begin(), out.end());
    return out;
  }

  // Person key -> number of articles matching `query` that carry that person's XP term.
  static std::map<std::string, Xapian::doccount> brute_force_person_counts(
      const std::string& query) {
    SearchResult all = search(request(query));
    Xapian::Database db(database());
    std::map<std::string, Xapian::doccount> counts;
    std::string prefix(schema::kPersonPrefix);
    for (const Hit& hit : all.hits) {
      Xapian::PostingIterator posting = db.postlist_begin(id_term(hit.id));
      Xapian::Document document = db.get_document(*posting);
      for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term)
        if ((*term).starts_with(prefix)) ++counts[(*term).substr(prefix.size())];
    }
    return counts;
  }

  static testing::TempDir* dir_;
  static IndexReport report_;
};

testing::TempDir* CorpusPeople::dir_ = nullptr;
IndexReport CorpusPeople::report_;

TEST_F(CorpusPeople, SeedArticleHasExactlyItsSixPeople) {
  SearchResult result = search(request("\"no decision to leave Iraq\""));
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(result.hits[0].id, kSeed);
  Names persons = result.hits[0].persons;
  std::sort(persons.begin(), persons.end());
  EXPECT_EQ(persons, (Names{"Ali Khamenei", "Donald Trump", "Mark Esper", "Mark Milley",
                            "Qassem Soleimani", "William Seely III"}));
}

TEST_F(CorpusPeople, SurnameAndFullNameFiltersFindTheSeed) {
  EXPECT_EQ(ids(search(request("", {"Esper"}))), Names{kSeed});
  EXPECT_EQ(ids(search(request("", {"mark esper"}))), Names{kSeed});
  EXPECT_EQ(ids(search(request("", {"MARK ESPER"}))), Names{kSeed});
  EXPECT_EQ(ids(search(request("person:esper"))), Names{kSeed});
  EXPECT_EQ(ids(search(request("person:\"Mark Esper\" AND iraq"))), Names{kSeed});
  EXPECT_TRUE(search(request("", {"Defense Secretary"})).hits.empty());
  EXPECT_TRUE(search(request("", {"John Esper"})).hits.empty());
}

TEST_F(CorpusPeople, EveryPersonFilterMustMatch) {
  EXPECT_EQ(ids(search(request("", {"Esper", "Soleimani"}))), Names{kSeed});
  EXPECT_TRUE(search(request("", {"Esper", "Stavnell"})).hits.empty());
}

TEST_F(CorpusPeople, TroopsFacetShowsMarkEsperOnceAndNoBareEsper) {
  SearchResult result = search(request("troops", {}, {FacetKind::kPerson}));
  size_t esper_rows = 0;
  for (const FacetValue& row : result.facets[FacetKind::kPerson]) {
    EXPECT_NE(person_key(row.value), "esper") << "a bare 'Esper' row next to Mark Esper";
    if (person_key(row.value) == "mark esper") {
      ++esper_rows;
      EXPECT_EQ(row.value, "Mark Esper");
      EXPECT_EQ(row.count, 1u);
    }
  }
  EXPECT_EQ(esper_rows, 1u);
}

TEST_F(CorpusPeople, SoleimaniCoMentionsAreTheSeedsPeople) {
  SearchResult result = search(request("", {"Soleimani"}, {FacetKind::kPerson}));
  EXPECT_EQ(result.facets[FacetKind::kPerson], (std::vector<FacetValue>{{"Ali Khamenei", 1},
                                                                        {"Donald Trump", 1},
                                                                        {"Mark Esper", 1},
                                                                        {"Mark Milley", 1},
                                                                        {"Qassem Soleimani", 1},
                                                                        {"William Seely III", 1}}));
}

TEST_F(CorpusPeople, FacetCountsEqualBruteForceCounts) {
  for (std::string query : {"", "troops", "election", "court OR flood", "iraq"}) {
    SearchResult result = search(request(query, {}, {FacetKind::kPerson}));
    std::map<std::string, Xapian::doccount> from_facet;
    for (const FacetValue& row : result.facets[FacetKind::kPerson])
      from_facet[person_key(row.value)] = row.count;
    EXPECT_EQ(from_facet, brute_force_person_counts(query)) << "query '" << query << "'";
    EXPECT_FALSE(from_facet.empty()) << "query '" << query << "'";
  }
}

TEST_F(CorpusPeople, StockSpiesGiveTheSameFacetsAsValueStreams) {
  for (std::string query : {"", "troops", "person:matamba"}) {
    SearchRequest r = request(query, {}, {FacetKind::kPerson, FacetKind::kYear, FacetKind::kMonth});
    EXPECT_EQ(search(r, FacetMode::kStockSpies).facets, search(r, FacetMode::kValueStreams).facets)
        << "query '" << query << "'";
  }
}

// Across articles the same full name is one person: the facet row for a recurring character
// counts every article that names them in full.
TEST_F(CorpusPeople, RecurringPersonIsOneRowAcrossArticles) {
  Xapian::doccount naming_in_full = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kCorpus)) {
    std::string name = entry.path().filename().string();
    std::ifstream in(entry.path());
    std::string line;
    if (name.ends_with(".txt")) {
      std::stringstream text;
      text << in.rdbuf();
      if (text.str().find("Rurik Stavnell") != std::string::npos) ++naming_in_full;
    } else if (name.ends_with(".jsonl")) {
      while (std::getline(in, line))
        if (line.find("Rurik Stavnell") != std::string::npos) ++naming_in_full;
    }
  }
  ASSERT_GT(naming_in_full, 3u);
  SearchResult result = search(request("", {"Rurik Stavnell"}, {FacetKind::kPerson}));
  EXPECT_EQ(result.hits.size(), naming_in_full);
  ASSERT_FALSE(result.facets[FacetKind::kPerson].empty());
  EXPECT_EQ(result.facets[FacetKind::kPerson].front(),
            (FacetValue{"Rurik Stavnell", naming_in_full}));
}

TEST_F(CorpusPeople, YearFacetCountsEveryMatchingDatedArticle) {
  SearchResult result = search(request("troops", {}, {FacetKind::kYear}));
  Xapian::doccount total = 0;
  for (const FacetValue& row : result.facets[FacetKind::kYear]) total += row.count;
  Xapian::doccount dated = 0;
  for (const Hit& hit : result.hits) dated += hit.date ? 1 : 0;
  EXPECT_EQ(total, dated);
  EXPECT_EQ(result.facets[FacetKind::kYear].front().value, "2015");
}

// An article about a king, indexed on its own: a regnal number is never a surname, so the
// filter "viii" does not find King Henry, while his full name does.
class RegnalNames : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    testing::write_file(dir_->path() / "archive" / "2021-04-28-henry-viii-letters.txt",
                        "date 2021-04-28\n\n"
                        "Historians in Greenwich on Wednesday opened an exhibition of letters "
                        "written by King Henry VIII to his ministers.\n\n"
                        "The letters show Henry VIII writing about the dissolution of the "
                        "monasteries and about his six marriages, the curator Margaret Lyle "
                        "said.\n\n"
                        "\"Henry VIII was a prolific correspondent,\" Lyle said.\n");
    // A namesake: "Henry" is his surname, and the king's given name.
    testing::write_file(dir_->path() / "archive" / "2021-04-29-thierry-henry.txt",
                        "date 2021-04-29\n\n"
                        "Thierry Henry said on Thursday he would leave social media in protest "
                        "at online abuse of footballers.\n\n"
                        "Henry, who played for Arsenal, said the platforms had to act.\n");
    spdlog::logger log("test", std::make_shared<spdlog::sinks::null_sink_mt>());
    IndexOptions options;
    options.database = database();
    options.inputs = {dir_->path() / "archive"};
    run_index(options, log);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string database() { return (dir_->path() / "db").string(); }

  static size_t hits(const std::string& query, Names persons = {}) {
    SearchRequest request;
    request.query = query;
    request.persons = std::move(persons);
    return Searcher({database()}).search(request).hits.size();
  }

  static testing::TempDir* dir_;
};

testing::TempDir* RegnalNames::dir_ = nullptr;

TEST_F(RegnalNames, TheArticlesAreIndexed) {
  EXPECT_EQ(hits("monasteries"), 1u);
  EXPECT_EQ(hits("footballers"), 1u);
}

TEST_F(RegnalNames, ARegnalNumberAloneFindsNoOne) {
  EXPECT_EQ(hits("", {"viii"}), 0u);
  EXPECT_EQ(hits("", {"VIII"}), 0u);
  EXPECT_EQ(hits("person:viii"), 0u);
}

TEST_F(RegnalNames, TheFullNameFindsTheKingAlone) {
  EXPECT_EQ(hits("monasteries", {"henry viii"}), 1u);
  EXPECT_EQ(hits("", {"henry viii"}), 1u);
  EXPECT_EQ(hits("", {"Henry VIII"}), 1u);
  EXPECT_EQ(hits("person:\"Henry VIII\""), 1u);
}

TEST_F(RegnalNames, TheKingsGivenNameIsNoSurname) {
  EXPECT_EQ(hits("footballers", {"henry"}), 1u);
  EXPECT_EQ(hits("", {"henry"}), 1u);
}

}  // namespace
}  // namespace newsarchive
