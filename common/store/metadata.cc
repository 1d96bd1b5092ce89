// The database's metadata; see metadata.h.
#include "store/metadata.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "store/schema.h"

namespace newsarchive {

Xapian::valueno person_slot_count(const Xapian::Database& database) {
  std::string stored = database.get_metadata(std::string(schema::kPersonSlotsKey));
  Xapian::valueno count = 0;
  auto [end, error] = std::from_chars(stored.data(), stored.data() + stored.size(), count);
  if (error != std::errc() || end != stored.data() + stored.size()) return 0;
  return std::min(count, schema::kMaxPersonSlots);
}

void write_schema_metadata(Xapian::WritableDatabase& database, const std::string& language) {
  if (!language.empty()) database.set_metadata(std::string(schema::kLanguageKey), language);
  database.set_metadata(std::string(schema::kSchemaVersionKey),
                        std::to_string(schema::kSchemaVersion));
}

void write_commit_metadata(Xapian::WritableDatabase& database, size_t person_slots,
                           const Checkpoint& checkpoint) {
  // The searcher needs to know how many person slots to count; it only ever grows.
  database.set_metadata(std::string(schema::kPersonSlotsKey), std::to_string(person_slots));
  nlohmann::json json = {{"processed", checkpoint.processed}, {"last_id", checkpoint.last_id}};
  database.set_metadata(std::string(schema::kCheckpointKey), json.dump());
}

}  // namespace newsarchive
