// Replays committed fuzz inputs through a fuzz target without libFuzzer, so every test build
// (any compiler, sanitized or not) checks that the seed corpus and every saved crash input still
// run cleanly.
//
// Usage: fuzz_replay_<target> DIR...
// Feeds each regular file under each DIR (recursively, in name order; hidden files such as
// .gitkeep skipped) to LLVMFuzzerTestOneInput once. A missing DIR is an error; an empty one is
// fine (a target may have no regressions yet). A failing input aborts or crashes the process,
// after "replaying PATH" names it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

bool is_hidden(const fs::path& path) {
  return path.filename().string().starts_with(".");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR...\n", argv[0]);
    return 2;
  }
  size_t replayed = 0;
  for (int i = 1; i < argc; ++i) {
    fs::path dir = argv[i];
    if (!fs::is_directory(dir)) {
      std::fprintf(stderr, "not a directory: %s\n", dir.c_str());
      return 2;
    }
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir))
      if (entry.is_regular_file() && !is_hidden(entry.path())) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      std::fprintf(stderr, "replaying %s\n", file.c_str());
      // A buffer of exactly the file's size, so that reading past the end of the input is a
      // heap overflow that a sanitized build reports.
      std::vector<std::uint8_t> bytes(fs::file_size(file));
      std::ifstream in(file, std::ios::binary);
      if (!in.read(reinterpret_cast<char*>(bytes.data()),
                   static_cast<std::streamsize>(bytes.size()))) {
        std::fprintf(stderr, "cannot read %s\n", file.c_str());
        return 2;
      }
      LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
      ++replayed;
    }
  }
  std::printf("replayed %zu inputs\n", replayed);
  return 0;
}
