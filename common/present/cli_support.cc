// Exit codes, default paths, logging set-up and the error boundary shared by the programs.
#include "present/cli_support.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <xapian.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <new>
#include <sstream>

#include "text/errors.h"
#include "text/utf8.h"

namespace newsarchive {
namespace {

// The "%*" pattern flag: "<level>: " for every level but info, which prints bare.
class LevelLabel : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& message, const std::tm&,
              spdlog::memory_buf_t& out) override {
    if (message.level == spdlog::level::info) return;
    spdlog::string_view_t name = spdlog::level::to_string_view(message.level);
    out.append(name.data(), name.data() + name.size());
    out.push_back(':');
    out.push_back(' ');
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<LevelLabel>();
  }
};

std::unique_ptr<spdlog::formatter> labelled_formatter(const std::string& pattern) {
  auto formatter = std::make_unique<spdlog::pattern_formatter>();
  formatter->add_flag<LevelLabel>('*').set_pattern(pattern);
  return formatter;
}

}  // namespace

std::string default_database_path() {
  if (const char* explicit_path = std::getenv("NEWSARCHIVE_DB"); explicit_path && *explicit_path)
    return explicit_path;
  if (const char* data_home = std::getenv("XDG_DATA_HOME"); data_home && *data_home)
    return std::string(data_home) + "/newsarchive/db";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.local/share/newsarchive/db";
  return "newsarchive.db";
}

Date reference_today() {
  return reference_today(std::getenv("NEWSARCHIVE_TODAY"));
}

Date reference_today(const char* pinned) {
  if (!pinned || !*pinned) return today_local();
  auto day = parse_date_period(pinned);
  if (!day || day->first != day->last)
    throw UserError("invalid NEWSARCHIVE_TODAY: " + quote_value(pinned) + " (use YYYY-MM-DD)");
  return day->first;
}

std::shared_ptr<spdlog::logger> make_stderr_logger(const std::string& program) {
  return make_stderr_logger(program, "");
}

std::shared_ptr<spdlog::logger> make_stderr_logger(const std::string& program,
                                                   const std::string& log_file,
                                                   spdlog::level::level_enum stderr_level) {
  auto stderr_sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  stderr_sink->set_formatter(labelled_formatter("%n: %*%v"));
  stderr_sink->set_level(stderr_level);
  auto logger = std::make_shared<spdlog::logger>(program, stderr_sink);
  if (!log_file.empty()) {
    std::shared_ptr<spdlog::sinks::sink> file_sink;
    try {
      file_sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(log_file);
    } catch (const spdlog::spdlog_ex&) {
      throw UserError("cannot open log file " + quote_value(log_file) + ": " +
                      std::strerror(errno));
    }
    file_sink->set_formatter(labelled_formatter("%Y-%m-%d %H:%M:%S %n: %*%v"));
    // The log file also keeps the per-article details that the terminal only gets summarised
    // (each undated article, each part of an input passed over).
    file_sink->set_level(spdlog::level::debug);
    logger->sinks().push_back(std::move(file_sink));
  }
  logger->set_level(log_file.empty() ? spdlog::level::info : spdlog::level::debug);
  return logger;
}

std::string one_line(std::string_view message) {
  std::string line;
  line.reserve(message.size());
  for (size_t i = 0; i < message.size(); ++i) {
    auto byte = static_cast<unsigned char>(message[i]);
    Utf8Sequence sequence = decode_utf8_sequence(message, i);
    bool c1 = sequence.code_point >= 0x80 && sequence.code_point <= 0x9F;
    if (byte == '\t' || byte == '\n' || byte == '\v' || byte == '\f' || byte == '\r') {
      line += ' ';
    } else if (byte < 0x20 || byte == 0x7F || c1) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", static_cast<unsigned>(sequence.code_point));
      line += escaped;
      i += sequence.length - 1;  // a C1 control is two bytes
    } else {
      line += message[i];
    }
  }
  return line;
}

int report_usage_error(const std::string& program, const std::string& message) {
  std::cerr << program << ": error: " << one_line(message) << " (see " << program << " --help)\n";
  return kUsage;
}

std::string read_input(const std::string& path) {
  std::ostringstream buffer;
  if (path == "-") {
    buffer << std::cin.rdbuf();
    return std::move(buffer).str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UserError("cannot read " + quote_value(path) + ": " + std::strerror(errno));
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

int run_guarded(const std::string& program, const std::function<int()>& body) {
  try {
    return body();
  } catch (const DatabaseBusyError& error) {
    std::cerr << program << ": error: " << one_line(error.what()) << "\n";
    return kBusy;
  } catch (const DatabaseDamagedError& error) {
    std::cerr << program << ": error: " << one_line(error.what()) << "\n";
    return kDamaged;
  } catch (const DiskFullError& error) {
    std::cerr << program << ": error: " << one_line(error.what()) << "\n";
    return kDiskFull;
  } catch (const UserError& error) {
    std::cerr << program << ": error: " << one_line(error.what()) << "\n";
  } catch (const Xapian::DatabaseLockError& error) {
    std::cerr << program
              << ": error: database is locked by another process: " << one_line(error.get_msg())
              << "\n";
  } catch (const Xapian::Error& error) {
    std::cerr << program << ": error: " << error.get_type() << ": " << one_line(error.get_msg())
              << "\n";
  } catch (const std::bad_alloc&) {
    std::cerr << program << ": error: out of memory\n";
  } catch (const std::exception& error) {
    std::cerr << program << ": error: " << one_line(error.what()) << "\n";
  }
  return kUsage;
}

}  // namespace newsarchive
