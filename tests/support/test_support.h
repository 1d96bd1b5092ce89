// Helpers shared by the tests: temporary directories and a recording ArticleSink.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "ingest/article.h"
#include "query/facets.h"

namespace newsarchive::testing {

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Writes `content` to `path` (creating parent directories) byte for byte.
void write_file(const std::filesystem::path& path, const std::string& content);

// An ArticleSink that records everything it is told, in order.
class RecordingSink : public ArticleSink {
 public:
  struct Event {
    std::string kind;      // "accept", "warn" or "skip"
    std::string location;  // SourceLocation::describe()
    std::string message;   // warning or skip reason; the article id for "accept"
  };

  void accept(Article article, const SourceLocation& where) override;
  void warn(const SourceLocation& where, const std::string& message) override;
  void skip(const SourceLocation& where, const std::string& reason) override;

  std::vector<Article> articles;
  std::vector<Event> events;
};

}  // namespace newsarchive::testing

namespace newsarchive {
// Readable GoogleTest output for facet rows: {"Mark Esper", 4}.
inline void PrintTo(const FacetValue& row, std::ostream* out) {
  *out << "{\"" << row.value << "\", " << row.count << "}";
}
}  // namespace newsarchive
