// One parsed HTML page: libxml2's recovering HTML parser run once over the page's bytes in the
// right charset, with nothing printed. The metadata and body readers walk the same tree.
#pragma once

#include <memory>
#include <string>
#include <string_view>

// libxml2's node and document types, named without its headers so that users of this header
// (tests, programs) need not see them.
struct _xmlDoc;   // NOLINT(bugprone-reserved-identifier): libxml2's own struct tag
struct _xmlNode;  // NOLINT(bugprone-reserved-identifier): libxml2's own struct tag

namespace newsarchive {

class HtmlDocument {
 public:
  // Parses `bytes` (any content: garbage and empty input give a document without a root).
  // `charset` is the charset the transport declared ("" when unknown); see choose_charset.
  // Never throws except std::bad_alloc; prints nothing.
  static HtmlDocument parse(std::string_view bytes, std::string_view charset);

  // The <html> element, or nullptr when the parser built no tree.
  const _xmlNode* root() const;
  // The charset the bytes were read in (a libxml2 encoding name such as "UTF-8").
  const std::string& charset() const { return charset_; }

 private:
  struct FreeDoc {
    void operator()(_xmlDoc* doc) const;
  };
  std::unique_ptr<_xmlDoc, FreeDoc> doc_;
  std::string charset_;
};

// The charset to read `bytes` in: `declared` (a transport header) when libxml2 knows it, else
// the page's own declaration (<meta charset>, <meta http-equiv=Content-Type>) within its first
// bytes, else UTF-8 when the bytes are valid UTF-8 and Windows-1252 when they are not. UTF-8
// and Latin-1 declarations are checked against the bytes too: a page declaring UTF-8 that is
// not is read as Windows-1252, and ISO-8859-1 is read as its superset Windows-1252, as browsers
// do.
std::string choose_charset(std::string_view bytes, std::string_view declared);

// The charset a page declares in its first 4 KiB (a <meta> charset= value), lower-cased; ""
// when it declares none.
std::string declared_charset(std::string_view bytes);

}  // namespace newsarchive
