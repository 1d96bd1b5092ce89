// Test helpers: temp directories, file writing, the recording sink.
#include "test_support.h"

#include <unistd.h>

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

}  // namespace newsarchive::testing
