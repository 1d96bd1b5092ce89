// Opening a database for reading; see database_open.h.
#include "store/database_open.h"

#include "store/database_errors.h"
#include "store/revision_retry.h"
#include "text/errors.h"

namespace newsarchive {

Xapian::Database open_database(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error))
    throw UserError("no database at " + quote_value(path) +
                    "; create one with: newsindex index --db " + path + " ARCHIVE_PATH");
  try {
    return retry_on_revision_change(nullptr, [&] { return Xapian::Database(path); });
  } catch (const Xapian::DatabaseModifiedError&) {
    throw DatabaseBusyError("database " + quote_value(path) + " changed " +
                            std::to_string(kRevisionRetries) +
                            " times while it was being opened; try again");
  } catch (const Xapian::Error&) {
    rethrow_database_error(path);
  }
}

Xapian::WritableDatabase open_writable_database(const std::filesystem::path& path) {
  try {
    return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw DatabaseBusyError("database " + quote_value(path.string()) +
                            " is being indexed by another process; try again later");
  }
}

}  // namespace newsarchive
