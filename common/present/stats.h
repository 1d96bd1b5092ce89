// What a database holds, for `newsindex stats`: counts, date span, the top persons, places and
// organisations, size, last run.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace newsarchive {

// A person, place or organisation and the number of articles naming it.
struct NameCount {
  // The most common display form in the kind's facet slots of the articles naming it
  // (display_form.h), or the person_key() when no slot holds one.
  std::string name;
  Xapian::doccount count = 0;
  bool operator==(const NameCount&) const = default;
};

struct DatabaseStats {
  std::string path;
  Xapian::doccount articles = 0;
  // YYYY-MM-DD, empty when no article is dated. From the date slot's bounds, which Xapian does
  // not narrow on deletion: after --prune the span may be wider than what remains.
  std::string first_date;
  std::string last_date;
  Xapian::doccount undated = 0;
  size_t shards = 1;           // lines of a stub file, else 1
  std::string language;        // metadata; empty when unset
  std::string schema_version;  // metadata; empty when unset
  // Each by article count (of the XP, XG or XO term), then key.
  std::vector<NameCount> top_persons;
  std::vector<NameCount> top_places;
  std::vector<NameCount> top_organizations;
  std::uint64_t size_bytes = 0;       // files of the database (of each local shard of a stub)
  nlohmann::ordered_json last_run;    // the last run's report_json(), null when none
  nlohmann::ordered_json checkpoint;  // {"processed", "last_id"}, null when none
};

// Reads the statistics of the database at `path` (read-only), with `top` rows of persons, of
// places and of organisations. Throws UserError when there is no database there or it cannot be
// opened.
DatabaseStats collect_stats(const std::string& path, size_t top = 10);

// Aligned "label: value" lines, then the top persons, places and organisations tables.
void render_stats_text(const DatabaseStats& stats, std::ostream& out);

// The statistics as one JSON object, keys in a fixed order ("database", "articles", ...).
nlohmann::ordered_json stats_json(const DatabaseStats& stats);

// stats_json() printed, and a newline.
void render_stats_json(const DatabaseStats& stats, std::ostream& out);

}  // namespace newsarchive
