// Test helpers: temp directories, file writing, the recording sink, unprivileged reads.
#include "test_support.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace newsarchive::testing {

TempDir::TempDir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "newsarchive-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

void write_file(const std::filesystem::path& path, const std::string& content) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

void hand_over_to_unprivileged_user(const std::filesystem::path& path) {
  if (geteuid() != 0) return;
  const std::filesystem::path absolute = std::filesystem::absolute(path);
  for (std::filesystem::path up = absolute.parent_path();; up = up.parent_path()) {
    struct stat info {};
    if (::stat(up.c_str(), &info) != 0 || (info.st_mode & S_IXOTH) == 0)
      throw std::runtime_error("the unprivileged user cannot reach " + absolute.string() + ": " +
                               up.string() + " does not let other users through");
    if (up == up.root_path()) break;
  }
  auto give = [](const std::filesystem::path& p) {
    if (::lchown(p.c_str(), kUnprivilegedId, kUnprivilegedId) != 0)
      throw std::runtime_error("cannot chown " + p.string() + ": " + std::strerror(errno));
  };
  give(absolute);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(absolute))
    give(entry.path());
}

namespace {

// In the child: becomes kUnprivilegedId for good, or says why not.
std::string drop_privileges() {
  if (::setgroups(0, nullptr) != 0) return std::string("setgroups: ") + std::strerror(errno);
  if (::setgid(kUnprivilegedId) != 0) return std::string("setgid: ") + std::strerror(errno);
  if (::setuid(kUnprivilegedId) != 0) return std::string("setuid: ") + std::strerror(errno);
  // Without the capability to switch back, no other capability is left either.
  if (::setuid(0) == 0) return "setuid(0) succeeded after dropping privileges";
  if (geteuid() != kUnprivilegedId || getegid() != kUnprivilegedId)
    return "still running as uid " + std::to_string(geteuid());
  return "";
}

void write_all(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

}  // namespace

std::string run_unprivileged(const std::function<std::string()>& body) {
  if (geteuid() != 0) return body();
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  std::fflush(nullptr);  // or the child would write the parent's buffered output again
  pid_t child = ::fork();
  if (child < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (child == 0) {
    ::close(fds[0]);
    int code = 0;
    std::string result = drop_privileges();
    if (!result.empty()) {
      result = "cannot drop privileges: " + result;
      code = 2;
    } else {
      try {
        result = body();
      } catch (const std::exception& e) {
        result = std::string("exception: ") + e.what();
        code = 3;
      } catch (...) {
        result = "unknown exception";
        code = 3;
      }
    }
    write_all(fds[1], result);
    // _exit: the parent's destructors and atexit handlers (TempDir, gtest) are not the child's.
    ::_exit(code);
  }
  ::close(fds[1]);
  std::string output;
  char buffer[4096];
  for (;;) {
    ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    output.append(buffer, static_cast<size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("unprivileged child failed (" +
                             (WIFSIGNALED(status)
                                  ? "signal " + std::to_string(WTERMSIG(status))
                                  : "exit code " + std::to_string(WEXITSTATUS(status))) +
                             "): " + output);
  return output;
}

bool unprivileged_can_read(const std::filesystem::path& path) {
  if (geteuid() == 0) return false;
  // Opening is the test: access(2) checks the real ids without capabilities.
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return false;
  ::close(fd);
  return true;
}

void RecordingSink::accept(Article article, const SourceLocation& where) {
  events.push_back({"accept", where.describe(), article.id});
  articles.push_back(std::move(article));
}

void RecordingSink::warn(const SourceLocation& where, const std::string& message) {
  events.push_back({"warn", where.describe(), message});
}

void RecordingSink::skip(const SourceLocation& where, const std::string& reason) {
  events.push_back({"skip", where.describe(), reason});
}

void RecordingSink::pass_over(const SourceLocation& where, const std::string& what,
                              std::uint64_t count) {
  events.push_back({"pass", where.describe(), what + " x" + std::to_string(count)});
}

namespace {

la_ssize_t append_to_string(archive*, void* out, const void* buffer, size_t size) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(buffer), size);
  return static_cast<la_ssize_t>(size);
}

struct ArchiveWriter {
  archive* handle = archive_write_new();
  ~ArchiveWriter() { archive_write_free(handle); }
};

void add_write_filter(archive* handle, const std::string& filter) {
  if (filter == "gzip") archive_write_add_filter_gzip(handle);
  if (filter == "bzip2") archive_write_add_filter_bzip2(handle);
  if (filter == "xz") archive_write_add_filter_xz(handle);
  if (filter == "zstd") archive_write_add_filter_zstd(handle);
}

// Writes `members` through `handle`, already set to a format and filter, into a string.
std::string write_members(archive* handle,
                          const std::vector<std::pair<std::string, std::string>>& members) {
  std::string out;
  archive_write_set_bytes_in_last_block(handle, 1);
  if (archive_write_open(handle, &out, nullptr, append_to_string, nullptr) != ARCHIVE_OK)
    throw std::runtime_error(archive_error_string(handle));
  for (const auto& [path, content] : members) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, path.c_str());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, static_cast<la_int64_t>(content.size()));
    archive_entry_set_mtime(entry, 1578304800, 0);  // 2020-01-06 10:00 UTC
    archive_write_header(handle, entry);
    archive_write_data(handle, content.data(), content.size());
    archive_entry_free(entry);
  }
  archive_write_close(handle);
  return out;
}

}  // namespace

std::string make_bundle(const std::string& format, const std::string& filter,
                        const std::vector<std::pair<std::string, std::string>>& members) {
  ArchiveWriter writer;
  if (format == "zip")
    archive_write_set_format_zip(writer.handle);
  else
    archive_write_set_format_pax_restricted(writer.handle);
  add_write_filter(writer.handle, filter);
  return write_members(writer.handle, members);
}

std::string compress_bytes(const std::string& filter, const std::string& content) {
  ArchiveWriter writer;
  archive_write_set_format_raw(writer.handle);
  add_write_filter(writer.handle, filter);
  return write_members(writer.handle, {{"data", content}});
}

}  // namespace newsarchive::testing
