// Opening a database for reading, for searches and stats.
#pragma once

#include <xapian.h>

#include <string>

namespace newsarchive {

// Opens one database read-only, retrying while a concurrent commit discards the revision being
// opened (revision_retry.h). Throws UserError when there is none at `path` (the message says how
// to create one), DatabaseBusyError when it changed on every try, DatabaseDamagedError when it
// is damaged or not a database (database_errors.h).
Xapian::Database open_database(const std::string& path);

}  // namespace newsarchive
