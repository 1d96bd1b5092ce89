// Turns Xapian's errors about a database into the errors a user can act on.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>

namespace newsarchive {

// Whether `error` reports a full disk or an exceeded quota (ENOSPC, EDQUOT).
bool is_disk_full(const Xapian::Error& error);

// Call inside a catch block for Xapian::Error about the database at `path`: rethrows it as
// DiskFullError (disk full), DatabaseDamagedError (corrupt tables, an unopenable or unknown
// format, an unreadable version) or, for anything else, unchanged.
[[noreturn]] void rethrow_database_error(const std::filesystem::path& path);

// What an indexer may do with `path` before opening it: nothing there, an empty directory, or
// a database directory are fine. Throws DatabaseDamagedError for a path that is a file, or a
// directory holding other files and no database (never written into, even with --rebuild), and
// for a database directory whose version file is missing unless `rebuilding`.
void check_database_path(const std::filesystem::path& path, bool rebuilding);

// "rebuild it from the archive with: newsindex index --rebuild --db PATH ARCHIVE_PATH".
std::string rebuild_advice(const std::filesystem::path& path);

}  // namespace newsarchive
