// The writer thread of one staging shard; see shard_writer.h.
#include "index/shard_writer.h"

#include <stdexcept>

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
      policy_(commit_every, commit_seconds),
      queue_(kShardQueueCapacity, kShardQueueBytes),
      slots_(entity_slot_counts(database_)) {
  write_schema_metadata(database_, "");
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
    staged.document =
        builder_(*staged.article, DocumentKeys{staged.id_term, std::move(staged.content_hash)});
    staged.article.reset();
  }
  bool existed = database_.term_exists(staged.id_term);
  database_.replace_document(staged.id_term, staged.document);
  ++(existed ? changed_ : added_);
  slots_.widen(staged.slots);
  last_id_ = std::move(staged.id);
  policy_.count_change(staged.bytes);
  if (policy_.due()) commit();
}

void ShardWriter::commit() {
  policy_.commit(database_, path_, slots_, Checkpoint{added_ + changed_, last_id_});
}

}  // namespace newsarchive
