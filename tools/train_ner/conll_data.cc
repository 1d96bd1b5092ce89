// Reading CoNLL-2003 into documents with per-token BIO tags on our tokenization.
#include "conll_data.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "entities/article_entities.h"
#include "entities/entity_features.h"

namespace newsarchive::train_ner {
namespace {

struct ConllToken {
  std::string word;
  int type = 0;  // 0 O, 1 PER, 2 LOC, 3 ORG, 4 MISC
  bool begins = false;
};

int type_of(const std::string& tag, const std::string& path) {
  if (tag == "O") return 0;
  std::string_view name = std::string_view(tag).substr(2);
  if (name == "PER") return 1;
  if (name == "LOC") return 2;
  if (name == "ORG") return 3;
  if (name == "MISC") return 4;
  throw std::runtime_error("unknown tag '" + tag + "' in '" + path + "'");
}

constexpr EntityType kTypes[] = {EntityType::kPerson, EntityType::kPlace, EntityType::kOrganization,
                                 EntityType::kMisc};

ConllDocument build(const std::vector<std::vector<ConllToken>>& sentences, bool unwrap) {
  ConllDocument doc;
  struct Span {
    size_t start, end;
    int type;
    bool begins;
  };
  std::vector<Span> spans;
  for (const std::vector<ConllToken>& sentence : sentences) {
    if (!doc.text.empty()) doc.text += '\n';
    int previous = 0;
    for (size_t i = 0; i < sentence.size(); ++i) {
      if (i > 0) doc.text += ' ';
      const ConllToken& t = sentence[i];
      bool begins = t.type != 0 && (t.begins || previous != t.type);
      spans.push_back(Span{doc.text.size(), doc.text.size() + t.word.size(), t.type, begins});
      doc.text += t.word;
      previous = t.type;
    }
  }
  // Gold mentions: maximal runs of one type, a begin tag starting a new one.
  for (size_t i = 0; i < spans.size();) {
    if (spans[i].type == 0) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < spans.size() && spans[j].type == spans[i].type && !spans[j].begins &&
           doc.text.substr(spans[j - 1].end, 1) == " ")
      ++j;
    doc.entities.push_back(
        EntityMention{kTypes[spans[i].type - 1], spans[i].start, spans[j - 1].end});
    i = j;
  }
  // The tagger sees article text with hard wraps undone (resolve_mentions), which joins a line
  // of 25 bytes or more that ends without sentence punctuation to the next: train on the text as
  // it will be tagged. Spaces replace line breaks, so the spans still hold.
  if (unwrap) doc.text = unwrap_lines(doc.text);
  doc.tokens = tokenize(doc.text);
  doc.gold.assign(doc.tokens.size(), ner::kO);
  size_t k = 0;
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    const Token& token = doc.tokens[t];
    while (k < spans.size() && spans[k].end <= token.start) ++k;
    if (k == spans.size() || token.start < spans[k].start || token.end > spans[k].end) continue;
    const Span& span = spans[k];
    if (span.type == 0) continue;
    bool first = token.start == span.start;
    doc.gold[t] = first && span.begins ? ner::begin_tag(span.type) : ner::inside_tag(span.type);
  }
  return doc;
}

}  // namespace

std::vector<ConllDocument> read_conll(const std::string& path, bool unwrap) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read '" + path + "'");
  std::vector<ConllDocument> docs;
  std::vector<std::vector<ConllToken>> sentences;
  std::vector<ConllToken> sentence;
  auto end_sentence = [&] {
    if (!sentence.empty()) sentences.push_back(std::move(sentence));
    sentence.clear();
  };
  auto end_document = [&] {
    end_sentence();
    if (!sentences.empty()) docs.push_back(build(sentences, unwrap));
    sentences.clear();
  };
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("-DOCSTART-", 0) == 0) {
      end_document();
      continue;
    }
    std::istringstream fields(line);
    std::string word, field, tag;
    if (!(fields >> word)) {
      end_sentence();
      continue;
    }
    while (fields >> field) tag = field;
    int type = type_of(tag, path);
    sentence.push_back(ConllToken{word, type, tag.rfind("B-", 0) == 0});
  }
  end_document();
  return docs;
}

}  // namespace newsarchive::train_ner
