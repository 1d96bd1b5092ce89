#include "ingest/html_node.h"

#include <array>

namespace newsarchive::html {
namespace {

bool is_ascii_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Appends `text` to `out`, each whitespace run (ASCII or U+00A0) becoming one space and no space
// doubling one already at the end of `out`.
void append_collapsed(std::string_view text, std::string& out) {
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool nbsp = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (is_ascii_space(c) || nbsp) {
      if (nbsp) ++i;
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    out.push_back(static_cast<char>(c));
  }
}

}  // namespace

std::string_view attribute(const xmlNode* node, std::string_view name) {
  if (!is_element(node)) return {};
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    if (attr->name == nullptr || name != reinterpret_cast<const char*>(attr->name)) continue;
    const xmlNode* value = attr->children;
    if (value == nullptr || value->content == nullptr) return {};
    return reinterpret_cast<const char*>(value->content);
  }
  return {};
}

const xmlNode* next_node(const xmlNode* node, const xmlNode* top, bool skip_children) {
  if (!skip_children && node->children != nullptr && node->type == XML_ELEMENT_NODE)
    return node->children;
  while (node != nullptr && node != top) {
    if (node->next != nullptr) return node->next;
    node = node->parent;
  }
  return nullptr;
}

bool is_never_text(std::string_view tag) {
  static constexpr std::array<std::string_view, 14> kTags = {
      "script", "style", "noscript", "template", "svg",    "button", "select",
      "option", "input", "textarea", "iframe",   "object", "embed",  "head"};
  for (std::string_view never : kTags)
    if (tag == never) return true;
  return false;
}

void append_text(const xmlNode* top, std::string& out) {
  for (const xmlNode* node = top; node != nullptr;) {
    bool skip = is_element(node) && is_never_text(tag_of(node));
    if (node->type == XML_TEXT_NODE && node->content != nullptr)
      append_collapsed(reinterpret_cast<const char*>(node->content), out);
    node = next_node(node, top, skip);
  }
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  append_collapsed(text, out);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}

std::string text_of(const xmlNode* top) {
  std::string out;
  append_text(top, out);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}

}  // namespace newsarchive::html
