// ner_spans: prints the entity mentions of the text on stdin as JSON lines
// {"type", "start", "end", "text"} (byte offsets), with the embedded model or --model FILE.
// An evaluation driver for the CoNLL scorer:
//   python3 ../shared/tools/conll_person_f1.py ../shared/corpora/conll2003/eng.testa --
//       build-ner/tools/train_ner/ner_spans   (one line)
#include <CLI/CLI.hpp>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "entities/entity_tagger.h"

int main(int argc, char** argv) {
  std::string model_path;
  CLI::App app{"Prints the entity mentions of stdin as JSON lines."};
  app.add_option("--model", model_path, "model file (default: the embedded English model)")
      ->check(CLI::ExistingFile);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    std::optional<newsarchive::EntityTagger> from_file;
    if (!model_path.empty()) from_file.emplace(newsarchive::EntityTagger::from_file(model_path));
    const newsarchive::EntityTagger& tagger =
        from_file ? *from_file : newsarchive::EntityTagger::english();
    std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    for (const newsarchive::EntityMention& m : tagger.find(text)) {
      nlohmann::json line = {{"type", newsarchive::entity_type_name(m.type)},
                             {"start", m.start},
                             {"end", m.end},
                             {"text", text.substr(m.start, m.end - m.start)}};
      std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
  } catch (const std::exception& e) {
    std::cerr << "ner_spans: error: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
