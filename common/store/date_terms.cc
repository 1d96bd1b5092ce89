// Date terms; see date_terms.h.
#include "store/date_terms.h"

#include "store/schema.h"

namespace newsarchive {
namespace {

struct DateTermShape {
  std::string_view prefix;
  size_t digits;  // of the slot key, YYYYMMDD
};

DateTermShape shape_of(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kYear:
      return {schema::kYearPrefix, 4};
    case DatePrecision::kMonth:
      return {schema::kMonthPrefix, 6};
    case DatePrecision::kDay:
      break;
  }
  return {schema::kDayPrefix, 8};
}

}  // namespace

std::string date_term(const Date& date, DatePrecision precision) {
  DateTermShape shape = shape_of(precision);
  return std::string(shape.prefix).append(date.slot_key().substr(0, shape.digits));
}

bool is_date_term(std::string_view term) {
  for (DatePrecision precision :
       {DatePrecision::kYear, DatePrecision::kMonth, DatePrecision::kDay}) {
    DateTermShape shape = shape_of(precision);
    if (term.starts_with(shape.prefix) && term.size() == shape.prefix.size() + shape.digits &&
        term.find_first_not_of("0123456789", shape.prefix.size()) == std::string_view::npos)
      return true;
  }
  return false;
}

}  // namespace newsarchive
