// Sequential byte sources the readers consume: a file on disk, a decompressed file, a member of a
// bundle. Readers that need the whole input (a text article, a web page, a feed) read it with
// read_up_to; JSON Lines and WARC files are read as streams, so their size never costs memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace newsarchive {

// A failure to read the input (an I/O error, corrupt compressed data); what() is the reason as a
// message fragment ("read error: Input/output error", "gzip: invalid data").
class StreamError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to `size` bytes into `buffer`; returns 0 only at the end of the input. Throws
  // StreamError when the input cannot be read.
  virtual size_t read(char* buffer, size_t size) = 0;
  // How far into the underlying file the stream has got, in bytes on disk (compressed bytes for
  // a compressed file), for progress reports; 0 when unknown.
  virtual std::uint64_t position_on_disk() const { return 0; }
};

// An open regular file. open() throws StreamError ("cannot open: <reason>").
class FileStream : public ByteStream {
 public:
  static std::unique_ptr<FileStream> open(const std::filesystem::path& path);
  ~FileStream() override;
  FileStream(const FileStream&) = delete;
  FileStream& operator=(const FileStream&) = delete;

  size_t read(char* buffer, size_t size) override;
  std::uint64_t position_on_disk() const override { return position_; }
  // The size of a regular file (size_known()); pipes and other files have no known size.
  bool size_known() const { return size_known_; }
  std::uint64_t size() const { return size_; }

 private:
  explicit FileStream(int fd) : fd_(fd) {}
  int fd_;
  std::uint64_t position_ = 0;
  bool size_known_ = false;
  std::uint64_t size_ = 0;
};

// Bytes held in memory (which must outlive the stream); position_on_disk() is the offset read.
class MemoryStream : public ByteStream {
 public:
  explicit MemoryStream(std::string_view bytes) : bytes_(bytes) {}
  size_t read(char* buffer, size_t size) override;
  std::uint64_t position_on_disk() const override { return offset_; }

 private:
  std::string_view bytes_;
  size_t offset_ = 0;
};

// Reads the rest of `stream` into `out` (replacing its content), reserving `size_hint` bytes
// first. Returns false, leaving `out` empty, as soon as more than `max_bytes` arrive: the input
// is then too large to read whole (the caller skips it). Throws StreamError like read().
bool read_up_to(ByteStream& stream, size_t max_bytes, std::string& out, size_t size_hint = 0);

}  // namespace newsarchive
