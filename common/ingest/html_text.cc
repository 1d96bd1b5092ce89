// HTML fragment to paragraphs; see html_text.h.
#include "ingest/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <span>

#include "ingest/libxml_setup.h"

namespace newsarchive {
namespace {

// Elements whose start and end are paragraph breaks.
constexpr std::string_view kBlockElements[] = {
    "address", "article", "aside",      "blockquote", "body",   "br",   "caption", "dd", "div",
    "dl",      "dt",      "figcaption", "figure",     "footer", "h1",   "h2",      "h3", "h4",
    "h5",      "h6",      "header",     "hr",         "li",     "main", "nav",     "ol", "p",
    "pre",     "section", "table",      "td",         "th",     "tr",   "ul"};

// Elements whose content is not text a reader sees.
constexpr std::string_view kDroppedElements[] = {"script", "style", "noscript", "template", "head"};

bool name_in(const xmlNode* node, std::span<const std::string_view> names) {
  std::string_view name = reinterpret_cast<const char*>(node->name);
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_block(const xmlNode* node) {
  return node->type == XML_ELEMENT_NODE && name_in(node, kBlockElements);
}

// Length of the whitespace character at `i` (ASCII whitespace or the UTF-8 no-break space), or 0.
size_t whitespace_at(std::string_view text, size_t i) {
  switch (text[i]) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\f':
    case '\v':
      return 1;
    case '\xC2':
      return i + 1 < text.size() && text[i + 1] == '\xA0' ? 2 : 0;
    default:
      return 0;
  }
}

// Collects text into paragraphs; a paragraph ends at every block boundary.
class ParagraphWriter {
 public:
  void append(const xmlChar* text) {
    if (text != nullptr) current_.append(reinterpret_cast<const char*>(text));
  }
  void end_paragraph() {
    std::string paragraph = collapse_whitespace(current_);
    current_.clear();
    if (paragraph.empty()) return;
    if (!out_.empty()) out_ += "\n\n";
    out_ += paragraph;
  }
  std::string finish() {
    end_paragraph();
    return std::move(out_);
  }

 private:
  std::string current_;
  std::string out_;
};

// Handles reaching `node`; returns whether its children are to be visited.
bool enter(const xmlNode* node, ParagraphWriter& out) {
  switch (node->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      out.append(node->content);
      return false;
    case XML_ELEMENT_NODE:
      if (name_in(node, kDroppedElements)) return false;
      if (is_block(node)) out.end_paragraph();
      return true;
    default:
      return false;
  }
}

void leave(const xmlNode* node, ParagraphWriter& out) {
  if (is_block(node)) out.end_paragraph();
}

// Visits the tree under `root` in document order without recursion: a deeply nested document
// cannot exhaust the stack.
void walk(const xmlNode* root, ParagraphWriter& out) {
  const xmlNode* node = root;
  for (;;) {
    if (enter(node, out) && node->children != nullptr) {
      node = node->children;
      continue;
    }
    leave(node, out);
    while (node != root && node->next == nullptr) {
      node = node->parent;
      leave(node, out);
    }
    if (node == root) return;
    node = node->next;
  }
}

struct HtmlContextFree {
  void operator()(htmlParserCtxt* context) const { htmlFreeParserCtxt(context); }
};
struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

}  // namespace

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    if (size_t width = whitespace_at(text, i); width > 0) {
      pending_space = !out.empty();
      i += width;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(text[i++]);
  }
  return out;
}

std::string text_to_paragraphs(std::string_view text) {
  std::string out;
  std::string paragraph;
  auto end_paragraph = [&] {
    std::string collapsed = collapse_whitespace(paragraph);
    paragraph.clear();
    if (collapsed.empty()) return;
    if (!out.empty()) out += "\n\n";
    out += collapsed;
  };
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (collapse_whitespace(line).empty()) {
      end_paragraph();
    } else {
      paragraph.append(line).push_back(' ');
    }
  }
  end_paragraph();
  return out;
}

std::string html_fragment_to_text(std::string_view html) {
  if (html.empty() || html.size() > static_cast<size_t>(INT_MAX)) return {};
  QuietLibxmlErrors quiet;
  std::unique_ptr<htmlParserCtxt, HtmlContextFree> context(htmlNewParserCtxt());
  if (!context) return {};
  // NOERROR and NOWARNING clear the context's error callbacks, so nothing reaches stderr.
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | HTML_PARSE_COMPACT;
  std::unique_ptr<xmlDoc, DocFree> doc(htmlCtxtReadMemory(
      context.get(), html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", kOptions));
  if (!doc) return {};
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return {};
  ParagraphWriter out;
  walk(root, out);
  return out.finish();
}

}  // namespace newsarchive
