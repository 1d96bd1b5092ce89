// CoNLL-2003 files read as the person-span scorer sees them: each document rebuilt as text
// (tokens joined by spaces, one sentence a line, then hard wraps undone as for any article),
// tokenized by our tokenizer, with gold BIO tags
// per token and gold entity spans in bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "entities/entity_tagger.h"
#include "entities/tokenizer.h"

namespace newsarchive::train_ner {

struct ConllDocument {
  std::string text;
  std::vector<Token> tokens;            // tokenize(text)
  std::vector<uint8_t> gold;            // ner::Tag per token
  std::vector<EntityMention> entities;  // gold mentions, in order
};

// Reads an IOB1 file; `-DOCSTART-` lines separate documents. With `unwrap` false, the text
// keeps one sentence a line (CoNLL's own breaks) instead. Throws std::runtime_error when the
// file cannot be read or a tag is unknown.
std::vector<ConllDocument> read_conll(const std::string& path, bool unwrap = true);

}  // namespace newsarchive::train_ner
