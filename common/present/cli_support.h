// What both programs share at their edges: exit codes, the default database location, the
// stderr logger, and the one error boundary that turns exceptions into one-line messages.
#pragma once

#include <spdlog/logger.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "text/date.h"

namespace newsarchive {

// Exit codes. newssearch: kOk results found, kPartial no results. newsindex: kOk everything
// indexed, kPartial finished but some articles were skipped.
enum ExitCode : int {
  kOk = 0,
  kPartial = 1,
  kUsage = 2,              // bad option, bad query, missing database, other fatal error
  kDamaged = 3,            // the database is damaged or --db is not a database: rebuild it
  kDiskFull = 4,           // the disk filled up; the database is at its last commit
  kBusy = 75,              // EX_TEMPFAIL: another process is indexing the database; retry later
  kInterruptedBase = 128,  // + signal number: stopped by SIGINT/SIGTERM after committing
};

// $NEWSARCHIVE_DB if set, else $XDG_DATA_HOME/newsarchive/db, else ~/.local/share/newsarchive/db.
std::string default_database_path();

// The day natural dates ("yesterday", "last week") are relative to: $NEWSARCHIVE_TODAY when
// it is set and not empty (YYYY-MM-DD; meant for tests and reproducible scripts), else the local
// date. Throws UserError naming the value when it is not a valid YYYY-MM-DD date.
Date reference_today();

// The same for a given value of that variable; nullptr or "" means it is unset.
Date reference_today(const char* pinned);

// A logger writing lines to stderr: "<program>: <level>: <message>" for warnings and errors,
// "<program>: <message>" for info (summaries are not labelled "info").
std::shared_ptr<spdlog::logger> make_stderr_logger(const std::string& program);

// The same, also appending every line to `log_file` (when not empty) as "YYYY-MM-DD HH:MM:SS
// <program>: ...", debug lines included (per-article details the terminal gets summarised).
// `stderr_level` filters stderr alone, so a quiet run can still log everything to the file. Throws
// UserError when the file cannot be opened.
std::shared_ptr<spdlog::logger> make_stderr_logger(
    const std::string& program, const std::string& log_file,
    spdlog::level::level_enum stderr_level = spdlog::level::info);

// `message` made safe to print as one line on a terminal: tabs and line breaks become spaces,
// other control characters (C0, DEL, C1) become \xNN, so echoed user input can neither split
// the line nor send escape sequences.
std::string one_line(std::string_view message);

// Reports a command-line usage error (a CLI11 parse error other than --help) as the one line
// "<program>: error: <message> (see <program> --help)" on stderr; returns kUsage.
int report_usage_error(const std::string& program, const std::string& message);

// The whole content of `path`, or of standard input when `path` is "-", byte for byte.
// Throws UserError when the file cannot be read.
std::string read_input(const std::string& path);

// Runs `body` and maps what escapes it to a one-line message on stderr and an exit code:
// DatabaseBusyError exits kBusy, DatabaseDamagedError kDamaged, DiskFullError kDiskFull,
// UserError and other errors kUsage; nothing escapes as a crash or a stack trace.
int run_guarded(const std::string& program, const std::function<int()>& body);

}  // namespace newsarchive
