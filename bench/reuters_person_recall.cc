// Person recall on Reuters-21578: for articles whose gold PEOPLE tag lists someone, the share
// of tagged people found (by surname) among the article's canonical persons. Reads the JSON
// Lines written by ../shared/tools/reuters2jsonl.py; the gold "people" key is used only for
// scoring, never shown to the extractor. Prints figures; it is not a test.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "entities/article_entities.h"
#include "entities/person_names.h"
#include "text/text_cleanup.h"

using namespace newsarchive;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: reuters_person_recall REUTERS.jsonl [--misses]\n";
    return 2;
  }
  bool show_misses = argc > 2 && std::string(argv[2]) == "--misses";
  std::ifstream in(argv[1]);
  std::string line;
  size_t articles = 0, gold_people = 0, found = 0, articles_all_found = 0;
  while (std::getline(in, line)) {
    auto record = nlohmann::json::parse(transcode_invalid_utf8(line));
    const auto& people = record.value("people", nlohmann::json::array());
    if (people.empty()) continue;
    Article article;
    article.title = strip_control_characters(record.value("title", ""));
    article.body = strip_control_characters(record.value("body", ""));
    extract_entities(article, EntityTagger::english());

    std::set<std::string> words;  // every word of every canonical person's key
    for (const std::string& person : article.persons) {
      std::string key = person_key(person);
      size_t start = 0;
      while (start <= key.size()) {
        size_t end = key.find(' ', start);
        if (end == std::string::npos) end = key.size();
        words.insert(key.substr(start, end - start));
        start = end + 1;
      }
    }
    ++articles;
    size_t here = 0;
    for (const auto& tag : people) {
      std::string gold = tag.get<std::string>();  // "james-baker", "volcker"
      std::string surname = gold.substr(gold.rfind('-') + 1);
      ++gold_people;
      if (words.contains(surname)) {
        ++found, ++here;
      } else if (show_misses) {
        std::cout << "miss " << record.value("id", "") << " " << gold << " | found:";
        for (const std::string& person : article.persons) std::cout << " [" << person << "]";
        std::cout << "\n";
      }
    }
    if (here == people.size()) ++articles_all_found;
  }
  std::cout << "articles with gold people: " << articles << "\n"
            << "gold people: " << gold_people << "\n"
            << "found by surname: " << found << "\n"
            << "recall: "
            << (gold_people ? static_cast<double>(found) / static_cast<double>(gold_people) : 0.0)
            << "\n"
            << "articles with every gold person found: " << articles_all_found << "\n";
  return 0;
}
