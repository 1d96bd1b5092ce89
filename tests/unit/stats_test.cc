// Database statistics: a small fixture archive indexed into a temp database, then every field
// of collect_stats() and both renderings checked exactly.
#include "present/stats.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/null_sink.h>

#include <sstream>

#include "index/index_run.h"
#include "store/analyzer.h"
#include "store/document_builder.h"
#include "store/metadata.h"
#include "store/schema.h"
#include "test_support.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;

class Stats : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::path archive = dir_.path() / "archive";
    testing::write_file(archive / "a.txt",
                        " date 2021-01-04\n\nDefense Secretary Mark Esper said on Monday that the "
                        "troops would stay. Esper spoke to reporters in Washington.\n");
    testing::write_file(archive / "b.txt",
                        " date 2021-03-15\n\nMark Esper met Prime Minister Boris Johnson in London "
                        "on Tuesday.\n");
    testing::write_file(archive / "c.txt",
                        " no date at all\n\nBoris Johnson and Mark Esper spoke again by phone.\n");
    testing::write_file(archive / "d.txt",
                        " date 2020-11-30\n\nPresident Donald Trump said the talks went well.\n");
    spdlog::logger log("test", std::make_shared<spdlog::sinks::null_sink_mt>());
    IndexOptions options;
    options.database = database();
    options.inputs = {archive};
    run_index(options, log);
  }
  std::string database() const { return (dir_.path() / "db").string(); }

  testing::TempDir dir_;
};

TEST_F(Stats, CountsDatesAndUndated) {
  DatabaseStats stats = collect_stats(database());
  EXPECT_EQ(stats.path, database());
  EXPECT_EQ(stats.articles, 4u);
  EXPECT_EQ(stats.first_date, "2020-11-30");
  EXPECT_EQ(stats.last_date, "2021-03-15");
  EXPECT_EQ(stats.undated, 1u);
  EXPECT_EQ(stats.shards, 1u);
  EXPECT_EQ(stats.language, "english");
  EXPECT_EQ(stats.schema_version, std::to_string(schema::kSchemaVersion));
  EXPECT_GT(stats.size_bytes, 0u);
}

TEST_F(Stats, TopPersonsByArticleCountWithDisplayNames) {
  DatabaseStats stats = collect_stats(database());
  std::vector<NameCount> expected = {{"Mark Esper", 3}, {"Boris Johnson", 2}, {"Donald Trump", 1}};
  EXPECT_EQ(stats.top_persons, expected);
  EXPECT_EQ(collect_stats(database(), 1).top_persons, (std::vector<NameCount>{{"Mark Esper", 3}}));
}

TEST_F(Stats, LastRunAndCheckpointFromMetadata) {
  DatabaseStats stats = collect_stats(database());
  EXPECT_EQ(stats.last_run["new"], 4);
  EXPECT_EQ(stats.last_run["undated"], 1);
  EXPECT_EQ(stats.last_run["interrupted"], false);
  EXPECT_EQ(stats.checkpoint["processed"], 4);
  EXPECT_EQ(stats.checkpoint["last_id"], "d.txt");
}

// Places and organisations come from the tagger here; they are set, so the rendering alone is
// checked (StatsEntities checks what is collected).
TEST_F(Stats, TextIsAlignedLabelsThenPersonsPlacesAndOrganisations) {
  DatabaseStats stats = collect_stats(database());
  stats.top_places = {{"London", 1}, {"Washington", 1}};
  stats.top_organizations = {};
  stats.path = "DB";
  stats.size_bytes = 3 * 1024 * 1024 / 2;
  stats.last_run["seconds"] = 2.0;
  std::ostringstream out;
  render_stats_text(stats, out);
  EXPECT_EQ(out.str(),
            "database:       DB\n"
            "articles:       4\n"
            "dates:          2020-11-30 to 2021-03-15\n"
            "undated:        1\n"
            "shards:         1\n"
            "language:       english\n"
            "schema version: 5\n"
            "size:           1.50 MiB\n"
            "last run:       4 new, 0 changed, 0 unchanged, 0 deleted, 0 skipped, 1 undated, in "
            "2.0 s (2 articles/s)\n"
            "checkpoint:     4 articles, last id 'd.txt'\n"
            "\n"
            "top persons (articles):\n"
            "  Mark Esper     3\n"
            "  Boris Johnson  2\n"
            "  Donald Trump   1\n"
            "\n"
            "top places (articles):\n"
            "  London      1\n"
            "  Washington  1\n"
            "\n"
            "top organisations: none\n");
}

TEST_F(Stats, JsonHasFixedKeyOrder) {
  DatabaseStats stats = collect_stats(database());
  stats.top_places = {{"London", 1}};
  stats.top_organizations = {};
  stats.size_bytes = 1024 * 1024;
  std::ostringstream out;
  render_stats_json(stats, out);
  auto json = nlohmann::ordered_json::parse(out.str());
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"database", "articles", "first_date", "last_date",
                                            "undated", "shards", "language", "schema_version",
                                            "top_persons", "top_places", "top_orgs", "size_mib",
                                            "last_run", "checkpoint"}));
  EXPECT_EQ(json["schema_version"], schema::kSchemaVersion);
  EXPECT_EQ(json["size_mib"], 1.0);
  EXPECT_EQ(json["top_persons"][1].dump(), R"({"name":"Boris Johnson","count":2})");
  EXPECT_EQ(json["top_places"].dump(), R"([{"name":"London","count":1}])");
  EXPECT_EQ(json["top_orgs"].dump(), "[]");
}

// Articles whose entities are set directly (no tagger), so the expected rows are exact whatever
// the tagger finds. The first article's forms are the rarer ones.
class StatsEntities : public ::testing::Test {
 protected:
  void SetUp() override {
    struct Entities {
      std::vector<std::string> persons, places, organizations;
    };
    const Entities articles[] = {
        {{"MARK ESPER"}, {"LONDON", "Paris"}, {"the United Nations", "Reuters"}},
        {{"Mark Esper"}, {"London"}, {"The United Nations"}},
        {{"Mark Esper", "Boris Johnson"}, {"London", "Berlin"}, {"Reuters"}},
        {{}, {"Paris"}, {}},
    };
    Xapian::WritableDatabase db(database(), Xapian::DB_CREATE);
    Xapian::TermGenerator generator = Analyzer(kDefaultLanguage).make_term_generator();
    EntitySlotCounts slots;
    for (size_t i = 0; i < std::size(articles); ++i) {
      Article article;
      article.id = "a" + std::to_string(i);
      article.title = "Talks";
      article.body = "Talks went on.";
      article.persons = articles[i].persons;
      article.places = articles[i].places;
      article.organizations = articles[i].organizations;
      slots.widen(entity_slots_used(article));
      db.add_document(build_document(article, generator));
    }
    write_commit_metadata(db, slots, Checkpoint{});
    db.commit();
  }
  std::string database() const { return (dir_.path() / "db").string(); }

  testing::TempDir dir_;
};

TEST_F(StatsEntities, TopRowsShowTheMostCommonDisplayForm) {
  DatabaseStats stats = collect_stats(database());
  EXPECT_EQ(stats.top_persons, (std::vector<NameCount>{{"Mark Esper", 3}, {"Boris Johnson", 1}}));
  EXPECT_EQ(stats.top_places, (std::vector<NameCount>{{"London", 3}, {"Paris", 2}, {"Berlin", 1}}));
  // One each of "the United Nations" and "The United Nations": the smaller string.
  EXPECT_EQ(stats.top_organizations,
            (std::vector<NameCount>{{"Reuters", 2}, {"The United Nations", 2}}));
}

TEST_F(StatsEntities, TopRowsAreCutToTheLimit) {
  DatabaseStats stats = collect_stats(database(), 1);
  EXPECT_EQ(stats.top_persons, (std::vector<NameCount>{{"Mark Esper", 3}}));
  EXPECT_EQ(stats.top_places, (std::vector<NameCount>{{"London", 3}}));
  EXPECT_EQ(stats.top_organizations, (std::vector<NameCount>{{"Reuters", 2}}));
}

TEST(StatsErrors, MissingDatabaseSaysHowToCreateOne) {
  testing::TempDir dir;
  std::string missing = (dir.path() / "nope").string();
  try {
    collect_stats(missing);
    FAIL() << "expected UserError";
  } catch (const UserError& error) {
    EXPECT_EQ(std::string(error.what()), "no database at '" + missing +
                                             "'; create one with: newsindex index --db " + missing +
                                             " ARCHIVE_PATH");
  }
}

TEST(StatsStub, ShardsAreTheStubFileLines) {
  testing::TempDir dir;
  spdlog::logger log("test", std::make_shared<spdlog::sinks::null_sink_mt>());
  for (const char* shard : {"one", "two"}) {
    testing::write_file(dir.path() / "in" / shard / "a.txt", std::string(" date 2020-01-0") +
                                                                 (shard[0] == 'o' ? "1" : "2") +
                                                                 "\n\nHarbour opens again.\n");
    IndexOptions options;
    options.database = dir.path() / shard;
    options.inputs = {dir.path() / "in" / shard};
    run_index(options, log);
  }
  testing::write_file(dir.path() / "both.stub", "auto one\nauto two\n");
  DatabaseStats stats = collect_stats((dir.path() / "both.stub").string());
  EXPECT_EQ(stats.shards, 2u);
  EXPECT_EQ(stats.articles, 2u);
  EXPECT_EQ(stats.first_date, "2020-01-01");
  EXPECT_EQ(stats.last_date, "2020-01-02");
}

}  // namespace
}  // namespace newsarchive
