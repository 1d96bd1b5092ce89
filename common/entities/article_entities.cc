// Mention resolution: tagger output + alias merging, for one text or one article.
#include "entities/article_entities.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "entities/mention_consistency.h"
#include "entities/name_parts.h"
#include "entities/person_names.h"
#include "entities/regnal_names.h"

namespace newsarchive {
namespace {

// Resolves the person mentions of `mentions` (texts already cleaned) in place.
void resolve_person_mentions(std::vector<ResolvedMention>& mentions) {
  std::vector<std::string> person_texts;
  for (const ResolvedMention& m : mentions)
    if (m.mention.type == EntityType::kPerson) person_texts.push_back(m.text);
  std::vector<std::string> canonical = resolve_person_aliases(person_texts);
  size_t next = 0;
  for (ResolvedMention& m : mentions)
    if (m.mention.type == EntityType::kPerson) m.canonical = canonical[next++];
}

// Lines at least this long that end without sentence punctuation are taken as hard-wrapped;
// shorter ones are headlines, datelines or table rows.
constexpr size_t kMinWrappedLineBytes = 25;

bool ends_sentence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (line.empty()) return true;
  char last = line.back();
  return last == '.' || last == '!' || last == '?' || last == ':' || last == '"' ||
         line.ends_with("\xE2\x80\x9D");  // ”
}

// True when `line` ends in a figure ("6-3 6-4", "1:23.45", "34"): a row of a table of results
// or prices, whose next line is the next row rather than the rest of a sentence.
bool ends_in_figure(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return !line.empty() && line.back() >= '0' && line.back() <= '9';
}

// True when `rest` holds no word: whitespace and punctuation ("REUTER...", "Reuter\n"), and the
// caret-escaped carriage returns ("^M") some archives keep.
bool ends_text(std::string_view rest) {
  for (size_t i = 0; i < rest.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(rest[i]);
    if (c == '^' && i + 1 < rest.size() && rest[i + 1] == 'M') {
      ++i;
      continue;
    }
    if (std::isalnum(c) || c >= 0x80) return false;
  }
  return true;
}

}  // namespace

bool is_sign_off(std::string_view text, const EntityMention& mention) {
  if (mention.start == 0 || !ends_text(text.substr(mention.end)) ||
      text.find(' ', mention.start) < mention.end)
    return false;
  size_t before = mention.start;
  while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
  const size_t spaces = mention.start - before;
  if (before == 0 || text[before - 1] == '\n' || text[before - 1] == '\r') return true;
  if (spaces >= 2) return true;  // "total 55.8 (33.7).        REUTER"
  // After the last sentence on the same line: "...in 1986. REUTER".
  std::string_view head = text.substr(0, before);
  while (!head.empty() && (head.back() == '"' || head.back() == ')' || head.back() == '\''))
    head.remove_suffix(1);
  if (head.ends_with("\xE2\x80\x9D")) head.remove_suffix(3);  // ”
  return spaces == 1 && !head.empty() &&
         (head.back() == '.' || head.back() == '!' || head.back() == '?');
}

std::string unwrap_lines(std::string_view text) {
  std::string unwrapped(text);
  // Where a line could be wrapped: it is long, not followed by a blank line, and ends mid-sentence.
  std::vector<size_t> candidates;
  size_t long_lines = 0;
  size_t line_start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n') continue;
    std::string_view line = text.substr(line_start, i - line_start);
    if (line.size() >= kMinWrappedLineBytes) ++long_lines;
    bool next_blank = i + 1 < text.size() && text[i + 1] == '\n';
    if (i < text.size() && !next_blank && line.size() >= kMinWrappedLineBytes &&
        !ends_sentence(line) && !ends_in_figure(line))
      candidates.push_back(i);
    line_start = i + 1;
  }
  // Text is hard-wrapped when most of its long lines end mid-sentence; text with a sentence or
  // a paragraph per line (most long lines end one) is left alone, so its headlines and table
  // rows do not run into the next line.
  if (candidates.empty() || 2 * candidates.size() < long_lines) return unwrapped;
  for (size_t at : candidates) unwrapped[at] = ' ';
  return unwrapped;
}

namespace {

// The tagger's mentions of `text`, cleaned and retyped (mention_consistency.h). A person mention
// that names nobody (titles alone, "Mr", "Prime Minister"; a number word; initials alone) is
// left out; "Mr Blair" is already "Blair" (the tagger keeps titles outside spans), which alias
// merging then resolves.
// True when `text` has a letter and no lower-case ASCII letter.
bool is_all_capitals(std::string_view text) {
  bool letter = false;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

// True when the word before `start` is "a" or "an" (in lower case, as mid-sentence).
bool after_indefinite_article(std::string_view text, size_t start) {
  std::string_view head = text.substr(0, start);
  while (!head.empty() && (head.back() == ' ' || head.back() == '\t')) head.remove_suffix(1);
  if (head.size() == start) return false;  // no space: not a separate word
  for (std::string_view article : {std::string_view("a"), std::string_view("an")}) {
    if (!head.ends_with(article)) continue;
    size_t at = head.size() - article.size();
    if (at == 0 || head[at - 1] == ' ' || head[at - 1] == '\n' || head[at - 1] == '\t') return true;
  }
  return false;
}

// True for a one-word person mention that opens a sentence ("Moreover, Baker said") with a
// word news text capitalises only there: the capital is the sentence's, not a name's.
bool opens_with_common_word(std::string_view text, const EntityMention& mention,
                            const std::string& surface, const EntityTagger& tagger) {
  if (surface.find(' ') != std::string::npos) return false;
  size_t before = mention.start;
  while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
  const char previous = before == 0 ? '\n' : text[before - 1];
  const bool opens =
      previous == '\n' || previous == '.' || previous == '!' || previous == '?' || previous == '"';
  return opens && tagger.opens_sentences_only(surface);
}

std::vector<ResolvedMention> mentions_of(std::string_view text,
                                         const std::vector<size_t>& section_starts,
                                         const EntityTagger& tagger) {
  std::vector<ResolvedMention> resolved;
  for (EntityMention mention : tagger.find(unwrap_lines(text), section_starts)) {
    fix_regnal_name(text, mention, tagger);
    // "Ex-Yankee Randy Velarde": what the person was stays outside the name, as titles do.
    if (mention.type == EntityType::kPerson) {
      const std::string_view span = text.substr(mention.start, mention.end - mention.start);
      const size_t space = span.find(' ');
      if (space != std::string_view::npos && is_former_marker(span.substr(0, space)))
        mention.start = text.find_first_not_of(' ', mention.start + space);
    }
    std::string surface =
        clean_person_text(text.substr(mention.start, mention.end - mention.start));
    if (surface.empty()) continue;
    if (mention.type == EntityType::kPerson &&
        (names_nobody(surface) || opens_with_common_word(text, mention, surface, tagger)))
      continue;
    resolved.push_back(ResolvedMention{mention, surface, surface});
    // "won an Oscar", "a Ford": a name does not take an indefinite article; a thing named does.
    if (mention.type == EntityType::kPerson && after_indefinite_article(text, mention.start))
      resolved.back().mention.type = EntityType::kMisc;
  }
  std::vector<TypedName> names;
  names.reserve(resolved.size());
  for (const ResolvedMention& m : resolved)
    names.push_back(TypedName{m.mention.type, m.text, text.substr(m.mention.end, 24),
                              text.substr(m.mention.start - std::min<size_t>(m.mention.start, 32),
                                          std::min<size_t>(m.mention.start, 32))});
  make_types_consistent(names);
  for (size_t i = 0; i < resolved.size(); ++i) resolved[i].mention.type = names[i].type;
  return resolved;
}

// Appends `name` to `names` unless a name with the same key is there already.
void add_distinct(std::vector<std::string>& names, std::set<std::string>& keys,
                  const std::string& name) {
  if (keys.insert(person_key(name)).second) names.push_back(name);
}

// As add_distinct, except that a form in capitals ("YEUTTER", from a headline) gives way to a
// later one that is not ("Yeutter"): the article's canonical form is the one its text uses.
void add_person(std::vector<std::string>& names, std::set<std::string>& keys,
                const std::string& name) {
  if (keys.insert(person_key(name)).second) {
    names.push_back(name);
    return;
  }
  if (is_all_capitals(name)) return;
  for (std::string& stored : names)
    if (is_all_capitals(stored) && person_key(stored) == person_key(name)) stored = name;
}

}  // namespace

std::vector<ResolvedMention> resolve_mentions(std::string_view text, const EntityTagger& tagger) {
  return resolve_mentions(text, {}, tagger);
}

std::vector<ResolvedMention> resolve_mentions(std::string_view text,
                                              const std::vector<size_t>& section_starts,
                                              const EntityTagger& tagger) {
  std::vector<ResolvedMention> mentions = mentions_of(text, section_starts, tagger);
  resolve_person_mentions(mentions);
  return mentions;
}

void write_mentions_jsonl(const std::vector<ResolvedMention>& mentions, std::ostream& out) {
  using json = nlohmann::ordered_json;
  for (const ResolvedMention& m : mentions) {
    json line = {{"type", std::string(entity_type_name(m.mention.type))},
                 {"start", m.mention.start},
                 {"end", m.mention.end},
                 {"text", m.text},
                 {"canonical", m.canonical}};
    out << line.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  }
}

namespace {

// The tagger reads at most this much of a body: articles name their people early, and the
// tagger's working memory is about fifty times the text (a capped 8 MiB body peaked at 517 MB
// of RSS; with this cap at 87 MB).
constexpr size_t kMaxTaggedBodyBytes = 1 << 20;

// The start of `body`, cut at whitespace before kMaxTaggedBodyBytes (so never inside a word or
// a UTF-8 sequence).
std::string_view tagged_part(std::string_view body) {
  if (body.size() <= kMaxTaggedBodyBytes) return body;
  size_t cut = body.find_last_of(" \t\n", kMaxTaggedBodyBytes);
  if (cut == std::string_view::npos) cut = 0;
  return body.substr(0, cut);
}

}  // namespace

std::string article_entity_text(const Article& article, std::vector<size_t>& section_starts) {
  section_starts.clear();
  if (article.title.empty()) return std::string(tagged_part(article.body));
  section_starts.push_back(article.title.size() + 2);
  return article.title + "\n\n" + std::string(tagged_part(article.body));
}

std::vector<ResolvedMention> article_mentions(const Article& article, const EntityTagger& tagger) {
  std::vector<size_t> section_starts;
  std::string text = article_entity_text(article, section_starts);
  std::vector<ResolvedMention> mentions = resolve_mentions(text, section_starts, tagger);
  // Sign-offs, repeated as some archives do ("REUTER\n Reuter"). The name they sign with is
  // the agency wherever else the article uses it ("a spokesman told Reuter").
  std::string_view rest = text;
  std::set<std::string> agencies;
  while (!mentions.empty() && is_sign_off(rest, mentions.back().mention)) {
    rest = rest.substr(0, mentions.back().mention.start);
    agencies.insert(person_key(mentions.back().text));
    mentions.pop_back();
  }
  for (ResolvedMention& m : mentions)
    if (m.mention.type == EntityType::kPerson && agencies.count(person_key(m.text)))
      m.mention.type = EntityType::kOrganization;
  if (section_starts.empty()) return mentions;
  // A person in an ALL-CAPS headline ("DOLLAR FALLS AGAINST MARK") is read without case, the
  // tagger's best evidence; it stays only when the body names the same person.
  const size_t body_start = section_starts.front();
  std::set<std::string> body_persons;
  for (const ResolvedMention& m : mentions)
    if (m.mention.start >= body_start && m.mention.type == EntityType::kPerson)
      body_persons.insert(person_key(m.canonical));
  std::erase_if(mentions, [&](const ResolvedMention& m) {
    return m.mention.start < body_start && m.mention.type == EntityType::kPerson &&
           is_all_capitals(m.text) && !body_persons.count(person_key(m.canonical));
  });
  return mentions;
}

void extract_entities(Article& article, const EntityTagger& tagger) {
  std::vector<ResolvedMention> mentions = article_mentions(article, tagger);

  std::set<std::string> person_keys, place_keys, organization_keys;
  article.persons.clear();
  article.places.clear();
  article.organizations.clear();
  // The place a dateline names is where the story was filed: the article's first place.
  if (!article.place.empty()) add_distinct(article.places, place_keys, article.place);
  for (const ResolvedMention& m : mentions) {
    switch (m.mention.type) {
      case EntityType::kPerson:
        add_person(article.persons, person_keys, m.canonical);
        break;
      case EntityType::kPlace:
        add_distinct(article.places, place_keys, m.canonical);
        break;
      case EntityType::kOrganization:
        add_distinct(article.organizations, organization_keys, m.canonical);
        break;
      case EntityType::kMisc:
        break;
    }
  }
}

}  // namespace newsarchive
