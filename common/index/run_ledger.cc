// The storing side of an indexing run; see run_ledger.h.
#include "index/run_ledger.h"

#include <algorithm>

#include "index/interrupt.h"

namespace newsarchive {

RunLedger::RunLedger(DocumentSink& sink, spdlog::logger& log,
                     std::function<void(const IndexProgress&)> on_progress, bool keep_ids)
    : sink_(sink), log_(log), on_progress_(std::move(on_progress)), keep_ids_(keep_ids) {}

void RunLedger::handle(WorkItem& item) {
  if (item.kind != WorkItem::Kind::kDocument) return log_outcome(item);
  if (keep_ids_) seen_ids_.insert(item.keys.id_term);
  if (item.undated) note_undated(item.message);
  checkpoint_.last_id = item.id;
  sink_.store(item);
  ++checkpoint_.processed;
  after_article();
}

// Undated articles are many in an archive without dates: each is logged below the level shown on
// the terminal (the log file keeps it), and log_summaries() gives the one line a user reads.
void RunLedger::note_undated(const std::string& where) {
  ++report_.undated;
  if (first_undated_.size() < kUndatedExamples) first_undated_.push_back(where);
  log_.debug("{}: no date; indexed undated", where);
}

void RunLedger::log_summaries(const std::string& log_file) {
  if (report_.undated == 0) return;
  std::string examples;
  for (const std::string& where : first_undated_)
    examples += (examples.empty() ? "" : ", ") + where;
  if (report_.undated > first_undated_.size()) examples += ", ...";
  log_.warn("{} {} no date and {} indexed undated ({}); {}", report_.undated,
            report_.undated == 1 ? "article has" : "articles have",
            report_.undated == 1 ? "was" : "were", examples,
            log_file.empty() ? std::string("--log-file FILE keeps the full list")
                             : "the full list is in " + log_file);
}

void RunLedger::log_outcome(WorkItem& item) {
  switch (item.kind) {
    case WorkItem::Kind::kCollision:
      ++report_.collisions;
      log_.warn("{}", item.message);
      return;
    case WorkItem::Kind::kPassedOver:
      report_.passed_over += item.count;
      log_.debug("{} ({})", item.message, item.count);
      return;
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
      checkpoint_.processed += item.unchanged;
      checkpoint_.last_id = item.id;
      return after_article();
    case WorkItem::Kind::kDocument:
      return;
  }
}

void RunLedger::after_article() {
  sink_.after_article(checkpoint_);
  report_progress(false);
  if (interrupt_signal() != 0) throw StopRequested{};
}

void RunLedger::prune() {
  // Pruning after a partial read would delete articles that are still in the archive.
  if (report_.unreadable_inputs > 0) {
    log_.warn("not pruning: {} input(s) could not be read", report_.unreadable_inputs);
    return;
  }
  report_.deleted += sink_.prune(seen_ids_);
}

IndexReport RunLedger::report() const {
  IndexReport report = report_;
  report.added = sink_.added();
  report.changed = sink_.changed();
  return report;
}

void RunLedger::report_progress(bool finished) {
  if (!on_progress_) return;
  IndexProgress progress;
  progress.processed = checkpoint_.processed;
  progress.skipped = report_.skipped;
  progress.bytes_total = bytes_total;
  progress.bytes_done = std::min<std::uint64_t>(bytes_done.load(), bytes_total);
  progress.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  progress.finished = finished;
  on_progress_(progress);
}

}  // namespace newsarchive
