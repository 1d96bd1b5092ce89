// Dates that archives keep in file and folder names.
#pragma once

#include <optional>
#include <string_view>

#include "text/date.h"

namespace newsarchive {

// The date a path (or URL) states, nullopt when it states none. Recognised, anywhere in the
// path, bounded by non-digits: "2020/01/06" (folders), "2020-01-06", "2020_01_06", "2020.01.06"
// (with any one of those separators, used twice), and eight digits "20200106" when they read as a
// day of 1900–2099. When the path holds several, the last one (the one nearest the file name)
// wins. Year, month and day must name a real day.
std::optional<Date> date_from_path(std::string_view path);

}  // namespace newsarchive
