// Tests for version: the --version line's shape and where its parts come from.
#include "present/version.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <string_view>

namespace newsarchive {
namespace {

// True for "N.N.N", each N one or more ASCII digits. Written out rather than with std::regex,
// whose inlined std::function GCC 12 flags as maybe-uninitialized in the sanitizer build.
bool is_three_numbers(std::string_view text) {
  int numbers = 0;
  bool in_number = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (!in_number) ++numbers;
      in_number = true;
    } else if (c == '.' && in_number && numbers < 3) {
      in_number = false;
    } else {
      return false;
    }
  }
  return numbers == 3 && in_number;
}

TEST(ProjectVersion, IsThreeNumbers) {
  EXPECT_TRUE(is_three_numbers(project_version())) << project_version();
  EXPECT_FALSE(is_three_numbers("1.2"));
  EXPECT_FALSE(is_three_numbers("1.2.3.4"));
  EXPECT_FALSE(is_three_numbers("1..3"));
  EXPECT_FALSE(is_three_numbers("1.2.x"));
}

TEST(VersionLine, NamesProgramProjectAndXapian) {
  EXPECT_EQ(version_line("newssearch"), "newssearch " + std::string(project_version()) +
                                            " (Xapian " + Xapian::version_string() + ")");
}

}  // namespace
}  // namespace newsarchive
