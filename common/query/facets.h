// Exact facet counts over every article a query matches: persons, places, organisations, years,
// months.
//
// Persons, places and organisations are counted from their kind's facet slots (schema.h), one
// display name per slot, then merged by person_key() so one person, place or organisation is
// one row, shown in its most common display form (display_form.h). Years and months come from
// the date slot. Two counting paths give identical results:
//   - kValueStreams: a match spy that walks each slot's value stream forward in step with the
//     match (fast; a single local database — with several shards the stock spies are used);
//   - kStockSpies: one Xapian::ValueCountMatchSpy per slot, the spy a remote shard served by
//     stock xapian-tcpsrv can run.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/metadata.h"

namespace newsarchive {

// In the order results are shown: the name tables, then the date histograms.
enum class FacetKind { kPerson, kPlace, kOrganization, kYear, kMonth };
enum class FacetMode { kValueStreams, kStockSpies };

// "person", "place", "org" (the org: query field's name), "year", "month".
std::string_view facet_name(FacetKind kind);
std::optional<FacetKind> facet_from_name(std::string_view name);  // nullopt if unknown
// Person, place and organisation facets: rows of names by count, cut to a size.
bool is_name_facet(FacetKind kind);

struct FacetValue {
  std::string value;  // display name, "2020", or "2020-01"
  Xapian::doccount count = 0;
  bool operator==(const FacetValue&) const = default;
};

// Per requested kind: names by count (descending, then name), at most the requested size;
// years and months in calendar order from the first to the last period with matches, periods
// in between with no matches included at count 0 (a histogram, never cut).
using FacetResults = std::map<FacetKind, std::vector<FacetValue>>;

// Counts facets for one Enquire. Attach before get_mset; for exact counts get_mset must be
// asked to check every document (checkatleast = database.get_doccount()).
class FacetCounter {
 public:
  // `slots`: how many facet slots of each kind to count (entity_slot_counts of the database).
  FacetCounter(const Xapian::Database& database, const EntitySlotCounts& slots,
               const std::set<FacetKind>& kinds, FacetMode mode);
  ~FacetCounter();
  FacetCounter(const FacetCounter&) = delete;
  FacetCounter& operator=(const FacetCounter&) = delete;

  void attach(Xapian::Enquire& enquire);

  // Results after get_mset has run; `name_limit` rows of each name facet at most.
  FacetResults results(size_t name_limit) const;

 private:
  // A slot to count and the name facet it belongs to.
  struct NameSlot {
    FacetKind kind;
    Xapian::valueno slot;
  };
  using DisplayCounts = std::unordered_map<std::string, Xapian::doccount>;  // name -> articles
  struct RawCounts {
    std::map<FacetKind, DisplayCounts> names;
    std::map<std::string, Xapian::doccount> days;  // YYYYMMDD -> articles
  };
  RawCounts raw_counts() const;

  class StreamSpy;
  struct SlotSpy {
    FacetKind kind;
    std::unique_ptr<Xapian::ValueCountMatchSpy> spy;
  };
  std::set<FacetKind> kinds_;
  std::unique_ptr<StreamSpy> stream_spy_;
  std::vector<SlotSpy> name_spies_;
  std::unique_ptr<Xapian::ValueCountMatchSpy> date_spy_;
};

}  // namespace newsarchive
