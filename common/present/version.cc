#include "present/version.h"

#include <xapian.h>

#include "present/project_version.h"

namespace newsarchive {

std::string_view project_version() {
  return NEWSARCHIVE_VERSION;
}

std::string version_line(std::string_view program) {
  return std::string(program) + " " + std::string(project_version()) + " (Xapian " +
         Xapian::version_string() + ")";
}

}  // namespace newsarchive
