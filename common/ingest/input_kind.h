// What a file name says about how to read the file. Names are compared case-insensitively, so
// "STORY.TXT" and "Feed.RSS" are read like "story.txt" and "feed.rss".
#pragma once

#include <string>
#include <string_view>

namespace newsarchive {

enum class InputKind {
  kText,       // .txt
  kJsonLines,  // .jsonl, .ndjson
  kWebPage,    // .html, .htm, .xhtml
  kFeed,       // .rss, .atom
  kXml,        // .xml: read as a feed when it is one (looks_like_feed), else passed over
  kWarc,       // .warc
  kBundle,     // .tar, .tgz, .zip, ... (is_bundle_name)
  kUnknown,    // any other name: not read in a directory walk; sniffed when named directly
};

struct NamedKind {
  InputKind kind = InputKind::kUnknown;
  bool compressed = false;  // .gz, .bz2, .xz or .zst around the kind: "feed.jsonl.gz"
};

// The kind a file or member name names.
NamedKind kind_of_name(std::string_view name);

// The kind of content that does not say by its name: "WARC/" opens a web archive, '{' a JSON
// Lines file, "<rss", "<feed" or "<rdf:RDF" a feed, other markup ("<!doctype html", "<html") a
// web page; anything else is a text article. `head` is the first bytes (a few KiB) of the input.
InputKind sniff_kind(std::string_view head);

// "text", "jsonl", "html", "feed", "xml", "warc", "bundle", "unknown".
std::string_view kind_name(InputKind kind);

// For messages about what a directory held: the name's extension in lower case (".pdf"), with a
// compression suffix kept (".csv.gz"); "no extension" when it has none.
std::string extension_label(std::string_view name);

// The kinds a directory walk reads, for messages.
inline constexpr std::string_view kKindsRead =
    ".txt, .jsonl, .ndjson, .html, .htm, .xhtml, .rss, .atom, .xml (feeds), .warc, any of those "
    "compressed (.gz, .bz2, .xz, .zst), and bundles of them (.tar, .tar.gz, .tgz, .tar.bz2, "
    ".tar.xz, .tar.zst, .zip)";

}  // namespace newsarchive
