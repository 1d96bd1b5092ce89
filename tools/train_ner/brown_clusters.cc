// Liang's windowed Brown clustering. The state is a window of active clusters ("slots") with
// their bigram counts, the mutual-information term of each ordered pair, and for each unordered
// pair the loss of merging it, all kept up to date incrementally: a merge or a new slot changes
// a pair's loss only through the terms it shares with the changed slots, so one step costs
// O(slots^2) rather than the O(slots^3) of recomputing every loss.
#include "brown_clusters.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace newsarchive::train_ner {
namespace {

class Window {
 public:
  Window(size_t capacity, double total)
      : k_(capacity),
        total_(total),
        n_(capacity, 0),
        b_(capacity * capacity, 0),
        q_(capacity * capacity, 0),
        loss_(capacity * capacity, 0) {}

  // Puts a cluster of `count` tokens into the free `slot`; `bigram(x, y)` gives the counts
  // between it and the active slots (and itself).
  template <class Bigrams>
  void add(size_t slot, double count, Bigrams&& bigrams) {
    for (size_t x = 0; x < k_; ++x) b(slot, x) = b(x, slot) = q(slot, x) = q(x, slot) = 0;
    n_[slot] = count;
    bigrams([&](size_t from, size_t to, double c) { b(from, to) += c; });
    set_terms(slot);
    for_pairs([&](size_t c, size_t d) { loss(c, d) += term(c, d, slot); });
    active_.insert(std::lower_bound(active_.begin(), active_.end(), slot), slot);
    refresh_losses(slot);
  }

  // The active pair (lower slot first) whose merge loses the least.
  std::pair<size_t, size_t> best() const {
    double best = std::numeric_limits<double>::infinity();
    std::pair<size_t, size_t> pair{0, 0};
    for_pairs([&](size_t c, size_t d) {
      if (loss_[c * k_ + d] < best) {
        best = loss_[c * k_ + d];
        pair = {c, d};
      }
    });
    return pair;
  }

  // Merges slot `gone` into `kept`; `gone` is free afterwards.
  void merge(size_t kept, size_t gone) {
    for_pairs([&](size_t c, size_t d) {
      if (c != kept && c != gone && d != kept && d != gone)
        loss(c, d) -= term(c, d, kept) + term(c, d, gone);
    });
    for (size_t x : active_) {
      if (x == kept || x == gone) continue;
      b(kept, x) += b(gone, x);
      b(x, kept) += b(x, gone);
    }
    b(kept, kept) += b(kept, gone) + b(gone, kept) + b(gone, gone);
    n_[kept] += n_[gone];
    active_.erase(std::find(active_.begin(), active_.end(), gone));
    set_terms(kept);
    for_pairs([&](size_t c, size_t d) {
      if (c != kept && d != kept) loss(c, d) += term(c, d, kept);
    });
    refresh_losses(kept);
  }

  size_t active() const { return active_.size(); }

 private:
  double& b(size_t s, size_t t) { return b_[s * k_ + t]; }
  double b(size_t s, size_t t) const { return b_[s * k_ + t]; }
  double& q(size_t s, size_t t) { return q_[s * k_ + t]; }
  double q(size_t s, size_t t) const { return q_[s * k_ + t]; }
  double& loss(size_t s, size_t t) { return loss_[std::min(s, t) * k_ + std::max(s, t)]; }

  // A pair's contribution to the mutual information (in unnormalised counts).
  double info(double pair, double left, double right) const {
    return pair > 0 ? pair * std::log(pair * total_ / (left * right)) : 0.0;
  }

  void set_terms(size_t s) {
    for (size_t x : active_) {
      q(s, x) = info(b(s, x), n_[s], n_[x]);
      q(x, s) = info(b(x, s), n_[x], n_[s]);
    }
    q(s, s) = info(b(s, s), n_[s], n_[s]);
  }

  // What slot x adds to the loss of merging c and d: its terms with both, less its terms with
  // the merged cluster.
  double term(size_t c, size_t d, size_t x) const {
    const double cx = b(c, x) + b(d, x), xc = b(x, c) + b(x, d);
    if (cx == 0 && xc == 0) return 0.0;
    const double m = n_[c] + n_[d];
    return q(c, x) + q(x, c) + q(d, x) + q(x, d) - info(cx, m, n_[x]) - info(xc, n_[x], m);
  }

  double loss_from_scratch(size_t s, size_t t) const {
    const double m = n_[s] + n_[t];
    double l =
        q(s, s) + q(s, t) + q(t, s) + q(t, t) - info(b(s, s) + b(s, t) + b(t, s) + b(t, t), m, m);
    for (size_t x : active_)
      if (x != s && x != t) l += term(s, t, x);
    return l;
  }

  void refresh_losses(size_t s) {
    for (size_t x : active_)
      if (x != s) loss(s, x) = loss_from_scratch(s, x);
  }

  template <class F>
  void for_pairs(F&& f) const {
    for (size_t i = 0; i < active_.size(); ++i)
      for (size_t j = i + 1; j < active_.size(); ++j) f(active_[i], active_[j]);
  }

  size_t k_;
  double total_;
  std::vector<double> n_;
  std::vector<double> b_;  // bigram counts, b(s, t): s followed by t
  std::vector<double> q_;
  std::vector<double> loss_;    // loss(s, t) for s < t
  std::vector<size_t> active_;  // sorted
};

}  // namespace

void BrownClusterer::add_sentence(const std::vector<std::string_view>& words) {
  for (std::string_view word : words) {
    auto [it, added] = ids_.try_emplace(std::string(word), static_cast<uint32_t>(words_.size()));
    if (added) {
      words_.emplace_back(word);
      counts_.push_back(0);
    }
    ++counts_[it->second];
    stream_.push_back(it->second);
  }
  stream_.push_back(kBreak);
  ++sentences_;
}

std::vector<BrownCluster> BrownClusterer::run(size_t clusters, uint32_t min_count) const {
  // Kept words by falling frequency, then spelling (for a deterministic order).
  std::vector<uint32_t> order;
  for (uint32_t w = 0; w < words_.size(); ++w)
    if (counts_[w] >= min_count) order.push_back(w);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return counts_[a] != counts_[b] ? counts_[a] > counts_[b] : words_[a] < words_[b];
  });
  const size_t kept = order.size();
  if (kept == 0 || clusters == 0) return {};
  constexpr uint32_t kNone = 0xFFFFFFFFu;
  std::vector<uint32_t> rank(words_.size(), kNone);
  for (uint32_t r = 0; r < kept; ++r) rank[order[r]] = r;

  // Bigrams of kept words, as each word's right neighbours.
  std::vector<std::vector<std::pair<uint32_t, double>>> right(kept);
  {
    std::unordered_map<uint64_t, uint32_t> pairs;
    for (size_t i = 0; i + 1 < stream_.size(); ++i) {
      if (stream_[i] == kBreak || stream_[i + 1] == kBreak) continue;
      uint32_t a = rank[stream_[i]], b = rank[stream_[i + 1]];
      if (a != kNone && b != kNone) ++pairs[uint64_t{a} << 32 | b];
    }
    for (const auto& [key, count] : pairs)
      right[key >> 32].emplace_back(static_cast<uint32_t>(key & 0xFFFFFFFFu), count);
  }
  std::vector<std::vector<std::pair<uint32_t, double>>> left(kept);
  for (uint32_t a = 0; a < kept; ++a) {
    std::sort(right[a].begin(), right[a].end());
    for (const auto& [b, count] : right[a]) left[b].emplace_back(a, count);
  }
  double total = 0;
  for (uint32_t w : order) total += static_cast<double>(counts_[w]);

  const size_t window = std::min(clusters, kept);
  Window state(window + 1, total);
  std::vector<uint32_t> slot_of(kept, kNone);  // of each word added so far
  std::vector<std::vector<uint32_t>> members(window + 1);
  auto add_word = [&](uint32_t r, size_t slot) {
    slot_of[r] = static_cast<uint32_t>(slot);
    members[slot] = {r};
    state.add(slot, static_cast<double>(counts_[order[r]]), [&](auto&& put) {
      for (const auto& [b, count] : right[r])
        if (b == r || slot_of[b] != kNone) put(slot, b == r ? slot : slot_of[b], count);
      for (const auto& [a, count] : left[r])
        if (a != r && slot_of[a] != kNone) put(slot_of[a], slot, count);
    });
  };
  auto merge = [&](size_t kept_slot, size_t gone) {
    state.merge(kept_slot, gone);
    for (uint32_t r : members[gone]) slot_of[r] = static_cast<uint32_t>(kept_slot);
    members[kept_slot].insert(members[kept_slot].end(), members[gone].begin(), members[gone].end());
    members[gone].clear();
  };

  for (uint32_t r = 0; r < window; ++r) add_word(r, r);
  size_t free_slot = window;
  for (uint32_t r = static_cast<uint32_t>(window); r < kept; ++r) {
    add_word(r, free_slot);
    auto [a, b] = state.best();
    merge(a, b);
    free_slot = b;
  }

  // The tree over the final clusters: node ids, each with its parent and the branch taken.
  std::vector<size_t> node_of(window + 1, 0);
  std::vector<size_t> parent, branch;
  std::vector<size_t> leaf_slot;
  for (size_t s = 0; s <= window; ++s) {
    if (members[s].empty()) continue;
    node_of[s] = parent.size();
    parent.push_back(kNone);
    branch.push_back(0);
    leaf_slot.push_back(s);
  }
  const size_t leaves = parent.size();
  while (state.active() > 1) {
    auto [a, b] = state.best();
    const size_t node = parent.size();
    parent.push_back(kNone);
    branch.push_back(0);
    parent[node_of[a]] = node;
    branch[node_of[a]] = 0;
    parent[node_of[b]] = node;
    branch[node_of[b]] = 1;
    state.merge(a, b);
    node_of[a] = node;
  }

  std::vector<BrownCluster> out;
  out.reserve(kept);
  for (size_t leaf = 0; leaf < leaves; ++leaf) {
    std::string path;
    for (size_t node = leaf; parent[node] != kNone; node = parent[node])
      path.push_back(branch[node] ? '1' : '0');
    std::reverse(path.begin(), path.end());
    if (path.empty()) path.push_back('0');  // a single cluster: one branch
    for (uint32_t r : members[leaf_slot[leaf]])
      out.push_back(BrownCluster{words_[order[r]], path, counts_[order[r]]});
  }
  std::sort(out.begin(), out.end(),
            [](const BrownCluster& a, const BrownCluster& b) { return a.word < b.word; });
  return out;
}

}  // namespace newsarchive::train_ner
