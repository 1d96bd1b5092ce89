// The writers' commit policy; see commit_policy.h.
#include "index/commit_policy.h"

#include "store/disk_space.h"

namespace newsarchive {

bool CommitPolicy::due() const {
  if (uncommitted_ == 0) return false;
  return uncommitted_ >= commit_every_ || uncommitted_bytes_ >= kMaxUncommittedTextBytes ||
         std::chrono::duration<double>(std::chrono::steady_clock::now() - last_commit_).count() >=
             commit_seconds_;
}

void CommitPolicy::commit(Xapian::WritableDatabase& database, const std::filesystem::path& path,
                          const EntitySlotCounts& slots, const Checkpoint& checkpoint) {
  require_free_space(path, kCommitHeadroomBytes, path.string());
  write_commit_metadata(database, slots, checkpoint);
  database.commit();
  uncommitted_ = 0;
  uncommitted_bytes_ = 0;
  last_commit_ = std::chrono::steady_clock::now();
}

}  // namespace newsarchive
