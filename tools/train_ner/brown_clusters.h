// Brown word clusters (Brown et al. 1992) learnt from unlabeled text, by the windowed
// agglomeration of Liang (2005): the most frequent words start as their own clusters; each
// further word, in order of frequency, joins the active set and the pair of active clusters whose
// merge loses the least average mutual information of adjacent clusters is merged, so the active
// set never grows past `clusters` + 1. Finally the remaining clusters are merged down to one; the
// order of those merges is a binary tree whose root-to-leaf path is each cluster's bit string.
// Words that share a long prefix of their path occur in similar contexts ("Clinton", "Yeltsin").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace newsarchive::train_ner {

struct BrownCluster {
  std::string word;
  std::string path;  // '0' and '1'
  uint64_t count = 0;
};

class BrownClusterer {
 public:
  // Adds one sentence of words (no bigram is counted across sentences).
  void add_sentence(const std::vector<std::string_view>& words);

  size_t tokens() const { return stream_.size() - sentences_; }

  // Every word seen at least `min_count` times with its cluster's path, sorted by word. The
  // result depends only on the sentences added and the arguments (ties break by word order).
  // Time is about (words kept) * clusters^2.
  std::vector<BrownCluster> run(size_t clusters, uint32_t min_count) const;

 private:
  static constexpr uint32_t kBreak = 0xFFFFFFFFu;
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> words_;
  std::vector<uint64_t> counts_;
  std::vector<uint32_t> stream_;  // word ids, kBreak after each sentence
  size_t sentences_ = 0;
};

}  // namespace newsarchive::train_ner
