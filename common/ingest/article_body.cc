#include "ingest/article_body.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/html_node.h"
#include "text/ascii.h"

namespace newsarchive {
namespace {

using html::attribute;
using html::is_element;
using html::tag_of;

// What the extractor knows about one element that can hold page text. Elements that never do
// (scripts, hidden elements and their subtrees) have none.
struct NodeStats {
  const xmlNode* node = nullptr;
  NodeStats* parent = nullptr;  // the nearest element above with stats; nullptr at the top
  uint32_t text = 0;            // visible characters in the subtree (whitespace not counted)
  uint32_t link = 0;            // of which inside links
  uint32_t commas = 0;
  uint32_t own_text = 0;  // in text nodes that are direct children
  uint32_t own_commas = 0;
  int weight = 0;    // from class and id words: positive for article-like names
  double score = 0;  // paragraph points gathered; meaningful when `scored`
  bool scored = false;
  bool boilerplate = false;   // its tag or class marks it as boilerplate
  bool strong = false;        // ... by a name that is never the article's wrapper
  bool in_link = false;       // it or an ancestor is an <a>
  bool has_block = false;     // some descendant is a block element
  bool article_body = false;  // itemprop="articleBody"
};

double link_density(const NodeStats& s) {
  return s.text == 0 ? 0.0 : static_cast<double>(s.link) / static_cast<double>(s.text);
}

template <size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool is_block_tag(std::string_view tag) {
  static constexpr std::array<std::string_view, 38> kBlocks = {
      "p",     "div",      "section", "article", "main",       "header", "footer", "nav",
      "aside", "h1",       "h2",      "h3",      "h4",         "h5",     "h6",     "ul",
      "ol",    "li",       "dl",      "dt",      "dd",         "table",  "thead",  "tbody",
      "tfoot", "tr",       "td",      "th",      "blockquote", "pre",    "figure", "figcaption",
      "form",  "fieldset", "address", "hr",      "center",     "details"};
  return one_of(tag, kBlocks);
}

// Tags whose content is page furniture unless it holds most of the page's text.
bool is_furniture_tag(std::string_view tag) {
  static constexpr std::array<std::string_view, 6> kTags = {"nav",    "footer", "aside",
                                                            "header", "form",   "menu"};
  return one_of(tag, kTags);
}

// --- Class and id words -------------------------------------------------------------------

// Fragments of class or id names that mark boilerplate wherever they appear in the name, and
// are never the name of the article's own wrapper.
constexpr std::array<std::string_view, 27> kStrongJunk = {
    "comment",  "disqus",  "related",   "recommend", "outbrain",     "taboola",  "newsletter",
    "cookie",   "consent", "gdpr",      "share",     "sharing",      "social",   "promo",
    "advert",   "sponsor", "subscri",   "signup",    "breadcrumb",   "byline",   "paywall",
    "trending", "popular", "read-more", "readmore",  "more-stories", "most-read"};
// Fragments that mark page furniture, but appear in layout wrappers' names too
// ("content-with-sidebar").
constexpr std::array<std::string_view, 14> kWeakJunk = {
    "sidebar", "footer",  "masthead",   "navbar", "navigation", "menu",  "widget",
    "banner",  "toolbar", "pagination", "author", "caption",    "modal", "popup"};
// Whole words (between non-alphanumerics) that mark boilerplate; as fragments they would hit
// ordinary names ("header" holds "ad", "overflow-hidden" is a layout utility).
constexpr std::array<std::string_view, 20> kJunkWords = {
    "nav",   "ad",   "ads",   "adv",  "advertisement", "hidden", "hide", "tags", "tag", "meta",
    "print", "rail", "aside", "date", "time",          "credit", "skip", "more", "sr",  "header"};
constexpr std::array<std::string_view, 10> kGoodFragments = {
    "article", "content", "entry", "post", "story", "text", "body", "main", "prose", "blog"};

template <size_t N>
bool has_fragment(std::string_view name, const std::array<std::string_view, N>& fragments) {
  for (std::string_view fragment : fragments)
    if (name.find(fragment) != std::string_view::npos) return true;
  return false;
}

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool has_junk_word(std::string_view name) {
  size_t pos = 0;
  while (pos < name.size()) {
    while (pos < name.size() && !is_alnum(name[pos])) ++pos;
    size_t end = pos;
    while (end < name.size() && is_alnum(name[end])) ++end;
    if (end > pos && one_of(name.substr(pos, end - pos), kJunkWords)) return true;
    pos = end;
  }
  return false;
}

// Sets the weight and boilerplate marks of `s` from its tag, class and id.
void judge_names(NodeStats& s) {
  std::string name = ascii_lower(attribute(s.node, "class"));
  name += ' ';
  name += ascii_lower(attribute(s.node, "id"));
  bool good = has_fragment(name, kGoodFragments);
  bool strong = has_fragment(name, kStrongJunk);
  bool weak = has_fragment(name, kWeakJunk) || has_junk_word(name);
  s.weight = (good ? 25 : 0) - (strong || weak ? 25 : 0);
  // "entry-content-read-more", "article-body--has-share-bar": an article-like word makes a
  // strong mark weak, so the element is kept when it holds most of the text.
  s.strong = strong && !good;
  s.boilerplate = strong || weak || is_furniture_tag(tag_of(s.node));
  std::string_view itemprop = attribute(s.node, "itemprop");
  s.article_body = itemprop.find("articleBody") != std::string_view::npos;
}

bool is_hidden(const xmlNode* node) {
  if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) return true;
  if (attribute(node, "aria-hidden") == "true") return true;
  std::string style = ascii_lower(attribute(node, "style"));
  std::erase(style, ' ');
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// --- Step 1: statistics -------------------------------------------------------------------

uint32_t visible_chars(std::string_view text, uint32_t& commas) {
  uint32_t count = 0;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || (byte & 0xC0) == 0x80)
      continue;
    if (byte == ',') ++commas;
    ++count;
  }
  return count;
}

// Every element that can hold page text, in document order; each node's _private points at its
// stats while the extractor runs (the document is read by one thread at a time).
class PageStats {
 public:
  explicit PageStats(const xmlNode* root);
  PageStats(const PageStats&) = delete;
  PageStats& operator=(const PageStats&) = delete;
  ~PageStats();

  std::vector<NodeStats>& all() { return stats_; }
  static NodeStats* of(const xmlNode* node) {
    return is_element(node) ? static_cast<NodeStats*>(node->_private) : nullptr;
  }

 private:
  void collect(const xmlNode* root);
  void sum_up();
  std::vector<NodeStats> stats_;
};

PageStats::PageStats(const xmlNode* root) {
  collect(root);
  for (NodeStats& s : stats_) const_cast<xmlNode*>(s.node)->_private = &s;
  for (NodeStats& s : stats_) {
    s.parent = of(s.node->parent);
    s.in_link = tag_of(s.node) == "a" || (s.parent != nullptr && s.parent->in_link);
  }
  sum_up();
}

PageStats::~PageStats() {
  for (NodeStats& s : stats_) const_cast<xmlNode*>(s.node)->_private = nullptr;
}

void PageStats::collect(const xmlNode* root) {
  for (const xmlNode* node = root; node != nullptr;) {
    bool skip = false;
    if (is_element(node)) {
      skip = html::is_never_text(tag_of(node)) || is_hidden(node);
      if (!skip) {
        stats_.push_back(NodeStats{});
        stats_.back().node = node;
        judge_names(stats_.back());
      }
    }
    node = html::next_node(node, root, skip || !is_element(node));
  }
}

// Children come after their parent in document order, so one backward pass sums subtrees.
void PageStats::sum_up() {
  for (auto it = stats_.rbegin(); it != stats_.rend(); ++it) {
    NodeStats& s = *it;
    for (const xmlNode* child = s.node->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE && child->content != nullptr)
        s.own_text += visible_chars(reinterpret_cast<const char*>(child->content), s.own_commas);
    }
    s.text += s.own_text;
    s.commas += s.own_commas;
    if (s.in_link) s.link = s.text;
    if (s.parent == nullptr) continue;
    s.parent->text += s.text;
    s.parent->link += s.link;
    s.parent->commas += s.commas;
    if (is_block_tag(tag_of(s.node)) || s.has_block) s.parent->has_block = true;
  }
}

// --- Step 2: where the article is -----------------------------------------------------------

constexpr uint32_t kMinParagraphChars = 25;

// The start score of an element that paragraphs vote for: containers of prose start ahead,
// lists and headings behind.
double base_score(const NodeStats& s) {
  std::string_view tag = tag_of(s.node);
  double score = s.weight;
  if (tag == "div" || tag == "article") score += 5;
  if (tag == "article" || tag == "main") score += 5;
  if (tag == "pre" || tag == "td" || tag == "blockquote") score += 3;
  static constexpr std::array<std::string_view, 8> kLow = {"address", "ol", "ul", "dl",
                                                           "dd",      "dt", "li", "form"};
  if (one_of(tag, kLow)) score -= 3;
  if (tag.size() == 2 && (tag[0] == 'h' || tag == "th") && tag != "hr") score -= 5;
  return score;
}

// Whether `s` or an element above it is boilerplate, so its paragraphs do not vote.
bool under_boilerplate(const NodeStats& s, const NodeStats* top_limit) {
  for (const NodeStats* p = &s; p != nullptr && p != top_limit; p = p->parent)
    if (p->boilerplate && p->text * 10 < top_limit->text * 3) return true;
  return false;
}

// Gives `points` to the element owning a paragraph and, less, to a few elements above it.
void vote(NodeStats* owner, double points) {
  for (int level = 0; owner != nullptr && level < 5; ++level, owner = owner->parent) {
    if (!owner->scored) {
      owner->scored = true;
      owner->score = base_score(*owner);
    }
    double share = level == 0 ? 1.0 : level == 1 ? 0.5 : 1.0 / (level * 3.0);
    owner->score += points * share;
  }
}

double paragraph_points(uint32_t chars, uint32_t commas) {
  return 1.0 + commas + std::min(chars / 100u, 3u);
}

bool is_paragraph(const NodeStats& s) {
  std::string_view tag = tag_of(s.node);
  if (tag == "p" || tag == "pre") return true;
  return !s.has_block && (tag == "div" || tag == "section" || tag == "td" || tag == "article");
}

// Runs the paragraph vote over the page; `body` is the page's top element with stats.
void score_paragraphs(std::vector<NodeStats>& all, const NodeStats& body) {
  for (NodeStats& s : all) {
    bool paragraph = is_paragraph(s) && s.text >= kMinParagraphChars;
    bool loose_text = !paragraph && s.has_block && s.own_text >= kMinParagraphChars;
    if (!paragraph && !loose_text) continue;
    if (under_boilerplate(s, &body)) continue;
    if (paragraph)
      vote(s.parent, paragraph_points(s.text, s.commas));
    else
      vote(&s, paragraph_points(s.own_text, s.own_commas));
  }
  for (NodeStats& s : all)
    if (s.scored) s.score *= 1.0 - link_density(s);
}

bool contains(const NodeStats* ancestor, const NodeStats* node) {
  for (; node != nullptr; node = node->parent)
    if (node == ancestor) return true;
  return false;
}

// When three or more elements score nearly as well as the best one and share an ancestor with
// it, the article is split across them (one paragraph group per <div>): that ancestor holds it.
NodeStats* widen_to_shared_ancestor(std::vector<NodeStats>& all, NodeStats* top) {
  std::vector<NodeStats*> rivals;
  for (NodeStats& s : all)
    if (s.scored && &s != top && s.score >= top->score * 0.75) rivals.push_back(&s);
  if (rivals.size() < 3) return top;
  std::sort(rivals.begin(), rivals.end(),
            [](const NodeStats* a, const NodeStats* b) { return a->score > b->score; });
  rivals.resize(std::min<size_t>(rivals.size(), 5));
  for (NodeStats* up = top->parent; up != nullptr && tag_of(up->node) != "body"; up = up->parent) {
    int inside = 0;
    for (NodeStats* rival : rivals) inside += contains(up, rival) ? 1 : 0;
    if (inside >= 3) return up;
  }
  return top;
}

NodeStats* best_scored(std::vector<NodeStats>& all) {
  NodeStats* best = nullptr;
  for (NodeStats& s : all)
    if (s.scored && (best == nullptr || s.score > best->score)) best = &s;
  return best;
}

// The itemprop="articleBody" element with the most text, when it holds at least half of what
// the vote's winner holds (some pages mark only a teaser or one paragraph).
NodeStats* marked_article_body(std::vector<NodeStats>& all, const NodeStats* winner) {
  NodeStats* best = nullptr;
  for (NodeStats& s : all)
    if (s.article_body && (best == nullptr || s.text > best->text)) best = &s;
  if (best == nullptr || best->text < 2 * kMinParagraphChars) return nullptr;
  if (winner != nullptr && best->text * 2 < winner->text && !contains(best, winner)) return nullptr;
  return best;
}

// Whether `s`, a sibling of the article's best element `top`, continues the article: it scored
// nearly as well (better when it shares top's class), or it is a plain paragraph of prose.
bool sibling_joins(const NodeStats& s, const NodeStats& top) {
  if (s.boilerplate) return false;
  double threshold = std::max(10.0, top.score * 0.2);
  std::string_view top_class = attribute(top.node, "class");
  double bonus =
      !top_class.empty() && attribute(s.node, "class") == top_class ? top.score * 0.2 : 0;
  if (s.scored && s.score + bonus >= threshold) return true;
  if (tag_of(s.node) != "p") return false;
  double density = link_density(s);
  if (s.text > 80) return density < 0.25;
  if (s.text == 0 || density > 0) return false;
  std::string text = html::text_of(s.node);
  return !text.empty() &&
         (text.back() == '.' || text.back() == '"' || text.back() == '!' || text.back() == '?');
}

// The elements whose text is the article, in document order.
std::vector<const NodeStats*> article_parts(NodeStats* top) {
  while (top->parent != nullptr && top->parent->text == top->text &&
         tag_of(top->parent->node) != "body")
    top = top->parent;
  if (top->parent == nullptr) return {top};
  std::vector<const NodeStats*> parts;
  for (const xmlNode* child = top->parent->node->children; child != nullptr; child = child->next) {
    const NodeStats* s = PageStats::of(child);
    if (s != nullptr && (s == top || sibling_joins(*s, *top))) parts.push_back(s);
  }
  return parts;
}

// --- Step 3: writing the article out ------------------------------------------------------

// A short paragraph that is a page's legal line ("(c) 2021 Example Ltd. All rights
// reserved."), which sits beside articles on pages whose layout gives it no name of its own.
bool is_legal_notice(std::string_view paragraph) {
  constexpr size_t kMaxNoticeBytes = 200;
  if (paragraph.size() > kMaxNoticeBytes) return false;
  std::string lower = ascii_lower(paragraph);
  return lower.find("all rights reserved") != std::string::npos ||
         lower.find("copyright") != std::string::npos ||
         lower.find("\xC2\xA9") != std::string::npos;
}

// Collects text into paragraphs, keeping a paragraph only when it is mostly not link text and
// not a legal notice.
class BodyWriter {
 public:
  void add_text(std::string_view text, bool in_link) {
    uint32_t commas = 0;
    uint32_t chars = visible_chars(text, commas);
    size_t before = paragraph_.size();
    for (char c : text) {
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      if (space) {
        if (!paragraph_.empty() && paragraph_.back() != ' ' && paragraph_.back() != '\n')
          paragraph_.push_back(' ');
      } else {
        paragraph_.push_back(c);
      }
    }
    if (paragraph_.size() == before) return;
    chars_ += chars;
    if (in_link) link_chars_ += chars;
    lines_ = 0;
  }
  // <br>: a new line; two in a row end the paragraph.
  void line_break() {
    if (++lines_ >= 2) return end_paragraph();
    trim_end();
    if (!paragraph_.empty()) paragraph_.push_back('\n');
  }
  void end_paragraph() {
    trim_end();
    if (chars_ > 0 && link_chars_ * 2 <= chars_ && !is_legal_notice(paragraph_)) {
      if (!body_.empty()) body_ += "\n\n";
      body_ += paragraph_;
    }
    paragraph_.clear();
    chars_ = link_chars_ = 0;
    lines_ = 0;
  }
  std::string finish() {
    end_paragraph();
    return std::move(body_);
  }

 private:
  void trim_end() {
    while (!paragraph_.empty() && (paragraph_.back() == ' ' || paragraph_.back() == '\n'))
      paragraph_.pop_back();
  }
  std::string body_;
  std::string paragraph_;
  uint32_t chars_ = 0;
  uint32_t link_chars_ = 0;
  int lines_ = 0;
};

// Whether a block inside the article is boilerplate all the same: named so (unless it holds
// most of the article), mostly links, a heading of the page, or a caption.
bool leave_out(const NodeStats& s, const NodeStats& part) {
  if (&s == &part) return false;
  std::string_view tag = tag_of(s.node);
  if (tag == "h1" || tag == "figure" || tag == "figcaption") return true;
  if (s.boilerplate && (s.strong || s.text * 2 < part.text)) return true;
  static constexpr std::array<std::string_view, 9> kContainers = {
      "div", "section", "ul", "ol", "table", "dl", "form", "aside", "nav"};
  if (!one_of(tag, kContainers)) return false;
  double density = link_density(s);
  return density > 0.5 || (s.commas < 10 && s.weight < 25 && density > 0.33);
}

void write_part(const NodeStats& part, BodyWriter& out) {
  html::walk(
      part.node,
      [&](const xmlNode* node) {
        if (node->type == XML_TEXT_NODE) {
          const NodeStats* owner = PageStats::of(node->parent);
          if (node->content != nullptr && owner != nullptr)
            out.add_text(reinterpret_cast<const char*>(node->content), owner->in_link);
          return false;
        }
        const NodeStats* s = PageStats::of(node);
        if (s == nullptr || leave_out(*s, part)) return false;
        if (tag_of(node) == "br") {
          out.line_break();
          return false;
        }
        if (is_block_tag(tag_of(node))) out.end_paragraph();
        return true;
      },
      [&](const xmlNode* node) {
        if (is_block_tag(tag_of(node))) out.end_paragraph();
      });
}

const NodeStats* body_of(std::vector<NodeStats>& all) {
  for (NodeStats& s : all)
    if (tag_of(s.node) == "body") return &s;
  return all.empty() ? nullptr : &all.front();
}

}  // namespace

std::string extract_article_body(const HtmlDocument& page) {
  if (page.root() == nullptr) return "";
  PageStats stats(page.root());
  std::vector<NodeStats>& all = stats.all();
  const NodeStats* body = body_of(all);
  if (body == nullptr) return "";
  score_paragraphs(all, *body);
  NodeStats* top = best_scored(all);
  if (top != nullptr) top = widen_to_shared_ancestor(all, top);
  std::vector<const NodeStats*> parts;
  if (const NodeStats* marked = marked_article_body(all, top))
    parts.push_back(marked);
  else if (top != nullptr)
    parts = article_parts(top);
  else
    parts.push_back(body);
  BodyWriter out;
  for (const NodeStats* part : parts) {
    write_part(*part, out);
    out.end_paragraph();
  }
  std::string text = out.finish();
  uint32_t commas = 0;
  return visible_chars(text, commas) < kMinParagraphChars ? std::string() : text;
}

}  // namespace newsarchive
