// train_ner: trains the entity tagger's model (models/ner-en.bin) from CoNLL-2003.
//
// The committed model was produced, from the repository root, with (each command one line):
//
//   python3 ../shared/tools/reuters2jsonl.py ../shared/corpora/reuters21578
//       -o /tmp/reuters.jsonl
//   build-ner/tools/train_ner/train_ner --train ../shared/corpora/conll2003/eng.train
//       --names-dir ../shared/corpora/names --running-text /tmp/reuters.jsonl --epochs 20
//       --out models/ner-en.bin --dev ../shared/corpora/conll2003/eng.testa
//
// (--dev only reports; it does not change the model.) Then rebuild: the library embeds the file.
//
// Training is deterministic (fixed seed, single thread). It fits two averaged perceptrons over
// the features of common/entity_features: the first pass sees each token locally; the second
// also sees how the first pass tagged the other occurrences of the same word in the document.
// The second pass is trained on first-pass tags from a model that did not see the document
// (k-fold jackknifing), so it learns how far to trust them on unseen text.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "conll_data.h"
#include "entities/entity_features.h"
#include "entities/entity_model.h"
#include "entities/flat_hash_map.h"
#include "perceptron.h"

namespace newsarchive::train_ner {
namespace {

struct Options {
  std::string train;
  std::string dev;
  std::string names_dir;
  std::string running_text;
  std::string out;
  int epochs = 20;
  int folds = 5;
  unsigned seed = 20030531;
  float prune = 0.0f;
};

// Given-name lists mark kGivenName; the mixed surname and given-name list marks kNameWord.
void add_names(const std::filesystem::path& dir, ner::Lexicon& lexicon) {
  const std::vector<std::pair<std::string, uint8_t>> files = {
      {"given-names-female.txt", ner::kGivenName},
      {"given-names-male.txt", ner::kGivenName},
      {"names-mixed.txt", ner::kNameWord}};
  for (const auto& [name, bit] : files) {
    std::ifstream in(dir / name);
    if (!in) throw std::runtime_error("cannot read '" + (dir / name).string() + "'");
    std::string line;
    while (std::getline(in, line)) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (!line.empty()) lexicon.add_name(line, bit);
    }
  }
}

// What running text teaches about words, from the bodies of a JSON Lines archive: the case
// profile of each word seen there at least 3 times.
void add_case_profiles(const std::string& path, ner::Lexicon& lexicon) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read '" + path + "'");
  FlatHashMap<ner::CaseCounts> counts;
  const ner::Lexicon empty;
  size_t articles = 0;
  for (std::string line; std::getline(in, line);) {
    nlohmann::json article = nlohmann::json::parse(line, nullptr, false);
    if (article.is_discarded() || !article.is_object()) continue;
    auto body = article.find("body");
    if (body == article.end() || !body->is_string()) continue;
    const std::string text = body->get<std::string>();
    ner::NerDocument(text, empty).count_cases(counts);
    ++articles;
  }
  size_t profiled = 0;
  counts.for_each([&](uint64_t word, const ner::CaseCounts& c) {
    if (ner::CaseProfile profile = ner::case_profile_of(c, 3)) {
      lexicon.set_case_profile(word, profile);
      ++profiled;
    }
  });
  spdlog::info("case profiles of {} words from {} articles", profiled, articles);
}

// A corpus and its prepared documents (which point into the texts).
struct Corpus {
  std::vector<ConllDocument> docs;
  std::vector<ner::NerDocument> prepared;
};

Corpus load_corpus(const std::string& path, const ner::Lexicon& lexicon) {
  Corpus corpus;
  corpus.docs = read_conll(path);
  corpus.prepared.reserve(corpus.docs.size());
  for (const ConllDocument& doc : corpus.docs)
    corpus.prepared.emplace_back(doc.text, doc.tokens, lexicon);
  return corpus;
}

// One epoch over `order`: greedy decoding with the model's own history, updating on mistakes.
void train_epoch(AveragedPerceptron& model, Corpus& corpus, const std::vector<size_t>& order,
                 ner::Pass pass) {
  std::vector<uint64_t> keys;
  std::vector<uint8_t> tags;
  for (size_t d : order) {
    const ner::NerDocument& doc = corpus.prepared[d];
    const std::vector<uint8_t>& gold = corpus.docs[d].gold;
    tags.assign(doc.size(), ner::kO);
    for (size_t i = 0; i < doc.size(); ++i) {
      if (!doc.needs_scoring(i, pass)) continue;
      uint8_t previous = doc.history(tags, i, 1);
      keys.clear();
      doc.features(i, pass, previous, doc.history(tags, i, 2), keys);
      model.tick();
      AveragedPerceptron::Scores scores{};
      model.score(keys, scores);
      uint8_t guess = ner::best_allowed_tag(scores, previous);
      // After a wrong history the best reachable tag for an entity's inside is its begin.
      uint8_t truth = gold[i];
      if (!ner::allowed_after(previous, truth)) truth = ner::begin_tag(ner::tag_type(truth));
      if (guess != truth) model.update(keys, truth, guess);
      tags[i] = guess;
    }
  }
}

// `epochs` epochs over `order`, reshuffled each time from `seed`; after_epoch(epoch) follows
// each.
template <class AfterEpoch>
void train(AveragedPerceptron& model, Corpus& corpus, std::vector<size_t> order, ner::Pass pass,
           int epochs, unsigned seed, AfterEpoch&& after_epoch) {
  std::mt19937 rng(seed);
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    train_epoch(model, corpus, order, pass);
    after_epoch(epoch);
  }
}

std::vector<uint8_t> tag_pass(const AveragedPerceptron& model, const ner::NerDocument& doc,
                              ner::Pass pass) {
  std::vector<uint8_t> tags;
  ner::decode_pass<float>(
      doc, pass,
      [&](const std::vector<uint64_t>& keys, AveragedPerceptron::Scores& s) {
        model.score_averaged(keys, s);
      },
      tags);
  return tags;
}

struct Evaluation {
  size_t tokens = 0, correct = 0;
  std::array<size_t, 4> tp{}, fp{}, fn{};  // by EntityType

  void add(const ConllDocument& doc, const std::vector<uint8_t>& tags,
           const std::vector<EntityMention>& found) {
    tokens += tags.size();
    for (size_t i = 0; i < tags.size(); ++i) correct += tags[i] == doc.gold[i];
    using Key = std::tuple<int, size_t, size_t>;
    auto keys_of = [](const std::vector<EntityMention>& mentions) {
      std::set<Key> keys;
      for (const EntityMention& m : mentions)
        keys.emplace(static_cast<int>(m.type), m.start, m.end);
      return keys;
    };
    std::set<Key> gold = keys_of(doc.entities), predicted = keys_of(found);
    for (const Key& k : predicted) {
      size_t& counter = gold.count(k) ? tp[std::get<0>(k)] : fp[std::get<0>(k)];
      ++counter;
    }
    for (const Key& k : gold)
      if (!predicted.count(k)) ++fn[std::get<0>(k)];
  }

  static double f1(size_t t, size_t p, size_t n) {
    return t == 0 ? 0.0 : 2.0 * static_cast<double>(t) / static_cast<double>(2 * t + p + n);
  }
  std::string summary() const {
    size_t all_tp = std::accumulate(tp.begin(), tp.end(), size_t{0});
    size_t all_fp = std::accumulate(fp.begin(), fp.end(), size_t{0});
    size_t all_fn = std::accumulate(fn.begin(), fn.end(), size_t{0});
    return fmt::format(
        "token accuracy {:.4f}, person P {:.4f} R {:.4f} F1 {:.4f}, loc F1 {:.4f}, org F1 {:.4f}, "
        "misc F1 {:.4f}, all F1 {:.4f}",
        static_cast<double>(correct) / static_cast<double>(std::max<size_t>(tokens, 1)),
        tp[0] == 0 ? 0.0 : static_cast<double>(tp[0]) / static_cast<double>(tp[0] + fp[0]),
        tp[0] == 0 ? 0.0 : static_cast<double>(tp[0]) / static_cast<double>(tp[0] + fn[0]),
        f1(tp[0], fp[0], fn[0]), f1(tp[1], fp[1], fn[1]), f1(tp[2], fp[2], fn[2]),
        f1(tp[3], fp[3], fn[3]), f1(all_tp, all_fp, all_fn));
  }
};

// One pass with the averaged weights so far (the second needs the first pass's tags set).
Evaluation evaluate_pass(const AveragedPerceptron& model, Corpus& dev, ner::Pass pass) {
  Evaluation e;
  for (size_t d = 0; d < dev.docs.size(); ++d) {
    std::vector<uint8_t> tags = tag_pass(model, dev.prepared[d], pass);
    e.add(dev.docs[d], tags, dev.prepared[d].mentions(tags));
  }
  return e;
}

Evaluation evaluate_model(const EntityModel& model, Corpus& dev) {
  Evaluation e;
  for (size_t d = 0; d < dev.docs.size(); ++d) {
    ner::NerDocument doc(dev.docs[d].text, dev.docs[d].tokens, model.lexicon());
    std::vector<uint8_t> tags = ner::decode<int32_t>(
        doc, [&](const std::vector<uint64_t>& keys, std::array<int32_t, ner::kNumTags>& s) {
          model.score(keys, s);
        });
    e.add(dev.docs[d], tags, doc.mentions(tags));
  }
  return e;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run(const Options& options) {
  auto start = std::chrono::steady_clock::now();
  ner::Lexicon lexicon;
  add_names(options.names_dir, lexicon);
  if (!options.running_text.empty()) add_case_profiles(options.running_text, lexicon);
  Corpus train_set = load_corpus(options.train, lexicon);
  Corpus dev;
  if (!options.dev.empty()) dev = load_corpus(options.dev, lexicon);
  spdlog::info("{} training documents, {} dev documents, {} lexicon words", train_set.docs.size(),
               dev.docs.size(), lexicon.entries().size());

  std::vector<size_t> all(train_set.docs.size());
  std::iota(all.begin(), all.end(), size_t{0});

  // First-pass tags of every training document from a model trained without it.
  const auto folds = static_cast<size_t>(options.folds);
  std::vector<std::vector<uint8_t>> jackknifed(train_set.docs.size());
  for (size_t fold = 0; fold < folds; ++fold) {
    std::vector<size_t> rest;
    for (size_t d : all)
      if (d % folds != fold) rest.push_back(d);
    AveragedPerceptron model;
    train(model, train_set, rest, ner::Pass::kFirst, options.epochs,
          options.seed + 1u + static_cast<unsigned>(fold), [](int) {});
    for (size_t d : all)
      if (d % folds == fold)
        jackknifed[d] = tag_pass(model, train_set.prepared[d], ner::Pass::kFirst);
    spdlog::info("fold {}/{} done ({:.0f} s)", fold + 1, folds, seconds_since(start));
  }

  auto report = [&](const AveragedPerceptron& model, ner::Pass pass, const char* name) {
    return [&model, &dev, pass, name, &options](int epoch) {
      if (!options.dev.empty())
        spdlog::info("{} pass, epoch {}: dev {}", name, epoch,
                     evaluate_pass(model, dev, pass).summary());
    };
  };
  AveragedPerceptron first;
  train(first, train_set, all, ner::Pass::kFirst, options.epochs, options.seed,
        report(first, ner::Pass::kFirst, "first"));

  for (size_t d : all) train_set.prepared[d].set_first_pass(jackknifed[d]);
  for (ner::NerDocument& doc : dev.prepared)
    doc.set_first_pass(tag_pass(first, doc, ner::Pass::kFirst));
  AveragedPerceptron second;
  train(second, train_set, all, ner::Pass::kSecond, options.epochs, options.seed + 100u,
        report(second, ner::Pass::kSecond, "second"));

  std::vector<std::pair<uint64_t, EntityModel::Weights>> weights = first.averaged();
  std::vector<std::pair<uint64_t, EntityModel::Weights>> more = second.averaged();
  weights.insert(weights.end(), more.begin(), more.end());
  std::string bytes = EntityModel::serialize(weights, lexicon, options.prune);
  std::unique_ptr<EntityModel> model = EntityModel::parse(bytes);
  {
    std::ofstream out(options.out, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) throw std::runtime_error("cannot write '" + options.out + "'");
  }
  spdlog::info("wrote {} ({} bytes, {} of {} features) in {:.0f} s", options.out, bytes.size(),
               model->feature_count(), weights.size(), seconds_since(start));
  if (!options.dev.empty())
    spdlog::info("written model: dev {}", evaluate_model(*model, dev).summary());
  return 0;
}

}  // namespace
}  // namespace newsarchive::train_ner

int main(int argc, char** argv) {
  using newsarchive::train_ner::Options;
  Options options;
  CLI::App app{"Trains the entity tagger's model from CoNLL-2003 (IOB1) files."};
  app.add_option("--train", options.train, "CoNLL-2003 training file (eng.train)")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--names-dir", options.names_dir,
                 "directory with given-names-female.txt, given-names-male.txt, names-mixed.txt")
      ->required()
      ->check(CLI::ExistingDirectory);
  app.add_option("--running-text", options.running_text,
                 "JSON Lines archive whose bodies give each word's case profile "
                 "(Reuters-21578 converted by ../shared/tools/reuters2jsonl.py)")
      ->check(CLI::ExistingFile);
  app.add_option("--out", options.out, "model file to write")->required();
  app.add_option("--dev", options.dev, "CoNLL-2003 file to report accuracy on after each epoch")
      ->check(CLI::ExistingFile);
  app.add_option("--epochs", options.epochs, "passes over the training data")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  app.add_option("--folds", options.folds, "jackknife folds for the second pass's inputs")
      ->capture_default_str()
      ->check(CLI::Range(2, 20));
  app.add_option("--seed", options.seed, "shuffling seed")->capture_default_str();
  app.add_option("--prune", options.prune,
                 "drop features whose largest averaged weight is below this")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    return newsarchive::train_ner::run(options);
  } catch (const std::exception& e) {
    spdlog::error("train_ner: error: {}", e.what());
    return 2;
  }
}
