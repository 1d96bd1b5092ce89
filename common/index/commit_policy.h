// When an indexing writer commits, and what each commit records. The direct writer and every
// staging shard's writer follow this one policy, and record the one checkpoint format
// (store/metadata.h, schema::kCheckpointKey).
#pragma once

#include <xapian.h>

#include <chrono>
#include <cstddef>
#include <filesystem>

#include "store/metadata.h"

namespace newsarchive {

// Writers commit at the latest once the articles written since their last commit hold this much
// text. Xapian keeps a whole batch in memory until the commit (several times the text's size),
// so counting articles alone would let a batch of long articles grow without bound; for news of
// a few kilobytes an article the count of articles decides first.
inline constexpr size_t kMaxUncommittedTextBytes = 16 << 20;

class CommitPolicy {
 public:
  // Commit after `commit_every` changes, or `commit_seconds` after the last commit once there is
  // a change to commit, or at kMaxUncommittedTextBytes of text, whichever comes first.
  CommitPolicy(size_t commit_every, double commit_seconds)
      : commit_every_(commit_every), commit_seconds_(commit_seconds) {}

  // Counts one change since the last commit: an article written (with its text's size) or
  // deleted.
  void count_change(size_t text_bytes = 0) {
    ++uncommitted_;
    uncommitted_bytes_ += text_bytes;
  }

  bool due() const;

  // Commits explicitly (a destructor's implicit commit would swallow errors such as disk full):
  // checks the disk has room at `path`, records the entity `slots` counts and `checkpoint` so they
  // become visible in the same atomic commit as the articles they describe, commits, and starts
  // counting again. Throws DiskFullError when the headroom is not there.
  void commit(Xapian::WritableDatabase& database, const std::filesystem::path& path,
              const EntitySlotCounts& slots, const Checkpoint& checkpoint);

 private:
  size_t commit_every_;
  double commit_seconds_;
  size_t uncommitted_ = 0;
  size_t uncommitted_bytes_ = 0;
  std::chrono::steady_clock::time_point last_commit_ = std::chrono::steady_clock::now();
};

}  // namespace newsarchive
