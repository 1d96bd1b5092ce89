// Bundles and compressed files through libarchive and zlib; see bundle.h.
//
// What libarchive 3.6.2 (Debian 12) does, and why this file does not leave everything to it:
//  - Its gzip filter reads concatenated members as one stream, but it checks neither the CRC nor
//    the length in a member's trailer: corrupt deflate data that still decodes comes back as
//    wrong bytes with no error. Gzip is therefore inflated here with zlib, which checks both,
//    for single files and for the outer compression of a bundle alike.
//  - Its raw format passes uncompressed input through, but refuses empty input ("Unrecognized
//    archive format") unless the empty format is enabled too. The compression is recognised
//    here by its magic bytes instead, and anything else is handed on untouched.
//  - bzip2, xz and zstd (concatenated streams included) are left to libarchive, whose libraries
//    check their own checksums and report truncation.
#include "ingest/bundle.h"

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <exception>
#include <limits>
#include <new>

namespace newsarchive {
namespace {

// The size of each block handed to libarchive or zlib; with libarchive's own buffers this is
// all the memory reading a bundle or a compressed file takes, whatever its size.
constexpr size_t kBlockSize = size_t{64} << 10;

// ---- Names ---------------------------------------------------------------------------------

constexpr std::array<std::string_view, 10> kBundleSuffixes = {
    ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".tzst", ".zip"};
constexpr std::array<std::string_view, 4> kCompressionSuffixes = {".gz", ".bz2", ".xz", ".zst"};

// Whether `name` ends with `suffix` (lower case), ignoring ASCII case, with something before it:
// a file called just ".gz" is not a compressed file with an empty name.
bool has_suffix(std::string_view name, std::string_view suffix) {
  if (name.size() <= suffix.size()) return false;
  std::string_view tail = name.substr(name.size() - suffix.size());
  return std::equal(tail.begin(), tail.end(), suffix.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == b;
  });
}

// The compression suffix `name` ends with, or "" when it is a bundle or has none.
std::string_view compression_suffix(std::string_view name) {
  if (is_bundle_name(name)) return {};
  for (std::string_view suffix : kCompressionSuffixes) {
    if (has_suffix(name, suffix)) return suffix;
  }
  return {};
}

// ---- Feeding libarchive from a ByteStream --------------------------------------------------

struct ArchiveFree {
  void operator()(archive* handle) const { archive_read_free(handle); }
};
using ArchiveHandle = std::unique_ptr<archive, ArchiveFree>;

ArchiveHandle new_archive() {
  ArchiveHandle handle(archive_read_new());
  if (!handle) throw std::bad_alloc();
  return handle;
}

// The read callback libarchive pulls blocks through. An exception must not unwind through
// libarchive's C frames, so a failure of the stream is caught here, reported to libarchive as a
// fatal error, and kept: the code that called libarchive asks for it once libarchive returns
// (rethrow_foreign, reason).
class StreamSource {
 public:
  explicit StreamSource(ByteStream& stream)
      : stream_(stream), block_(std::make_unique<char[]>(kBlockSize)) {}

  static la_ssize_t read(archive* handle, void* self, const void** block) {
    return static_cast<StreamSource*>(self)->read_block(handle, block);
  }
  // Opens `handle` on this source; returns libarchive's status.
  int open(archive* handle) { return archive_read_open(handle, this, nullptr, &read, nullptr); }

  const ByteStream& stream() const { return stream_; }
  bool failed() const { return failure_.has_value() || foreign_; }
  // Rethrows what the stream threw when that was not a StreamError (std::bad_alloc, say).
  void rethrow_foreign() const {
    if (foreign_) std::rethrow_exception(foreign_);
  }
  // Why the last libarchive call failed: the stream's own message when the stream failed (it
  // says more than what libarchive makes of it), else libarchive's.
  std::string reason(archive* handle) const {
    if (failure_) return *failure_;
    const char* message = archive_error_string(handle);
    return message != nullptr ? message : "unknown libarchive error";
  }

 private:
  la_ssize_t read_block(archive* handle, const void** block) {
    *block = block_.get();
    try {
      return static_cast<la_ssize_t>(stream_.read(block_.get(), kBlockSize));
    } catch (const StreamError& error) {
      failure_ = error.what();
    } catch (...) {
      foreign_ = std::current_exception();
    }
    archive_set_error(handle, EIO, "%s", failure_ ? failure_->c_str() : "read failed");
    return -1;
  }

  ByteStream& stream_;
  std::unique_ptr<char[]> block_;
  std::optional<std::string> failure_;  // what a StreamError said
  std::exception_ptr foreign_;          // any other exception
};

// The data of the entry libarchive has just read the header of. Valid until the next header is
// read; libarchive skips whatever was left unread then.
class MemberStream : public ByteStream {
 public:
  MemberStream(archive* handle, const StreamSource& source) : handle_(handle), source_(source) {}

  size_t read(char* buffer, size_t size) override {
    la_ssize_t got = archive_read_data(handle_, buffer, size);
    if (got >= 0) return static_cast<size_t>(got);
    // ARCHIVE_WARN here is damage too (a zip member whose CRC does not match, say).
    source_.rethrow_foreign();
    throw StreamError(source_.reason(handle_));
  }
  std::uint64_t position_on_disk() const override { return source_.stream().position_on_disk(); }

 private:
  archive* handle_;
  const StreamSource& source_;
};

// ---- Bundles -------------------------------------------------------------------------------

// Opens `source` as a tar (any compression libarchive knows) or a streamed zip.
ArchiveHandle open_bundle(StreamSource& source) {
  ArchiveHandle handle = new_archive();
  archive_read_support_format_tar(handle.get());
  archive_read_support_format_zip_streamable(handle.get());
  // Returns ARCHIVE_WARN when some filters would need an external program; those are then
  // simply not available.
  archive_read_support_filter_all(handle.get());
  if (source.open(handle.get()) >= ARCHIVE_WARN) return handle;
  source.rethrow_foreign();
  // Decompression and read errors are the stream's and keep their message; a failure of
  // libarchive's own at this point is that no format bid for the content.
  if (source.failed()) throw StreamError(source.reason(handle.get()));
  throw StreamError("not a tar or zip archive");
}

// The member as the caller sees it: libarchive's path bytes (not checked as UTF-8: the caller
// repairs them), without the "./" that `tar -C dir .` puts in front of every name.
BundleMember describe_member(archive_entry* entry) {
  BundleMember member;
  const char* path = archive_entry_pathname(entry);
  if (path == nullptr) path = archive_entry_pathname_utf8(entry);
  if (path != nullptr) member.path = path;
  while (member.path.starts_with("./")) member.path.erase(0, 2);
  if (archive_entry_mtime_is_set(entry)) member.mtime = archive_entry_mtime(entry);
  if (archive_entry_size_is_set(entry) && archive_entry_size(entry) >= 0) {
    member.size = static_cast<std::uint64_t>(archive_entry_size(entry));
  }
  return member;
}

[[noreturn]] void throw_damaged(archive* handle, const StreamSource& source,
                                const std::optional<std::string>& last_entry) {
  source.rethrow_foreign();
  std::string where = last_entry ? "after member " + *last_entry : "before its first member";
  throw StreamError("damaged archive " + where + ": " + source.reason(handle));
}

void walk_members(ByteStream& plain,
                  const std::function<void(const BundleMember&, ByteStream&)>& each) {
  StreamSource source(plain);
  ArchiveHandle handle = open_bundle(source);
  std::optional<std::string> last_entry;  // the path of the last header read, for messages
  for (;;) {
    archive_entry* entry = nullptr;
    int status = archive_read_next_header(handle.get(), &entry);
    if (status == ARCHIVE_EOF) return;
    // ARCHIVE_RETRY (a tar header with a bad checksum) is damage too: retrying would resync on
    // whatever looks like a header further on.
    if (status < ARCHIVE_WARN || status == ARCHIVE_RETRY) {
      throw_damaged(handle.get(), source, last_entry);
    }
    BundleMember member = describe_member(entry);
    last_entry = member.path;
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    MemberStream content(handle.get(), source);
    each(member, content);
  }
}

// ---- Decompression -------------------------------------------------------------------------

enum class Compression { kNone, kGzip, kBzip2, kXz, kZstd };

// Enough bytes for the longest signature checked (bzip2's).
constexpr size_t kMagicSize = 10;

// bzip2: "BZh", the block size digit, then the magic of the first block or, for an empty
// stream, of the end of the stream. All ten bytes are checked because "BZh" alone is ordinary
// text a tar's first member name might begin with.
bool is_bzip2(std::string_view head) {
  if (head.size() < kMagicSize || !head.starts_with("BZh") || head[3] < '1' || head[3] > '9') {
    return false;
  }
  std::string_view block_magic = head.substr(4);
  return block_magic == "\x31\x41\x59\x26\x53\x59" || block_magic == "\x17\x72\x45\x38\x50\x90";
}

Compression recognise(std::string_view head) {
  if (head.starts_with("\x1f\x8b")) return Compression::kGzip;
  if (is_bzip2(head)) return Compression::kBzip2;
  if (head.starts_with(std::string_view("\xfd"
                                        "7zXZ\0",
                                        6)))
    return Compression::kXz;
  if (head.starts_with("\x28\xb5\x2f\xfd")) return Compression::kZstd;
  return Compression::kNone;
}

// Reads up to `size` bytes, fewer only at the end of `stream`.
std::string read_head(ByteStream& stream, size_t size) {
  std::string head(size, '\0');
  size_t filled = 0;
  while (filled < size) {
    size_t got = stream.read(head.data() + filled, size - filled);
    if (got == 0) break;
    filled += got;
  }
  head.resize(filled);
  return head;
}

// `inner` with the bytes already read from it to recognise its compression put back in front.
class ReplayStream : public ByteStream {
 public:
  ReplayStream(ByteStream& inner, std::string head) : inner_(inner), head_(std::move(head)) {}

  size_t read(char* buffer, size_t size) override {
    if (replayed_ == head_.size()) return inner_.read(buffer, size);
    size_t count = std::min(size, head_.size() - replayed_);
    std::memcpy(buffer, head_.data() + replayed_, count);
    replayed_ += count;
    return count;
  }
  std::uint64_t position_on_disk() const override { return inner_.position_on_disk(); }

 private:
  ByteStream& inner_;
  std::string head_;
  size_t replayed_ = 0;
};

// Gzip through zlib: every member in turn (a .warc.gz has one per record), each member's CRC and
// length checked. Data after the last member that is not another member (nor zero padding) is an
// error, as is input ending inside a member.
class GzipStream : public ByteStream {
 public:
  explicit GzipStream(ByteStream& source)
      : source_(source), input_(std::make_unique<char[]>(kBlockSize)) {
    // 16 + MAX_WBITS: a gzip wrapper, and nothing else, around deflate data.
    if (inflateInit2(&zlib_, 16 + MAX_WBITS) != Z_OK) throw std::bad_alloc();
  }
  ~GzipStream() override { inflateEnd(&zlib_); }
  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;

  size_t read(char* buffer, size_t size) override {
    if (size == 0) return 0;
    for (;;) {
      if (member_ended_ && !start_next_member()) return 0;
      if (zlib_.avail_in == 0 && !refill()) throw StreamError("gzip: truncated input");
      size_t produced = inflate_into(buffer, size);
      if (produced > 0) return produced;
    }
  }
  std::uint64_t position_on_disk() const override { return source_.position_on_disk(); }

 private:
  // False when the input ends with the member just finished, or with nothing but zero bytes
  // after it: the padding that writers blocking their output add (libarchive pads to 10240
  // bytes by default), which gzip(1) ignores too.
  bool start_next_member() {
    for (;;) {
      if (zlib_.avail_in == 0 && !refill()) return false;
      if (*zlib_.next_in != 0) break;
      ++zlib_.next_in;
      --zlib_.avail_in;
    }
    inflateReset(&zlib_);
    member_ended_ = false;
    ++members_done_;
    return true;
  }

  bool refill() {
    size_t got = source_.read(input_.get(), kBlockSize);
    zlib_.next_in = reinterpret_cast<Bytef*>(input_.get());
    zlib_.avail_in = static_cast<uInt>(got);
    return got > 0;
  }

  size_t inflate_into(char* buffer, size_t size) {
    auto room = static_cast<uInt>(std::min<size_t>(size, std::numeric_limits<uInt>::max()));
    zlib_.next_out = reinterpret_cast<Bytef*>(buffer);
    zlib_.avail_out = room;
    int status = inflate(&zlib_, Z_NO_FLUSH);
    if (status == Z_STREAM_END) {
      member_ended_ = true;
    } else if (status == Z_MEM_ERROR) {
      throw std::bad_alloc();
    } else if (status != Z_OK && status != Z_BUF_ERROR) {
      throw StreamError(describe_error());
    }
    return room - zlib_.avail_out;
  }

  std::string describe_error() const {
    // Nothing decoded yet from a member after the first: what follows the last member is not
    // gzip at all (trailing garbage), rather than a damaged member.
    if (members_done_ > 0 && zlib_.total_out == 0) {
      return "gzip: data after member " + std::to_string(members_done_) + " is not gzip";
    }
    return std::string("gzip: ") + (zlib_.msg != nullptr ? zlib_.msg : "invalid data");
  }

  ByteStream& source_;
  std::unique_ptr<char[]> input_;
  z_stream zlib_{};
  bool member_ended_ = false;
  std::uint64_t members_done_ = 0;
};

// bzip2, xz or zstd through libarchive's filter of that name under its raw format. Only the one
// filter is enabled: with them all, libarchive would also "decode" content that merely looks
// like uuencoding or an RPM header. The empty format stands for an empty decompressed stream,
// which the raw format refuses.
class LibarchiveStream : public ByteStream {
 public:
  LibarchiveStream(ByteStream& source, Compression compression)
      : source_(source), compression_(compression) {}

  size_t read(char* buffer, size_t size) override {
    if (!handle_) open();
    if (ended_) return 0;
    la_ssize_t got = archive_read_data(handle_.get(), buffer, size);
    if (got < 0) fail();
    return static_cast<size_t>(got);
  }
  std::uint64_t position_on_disk() const override { return source_.stream().position_on_disk(); }

 private:
  void open() {
    handle_ = new_archive();
    archive_read_support_format_raw(handle_.get());
    archive_read_support_format_empty(handle_.get());
    enable_filter();
    if (source_.open(handle_.get()) < ARCHIVE_WARN) fail();
    archive_entry* entry = nullptr;
    int status = archive_read_next_header(handle_.get(), &entry);
    if (status == ARCHIVE_EOF)
      ended_ = true;
    else if (status < ARCHIVE_WARN)
      fail();
  }

  void enable_filter() {
    switch (compression_) {
      case Compression::kBzip2:
        archive_read_support_filter_bzip2(handle_.get());
        break;
      case Compression::kXz:
        archive_read_support_filter_xz(handle_.get());
        break;
      default:
        archive_read_support_filter_zstd(handle_.get());
        break;
    }
  }

  [[noreturn]] void fail() const {
    source_.rethrow_foreign();
    if (source_.failed()) throw StreamError(source_.reason(handle_.get()));
    throw StreamError(std::string(format_name()) + ": " + source_.reason(handle_.get()));
  }

  const char* format_name() const {
    switch (compression_) {
      case Compression::kBzip2:
        return "bzip2";
      case Compression::kXz:
        return "xz";
      default:
        return "zstd";
    }
  }

  StreamSource source_;
  Compression compression_;
  ArchiveHandle handle_;
  bool ended_ = false;
};

// What decompressing() returns: recognises the compression on the first read (so that reading,
// never the call, is what throws) and reads through the matching decoder.
class DecompressingStream : public ByteStream {
 public:
  explicit DecompressingStream(ByteStream& compressed) : compressed_(compressed) {}

  size_t read(char* buffer, size_t size) override {
    if (decoder_ == nullptr) choose_decoder();
    return decoder_->read(buffer, size);
  }
  std::uint64_t position_on_disk() const override { return compressed_.position_on_disk(); }

 private:
  void choose_decoder() {
    std::string head = read_head(compressed_, kMagicSize);
    Compression compression = recognise(head);
    replay_ = std::make_unique<ReplayStream>(compressed_, std::move(head));
    if (compression == Compression::kNone) {
      decoder_ = replay_.get();
      return;
    }
    if (compression == Compression::kGzip) {
      owned_decoder_ = std::make_unique<GzipStream>(*replay_);
    } else {
      owned_decoder_ = std::make_unique<LibarchiveStream>(*replay_, compression);
    }
    decoder_ = owned_decoder_.get();
  }

  ByteStream& compressed_;
  std::unique_ptr<ReplayStream> replay_;
  std::unique_ptr<ByteStream> owned_decoder_;
  ByteStream* decoder_ = nullptr;
};

}  // namespace

bool is_bundle_name(std::string_view name) {
  return std::any_of(kBundleSuffixes.begin(), kBundleSuffixes.end(),
                     [name](std::string_view suffix) { return has_suffix(name, suffix); });
}

bool is_compressed_name(std::string_view name) {
  return !compression_suffix(name).empty();
}

std::string compressed_inner_name(std::string_view name) {
  return std::string(name.substr(0, name.size() - compression_suffix(name).size()));
}

void for_each_member(ByteStream& bundle,
                     const std::function<void(const BundleMember&, ByteStream&)>& each) {
  // The outer compression is undone first, so a .tar.gz gets zlib's checks (see the top).
  std::unique_ptr<ByteStream> plain = decompressing(bundle);
  walk_members(*plain, each);
}

std::unique_ptr<ByteStream> decompressing(ByteStream& compressed) {
  return std::make_unique<DecompressingStream>(compressed);
}

}  // namespace newsarchive
