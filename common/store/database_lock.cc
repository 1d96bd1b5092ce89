// flock(2) on a file inside the database directory; see database_lock.h.
#include "store/database_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "text/errors.h"

namespace newsarchive {

DatabaseLock::DatabaseLock(const std::filesystem::path& directory,
                           const std::string& database_name) {
  std::filesystem::path path = directory / kLockFileName;
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw UserError("cannot create lock file " + quote_value(path.string()) + ": " +
                    std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    int error = errno;
    ::close(fd_);
    fd_ = -1;
    if (error == EWOULDBLOCK)
      throw DatabaseBusyError("database " + quote_value(database_name) +
                              " is being indexed by another process; try again later");
    throw UserError("cannot lock " + quote_value(path.string()) + ": " + std::strerror(error));
  }
}

DatabaseLock::~DatabaseLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace newsarchive
