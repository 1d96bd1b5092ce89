// The indexing run: reader callbacks feed a sink that writes each article with replace_document.
#include "index_run.h"

#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>

#include "analyzer.h"
#include "archive_walker.h"
#include "article_entities.h"
#include "document_builder.h"
#include "errors.h"
#include "facets.h"
#include "jsonl_reader.h"
#include "schema.h"
#include "text_article.h"

namespace newsarchive {
namespace {

// Writes accepted articles and counts every outcome.
class IndexingSink : public ArticleSink {
 public:
  IndexingSink(Xapian::WritableDatabase& database, const Analyzer& analyzer, size_t commit_every,
               spdlog::logger& log)
      : database_(database),
        generator_(analyzer.make_term_generator()),
        tagger_(EntityTagger::english()),
        commit_every_(commit_every),
        log_(log),
        person_slots_(person_slot_count(database)) {}

  void accept(Article article, const SourceLocation& where) override {
    extract_entities(article, tagger_);
    if (article.persons.size() > schema::kMaxPersonSlots)
      warn(where, std::to_string(article.persons.size()) +
                      " persons named; person facets count the first " +
                      std::to_string(schema::kMaxPersonSlots));
    person_slots_ = std::max<size_t>(
        person_slots_, std::min<size_t>(article.persons.size(), schema::kMaxPersonSlots));
    std::string term = id_term(article.id);
    bool existed = database_.term_exists(term);
    database_.replace_document(term, build_document(article, generator_));
    ++(existed ? report_.replaced : report_.added);
    if (!article.date) ++report_.undated;
    if (++uncommitted_ >= commit_every_) commit();
  }

  void warn(const SourceLocation& where, const std::string& message) override {
    ++report_.warnings;
    log_.warn("{}: {}", where.describe(), message);
  }

  void skip(const SourceLocation& where, const std::string& reason) override {
    ++report_.skipped;
    log_.warn("{}: skipped: {}", where.describe(), reason);
  }

  // Explicit commits: the destructor's implicit commit would swallow errors such as disk full.
  void commit() {
    // The searcher needs to know how many person slots to count; it only ever grows.
    database_.set_metadata(std::string(schema::kPersonSlotsKey), std::to_string(person_slots_));
    database_.commit();
    uncommitted_ = 0;
  }

  IndexReport& report() { return report_; }

 private:
  Xapian::WritableDatabase& database_;
  Xapian::TermGenerator generator_;
  const EntityTagger& tagger_;
  size_t commit_every_;
  size_t uncommitted_ = 0;
  spdlog::logger& log_;
  size_t person_slots_;
  IndexReport report_;
};

// Reads a whole text file, or reports why it could not be read.
bool read_whole_file(const std::filesystem::path& path, std::string& content, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = "read error";
    return false;
  }
  content = std::move(buffer).str();
  return true;
}

// Chooses the analyzer language: an existing database keeps the language it was built with.
std::string resolve_language(Xapian::WritableDatabase& database, const std::string& requested) {
  std::string stored = database.get_metadata(std::string(schema::kLanguageKey));
  if (stored.empty()) return requested.empty() ? kDefaultLanguage : requested;
  if (!requested.empty() && requested != stored)
    throw UserError("database was built with language " + quote_value(stored) + ", not " +
                    quote_value(requested) + "; use a new --db to change language");
  return stored;
}

}  // namespace

IndexReport run_index(const IndexOptions& options, spdlog::logger& log) {
  for (const auto& input : options.inputs) {
    std::error_code error;
    if (!std::filesystem::exists(input, error))
      throw UserError("no such file or directory: " + quote_value(input.string()));
  }
  auto started = std::chrono::steady_clock::now();
  // Xapian creates the database directory itself but not its parents.
  if (options.database.has_parent_path()) {
    std::error_code error;
    std::filesystem::create_directories(options.database.parent_path(), error);
    if (error)
      throw UserError("cannot create the directory for database " +
                      quote_value(options.database.string()) + ": " + error.message());
  }
  Xapian::WritableDatabase database(options.database.string(), Xapian::DB_CREATE_OR_OPEN);
  Analyzer analyzer(resolve_language(database, options.language));
  database.set_metadata(std::string(schema::kLanguageKey), analyzer.language());
  database.set_metadata(std::string(schema::kSchemaVersionKey),
                        std::to_string(schema::kSchemaVersion));

  IndexingSink sink(database, analyzer, options.commit_every, log);
  walk_archive(
      options.inputs,
      [&](const InputFile& file) {
        if (file.format == InputFormat::kJsonLines) {
          read_jsonl_file(file.path.string(), file.display_path, sink);
          return;
        }
        std::string content;
        std::string error;
        SourceLocation where{file.display_path, 0};
        if (!read_whole_file(file.path, content, error)) return sink.skip(where, error);
        parse_text_article(content, file.relative_id, where, sink);
      },
      [&](const std::string& path, const std::string& reason) {
        sink.skip(SourceLocation{path, 0}, "cannot read directory: " + reason);
      });
  sink.commit();
  IndexReport report = sink.report();
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace newsarchive
