// Fuzz target: the JSON Lines reader on arbitrary file contents, plain or gzip.
//
// jsonl_reader.h offers a per-line parser and a whole-file reader taking a path, but no stream
// or in-memory entry point. The line splitting, byte-order mark and CR handling, the gzip
// detection and the truncated-stream errors all live in read_jsonl_file, so the input is handed
// to it as a file: an in-memory file (memfd) reopened through /proc/self/fd, which costs a few
// system calls per run and never touches the disk.
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "fuzz_support.h"
#include "ingest/jsonl_reader.h"

namespace {

// The memfd that holds the current input; created once per process.
int input_fd() {
  static const int fd = [] {
    int created = memfd_create("fuzz_jsonl_reader", MFD_CLOEXEC);
    if (created < 0) {
      std::fprintf(stderr, "memfd_create: %s\n", std::strerror(errno));
      std::abort();
    }
    return created;
  }();
  return fd;
}

// Replaces the memfd's contents with the input.
void store_input(int fd, const std::uint8_t* data, std::size_t size) {
  if (ftruncate(fd, 0) != 0) newsarchive::fuzz::contract_broken("ftruncate on the memfd failed");
  std::size_t written = 0;
  while (written < size) {
    ssize_t got = pwrite(fd, data + written, size - written, static_cast<off_t>(written));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) newsarchive::fuzz::contract_broken("pwrite to the memfd failed");
    written += static_cast<std::size_t>(got);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsarchive;
  int fd = input_fd();
  store_input(fd, data, size);

  fuzz::CheckingSink sink;
  std::uint64_t bytes_read = 0;
  bool opened =
      read_jsonl_file("/proc/self/fd/" + std::to_string(fd), "fuzz.jsonl", sink, &bytes_read);
  fuzz::check(opened, "read_jsonl_file could not open the input");

  // Plain (not gzip) input: at most one verdict per line, and progress never passes the end.
  bool gzip = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
  if (!gzip) {
    std::size_t lines = static_cast<std::size_t>(std::count(data, data + size, '\n')) + 1;
    fuzz::check(sink.verdicts() <= lines, "read_jsonl_file gave more verdicts than lines");
    fuzz::check(bytes_read <= size, "read_jsonl_file reported progress past the end of the file");
  }
  return 0;
}
