// RSS 2.0, RSS 1.0 (RDF) and Atom feeds, parsed with libxml2; see feed_reader.h.
//
// Safety: documents are parsed without XML_PARSE_NOENT (entities are not substituted, so an
// external entity is never loaded), with XML_PARSE_NONET, and without XML_PARSE_HUGE, so libxml2's
// entity amplification and depth limits stay on. Text is read from text and CDATA nodes only:
// entity reference nodes are never followed (libxml2's xmlNodeGetContent and xmlGetProp would
// expand them, which is how "billion laughs" documents blow up). A feed that uses entities it
// declares itself loses their text; the predefined entities and character references are
// substituted by the parser and kept.
#include "ingest/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <memory>
#include <optional>
#include <vector>

#include "ingest/html_text.h"
#include "ingest/libxml_setup.h"

namespace newsarchive {
namespace {

constexpr std::string_view kAtomNs = "http://www.w3.org/2005/Atom";
constexpr std::string_view kAtom03Ns = "http://purl.org/atom/ns#";
constexpr std::string_view kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kRss10Ns = "http://purl.org/rss/1.0/";
constexpr std::string_view kRss09Ns = "http://my.netscape.com/rdf/simple/0.9/";
constexpr std::string_view kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view kDcNs = "http://purl.org/dc/elements/1.1/";

std::string_view as_view(const xmlChar* text) {
  return text == nullptr ? std::string_view() : reinterpret_cast<const char*>(text);
}

std::string_view namespace_of(const xmlNode* node) {
  return node->ns == nullptr ? std::string_view() : as_view(node->ns->href);
}

bool is_element(const xmlNode* node, std::string_view ns, std::string_view local) {
  return node->type == XML_ELEMENT_NODE && as_view(node->name) == local && namespace_of(node) == ns;
}

// The first child element of `parent` named `local` in namespace `ns` ("" for none), or nullptr.
const xmlNode* child(const xmlNode* parent, std::string_view ns, std::string_view local) {
  if (parent == nullptr) return nullptr;
  for (const xmlNode* node = parent->children; node != nullptr; node = node->next)
    if (is_element(node, ns, local)) return node;
  return nullptr;
}

std::vector<const xmlNode*> children(const xmlNode* parent, std::string_view ns,
                                     std::string_view local) {
  std::vector<const xmlNode*> found;
  if (parent == nullptr) return found;
  for (const xmlNode* node = parent->children; node != nullptr; node = node->next)
    if (is_element(node, ns, local)) found.push_back(node);
  return found;
}

// The text and CDATA directly inside `node` (see the note on entities at the top).
std::string raw_text(const xmlNode* node) {
  std::string text;
  if (node == nullptr) return text;
  for (const xmlNode* part = node->children; part != nullptr; part = part->next)
    if (part->type == XML_TEXT_NODE || part->type == XML_CDATA_SECTION_NODE)
      text += as_view(part->content);
  return text;
}

// The value of the attribute `name` in namespace `ns` ("" for none) of `node`, entity
// references left out.
std::string attribute_in(const xmlNode* node, std::string_view ns, std::string_view name) {
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    std::string_view attr_ns = attr->ns == nullptr ? std::string_view() : as_view(attr->ns->href);
    if (attr_ns != ns || as_view(attr->name) != name) continue;
    std::string value;
    for (const xmlNode* part = attr->children; part != nullptr; part = part->next)
      if (part->type == XML_TEXT_NODE) value += as_view(part->content);
    return value;
  }
  return {};
}

std::string attribute(const xmlNode* node, std::string_view name) {
  return attribute_in(node, "", name);
}

// The markup inside `node` as HTML source: its character data when it has no child elements
// (escaped HTML or CDATA, as feeds carry it), else its children serialized (Atom's inline XHTML,
// or HTML a feed left unescaped). Entity references serialize as "&name;", unexpanded.
std::string markup_of(const xmlNode* node) {
  bool has_elements = false;
  for (const xmlNode* part = node->children; part != nullptr; part = part->next)
    has_elements = has_elements || part->type == XML_ELEMENT_NODE;
  if (!has_elements) return raw_text(node);
  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer(xmlBufferCreate(), &xmlBufferFree);
  if (!buffer) return {};
  for (xmlNode* part = node->children; part != nullptr; part = part->next)
    xmlNodeDump(buffer.get(), node->doc, part, 0, 0);
  return std::string(as_view(xmlBufferContent(buffer.get())));
}

// The text of an RSS element holding (escaped) HTML, as paragraphs.
std::string html_field(const xmlNode* node) {
  return node == nullptr ? std::string() : html_fragment_to_text(markup_of(node));
}

// The text of an Atom text construct (RFC 4287 3.1) as paragraphs: type "text" (the default) is
// plain text, "html" escaped HTML, "xhtml" inline XHTML. Content of any other media type, or held
// elsewhere (src="..."), has no text for us.
std::string atom_text(const xmlNode* node) {
  if (node == nullptr || !attribute(node, "src").empty()) return {};
  std::string type = attribute(node, "type");
  if (type == "html" || type == "xhtml" || type == "text/html" || type == "application/xhtml+xml")
    return html_fragment_to_text(markup_of(node));
  if (type.empty() || type == "text" || type == "text/plain")
    return text_to_paragraphs(raw_text(node));
  return {};
}

// A one-line field (id, link, date) as written, whitespace collapsed.
std::string line_field(const xmlNode* node) {
  return node == nullptr ? std::string() : collapse_whitespace(raw_text(node));
}

// The longest of `candidates`: the richest rendering of the item's text (a feed's description is
// often a teaser of its content:encoded).
std::string richest(std::initializer_list<std::string> candidates) {
  std::string best;
  for (const std::string& text : candidates)
    if (text.size() > best.size()) best = text;
  return best;
}

// The person in an RSS author field: "jane@x.org (Jane Doe)" and "Jane Doe <jane@x.org>" give
// "Jane Doe"; a bare address gives "" (an address is not a byline); anything else is kept.
std::string author_name(std::string_view value) {
  std::string text = collapse_whitespace(value);
  std::string_view view = text;
  size_t open = view.find('(');
  if (open != std::string_view::npos && view.back() == ')')
    return collapse_whitespace(view.substr(open + 1, view.size() - open - 2));
  size_t angle = view.find('<');
  if (angle != std::string_view::npos && angle > 0)
    return collapse_whitespace(view.substr(0, angle));
  if (view.find('@') != std::string_view::npos && view.find(' ') == std::string_view::npos)
    return {};
  return text;
}

struct DateSource {
  std::string_view ns;
  std::string_view local;
  const char* name;  // DraftArticle::date_from
};

// Sets the draft's date from the first of `sources` present in `item` that holds a valid date.
void set_date(DraftArticle& draft, const xmlNode* item, std::initializer_list<DateSource> sources) {
  for (const DateSource& source : sources) {
    const xmlNode* node = child(item, source.ns, source.local);
    if (node == nullptr) continue;
    if (auto date = parse_article_date(line_field(node))) {
      draft.date = date;
      draft.date_from = source.name;
      return;
    }
  }
}

// What kind of feed a document is and where its parts are.
struct FeedShape {
  std::string format;           // "rss", "rdf" or "atom"
  std::string own_ns;           // the namespace of the feed's own elements; "" for RSS 2.0
  const xmlNode* channel;       // holds the feed's title: channel, or the Atom feed element
  const xmlNode* items_parent;  // channel (RSS 2.0), rdf:RDF, or the Atom feed element
  std::string item_name;        // "item" or "entry"
  std::string title;            // the feed's own title, for every item's source
};

// RSS 1.0 items are in the RSS 1.0 namespace; RSS 0.90 (also RDF) used Netscape's.
std::string rdf_item_namespace(const xmlNode* root) {
  for (const xmlNode* node = root->children; node != nullptr; node = node->next)
    if (node->type == XML_ELEMENT_NODE && namespace_of(node) == kRss09Ns)
      return std::string(kRss09Ns);
  return std::string(kRss10Ns);
}

std::optional<FeedShape> feed_shape(const xmlNode* root) {
  if (is_element(root, "", "rss")) {
    const xmlNode* channel = child(root, "", "channel");
    return FeedShape{"rss",   "",     channel,
                     channel, "item", collapse_whitespace(html_field(child(channel, "", "title")))};
  }
  if (is_element(root, kRdfNs, "RDF")) {
    std::string ns = rdf_item_namespace(root);
    const xmlNode* channel = child(root, ns, "channel");
    return FeedShape{"rdf", ns,     channel,
                     root,  "item", collapse_whitespace(html_field(child(channel, ns, "title")))};
  }
  if (is_element(root, kAtomNs, "feed") || is_element(root, kAtom03Ns, "feed")) {
    std::string ns(namespace_of(root));
    return FeedShape{"atom", ns,      root,
                     root,   "entry", collapse_whitespace(atom_text(child(root, ns, "title")))};
  }
  return std::nullopt;
}

DraftArticle new_draft(const FeedShape& feed) {
  DraftArticle draft;
  draft.format = feed.format;
  draft.source = feed.title;
  return draft;
}

// An RSS 2.0 or RSS 1.0 item. A guid that is a permalink (the default) is also the url when the
// item has no link.
DraftArticle read_rss_item(const xmlNode* item, const FeedShape& feed) {
  const std::string& ns = feed.own_ns;
  DraftArticle draft = new_draft(feed);
  const xmlNode* guid = child(item, ns, "guid");
  std::string link = line_field(child(item, ns, "link"));
  if (link.empty() && feed.format == "rdf")
    link = collapse_whitespace(attribute_in(item, kRdfNs, "about"));
  draft.id = guid != nullptr ? line_field(guid) : "";
  draft.url = link;
  if (draft.url.empty() && guid != nullptr && attribute(guid, "isPermaLink") != "false")
    draft.url = draft.id;
  if (draft.id.empty()) draft.id = link;
  draft.title = collapse_whitespace(html_field(child(item, ns, "title")));
  draft.body = richest(
      {html_field(child(item, kContentNs, "encoded")), html_field(child(item, ns, "description"))});
  const xmlNode* author = child(item, ns, "author");
  if (author != nullptr) draft.author = author_name(raw_text(author));
  if (draft.author.empty()) draft.author = line_field(child(item, kDcNs, "creator"));
  set_date(draft, item, {{ns, "pubDate", "pubDate"}, {kDcNs, "date", "dc:date"}});
  return draft;
}

// The href of an Atom element's link rel="alternate" (rel's default), else of its first link.
std::string atom_link(const xmlNode* entry, const std::string& ns) {
  std::string first;
  for (const xmlNode* link : children(entry, ns, "link")) {
    std::string href = collapse_whitespace(attribute(link, "href"));
    if (href.empty()) continue;
    std::string rel = attribute(link, "rel");
    if (rel.empty() || rel == "alternate") return href;
    if (first.empty()) first = href;
  }
  return first;
}

// The names of an Atom element's authors, joined by ", ".
std::string atom_authors(const xmlNode* parent, const std::string& ns) {
  std::string names;
  for (const xmlNode* author : children(parent, ns, "author")) {
    std::string name = line_field(child(author, ns, "name"));
    if (name.empty()) continue;
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

// An Atom entry. An entry without an author has the feed's (RFC 4287 4.2.1).
DraftArticle read_atom_entry(const xmlNode* entry, const FeedShape& feed) {
  const std::string& ns = feed.own_ns;
  DraftArticle draft = new_draft(feed);
  draft.url = atom_link(entry, ns);
  draft.id = line_field(child(entry, ns, "id"));
  if (draft.id.empty()) draft.id = draft.url;
  draft.title = collapse_whitespace(atom_text(child(entry, ns, "title")));
  draft.body =
      richest({atom_text(child(entry, ns, "content")), atom_text(child(entry, ns, "summary")),
               html_field(child(entry, kContentNs, "encoded"))});
  draft.author = atom_authors(entry, ns);
  if (draft.author.empty()) draft.author = line_field(child(entry, kDcNs, "creator"));
  if (draft.author.empty()) draft.author = atom_authors(feed.channel, ns);
  // Atom 0.3 called them issued and modified.
  set_date(draft, entry,
           {{ns, "published", "published"},
            {ns, "updated", "updated"},
            {ns, "issued", "published"},
            {ns, "modified", "updated"}});
  return draft;
}

// The first error that makes a document not well-formed, as libxml2 reported it.
struct FirstError {
  bool found = false;
  long line = 0;
  std::string message;
};

// Errors that lose no item: a namespace prefix not declared (the element keeps its name) and an
// entity not declared (only its text is lost), both common in hand-written feeds.
bool is_harmless(const xmlError& error) {
  return error.domain == XML_FROM_NAMESPACE || error.code == XML_ERR_UNDECLARED_ENTITY ||
         error.code == XML_WAR_UNDECLARED_ENTITY;
}

// The parser context's structured error handler: records the first error, prints nothing.
void record_error(void* data, xmlErrorPtr error) {
  auto* context = static_cast<xmlParserCtxt*>(data);
  auto* first = static_cast<FirstError*>(context->_private);
  if (first == nullptr || first->found || error == nullptr) return;
  if (error->level < XML_ERR_ERROR || is_harmless(*error)) return;
  first->found = true;
  first->line = error->line;
  std::string message = error->message == nullptr ? "" : error->message;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  first->message = message;
}

std::string describe(const FirstError& error) {
  std::string text = "not well-formed XML at line " + std::to_string(error.line);
  if (!error.message.empty()) text += ": " + error.message;
  return text;
}

struct ContextFree {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};
struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

// Parses `document` in recovery mode, so a broken feed still gives a tree of what came before
// the break; `errors` gets the first error.
std::unique_ptr<xmlDoc, DocFree> parse_xml(std::string_view document, FirstError& errors) {
  QuietLibxmlErrors quiet;
  std::unique_ptr<xmlParserCtxt, ContextFree> context(xmlNewParserCtxt());
  if (!context) return nullptr;
  context->_private = &errors;
  context->sax->serror = &record_error;
  constexpr int kOptions = XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
                           XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES;
  std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(context.get(), document.data(),
                                                         static_cast<int>(document.size()), nullptr,
                                                         nullptr, kOptions));
  context->_private = nullptr;
  return doc;
}

// The line on which the element after `node` in document order starts, or 0 when none does.
long next_element_line(const xmlNode* node) {
  for (const xmlNode* level = node; level != nullptr; level = level->parent)
    for (const xmlNode* next = level->next; next != nullptr; next = next->next)
      if (next->type == XML_ELEMENT_NODE) return xmlGetLineNo(next);
  return 0;
}

// Whether `item` was complete before the document's first error at `error_line`: the element
// after it starts no later. (Lines are what libxml2 records; with several items on the error's
// line the ones before it on that line are counted complete.)
bool ends_before(const xmlNode* item, long error_line) {
  long next = next_element_line(item);
  return next > 0 && next <= error_line;
}

// One past the '>' ending the doctype at the start of `head`, passing over an internal subset in
// [...]; npos when `head` ends first.
size_t doctype_end(std::string_view head) {
  bool in_subset = false;
  for (size_t i = 2; i < head.size(); ++i) {
    if (head[i] == '[') {
      in_subset = true;
    } else if (head[i] == ']') {
      in_subset = false;
    } else if (head[i] == '>' && !in_subset) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// Skips XML's prolog: a byte-order mark, whitespace, the declaration, processing instructions,
// comments and a doctype (with its internal subset). Returns the rest from the root element's
// '<', or "" when `head` ends first.
std::string_view skip_prolog(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  for (;;) {
    size_t start = head.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return {};
    head.remove_prefix(start);
    size_t end = std::string_view::npos;
    if (head.starts_with("<?")) {
      end = head.find("?>");
      if (end != std::string_view::npos) end += 2;
    } else if (head.starts_with("<!--")) {
      end = head.find("-->");
      if (end != std::string_view::npos) end += 3;
    } else if (head.starts_with("<!")) {
      end = doctype_end(head);
    } else {
      return head.starts_with("<") ? head : std::string_view();
    }
    if (end == std::string_view::npos) return {};
    head.remove_prefix(end);
  }
}

// The local part of the root element's name in `head` (from skip_prolog).
std::string_view root_local_name(std::string_view head) {
  std::string_view name = head.substr(1, head.find_first_of(" \t\r\n/>") - 1);
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

}  // namespace

bool looks_like_feed(std::string_view head) {
  std::string_view root = skip_prolog(head);
  if (root.empty()) return false;
  std::string_view name = root_local_name(root);
  auto mentions = [&](std::string_view ns) { return root.find(ns) != std::string_view::npos; };
  if (name == "rss") return true;
  if (name == "RDF") return mentions(kRdfNs) && (mentions(kRss10Ns) || mentions(kRss09Ns));
  if (name == "feed") return mentions(kAtomNs) || mentions(kAtom03Ns);
  return false;
}

std::string parse_feed(std::string_view document, const std::function<void(DraftArticle)>& each) {
  if (document.size() > static_cast<size_t>(INT_MAX))
    return "too large for the XML parser (" + std::to_string(document.size()) + " bytes)";
  FirstError error;
  std::unique_ptr<xmlDoc, DocFree> doc = parse_xml(document, error);
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) return error.found ? describe(error) : "not well-formed XML";
  std::optional<FeedShape> feed = feed_shape(root);
  if (!feed) return error.found ? describe(error) : "no rss, rdf or feed element";
  for (const xmlNode* item : children(feed->items_parent, feed->own_ns, feed->item_name)) {
    if (error.found && !ends_before(item, error.line)) break;
    each(feed->format == "atom" ? read_atom_entry(item, *feed) : read_rss_item(item, *feed));
  }
  return error.found ? describe(error) : "";
}

}  // namespace newsarchive
