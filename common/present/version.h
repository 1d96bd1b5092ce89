// What --version prints: the project's version and the Xapian library the program runs with.
#pragma once

#include <string>
#include <string_view>

namespace newsarchive {

// The project version, as set by project(... VERSION x.y.z) in CMakeLists.txt.
std::string_view project_version();

// "<program> <project version> (Xapian <version>)", e.g. "newssearch 0.1.0 (Xapian 1.4.22)";
// the Xapian version is the one of the library loaded at run time, not the headers'.
std::string version_line(std::string_view program);

}  // namespace newsarchive
