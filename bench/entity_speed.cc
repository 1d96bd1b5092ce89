// Entity extraction throughput on one thread, best of three runs: every title and body of a
// JSON Lines archive through EntityTagger::english().find() (the tagger alone), then every
// article through extract_entities() (what indexing runs: the headline as its own sentence,
// unwrapping, the article-level rules, alias merging); prints MB/s and mentions or persons/s.
// Usage: bench_entity_speed ARCHIVE.jsonl   (bench/entity_speed.sh prepares Reuters-21578)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "entities/article_entities.h"
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
  std::vector<newsarchive::Article> articles;
  size_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    nlohmann::json article = nlohmann::json::parse(line, nullptr, false);
    if (article.is_discarded() || !article.is_object()) continue;
    newsarchive::Article read;
    for (const char* field : {"title", "body"}) {
      auto it = article.find(field);
      if (it == article.end() || !it->is_string()) continue;
      texts.push_back(it->get<std::string>());
      bytes += texts.back().size();
      (field[0] == 't' ? read.title : read.body) = texts.back();
    }
    articles.push_back(std::move(read));
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

  double best_articles = 1e300;
  size_t persons = 0;
  for (int run = 0; run < 3; ++run) {
    persons = 0;
    // Fresh copies, made before the clock starts: indexing extracts from the article it read.
    std::vector<newsarchive::Article> batch = articles;
    auto start = std::chrono::steady_clock::now();
    for (newsarchive::Article& article : batch) {
      newsarchive::extract_entities(article, tagger);
      persons += article.persons.size();
    }
    best_articles =
        std::min(best_articles,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::printf("entity extraction: %zu articles, %zu persons\n", articles.size(), persons);
  std::printf("best of 3: %.3f s, %.2f MB/s (one thread)\n", best_articles,
              static_cast<double>(bytes) / 1e6 / best_articles);
  return 0;
}
