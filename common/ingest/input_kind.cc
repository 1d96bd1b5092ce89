// File kinds by name and by content; see input_kind.h.
#include "ingest/input_kind.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "ingest/bundle.h"
#include "text/ascii.h"

namespace newsarchive {
namespace {

InputKind kind_of_plain_name(const std::string& name) {
  static constexpr std::array<std::pair<std::string_view, InputKind>, 11> kSuffixes = {{
      {".txt", InputKind::kText},
      {".jsonl", InputKind::kJsonLines},
      {".ndjson", InputKind::kJsonLines},
      {".html", InputKind::kWebPage},
      {".htm", InputKind::kWebPage},
      {".xhtml", InputKind::kWebPage},
      {".rss", InputKind::kFeed},
      {".atom", InputKind::kFeed},
      {".xml", InputKind::kXml},
      {".warc", InputKind::kWarc},
      {".text", InputKind::kText},
  }};
  for (auto [suffix, kind] : kSuffixes)
    if (name.size() > suffix.size() && name.ends_with(suffix)) return kind;
  return InputKind::kUnknown;
}

// `head` after leading whitespace and a UTF-8 byte-order mark, lower-cased, at most 512 bytes.
std::string opening(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  size_t start = 0;
  while (start < head.size() && std::isspace(static_cast<unsigned char>(head[start]))) ++start;
  return ascii_lower(head.substr(start, 512));
}

}  // namespace

NamedKind kind_of_name(std::string_view name) {
  if (is_bundle_name(name)) return NamedKind{InputKind::kBundle, false};
  if (is_compressed_name(name))
    return NamedKind{kind_of_plain_name(ascii_lower(compressed_inner_name(name))), true};
  return NamedKind{kind_of_plain_name(ascii_lower(name)), false};
}

InputKind sniff_kind(std::string_view head) {
  if (head.starts_with("WARC/")) return InputKind::kWarc;
  std::string start = opening(head);
  if (start.starts_with("{")) return InputKind::kJsonLines;
  if (!start.starts_with("<")) return InputKind::kText;
  for (std::string_view feed : {"<rss", "<feed", "<rdf:rdf"})
    if (start.find(feed) != std::string::npos) return InputKind::kFeed;
  if (start.starts_with("<?xml") && start.find("<html") == std::string::npos)
    return InputKind::kXml;
  return InputKind::kWebPage;
}

std::string_view kind_name(InputKind kind) {
  switch (kind) {
    case InputKind::kText:
      return "text";
    case InputKind::kJsonLines:
      return "jsonl";
    case InputKind::kWebPage:
      return "html";
    case InputKind::kFeed:
      return "feed";
    case InputKind::kXml:
      return "xml";
    case InputKind::kWarc:
      return "warc";
    case InputKind::kBundle:
      return "bundle";
    case InputKind::kUnknown:
      break;
  }
  return "unknown";
}

std::string extension_label(std::string_view name) {
  std::string inner = is_compressed_name(name) ? compressed_inner_name(name) : std::string(name);
  size_t dot = inner.rfind('.');
  if (dot == std::string::npos || dot == 0) return "no extension";
  return ascii_lower(std::string_view(name).substr(dot));
}

}  // namespace newsarchive
