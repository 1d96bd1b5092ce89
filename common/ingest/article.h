// The article model shared by every reader, the indexer and the document codec.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "text/date.h"

namespace newsarchive {

struct Article {
  std::string id;            // unique within the archive: the article's own id, else its path id
  std::optional<Date> date;  // nullopt: undated (kept, but excluded by date filters)
  std::string title;         // headline; never empty once a reader hands the article on
  // The headline is the body's first sentence (the article carried none), so its words are
  // body words already: indexing weights only a headline the article itself carries.
  bool title_from_body = false;
  std::string body;    // paragraphs separated by "\n\n"
  std::string source;  // publisher or feed name; may be empty
  std::string url;
  std::string author;
  std::string place;  // where a dateline says the story was filed ("London"); may be empty
  // How the reader got it, for `newsindex parse`: the format ("text", "jsonl", "html", "rss",
  // "rdf", "atom"), a plain-text layout ("dateline", "headline", "headers", "body"; else empty),
  // and where the date came from ("dateline", "header", "json", "json-ld", "meta", "time",
  // "url", "pubDate", "path", "warc-date", "mtime"; empty when undated).
  std::string format;
  std::string layout;
  std::string date_from;
  // Named entities, filled by extract_entities() before indexing: distinct canonical names in
  // first-mention order.
  std::vector<std::string> persons;
  std::vector<std::string> places;
  std::vector<std::string> organizations;
};

// Where an article came from, for warnings: "corpus/a.txt", "feed.jsonl:42", "news.rss item 3",
// "crawl.warc.gz record 17", "corpus.tar.gz:corpus/a.txt".
struct SourceLocation {
  SourceLocation() = default;
  SourceLocation(std::string path_, long line_ = 0, std::string unit_ = {})
      : path(std::move(path_)), line(line_), unit(std::move(unit_)) {}

  std::string path;
  long line = 0;     // 1-based line (or item, record) number; 0 when the file is one article
  std::string unit;  // what `line` counts when not lines: "item", "record"

  std::string describe() const {
    if (line <= 0) return path;
    return unit.empty() ? path + ":" + std::to_string(line)
                        : path + " " + unit + " " + std::to_string(line);
  }
};

// Receives what readers produce. A reader calls exactly one of accept() or skip() per article,
// after any number of warn() calls about it.
class ArticleSink {
 public:
  virtual ~ArticleSink() = default;
  // A parsed article, ready to index.
  virtual void accept(Article article, const SourceLocation& where) = 0;
  // Something was repaired or defaulted (undated, transcoded); the article is still indexed.
  virtual void warn(const SourceLocation& where, const std::string& message) = 0;
  // The article cannot be indexed; `reason` says why.
  virtual void skip(const SourceLocation& where, const std::string& reason) = 0;
  // `count` parts of an input that hold no article by design were passed over (WARC request and
  // metadata records, an XML file that is not a feed); `what` names them. Not a warning.
  virtual void pass_over(const SourceLocation& where, const std::string& what,
                         std::uint64_t count) {
    (void)where, (void)what, (void)count;
  }
};

}  // namespace newsarchive
