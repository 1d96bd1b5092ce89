// The database's metadata: what a run records beside the articles (keys in schema.h).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>

namespace newsarchive {

// How many facet slots of each entity kind (schema.h) articles use: how many slots the searcher
// counts. Each count is at most its kind's cap.
struct EntitySlotCounts {
  size_t persons = 0;
  size_t places = 0;
  size_t organizations = 0;

  // Raises each count to `other`'s where that is larger: a database's counts only ever grow.
  void widen(const EntitySlotCounts& other);
  bool operator==(const EntitySlotCounts&) const = default;
};

// How many person slots articles in `database` use (0 when none or unknown).
Xapian::valueno person_slot_count(const Xapian::Database& database);

// All three counts: the larger of what `database`'s metadata records and what its value
// statistics show in use (exact after xapian-compact merged shards, and for several databases
// opened as one); a missing or malformed record counts 0, and no count exceeds its cap.
EntitySlotCounts entity_slot_counts(const Xapian::Database& database);

// Records the schema version and, when not empty, the analyzer language.
void write_schema_metadata(Xapian::WritableDatabase& database, const std::string& language);

// Where a writer was at its last commit, committed atomically with the articles it describes,
// in the one format schema::kCheckpointKey documents.
struct Checkpoint {
  std::uint64_t processed = 0;  // articles written, or found unchanged, by this run so far
  std::string last_id;          // the id of the last of them
};

// Sets the entity slot counts and the checkpoint; the caller's commit publishes them.
void write_commit_metadata(Xapian::WritableDatabase& database, const EntitySlotCounts& slots,
                           const Checkpoint& checkpoint);

}  // namespace newsarchive
