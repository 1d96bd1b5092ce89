// Unit tests for common/entities/flat_hash_map.h: lookups in an empty map, the zero key (0 marks
// an empty slot, so key 0 is stored under another value and must still read back as 0),
// insertion, and growth far past the initial 16 slots.
// clang-format off
// flat_hash_map.h uses size_t without including <cstddef> (so it compiles only after a header
// that brings it in); this file supplies it so that the map itself can be tested meanwhile.
#include <cstddef>
#include "entities/flat_hash_map.h"
// clang-format on

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>

namespace newsarchive {
namespace {

// Every entry for_each reports, ordered by key.
template <class Value>
std::map<uint64_t, Value> entries_of(const FlatHashMap<Value>& map) {
  std::map<uint64_t, Value> entries;
  size_t calls = 0;
  map.for_each([&](uint64_t key, const Value& value) {
    entries[key] = value;
    ++calls;
  });
  EXPECT_EQ(calls, entries.size()) << "for_each reported a key twice";
  return entries;
}

TEST(FlatHashMap, AnEmptyMapFindsNothing) {
  FlatHashMap<int> map;
  EXPECT_EQ(map.size(), 0u);
  EXPECT_EQ(map.find(0), nullptr);
  EXPECT_EQ(map.find(1), nullptr);
  EXPECT_EQ(map.find(0xffffffffffffffffull), nullptr);
  EXPECT_EQ(entries_of(map), (std::map<uint64_t, int>{}));
}

TEST(FlatHashMap, AnEmptyMapSizedForManyEntriesFindsNothing) {
  FlatHashMap<int> map(1000);
  EXPECT_EQ(map.size(), 0u);
  EXPECT_EQ(map.find(0), nullptr);
  EXPECT_EQ(map.find(12345), nullptr);
}

TEST(FlatHashMap, IndexingInsertsAValueInitialisedEntryOnce) {
  FlatHashMap<std::string> map;
  EXPECT_EQ(map[42], "");
  EXPECT_EQ(map.size(), 1u);
  map[42] = "answer";
  map[42] += "!";
  EXPECT_EQ(map.size(), 1u);
  ASSERT_NE(map.find(42), nullptr);
  EXPECT_EQ(*map.find(42), "answer!");
  EXPECT_EQ(map.find(43), nullptr);
}

TEST(FlatHashMap, TheZeroKeyIsAnOrdinaryEntry) {
  FlatHashMap<int> map;
  EXPECT_EQ(map.find(0), nullptr);
  map[0] = 5;
  EXPECT_EQ(map.size(), 1u);
  ASSERT_NE(map.find(0), nullptr);
  EXPECT_EQ(*map.find(0), 5);
  map[0] += 1;
  EXPECT_EQ(map.size(), 1u);
  EXPECT_EQ(*map.find(0), 6);
  // for_each gives back the key as inserted, not the value it is stored under.
  EXPECT_EQ(entries_of(map), (std::map<uint64_t, int>{{0, 6}}));
}

TEST(FlatHashMap, TheZeroKeyLivesBesideKeysOfTheSameSlot) {
  FlatHashMap<int> map;
  // All of these start probing at slot 0 of the 16.
  map[0] = 1;
  map[16] = 2;
  map[32] = 3;
  EXPECT_EQ(map.size(), 3u);
  EXPECT_EQ(*map.find(0), 1);
  EXPECT_EQ(*map.find(16), 2);
  EXPECT_EQ(*map.find(32), 3);
  EXPECT_EQ(map.find(48), nullptr);
  EXPECT_EQ(entries_of(map), (std::map<uint64_t, int>{{0, 1}, {16, 2}, {32, 3}}));
}

TEST(FlatHashMap, CollidingKeysAreAllKept) {
  FlatHashMap<int> map;
  // The same low bits: one probe chain.
  for (int i = 1; i <= 8; ++i) map[static_cast<uint64_t>(i) << 40 | 7] = i;
  EXPECT_EQ(map.size(), 8u);
  for (int i = 1; i <= 8; ++i) {
    const int* value = map.find(static_cast<uint64_t>(i) << 40 | 7);
    ASSERT_NE(value, nullptr) << i;
    EXPECT_EQ(*value, i);
  }
  EXPECT_EQ(map.find(uint64_t{9} << 40 | 7), nullptr);
}

// 16 slots hold 8 entries; 10,000 entries take eleven doublings, each moving every entry.
TEST(FlatHashMap, GrowsPastItsInitialCapacityKeepingEveryEntry) {
  FlatHashMap<uint64_t> map;
  constexpr uint64_t kEntries = 10'000;
  for (uint64_t i = 0; i < kEntries; ++i) {
    map[i * 0x9e3779b97f4a7c15ull] = i;  // key 0 included
    ASSERT_EQ(map.size(), i + 1);
  }
  for (uint64_t i = 0; i < kEntries; ++i) {
    const uint64_t* value = map.find(i * 0x9e3779b97f4a7c15ull);
    ASSERT_NE(value, nullptr) << i;
    EXPECT_EQ(*value, i);
  }
  std::map<uint64_t, uint64_t> entries = entries_of(map);
  EXPECT_EQ(entries.size(), kEntries);
  EXPECT_EQ(entries.count(0), 1u);
  EXPECT_EQ(entries[0], 0u);
  EXPECT_EQ(map.find(1), nullptr);
}

TEST(FlatHashMap, GrowsPastItsInitialCapacityWithSequentialKeys) {
  FlatHashMap<int> map;
  for (int round = 0; round < 3; ++round)
    for (uint64_t key = 1; key <= 100; ++key) map[key] += 1;
  EXPECT_EQ(map.size(), 100u);
  std::map<uint64_t, int> expected;
  for (uint64_t key = 1; key <= 100; ++key) expected[key] = 3;
  EXPECT_EQ(entries_of(map), expected);
}

TEST(FlatHashMap, AProbeChainSurvivesTheFirstDoubling) {
  // 8 entries fill half of the 16 slots; the 9th doubles the table, which moves the chain.
  FlatHashMap<int> map;
  for (int i = 0; i < 9; ++i) {
    map[static_cast<uint64_t>(i) * 16] = i;  // all in one probe chain
    EXPECT_EQ(map.size(), static_cast<size_t>(i + 1));
  }
  for (int i = 0; i < 9; ++i) {
    ASSERT_NE(map.find(static_cast<uint64_t>(i) * 16), nullptr) << i;
    EXPECT_EQ(*map.find(static_cast<uint64_t>(i) * 16), i);
  }
}

}  // namespace
}  // namespace newsarchive
