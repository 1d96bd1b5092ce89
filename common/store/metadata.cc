// The database's metadata; see metadata.h.
#include "store/metadata.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <string_view>

#include "store/schema.h"

namespace newsarchive {

namespace {

// How many slots from `first` on some article uses: the larger of the count recorded under `key`
// and the slots Xapian's own value statistics show in use, at most `cap`. The statistics keep
// the count right where the metadata cannot: shards merged by xapian-compact keep one shard's
// metadata value, and several databases opened as one report the first one's.
Xapian::valueno slot_count(const Xapian::Database& database, std::string_view key,
                           Xapian::valueno first, Xapian::valueno cap) {
  std::string stored = database.get_metadata(std::string(key));
  Xapian::valueno recorded = 0;
  auto [end, error] = std::from_chars(stored.data(), stored.data() + stored.size(), recorded);
  if (error != std::errc() || end != stored.data() + stored.size()) recorded = 0;
  // Each article fills its slots from the first on, so the used ones are a prefix.
  Xapian::valueno used = 0;
  while (used < cap && database.get_value_freq(first + used) > 0) ++used;
  return std::min(std::max(recorded, used), cap);
}

}  // namespace

void EntitySlotCounts::widen(const EntitySlotCounts& other) {
  persons = std::max(persons, other.persons);
  places = std::max(places, other.places);
  organizations = std::max(organizations, other.organizations);
}

Xapian::valueno person_slot_count(const Xapian::Database& database) {
  return slot_count(database, schema::kPersonSlotsKey, schema::kFirstPersonSlot,
                    schema::kMaxPersonSlots);
}

EntitySlotCounts entity_slot_counts(const Xapian::Database& database) {
  return EntitySlotCounts{
      person_slot_count(database),
      slot_count(database, schema::kPlaceSlotsKey, schema::kFirstPlaceSlot, schema::kMaxPlaceSlots),
      slot_count(database, schema::kOrganizationSlotsKey, schema::kFirstOrganizationSlot,
                 schema::kMaxOrganizationSlots)};
}

void write_schema_metadata(Xapian::WritableDatabase& database, const std::string& language) {
  if (!language.empty()) database.set_metadata(std::string(schema::kLanguageKey), language);
  database.set_metadata(std::string(schema::kSchemaVersionKey),
                        std::to_string(schema::kSchemaVersion));
}

void write_commit_metadata(Xapian::WritableDatabase& database, const EntitySlotCounts& slots,
                           const Checkpoint& checkpoint) {
  // The searcher needs to know how many slots of each kind to count; they only ever grow.
  database.set_metadata(std::string(schema::kPersonSlotsKey), std::to_string(slots.persons));
  database.set_metadata(std::string(schema::kPlaceSlotsKey), std::to_string(slots.places));
  database.set_metadata(std::string(schema::kOrganizationSlotsKey),
                        std::to_string(slots.organizations));
  nlohmann::json json = {{"processed", checkpoint.processed}, {"last_id", checkpoint.last_id}};
  database.set_metadata(std::string(schema::kCheckpointKey), json.dump());
}

}  // namespace newsarchive
