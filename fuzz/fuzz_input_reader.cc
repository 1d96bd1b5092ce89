// Fuzz target: every reader behind one input, chosen by the name the first byte picks (text,
// JSON Lines, web page, feed, XML, WARC, tar, zip, gzip, or no extension, which is sniffed), on
// the rest of the input. Whatever the bytes, the readers give verdicts or skips, never a crash,
// and every accepted article keeps the article contract (CheckingSink).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "ingest/input_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsarchive;
  static constexpr std::array<const char*, 11> kNames = {"a.txt", "a.jsonl", "a.html",   "a.rss",
                                                         "a.xml", "a.warc",  "a.tar",    "a.zip",
                                                         "a.gz",  "a",       "a.warc.gz"};
  if (size == 0) return 0;
  const char* name = kNames[data[0] % kNames.size()];
  std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);
  MemoryStream stream(content);
  fuzz::CheckingSink sink;
  read_named_stream(stream, name, name, name, ReadOptions{}, sink);
  return 0;
}
