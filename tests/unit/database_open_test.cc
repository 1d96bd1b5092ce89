// Unit tests for common/store/database_open: what a reader gets for a missing path, an empty
// directory, a directory that is not a database, a damaged database and a good one.
#include "store/database_open.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <string>

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

}  // namespace
}  // namespace newsarchive
