// Unit tests for common/store/database_errors: which Xapian errors become DiskFullError or
// DatabaseDamagedError (and with what message), what check_database_path lets an indexer write
// into, and the rebuild advice.
#include "store/database_errors.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <cerrno>
#include <filesystem>
#include <string>
#include <utility>

#include "store/database_lock.h"
#include "test_support.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;
using Outcome = std::pair<std::string, std::string>;  // the type thrown, its message

const std::string kRebuild = "rebuild it from the archive with: newsindex index --rebuild --db ";

// What rethrow_database_error, called in a catch block for `error`, throws.
template <class Error>
Outcome classify(const fs::path& path, const Error& error) {
  try {
    try {
      throw error;
    } catch (const Xapian::Error&) {
      rethrow_database_error(path);
    }
  } catch (const DiskFullError& e) {
    return {"DiskFullError", e.what()};
  } catch (const DatabaseDamagedError& e) {
    return {"DatabaseDamagedError", e.what()};
  } catch (const Xapian::Error& e) {
    // Rethrown unchanged: Xapian's own type name and message.
    return {e.get_type(), e.get_msg()};
  }
  return {"nothing thrown", ""};
}

// What opening `path` with Xapian and reading every document, then rethrow_database_error,
// throws: real Xapian errors rather than ones made up by the test.
Outcome open_and_classify(const fs::path& path) {
  try {
    try {
      Xapian::Database db(path.string());
      for (Xapian::PostingIterator it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
        db.get_document(*it).get_data();
    } catch (const Xapian::Error&) {
      rethrow_database_error(path);
    }
  } catch (const DatabaseDamagedError& e) {
    return {"DatabaseDamagedError", e.what()};
  } catch (const Xapian::Error& e) {
    return {e.get_type(), e.get_msg()};
  }
  return {"nothing thrown", ""};
}

// A committed glass database with one document at `path`.
void make_database(const fs::path& path) {
  Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE);
  Xapian::Document doc;
  doc.set_data("stored article");
  doc.add_term("harbour");
  db.add_document(doc);
  db.commit();
}

// What check_database_path throws for `path`; empty when it lets the indexer go ahead.
std::string check_error(const fs::path& path, bool rebuilding) {
  try {
    check_database_path(path, rebuilding);
  } catch (const DatabaseDamagedError& e) {
    return std::string("DatabaseDamagedError: ") + e.what();
  }
  return "";
}

TEST(IsDiskFull, RecognisesNoSpaceAndQuotaErrorsByTheirErrorString) {
  EXPECT_TRUE(is_disk_full(Xapian::DatabaseError("Error writing block 7", ENOSPC)));
  EXPECT_TRUE(is_disk_full(Xapian::DatabaseError("Error writing block 7", EDQUOT)));
  EXPECT_FALSE(is_disk_full(Xapian::DatabaseError("Error writing block 7", EIO)));
  EXPECT_FALSE(is_disk_full(Xapian::DatabaseError("Error writing block 7")));
}

TEST(IsDiskFull, RecognisesTheReasonInTheMessageToo) {
  EXPECT_TRUE(is_disk_full(Xapian::DatabaseError("write failed: No space left on device")));
  EXPECT_TRUE(is_disk_full(Xapian::DatabaseError("write failed: Disk quota exceeded")));
}

TEST(RethrowDatabaseError, ADiskFullWriteBecomesDiskFullErrorNamingTheDatabase) {
  EXPECT_EQ(classify("/data/db", Xapian::DatabaseError("Error writing block 7", ENOSPC)),
            (Outcome{"DiskFullError",
                     "disk full while writing database '/data/db' (Error writing block 7: No space "
                     "left on device); it is kept at its last commit: free some space and run the "
                     "same command again"}));
}

TEST(RethrowDatabaseError, CorruptVersionAndSerialisationErrorsMeanDamage) {
  EXPECT_EQ(classify("/data/db", Xapian::DatabaseCorruptError("dir_end invalid in block 0")),
            (Outcome{"DatabaseDamagedError",
                     "database '/data/db' is damaged (DatabaseCorruptError: dir_end invalid in "
                     "block 0); " +
                         kRebuild + "/data/db ARCHIVE_PATH"}));
  EXPECT_EQ(classify("/data/db", Xapian::DatabaseVersionError("unsupported version 9")),
            (Outcome{"DatabaseDamagedError",
                     "database '/data/db' is damaged (DatabaseVersionError: unsupported version "
                     "9); " +
                         kRebuild + "/data/db ARCHIVE_PATH"}));
  EXPECT_EQ(classify("/data/db", Xapian::SerialisationError("bad encoded length")),
            (Outcome{"DatabaseDamagedError",
                     "database '/data/db' is damaged (SerialisationError: bad encoded length); " +
                         kRebuild + "/data/db ARCHIVE_PATH"}));
}

// A truncated table fails as a plain DatabaseError that says it was reading a block.
TEST(RethrowDatabaseError, APlainDatabaseErrorIsDamageOnlyWhenReadingABlockFailed) {
  EXPECT_EQ(classify("/data/db", Xapian::DatabaseError("Error reading block 12: got end of file")),
            (Outcome{"DatabaseDamagedError",
                     "database '/data/db' is damaged (DatabaseError: Error reading block 12: got "
                     "end of file); " +
                         kRebuild + "/data/db ARCHIVE_PATH"}));
  EXPECT_EQ(classify("/data/db", Xapian::DatabaseError("Something else failed", EIO)),
            (Outcome{"DatabaseError", "Something else failed"}));
}

TEST(RethrowDatabaseError, ALockErrorAndUnrelatedErrorsAreRethrownUnchanged) {
  // Even when it mentions a full disk: the lock error is about another writer.
  EXPECT_EQ(classify("/data/db", Xapian::DatabaseLockError("Unable to get write lock", ENOSPC)),
            (Outcome{"DatabaseLockError", "Unable to get write lock"}));
  EXPECT_EQ(classify("/data/db", Xapian::InvalidArgumentError("Empty termnames are invalid")),
            (Outcome{"InvalidArgumentError", "Empty termnames are invalid"}));
  EXPECT_EQ(classify("/data/db", Xapian::DatabaseModifiedError("The revision being read has been "
                                                               "discarded")),
            (Outcome{"DatabaseModifiedError", "The revision being read has been discarded"}));
}

TEST(RethrowDatabaseError, OpeningAnEmptyDirectorySaysHowToCreateADatabase) {
  testing::TempDir dir;
  EXPECT_EQ(open_and_classify(dir.path()),
            (Outcome{"DatabaseDamagedError",
                     "'" + dir.path().string() +
                         "' is an empty directory, not a database yet; create one with: newsindex "
                         "index --db " +
                         dir.path().string() + " ARCHIVE_PATH"}));
}

TEST(RethrowDatabaseError, OpeningADirectoryOfOtherFilesSaysItIsNotADatabase) {
  testing::TempDir dir;
  testing::write_file(dir.path() / "notes.txt", "not a database\n");
  EXPECT_EQ(open_and_classify(dir.path()),
            (Outcome{"DatabaseDamagedError",
                     "'" + dir.path().string() +
                         "' is not a newsarchive database (DatabaseNotFoundError: Couldn't detect "
                         "type of database); give --db the directory of one"}));
}

TEST(RethrowDatabaseError, OpeningADatabaseWithoutItsVersionFileSaysItIsDamaged) {
  testing::TempDir dir;
  const fs::path db = dir.path() / "db";
  make_database(db);
  fs::remove(db / "iamglass");
  EXPECT_EQ(
      open_and_classify(db),
      (Outcome{"DatabaseDamagedError",
               "database '" + db.string() +
                   "' is damaged (DatabaseNotFoundError: Couldn't detect type of database); " +
                   kRebuild + db.string() + " ARCHIVE_PATH"}));
}

TEST(RethrowDatabaseError, ReadingOverwrittenTablesSaysTheDatabaseIsDamaged) {
  testing::TempDir dir;
  const fs::path db = dir.path() / "db";
  make_database(db);
  for (const fs::directory_entry& entry : fs::directory_iterator(db))
    if (entry.path().extension() == ".glass")
      testing::write_file(entry.path(), std::string(fs::file_size(entry.path()), '\xAB'));
  Outcome outcome = open_and_classify(db);
  EXPECT_EQ(outcome.first, "DatabaseDamagedError");
  // Xapian's own words about the first bad block sit between these two parts.
  const std::string start = "database '" + db.string() + "' is damaged (DatabaseCorruptError: ";
  const std::string end = "); " + kRebuild + db.string() + " ARCHIVE_PATH";
  EXPECT_TRUE(outcome.second.starts_with(start)) << outcome.second;
  EXPECT_TRUE(outcome.second.ends_with(end)) << outcome.second;
}

TEST(RethrowDatabaseError, AnIntactDatabaseOpens) {
  testing::TempDir dir;
  make_database(dir.path() / "db");
  EXPECT_EQ(open_and_classify(dir.path() / "db"), (Outcome{"nothing thrown", ""}));
}

TEST(CheckDatabasePath, NothingThereAnEmptyDirectoryAndADatabaseAreFine) {
  testing::TempDir dir;
  EXPECT_EQ(check_error(dir.path() / "absent", false), "");
  EXPECT_EQ(check_error(dir.path(), false), "");
  make_database(dir.path() / "db");
  EXPECT_EQ(check_error(dir.path() / "db", false), "");
  EXPECT_EQ(check_error(dir.path() / "db", true), "");
}

// The run lock is the indexer's own file: a directory holding only it was never a database.
TEST(CheckDatabasePath, ADirectoryHoldingOnlyTheRunLockIsFine) {
  testing::TempDir dir;
  testing::write_file(dir.path() / kLockFileName, "");
  EXPECT_EQ(check_error(dir.path(), false), "");
}

TEST(CheckDatabasePath, AFileIsRefusedEvenWhenRebuilding) {
  testing::TempDir dir;
  const fs::path file = dir.path() / "db";
  testing::write_file(file, "an article\n");
  const std::string expected = "DatabaseDamagedError: '" + file.string() +
                               "' is not a directory, so it cannot hold a database; give --db a "
                               "new or empty directory";
  EXPECT_EQ(check_error(file, false), expected);
  EXPECT_EQ(check_error(file, true), expected);
}

TEST(CheckDatabasePath, ADirectoryWithOtherFilesIsRefusedEvenWhenRebuilding) {
  testing::TempDir dir;
  testing::write_file(dir.path() / "notes.txt", "mine\n");
  const std::string expected = "DatabaseDamagedError: '" + dir.path().string() +
                               "' holds other files ('notes.txt') and is not a newsarchive "
                               "database; give --db a new or empty directory";
  EXPECT_EQ(check_error(dir.path(), false), expected);
  EXPECT_EQ(check_error(dir.path(), true), expected);
}

// A database directory with one stranger in it is still refused: a rebuild exchanges the whole
// directory for a freshly merged one and deletes the old (staging_area.h), the stranger with it.
TEST(CheckDatabasePath, ADatabaseDirectoryWithAnotherFileIsRefused) {
  testing::TempDir dir;
  const fs::path db = dir.path() / "db";
  make_database(db);
  testing::write_file(db / "README", "mine\n");
  EXPECT_EQ(check_error(db, true), "DatabaseDamagedError: '" + db.string() +
                                       "' holds other files ('README') and is not a newsarchive "
                                       "database; give --db a new or empty directory");
}

TEST(CheckDatabasePath, ADatabaseWithoutItsVersionFileIsRefusedUnlessRebuilding) {
  testing::TempDir dir;
  const fs::path db = dir.path() / "db";
  make_database(db);
  fs::remove(db / "iamglass");
  EXPECT_EQ(check_error(db, false), "DatabaseDamagedError: database '" + db.string() +
                                        "' is damaged (its version file iamglass is missing); " +
                                        kRebuild + db.string() + " ARCHIVE_PATH");
  EXPECT_EQ(check_error(db, true), "");
}

TEST(RebuildAdvice, NamesTheDatabaseInTheCommandToRun) {
  EXPECT_EQ(rebuild_advice("/srv/news db"),
            "rebuild it from the archive with: newsindex index --rebuild --db /srv/news db "
            "ARCHIVE_PATH");
}

}  // namespace
}  // namespace newsarchive
