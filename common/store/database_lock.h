// An exclusive lock on a database directory for the length of an indexing run.
//
// Xapian's own write lock belongs to one glass directory and is released when that database is
// closed. A bulk load (index/staging_area.h) closes the database and swaps a merged one into its
// place, so the run holds this lock instead: a file in the database directory, locked with
// flock(2). The kernel drops the lock when the process dies, so a killed run never leaves it stuck.
#pragma once

#include <filesystem>

namespace newsarchive {

class DatabaseLock {
 public:
  // Locks `directory`/newsarchive.lock, creating the file. Throws DatabaseBusyError naming
  // `database_name` when another process holds the lock, UserError when the file cannot be made.
  DatabaseLock(const std::filesystem::path& directory, const std::string& database_name);
  ~DatabaseLock();
  DatabaseLock(const DatabaseLock&) = delete;
  DatabaseLock& operator=(const DatabaseLock&) = delete;

 private:
  int fd_ = -1;
};

// The lock file's name inside a database directory.
inline constexpr const char* kLockFileName = "newsarchive.lock";

}  // namespace newsarchive
