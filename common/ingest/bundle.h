// Bundles (tar in any compression, zip) and single compressed files (.gz, .bz2, .xz, .zst), read
// in place through libarchive: nothing is unpacked to disk, and a member is streamed, so memory
// stays bounded whatever the bundle holds.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/byte_stream.h"

namespace newsarchive {

// Names compared case-insensitively. A bundle: .tar, .tar.gz, .tgz, .tar.bz2, .tbz2, .tar.xz,
// .txz, .tar.zst, .tzst, .zip.
bool is_bundle_name(std::string_view name);
// A single compressed file: .gz, .bz2, .xz, .zst (and not a bundle). compressed_inner_name gives
// the name without the compression suffix ("feed.jsonl.gz" -> "feed.jsonl"), or the name itself
// when it has none.
bool is_compressed_name(std::string_view name);
std::string compressed_inner_name(std::string_view name);

struct BundleMember {
  std::string path;                   // the member's path inside the bundle, '/'-separated
  std::optional<std::int64_t> mtime;  // seconds since the epoch, when the bundle records it
  std::optional<std::uint64_t> size;  // uncompressed size, when the bundle records it
};

// Calls `each` for every regular-file member of the bundle read from `bundle` (a file's stream,
// or a member of another bundle), in the bundle's order, with a stream of the member's content
// (valid only during the call; what the callback leaves unread is skipped). Directories, links
// and special members are passed over. Throws StreamError when the bundle cannot be read on ("not
// a tar or zip archive", "damaged archive after member M: ..."); members before the error have
// been passed on. A StreamError thrown while a member's stream is read means that member is
// damaged: the callback may let it propagate, and the walk then stops with it. A zip needs random
// access to its central directory; libarchive reads zips as a stream too (local headers), which is
// what this does.
void for_each_member(ByteStream& bundle,
                     const std::function<void(const BundleMember&, ByteStream&)>& each);

// The decompressed bytes of `compressed` (any of the formats is_compressed_name names, recognised
// by content), which must outlive the result; position_on_disk() is that of `compressed`. A gzip
// file of several members (a .warc.gz) reads as their concatenation. Input that is not
// compressed at all reads as itself. Reads throw StreamError ("gzip: ...", "truncated input").
std::unique_ptr<ByteStream> decompressing(ByteStream& compressed);

}  // namespace newsarchive
