// Facet counting through value streams or stock match spies, and aggregation into rows.
#include "query/facets.h"

#include <algorithm>
#include <charconv>

#include "entities/person_names.h"
#include "query/display_form.h"
#include "store/schema.h"

namespace newsarchive {

// Counts slot values for matching documents by advancing one ValueIterator per slot. The
// matcher offers documents in ascending docid order, so each stream is read once, forward;
// should a docid ever come out of order, that document's values are read directly instead.
class FacetCounter::StreamSpy : public Xapian::MatchSpy {
 public:
  StreamSpy(const Xapian::Database& database, const std::vector<NameSlot>& name_slots,
            bool count_dates)
      : count_dates_(count_dates) {
    for (const NameSlot& name_slot : name_slots)
      names_.push_back(NameStream{
          name_slot.kind, Stream{name_slot.slot, database.valuestream_begin(name_slot.slot)}});
    if (count_dates)
      dates_ = Stream{schema::kDateSlot, database.valuestream_begin(schema::kDateSlot)};
  }

  void operator()(const Xapian::Document& document, double) override {
    Xapian::docid docid = document.get_docid();
    bool in_order = docid > last_docid_;
    last_docid_ = std::max(last_docid_, docid);
    for (NameStream& name : names_) {
      std::optional<std::string> value = name.stream.value_at(docid, in_order, document);
      if (value) ++name_counts[name.kind][*value];
    }
    if (count_dates_) {
      std::optional<std::string> value = dates_.value_at(docid, in_order, document);
      if (value) ++day_counts[*value];
    }
  }

  std::map<FacetKind, DisplayCounts> name_counts;
  std::map<std::string, Xapian::doccount> day_counts;

 private:
  struct Stream {
    Xapian::valueno slot = 0;
    Xapian::ValueIterator it;

    std::optional<std::string> value_at(Xapian::docid docid, bool in_order,
                                        const Xapian::Document& document) {
      if (!in_order) {
        std::string value = document.get_value(slot);
        return value.empty() ? std::nullopt : std::optional(value);
      }
      if (it == Xapian::ValueIterator()) return std::nullopt;
      if (it.get_docid() < docid) it.skip_to(docid);
      if (it == Xapian::ValueIterator() || it.get_docid() != docid) return std::nullopt;
      return *it;
    }
  };
  struct NameStream {
    FacetKind kind;
    Stream stream;
  };

  bool count_dates_;
  std::vector<NameStream> names_;
  Stream dates_;
  Xapian::docid last_docid_ = 0;
};

namespace {

constexpr FacetKind kAllKinds[] = {FacetKind::kPerson, FacetKind::kPlace, FacetKind::kOrganization,
                                   FacetKind::kYear, FacetKind::kMonth};

// The first facet slot of a name facet (schema.h), and how many of its slots `slots` says are in
// use.
Xapian::valueno first_slot(FacetKind kind) {
  switch (kind) {
    case FacetKind::kPlace:
      return schema::kFirstPlaceSlot;
    case FacetKind::kOrganization:
      return schema::kFirstOrganizationSlot;
    default:
      return schema::kFirstPersonSlot;
  }
}

size_t slots_in_use(FacetKind kind, const EntitySlotCounts& slots) {
  switch (kind) {
    case FacetKind::kPlace:
      return slots.places;
    case FacetKind::kOrganization:
      return slots.organizations;
    default:
      return slots.persons;
  }
}

}  // namespace

std::string_view facet_name(FacetKind kind) {
  switch (kind) {
    case FacetKind::kPerson:
      return "person";
    case FacetKind::kPlace:
      return "place";
    case FacetKind::kOrganization:
      return "org";
    case FacetKind::kYear:
      return "year";
    case FacetKind::kMonth:
      return "month";
  }
  return "";
}

std::optional<FacetKind> facet_from_name(std::string_view name) {
  for (FacetKind kind : kAllKinds)
    if (facet_name(kind) == name) return kind;
  return std::nullopt;
}

bool is_name_facet(FacetKind kind) {
  return kind == FacetKind::kPerson || kind == FacetKind::kPlace ||
         kind == FacetKind::kOrganization;
}

FacetCounter::FacetCounter(const Xapian::Database& database, const EntitySlotCounts& slots,
                           const std::set<FacetKind>& kinds, FacetMode mode)
    : kinds_(kinds) {
  bool dates = kinds.contains(FacetKind::kYear) || kinds.contains(FacetKind::kMonth);
  std::vector<NameSlot> name_slots;
  for (FacetKind kind : kinds) {
    if (!is_name_facet(kind)) continue;
    for (size_t k = 0; k < slots_in_use(kind, slots); ++k)
      name_slots.push_back(NameSlot{kind, first_slot(kind) + static_cast<Xapian::valueno>(k)});
  }
  // A match spy over several shards sees each shard's documents with that shard's own docids,
  // which do not index the combined value streams; count those with the stock spies.
  if (mode == FacetMode::kValueStreams && database.size() == 1) {
    stream_spy_ = std::make_unique<StreamSpy>(database, name_slots, dates);
    return;
  }
  for (const NameSlot& name_slot : name_slots)
    name_spies_.push_back(
        SlotSpy{name_slot.kind, std::make_unique<Xapian::ValueCountMatchSpy>(name_slot.slot)});
  if (dates) date_spy_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kDateSlot);
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
  if (stream_spy_) enquire.add_matchspy(stream_spy_.get());
  for (SlotSpy& name_spy : name_spies_) enquire.add_matchspy(name_spy.spy.get());
  if (date_spy_) enquire.add_matchspy(date_spy_.get());
}

FacetCounter::RawCounts FacetCounter::raw_counts() const {
  if (stream_spy_) return RawCounts{stream_spy_->name_counts, stream_spy_->day_counts};
  RawCounts raw;
  for (const SlotSpy& name_spy : name_spies_) {
    DisplayCounts& counts = raw.names[name_spy.kind];
    for (auto it = name_spy.spy->values_begin(); it != name_spy.spy->values_end(); ++it)
      counts[*it] += it.get_termfreq();
  }
  if (date_spy_)
    for (auto it = date_spy_->values_begin(); it != date_spy_->values_end(); ++it)
      raw.days[*it] += it.get_termfreq();
  return raw;
}

namespace {

// Merges display names by person key; each row shows its most common display form. An article
// holds one form per key in its slots (document_builder.h), so a row's count is of articles.
std::vector<FacetValue> name_rows(
    const std::unordered_map<std::string, Xapian::doccount>& by_display, size_t limit) {
  std::unordered_map<std::string, DisplayForms> by_key;
  for (const auto& [display, count] : by_display) by_key[person_key(display)].add(display, count);
  std::vector<FacetValue> rows;
  rows.reserve(by_key.size());
  for (const auto& [key, forms] : by_key)
    rows.push_back(FacetValue{forms.most_common(), forms.total()});
  auto order = [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  if (rows.size() > limit) {
    std::partial_sort(rows.begin(), rows.begin() + static_cast<long>(limit), rows.end(), order);
    rows.resize(limit);
  } else {
    std::sort(rows.begin(), rows.end(), order);
  }
  return rows;
}

// Days "YYYYMMDD" summed into periods "YYYY" (prefix 4) or "YYYY-MM" (prefix 6), gaps filled.
std::vector<FacetValue> period_rows(const std::map<std::string, Xapian::doccount>& days,
                                    bool months) {
  std::map<int, Xapian::doccount> periods;  // year*12+month-1, or year
  for (const auto& [day, count] : days) {
    if (day.size() < 6) continue;
    int year = std::stoi(day.substr(0, 4));
    int month = std::stoi(day.substr(4, 2));
    periods[months ? year * 12 + month - 1 : year] += count;
  }
  std::vector<FacetValue> rows;
  if (periods.empty()) return rows;
  for (int p = periods.begin()->first; p <= periods.rbegin()->first; ++p) {
    char label[16];
    if (months)
      std::snprintf(label, sizeof label, "%04d-%02d", p / 12, p % 12 + 1);
    else
      std::snprintf(label, sizeof label, "%04d", p);
    auto it = periods.find(p);
    rows.push_back(FacetValue{label, it == periods.end() ? 0 : it->second});
  }
  return rows;
}

}  // namespace

FacetResults FacetCounter::results(size_t name_limit) const {
  RawCounts raw = raw_counts();
  FacetResults results;
  for (FacetKind kind : kinds_) {
    if (is_name_facet(kind))
      results[kind] = name_rows(raw.names[kind], name_limit);
    else
      results[kind] = period_rows(raw.days, kind == FacetKind::kMonth);
  }
  return results;
}

}  // namespace newsarchive
