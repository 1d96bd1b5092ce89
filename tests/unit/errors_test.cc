// Unit: the error types the programs turn into exit codes, and how a value is quoted in their
// messages.
#include "text/errors.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <type_traits>

namespace newsarchive {
namespace {

TEST(QuoteValue, PlainTextIsWrappedInSingleQuotes) {
  EXPECT_EQ(quote_value("2020-13"), "'2020-13'");
}

// An empty value must still show as something, or "invalid date for --from: " reads as if the
// value were missing from the message.
TEST(QuoteValue, EmptyTextBecomesTwoQuotes) {
  EXPECT_EQ(quote_value(""), "''");
}

// The value is shown as typed: quotes inside are not escaped or doubled, so a user can see
// exactly which apostrophe the parser choked on.
TEST(QuoteValue, QuotesInsideAreKeptAsTheyAre) {
  EXPECT_EQ(quote_value("O'Brien"), "'O'Brien'");
  EXPECT_EQ(quote_value("'x'"), "''x''");
  EXPECT_EQ(quote_value("\"x\""), "'\"x\"'");
}

// Making a message printable is the error boundary's job (one_line in present/cli_support.h),
// done once over the whole line; quote_value keeps the bytes, so the boundary sees them all.
TEST(QuoteValue, ControlCharactersAndNulPassThroughByteForByte) {
  const std::string value("a\tb\nc\x1b[31m\x7f", 11);
  EXPECT_EQ(quote_value(value), "'" + value + "'");
  const std::string with_nul("a\0b", 3);
  EXPECT_EQ(quote_value(with_nul), std::string("'a\0b'", 5));
}

// Long values are not cut: a shortened path or query in an error could name a different one.
TEST(QuoteValue, LongTextIsNotCut) {
  const std::string value(10000, 'x');
  const std::string quoted = quote_value(value);
  EXPECT_EQ(quoted.size(), 10002u);
  EXPECT_EQ(quoted, "'" + value + "'");
}

// Each type must be catchable as std::runtime_error (the boundary's last catch before "other
// errors") and keep its message exactly.
template <typename Error>
class ErrorType : public ::testing::Test {};
using ErrorTypes =
    ::testing::Types<UserError, DatabaseBusyError, DatabaseDamagedError, DiskFullError>;
TYPED_TEST_SUITE(ErrorType, ErrorTypes);

TYPED_TEST(ErrorType, DerivesFromRuntimeErrorAndKeepsTheMessage) {
  static_assert(std::is_base_of_v<std::runtime_error, TypeParam>);
  try {
    throw TypeParam("database '/x' is damaged");
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "database '/x' is damaged");
  }
}

// run_guarded maps each type to its own exit code by catching them in turn: were one type
// derived from another, the first catch would take both and e.g. a busy database (75, retry)
// would exit as a usage error (2).
TEST(ErrorTypes, NoTypeDerivesFromAnother) {
  EXPECT_FALSE((std::is_base_of_v<UserError, DatabaseBusyError>));
  EXPECT_FALSE((std::is_base_of_v<UserError, DatabaseDamagedError>));
  EXPECT_FALSE((std::is_base_of_v<UserError, DiskFullError>));
  EXPECT_FALSE((std::is_base_of_v<DatabaseBusyError, UserError>));
  EXPECT_FALSE((std::is_base_of_v<DatabaseBusyError, DatabaseDamagedError>));
  EXPECT_FALSE((std::is_base_of_v<DatabaseBusyError, DiskFullError>));
  EXPECT_FALSE((std::is_base_of_v<DatabaseDamagedError, UserError>));
  EXPECT_FALSE((std::is_base_of_v<DatabaseDamagedError, DatabaseBusyError>));
  EXPECT_FALSE((std::is_base_of_v<DatabaseDamagedError, DiskFullError>));
  EXPECT_FALSE((std::is_base_of_v<DiskFullError, UserError>));
  EXPECT_FALSE((std::is_base_of_v<DiskFullError, DatabaseBusyError>));
  EXPECT_FALSE((std::is_base_of_v<DiskFullError, DatabaseDamagedError>));
}

}  // namespace
}  // namespace newsarchive
