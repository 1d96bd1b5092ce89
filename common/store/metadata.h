// The database's metadata: what a run records beside the articles (keys in schema.h).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>

namespace newsarchive {

// How many person slots articles in `database` use (0 when none or unknown).
Xapian::valueno person_slot_count(const Xapian::Database& database);

// Records the schema version and, when not empty, the analyzer language.
void write_schema_metadata(Xapian::WritableDatabase& database, const std::string& language);

// Where a writer was at its last commit, committed atomically with the articles it describes,
// in the one format schema::kCheckpointKey documents.
struct Checkpoint {
  std::uint64_t processed = 0;  // articles written, or found unchanged, by this run so far
  std::string last_id;          // the id of the last of them
};

// Sets the person-slot count and the checkpoint; the caller's commit publishes them.
void write_commit_metadata(Xapian::WritableDatabase& database, size_t person_slots,
                           const Checkpoint& checkpoint);

}  // namespace newsarchive
