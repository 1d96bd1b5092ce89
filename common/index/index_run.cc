// The indexing run: an analysis thread reads, hashes, tags and builds documents; the calling
// thread writes them with replace_document, commits and reports. Into an empty database the
// calling thread instead routes documents to staging shard writers, one thread each, and the
// shards are merged into place at the end (staging_area.h).
#include "index/index_run.h"

#include <xapian.h>
#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <thread>
#include <unordered_set>

#include "entities/article_entities.h"
#include "index/bounded_queue.h"
#include "index/interrupt.h"
#include "index/shard_writer.h"
#include "index/staging_area.h"
#include "ingest/archive_walker.h"
#include "ingest/jsonl_reader.h"
#include "ingest/text_article.h"
#include "store/analyzer.h"
#include "store/database_errors.h"
#include "store/database_lock.h"
#include "store/disk_space.h"
#include "store/document_builder.h"
#include "store/document_codec.h"
#include "store/metadata.h"
#include "store/schema.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

// Thrown out of the readers when a signal asks the run to stop; not a std::exception, so no
// reader's error handling can swallow it.
struct StopRequested {};

// The content identity of an article as read: any change to what was read changes it. Fields
// are hashed directly (each with its length, so no two articles share a byte stream), which
// keeps the no-change rerun cheap.
std::string content_hash(const Article& article) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  auto add = [&](std::string_view field) {
    std::uint64_t size = field.size();
    XXH3_128bits_update(state, &size, sizeof size);
    XXH3_128bits_update(state, field.data(), field.size());
  };
  add(std::to_string(schema::kSchemaVersion));
  add(article.id);
  add(article.date ? article.date->slot_key() : std::string());
  add(article.title);
  add(article.body);
  add(article.source);
  add(article.url);
  add(article.author);
  XXH128_hash_t hash = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  char hex[40];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                static_cast<unsigned long long>(hash.low64));
  return hex;
}

// The document of an analysed article (entities extracted): text terms, filters, the date and
// sort-key values and the content hash.
Xapian::Document article_document(const Article& article, const std::string& hash,
                                  Xapian::TermGenerator& generator) {
  Xapian::Document document = build_document(article, generator);
  if (article.date)
    document.add_value(schema::kSortKeySlot,
                       article.date->slot_key() + hash.substr(0, schema::kSortKeyHashDigits));
  document.add_value(schema::kContentHashSlot, hash);
  return document;
}

// What an article weighs in the queues: its text, plus a little for the rest of it.
size_t article_bytes(const Article& article) {
  return 1024 + article.title.size() + article.body.size();
}

// What the analysis thread hands the writer, in input order.
struct WorkItem {
  enum class Kind { kDocument, kUnchanged, kWarning, kSkip, kUnreadable, kUnreadableNote };
  Kind kind = Kind::kDocument;
  std::string id_term;
  std::string id;
  Xapian::Document document;       // kDocument, unless built by a shard writer:
  std::optional<Article> article;  // then the article and its hash instead
  std::string content_hash;
  size_t bytes = 0;  // the article's text, for the queues' memory bounds
  // kUnchanged: a run of consecutive unchanged articles, `id` the last of them.
  size_t unchanged = 0;
  std::vector<std::string> unchanged_id_terms;  // kept only for --prune
  bool undated = false;
  size_t persons = 0;
  std::string message;  // kWarning, kSkip, kUnreadable: "location: reason"
};

// Runs on the analysis thread: parses, hashes, recognises unchanged articles against a
// read-only snapshot of the database, extracts entities and builds documents, so the writer
// thread only writes. Articles reach the writer in input order. In a bulk load the staging
// shards' threads build the documents instead (`build_in_shards`): writing alone keeps a
// shard's thread idle half the time while this one is the busiest.
class AnalysisSink : public ArticleSink {
 public:
  // `databases` are what the run writes into: the database, or its staging shards.
  AnalysisSink(const std::vector<std::string>& databases, const Analyzer& analyzer,
               const IndexOptions& options, BoundedQueue<WorkItem>& queue,
               const std::atomic<bool>& stop, bool build_in_shards)
      : snapshot_(open_all(databases)),
        generator_(analyzer.make_term_generator()),
        tagger_(EntityTagger::english()),
        options_(options),
        queue_(queue),
        stop_(stop),
        build_in_shards_(build_in_shards) {}

  void accept(Article article, const SourceLocation& where) override {
    if (bytes_done_) bytes_done_->store(bytes_before_file_ + *bytes_in_file_);
    WorkItem item;
    item.id_term = id_term(article.id);
    item.id = article.id;
    std::string hash = content_hash(article);
    if (!options_.force && stored_hash(item.id_term) == hash) return add_unchanged(item);
    extract_entities(article, tagger_);
    if (article.persons.size() > schema::kMaxPersonSlots)
      warn(where, std::to_string(article.persons.size()) +
                      " persons named; person facets count the first " +
                      std::to_string(schema::kMaxPersonSlots));
    item.undated = !article.date;
    item.persons = article.persons.size();
    item.bytes = article_bytes(article);
    if (build_in_shards_) {
      item.article = std::move(article);
      item.content_hash = std::move(hash);
    } else {
      item.document = article_document(article, hash, generator_);
    }
    send(std::move(item));
  }

  void warn(const SourceLocation& where, const std::string& message) override {
    send_message(WorkItem::Kind::kWarning, where.describe() + ": " + message);
  }

  void skip(const SourceLocation& where, const std::string& reason) override {
    send_message(WorkItem::Kind::kSkip, where.describe() + ": skipped: " + reason);
  }

  void unreadable(const SourceLocation& where, const std::string& reason) {
    send_message(WorkItem::Kind::kUnreadable, where.describe() + ": skipped: " + reason);
  }

  // While a JSON Lines file is read: publish `before` + *in_file to `done` with each article.
  // Null pointers stop publishing.
  void track_progress(std::atomic<std::uint64_t>* done, std::uint64_t before,
                      const std::uint64_t* in_file) {
    bytes_done_ = done;
    bytes_before_file_ = before;
    bytes_in_file_ = in_file;
  }

  // Counts an input as unreadable whose skip was already reported.
  void note_unreadable() {
    WorkItem item;
    item.kind = WorkItem::Kind::kUnreadableNote;
    send(std::move(item));
  }

  void check_stop() const {
    if (stop_.load()) throw StopRequested{};
  }

  // Sends the run of unchanged articles not sent yet. Call at the end of the input.
  void flush_unchanged() {
    if (unchanged_.unchanged == 0) return;
    WorkItem run = std::move(unchanged_);
    unchanged_ = WorkItem{};
    if (!queue_.push(std::move(run))) throw StopRequested{};
  }

 private:
  static Xapian::Database open_all(const std::vector<std::string>& paths) {
    Xapian::Database all;
    for (const std::string& path : paths) all.add_database(Xapian::Database(path));
    return all;
  }

  // The content hash stored for `term` in the snapshot, "" when absent. The snapshot is the
  // database as committed when the run started, or later: an article written earlier in this
  // run is not seen, so a repeated id is rewritten rather than skipped, which is still correct.
  std::string stored_hash(const std::string& term) {
    for (int attempt = 0; attempt < 3; ++attempt) {
      try {
        Xapian::PostingIterator posting = snapshot_.postlist_begin(term);
        if (posting == snapshot_.postlist_end(term)) return "";
        return snapshot_.get_document(*posting).get_value(schema::kContentHashSlot);
      } catch (const Xapian::DatabaseError&) {
        // The writer committed twice meanwhile (DatabaseModifiedError, or a reused block
        // read as corruption). Reopening can meet the same fate; then the
        // next attempt fails again and comes back here.
        try {
          snapshot_.reopen();
        } catch (const Xapian::DatabaseError&) {
        }
      }
    }
    return "";
  }

  // Consecutive unchanged articles travel as one item: over an unchanged archive, one hand-off
  // (and one wake-up of the writer) per article was a quarter of the run's time.
  static constexpr size_t kUnchangedRun = 256;

  void add_unchanged(WorkItem& item) {
    check_stop();
    unchanged_.kind = WorkItem::Kind::kUnchanged;
    ++unchanged_.unchanged;
    if (options_.prune) unchanged_.unchanged_id_terms.push_back(std::move(item.id_term));
    unchanged_.id = std::move(item.id);
    if (unchanged_.unchanged >= kUnchangedRun) flush_unchanged();
  }

  void send_message(WorkItem::Kind kind, std::string message) {
    WorkItem item;
    item.kind = kind;
    item.message = std::move(message);
    send(std::move(item));
  }

  // Items reach the writer in input order: a pending run of unchanged articles goes first.
  void send(WorkItem item) {
    check_stop();
    flush_unchanged();
    const size_t bytes = item.bytes;
    if (!queue_.push(std::move(item), bytes)) throw StopRequested{};
  }

  Xapian::Database snapshot_;
  Xapian::TermGenerator generator_;
  const EntityTagger& tagger_;
  const IndexOptions& options_;
  BoundedQueue<WorkItem>& queue_;
  const std::atomic<bool>& stop_;
  const bool build_in_shards_;
  std::atomic<std::uint64_t>* bytes_done_ = nullptr;
  std::uint64_t bytes_before_file_ = 0;
  const std::uint64_t* bytes_in_file_ = nullptr;
  WorkItem unchanged_;  // the run of unchanged articles not sent yet
};

// Runs on the calling thread: writes documents (or hands them to staging shard writers),
// counts every outcome, commits, reports progress.
class Writer {
 public:
  // With `shards` non-empty, documents go to the shards and the database is left alone.
  Writer(Xapian::WritableDatabase& database, const IndexOptions& options, spdlog::logger& log,
         std::vector<std::unique_ptr<ShardWriter>>& shards)
      : database_(database),
        shards_(shards),
        options_(options),
        log_(log),
        // A rebuild has not opened the (possibly damaged) database it replaces.
        person_slots_(options.rebuild ? 0 : person_slot_count(database)),
        last_commit_(std::chrono::steady_clock::now()) {}

  void handle(WorkItem& item) {
    switch (item.kind) {
      case WorkItem::Kind::kWarning:
        ++report_.warnings;
        log_.warn("{}", item.message);
        return;
      case WorkItem::Kind::kUnreadableNote:
        ++report_.unreadable_inputs;
        return;
      case WorkItem::Kind::kUnreadable:
        ++report_.unreadable_inputs;
        [[fallthrough]];
      case WorkItem::Kind::kSkip:
        ++report_.skipped;
        log_.warn("{}", item.message);
        return report_progress(false);
      case WorkItem::Kind::kUnchanged:
        for (std::string& term : item.unchanged_id_terms) seen_ids_.insert(std::move(term));
        report_.unchanged += item.unchanged;
        last_id_ = item.id;
        return after_article();
      case WorkItem::Kind::kDocument:
        break;
    }
    if (options_.prune) seen_ids_.insert(item.id_term);
    size_t slots = std::min<size_t>(item.persons, schema::kMaxPersonSlots);
    person_slots_ = std::max(person_slots_, slots);
    if (item.undated) ++report_.undated;
    last_id_ = item.id;
    if (!shards_.empty()) return stage(item, slots);
    bool existed = database_.term_exists(item.id_term);
    database_.replace_document(item.id_term, item.document);
    ++(existed ? report_.changed : report_.added);
    ++uncommitted_;
    uncommitted_bytes_ += item.bytes;
    after_article();
  }

  // After the shard writers finished: their counts join the report.
  void add_shard_counts() {
    for (const auto& shard : shards_) {
      report_.added += shard->added();
      report_.changed += shard->changed();
      person_slots_ = std::max(person_slots_, shard->person_slots());
    }
    staged_ = 0;
  }

  // Explicit commits: the destructor's implicit commit would swallow errors such as disk full.
  // The checkpoint and the articles it describes become visible in the same atomic commit.
  void commit() {
    require_free_space(options_.database, kCommitHeadroomBytes, options_.database.string());
    // The searcher needs to know how many person slots to count; it only ever grows.
    database_.set_metadata(std::string(schema::kPersonSlotsKey), std::to_string(person_slots_));
    nlohmann::json checkpoint = {{"processed", report_.processed()}, {"last_id", last_id_}};
    database_.set_metadata(std::string(schema::kCheckpointKey), checkpoint.dump());
    database_.commit();
    uncommitted_ = 0;
    uncommitted_bytes_ = 0;
    last_commit_ = std::chrono::steady_clock::now();
  }

  // Deletes every article whose id this run did not produce, from the database or, in a bulk
  // load, from the shards (after their writers finished).
  void prune() {
    if (shards_.empty()) return prune(database_);
    for (const auto& shard : shards_) prune(shard->database());
  }

  void report_progress(bool finished) {
    if (!options_.on_progress) return;
    IndexProgress progress;
    progress.processed = report_.processed() + staged_;
    progress.skipped = report_.skipped;
    progress.bytes_total = bytes_total;
    progress.bytes_done = std::min<std::uint64_t>(bytes_done.load(), bytes_total);
    progress.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    progress.finished = finished;
    options_.on_progress(progress);
  }

  IndexReport& report() { return report_; }

  std::atomic<std::uint64_t> bytes_done{0};  // advanced by the analysis thread
  std::uint64_t bytes_total = 0;

 private:
  // Hands a document to the shard its id belongs to; an id always maps to the same shard.
  void stage(WorkItem& item, size_t slots) {
    ShardWriter& shard =
        *shards_[XXH3_64bits(item.id_term.data(), item.id_term.size()) % shards_.size()];
    StagedDocument staged{std::move(item.id_term),
                          std::move(item.id),
                          std::move(item.document),
                          std::move(item.article),
                          std::move(item.content_hash),
                          slots,
                          item.bytes};
    if (!shard.submit(std::move(staged))) shard.finish();  // rethrows the writer's failure
    ++staged_;
    after_article();
  }

  void prune(Xapian::WritableDatabase& database) {
    std::string prefix(schema::kIdPrefix);
    std::vector<std::string> gone;
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it)
      if (!seen_ids_.contains(*it)) gone.push_back(*it);
    for (const std::string& term : gone) {
      database.delete_document(term);
      ++report_.deleted;
      ++uncommitted_;
    }
  }

  void after_article() {
    bool due =
        uncommitted_ >= options_.commit_every || uncommitted_bytes_ >= kMaxUncommittedTextBytes ||
        (uncommitted_ > 0 &&
         std::chrono::duration<double>(std::chrono::steady_clock::now() - last_commit_).count() >=
             options_.commit_seconds);
    if (due && shards_.empty()) commit();
    report_progress(false);
    if (interrupt_signal() != 0) throw StopRequested{};
  }

  Xapian::WritableDatabase& database_;
  std::vector<std::unique_ptr<ShardWriter>>& shards_;
  const IndexOptions& options_;
  spdlog::logger& log_;
  size_t person_slots_;
  size_t uncommitted_ = 0;
  size_t uncommitted_bytes_ = 0;  // article text written since the last commit
  size_t staged_ = 0;             // documents handed to shard writers, not yet in added/changed
  std::chrono::steady_clock::time_point last_commit_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::string last_id_;
  std::unordered_set<std::string> seen_ids_;
  IndexReport report_;
};

// Chooses the analyzer language: an existing database keeps the language it was built with.
std::string resolve_language(Xapian::WritableDatabase& database, const std::string& requested) {
  std::string stored = database.get_metadata(std::string(schema::kLanguageKey));
  if (stored.empty()) return requested.empty() ? kDefaultLanguage : requested;
  if (!requested.empty() && requested != stored)
    throw UserError("database was built with language " + quote_value(stored) + ", not " +
                    quote_value(requested) + "; use a new --db to change language");
  return stored;
}

// Items in flight between analysis and writing: enough to keep both threads busy, few enough
// to bound memory whatever the archive size.
constexpr size_t kQueueCapacity = 256;
constexpr size_t kQueueBytes = 32 << 20;  // 256 long articles would be 2 GiB

// Walks the inputs and feeds every article to `sink` (on the analysis thread), keeping
// `bytes_done` at the input offset reached.
void analyse_inputs(const IndexOptions& options, AnalysisSink& sink,
                    std::atomic<std::uint64_t>& bytes_done) {
  std::uint64_t bytes_before = 0;
  std::uint64_t bytes_in_file = 0;
  walk_archive(
      options.inputs,
      [&](const InputFile& file) {
        sink.check_stop();
        std::error_code size_error;
        std::uint64_t size = std::filesystem::file_size(file.path, size_error);
        if (size_error) size = 0;
        if (file.format == InputFormat::kJsonLines) {
          bytes_in_file = 0;
          // The reader keeps bytes_in_file at its offset; the sink publishes it per article.
          sink.track_progress(&bytes_done, bytes_before, &bytes_in_file);
          bool opened =
              read_jsonl_file(file.path.string(), file.display_path, sink, &bytes_in_file);
          sink.track_progress(nullptr, 0, nullptr);
          if (!opened) sink.note_unreadable();  // the reader already reported the skip
        } else if (!read_text_article(file.path, file.relative_id,
                                      SourceLocation{file.display_path, 0}, sink)) {
          sink.note_unreadable();  // the reader already reported the skip
        }
        bytes_before += size;
        bytes_done.store(bytes_before);
      },
      [&](const std::string& path, const std::string& reason) {
        sink.unreadable(SourceLocation{path, 0}, "cannot read directory: " + reason);
      });
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
                                 {"seconds", std::round(report.seconds * 1000) / 1000}};
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

namespace {

Xapian::WritableDatabase open_writable(const std::filesystem::path& path) {
  try {
    return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw DatabaseBusyError("database " + quote_value(path.string()) +
                            " is being indexed by another process; try again later");
  }
}

// The language of a rebuild: the one asked for, else the old database's if it can still be
// read, else the default.
std::string rebuild_language(const IndexOptions& options) {
  if (!options.language.empty()) return options.language;
  try {
    std::string stored =
        Xapian::Database(options.database.string()).get_metadata(std::string(schema::kLanguageKey));
    if (!stored.empty()) return stored;
  } catch (const Xapian::Error&) {
  }
  return kDefaultLanguage;
}

// Whether this run bulk-loads through staging shards, and how many: only into an empty
// database (merging into a full one would rewrite it all), resuming an earlier load's shards.
size_t staging_shards(const Xapian::WritableDatabase& database, const IndexOptions& options,
                      StagingArea& staging, size_t left_by_earlier_run, spdlog::logger& log) {
  if (database.get_doccount() == 0) {
    if (left_by_earlier_run > 0) {
      log.info("resuming the bulk load in {} ({} shards)", staging.directory().string(),
               left_by_earlier_run);
      return left_by_earlier_run;
    }
    return options.writers > 1 ? options.writers : 0;
  }
  if (left_by_earlier_run > 0) {
    log.warn("{}: discarding an unfinished bulk load; the database already holds articles",
             staging.directory().string());
    staging.remove();
  }
  return 0;
}

// Runs the index; run_index() turns what escapes into errors a user can act on.
IndexReport run_checked_index(const IndexOptions& options, spdlog::logger& log) {
  for (const auto& input : options.inputs) {
    std::error_code error;
    if (!std::filesystem::exists(input, error))
      throw UserError("no such file or directory: " + quote_value(input.string()));
  }
  auto started = std::chrono::steady_clock::now();
  check_database_path(options.database, options.rebuild);
  {
    std::error_code error;
    std::filesystem::create_directories(options.database, error);
    if (error)
      throw UserError("cannot create the database directory " +
                      quote_value(options.database.string()) + ": " + error.message());
  }
  DatabaseLock lock(options.database, options.database.string());
  std::optional<DatabaseLock> merged_lock;  // taken over from the merged load, see below
  StagingArea staging(options.database);
  size_t left_by_earlier_run = staging.recover(log, options.rebuild);
  // A rebuild never opens the database it replaces: it loads everything into staging shards
  // and exchanges the result with it, so a damaged database is readable until that moment.
  Xapian::WritableDatabase database;
  std::optional<Analyzer> analyzer_holder;
  size_t shard_count = 0;
  if (options.rebuild) {
    if (left_by_earlier_run > 0) {
      // A rebuild starts from nothing: shards left by an earlier run may be what is damaged.
      staging.remove();
      left_by_earlier_run = 0;
    }
    analyzer_holder.emplace(rebuild_language(options));
    shard_count =
        left_by_earlier_run > 0 ? left_by_earlier_run : std::max<size_t>(1, options.writers);
    log.info("rebuilding {} from the archive", options.database.string());
  } else {
    database = open_writable(options.database);
    analyzer_holder.emplace(resolve_language(database, options.language));
    database.set_metadata(std::string(schema::kLanguageKey), analyzer_holder->language());
    database.set_metadata(std::string(schema::kSchemaVersionKey),
                          std::to_string(schema::kSchemaVersion));
    // The snapshot the analysis thread reads needs a committed revision to open.
    database.commit();
    shard_count = staging_shards(database, options, staging, left_by_earlier_run, log);
  }
  const Analyzer& analyzer = *analyzer_holder;
  std::vector<std::unique_ptr<ShardWriter>> shards;
  std::vector<std::string> written_databases;
  if (shard_count == 0) written_databases.push_back(options.database.string());
  for (size_t k = 0; k < shard_count; ++k) {
    std::filesystem::create_directories(staging.directory());
    // Its own generator and stemmer: the builder runs on the shard's thread.
    DocumentBuilder builder = [generator = Analyzer(analyzer.language()).make_term_generator()](
                                  const Article& article, const std::string& hash) mutable {
      return article_document(article, hash, generator);
    };
    shards.push_back(std::make_unique<ShardWriter>(staging.shard_path(k), options.commit_every,
                                                   options.commit_seconds, std::move(builder)));
    written_databases.push_back(staging.shard_path(k).string());
  }
  for (auto& shard : shards) shard->start();

  Writer writer(database, options, log, shards);
  // A first, cheap walk sizes the input, so progress can show a fraction and an ETA.
  if (options.on_progress)
    walk_archive(
        options.inputs,
        [&](const InputFile& file) {
          std::error_code error;
          auto size = std::filesystem::file_size(file.path, error);
          if (!error) writer.bytes_total += size;
        },
        [](const std::string&, const std::string&) {});

  BoundedQueue<WorkItem> queue(kQueueCapacity, kQueueBytes);
  std::atomic<bool> stop{false};
  std::exception_ptr analysis_failure;
  std::thread analysis([&] {
    try {
      AnalysisSink sink(written_databases, analyzer, options, queue, stop, !shards.empty());
      analyse_inputs(options, sink, writer.bytes_done);
      sink.flush_unchanged();
    } catch (const StopRequested&) {
    } catch (...) {
      analysis_failure = std::current_exception();
    }
    queue.close();
  });
  // Stops and joins the analysis thread on every way out of the writer loop.
  auto join_analysis = [&] {
    stop.store(true);
    queue.close();
    if (analysis.joinable()) analysis.join();
  };
  // Lets the shard writers write and commit what they were given.
  auto finish_shards = [&] {
    for (auto& shard : shards) shard->finish();
    writer.add_shard_counts();
  };

  try {
    while (std::optional<WorkItem> item = queue.pop()) {
      if (interrupt_signal() != 0) throw StopRequested{};
      writer.handle(*item);
    }
    join_analysis();
    if (analysis_failure) std::rethrow_exception(analysis_failure);
    finish_shards();
    if (interrupt_signal() != 0) throw StopRequested{};
    if (options.prune) {
      // Pruning after a partial read would delete articles that are still in the archive.
      if (writer.report().unreadable_inputs > 0)
        log.warn("not pruning: {} input(s) could not be read", writer.report().unreadable_inputs);
      else
        writer.prune();
    }
  } catch (const StopRequested&) {
    join_analysis();
    finish_shards();
    writer.report().interrupted_by = interrupt_signal();
  } catch (...) {
    join_analysis();
    throw;
  }
  // An interrupted load is merged too, so what was indexed can be searched; the next run
  // continues it by writing directly. (After kill -9 the next run resumes the shards instead.)
  if (!shards.empty()) {
    for (auto& shard : shards) shard->commit();  // after pruning
    shards.clear();
    log.info("bulk load: merging the staging shards into the database");
    try {
      staging.merge(shard_count);
    } catch (const Xapian::Error& error) {
      if (is_disk_full(error)) throw;
      // Shards written without fsync can be damaged by a power cut in ways opening does not
      // reveal; resuming them would fail the same way every time.
      staging.remove();
      throw DatabaseDamagedError(
          std::string("the staging shards of the bulk load could not be merged (") +
          error.get_type() + ": " + error.get_msg() +
          "); they were discarded: run the same command again to load the archive afresh");
    }
    if (!options.rebuild) database.close();
    // The merged directory's lock file becomes the database's when the two are exchanged.
    merged_lock.emplace(staging.merged_path(), options.database.string());
    staging.exchange_into_place();
    database = open_writable(options.database);
    database.set_metadata(std::string(schema::kLanguageKey), analyzer.language());
    database.set_metadata(std::string(schema::kSchemaVersionKey),
                          std::to_string(schema::kSchemaVersion));
  }
  IndexReport report = writer.report();
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  database.set_metadata(std::string(schema::kLastRunKey), report_json(report));
  writer.commit();
  writer.bytes_done.store(writer.bytes_total);
  writer.report_progress(true);
  return report;
}

}  // namespace

IndexReport run_index(const IndexOptions& options, spdlog::logger& log) {
  try {
    return run_checked_index(options, log);
  } catch (const Xapian::Error&) {
    rethrow_database_error(options.database);
  } catch (const std::system_error& error) {
    if (error.code() == std::errc::no_space_on_device || error.code().value() == EDQUOT)
      throw DiskFullError("disk full while writing database " +
                          quote_value(options.database.string()) + " (" + error.what() +
                          "); it is kept at its last commit: free some space and run the same "
                          "command again");
    throw;
  }
}

}  // namespace newsarchive
