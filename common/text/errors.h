// Error types that cross the library boundary. Each binary has one error boundary that prints
// what() as a single line and exits with the code the type stands for.
#pragma once

#include <stdexcept>
#include <string>

namespace newsarchive {

// The user asked for something that cannot be done as asked: a bad option value, query or path.
// Messages name the problem and quote the value: "invalid date for --from: '2020-13'".
class UserError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Another process holds the database's write lock; cron can retry later (exit code 75).
class DatabaseBusyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The database cannot be used as it is: damaged, not a database at all, or unreadable by this
// version (exit code 3). The message says what to do (usually: rebuild it from the archive).
class DatabaseDamagedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The disk or quota filled up while writing; the database stays at its last commit, so running
// the same command again after freeing space finishes the job (exit code 4).
class DiskFullError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Quotes a user-supplied value for an error message.
inline std::string quote_value(const std::string& value) {
  return "'" + value + "'";
}

}  // namespace newsarchive
