#include "ingest/html_document.h"

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <climits>
#include <cstddef>

#include "text/ascii.h"
#include "text/text_cleanup.h"

namespace newsarchive {
namespace {

// Pages past this size are parsed from their first 64 MiB: no news page is near it, and
// libxml2 takes an int length.
constexpr size_t kMaxPageBytes = 64u << 20;
// How far into the page a <meta> charset declaration is looked for (HTML requires the first
// 1024 bytes; pages with long comments or scripts first put it later).
constexpr size_t kCharsetScanBytes = 4096;

bool is_charset_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == ':';
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Whether the "charset" at `pos` of the lower-cased `head` lies inside a <meta ...> tag.
bool inside_meta_tag(std::string_view head, size_t pos) {
  size_t open = head.rfind('<', pos);
  if (open == std::string_view::npos) return false;
  if (head.find('>', open) < pos) return false;
  return head.substr(open, 5) == "<meta";
}

// The charset name following "charset" at `pos` ("charset = 'utf-8'"), "" when malformed.
std::string charset_value_at(std::string_view head, size_t pos) {
  pos += 7;  // "charset"
  while (pos < head.size() && is_space(head[pos])) ++pos;
  if (pos >= head.size() || head[pos] != '=') return "";
  ++pos;
  while (pos < head.size() && (is_space(head[pos]) || head[pos] == '"' || head[pos] == '\'')) ++pos;
  size_t end = pos;
  while (end < head.size() && is_charset_name_char(head[end])) ++end;
  return std::string(head.substr(pos, end - pos));
}

bool is_utf8_name(std::string_view name) {
  return name == "utf-8" || name == "utf8";
}

// Labels that browsers read as Windows-1252, its printable superset.
bool is_latin1_name(std::string_view name) {
  return name == "iso-8859-1" || name == "iso8859-1" || name == "latin1" || name == "l1" ||
         name == "us-ascii" || name == "ascii" || name == "windows-1252" || name == "cp1252" ||
         name == "x-cp1252";
}

bool libxml_knows(const std::string& name) {
  xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(name.c_str());
  if (handler == nullptr) return false;
  xmlCharEncCloseFunc(handler);
  return true;
}

// libxml2 reports through these process-wide (per-thread) handlers even with the NOERROR
// options (encoding errors, for one). They are swapped for silent ones while a page is parsed,
// and the caller's handlers are put back after.
void ignore_generic_error(void*, const char*, ...) {}
void ignore_structured_error(void*, xmlErrorPtr) {}

class QuietLibxml {
 public:
  QuietLibxml()
      : generic_(xmlGenericError),
        generic_context_(xmlGenericErrorContext),
        structured_(xmlStructuredError),
        structured_context_(xmlStructuredErrorContext) {
    xmlSetGenericErrorFunc(nullptr, &ignore_generic_error);
    xmlSetStructuredErrorFunc(nullptr, &ignore_structured_error);
  }
  ~QuietLibxml() {
    xmlSetGenericErrorFunc(generic_context_, generic_);
    xmlSetStructuredErrorFunc(structured_context_, structured_);
  }
  QuietLibxml(const QuietLibxml&) = delete;
  QuietLibxml& operator=(const QuietLibxml&) = delete;

 private:
  xmlGenericErrorFunc generic_;
  void* generic_context_;
  xmlStructuredErrorFunc structured_;
  void* structured_context_;
};

}  // namespace

std::string declared_charset(std::string_view bytes) {
  std::string head = ascii_lower(bytes.substr(0, std::min(bytes.size(), kCharsetScanBytes)));
  for (size_t pos = head.find("charset"); pos != std::string::npos;
       pos = head.find("charset", pos + 1)) {
    if (!inside_meta_tag(head, pos)) continue;
    std::string value = charset_value_at(head, pos);
    if (!value.empty()) return value;
  }
  return "";
}

std::string choose_charset(std::string_view bytes, std::string_view declared) {
  std::string name = ascii_lower(declared);
  if (name.empty() || !libxml_knows(name)) name = declared_charset(bytes);
  if (!name.empty() && !is_utf8_name(name) && !is_latin1_name(name) && libxml_knows(name))
    return name;
  if (is_latin1_name(name)) return "windows-1252";
  return is_valid_utf8(bytes.substr(0, std::min(bytes.size(), kMaxPageBytes))) ? "UTF-8"
                                                                               : "windows-1252";
}

void HtmlDocument::FreeDoc::operator()(_xmlDoc* doc) const {
  xmlFreeDoc(doc);
}

HtmlDocument HtmlDocument::parse(std::string_view bytes, std::string_view charset) {
  xmlInitParser();
  HtmlDocument page;
  bytes = bytes.substr(0, std::min(bytes.size(), kMaxPageBytes));
  page.charset_ = choose_charset(bytes, charset);
  if (bytes.empty()) return page;
  QuietLibxml quiet;
  htmlParserCtxtPtr context = htmlNewParserCtxt();
  if (context == nullptr) return page;
  constexpr int kOptions =
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
  page.doc_.reset(htmlCtxtReadMemory(context, bytes.data(), static_cast<int>(bytes.size()), nullptr,
                                     page.charset_.c_str(), kOptions));
  htmlFreeParserCtxt(context);
  return page;
}

const _xmlNode* HtmlDocument::root() const {
  return doc_ ? xmlDocGetRootElement(doc_.get()) : nullptr;
}

}  // namespace newsarchive
