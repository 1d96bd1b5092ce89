// Integration: place and organisation facets and filters through the whole search path.
//
// Part one builds databases from articles whose places and organisations are set directly
// (document builder and commit metadata, as the indexer writes them), so every count is exact
// whatever the entity tagger finds: facet rows on both counting paths, one database and two
// searched as one, and --place/--org filters. Part two indexes tests/data/datelines/ with
// newsindex's library, where datelines give each article its place: only what a dateline says,
// and organisations no tagger should miss, is asserted.
#include <gtest/gtest.h>
#include <spdlog/sinks/null_sink.h>

#include <algorithm>
#include <filesystem>

#include "index/index_run.h"
#include "query/search.h"
#include "store/analyzer.h"
#include "store/document_builder.h"
#include "store/metadata.h"
#include "test_support.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;
using Names = std::vector<std::string>;
using Rows = std::vector<FacetValue>;

Article article(const std::string& id, std::optional<Date> date, const std::string& body,
                Names places, Names organizations) {
  Article a;
  a.id = id;
  a.date = date;
  a.title = "Report " + id;
  a.body = body;
  a.places = std::move(places);
  a.organizations = std::move(organizations);
  return a;
}

// Two forms of Baghdad (2 to 1) and of the army (1 to 1: the smaller string shows).
const std::vector<Article> kFirstShard = {
    article("a1", Date{2020, 1, 3}, "troops", {"Baghdad", "Washington"},
            {"U.S. Army", "the Pentagon"}),
    article("a2", Date{2020, 1, 5}, "troops", {"BAGHDAD"}, {"US Army"}),
    article("a3", Date{2020, 1, 8}, "troops", {"Tehran", "Baghdad"},
            {"Islamic Revolutionary Guard Corps"}),
};
const std::vector<Article> kSecondShard = {
    article("a4", Date{2020, 2, 1}, "talks", {"Tehran"}, {"the United Nations"}),
    article("a5", std::nullopt, "talks", {"Washington"}, {"the Pentagon", "the United Nations"}),
    article("a6", Date{2020, 2, 10}, "talks", {}, {}),
};

// Writes `articles` as the indexer would: documents, then the slot counts they use.
void make_database(const fs::path& path, const std::vector<Article>& articles) {
  Xapian::WritableDatabase database(path.string(), Xapian::DB_CREATE);
  Xapian::TermGenerator generator = Analyzer(kDefaultLanguage).make_term_generator();
  EntitySlotCounts slots;
  for (const Article& a : articles) {
    database.replace_document(id_term(a.id), build_document(a, generator));
    slots.widen(entity_slots_used(a));
  }
  write_schema_metadata(database, kDefaultLanguage);
  write_commit_metadata(database, slots, Checkpoint{});
  database.commit();
}

SearchRequest request(const std::string& query, Names places = {}, Names organizations = {},
                      std::set<FacetKind> facets = {}) {
  SearchRequest r;
  r.query = query;
  r.places = std::move(places);
  r.organizations = std::move(organizations);
  r.facets = std::move(facets);
  r.limit = 100;
  return r;
}

Names ids(const SearchResult& result) {
  Names out;
  for (const Hit& hit : result.hits) out.push_back(hit.id);
  std::sort(out.begin(), out.end());
  return out;
}

const std::set<FacetKind> kNameFacets = {FacetKind::kPlace, FacetKind::kOrganization};
const Rows kAllPlaces = {{"Baghdad", 3}, {"Tehran", 2}, {"Washington", 2}};
const Rows kAllOrganizations = {{"U.S. Army", 2},
                                {"the Pentagon", 2},
                                {"the United Nations", 2},
                                {"Islamic Revolutionary Guard Corps", 1}};

class PlaceOrgSearch : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<Article> all = kFirstShard;
    all.insert(all.end(), kSecondShard.begin(), kSecondShard.end());
    make_database(path("all"), all);
    make_database(path("one"), kFirstShard);
    make_database(path("two"), kSecondShard);
  }
  std::string path(const std::string& name) const { return (dir_.path() / name).string(); }

  SearchResult search(const SearchRequest& r, FacetMode mode = FacetMode::kValueStreams,
                      std::vector<std::string> databases = {}) {
    if (databases.empty()) databases = {path("all")};
    Searcher searcher(databases);
    searcher.set_facet_mode(mode);
    return searcher.search(r);
  }

  testing::TempDir dir_;
};

TEST_F(PlaceOrgSearch, FacetsCountEveryMatchOnBothPaths) {
  for (FacetMode mode : {FacetMode::kValueStreams, FacetMode::kStockSpies}) {
    SearchResult result = search(request("", {}, {}, kNameFacets), mode);
    EXPECT_EQ(result.facets[FacetKind::kPlace], kAllPlaces);
    EXPECT_EQ(result.facets[FacetKind::kOrganization], kAllOrganizations);
    EXPECT_EQ(result.facets.size(), 2u);
  }
}

TEST_F(PlaceOrgSearch, FacetsCoverOnlyMatchingArticles) {
  for (FacetMode mode : {FacetMode::kValueStreams, FacetMode::kStockSpies}) {
    SearchResult result = search(request("troops", {}, {}, kNameFacets), mode);
    EXPECT_EQ(result.facets[FacetKind::kPlace],
              (Rows{{"Baghdad", 3}, {"Tehran", 1}, {"Washington", 1}}));
    EXPECT_EQ(
        result.facets[FacetKind::kOrganization],
        (Rows{{"U.S. Army", 2}, {"Islamic Revolutionary Guard Corps", 1}, {"the Pentagon", 1}}));
  }
}

TEST_F(PlaceOrgSearch, FacetSizeCutsEachNameFacet) {
  SearchRequest r = request("", {}, {}, kNameFacets);
  r.facet_size = 1;
  SearchResult result = search(r);
  EXPECT_EQ(result.facets[FacetKind::kPlace], (Rows{{"Baghdad", 3}}));
  EXPECT_EQ(result.facets[FacetKind::kOrganization], (Rows{{"U.S. Army", 2}}));
}

// Two shards searched as one count through the stock spies (what remote shards run), whatever
// the mode asked for, and agree with the single database.
TEST_F(PlaceOrgSearch, TwoDatabasesCountLikeOneHoldingBoth) {
  for (FacetMode mode : {FacetMode::kValueStreams, FacetMode::kStockSpies}) {
    SearchResult result =
        search(request("", {}, {}, kNameFacets), mode, {path("one"), path("two")});
    EXPECT_EQ(result.facets[FacetKind::kPlace], kAllPlaces);
    EXPECT_EQ(result.facets[FacetKind::kOrganization], kAllOrganizations);
  }
}

TEST_F(PlaceOrgSearch, PlaceFilterFoldsCaseAndPunctuation) {
  for (const char* name : {"Baghdad", "baghdad", "BAGHDAD", " Baghdad. "})
    EXPECT_EQ(ids(search(request("", {name}))), (Names{"a1", "a2", "a3"})) << name;
  EXPECT_EQ(ids(search(request("", {"washington"}))), (Names{"a1", "a5"}));
}

TEST_F(PlaceOrgSearch, OrgFilterFoldsCaseAndPunctuation) {
  for (const char* name : {"U.S. Army", "us army", "U.S. ARMY", "US  Army"})
    EXPECT_EQ(ids(search(request("", {}, {name}))), (Names{"a1", "a2"})) << name;
  // An organisation is its whole name: no surname-like shortening as for persons.
  EXPECT_TRUE(search(request("", {}, {"Pentagon"})).hits.empty());
  EXPECT_EQ(ids(search(request("", {}, {"the pentagon"}))), (Names{"a1", "a5"}));
}

TEST_F(PlaceOrgSearch, EveryPlaceAndOrgFilterMustMatch) {
  EXPECT_EQ(ids(search(request("", {"Baghdad", "Tehran"}))), (Names{"a3"}));
  EXPECT_EQ(ids(search(request("", {"Washington"}, {"the Pentagon"}))), (Names{"a1", "a5"}));
  EXPECT_EQ(ids(search(request("", {"Tehran"}, {"the United Nations"}))), (Names{"a4"}));
  EXPECT_EQ(ids(search(request("", {}, {"the Pentagon", "the United Nations"}))), (Names{"a5"}));
  EXPECT_TRUE(search(request("", {"Baghdad", "Washington"}, {"US Army", "the United Nations"}))
                  .hits.empty());
  EXPECT_EQ(ids(search(request("troops", {"Tehran"}))), (Names{"a3"}));
}

TEST_F(PlaceOrgSearch, FiltersNarrowTheFacets) {
  SearchResult result = search(request("", {"Tehran"}, {}, kNameFacets), FacetMode::kStockSpies);
  EXPECT_EQ(result.facets[FacetKind::kPlace], (Rows{{"Tehran", 2}, {"Baghdad", 1}}));
  EXPECT_EQ(result.facets[FacetKind::kOrganization],
            (Rows{{"Islamic Revolutionary Guard Corps", 1}, {"the United Nations", 1}}));
}

TEST_F(PlaceOrgSearch, AFilterThatFoldsToNothingIsAUserError) {
  EXPECT_THROW(search(request("", {"..."})), UserError);
  EXPECT_THROW(search(request("", {}, {" "})), UserError);
}

// Part two: the dateline fixtures indexed by the library, tagger and all.
class DatelineArchive : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    spdlog::logger log("test", std::make_shared<spdlog::sinks::null_sink_mt>());
    IndexOptions options;
    options.database = database();
    options.inputs = {fs::path(NEWSARCHIVE_TEST_DATA_DIR) / "datelines"};
    run_index(options, log);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string database() { return (dir_->path() / "db").string(); }
  static SearchResult search(const SearchRequest& r, FacetMode mode = FacetMode::kValueStreams) {
    Searcher searcher({database()});
    searcher.set_facet_mode(mode);
    return searcher.search(r);
  }

  static testing::TempDir* dir_;
};

testing::TempDir* DatelineArchive::dir_ = nullptr;

const Names kLondon = {"2021-03-01-bank-holds-rates.txt", "2021-03-03-bank-on-tariffs.txt"};

TEST_F(DatelineArchive, PlaceFilterFindsTheDatelinedArticles) {
  EXPECT_EQ(ids(search(request("", {"london"}))), kLondon);
  EXPECT_EQ(ids(search(request("", {"GENEVA"}))), (Names{"2021-03-02-geneva-appeal.txt"}));
  EXPECT_EQ(ids(search(request("", {"Paris"}))), (Names{"2021-03-04-eu-budget.txt"}));
}

TEST_F(DatelineArchive, PlaceFacetRowsShowTheDatelineForm) {
  for (FacetMode mode : {FacetMode::kValueStreams, FacetMode::kStockSpies}) {
    SearchResult result = search(request("", {}, {}, {FacetKind::kPlace}), mode);
    const Rows& places = result.facets[FacetKind::kPlace];
    ASSERT_GE(places.size(), 3u);
    EXPECT_EQ(places[0], (FacetValue{"London", 2}));
    for (const char* place : {"Geneva", "Paris"})
      EXPECT_NE(std::find(places.begin(), places.end(), FacetValue{place, 1}), places.end())
          << place;
  }
}

TEST_F(DatelineArchive, OrgFilterFindsWellKnownOrganisations) {
  EXPECT_EQ(ids(search(request("", {}, {"Bank of England"}))), kLondon);
  EXPECT_EQ(ids(search(request("", {"London"}, {"european union"}))),
            (Names{"2021-03-03-bank-on-tariffs.txt"}));
}

}  // namespace
}  // namespace newsarchive
