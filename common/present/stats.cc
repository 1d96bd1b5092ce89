// Database statistics: collected with cheap Xapian calls (bounds, term frequencies, metadata).
#include "present/stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "entities/person_names.h"
#include "index/index_run.h"
#include "query/display_form.h"
#include "store/database_open.h"
#include "store/document_builder.h"
#include "store/metadata.h"
#include "store/revision_retry.h"
#include "store/schema.h"
#include "text/errors.h"
#include "text/utf8.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;

constexpr double kBytesPerMiB = 1024.0 * 1024.0;

// "20200106" -> "2020-01-06"; anything else is shown as stored.
std::string format_day(const std::string& value) {
  if (value.size() != 8) return value;
  return value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2);
}

std::uint64_t directory_size(const fs::path& path) {
  std::error_code error;
  if (fs::is_regular_file(path, error)) return fs::file_size(path, error);
  std::uint64_t total = 0;
  for (fs::recursive_directory_iterator it(path, error), end; !error && it != end;
       it.increment(error)) {
    std::error_code size_error;
    if (it->is_regular_file(size_error)) {
      std::uint64_t size = it->file_size(size_error);
      if (!size_error) total += size;
    }
  }
  return total;
}

// A Xapian stub file lists one shard per line ("auto PATH", "glass PATH", "remote ..."),
// relative paths from the stub's directory. Counts the shards and sizes the local ones.
void read_stub(const fs::path& stub, DatabaseStats& stats) {
  std::ifstream in(stub, std::ios::binary);
  std::string line;
  stats.shards = 0;
  stats.size_bytes = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    ++stats.shards;
    std::istringstream words(line);
    std::string backend, target;
    words >> backend >> target;
    if (backend == "remote" || target.empty()) continue;
    fs::path shard =
        fs::path(target).is_absolute() ? fs::path(target) : stub.parent_path() / target;
    stats.size_bytes += directory_size(shard);
  }
}

// A single-file glass database is binary; a stub file is text.
bool is_stub_file(const fs::path& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return false;
  std::ifstream in(path, std::ios::binary);
  char head[512];
  in.read(head, sizeof head);
  return std::find(head, head + in.gcount(), '\0') == head + in.gcount();
}

// One kind of name: its term prefix and facet slots (schema.h).
struct NameKind {
  std::string_view prefix;
  Xapian::valueno first_slot;
  size_t slots;  // in use (entity_slot_counts)
};

// The most common display form of the name whose term is `prefix` + `key`, over every article
// with that term: the posting list and the kind's value streams are walked forward together,
// each article contributing the form in the slot whose folded term is this one.
std::string display_name(const Xapian::Database& database, const NameKind& kind,
                         const std::string& key) {
  const std::string term = std::string(kind.prefix) + key;
  std::vector<Xapian::ValueIterator> streams;
  for (size_t k = 0; k < kind.slots; ++k)
    streams.push_back(
        database.valuestream_begin(kind.first_slot + static_cast<Xapian::valueno>(k)));
  DisplayForms forms;
  for (auto posting = database.postlist_begin(term); posting != database.postlist_end(term);
       ++posting) {
    for (Xapian::ValueIterator& stream : streams) {
      if (stream == Xapian::ValueIterator()) continue;
      stream.skip_to(*posting);
      if (stream == Xapian::ValueIterator() || stream.get_docid() != *posting) continue;
      if (filter_term(kind.prefix, person_key(*stream)) == term) {
        forms.add(*stream, 1);
        break;
      }
    }
  }
  return forms.empty() ? key : forms.most_common();
}

std::vector<NameCount> top_names(const Xapian::Database& database, const NameKind& kind,
                                 size_t limit) {
  const std::string prefix(kind.prefix);
  std::vector<std::pair<std::string, Xapian::doccount>> keys;
  for (auto term = database.allterms_begin(prefix); term != database.allterms_end(prefix); ++term)
    keys.emplace_back((*term).substr(prefix.size()), term.get_termfreq());
  auto by_count = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  size_t shown = std::min(limit, keys.size());
  std::partial_sort(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(shown), keys.end(),
                    by_count);
  std::vector<NameCount> rows;
  for (size_t i = 0; i < shown; ++i)
    rows.push_back({display_name(database, kind, keys[i].first), keys[i].second});
  return rows;
}

void render_names_text(const char* title, const std::vector<NameCount>& rows, std::ostream& out) {
  out << "\ntop " << title;
  if (rows.empty()) {
    out << ": none\n";
    return;
  }
  out << " (articles):\n";
  size_t name_width = 0;
  size_t count_width = 0;
  for (const NameCount& row : rows) {
    name_width = std::max(name_width, display_width(row.name));
    count_width = std::max(count_width, std::to_string(row.count).size());
  }
  for (const NameCount& row : rows) {
    std::string count = std::to_string(row.count);
    out << "  " << row.name << std::string(name_width - display_width(row.name) + 2, ' ')
        << std::string(count_width - count.size(), ' ') << count << "\n";
  }
}

nlohmann::ordered_json names_json(const std::vector<NameCount>& rows) {
  nlohmann::ordered_json names = nlohmann::ordered_json::array();
  for (const NameCount& row : rows) names.push_back({{"name", row.name}, {"count", row.count}});
  return names;
}

nlohmann::ordered_json parse_metadata_json(const Xapian::Database& database, std::string_view key) {
  std::string text = database.get_metadata(std::string(key));
  if (text.empty()) return nullptr;
  return nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
}

// The last run as report_summary() words it ("43 new, ... in 0.3 s (143 articles/s)").
std::string last_run_text(const nlohmann::ordered_json& run) {
  if (!run.is_object()) return "none";
  auto count = [&](const char* name) { return run.value(name, size_t{0}); };
  IndexReport report;
  report.added = count("new");
  report.changed = count("changed");
  report.unchanged = count("unchanged");
  report.deleted = count("deleted");
  report.undated = count("undated");
  report.skipped = count("skipped");
  report.warnings = count("warnings");
  report.seconds = run.value("seconds", 0.0);
  std::string text = report_summary(report);
  if (run.value("interrupted", false)) text += "; interrupted";
  return text;
}

std::string checkpoint_text(const nlohmann::ordered_json& checkpoint) {
  if (!checkpoint.is_object()) return "none";
  return std::to_string(checkpoint.value("processed", size_t{0})) + " articles, last id '" +
         checkpoint.value("last_id", std::string()) + "'";
}

double size_mib(std::uint64_t bytes) {
  return std::round(static_cast<double>(bytes) / kBytesPerMiB * 100) / 100;
}

}  // namespace

DatabaseStats collect_stats(const std::string& path, size_t top) {
  Xapian::Database database = open_database(path);
  DatabaseStats stats;
  // An indexer committing meanwhile can discard the revision being read: read it all again.
  try {
    stats = retry_on_revision_change(&database, [&] {
      DatabaseStats read;
      read.path = path;
      read.articles = database.get_doccount();
      read.first_date = format_day(database.get_value_lower_bound(schema::kDateSlot));
      read.last_date = format_day(database.get_value_upper_bound(schema::kDateSlot));
      read.undated = database.get_termfreq(std::string(schema::kUndatedTerm));
      read.language = database.get_metadata(std::string(schema::kLanguageKey));
      read.schema_version = database.get_metadata(std::string(schema::kSchemaVersionKey));
      EntitySlotCounts slots = entity_slot_counts(database);
      read.top_persons = top_names(
          database, {schema::kPersonPrefix, schema::kFirstPersonSlot, slots.persons}, top);
      read.top_places =
          top_names(database, {schema::kPlacePrefix, schema::kFirstPlaceSlot, slots.places}, top);
      read.top_organizations = top_names(
          database,
          {schema::kOrganizationPrefix, schema::kFirstOrganizationSlot, slots.organizations}, top);
      read.last_run = parse_metadata_json(database, schema::kLastRunKey);
      read.checkpoint = parse_metadata_json(database, schema::kCheckpointKey);
      return read;
    });
  } catch (const Xapian::DatabaseModifiedError&) {
    throw DatabaseBusyError("database " + quote_value(path) + " changed " +
                            std::to_string(kRevisionRetries) +
                            " times while its statistics were read; try again");
  }
  if (is_stub_file(path))
    read_stub(path, stats);
  else
    stats.size_bytes = directory_size(path);
  return stats;
}

void render_stats_text(const DatabaseStats& stats, std::ostream& out) {
  char size[32];
  std::snprintf(size, sizeof size, "%.2f MiB", size_mib(stats.size_bytes));
  auto or_none = [](const std::string& text) { return text.empty() ? "none" : text; };
  const std::pair<const char*, std::string> lines[] = {
      {"database", stats.path},
      {"articles", std::to_string(stats.articles)},
      {"dates", stats.first_date.empty() ? "none" : stats.first_date + " to " + stats.last_date},
      {"undated", std::to_string(stats.undated)},
      {"shards", std::to_string(stats.shards)},
      {"language", or_none(stats.language)},
      {"schema version", or_none(stats.schema_version)},
      {"size", size},
      {"last run", last_run_text(stats.last_run)},
      {"checkpoint", checkpoint_text(stats.checkpoint)},
  };
  size_t label_width = 0;
  for (const auto& [label, value] : lines) label_width = std::max(label_width, std::strlen(label));
  for (const auto& [label, value] : lines)
    out << label << ":" << std::string(label_width - std::strlen(label) + 1, ' ') << value << "\n";

  render_names_text("persons", stats.top_persons, out);
  render_names_text("places", stats.top_places, out);
  render_names_text("organisations", stats.top_organizations, out);
}

nlohmann::ordered_json stats_json(const DatabaseStats& stats) {
  auto string_or_null = [](const std::string& text) {
    return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
  };
  nlohmann::ordered_json schema_version = string_or_null(stats.schema_version);
  if (!stats.schema_version.empty() &&
      std::all_of(stats.schema_version.begin(), stats.schema_version.end(),
                  [](char c) { return c >= '0' && c <= '9'; }))
    schema_version = std::stoi(stats.schema_version);
  nlohmann::ordered_json json = {
      {"database", stats.path},
      {"articles", stats.articles},
      {"first_date", string_or_null(stats.first_date)},
      {"last_date", string_or_null(stats.last_date)},
      {"undated", stats.undated},
      {"shards", stats.shards},
      {"language", string_or_null(stats.language)},
      {"schema_version", schema_version},
      {"top_persons", names_json(stats.top_persons)},
      {"top_places", names_json(stats.top_places)},
      {"top_orgs", names_json(stats.top_organizations)},
      {"size_mib", size_mib(stats.size_bytes)},
      {"last_run", stats.last_run},
      {"checkpoint", stats.checkpoint},
  };
  return json;
}

void render_stats_json(const DatabaseStats& stats, std::ostream& out) {
  out << stats_json(stats).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
      << "\n";
}

}  // namespace newsarchive
