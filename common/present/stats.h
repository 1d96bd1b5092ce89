// What a database holds, for `newsindex stats`: counts, date span, persons, size, last run.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace newsarchive {

struct PersonCount {
  std::string name;  // display form from a person slot, or the person_key() when none is found
  Xapian::doccount count = 0;
  bool operator==(const PersonCount&) const = default;
};

struct DatabaseStats {
  std::string path;
  Xapian::doccount articles = 0;
  // YYYY-MM-DD, empty when no article is dated. From the date slot's bounds, which Xapian does
  // not narrow on deletion: after --prune the span may be wider than what remains.
  std::string first_date;
  std::string last_date;
  Xapian::doccount undated = 0;
  size_t shards = 1;                     // lines of a stub file, else 1
  std::string language;                  // metadata; empty when unset
  std::string schema_version;            // metadata; empty when unset
  std::vector<PersonCount> top_persons;  // by article count, then name
  std::uint64_t size_bytes = 0;          // files of the database (of each local shard of a stub)
  nlohmann::ordered_json last_run;       // the last run's report_json(), null when none
  nlohmann::ordered_json checkpoint;     // {"processed", "last_id"}, null when none
};

// Reads the statistics of the database at `path` (read-only). Throws UserError when there is
// no database there or it cannot be opened.
DatabaseStats collect_stats(const std::string& path, size_t top_persons = 10);

// Aligned "label: value" lines, then the top persons table.
void render_stats_text(const DatabaseStats& stats, std::ostream& out);

// One JSON object, keys in a fixed order, and a newline.
void render_stats_json(const DatabaseStats& stats, std::ostream& out);

}  // namespace newsarchive
