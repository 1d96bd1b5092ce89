// Integration tests for real archives as they come (issue: any text layout, bundles, ids unique
// across roots, collisions named, dates from paths, undated archives summarised): fixtures are
// indexed into temporary databases through run_index, as `newsindex index` does.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "index/index_run.h"
#include "store/document_codec.h"
#include "test_support.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::write_file;

struct Outcome {
  IndexReport report;
  std::string log;  // every line logged, "warning: ..." and summaries
};

Outcome index_into(const fs::path& database, const std::vector<fs::path>& inputs,
                   size_t writers = 1) {
  std::ostringstream captured;
  spdlog::logger log("test", std::make_shared<spdlog::sinks::ostream_sink_mt>(captured));
  log.set_pattern("%l: %v");
  IndexOptions options;
  options.database = database;
  options.inputs = inputs;
  options.writers = writers;
  Outcome outcome;
  outcome.report = run_index(options, log);
  log.flush();
  outcome.log = captured.str();
  return outcome;
}

// Every stored article by id.
std::map<std::string, Article> articles_in(const fs::path& database) {
  Xapian::Database db(database.string());
  std::map<std::string, Article> articles;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Article article = decode_document_data(db.get_document(*it).get_data());
    articles[article.id] = article;
  }
  return articles;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// What a reader made of an article, whatever its id.
std::string content_of(const Article& a) {
  return a.title + "|" + (a.date ? a.date->iso() : "undated") + "|" + a.body + "|" + a.source +
         "|" + a.url + "|" + a.author;
}

// A tarball and a zip of corpus/ index to the same articles as corpus/ itself: same content,
// ids prefixed by the bundle and member path (JSON Lines ids are the articles' own).
TEST(ArchiveFormats, BundlesOfTheCorpusIndexToTheSameArticles) {
  TempDir dir;
  std::vector<std::pair<std::string, std::string>> members;
  const fs::path corpus(NEWSARCHIVE_CORPUS_DIR);
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(corpus))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files)
    members.emplace_back("corpus/" + file.lexically_relative(corpus).generic_string(),
                         read_file(file));
  write_file(dir.path() / "in" / "corpus.tar.gz", testing::make_bundle("tar", "gzip", members));
  write_file(dir.path() / "zip" / "corpus.zip", testing::make_bundle("zip", "", members));

  Outcome plain = index_into(dir.path() / "plain", {corpus});
  Outcome tarball = index_into(dir.path() / "tar", {dir.path() / "in" / "corpus.tar.gz"});
  Outcome zip = index_into(dir.path() / "zipdb", {dir.path() / "zip" / "corpus.zip"}, 2);
  EXPECT_EQ(plain.report.added, 43u);
  EXPECT_EQ(tarball.report.added, 43u) << tarball.log;
  EXPECT_EQ(zip.report.added, 43u) << zip.log;
  EXPECT_EQ(tarball.report.passed_over, 1u);  // corpus/README.md
  EXPECT_EQ(tarball.report.skipped + zip.report.skipped + tarball.report.collisions, 0u);

  std::map<std::string, Article> expected = articles_in(dir.path() / "plain");
  for (const auto& [prefix, database] :
       {std::pair{std::string("corpus.tar.gz:corpus/"), dir.path() / "tar"},
        std::pair{std::string("corpus.zip:corpus/"), dir.path() / "zipdb"}}) {
    std::map<std::string, Article> got = articles_in(database);
    ASSERT_EQ(got.size(), expected.size());
    for (const auto& [id, article] : expected) {
      const bool own_id = id.starts_with("wire-");  // JSON Lines articles keep their own ids
      auto it = got.find(own_id ? id : prefix + id);
      ASSERT_NE(it, got.end()) << prefix + id;
      EXPECT_EQ(content_of(it->second), content_of(article)) << id;
      EXPECT_EQ(it->second.persons, article.persons) << id;
    }
  }
}

TEST(ArchiveFormats, EqualPathsUnderTwoRootsAreTwoArticles) {
  TempDir dir;
  write_file(dir.path() / "politics" / "001.txt",
             "Blair names 5 May 2005 as election day\n\n"
             "Tony Blair confirmed the date.\n");
  write_file(dir.path() / "sport" / "001.txt", "Chelsea win the league\n\nThe club won.\n");
  Outcome outcome =
      index_into(dir.path() / "db", {dir.path() / "politics", dir.path() / "sport"}, 2);
  EXPECT_EQ(outcome.report.added, 2u);
  EXPECT_EQ(outcome.report.changed, 0u);
  EXPECT_EQ(outcome.report.collisions, 0u);
  std::map<std::string, Article> articles = articles_in(dir.path() / "db");
  ASSERT_EQ(articles.size(), 2u);
  const Article& politics = articles.at("politics/001.txt");
  EXPECT_EQ(politics.title, "Blair names 5 May 2005 as election day");
  EXPECT_FALSE(politics.date.has_value());  // a headline holding a date is not dated by it
  EXPECT_EQ(articles.at("sport/001.txt").title, "Chelsea win the league");
}

TEST(ArchiveFormats, ASecondArticleWithAnIdIsNamedCountedAndNotStored) {
  TempDir dir;
  write_file(dir.path() / "in" / "a.jsonl",
             R"({"id": "r-1", "title": "First", "body": "The first text.", "date": "2020-01-06"})"
             "\n");
  write_file(dir.path() / "in" / "b.jsonl",
             R"({"id": "r-2", "title": "Other", "body": "Other text.", "date": "2020-01-06"})"
             "\n"
             R"({"id": "r-1", "title": "Second", "body": "The second text."})"
             "\n");
  for (size_t writers : {1u, 2u}) {
    SCOPED_TRACE(writers);
    fs::path database = dir.path() / ("db" + std::to_string(writers));
    Outcome outcome = index_into(database, {dir.path() / "in"}, writers);
    EXPECT_EQ(outcome.report.added, 2u);
    EXPECT_EQ(outcome.report.changed, 0u);
    EXPECT_EQ(outcome.report.collisions, 1u);
    const std::string base = (dir.path() / "in").string();
    EXPECT_NE(outcome.log.find("warning: " + base + "/b.jsonl:2: id 'r-1' was already read from " +
                               base + "/a.jsonl:1; kept that one, skipped this one\n"),
              std::string::npos)
        << outcome.log;
    EXPECT_EQ(articles_in(database).at("r-1").title, "First");
    // A rerun: the kept article is unchanged, the repeat collides again.
    Outcome rerun = index_into(database, {dir.path() / "in"}, writers);
    EXPECT_EQ(rerun.report.unchanged, 2u);
    EXPECT_EQ(rerun.report.changed, 0u);
    EXPECT_EQ(rerun.report.collisions, 1u);
  }
}

TEST(ArchiveFormats, AnInputInsideAnotherIsRefused) {
  TempDir dir;
  write_file(dir.path() / "in" / "sub" / "a.txt", "Text here.\n");
  EXPECT_THROW(index_into(dir.path() / "db", {dir.path() / "in", dir.path() / "in" / "sub"}),
               UserError);
  EXPECT_THROW(index_into(dir.path() / "db", {dir.path() / "in", dir.path() / "in/"}), UserError);
}

TEST(ArchiveFormats, AnUndatedFolderGetsOneSummaryAndARerunSaysNothing) {
  TempDir dir;
  for (int i = 1; i <= 5; ++i)
    write_file(dir.path() / "in" / ("00" + std::to_string(i) + ".TXT"),
               "Headline number " + std::to_string(i) + "\n\nBody text of the story.\n");
  Outcome first = index_into(dir.path() / "db", {dir.path() / "in"});
  EXPECT_EQ(first.report.added, 5u);
  EXPECT_EQ(first.report.undated, 5u);
  EXPECT_EQ(first.report.warnings, 0u);
  const std::string base = (dir.path() / "in").string() + "/";
  EXPECT_EQ(first.log.find("warning: "), first.log.rfind("warning: ")) << first.log;  // one line
  EXPECT_NE(first.log.find("warning: 5 articles have no date and were indexed undated (" + base +
                           "001.TXT, " + base + "002.TXT, " + base + "003.TXT, ...)"),
            std::string::npos)
      << first.log;
  Outcome rerun = index_into(dir.path() / "db", {dir.path() / "in"});
  EXPECT_EQ(rerun.report.unchanged, 5u);
  EXPECT_EQ(rerun.log.find("warning"), std::string::npos) << rerun.log;
}

TEST(ArchiveFormats, DatesComeFromPathsWhenTheArticleStatesNone) {
  TempDir dir;
  write_file(dir.path() / "in" / "2020" / "01" / "06" / "story.txt", "Story\n\nText one.\n");
  write_file(dir.path() / "in" / "2021-02-03-slug.txt", "Slug\n\nText two.\n");
  write_file(dir.path() / "in" / "20220304_x.txt", "date 2019-05-05\n\nText three.\n");
  index_into(dir.path() / "db", {dir.path() / "in"});
  std::map<std::string, Article> articles = articles_in(dir.path() / "db");
  EXPECT_EQ(articles.at("2020/01/06/story.txt").date->iso(), "2020-01-06");
  EXPECT_EQ(articles.at("2021-02-03-slug.txt").date->iso(), "2021-02-03");
  EXPECT_EQ(articles.at("20220304_x.txt").date->iso(), "2019-05-05");  // its own date first
}

TEST(ArchiveFormats, ADirectoryWithNothingToReadSaysWhatItHeld) {
  TempDir dir;
  write_file(dir.path() / "docs" / "a.pdf", "%PDF");
  write_file(dir.path() / "docs" / "b.pdf", "%PDF");
  Outcome outcome = index_into(dir.path() / "db", {dir.path() / "docs"});
  EXPECT_EQ(outcome.report.added, 0u);
  EXPECT_NE(outcome.log.find("warning: " + (dir.path() / "docs").string() +
                             ": no file of a kind that is read (it holds 2 .pdf); read are .txt"),
            std::string::npos)
      << outcome.log;
}

}  // namespace
}  // namespace newsarchive
