// Unit tests for common/ingest/bundle: bundle and compressed-file names, walking tar and zip
// bundles in every compression, and decompressing single files. The fixtures are written here
// with libarchive's write API, so no binary file is committed.
#include "ingest/bundle.h"

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "test_support.h"

namespace newsarchive {
namespace {

using testing::TempDir;
using testing::write_file;

// ---- Writing fixtures ------------------------------------------------------------------------

struct FixtureEntry {
  std::string path;
  std::string content;       // a regular file's data; a symlink's target
  unsigned type = AE_IFREG;  // AE_IFREG, AE_IFDIR or AE_IFLNK
  std::int64_t mtime = 0;
};

enum class Container { kTar, kUstar, kZip, kRaw };

struct ArchiveWriteFree {
  void operator()(archive* handle) const { archive_write_free(handle); }
};

la_ssize_t append_to_string(archive*, void* out, const void* data, size_t size) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(data), size);
  return static_cast<la_ssize_t>(size);
}

void set_container(archive* handle, Container container) {
  switch (container) {
    case Container::kTar:
      archive_write_set_format_pax_restricted(handle);
      break;
    case Container::kUstar:
      archive_write_set_format_ustar(handle);
      break;
    case Container::kZip:
      archive_write_set_format_zip(handle);
      break;
    case Container::kRaw:
      archive_write_set_format_raw(handle);
      break;
  }
}

void add_filter(archive* handle, const std::string& filter) {
  if (filter == "gzip") archive_write_add_filter_gzip(handle);
  if (filter == "bzip2") archive_write_add_filter_bzip2(handle);
  if (filter == "xz") archive_write_add_filter_xz(handle);
  if (filter == "zstd") archive_write_add_filter_zstd(handle);
}

void write_entry(archive* handle, const FixtureEntry& fixture) {
  archive_entry* entry = archive_entry_new();
  archive_entry_set_pathname(entry, fixture.path.c_str());
  archive_entry_set_filetype(entry, fixture.type);
  archive_entry_set_perm(entry, fixture.type == AE_IFDIR ? 0755 : 0644);
  archive_entry_set_mtime(entry, fixture.mtime, 0);
  if (fixture.type == AE_IFLNK) archive_entry_set_symlink(entry, fixture.content.c_str());
  if (fixture.type == AE_IFREG) {
    archive_entry_set_size(entry, static_cast<la_int64_t>(fixture.content.size()));
  }
  ASSERT_EQ(archive_write_header(handle, entry), ARCHIVE_OK) << archive_error_string(handle);
  if (fixture.type == AE_IFREG && !fixture.content.empty()) {
    ASSERT_EQ(archive_write_data(handle, fixture.content.data(), fixture.content.size()),
              static_cast<la_ssize_t>(fixture.content.size()));
  }
  archive_entry_free(entry);
}

// The bytes of an archive of `entries` in `container`, compressed with `filter` ("" for none).
std::string make_archive(Container container, const std::string& filter,
                         const std::vector<FixtureEntry>& entries) {
  std::string out;
  std::unique_ptr<archive, ArchiveWriteFree> handle(archive_write_new());
  set_container(handle.get(), container);
  add_filter(handle.get(), filter);
  // No zero padding to 10240 bytes after the data: the fixtures end where their format does.
  archive_write_set_bytes_in_last_block(handle.get(), 1);
  EXPECT_EQ(archive_write_open(handle.get(), &out, nullptr, append_to_string, nullptr), ARCHIVE_OK);
  for (const FixtureEntry& entry : entries) write_entry(handle.get(), entry);
  EXPECT_EQ(archive_write_close(handle.get()), ARCHIVE_OK) << archive_error_string(handle.get());
  return out;
}

// `content` as a single compressed file.
std::string compress(const std::string& filter, const std::string& content) {
  return make_archive(Container::kRaw, filter, {{"data", content}});
}

// Text that compresses, and is long enough to span many of the readers' blocks.
std::string long_text(size_t lines) {
  std::string text;
  for (size_t i = 0; i < lines; ++i) {
    text += "line " + std::to_string(i) + ": the archive keeps " +
            std::to_string(i * 7919 % 104729) + " words\n";
  }
  return text;
}

// ---- Reading ---------------------------------------------------------------------------------

// A ByteStream over a string, handing out at most `chunk` bytes a read, as pipes do.
class StringStream : public ByteStream {
 public:
  explicit StringStream(std::string data, size_t chunk = 1 << 20)
      : data_(std::move(data)), chunk_(chunk) {}
  size_t read(char* buffer, size_t size) override {
    size_t count = std::min({size, chunk_, data_.size() - offset_});
    std::memcpy(buffer, data_.data() + offset_, count);
    offset_ += count;
    return count;
  }
  std::uint64_t position_on_disk() const override { return offset_; }

 private:
  std::string data_;
  size_t chunk_;
  size_t offset_ = 0;
};

std::string read_all(ByteStream& stream) {
  std::string out;
  EXPECT_TRUE(read_up_to(stream, 64 << 20, out));
  return out;
}

std::string decompress(std::string compressed, size_t chunk = 1 << 20) {
  StringStream source(std::move(compressed), chunk);
  return read_all(*decompressing(source));
}

struct SeenMember {
  std::string path;
  std::optional<std::int64_t> mtime;
  std::optional<std::uint64_t> size;
  std::string content;
  bool operator==(const SeenMember&) const = default;
};

void PrintTo(const SeenMember& member, std::ostream* out) {
  *out << "{" << member.path << ", mtime " << (member.mtime ? *member.mtime : -1) << ", size "
       << (member.size ? static_cast<std::int64_t>(*member.size) : -1) << ", \"" << member.content
       << "\"}";
}

// Every member for_each_member passes on, read whole.
std::vector<SeenMember> members_of(ByteStream& bundle) {
  std::vector<SeenMember> seen;
  for_each_member(bundle, [&](const BundleMember& member, ByteStream& content) {
    seen.push_back({member.path, member.mtime, member.size, read_all(content)});
  });
  return seen;
}

std::vector<SeenMember> members_of(std::string bundle) {
  StringStream stream(std::move(bundle));
  return members_of(stream);
}

// The message of the StreamError `body` throws, or "no StreamError".
template <typename Body>
std::string stream_error_of(Body body) {
  try {
    body();
  } catch (const StreamError& error) {
    return error.what();
  }
  return "no StreamError";
}

// ---- Names -----------------------------------------------------------------------------------

TEST(BundleNames, RecognisesEveryBundleSuffixInAnyCase) {
  for (const char* name : {"a.tar", "a.tar.gz", "a.tgz", "a.tar.bz2", "a.tbz2", "a.tar.xz", "a.txz",
                           "a.tar.zst", "a.tzst", "a.zip", "A.TAR.GZ", "b.Tgz", "dir/c.ZIP"}) {
    EXPECT_TRUE(is_bundle_name(name)) << name;
    EXPECT_FALSE(is_compressed_name(name)) << name;
  }
  for (const char* name : {"x.jsonl.gz", "x.gz", "tar", "x.tar.gz.txt", ".tar", "x.tarz", ""}) {
    EXPECT_FALSE(is_bundle_name(name)) << name;
  }
}

TEST(BundleNames, RecognisesSingleCompressedFiles) {
  for (const char* name : {"x.jsonl.gz", "x.warc.GZ", "a.bz2", "a.XZ", "a.zst"}) {
    EXPECT_TRUE(is_compressed_name(name)) << name;
  }
  for (const char* name : {"x.jsonl", "x.gzip", ".gz", "x.tar.zst", "x.tgz", "x.zstd"}) {
    EXPECT_FALSE(is_compressed_name(name)) << name;
  }
}

TEST(BundleNames, InnerNameDropsOnlyTheCompressionSuffix) {
  EXPECT_EQ(compressed_inner_name("feed.jsonl.gz"), "feed.jsonl");
  EXPECT_EQ(compressed_inner_name("crawl.warc.GZ"), "crawl.warc");
  EXPECT_EQ(compressed_inner_name("page.html.bz2"), "page.html");
  EXPECT_EQ(compressed_inner_name("a.b.xz"), "a.b");
  EXPECT_EQ(compressed_inner_name("notes.zst"), "notes");
  EXPECT_EQ(compressed_inner_name("feed.jsonl"), "feed.jsonl");
  EXPECT_EQ(compressed_inner_name("bundle.tar.gz"), "bundle.tar.gz");
}

// ---- Bundles in every format -----------------------------------------------------------------

const std::vector<FixtureEntry> kStandardEntries = {
    {"sub/", "", AE_IFDIR, 1000000000},
    {"notes.txt", "first member\n", AE_IFREG, 1000000001},
    {"sub/dir/second.txt", "second member, in a subdirectory\n", AE_IFREG, 1100000000},
    {"link.txt", "notes.txt", AE_IFLNK, 1000000002},
    {"./third.jsonl", "{\"id\": 3}\n", AE_IFREG, 1200000000},
};

const std::vector<SeenMember> kStandardMembers = {
    {"notes.txt", 1000000001, 13, "first member\n"},
    {"sub/dir/second.txt", 1100000000, 33, "second member, in a subdirectory\n"},
    {"third.jsonl", 1200000000, 10, "{\"id\": 3}\n"},
};

// A zip read as a stream has only its local headers, which carry no file type: libarchive sees
// a symlink as a regular file holding the link's target (directories it knows by their "/").
const std::vector<SeenMember> kStreamedZipMembers = {
    kStandardMembers[0],
    kStandardMembers[1],
    {"link.txt", 1000000002, 9, "notes.txt"},
    kStandardMembers[2],
};

struct BundleFormat {
  const char* file_name;
  Container container;
  const char* filter;
};

void PrintTo(const BundleFormat& format, std::ostream* out) {
  *out << format.file_name;
}

class BundleFormats : public ::testing::TestWithParam<BundleFormat> {};

TEST_P(BundleFormats, PassesOnTheRegularFilesWithPathsTimesAndContent) {
  const BundleFormat& format = GetParam();
  TempDir dir;
  auto path = dir.path() / format.file_name;
  write_file(path, make_archive(format.container, format.filter, kStandardEntries));
  auto file = FileStream::open(path);
  EXPECT_EQ(members_of(*file),
            format.container == Container::kZip ? kStreamedZipMembers : kStandardMembers);
  EXPECT_EQ(file->position_on_disk(), file->size());
}

INSTANTIATE_TEST_SUITE_P(AllFormats, BundleFormats,
                         ::testing::Values(BundleFormat{"b.tar", Container::kTar, ""},
                                           BundleFormat{"b.tar.gz", Container::kTar, "gzip"},
                                           BundleFormat{"b.tgz", Container::kTar, "gzip"},
                                           BundleFormat{"b.tar.bz2", Container::kTar, "bzip2"},
                                           BundleFormat{"b.tar.xz", Container::kTar, "xz"},
                                           BundleFormat{"b.tar.zst", Container::kTar, "zstd"},
                                           BundleFormat{"b.zip", Container::kZip, ""}),
                         [](const ::testing::TestParamInfo<BundleFormat>& param_info) {
                           std::string name = param_info.param.file_name;
                           std::replace(name.begin(), name.end(), '.', '_');
                           return name;
                         });

// ---- Bundles: partial reads, damage, nesting, size --------------------------------------------

TEST(ForEachMember, SkipsWhatTheCallbackLeavesUnread) {
  std::string big = long_text(20000);  // ~800 KB: many of libarchive's blocks
  std::string bundle = make_archive(Container::kTar, "gzip",
                                    {{"big.txt", big, AE_IFREG, 5}, {"after.txt", "after\n"}});
  StringStream stream(bundle);
  std::vector<std::string> seen;
  for_each_member(stream, [&](const BundleMember& member, ByteStream& content) {
    if (member.path == "big.txt") {
      std::string half(big.size() / 2, '\0');
      size_t got = 0;
      while (got < half.size()) got += content.read(half.data() + got, half.size() - got);
      seen.push_back(member.path + ":" + half.substr(0, 12));
    } else {
      seen.push_back(member.path + ":" + read_all(content));
    }
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"big.txt:line 0: the ", "after.txt:after\n"}));
}

// A tar cut off 50,000 bytes into the data of its second member.
std::string truncated_tar() {
  std::string tar = make_archive(
      Container::kUstar, "",
      {{"first.txt", "complete\n", AE_IFREG, 7}, {"second.txt", long_text(5000), AE_IFREG, 8}});
  // ustar: a 512-byte header, then the data padded to 512 bytes, for each member.
  return tar.substr(0, 512 + 512 + 512 + 50000);
}

TEST(ForEachMember, TruncatedInsideAMemberFailsThatMembersRead) {
  std::vector<std::string> seen;
  std::string error = stream_error_of([&] {
    StringStream stream(truncated_tar());
    for_each_member(stream, [&](const BundleMember& member, ByteStream& content) {
      seen.push_back(member.path);
      seen.push_back(read_all(content));
    });
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"first.txt", "complete\n", "second.txt"}));
  EXPECT_EQ(error, "Truncated tar archive");
}

TEST(ForEachMember, TruncatedInsideAnUnreadMemberFailsTheWalkAfterIt) {
  std::vector<std::string> seen;
  std::string error = stream_error_of([&] {
    StringStream stream(truncated_tar());
    for_each_member(stream,
                    [&](const BundleMember& member, ByteStream&) { seen.push_back(member.path); });
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"first.txt", "second.txt"}));
  // libarchive's message names the bytes it wanted to skip.
  EXPECT_TRUE(error.starts_with("damaged archive after member second.txt: Truncated input file"))
      << error;
}

TEST(ForEachMember, TruncatedGzipBundleReportsTheGzipTruncation) {
  std::string bundle = make_archive(Container::kTar, "gzip",
                                    {{"first.txt", "complete\n"}, {"big.txt", long_text(20000)}});
  std::vector<std::string> seen;
  std::string error = stream_error_of([&] {
    StringStream stream(bundle.substr(0, bundle.size() / 2));
    for_each_member(stream, [&](const BundleMember& member, ByteStream& content) {
      seen.push_back(member.path);
      read_all(content);
    });
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"first.txt", "big.txt"}));
  EXPECT_EQ(error, "gzip: truncated input");
}

TEST(ForEachMember, ChecksTheGzipCrcOfATarGz) {
  // Large enough that the end of the gzip stream, where the CRC is checked, is read well after
  // the bundle was opened: while skipping big.txt, which the callback leaves unread.
  std::vector<FixtureEntry> entries = {{"small.txt", "small\n"}, {"big.txt", long_text(20000)}};
  std::string bundle = make_archive(Container::kTar, "gzip", entries);
  bundle[bundle.size() - 8] ^= 0x55;  // the gzip trailer: CRC-32, then the length
  std::vector<std::string> seen;
  std::string error = stream_error_of([&] {
    StringStream stream(bundle);
    for_each_member(stream,
                    [&](const BundleMember& member, ByteStream&) { seen.push_back(member.path); });
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"small.txt", "big.txt"}));
  EXPECT_EQ(error, "damaged archive after member big.txt: gzip: incorrect data check");
}

TEST(ForEachMember, RejectsWhatIsNotATarOrZip) {
  for (std::string content : {std::string("just some text, long enough to be read as a header\n"),
                              std::string(), compress("gzip", "compressed text, not a tar\n")}) {
    int calls = 0;
    std::string error = stream_error_of([&] {
      StringStream stream(content);
      for_each_member(stream, [&](const BundleMember&, ByteStream&) { ++calls; });
    });
    EXPECT_EQ(error, "not a tar or zip archive") << content.size() << " bytes";
    EXPECT_EQ(calls, 0);
  }
}

TEST(ForEachMember, KeepsMemberNamesThatAreNotUtf8AsBytes) {
  std::string bundle = make_archive(Container::kUstar, "", {{"caf\xe9.txt", "latin-1 name\n"}});
  EXPECT_EQ(members_of(bundle),
            (std::vector<SeenMember>{{"caf\xe9.txt", 0, 13, "latin-1 name\n"}}));
}

TEST(ForEachMember, DecompressesACompressedMemberThroughItsStream) {
  std::string feed = "{\"id\": 1}\n{\"id\": 2}\n";
  std::string bundle =
      make_archive(Container::kZip, "", {{"feeds/day.jsonl.gz", compress("gzip", feed)}});
  std::vector<std::string> seen;
  StringStream stream(bundle);
  for_each_member(stream, [&](const BundleMember& member, ByteStream& content) {
    seen.push_back(member.path);
    seen.push_back(read_all(*decompressing(content)));
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"feeds/day.jsonl.gz", feed}));
}

TEST(ForEachMember, WalksABundleInsideABundle) {
  std::string inner = make_archive(Container::kTar, "xz", kStandardEntries);
  std::string outer = make_archive(Container::kTar, "", {{"inner.tar.xz", inner, AE_IFREG, 3}});
  std::vector<SeenMember> seen;
  StringStream stream(outer);
  for_each_member(stream, [&](const BundleMember& member, ByteStream& content) {
    EXPECT_EQ(member.path, "inner.tar.xz");
    seen = members_of(content);
  });
  EXPECT_EQ(seen, kStandardMembers);
}

TEST(ForEachMember, StreamsAThousandMembers) {
  std::vector<FixtureEntry> entries;
  for (int i = 0; i < 1000; ++i) {
    entries.push_back({"m/" + std::to_string(i) + ".txt", std::string(1000 + i, 'x'), AE_IFREG, i});
  }
  TempDir dir;
  write_file(dir.path() / "many.tar.zst", make_archive(Container::kTar, "zstd", entries));
  entries.clear();
  auto file = FileStream::open(dir.path() / "many.tar.zst");
  int count = 0;
  std::uint64_t bytes = 0;
  for_each_member(*file, [&](const BundleMember& member, ByteStream& content) {
    EXPECT_EQ(member.path, "m/" + std::to_string(count) + ".txt");
    bytes += read_all(content).size();
    ++count;
  });
  EXPECT_EQ(count, 1000);
  EXPECT_EQ(bytes, 1000u * 1000u + 999u * 1000u / 2u);
}

// ---- Decompression ---------------------------------------------------------------------------

class Decompression : public ::testing::TestWithParam<const char*> {};

TEST_P(Decompression, ReadsTheExactBytesEvenInSmallReads) {
  std::string text = long_text(10000);
  std::string compressed = compress(GetParam(), text);
  ASSERT_NE(compressed, text);
  EXPECT_EQ(decompress(compressed), text);
  EXPECT_EQ(decompress(compressed, 3), text);
}

TEST_P(Decompression, ReadsAnEmptyCompressedFileAsEmpty) {
  EXPECT_EQ(decompress(compress(GetParam(), "")), "");
}

TEST_P(Decompression, ReportsTruncation) {
  std::string compressed = compress(GetParam(), long_text(10000));
  std::string error =
      stream_error_of([&] { decompress(compressed.substr(0, compressed.size() / 2)); });
  EXPECT_EQ(error.substr(0, error.find(':')), GetParam());
}

TEST_P(Decompression, PositionOnDiskIsTheCompressedPosition) {
  std::string compressed = compress(GetParam(), long_text(10000));
  StringStream source(compressed);
  auto stream = decompressing(source);
  EXPECT_EQ(stream->position_on_disk(), 0u);
  read_all(*stream);
  EXPECT_EQ(stream->position_on_disk(), compressed.size());
}

INSTANTIATE_TEST_SUITE_P(AllCompressions, Decompression,
                         ::testing::Values("gzip", "bzip2", "xz", "zstd"));

TEST(Decompressing, ReadsConcatenatedGzipMembersAsOne) {
  std::string warc = compress("gzip", "WARC/1.0 record one\n") + compress("gzip", "") +
                     compress("gzip", "WARC/1.0 record two\n");
  EXPECT_EQ(decompress(warc), "WARC/1.0 record one\nWARC/1.0 record two\n");
  EXPECT_EQ(decompress(warc, 5), "WARC/1.0 record one\nWARC/1.0 record two\n");
}

TEST(Decompressing, IgnoresZeroPaddingAfterTheLastGzipMember) {
  std::string padded =
      compress("gzip", "one\n") + compress("gzip", "two\n") + std::string(9000, '\0');
  EXPECT_EQ(decompress(padded), "one\ntwo\n");
}

TEST(Decompressing, ReadsUncompressedInputAsItself) {
  for (std::string plain : {std::string("plain text, not compressed\n"), std::string("ab"),
                            std::string("BZh is not enough for bzip2\n"), std::string(1, '\0')}) {
    EXPECT_EQ(decompress(plain), plain);
    EXPECT_EQ(decompress(plain, 1), plain);
  }
}

TEST(Decompressing, ReadsEmptyInputAsEmpty) {
  StringStream empty("");
  auto stream = decompressing(empty);
  char buffer[16];
  EXPECT_EQ(stream->read(buffer, sizeof buffer), 0u);
  EXPECT_EQ(stream->read(buffer, sizeof buffer), 0u);
}

TEST(Decompressing, ChecksTheGzipCrc) {
  std::string compressed = compress("gzip", long_text(1000));
  compressed[compressed.size() - 8] ^= 0x55;  // the trailer: CRC-32, then the length
  EXPECT_EQ(stream_error_of([&] { decompress(compressed); }), "gzip: incorrect data check");
}

TEST(Decompressing, ReportsCorruptGzipData) {
  std::string compressed = compress("gzip", long_text(1000));
  compressed[3] = '\x77';  // reserved header flags
  EXPECT_EQ(stream_error_of([&] { decompress(compressed); }), "gzip: unknown header flags set");
}

TEST(Decompressing, ReportsGarbageAfterTheLastGzipMember) {
  std::string compressed = compress("gzip", "text\n") + "trailing garbage";
  std::string read;
  std::string error = stream_error_of([&] {
    StringStream source(compressed);
    auto stream = decompressing(source);
    char buffer[64];
    for (size_t got; (got = stream->read(buffer, sizeof buffer)) > 0;) read.append(buffer, got);
  });
  EXPECT_EQ(read, "text\n");
  EXPECT_EQ(error, "gzip: data after member 1 is not gzip");
}

}  // namespace
}  // namespace newsarchive
