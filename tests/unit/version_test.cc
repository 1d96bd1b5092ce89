// Tests for version: the --version line's shape and where its parts come from.
#include "present/version.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <regex>
#include <string>

namespace newsarchive {
namespace {

TEST(ProjectVersion, IsThreeNumbers) {
  EXPECT_TRUE(std::regex_match(std::string(project_version()), std::regex(R"(\d+\.\d+\.\d+)")))
      << project_version();
}

TEST(VersionLine, NamesProgramProjectAndXapian) {
  EXPECT_EQ(version_line("newssearch"), "newssearch " + std::string(project_version()) +
                                            " (Xapian " + Xapian::version_string() + ")");
}

}  // namespace
}  // namespace newsarchive
