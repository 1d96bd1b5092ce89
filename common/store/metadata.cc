// The database's metadata; see metadata.h.
#include "store/metadata.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <string_view>

#include "store/schema.h"

namespace newsarchive {

namespace {

// The decimal count stored under `key`, at most `cap`; 0 when absent or malformed.
Xapian::valueno slot_count(const Xapian::Database& database, std::string_view key,
                           Xapian::valueno cap) {
  std::string stored = database.get_metadata(std::string(key));
  Xapian::valueno count = 0;
  auto [end, error] = std::from_chars(stored.data(), stored.data() + stored.size(), count);
  if (error != std::errc() || end != stored.data() + stored.size()) return 0;
  return std::min(count, cap);
}

}  // namespace

void EntitySlotCounts::widen(const EntitySlotCounts& other) {
  persons = std::max(persons, other.persons);
  places = std::max(places, other.places);
  organizations = std::max(organizations, other.organizations);
}

Xapian::valueno person_slot_count(const Xapian::Database& database) {
  return slot_count(database, schema::kPersonSlotsKey, schema::kMaxPersonSlots);
}

EntitySlotCounts entity_slot_counts(const Xapian::Database& database) {
  return EntitySlotCounts{
      person_slot_count(database),
      slot_count(database, schema::kPlaceSlotsKey, schema::kMaxPlaceSlots),
      slot_count(database, schema::kOrganizationSlotsKey, schema::kMaxOrganizationSlots)};
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
