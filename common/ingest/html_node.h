// Small reading helpers over libxml2's HTML tree, shared by the web page readers in ingest/.
// Internal to the ingest area: it includes libxml2's headers, which the area's users do not see.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace newsarchive::html {

inline bool is_element(const xmlNode* node) {
  return node != nullptr && node->type == XML_ELEMENT_NODE;
}

// The element's tag name as the HTML parser stores it (lower case); "" for other nodes.
inline std::string_view tag_of(const xmlNode* node) {
  if (!is_element(node) || node->name == nullptr) return {};
  return reinterpret_cast<const char*>(node->name);
}

// The value of attribute `name` (lower case) of `node`, "" when absent. Points into the tree:
// valid while the document lives.
std::string_view attribute(const xmlNode* node, std::string_view name);

// The node after `node` in document order (pre-order) within the subtree of `top`, skipping
// `node`'s own children when `skip_children`; nullptr past the end. Needs no stack, so any depth
// of nesting is walked in constant memory.
const xmlNode* next_node(const xmlNode* node, const xmlNode* top, bool skip_children = false);

// Visits the subtree of `top` in document order: `enter(node)` for every node reached, and, for
// each node whose enter returned true (its children are then visited), `leave(node)` once its
// subtree is done. Uses parent links, not recursion, so any nesting depth is safe.
template <typename Enter, typename Leave>
void walk(const xmlNode* top, Enter&& enter, Leave&& leave) {
  const xmlNode* node = top;
  while (node != nullptr) {
    bool descend = enter(node);
    if (descend && node->type == XML_ELEMENT_NODE && node->children != nullptr) {
      node = node->children;
      continue;
    }
    if (descend) leave(node);
    while (node != top && node->next == nullptr) {
      node = node->parent;
      leave(node);
    }
    if (node == top) return;
    node = node->next;
  }
}

// True for elements whose text is never page text (scripts, styles, templates, form controls).
bool is_never_text(std::string_view tag);

// Appends the subtree's text to `out` with each run of whitespace (including no-break spaces)
// made one space, skipping is_never_text elements.
void append_text(const xmlNode* top, std::string& out);

// The subtree's text, whitespace collapsed and trimmed.
std::string text_of(const xmlNode* top);

// Collapses whitespace runs in `text` to single spaces and trims both ends.
std::string collapse_whitespace(std::string_view text);

}  // namespace newsarchive::html
