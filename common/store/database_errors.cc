// Classifying database failures for users; see database_errors.h.
#include "store/database_errors.h"

#include "store/database_lock.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;

bool mentions(const Xapian::Error& error, const std::string& text) {
  return error.get_msg().find(text) != std::string::npos ||
         std::string(error.get_error_string() ? error.get_error_string() : "").find(text) !=
             std::string::npos;
}

// Files a glass database directory holds; one of them without the version file means damage.
bool is_database_file(const std::string& name) {
  return name == "iamglass" || name == "flintlock" || name == kLockFileName ||
         name.ends_with(".glass") || name.ends_with(".tmp");
}

// Whether `path` is a directory with glass tables in it (a database, maybe damaged).
bool holds_database_files(const fs::path& path) {
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(path, error)) {
    std::string name = entry.path().filename().string();
    if (name == "iamglass" || name.ends_with(".glass")) return true;
  }
  return false;
}

}  // namespace

bool is_disk_full(const Xapian::Error& error) {
  return mentions(error, "No space left on device") || mentions(error, "Disk quota exceeded");
}

std::string rebuild_advice(const fs::path& path) {
  return "rebuild it from the archive with: newsindex index --rebuild --db " + path.string() +
         " ARCHIVE_PATH";
}

void rethrow_database_error(const fs::path& path) {
  try {
    throw;
  } catch (const Xapian::DatabaseLockError&) {
    throw;
  } catch (const Xapian::Error& error) {
    std::string reason = error.get_msg();
    if (error.get_error_string()) reason += std::string(": ") + error.get_error_string();
    if (is_disk_full(error))
      throw DiskFullError("disk full while writing database " + quote_value(path.string()) + " (" +
                          reason +
                          "); it is kept at its last commit: free some space and run the same "
                          "command again");
    // Xapian::Error is not polymorphic; its type name is the way to tell subclasses apart.
    std::string type = error.get_type();
    std::string detail = " (" + type + ": " + error.get_msg() + "); ";
    if (type == "DatabaseNotFoundError" || type == "DatabaseOpeningError") {
      std::error_code ignored;
      if (fs::is_directory(path, ignored) && fs::is_empty(path, ignored))
        throw DatabaseDamagedError(quote_value(path.string()) + " is an empty directory, not a " +
                                   "database yet; create one with: newsindex index --db " +
                                   path.string() + " ARCHIVE_PATH");
      if (!holds_database_files(path))
        throw DatabaseDamagedError(quote_value(path.string()) + " is not a newsarchive database" +
                                   detail + "give --db the directory of one");
      throw DatabaseDamagedError("database " + quote_value(path.string()) + " is damaged" + detail +
                                 rebuild_advice(path));
    }
    // Reading a truncated or overwritten table fails as a plain DatabaseError.
    bool damaged =
        type == "DatabaseCorruptError" || type == "DatabaseVersionError" ||
        type == "SerialisationError" ||
        (type == "DatabaseError" && error.get_msg().find("reading block") != std::string::npos);
    if (damaged)
      throw DatabaseDamagedError("database " + quote_value(path.string()) + " is damaged" + detail +
                                 rebuild_advice(path));
    throw;
  }
}

void check_database_path(const fs::path& path, bool rebuilding) {
  std::error_code error;
  fs::file_status status = fs::status(path, error);
  if (!fs::exists(status)) return;
  if (!fs::is_directory(status))
    throw DatabaseDamagedError(quote_value(path.string()) +
                               " is not a directory, so it cannot hold a database; give --db a "
                               "new or empty directory");
  bool version_file = false;
  bool database_files = false;
  std::string foreign;
  for (const fs::directory_entry& entry : fs::directory_iterator(path, error)) {
    std::string name = entry.path().filename().string();
    if (name == "iamglass")
      version_file = true;
    else if (is_database_file(name))
      database_files = database_files || name != kLockFileName;
    else if (foreign.empty())
      foreign = name;
  }
  if (error)
    throw UserError("cannot read database directory " + quote_value(path.string()) + ": " +
                    error.message());
  if (!foreign.empty())
    throw DatabaseDamagedError(quote_value(path.string()) + " holds other files (" +
                               quote_value(foreign) +
                               ") and is not a newsarchive database; give --db a new or empty "
                               "directory");
  if (database_files && !version_file && !rebuilding)
    throw DatabaseDamagedError("database " + quote_value(path.string()) +
                               " is damaged (its version file iamglass is missing); " +
                               rebuild_advice(path));
}

}  // namespace newsarchive
