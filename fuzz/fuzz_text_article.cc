// Fuzz target: the plain-text article reader on arbitrary file contents.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "ingest/text_article.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsarchive;
  std::string_view content(reinterpret_cast<const char*>(data), size);
  const std::string id = "fuzz/article.txt";
  const SourceLocation where{id, 0};
  fuzz::CheckingSink sink;
  parse_text_article(content, id, where, sink);
  // text_article.h: one file is one article, so exactly one accept() or skip().
  fuzz::check(sink.verdicts() == 1, "parse_text_article gave no verdict or more than one");
  return 0;
}
