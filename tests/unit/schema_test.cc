// Tests for schema.h: prefixes, the undated marker and the user field table cannot be confused.
#include "store/schema.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "store/document_builder.h"

namespace newsarchive {
namespace {

TEST(Schema, PrefixesAreUnique) {
  std::set<std::string_view> seen;
  for (std::string_view prefix : schema::kAllPrefixes)
    EXPECT_TRUE(seen.insert(prefix).second) << "duplicate prefix '" << prefix << "'";
}

// A term "XSfoo" must have exactly one reading. If one prefix began another (say "X" and "XS"),
// "XSfoo" could be X + "Sfoo" or XS + "foo".
TEST(Schema, NoPrefixBeginsAnotherPrefix) {
  for (std::string_view a : schema::kAllPrefixes)
    for (std::string_view b : schema::kAllPrefixes)
      if (a != b) {
        EXPECT_FALSE(b.starts_with(a)) << "'" << a << "' begins '" << b << "'";
      }
}

// Omega's convention: single capitals for the standard meanings, "X" + capitals for our own.
// Single capitals are safe because what follows them never starts with a capital that could
// extend the prefix: free-text words (S, A) are lower-cased by the TermGenerator, Y/M/D are
// followed by digits, and no other prefix starts with Q, so "Q" + any id reads one way only.
TEST(Schema, PrefixesAreSingleCapitalsOrXPlusCapitals) {
  for (std::string_view prefix : schema::kAllPrefixes) {
    ASSERT_FALSE(prefix.empty());
    for (char c : prefix) EXPECT_TRUE(c >= 'A' && c <= 'Z') << "prefix '" << prefix << "'";
    if (prefix.size() > 1) {
      EXPECT_EQ(prefix.front(), 'X') << "prefix '" << prefix << "'";
    }
  }
}

// The TermGenerator writes stemmed forms as "Z" + prefix + stem, so a prefix starting with Z
// would be confused with a stemmed term.
TEST(Schema, NoPrefixStartsWithXapiansStemMarker) {
  for (std::string_view prefix : schema::kAllPrefixes)
    EXPECT_FALSE(prefix.starts_with("Z")) << "prefix '" << prefix << "'";
}

TEST(Schema, UndatedTermIsAnXTermOutsideEveryPrefix) {
  EXPECT_EQ(schema::kUndatedTerm, "XUNDATED");
  EXPECT_TRUE(schema::kUndatedTerm.starts_with("X"));
  for (std::string_view prefix : schema::kAllPrefixes)
    EXPECT_FALSE(schema::kUndatedTerm.starts_with(prefix)) << "prefix '" << prefix << "'";
}

// Every source filter term starts with "XS" and "XUNDATED" does not, so no source value, however
// spelled, can produce the undated marker; lower-casing keeps the value part lower case.
TEST(Schema, SourceFilterTermsCannotEqualTheUndatedTerm) {
  EXPECT_EQ(filter_term(schema::kSourcePrefix, "UNDATED"), "XSundated");
  EXPECT_EQ(filter_term(schema::kSourcePrefix, "XUNDATED"), "XSxundated");
  EXPECT_EQ(filter_term(schema::kSourcePrefix, ""), "XS");
  EXPECT_FALSE(schema::kUndatedTerm.starts_with(schema::kSourcePrefix));
}

TEST(Schema, FieldNamesAreUniqueLowerCaseAndNotTheDateField) {
  std::set<std::string_view> seen;
  for (const schema::FieldSpec& field : schema::kFields) {
    EXPECT_TRUE(seen.insert(field.name).second) << "duplicate field '" << field.name << "'";
    EXPECT_NE(field.name, schema::kDateField);
    for (char c : field.name) EXPECT_TRUE(c >= 'a' && c <= 'z') << "field '" << field.name << "'";
  }
}

TEST(Schema, EveryFieldPrefixIsADeclaredPrefix) {
  std::set<std::string_view> prefixes(schema::kAllPrefixes.begin(), schema::kAllPrefixes.end());
  for (const schema::FieldSpec& field : schema::kFields)
    EXPECT_TRUE(prefixes.contains(field.prefix))
        << "field '" << field.name << "' uses undeclared prefix '" << field.prefix << "'";
}

// Users can reach the fields listed, and nothing else: not the id, nor the date terms.
TEST(Schema, UserFieldsAreExactlyTheDocumentedOnes) {
  struct Expected {
    std::string_view name;
    std::string_view prefix;
    schema::FieldKind kind;
  };
  const Expected expected[] = {
      {"title", schema::kTitlePrefix, schema::FieldKind::kFreeText},
      {"author", schema::kAuthorPrefix, schema::FieldKind::kFreeText},
      {"source", schema::kSourcePrefix, schema::FieldKind::kBoolean},
      {"person", schema::kPersonPrefix, schema::FieldKind::kPerson},
      {"place", schema::kPlacePrefix, schema::FieldKind::kName},
      {"org", schema::kOrganizationPrefix, schema::FieldKind::kName},
  };
  ASSERT_EQ(schema::kFields.size(), std::size(expected));
  for (size_t i = 0; i < std::size(expected); ++i) {
    EXPECT_EQ(schema::kFields[i].name, expected[i].name);
    EXPECT_EQ(schema::kFields[i].prefix, expected[i].prefix);
    EXPECT_EQ(schema::kFields[i].kind, expected[i].kind);
  }
}

TEST(Schema, MetadataKeysAreDistinct) {
  std::set<std::string_view> keys = {
      schema::kSchemaVersionKey, schema::kLanguageKey,          schema::kPersonSlotsKey,
      schema::kPlaceSlotsKey,    schema::kOrganizationSlotsKey, schema::kCheckpointKey,
      schema::kLastRunKey};
  EXPECT_EQ(keys.size(), 7u);
}

// Every slot a document may hold, by owner: no two owners may share one.
TEST(Schema, FacetSlotRangesOverlapNoOtherSlot) {
  std::map<Xapian::valueno, std::string> owner = {{schema::kDateSlot, "date"},
                                                  {schema::kContentHashSlot, "hash"},
                                                  {schema::kSortKeySlot, "sort key"},
                                                  {schema::kOldestKeySlot, "oldest key"}};
  auto claim = [&](Xapian::valueno first, Xapian::valueno count, const std::string& name) {
    for (Xapian::valueno k = 0; k < count; ++k)
      EXPECT_TRUE(owner.emplace(first + k, name).second)
          << name << " slot " << first + k << " is also " << owner[first + k] << "'s";
  };
  claim(schema::kFirstPersonSlot, schema::kMaxPersonSlots, "person");
  claim(schema::kFirstPlaceSlot, schema::kMaxPlaceSlots, "place");
  claim(schema::kFirstOrganizationSlot, schema::kMaxOrganizationSlots, "organisation");
  EXPECT_EQ(owner.size(), 4u + 64 + 64 + 64);
}

TEST(Schema, PersonSlotsDoNotOverlapTheDateSlot) {
  EXPECT_GT(schema::kFirstPersonSlot, schema::kDateSlot);
  EXPECT_GE(schema::kMaxPersonSlots, 1u);
}

}  // namespace
}  // namespace newsarchive
