// The analysis thread of an indexing run; see analysis.h.
#include "index/analysis.h"

#include <xapian.h>
#include <xxhash.h>

#include "entities/article_entities.h"
#include "entities/flat_hash_map.h"
#include "ingest/archive_walker.h"
#include "ingest/input_reader.h"
#include "store/analyzer.h"
#include "store/document_builder.h"
#include "store/revision_retry.h"
#include "store/schema.h"
#include "text/text_cleanup.h"

namespace newsarchive {
namespace {

// The reader's sink on the analysis thread: turns what the readers find into WorkItems.
class AnalysisSink : public ArticleSink {
 public:
  AnalysisSink(const AnalysisOptions& options, BoundedQueue<WorkItem>& queue,
               const std::atomic<bool>& stop)
      : snapshot_(open_all(options.snapshot_paths)),
        generator_(Analyzer(options.language).make_term_generator()),
        tagger_(EntityTagger::english()),
        options_(options),
        queue_(queue),
        stop_(stop) {}

  void accept(Article article, const SourceLocation& where) override {
    if (bytes_done_) bytes_done_->store(bytes_before_file_ + *bytes_in_file_);
    if (!first_with_id(article.id, where)) return;
    WorkItem item;
    item.keys = document_keys(article);
    item.id = article.id;
    if (!options_.force && stored_hash(item.keys.id_term) == item.keys.content_hash) {
      pending_warnings_.clear();  // repairs of an unchanged article were reported when it was new
      return add_unchanged(item);
    }
    send_pending_warnings();
    extract_entities(article, tagger_);
    warn_of_facet_cap(where, article.persons.size(), "persons", "person", schema::kMaxPersonSlots);
    warn_of_facet_cap(where, article.places.size(), "places", "place", schema::kMaxPlaceSlots);
    warn_of_facet_cap(where, article.organizations.size(), "organisations", "org",
                      schema::kMaxOrganizationSlots);
    item.undated = !article.date;
    if (item.undated) item.message = where.describe();
    item.slots = entity_slots_used(article);
    item.bytes = article_bytes(article);
    if (options_.sink_builds_documents)
      item.article = std::move(article);
    else
      item.document = build_document(article, item.keys, generator_);
    send(std::move(item));
  }

  // Warnings wait for the article's fate: an unchanged article's are not repeated on a rerun.
  void warn(const SourceLocation& where, const std::string& message) override {
    check_stop();
    pending_warnings_.push_back(where.describe() + ": " + message);
  }

  void skip(const SourceLocation& where, const std::string& reason) override {
    send_pending_warnings();
    send_message(WorkItem::Kind::kSkip, where.describe() + ": skipped: " + reason);
  }

  void pass_over(const SourceLocation& where, const std::string& what,
                 std::uint64_t count) override {
    send_pending_warnings();
    WorkItem item;
    item.kind = WorkItem::Kind::kPassedOver;
    item.message = where.describe() + ": passed over " + what;
    item.count = count;
    send(std::move(item));
  }

  // Warnings not followed by an article (about a whole file) are sent at its end.
  void send_pending_warnings() {
    std::vector<std::string> pending;
    pending.swap(pending_warnings_);
    for (std::string& message : pending) send_message(WorkItem::Kind::kWarning, std::move(message));
  }

  // An article naming more entities of a kind than its facet slots hold is still found by all
  // of them, but its facets count only the first `cap`: say so.
  void warn_of_facet_cap(const SourceLocation& where, size_t named, const char* kind,
                         const char* facet, Xapian::valueno cap) {
    if (named <= cap) return;
    warn(where, std::to_string(named) + " " + kind + " named; " + facet +
                    " facets count the first " + std::to_string(cap));
  }

  void unreadable(const SourceLocation& where, const std::string& reason) {
    send_pending_warnings();
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
  // Likewise "" when the writer keeps committing under the snapshot through a few tries.
  std::string stored_hash(const std::string& term) {
    try {
      return retry_on_revision_change(
          &snapshot_,
          [&]() -> std::string {
            Xapian::PostingIterator posting = snapshot_.postlist_begin(term);
            if (posting == snapshot_.postlist_end(term)) return "";
            return snapshot_.get_document(*posting).get_value(schema::kContentHashSlot);
          },
          kSnapshotTries);
    } catch (const Xapian::DatabaseError&) {
      return "";
    }
  }

  static constexpr int kSnapshotTries = 3;

  // True for the first article of this run with `id`; for a later one, reports the collision
  // naming both sources (the first is kept) and returns false. An article whose location has no
  // line number is a whole file (or member) whose id is its path, so a repeat comes from that
  // same path; otherwise the map remembers the file and line, so memory is 16 bytes an article
  // (plus the name of each file whose articles carry their own ids).
  bool first_with_id(const std::string& id, const SourceLocation& where) {
    std::uint64_t key = XXH3_64bits(id.data(), id.size());
    if (const std::uint64_t* seen = first_sources_.find(key)) {
      pending_warnings_.clear();
      send_message(WorkItem::Kind::kCollision,
                   where.describe() + ": id '" + excerpt(id) + "' was already read from " +
                       describe_source(*seen, where) + "; kept that one, skipped this one");
      return false;
    }
    first_sources_[key] = source_code(where);
    return true;
  }

  std::uint64_t source_code(const SourceLocation& where) {
    if (where.line <= 0) return 0;
    if (source_files_.empty() || source_files_.back().path != where.path ||
        source_files_.back().unit != where.unit)
      source_files_.push_back(SourceLocation{where.path, 0, where.unit});
    return (static_cast<std::uint64_t>(source_files_.size()) << 32) |
           static_cast<std::uint32_t>(where.line);
  }

  std::string describe_source(std::uint64_t code, const SourceLocation& where) const {
    if (code == 0) return where.path + " (the same path, read twice)";
    SourceLocation first = source_files_[(code >> 32) - 1];
    first.line = static_cast<long>(code & 0xFFFFFFFFu);
    return first.describe();
  }

  // Consecutive unchanged articles travel as one item: over an unchanged archive, one hand-off
  // (and one wake-up of the writer) per article was a quarter of the run's time.
  static constexpr size_t kUnchangedRun = 256;

  void add_unchanged(WorkItem& item) {
    check_stop();
    unchanged_.kind = WorkItem::Kind::kUnchanged;
    ++unchanged_.unchanged;
    if (options_.prune) unchanged_.unchanged_id_terms.push_back(std::move(item.keys.id_term));
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
  const AnalysisOptions& options_;
  BoundedQueue<WorkItem>& queue_;
  const std::atomic<bool>& stop_;
  std::atomic<std::uint64_t>* bytes_done_ = nullptr;
  std::uint64_t bytes_before_file_ = 0;
  const std::uint64_t* bytes_in_file_ = nullptr;
  WorkItem unchanged_;                         // the run of unchanged articles not sent yet
  std::vector<std::string> pending_warnings_;  // about the article being read
  FlatHashMap<std::uint64_t> first_sources_;   // id hash -> source_code of its first article
  std::vector<SourceLocation> source_files_;   // files whose articles carry their own ids
};

// Walks the inputs and feeds every article to `sink`, keeping `bytes_done` at the input offset
// reached.
void walk_inputs(const AnalysisOptions& options, AnalysisSink& sink,
                 std::atomic<std::uint64_t>& bytes_done) {
  std::uint64_t bytes_before = 0;
  std::uint64_t bytes_in_file = 0;
  WalkCallbacks callbacks;
  callbacks.visit = [&](const InputFile& file) {
    sink.check_stop();
    std::error_code size_error;
    std::uint64_t size = std::filesystem::file_size(file.path, size_error);
    if (size_error) size = 0;
    bytes_in_file = 0;
    // The reader keeps bytes_in_file at its offset; the sink publishes it per article.
    sink.track_progress(&bytes_done, bytes_before, &bytes_in_file);
    bool complete = read_input(file, options.read, sink, &bytes_in_file);
    sink.track_progress(nullptr, 0, nullptr);
    sink.send_pending_warnings();
    if (!complete) sink.note_unreadable();  // the reader already reported the skip
    bytes_before += size;
    bytes_done.store(bytes_before);
  };
  callbacks.on_error = [&](const std::string& path, const std::string& reason) {
    sink.unreadable(SourceLocation{path, 0}, "cannot read directory: " + reason);
  };
  callbacks.on_nothing_to_read = [&](const std::string& path, const std::string& held) {
    sink.warn(SourceLocation{path, 0}, "no file of a kind that is read (it holds " + held +
                                           "); read are " + std::string(kKindsRead));
    sink.send_pending_warnings();
  };
  walk_archive(options.inputs, options.id_base, callbacks);
}

}  // namespace

void analyse_inputs(const AnalysisOptions& options, BoundedQueue<WorkItem>& queue,
                    const std::atomic<bool>& stop, std::atomic<std::uint64_t>& bytes_done) {
  try {
    AnalysisSink sink(options, queue, stop);
    walk_inputs(options, sink, bytes_done);
    sink.flush_unchanged();
  } catch (const StopRequested&) {
  }
}

}  // namespace newsarchive
