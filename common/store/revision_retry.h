// One way to read a database that a concurrent indexer may be committing to.
//
// Glass readers see one revision; when a writer commits twice meanwhile, that revision's blocks
// may be reused, and the read fails with DatabaseModifiedError or, when a reused block is met
// first, with a DatabaseCorruptError that real damage would also give. Both are retried after a
// reopen; real damage fails every try, so it still comes out after the last one.
#pragma once

#include <xapian.h>

#include <chrono>
#include <thread>

namespace newsarchive {

// Tries before a reader gives up on a database that keeps changing under it. Each retry waits a
// little longer (kRevisionRetryPause times the attempt), so an indexer committing every few
// articles still lets a search through.
inline constexpr int kRevisionRetries = 10;
inline constexpr std::chrono::milliseconds kRevisionRetryPause{5};

// Moves `database` to its latest revision. If another commit discards that one at once, the
// caller's next attempt fails the same way and comes back here.
inline void reopen_quietly(Xapian::Database& database) {
  try {
    database.reopen();
  } catch (const Xapian::DatabaseError&) {
  }
}

// Returns `read()`, calling it up to `tries` times while it fails with an error a concurrent
// commit can cause. Between tries it pauses and reopens `database` (when not null: a failed open
// has nothing to reopen). After the last try the error propagates to the caller, who says what
// it means there. Other errors propagate at once.
template <typename Read>
auto retry_on_revision_change(Xapian::Database* database, Read&& read, int tries = kRevisionRetries)
    -> decltype(read()) {
  for (int attempt = 1;; ++attempt) {
    try {
      return read();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= tries) throw;
    } catch (const Xapian::DatabaseCorruptError&) {
      if (attempt >= tries) throw;
    }
    std::this_thread::sleep_for(kRevisionRetryPause * attempt);
    if (database) reopen_quietly(*database);
  }
}

}  // namespace newsarchive
