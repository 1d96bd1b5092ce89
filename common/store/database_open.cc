// Opening a database for reading; see database_open.h.
#include "store/database_open.h"

#include <filesystem>

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

}  // namespace newsarchive
