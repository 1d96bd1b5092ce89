// Opening a database: for reading (searches, stats) and for writing (indexing runs).
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>

namespace newsarchive {

// Opens one database read-only, retrying while a concurrent commit discards the revision being
// opened (revision_retry.h). Throws UserError when there is none at `path` (the message says how
// to create one), DatabaseBusyError when it changed on every try, DatabaseDamagedError when it
// is damaged or not a database (database_errors.h).
Xapian::Database open_database(const std::string& path);

// Opens the database at `path` for writing, creating it when there is none. Throws
// DatabaseBusyError when another process holds Xapian's write lock; lets other Xapian errors
// escape (the caller names the database, database_errors.h).
Xapian::WritableDatabase open_writable_database(const std::filesystem::path& path);

// Makes sure a database exists at `path`, creating its parent directories. When `path` does not
// exist, an empty database is made beside it under a temporary name, flushed to disk and renamed
// into place, so a process killed at any moment leaves either no `path` or a whole database: never
// a directory that Xapian cannot open. Leaves an existing `path` alone, whatever it holds. Throws
// std::system_error when the directory cannot be made or renamed, Xapian errors from creation.
void create_database_atomically(const std::filesystem::path& path);

}  // namespace newsarchive
