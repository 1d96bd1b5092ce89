// `newsindex entities` against the index: for every fixture article, the persons, places and
// organisations list_article_entities prints are exactly those the indexed document stores
// (read by the same readers, with the same headline handling), in the same order.
#include "present/entity_listing.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/null_sink.h>
#include <xapian.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "index/index_run.h"
#include "store/document_codec.h"
#include "test_support.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::write_file;
using Names = std::vector<std::string>;

struct Entities {
  Names persons, places, organizations;
  bool operator==(const Entities&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Entities& e) {
  return out << nlohmann::json{e.persons, e.places, e.organizations}.dump();
}

// Fixtures in the layouts a British archive, a wire archive and a JSON Lines export use.
void write_fixtures(const fs::path& dir) {
  write_file(dir / "politics" / "001.txt",
             "Howard hits back at Blair\n"
             "Tony Blair has been accused by Michael Howard of failing voters on tax. Mr Blair "
             "said the Tory leader was wrong.\n");
  write_file(dir / "politics" / "002.txt",
             "Blair defends Iraq stance\n\n"
             "Prime Minister Tony Blair has defended his decision to go to war in Iraq. Mr "
             "Blair told MPs in London that Dr John Reid agreed.\n");
  write_file(dir / "wire" / "2020-01-06-esper.txt",
             "WASHINGTON (Reuters) - Defense Secretary Mark Esper said on Monday the United "
             "States had no plans to leave Iraq. Esper spoke at the Pentagon.\n");
  write_file(dir / "export.jsonl",
             "{\"id\": \"a1\", \"title\": \"ESPER DENIES LEAVING IRAQ\", \"date\": "
             "\"2020-01-06\", \"body\": \"U.S. Defense Secretary Mark Esper denied on Monday "
             "that American troops were leaving Iraq.\"}\n");
}

std::map<std::string, Entities> stored_entities(const fs::path& database) {
  Xapian::Database db(database.string());
  std::map<std::string, Entities> stored;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Article article = decode_document_data(db.get_document(*it).get_data());
    stored[article.id] = {article.persons, article.places, article.organizations};
  }
  return stored;
}

std::map<std::string, Entities> listed_entities(const fs::path& input) {
  EntityListingOptions options;
  options.parse.inputs = {input};
  std::ostringstream out;
  spdlog::logger log("test", std::make_shared<spdlog::sinks::null_sink_mt>());
  EXPECT_EQ(list_article_entities(options, EntityTagger::english(), out, log), 0u);
  std::map<std::string, Entities> listed;
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json json = nlohmann::json::parse(line);
    listed[json["id"]] = {json["persons"], json["places"], json["organizations"]};
  }
  return listed;
}

TEST(EntityListing, PrintsWhatTheIndexStoresForEveryArticle) {
  TempDir dir;
  fs::path archive = dir.path() / "archive";
  write_fixtures(archive);
  IndexOptions options;
  options.database = dir.path() / "db";
  options.inputs = {archive};
  options.writers = 1;
  spdlog::logger log("test", std::make_shared<spdlog::sinks::null_sink_mt>());
  IndexReport report = run_index(options, log);
  ASSERT_EQ(report.added, 4u);

  std::map<std::string, Entities> stored = stored_entities(options.database);
  std::map<std::string, Entities> listed = listed_entities(archive);
  ASSERT_EQ(listed.size(), 4u);
  EXPECT_EQ(listed, stored);
  // Not two empty lists agreeing: the headline is its own sentence ("Blair", not "Blair Tony
  // Blair") and the honorifics are nobody.
  EXPECT_EQ(listed["politics/001.txt"].persons, (Names{"Michael Howard", "Tony Blair"}));
  EXPECT_EQ(listed["politics/002.txt"].persons, (Names{"Tony Blair", "John Reid"}));
  EXPECT_EQ(listed["a1"].persons, (Names{"Mark Esper"}));
}

}  // namespace
}  // namespace newsarchive
