// Opening a database for reading; see database_open.h.
#include "store/database_open.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <string_view>
#include <system_error>

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

namespace {

// fsync(2) on a file or directory, so a rename never exposes data still held by the kernel.
void flush_to_disk(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw std::system_error(errno, std::generic_category(), "cannot open " + path.string());
  int status = ::fsync(fd);
  int error = errno;
  ::close(fd);
  if (status != 0)
    throw std::system_error(error, std::generic_category(), "cannot flush " + path.string());
}

// Removes what a killed process left while creating a database at `path`: `path`.creating-PID
// directories whose process no longer runs.
void remove_abandoned_creations(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  const std::string prefix = path.filename().string() + ".creating-";
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(path.parent_path(), error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    // Only a name this program could have made counts: a whole positive pid. Anything else (a
    // number too long for a pid, "0", which kill(2) reads as our own process group) is left.
    const std::string_view pid_text = std::string_view(name).substr(prefix.size());
    pid_t pid = 0;
    const auto [end, parsed] =
        std::from_chars(pid_text.data(), pid_text.data() + pid_text.size(), pid);
    if (parsed != std::errc() || end != pid_text.data() + pid_text.size() || pid <= 0) continue;
    if (::kill(pid, 0) != 0 && errno == ESRCH) fs::remove_all(entry.path(), error);
  }
}

}  // namespace

void create_database_atomically(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::exists(path, error)) return;
  fs::path target = fs::absolute(path);
  if (!target.has_filename()) target = target.parent_path();  // "db/"
  fs::path parent = target.parent_path();
  fs::create_directories(parent);
  remove_abandoned_creations(target);
  fs::path partial = target;
  partial += ".creating-" + std::to_string(::getpid());
  fs::remove_all(partial, error);
  fs::create_directory(partial);  // a permission problem is a system_error, like the parent's
  Xapian::WritableDatabase(partial.string(), Xapian::DB_CREATE).close();
  for (const fs::directory_entry& entry : fs::directory_iterator(partial))
    if (entry.is_regular_file()) flush_to_disk(entry.path());
  flush_to_disk(partial);
  if (::rename(partial.c_str(), target.c_str()) != 0) {
    int failure = errno;
    fs::remove_all(partial, error);
    // Another process made `path` meanwhile: what it made stands.
    if (failure == EEXIST || failure == ENOTEMPTY) return;
    throw std::system_error(failure, std::generic_category(),
                            "cannot move a new database into place at " + path.string());
  }
  flush_to_disk(parent);
}

}  // namespace newsarchive
