// Unit: the run lock on a database directory is exclusive while held and free once released.
#include "store/database_lock.h"

#include <gtest/gtest.h>

#include "test_support.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

TEST(DatabaseLock, SecondLockOnTheSameDirectoryIsRefusedAsBusy) {
  testing::TempDir dir;
  DatabaseLock first(dir.path(), "archive-db");
  try {
    DatabaseLock second(dir.path(), "archive-db");
    FAIL() << "a second lock was granted";
  } catch (const DatabaseBusyError& busy) {
    EXPECT_STREQ(busy.what(),
                 "database 'archive-db' is being indexed by another process; try again later");
  }
}

TEST(DatabaseLock, ReleasedLockCanBeTakenAgain) {
  testing::TempDir dir;
  { DatabaseLock first(dir.path(), "db"); }
  EXPECT_NO_THROW(DatabaseLock again(dir.path(), "db"));
  EXPECT_TRUE(std::filesystem::exists(dir.path() / kLockFileName));
}

TEST(DatabaseLock, MissingDirectoryIsAUserError) {
  testing::TempDir dir;
  EXPECT_THROW(DatabaseLock(dir.path() / "absent", "db"), UserError);
}

}  // namespace
}  // namespace newsarchive
