// Fuzz target: the JSON Lines reader on arbitrary file contents, plain or compressed, read from
// memory through the same decompression step a file goes through.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "fuzz_support.h"
#include "ingest/bundle.h"
#include "ingest/jsonl_reader.h"

namespace {

// Input starting like a gzip, bzip2, xz or zstd stream: decompressed, so its lines are not the
// input's.
bool looks_compressed(std::string_view bytes) {
  return bytes.starts_with("\x1f\x8b") || bytes.starts_with("BZh") ||
         bytes.starts_with(
             "\xfd"
             "7zXZ") ||
         bytes.starts_with("\x28\xb5\x2f\xfd");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsarchive;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  MemoryStream raw(bytes);
  std::unique_ptr<ByteStream> plain = decompressing(raw);

  fuzz::CheckingSink sink;
  std::uint64_t bytes_read = 0;
  EntryFacts file{"fuzz.jsonl", "", std::nullopt};
  read_jsonl_stream(*plain, file, FinishOptions{}, "fuzz.jsonl", sink, &bytes_read);

  // Plain input: at most one verdict per line, and progress never passes the end.
  if (!looks_compressed(bytes)) {
    std::size_t lines = static_cast<std::size_t>(std::count(data, data + size, '\n')) + 1;
    fuzz::check(sink.verdicts() <= lines, "read_jsonl_stream gave more verdicts than lines");
    fuzz::check(bytes_read <= size, "read_jsonl_stream reported progress past the end");
  }
  return 0;
}
