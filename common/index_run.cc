// The indexing run: reader callbacks feed a sink that writes each article with replace_document.
#include "index_run.h"

#include <xapian.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_set>

#include "analyzer.h"
#include "archive_walker.h"
#include "article_entities.h"
#include "document_builder.h"
#include "document_codec.h"
#include "errors.h"
#include "facets.h"
#include "interrupt.h"
#include "jsonl_reader.h"
#include "schema.h"
#include "text_article.h"

namespace newsarchive {
namespace {

// Thrown out of the readers when a signal asks the run to stop; not a std::exception, so no
// reader's error handling can swallow it.
struct StopRequested {};

// The content identity of an article as read: any change to what was read changes it.
std::string content_hash(const Article& article) {
  std::string encoded =
      std::to_string(schema::kSchemaVersion) + "\n" + encode_document_data(article);
  XXH128_hash_t hash = XXH3_128bits(encoded.data(), encoded.size());
  char hex[40];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                static_cast<unsigned long long>(hash.low64));
  return hex;
}

// Writes accepted articles and counts every outcome.
class IndexingSink : public ArticleSink {
 public:
  IndexingSink(Xapian::WritableDatabase& database, const Analyzer& analyzer,
               const IndexOptions& options, spdlog::logger& log)
      : database_(database),
        generator_(analyzer.make_term_generator()),
        tagger_(EntityTagger::english()),
        options_(options),
        log_(log),
        person_slots_(person_slot_count(database)),
        last_commit_(std::chrono::steady_clock::now()) {}

  void accept(Article article, const SourceLocation& where) override {
    std::string term = id_term(article.id);
    if (options_.prune) seen_ids_.insert(term);
    std::string hash = content_hash(article);
    Xapian::PostingIterator existing = database_.postlist_begin(term);
    bool existed = existing != database_.postlist_end(term);
    if (existed && !options_.force &&
        database_.get_document(*existing).get_value(schema::kContentHashSlot) == hash) {
      ++report_.unchanged;
      last_id_ = article.id;
      return after_article();
    }

    extract_entities(article, tagger_);
    if (article.persons.size() > schema::kMaxPersonSlots)
      warn(where, std::to_string(article.persons.size()) +
                      " persons named; person facets count the first " +
                      std::to_string(schema::kMaxPersonSlots));
    person_slots_ = std::max<size_t>(
        person_slots_, std::min<size_t>(article.persons.size(), schema::kMaxPersonSlots));
    Xapian::Document document = build_document(article, generator_);
    document.add_value(schema::kContentHashSlot, hash);
    database_.replace_document(term, document);
    ++(existed ? report_.changed : report_.added);
    if (!article.date) ++report_.undated;
    ++uncommitted_;
    last_id_ = article.id;
    after_article();
  }

  void warn(const SourceLocation& where, const std::string& message) override {
    ++report_.warnings;
    log_.warn("{}: {}", where.describe(), message);
  }

  void skip(const SourceLocation& where, const std::string& reason) override {
    ++report_.skipped;
    log_.warn("{}: skipped: {}", where.describe(), reason);
    report_progress(false);
  }

  // Progress bookkeeping: bytes of the input files before the current one, and within it.
  void start_file(std::uint64_t bytes_before) {
    bytes_before_file_ = bytes_before;
    bytes_in_file_ = 0;
  }
  std::uint64_t* bytes_in_file() { return &bytes_in_file_; }
  void set_bytes_total(std::uint64_t total) { bytes_total_ = total; }

  void report_progress(bool finished) {
    if (!options_.on_progress) return;
    IndexProgress progress;
    progress.processed = report_.processed();
    progress.skipped = report_.skipped;
    progress.bytes_done = std::min(bytes_before_file_ + bytes_in_file_, bytes_total_);
    progress.bytes_total = bytes_total_;
    progress.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    progress.finished = finished;
    options_.on_progress(progress);
  }

  void unreadable(const SourceLocation& where, const std::string& reason) {
    ++report_.unreadable_inputs;
    skip(where, reason);
  }

  // Explicit commits: the destructor's implicit commit would swallow errors such as disk full.
  // The checkpoint and the articles it describes become visible in the same atomic commit.
  void commit() {
    // The searcher needs to know how many person slots to count; it only ever grows.
    database_.set_metadata(std::string(schema::kPersonSlotsKey), std::to_string(person_slots_));
    nlohmann::json checkpoint = {{"processed", report_.processed()}, {"last_id", last_id_}};
    database_.set_metadata(std::string(schema::kCheckpointKey), checkpoint.dump());
    database_.commit();
    uncommitted_ = 0;
    last_commit_ = std::chrono::steady_clock::now();
  }

  // Deletes every article whose id this run did not produce.
  void prune() {
    std::string prefix(schema::kIdPrefix);
    std::vector<std::string> gone;
    for (auto it = database_.allterms_begin(prefix); it != database_.allterms_end(prefix); ++it)
      if (!seen_ids_.contains(*it)) gone.push_back(*it);
    for (const std::string& term : gone) {
      database_.delete_document(term);
      ++report_.deleted;
      ++uncommitted_;
    }
  }

  IndexReport& report() { return report_; }

 private:
  void after_article() {
    bool due =
        uncommitted_ >= options_.commit_every ||
        (uncommitted_ > 0 &&
         std::chrono::duration<double>(std::chrono::steady_clock::now() - last_commit_).count() >=
             options_.commit_seconds);
    if (due) commit();
    report_progress(false);
    if (interrupt_signal() != 0) throw StopRequested{};
  }

  Xapian::WritableDatabase& database_;
  Xapian::TermGenerator generator_;
  const EntityTagger& tagger_;
  const IndexOptions& options_;
  size_t uncommitted_ = 0;
  spdlog::logger& log_;
  size_t person_slots_;
  std::chrono::steady_clock::time_point last_commit_;
  std::string last_id_;
  std::unordered_set<std::string> seen_ids_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::uint64_t bytes_before_file_ = 0;
  std::uint64_t bytes_in_file_ = 0;
  std::uint64_t bytes_total_ = 0;
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

std::string report_json(const IndexReport& report) {
  nlohmann::ordered_json json = {{"new", report.added},
                                 {"changed", report.changed},
                                 {"unchanged", report.unchanged},
                                 {"deleted", report.deleted},
                                 {"undated", report.undated},
                                 {"skipped", report.skipped},
                                 {"warnings", report.warnings},
                                 {"interrupted", report.interrupted_by != 0},
                                 {"seconds", std::round(report.seconds * 10) / 10}};
  return json.dump();
}

std::string report_summary(const IndexReport& report) {
  double rate = report.seconds > 0 ? static_cast<double>(report.processed()) / report.seconds : 0;
  char timing[64];
  std::snprintf(timing, sizeof timing, "in %.1f s (%.0f articles/s)", report.seconds, rate);
  std::string summary = std::to_string(report.added) + " new, " + std::to_string(report.changed) +
                        " changed, " + std::to_string(report.unchanged) + " unchanged, " +
                        std::to_string(report.deleted) + " deleted, " +
                        std::to_string(report.skipped) + " skipped";
  if (report.undated > 0) summary += ", " + std::to_string(report.undated) + " undated";
  if (report.warnings > 0)
    summary +=
        ", " + std::to_string(report.warnings) + (report.warnings == 1 ? " warning" : " warnings");
  summary += std::string(", ") + timing;
  if (report.interrupted_by != 0)
    summary += "; interrupted by signal " + std::to_string(report.interrupted_by) +
               " after committing; run again to continue";
  return summary;
}

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
  Xapian::WritableDatabase database;
  try {
    database = Xapian::WritableDatabase(options.database.string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw DatabaseBusyError("database " + quote_value(options.database.string()) +
                            " is being indexed by another process; try again later");
  }
  Analyzer analyzer(resolve_language(database, options.language));
  database.set_metadata(std::string(schema::kLanguageKey), analyzer.language());
  database.set_metadata(std::string(schema::kSchemaVersionKey),
                        std::to_string(schema::kSchemaVersion));

  IndexingSink sink(database, analyzer, options, log);
  // A first, cheap walk sizes the input, so progress can show a fraction and an ETA.
  std::uint64_t bytes_total = 0;
  if (options.on_progress)
    walk_archive(
        options.inputs,
        [&](const InputFile& file) {
          std::error_code error;
          auto size = std::filesystem::file_size(file.path, error);
          if (!error) bytes_total += size;
        },
        [](const std::string&, const std::string&) {});
  sink.set_bytes_total(bytes_total);
  std::uint64_t bytes_before = 0;
  try {
    walk_archive(
        options.inputs,
        [&](const InputFile& file) {
          if (interrupt_signal() != 0) throw StopRequested{};
          std::error_code size_error;
          std::uint64_t size = std::filesystem::file_size(file.path, size_error);
          if (size_error) size = 0;
          sink.start_file(bytes_before);
          bytes_before += size;
          if (file.format == InputFormat::kJsonLines) {
            if (!read_jsonl_file(file.path.string(), file.display_path, sink, sink.bytes_in_file()))
              ++sink.report().unreadable_inputs;
            return;
          }
          *sink.bytes_in_file() = size;
          std::string content;
          std::string error;
          SourceLocation where{file.display_path, 0};
          if (!read_whole_file(file.path, content, error)) return sink.unreadable(where, error);
          parse_text_article(content, file.relative_id, where, sink);
        },
        [&](const std::string& path, const std::string& reason) {
          sink.unreadable(SourceLocation{path, 0}, "cannot read directory: " + reason);
        });
    if (options.prune) {
      // Pruning after a partial read would delete articles that are still in the archive.
      if (sink.report().unreadable_inputs > 0)
        log.warn("not pruning: {} input(s) could not be read", sink.report().unreadable_inputs);
      else
        sink.prune();
    }
  } catch (const StopRequested&) {
    sink.report().interrupted_by = interrupt_signal();
  }
  IndexReport report = sink.report();
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  database.set_metadata(std::string(schema::kLastRunKey), report_json(report));
  sink.commit();
  sink.start_file(bytes_before);
  sink.report_progress(true);
  return report;
}

}  // namespace newsarchive
