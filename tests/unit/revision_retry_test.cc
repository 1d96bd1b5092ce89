// Unit tests for common/store/revision_retry.h: which errors retry_on_revision_change retries,
// how many times, and that it reopens the database between tries.
#include "store/revision_retry.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <stdexcept>
#include <string>

#include "test_support.h"

namespace newsarchive {
namespace {

TEST(RetryOnRevisionChange, ReturnsTheValueOfASuccessfulFirstTry) {
  int calls = 0;
  EXPECT_EQ(retry_on_revision_change(nullptr, [&] { return ++calls * 7; }), 7);
  EXPECT_EQ(calls, 1);
}

TEST(RetryOnRevisionChange, ReturnsTheValueOnceATryAfterModifiedErrorsSucceeds) {
  int calls = 0;
  auto read = [&]() -> std::string {
    if (++calls < 3) throw Xapian::DatabaseModifiedError("revision discarded");
    return "read on try " + std::to_string(calls);
  };
  EXPECT_EQ(retry_on_revision_change(nullptr, read, 5), "read on try 3");
  EXPECT_EQ(calls, 3);
}

TEST(RetryOnRevisionChange, TriesExactlyTriesTimesThenRethrowsTheModifiedError) {
  int calls = 0;
  auto read = [&]() -> int {
    ++calls;
    throw Xapian::DatabaseModifiedError("revision discarded " + std::to_string(calls));
  };
  try {
    retry_on_revision_change(nullptr, read, 4);
    FAIL() << "no error after the last try";
  } catch (const Xapian::DatabaseModifiedError& e) {
    EXPECT_EQ(e.get_msg(), "revision discarded 4");  // the last try's error
  }
  EXPECT_EQ(calls, 4);
}

TEST(RetryOnRevisionChange, TriesKRevisionRetriesTimesByDefault) {
  int calls = 0;
  auto read = [&]() -> int {
    ++calls;
    throw Xapian::DatabaseModifiedError("revision discarded");
  };
  EXPECT_THROW(retry_on_revision_change(nullptr, read), Xapian::DatabaseModifiedError);
  EXPECT_EQ(calls, kRevisionRetries);
}

// A reused block looks like corruption, so corruption is retried too and comes out at the end.
TEST(RetryOnRevisionChange, RetriesCorruptErrorsAndRethrowsTheLast) {
  int calls = 0;
  auto read = [&]() -> int {
    ++calls;
    throw Xapian::DatabaseCorruptError("bad block");
  };
  EXPECT_THROW(retry_on_revision_change(nullptr, read, 3), Xapian::DatabaseCorruptError);
  EXPECT_EQ(calls, 3);

  calls = 0;
  auto recovers = [&]() -> int {
    if (++calls == 1) throw Xapian::DatabaseCorruptError("bad block");
    return 11;
  };
  EXPECT_EQ(retry_on_revision_change(nullptr, recovers, 3), 11);
  EXPECT_EQ(calls, 2);
}

TEST(RetryOnRevisionChange, DoesNotRetryALockError) {
  int calls = 0;
  auto read = [&]() -> int {
    ++calls;
    throw Xapian::DatabaseLockError("locked");
  };
  EXPECT_THROW(retry_on_revision_change(nullptr, read, 5), Xapian::DatabaseLockError);
  EXPECT_EQ(calls, 1);
}

TEST(RetryOnRevisionChange, DoesNotRetryOtherXapianErrors) {
  int calls = 0;
  auto read = [&]() -> int {
    ++calls;
    throw Xapian::DatabaseOpeningError("cannot open");
  };
  EXPECT_THROW(retry_on_revision_change(nullptr, read, 5), Xapian::DatabaseOpeningError);
  EXPECT_EQ(calls, 1);
}

TEST(RetryOnRevisionChange, DoesNotRetryANonXapianException) {
  int calls = 0;
  auto read = [&]() -> int {
    ++calls;
    throw std::runtime_error("not a database problem");
  };
  EXPECT_THROW(retry_on_revision_change(nullptr, read, 5), std::runtime_error);
  EXPECT_EQ(calls, 1);
}

// The reader opened before a commit sees the committed document only after the reopen that
// comes between the tries.
TEST(RetryOnRevisionChange, ReopensTheDatabaseBetweenTries) {
  testing::TempDir dir;
  const std::string path = (dir.path() / "db").string();
  Xapian::WritableDatabase writer(path, Xapian::DB_CREATE);
  writer.commit();
  Xapian::Database reader(path);
  writer.add_document(Xapian::Document());
  writer.commit();
  ASSERT_EQ(reader.get_doccount(), 0u);
  int calls = 0;
  auto read = [&]() -> Xapian::doccount {
    if (++calls == 1) throw Xapian::DatabaseModifiedError("revision discarded");
    return reader.get_doccount();
  };
  EXPECT_EQ(retry_on_revision_change(&reader, read, 3), 1u);
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace newsarchive
