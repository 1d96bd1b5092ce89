// Unit tests for common/store/database_open: what a reader gets for a missing path, an empty
// directory, a directory that is not a database, a damaged database and a good one.
#include "store/database_open.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;

void make_database(const fs::path& path, int documents) {
  Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE);
  for (int i = 0; i < documents; ++i) db.add_document(Xapian::Document());
  db.commit();
}

TEST(OpenDatabase, NoDatabaseAtThePathIsAUserErrorSayingHowToCreateOne) {
  testing::TempDir dir;
  const std::string path = (dir.path() / "absent").string();
  try {
    open_database(path);
    FAIL() << "opened a database that does not exist";
  } catch (const UserError& e) {
    EXPECT_EQ(std::string(e.what()), "no database at '" + path +
                                         "'; create one with: newsindex index --db " + path +
                                         " ARCHIVE_PATH");
  }
}

TEST(OpenDatabase, ADirectoryThatIsNotADatabaseIsReportedAsNotOne) {
  testing::TempDir dir;
  testing::write_file(dir.path() / "notes.txt", "not a database\n");
  try {
    open_database(dir.path().string());
    FAIL() << "opened a directory that holds no database";
  } catch (const DatabaseDamagedError& e) {
    EXPECT_EQ(std::string(e.what()),
              "'" + dir.path().string() +
                  "' is not a newsarchive database (DatabaseNotFoundError: Couldn't detect type "
                  "of database); give --db the directory of one");
  }
}

TEST(OpenDatabase, AnEmptyDirectoryIsNotADatabaseYet) {
  testing::TempDir dir;
  try {
    open_database(dir.path().string());
    FAIL() << "opened an empty directory";
  } catch (const DatabaseDamagedError& e) {
    EXPECT_EQ(std::string(e.what()), "'" + dir.path().string() +
                                         "' is an empty directory, not a database yet; create one "
                                         "with: newsindex index --db " +
                                         dir.path().string() + " ARCHIVE_PATH");
  }
}

TEST(OpenDatabase, ADatabaseWithoutItsVersionFileIsDamaged) {
  testing::TempDir dir;
  const fs::path db = dir.path() / "db";
  make_database(db, 1);
  fs::remove(db / "iamglass");
  try {
    open_database(db.string());
    FAIL() << "opened a database without its version file";
  } catch (const DatabaseDamagedError& e) {
    EXPECT_EQ(std::string(e.what()),
              "database '" + db.string() +
                  "' is damaged (DatabaseNotFoundError: Couldn't detect type of database); "
                  "rebuild it from the archive with: newsindex index --rebuild --db " +
                  db.string() + " ARCHIVE_PATH");
  }
}

TEST(OpenDatabase, AGoodDatabaseOpensAtItsLatestCommit) {
  testing::TempDir dir;
  make_database(dir.path() / "db", 3);
  EXPECT_EQ(open_database((dir.path() / "db").string()).get_doccount(), 3u);
}

// The names in `directory`, sorted.
std::vector<std::string> names_in(const fs::path& directory) {
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(directory))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(CreateDatabaseAtomically, MakesAnEmptyDatabaseAndItsParentsLeavingNothingElse) {
  testing::TempDir dir;
  const fs::path path = dir.path() / "archives" / "db";
  create_database_atomically(path);
  EXPECT_EQ(Xapian::Database(path.string()).get_doccount(), 0u);
  EXPECT_EQ(names_in(dir.path() / "archives"), std::vector<std::string>{"db"});
}

TEST(CreateDatabaseAtomically, LeavesAnExistingDatabaseAsItIs) {
  testing::TempDir dir;
  const fs::path path = dir.path() / "db";
  make_database(path, 3);
  create_database_atomically(path);
  EXPECT_EQ(Xapian::Database(path.string()).get_doccount(), 3u);
}

TEST(CreateDatabaseAtomically, APathWithATrailingSlashNamesTheSameDatabase) {
  testing::TempDir dir;
  create_database_atomically((dir.path() / "db").string() + "/");
  EXPECT_EQ(Xapian::Database((dir.path() / "db").string()).get_doccount(), 0u);
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"db"});
}

TEST(CreateDatabaseAtomically, RemovesWhatAKilledCreationLeftButNotARunningOne) {
  testing::TempDir dir;
  pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ASSERT_GT(child, 0);
  ::waitpid(child, nullptr, 0);  // its pid now names no process
  const std::string dead = "db.creating-" + std::to_string(child);
  const std::string running = "db.creating-" + std::to_string(::getppid());
  fs::create_directories(dir.path() / dead);
  fs::create_directories(dir.path() / running);
  create_database_atomically(dir.path() / "db");
  EXPECT_EQ(names_in(dir.path()), (std::vector<std::string>{"db", running}));
}

TEST(CreateDatabaseAtomically, LeavesNamesThatHoldNoPidAlone) {
  testing::TempDir dir;
  const std::vector<std::string> strangers = {"db.creating-", "db.creating-0", "db.creating-12x",
                                              "db.creating-99999999999999999999"};
  for (const std::string& name : strangers) fs::create_directories(dir.path() / name);
  create_database_atomically(dir.path() / "db");
  std::vector<std::string> expected = strangers;
  expected.push_back("db");
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(names_in(dir.path()), expected);
}

}  // namespace
}  // namespace newsarchive
