// The English entity model (models/ner-en.bin) embedded in the library with the assembler's
// .incbin; CMake passes the file's path and rebuilds this object when the file changes.
#include "entities/entity_model_data.h"

#ifndef NEWSARCHIVE_NER_MODEL_PATH
#error "NEWSARCHIVE_NER_MODEL_PATH must name models/ner-en.bin"
#endif

asm(".pushsection .rodata\n"
    ".balign 16\n"
    ".globl newsarchive_ner_model_begin\n"
    ".hidden newsarchive_ner_model_begin\n"
    "newsarchive_ner_model_begin:\n"
    ".incbin \"" NEWSARCHIVE_NER_MODEL_PATH
    "\"\n"
    ".globl newsarchive_ner_model_end\n"
    ".hidden newsarchive_ner_model_end\n"
    "newsarchive_ner_model_end:\n"
    ".popsection\n");

extern "C" const char newsarchive_ner_model_begin[];
extern "C" const char newsarchive_ner_model_end[];

namespace newsarchive {

std::string_view embedded_english_entity_model() {
  return std::string_view(
      newsarchive_ner_model_begin,
      static_cast<size_t>(newsarchive_ner_model_end - newsarchive_ner_model_begin));
}

}  // namespace newsarchive
