// The bytes of the English entity model compiled into the library (models/ner-en.bin).
#pragma once

#include <string_view>

namespace newsarchive {

// The embedded model file, valid for the life of the program.
std::string_view embedded_english_entity_model();

}  // namespace newsarchive
