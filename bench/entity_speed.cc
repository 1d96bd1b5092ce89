// Entity tagger throughput: every title and body of a JSON Lines archive through
// EntityTagger::english().find() on one thread; prints MB/s and mentions/s, best of three runs.
// Usage: bench_entity_speed ARCHIVE.jsonl   (bench/entity_speed.sh prepares Reuters-21578)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "entities/entity_tagger.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: bench_entity_speed ARCHIVE.jsonl\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "bench_entity_speed: error: cannot read '%s'\n", argv[1]);
    return 2;
  }
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    nlohmann::json article = nlohmann::json::parse(line, nullptr, false);
    if (article.is_discarded() || !article.is_object()) continue;
    for (const char* field : {"title", "body"}) {
      auto it = article.find(field);
      if (it == article.end() || !it->is_string()) continue;
      texts.push_back(it->get<std::string>());
      bytes += texts.back().size();
    }
  }
  const newsarchive::EntityTagger& tagger = newsarchive::EntityTagger::english();  // load first
  double best = 1e300;
  size_t mentions = 0;
  for (int run = 0; run < 3; ++run) {
    mentions = 0;
    auto start = std::chrono::steady_clock::now();
    for (const std::string& text : texts) mentions += tagger.find(text).size();
    best = std::min(
        best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::printf("entity tagger: %zu texts, %.1f MB, %zu mentions\n", texts.size(),
              static_cast<double>(bytes) / 1e6, mentions);
  std::printf("best of 3: %.3f s, %.2f MB/s, %.0f mentions/s (one thread)\n", best,
              static_cast<double>(bytes) / 1e6 / best, static_cast<double>(mentions) / best);
  return 0;
}
