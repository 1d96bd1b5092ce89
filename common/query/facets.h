// Exact facet counts over every article a query matches: persons, years, months.
//
// Persons are counted from the person slots (schema.h), one canonical display name per slot,
// then merged by person_key() so one person is one row. Years and months come from the date
// slot. Two counting paths give identical results:
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

namespace newsarchive {

enum class FacetKind { kPerson, kYear, kMonth };
enum class FacetMode { kValueStreams, kStockSpies };

std::string_view facet_name(FacetKind kind);                      // "person", "year", "month"
std::optional<FacetKind> facet_from_name(std::string_view name);  // nullopt if unknown

struct FacetValue {
  std::string value;  // person display name, "2020", or "2020-01"
  Xapian::doccount count = 0;
  bool operator==(const FacetValue&) const = default;
};

// Per requested kind: persons by count (descending, then name), at most the requested size;
// years and months in calendar order from the first to the last period with matches, periods
// in between with no matches included at count 0 (a histogram, never cut).
using FacetResults = std::map<FacetKind, std::vector<FacetValue>>;

// Counts facets for one Enquire. Attach before get_mset; for exact counts get_mset must be
// asked to check every document (checkatleast = database.get_doccount()).
class FacetCounter {
 public:
  FacetCounter(const Xapian::Database& database, Xapian::valueno person_slots,
               const std::set<FacetKind>& kinds, FacetMode mode);
  ~FacetCounter();
  FacetCounter(const FacetCounter&) = delete;
  FacetCounter& operator=(const FacetCounter&) = delete;

  void attach(Xapian::Enquire& enquire);

  // Results after get_mset has run; `person_limit` rows of persons at most.
  FacetResults results(size_t person_limit) const;

 private:
  struct RawCounts {
    std::unordered_map<std::string, Xapian::doccount> persons;  // display name -> articles
    std::map<std::string, Xapian::doccount> days;               // YYYYMMDD -> articles
  };
  RawCounts raw_counts() const;

  class StreamSpy;
  std::set<FacetKind> kinds_;
  std::unique_ptr<StreamSpy> stream_spy_;
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> person_spies_;
  std::unique_ptr<Xapian::ValueCountMatchSpy> date_spy_;
};

}  // namespace newsarchive
