// Fuzz target: both date parsers on arbitrary text, with the properties date.h promises.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "text/date.h"

namespace {

using newsarchive::Date;
using newsarchive::fuzz::check;

// A Date from a parser must be one make_date would build: a real day in [kMinYear, kMaxYear].
bool is_valid(const Date& date) {
  return newsarchive::make_date(date.year, date.month, date.day) == date;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsarchive;
  std::string_view text(reinterpret_cast<const char*>(data), size);

  if (std::optional<Date> date = parse_article_date(text)) {
    check(is_valid(*date), "parse_article_date returned an impossible date");
    // The ISO form is itself an accepted dateline and names the same day.
    check(parse_article_date(date->iso()) == date, "parse_article_date(iso()) differs");
    std::string key = date->slot_key();
    check(key.size() == 8, "slot_key is not YYYYMMDD");
  }

  if (std::optional<DatePeriod> period = parse_date_period(text)) {
    check(is_valid(period->first) && is_valid(period->last),
          "parse_date_period returned an impossible date");
    check(period->first <= period->last, "parse_date_period returned an empty period");
    // A period is a day, a month or a year: both ends share the year.
    check(period->first.year == period->last.year, "parse_date_period spans years");
    std::optional<DatePeriod> day = parse_date_period(period->first.iso());
    check(day && day->first == period->first && day->last == period->first,
          "parse_date_period(first.iso()) is not that one day");
  }
  return 0;
}
