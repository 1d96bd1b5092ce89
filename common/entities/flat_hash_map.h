// A small open-addressing hash map keyed by 64-bit hashes, for the entity tagger's word lists
// and per-document counts (std::unordered_map's node allocations dominated those).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace newsarchive {

template <class Value>
class FlatHashMap {
 public:
  explicit FlatHashMap(size_t expected = 0) { rehash(expected); }

  // The value of `key`, inserted as Value{} when absent.
  Value& operator[](uint64_t key) {
    key = stored(key);
    if (2 * (size_ + 1) > keys_.size()) rehash(size_ + 1);
    size_t slot = key & mask_;
    while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & mask_;
    if (keys_[slot] == 0) {
      keys_[slot] = key;
      ++size_;
    }
    return values_[slot];
  }

  const Value* find(uint64_t key) const {
    key = stored(key);
    for (size_t slot = key & mask_;; slot = (slot + 1) & mask_) {
      if (keys_[slot] == key) return &values_[slot];
      if (keys_[slot] == 0) return nullptr;
    }
  }

  size_t size() const { return size_; }

  // Calls f(key, value) for every entry, in no particular order.
  template <class F>
  void for_each(F&& f) const {
    for (size_t slot = 0; slot < keys_.size(); ++slot)
      if (keys_[slot] != 0) f(keys_[slot] == kZero ? uint64_t{0} : keys_[slot], values_[slot]);
  }

 private:
  // 0 marks an empty slot, so a zero key is stored as kZero (a collision with a real key kZero
  // is as likely as any other 64-bit hash collision).
  static constexpr uint64_t kZero = 0x8000000000000000ull;
  static uint64_t stored(uint64_t key) { return key == 0 ? kZero : key; }

  void rehash(size_t entries) {
    size_t capacity = 16;
    while (capacity < 2 * entries) capacity *= 2;
    if (capacity <= keys_.size()) return;
    std::vector<uint64_t> keys(capacity, 0);
    std::vector<Value> values(capacity);
    const uint64_t mask = capacity - 1;
    for (size_t slot = 0; slot < keys_.size(); ++slot) {
      if (keys_[slot] == 0) continue;
      size_t to = keys_[slot] & mask;
      while (keys[to] != 0) to = (to + 1) & mask;
      keys[to] = keys_[slot];
      values[to] = values_[slot];
    }
    keys_.swap(keys);
    values_.swap(values);
    mask_ = mask;
  }

  std::vector<uint64_t> keys_;
  std::vector<Value> values_;
  uint64_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace newsarchive
