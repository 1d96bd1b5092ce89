// train_ner: trains the entity tagger's model (models/ner-en.bin) from CoNLL-2003.
//
// The committed model is reproduced, from the repository root, by one command:
//
//   bash scripts/train-ner.sh
//
// which converts Reuters-21578 (python3 ../shared/tools/reuters2jsonl.py
// ../shared/corpora/reuters21578 -o REUTERS.jsonl) and runs (one line):
//
//   build-ner/tools/train_ner/train_ner --train ../shared/corpora/conll2003/eng.train
//       --names-dir ../shared/corpora/names --running-text REUTERS.jsonl
//       --gazetteers ../shared/corpora/reuters21578 --clusters 256 --epochs 20
//       --out models/ner-en.bin --dev ../shared/corpora/conll2003/eng.testa
//
// (--dev only reports; it does not change the model.) Then rebuild: the library embeds the file.
// About 2 minutes go to the Brown clusters (256, over the 3.1 million tokens of the Reuters
// bodies and eng.train; --clusters-out FILE keeps them, --clusters-in FILE reuses them) and one
// to training.
//
// Each training document is seen twice: as the product tags it (hard wraps undone, see
// conll_data.h) and with CoNLL's own line breaks, whose clean sentence starts and headlines
// teach those features what unwrapped text blurs.
//
// Training is deterministic (fixed seed, single thread). It fits two averaged perceptrons over
// the features of common/entity_features as structured perceptrons: each sentence is decoded
// with the tagger's own beam search and the gold sequence's features gain where the best
// sequence differs. The first pass sees each token locally; the second also sees how the first
// pass tagged the other occurrences of the same word in the document. The second pass is
// trained on first-pass tags from a model that did not see the document (k-fold jackknifing),
// so it learns how far to trust them on unseen text.
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
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "brown_clusters.h"
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
  size_t clusters = 256;
  uint32_t cluster_min_count = 3;
  std::string gazetteer_dir;
  std::string clusters_in;
  std::string clusters_out;
  int epochs = 20;
  bool wrapped_copy = true;
  size_t beam = ner::kBeamSize;
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
// profile of each word seen there at least 3 times mid-sentence, and which words it capitalises
// only to open sentences.
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
  size_t profiled = 0, openers = 0;
  counts.for_each([&](uint64_t word, const ner::CaseCounts& c) {
    if (ner::CaseProfile profile = ner::case_profile_of(c, 3)) {
      lexicon.set_case_profile(word, profile);
      ++profiled;
    }
    // Capitalised at least 5 times, always opening a sentence: "Moreover", "Separately".
    if (c.capital_initial >= 5 && c.capital_mid == 0) {
      lexicon.add_entry(word, ner::kOpensSentences);
      ++openers;
    }
  });
  spdlog::info("case profiles of {} words, {} that only open sentences, from {} articles", profiled,
               openers, articles);
}

// The sentences of `text` as our tokenizer splits them, in the spelling features see.
void add_cluster_text(std::string_view text, BrownClusterer& clusterer) {
  std::vector<Token> tokens = tokenize(text);
  std::vector<std::string> words;
  std::vector<std::string_view> views;
  auto flush = [&] {
    views.assign(words.begin(), words.end());
    if (!views.empty()) clusterer.add_sentence(views);
    words.clear();
  };
  for (const Token& token : tokens) {
    if (token.sentence_start) flush();
    words.emplace_back();
    ner::append_ascii_punctuation(text.substr(token.start, token.end - token.start), words.back());
  }
  flush();
}

// Brown clusters of the running text's bodies and the training text (never the dev text).
std::vector<BrownCluster> learn_clusters(const Options& options,
                                         const std::vector<ConllDocument>& train_docs) {
  BrownClusterer clusterer;
  if (!options.running_text.empty()) {
    std::ifstream in(options.running_text);
    if (!in) throw std::runtime_error("cannot read '" + options.running_text + "'");
    for (std::string line; std::getline(in, line);) {
      nlohmann::json article = nlohmann::json::parse(line, nullptr, false);
      if (article.is_discarded() || !article.is_object()) continue;
      auto body = article.find("body");
      if (body != article.end() && body->is_string())
        add_cluster_text(body->get<std::string>(), clusterer);
    }
  }
  for (const ConllDocument& doc : train_docs) add_cluster_text(doc.text, clusterer);
  auto start = std::chrono::steady_clock::now();
  std::vector<BrownCluster> clusters = clusterer.run(options.clusters, options.cluster_min_count);
  spdlog::info("{} Brown clusters of {} words from {} tokens in {:.0f} s", options.clusters,
               clusters.size(), clusterer.tokens(),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return clusters;
}

// Liang's format: path, word, count, tab-separated, one word a line.
std::vector<BrownCluster> read_clusters(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read '" + path + "'");
  std::vector<BrownCluster> out;
  for (std::string line; std::getline(in, line);) {
    size_t tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
    if (tab1 == std::string::npos || tab2 == std::string::npos)
      throw std::runtime_error("bad cluster line in '" + path + "': " + line);
    out.push_back(BrownCluster{line.substr(tab1 + 1, tab2 - tab1 - 1), line.substr(0, tab1),
                               std::stoull(line.substr(tab2 + 1))});
  }
  return out;
}

void write_clusters(const std::string& path, const std::vector<BrownCluster>& clusters) {
  std::ofstream out(path, std::ios::trunc);
  for (const BrownCluster& c : clusters) out << c.path << '\t' << c.word << '\t' << c.count << '\n';
  if (!out.flush()) throw std::runtime_error("cannot write '" + path + "'");
}

// Each word's cluster as written, and for each lower-cased form the cluster of its most
// frequent spelling (ties: the first spelling in byte order).
void add_clusters(const std::vector<BrownCluster>& clusters, ner::Lexicon& lexicon) {
  FlatHashMap<std::pair<uint64_t, uint32_t>> usual;  // lower hash -> (count, code)
  for (const BrownCluster& c : clusters) {
    const uint32_t code = ner::cluster_code(c.path);
    lexicon.set_cluster(ner::hash_string(c.word), code);
    std::string lower;
    ner::append_lower(c.word, lower);
    auto& best = usual[ner::hash_string(lower)];
    if (c.count > best.first) best = {c.count, code};
  }
  usual.for_each([&](uint64_t lower, const std::pair<uint64_t, uint32_t>& best) {
    lexicon.set_lower_cluster(lower, best.second);
  });
}

// The lower-cased token hashes of a phrase, as NerDocument matches them.
std::vector<uint64_t> phrase_hashes(std::string_view phrase) {
  std::vector<uint64_t> hashes;
  for (const Token& token : tokenize(phrase)) {
    std::string ascii, lower;
    ner::append_ascii_punctuation(phrase.substr(token.start, token.end - token.start), ascii);
    ner::append_lower(ascii, lower);
    hashes.push_back(ner::hash_string(lower));
  }
  return hashes;
}

// Gazetteers from the Reuters-21578 folder: its lower-case lists of places, organisations,
// exchanges and people ("united-kingdom": hyphens join words; the hyphenated form is listed
// too), and from its CIA World Factbook facts the countries, their capitals and the
// organisations they belong to. Returns the number of entries.
size_t add_gazetteers(const std::filesystem::path& dir, ner::Lexicon& lexicon) {
  size_t entries = 0;
  auto add = [&](const std::string& phrase, int type) {
    std::vector<uint64_t> hashes = phrase_hashes(phrase);
    if (hashes.empty()) return;
    lexicon.add_phrase(hashes, type);
    ++entries;
  };
  const std::vector<std::pair<std::string, int>> lists = {{"all-places-strings.lc.txt", 2},
                                                          {"all-orgs-strings.lc.txt", 3},
                                                          {"all-exchanges-strings.lc.txt", 3},
                                                          {"all-people-strings.lc.txt", 1}};
  for (const auto& [name, type] : lists) {
    std::ifstream in(dir / name);
    if (!in) throw std::runtime_error("cannot read '" + (dir / name).string() + "'");
    for (std::string line; std::getline(in, line);) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (line.empty()) continue;
      add(line, type);
      if (line.find('-') != std::string::npos) {
        std::replace(line.begin(), line.end(), '-', ' ');
        add(line, type);
      }
    }
  }
  // bgfact("Country","Capital",["City"]). A line ending in '=' continues on the next.
  const std::filesystem::path facts = dir / "feldman-cia-worldfactbook-data.txt";
  std::ifstream in(facts);
  if (!in) throw std::runtime_error("cannot read '" + facts.string() + "'");
  std::string text, line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '=') {
      line.pop_back();
      text += line;
    } else {
      text += line + '\n';
    }
  }
  auto quoted = [](std::string_view s) {
    std::vector<std::string> out;
    for (size_t q = s.find('"'); q != std::string_view::npos; q = s.find('"', q + 1)) {
      size_t close = s.find('"', q + 1);
      if (close == std::string_view::npos) break;
      out.emplace_back(s.substr(q + 1, close - q - 1));
      q = close;
    }
    return out;
  };
  std::istringstream lines(text);
  while (std::getline(lines, line)) {
    if (line.rfind("bgfact(", 0) != 0) continue;
    std::vector<std::string> fields = quoted(line);
    if (fields.size() < 2) continue;
    add(fields[0], 2);
    const int type = fields[1] == "Capital" ? 2 : fields[1] == "MemberOf" ? 3 : 0;
    for (size_t f = 2; type != 0 && f < fields.size(); ++f) add(fields[f], type);
  }
  return entries;
}

// A corpus and its prepared documents (which point into the texts).
struct Corpus {
  std::vector<ConllDocument> docs;
  std::vector<ner::NerDocument> prepared;
};

// The documents of a CoNLL file as the tagger will see them (hard wraps undone); with
// `wrapped_copy`, followed by the same documents again with CoNLL's own line breaks kept.
Corpus load_corpus(const std::string& path, const ner::Lexicon& lexicon, bool wrapped_copy) {
  Corpus corpus;
  corpus.docs = read_conll(path);
  if (wrapped_copy) {
    std::vector<ConllDocument> wrapped = read_conll(path, false);
    for (ConllDocument& d : wrapped) corpus.docs.push_back(std::move(d));
  }
  corpus.prepared.reserve(corpus.docs.size());
  for (const ConllDocument& doc : corpus.docs)
    corpus.prepared.emplace_back(doc.text, doc.tokens, lexicon);
  return corpus;
}

// One epoch over `order`: each sentence is decoded as tagging decodes it (the same beam
// search, with the current weights); where the best sequence differs from the gold one, the
// gold sequence's features gain and the predicted one's lose (Collins' structured perceptron),
// token by token where the tag or its history differ.
void train_epoch(AveragedPerceptron& model, Corpus& corpus, const std::vector<size_t>& order,
                 ner::Pass pass, size_t beam) {
  std::vector<uint64_t> keys;
  std::vector<uint8_t> tags, gold;
  auto scorer = [&model](const std::vector<uint64_t>& k, AveragedPerceptron::Scores& s) {
    model.score(k, s);
  };
  for (size_t d : order) {
    const ner::NerDocument& doc = corpus.prepared[d];
    gold = corpus.docs[d].gold;
    tags.assign(doc.size(), ner::kO);
    for (size_t begin = 0; begin < doc.size();) {
      const size_t end = doc.sentence_end(begin);
      // A gold inside tag after another type (a tokenization mismatch) reads as a begin tag.
      for (size_t i = begin; i < end; ++i) {
        if (!doc.needs_scoring(i, pass)) gold[i] = ner::kO;
        uint8_t previous = i == begin ? ner::kNoTag : gold[i - 1];
        if (!ner::allowed_after(previous, gold[i]))
          gold[i] = ner::begin_tag(ner::tag_type(gold[i]));
      }
      ner::BeamDecoder<float> decoder(pass, beam);  // the weights change after each sentence
      decoder.decode_sentence(doc, begin, end, scorer, tags);
      for (size_t i = begin; i < end; ++i) {
        if (!doc.needs_scoring(i, pass)) continue;
        model.tick();
      }
      for (size_t i = begin; i < end; ++i) {
        if (!doc.needs_scoring(i, pass)) continue;
        auto history = [&](const std::vector<uint8_t>& t, size_t back) {
          return i >= begin + back ? t[i - back] : uint8_t{ner::kNoTag};
        };
        const uint8_t g = gold[i], p = tags[i];
        const uint8_t g1 = history(gold, 1), g2 = history(gold, 2);
        const uint8_t p1 = history(tags, 1), p2 = history(tags, 2);
        if (g == p && g1 == p1 && g2 == p2) continue;
        if (g != p) {
          keys.clear();
          doc.token_features(i, pass, keys);
          model.update(keys, g, p);
        }
        keys.clear();
        doc.history_features(i, pass, g1, keys);
        ner::NerDocument::transition_features(pass, g1, g2, keys);
        model.add(keys, g, 1.0f);
        keys.clear();
        doc.history_features(i, pass, p1, keys);
        ner::NerDocument::transition_features(pass, p1, p2, keys);
        model.add(keys, p, -1.0f);
      }
      begin = end;
    }
  }
}

// `epochs` epochs over `order`, reshuffled each time from `seed`; after_epoch(epoch) follows
// each.
template <class AfterEpoch>
void train(AveragedPerceptron& model, Corpus& corpus, std::vector<size_t> order, ner::Pass pass,
           int epochs, unsigned seed, size_t beam, AfterEpoch&& after_epoch) {
  std::mt19937 rng(seed);
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    train_epoch(model, corpus, order, pass, beam);
    after_epoch(epoch);
  }
}

std::vector<uint8_t> tag_pass(const AveragedPerceptron& model, const ner::NerDocument& doc,
                              ner::Pass pass, size_t beam) {
  std::vector<uint8_t> tags;
  ner::decode_pass<float>(
      doc, pass,
      [&](const std::vector<uint64_t>& keys, AveragedPerceptron::Scores& s) {
        model.score_averaged(keys, s);
      },
      tags, beam);
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
Evaluation evaluate_pass(const AveragedPerceptron& model, Corpus& dev, ner::Pass pass,
                         size_t beam) {
  Evaluation e;
  for (size_t d = 0; d < dev.docs.size(); ++d) {
    std::vector<uint8_t> tags = tag_pass(model, dev.prepared[d], pass, beam);
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
  if (!options.gazetteer_dir.empty()) {
    const size_t entries = add_gazetteers(options.gazetteer_dir, lexicon);
    spdlog::info("{} gazetteer entries ({} phrase keys)", entries, lexicon.phrases().size());
  }
  {
    std::vector<BrownCluster> clusters;
    if (!options.clusters_in.empty()) {
      clusters = read_clusters(options.clusters_in);
    } else if (options.clusters > 0) {
      clusters = learn_clusters(options, read_conll(options.train));
    }
    if (!options.clusters_out.empty()) write_clusters(options.clusters_out, clusters);
    add_clusters(clusters, lexicon);
  }
  Corpus train_set = load_corpus(options.train, lexicon, options.wrapped_copy);
  // A document and its wrapped copy share a jackknife fold.
  const size_t originals = train_set.docs.size() / (options.wrapped_copy ? 2 : 1);
  Corpus dev;
  if (!options.dev.empty()) dev = load_corpus(options.dev, lexicon, false);
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
      if (d % originals % folds != fold) rest.push_back(d);
    AveragedPerceptron model;
    train(model, train_set, rest, ner::Pass::kFirst, options.epochs,
          options.seed + 1u + static_cast<unsigned>(fold), options.beam, [](int) {});
    for (size_t d : all)
      if (d % originals % folds == fold)
        jackknifed[d] = tag_pass(model, train_set.prepared[d], ner::Pass::kFirst, options.beam);
    spdlog::info("fold {}/{} done ({:.0f} s)", fold + 1, folds, seconds_since(start));
  }

  auto report = [&](const AveragedPerceptron& model, ner::Pass pass, const char* name) {
    return [&model, &dev, pass, name, &options](int epoch) {
      if (!options.dev.empty())
        spdlog::info("{} pass, epoch {}: dev {}", name, epoch,
                     evaluate_pass(model, dev, pass, options.beam).summary());
    };
  };
  AveragedPerceptron first;
  train(first, train_set, all, ner::Pass::kFirst, options.epochs, options.seed, options.beam,
        report(first, ner::Pass::kFirst, "first"));

  for (size_t d : all) train_set.prepared[d].set_first_pass(jackknifed[d]);
  for (ner::NerDocument& doc : dev.prepared)
    doc.set_first_pass(tag_pass(first, doc, ner::Pass::kFirst, options.beam));
  AveragedPerceptron second;
  train(second, train_set, all, ner::Pass::kSecond, options.epochs, options.seed + 100u,
        options.beam, report(second, ner::Pass::kSecond, "second"));

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
  app.add_option("--gazetteers", options.gazetteer_dir,
                 "the Reuters-21578 folder, whose place, organisation and people lists and CIA "
                 "World Factbook facts become gazetteers")
      ->check(CLI::ExistingDirectory);
  app.add_option("--clusters", options.clusters,
                 "Brown clusters to learn from the running text and the training text (0: none)")
      ->capture_default_str();
  app.add_option("--cluster-min-count", options.cluster_min_count,
                 "occurrences a word needs to be clustered")
      ->capture_default_str();
  app.add_option("--clusters-in", options.clusters_in,
                 "read the clusters from this file (path, word, count per line) instead")
      ->check(CLI::ExistingFile);
  app.add_option("--clusters-out", options.clusters_out, "write the clusters used to this file");
  app.add_option("--dev", options.dev, "CoNLL-2003 file to report accuracy on after each epoch")
      ->check(CLI::ExistingFile);
  app.add_option("--epochs", options.epochs, "passes over the training data")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  app.add_option("--beam", options.beam,
                 "training decodes with this beam (tagging always uses ner::kBeamSize: for "
                 "experiments only)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, newsarchive::ner::kMaxBeamSize));
  app.add_option("--wrapped-copy", options.wrapped_copy,
                 "also train on each document with CoNLL's line breaks kept (clean sentence "
                 "starts and headlines, as in text whose breaks survive unwrapping)")
      ->capture_default_str();
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
