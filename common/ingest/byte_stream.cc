// File streams and whole-input reads; see byte_stream.h.
#include "ingest/byte_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace newsarchive {

std::unique_ptr<FileStream> FileStream::open(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw StreamError(std::string("cannot open: ") + std::strerror(errno));
  std::unique_ptr<FileStream> stream(new FileStream(fd));
  struct stat status {};
  if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode)) {
    stream->size_known_ = true;
    stream->size_ = static_cast<std::uint64_t>(status.st_size);
  }
  return stream;
}

FileStream::~FileStream() {
  ::close(fd_);
}

size_t FileStream::read(char* buffer, size_t size) {
  for (;;) {
    ssize_t got = ::read(fd_, buffer, size);
    if (got >= 0) {
      position_ += static_cast<std::uint64_t>(got);
      return static_cast<size_t>(got);
    }
    if (errno != EINTR) throw StreamError(std::string("read error: ") + std::strerror(errno));
  }
}

size_t MemoryStream::read(char* buffer, size_t size) {
  size_t take = std::min(size, bytes_.size() - offset_);
  std::memcpy(buffer, bytes_.data() + offset_, take);
  offset_ += take;
  return take;
}

bool read_up_to(ByteStream& stream, size_t max_bytes, std::string& out, size_t size_hint) {
  out.clear();
  if (size_hint > 0 && size_hint <= max_bytes) out.reserve(size_hint + 1);
  char chunk[1 << 16];
  for (;;) {
    size_t got = stream.read(chunk, sizeof chunk);
    if (got == 0) return true;
    if (out.size() + got > max_bytes) {
      std::string().swap(out);
      return false;
    }
    out.append(chunk, got);
  }
}

}  // namespace newsarchive
