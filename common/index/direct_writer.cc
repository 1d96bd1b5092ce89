// Writing straight into the database; see direct_writer.h.
#include "index/direct_writer.h"

#include "index/story_clusters.h"
#include "store/schema.h"
#include "store/spelling.h"

namespace newsarchive {

DirectWriter::DirectWriter(Xapian::WritableDatabase database, const std::filesystem::path& path,
                           CommitPolicy policy)
    : database_(std::move(database)),
      path_(path),
      policy_(policy),
      slots_(entity_slot_counts(database_)) {}

void DirectWriter::store(WorkItem& item) {
  bool existed = database_.term_exists(item.keys.id_term);
  // The other versions of its story are looked at again, and so is the article itself, in the
  // cluster pass at the end of the run (or of the next one, should this one be killed first).
  if (existed) mark_story_mates(database_, item.keys.id_term);
  mark_for_clustering(item.document);
  database_.replace_document(item.keys.id_term, item.document);
  ++(existed ? changed_ : added_);
  slots_.widen(item.slots);
  policy_.count_change(item.bytes);
}

void DirectWriter::after_article(const Checkpoint& checkpoint) {
  if (policy_.due()) commit(checkpoint);
}

size_t DirectWriter::prune(const std::unordered_set<std::string>& keep) {
  std::string prefix(schema::kIdPrefix);
  std::vector<std::string> gone;
  for (auto it = database_.allterms_begin(prefix); it != database_.allterms_end(prefix); ++it)
    if (!keep.contains(*it)) gone.push_back(*it);
  for (const std::string& term : gone) {
    mark_story_mates(database_, term);
    database_.delete_document(term);
    policy_.count_change();
  }
  return gone.size();
}

void DirectWriter::close(const std::string& last_run, const Checkpoint& checkpoint) {
  // After pruning, in the run's last commit: that commit removes the marks it worked from.
  run_cluster_pass(database_);
  synchronise_spelling(database_);
  database_.set_metadata(std::string(schema::kLastRunKey), last_run);
  commit(checkpoint);
}

void DirectWriter::commit(const Checkpoint& checkpoint) {
  policy_.commit(database_, path_, slots_, checkpoint);
}

}  // namespace newsarchive
