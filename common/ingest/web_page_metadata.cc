#include "ingest/web_page_metadata.h"

#include <libxml/uri.h>

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "ingest/html_node.h"
#include "text/ascii.h"

namespace newsarchive {
namespace {

using html::attribute;
using html::is_element;
using html::tag_of;
using nlohmann::json;

// Bylines and the like longer than this are page text, not a name.
constexpr size_t kMaxNameBytes = 200;
// JSON-LD nests a few levels (@graph, arrays, objects); deeper structures are not looked into.
constexpr int kMaxJsonDepth = 6;

// Everything the metadata is chosen from, gathered in one walk of the tree.
struct PageFacts {
  std::map<std::string, std::string, std::less<>> meta;  // lower-cased key -> first content
  std::string canonical;
  std::string title;
  std::string h1;
  std::string time;  // the first <time datetime>
  std::string rel_author;
  std::string byline;
  JsonLdArticle json_ld;
};

std::string trimmed_text(const xmlNode* node) {
  return html::text_of(node);
}

bool has_word(std::string_view list, std::string_view word) {
  std::string lower = ascii_lower(list);
  size_t pos = 0;
  while ((pos = lower.find(word, pos)) != std::string::npos) {
    bool starts = pos == 0 || lower[pos - 1] == ' ';
    bool ends = pos + word.size() == lower.size() || lower[pos + word.size()] == ' ';
    if (starts && ends) return true;
    pos += word.size();
  }
  return false;
}

void remember(std::map<std::string, std::string, std::less<>>& meta, std::string_view key,
              std::string_view value) {
  if (key.empty() || value.empty()) return;
  meta.emplace(ascii_lower(key), html::collapse_whitespace(value));
}

// <meta name|property|itemprop=KEY content=VALUE>, and itemprop dates on other elements.
void note_meta(const xmlNode* node, PageFacts& facts) {
  std::string_view content = attribute(node, "content");
  if (content.empty()) content = attribute(node, "datetime");
  for (const char* key_attribute : {"property", "name", "itemprop"})
    remember(facts.meta, attribute(node, key_attribute), content);
}

// A byline element: class or id naming the author or byline, holding a short text.
bool is_byline(const xmlNode* node) {
  std::string names = ascii_lower(attribute(node, "class"));
  names += ' ';
  names += ascii_lower(attribute(node, "id"));
  return names.find("byline") != std::string::npos ||
         names.find("author-name") != std::string::npos || has_word(names, "author");
}

void note_script(const xmlNode* node, PageFacts& facts) {
  if (ascii_lower(attribute(node, "type")) != "application/ld+json") return;
  std::string text;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next)
    if (child->content != nullptr) text += reinterpret_cast<const char*>(child->content);
  read_json_ld(text, facts.json_ld);
}

void note_element(const xmlNode* node, PageFacts& facts) {
  std::string_view tag = tag_of(node);
  if (tag == "script") return note_script(node, facts);
  if (!attribute(node, "content").empty() || tag == "meta" || tag == "time") note_meta(node, facts);
  if (tag == "link" && has_word(attribute(node, "rel"), "canonical") && facts.canonical.empty())
    facts.canonical = html::collapse_whitespace(attribute(node, "href"));
  else if (tag == "title" && facts.title.empty())
    facts.title = trimmed_text(node);
  else if (tag == "h1" && facts.h1.empty())
    facts.h1 = trimmed_text(node);
  else if (tag == "time" && facts.time.empty())
    facts.time = attribute(node, "datetime");
  else if (tag == "a" && facts.rel_author.empty() && has_word(attribute(node, "rel"), "author"))
    facts.rel_author = trimmed_text(node);
  if (facts.byline.empty() && tag != "meta" && tag != "body" && tag != "html" && is_byline(node)) {
    std::string text = trimmed_text(node);
    if (text.size() <= kMaxNameBytes) facts.byline = text;
  }
}

PageFacts gather_facts(const xmlNode* root) {
  PageFacts facts;
  for (const xmlNode* node = root; node != nullptr;) {
    bool skip = false;
    if (is_element(node)) {
      note_element(node, facts);
      skip = tag_of(node) == "script" || tag_of(node) == "style";
    }
    node = html::next_node(node, root, skip);
  }
  return facts;
}

const std::string* find_meta(const PageFacts& facts, std::string_view key) {
  auto it = facts.meta.find(key);
  return it == facts.meta.end() ? nullptr : &it->second;
}

// --- JSON-LD ----------------------------------------------------------------------------------

bool is_article_type_name(std::string_view type) {
  auto ends_with = [&](std::string_view tail) {
    return type.size() >= tail.size() && type.substr(type.size() - tail.size()) == tail;
  };
  return ends_with("Article") || ends_with("BlogPosting") || ends_with("SocialMediaPosting") ||
         type == "Report";
}

bool is_article_type(const json& type) {
  if (type.is_string()) return is_article_type_name(type.get_ref<const std::string&>());
  if (!type.is_array()) return false;
  for (const json& item : type)
    if (item.is_string() && is_article_type_name(item.get_ref<const std::string&>())) return true;
  return false;
}

std::string string_at(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A person or organisation: a name string, or an object with a "name".
std::string name_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  return value.is_object() ? string_at(value, "name") : std::string();
}

std::string author_names(const json& authors) {
  if (!authors.is_array()) return tidy_author(name_of(authors));
  std::string names;
  for (const json& author : authors) {
    std::string name = tidy_author(name_of(author));
    if (name.empty()) continue;
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

void take_article(const json& object, JsonLdArticle& article) {
  article.found = true;
  article.date_published = string_at(object, "datePublished");
  if (auto it = object.find("author"); it != object.end()) article.author = author_names(*it);
  if (auto it = object.find("publisher"); it != object.end())
    article.publisher = html::collapse_whitespace(name_of(*it));
}

void visit_json_ld(const json& value, JsonLdArticle& article, int depth) {
  if (article.found || depth > kMaxJsonDepth) return;
  if (value.is_array()) {
    for (const json& item : value) visit_json_ld(item, article, depth + 1);
    return;
  }
  if (!value.is_object()) return;
  if (auto type = value.find("@type"); type != value.end() && is_article_type(*type))
    return take_article(value, article);
  if (auto graph = value.find("@graph"); graph != value.end())
    visit_json_ld(*graph, article, depth + 1);
  if (auto entity = value.find("mainEntity"); entity != value.end())
    visit_json_ld(*entity, article, depth + 1);
}

// --- Choosing -------------------------------------------------------------------------------

// Date meta keys, most specific first.
constexpr std::array<std::string_view, 16> kDateKeys = {"article:published_time",
                                                        "og:published_time",
                                                        "datepublished",
                                                        "article.published",
                                                        "dc.date.issued",
                                                        "dcterms.issued",
                                                        "sailthru.date",
                                                        "parsely-pub-date",
                                                        "publish-date",
                                                        "publishdate",
                                                        "pubdate",
                                                        "publication_date",
                                                        "date",
                                                        "dc.date",
                                                        "dcterms.created",
                                                        "og:pubdate"};
constexpr std::array<std::string_view, 7> kAuthorKeys = {
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
    "byl",    "twitter:creator"};

void choose_date(const PageFacts& facts, const std::string& url, const WebPageHints& hints,
                 PageMetadata& out) {
  auto take = [&](std::optional<Date> date, const char* from) {
    if (out.date || !date) return;
    out.date = date;
    out.date_from = from;
  };
  if (!facts.json_ld.date_published.empty())
    take(parse_article_date(facts.json_ld.date_published), "json-ld");
  for (std::string_view key : kDateKeys)
    if (const std::string* value = find_meta(facts, key)) take(parse_article_date(*value), "meta");
  if (!facts.time.empty()) take(parse_article_date(facts.time), "time");
  take(date_in_url(url), "url");
  take(date_in_url(hints.url), "url");
}

bool looks_like_url(std::string_view text) {
  return text.starts_with("http://") || text.starts_with("https://") || text.starts_with("/");
}

std::string choose_author(const PageFacts& facts) {
  if (!facts.json_ld.author.empty()) return facts.json_ld.author;
  for (std::string_view key : kAuthorKeys) {
    const std::string* value = find_meta(facts, key);
    if (value != nullptr && !looks_like_url(*value) && !value->starts_with("@")) {
      std::string name = tidy_author(*value);
      if (!name.empty()) return name;
    }
  }
  if (!facts.rel_author.empty() && facts.rel_author.size() <= kMaxNameBytes)
    return tidy_author(facts.rel_author);
  return tidy_author(facts.byline);
}

// `href` made absolute against `base` (when both are usable), else `href` as written.
std::string resolve_url(const std::string& href, const std::string& base) {
  if (base.empty() || href.empty()) return href;
  xmlChar* built = xmlBuildURI(reinterpret_cast<const xmlChar*>(href.c_str()),
                               reinterpret_cast<const xmlChar*>(base.c_str()));
  if (built == nullptr) return href;
  std::string url(reinterpret_cast<const char*>(built));
  xmlFree(built);
  return url;
}

std::string choose_url(const PageFacts& facts, const WebPageHints& hints) {
  if (!facts.canonical.empty()) return resolve_url(facts.canonical, hints.url);
  if (const std::string* og = find_meta(facts, "og:url"); og != nullptr && !og->empty())
    return resolve_url(*og, hints.url);
  return hints.url;
}

std::string choose_title(const PageFacts& facts, const std::string& site) {
  if (const std::string* og = find_meta(facts, "og:title"); og != nullptr && !og->empty())
    return site.empty() ? *og : strip_site_name(*og, site);
  if (!facts.h1.empty()) return facts.h1;
  return strip_site_name(facts.title, site);
}

}  // namespace

void read_json_ld(std::string_view text, JsonLdArticle& article) {
  if (article.found) return;
  json value = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (!value.is_discarded()) visit_json_ld(value, article, 0);
}

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The number in `digits` (all decimal digits, at most 4).
int number(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

size_t digit_run(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end < text.size() && is_digit(text[end])) ++end;
  return end - pos;
}

// A date "YYYY?MM?DD" (? one of / - _, month and day of one or two digits) or "YYYYMMDD"
// starting at `pos`, where a run of digits starts.
std::optional<Date> date_at(std::string_view path, size_t pos) {
  size_t year_digits = digit_run(path, pos);
  if (year_digits == 8)
    return make_date(number(path.substr(pos, 4)), number(path.substr(pos + 4, 2)),
                     number(path.substr(pos + 6, 2)));
  if (year_digits != 4 || pos + 4 >= path.size()) return std::nullopt;
  char separator = path[pos + 4];
  if (separator != '/' && separator != '-' && separator != '_') return std::nullopt;
  size_t month_at = pos + 5;
  size_t month_digits = digit_run(path, month_at);
  if (month_digits < 1 || month_digits > 2) return std::nullopt;
  size_t day_at = month_at + month_digits + 1;
  if (day_at > path.size() || path[day_at - 1] != separator) return std::nullopt;
  size_t day_digits = digit_run(path, day_at);
  if (day_digits < 1 || day_digits > 2) return std::nullopt;
  int year = number(path.substr(pos, 4));
  if (year < 1900) return std::nullopt;
  return make_date(year, number(path.substr(month_at, month_digits)),
                   number(path.substr(day_at, day_digits)));
}

}  // namespace

std::optional<Date> date_in_url(std::string_view url) {
  size_t scheme = url.find("://");
  size_t path_at = scheme == std::string_view::npos ? 0 : url.find('/', scheme + 3);
  if (path_at == std::string_view::npos) return std::nullopt;
  std::string_view path = url.substr(path_at);
  for (size_t pos = 0; pos < path.size(); ++pos) {
    if (!is_digit(path[pos]) || (pos > 0 && is_digit(path[pos - 1]))) continue;
    size_t run = digit_run(path, pos);
    bool eight_between_slashes =
        run == 8 && path[pos - 1] == '/' && (pos + 8 == path.size() || path[pos + 8] == '/');
    if (run == 4 || eight_between_slashes) {
      if (std::optional<Date> date = date_at(path, pos)) return date;
    }
    pos += run - 1;
  }
  return std::nullopt;
}

namespace {

size_t word_count(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && ascii_lower(a) == ascii_lower(b);
}

// Between a headline and the site name: bar, hyphen, en and em dash, double colon, middle dot.
constexpr std::array<std::string_view, 7> kTitleSeparators = {
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", ": "};

std::string strip_known_site(const std::string& title, std::string_view site) {
  for (std::string_view separator : kTitleSeparators) {
    size_t cut = title.size() >= site.size() + separator.size()
                     ? title.size() - site.size() - separator.size()
                     : std::string::npos;
    if (cut != std::string::npos && cut > 0 && title.substr(cut, separator.size()) == separator &&
        equal_ignoring_case(std::string_view(title).substr(cut + separator.size()), site))
      return title.substr(0, cut);
    size_t head = site.size() + separator.size();
    if (title.size() > head && title.substr(site.size(), separator.size()) == separator &&
        equal_ignoring_case(std::string_view(title).substr(0, site.size()), site))
      return title.substr(head);
  }
  return title;
}

}  // namespace

std::string strip_site_name(std::string_view title, std::string_view site) {
  std::string tidy = html::collapse_whitespace(title);
  if (!site.empty()) return strip_known_site(tidy, html::collapse_whitespace(site));
  size_t bar = tidy.rfind(" | ");
  if (bar == std::string::npos || bar == 0) return tidy;
  std::string_view tail = std::string_view(tidy).substr(bar + 3);
  return word_count(tail) <= 4 ? tidy.substr(0, bar) : tidy;
}

std::string tidy_author(std::string_view name) {
  std::string tidy = html::collapse_whitespace(name);
  for (std::string_view by : {"By ", "by ", "BY "})
    if (tidy.starts_with(by)) tidy.erase(0, by.size());
  return tidy.size() > kMaxNameBytes ? std::string() : tidy;
}

PageMetadata read_page_metadata(const HtmlDocument& page, const WebPageHints& hints) {
  PageMetadata out;
  PageFacts facts;
  if (page.root() != nullptr) facts = gather_facts(page.root());
  if (const std::string* site = find_meta(facts, "og:site_name")) out.source = *site;
  if (out.source.empty()) out.source = facts.json_ld.publisher;
  out.url = choose_url(facts, hints);
  out.title = choose_title(facts, out.source);
  out.author = choose_author(facts);
  choose_date(facts, out.url, hints, out);
  return out;
}

}  // namespace newsarchive
