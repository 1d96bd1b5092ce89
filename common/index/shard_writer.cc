// The writer thread of one staging shard; see shard_writer.h.
#include "index/shard_writer.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "store/disk_space.h"
#include "store/metadata.h"
#include "store/schema.h"

namespace newsarchive {
namespace {

// Articles waiting for one shard's writer: enough to ride over a commit. The coordinator hands
// articles out in input order, so while one shard commits and its queue is full, the other
// shards soon have nothing to do: with 1024 (a few megabytes of articles per shard) instead of
// 64, a two-shard load of 40,000 articles ran 7% faster.
constexpr size_t kShardQueueCapacity = 1024;
// ... and never more than this much article text, whatever the articles' length.
constexpr size_t kShardQueueBytes = 16 << 20;

}  // namespace

ShardWriter::ShardWriter(const std::filesystem::path& path, size_t commit_every,
                         double commit_seconds, DocumentBuilder builder)
    : path_(path),
      database_(path.string(), Xapian::DB_CREATE_OR_OPEN | Xapian::DB_NO_SYNC),
      builder_(std::move(builder)),
      commit_every_(commit_every),
      commit_seconds_(commit_seconds),
      queue_(kShardQueueCapacity, kShardQueueBytes),
      person_slots_(person_slot_count(database_)) {
  database_.set_metadata(std::string(schema::kSchemaVersionKey),
                         std::to_string(schema::kSchemaVersion));
  database_.commit();
}

ShardWriter::~ShardWriter() {
  queue_.close();
  if (thread_.joinable()) thread_.join();
}

void ShardWriter::start() {
  thread_ = std::thread([this] { run(); });
}

bool ShardWriter::submit(StagedDocument document) {
  const size_t bytes = document.bytes;
  return queue_.push(std::move(document), bytes);
}

void ShardWriter::finish() {
  queue_.close();
  if (thread_.joinable()) thread_.join();
  if (failure_) std::rethrow_exception(failure_);
  commit();
}

void ShardWriter::run() {
  try {
    while (std::optional<StagedDocument> staged = queue_.pop()) write(*staged);
  } catch (...) {
    failure_ = std::current_exception();
    queue_.close();  // the coordinator's next submit() sees the failure
  }
}

void ShardWriter::write(StagedDocument& staged) {
  if (staged.article) {
    if (!builder_) throw std::logic_error("an article was staged to a shard without a builder");
    staged.document = builder_(*staged.article, staged.content_hash);
    staged.article.reset();
  }
  bool existed = database_.term_exists(staged.id_term);
  database_.replace_document(staged.id_term, staged.document);
  ++(existed ? changed_ : added_);
  person_slots_ = std::max(person_slots_, staged.person_slots);
  last_id_ = std::move(staged.id);
  ++uncommitted_;
  uncommitted_bytes_ += staged.bytes;
  if (uncommitted_ >= commit_every_ || uncommitted_bytes_ >= kMaxUncommittedTextBytes ||
      std::chrono::duration<double>(std::chrono::steady_clock::now() - last_commit_).count() >=
          commit_seconds_)
    commit();
}

void ShardWriter::commit() {
  require_free_space(path_, kCommitHeadroomBytes, path_.string());
  database_.set_metadata(std::string(schema::kPersonSlotsKey), std::to_string(person_slots_));
  nlohmann::json checkpoint = {{"written", added_ + changed_}, {"last_id", last_id_}};
  database_.set_metadata(std::string(schema::kCheckpointKey), checkpoint.dump());
  database_.commit();
  uncommitted_ = 0;
  uncommitted_bytes_ = 0;
  last_commit_ = std::chrono::steady_clock::now();
}

}  // namespace newsarchive
