// Article -> Xapian::Document; every prefix and slot comes from schema.h.
#include "store/document_builder.h"

#include <xxhash.h>

#include <cstdio>
#include <unordered_set>
#include <vector>

#include "entities/person_names.h"
#include "store/date_terms.h"
#include "store/document_codec.h"
#include "store/schema.h"
#include "store/story_signature.h"
#include "text/utf8.h"

namespace newsarchive {
namespace {

std::string hex128(XXH128_hash_t hash) {
  char hex[40];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                static_cast<unsigned long long>(hash.low64));
  return hex;
}

// The names of `names` that are the first with their person_key(), at most `cap` of them: what
// one kind's facet slots hold.
std::vector<std::string_view> slot_names(const std::vector<std::string>& names,
                                         Xapian::valueno cap) {
  std::vector<std::string_view> kept;
  std::unordered_set<std::string> keys;
  for (const std::string& name : names) {
    if (kept.size() == cap) break;
    if (keys.insert(person_key(name)).second) kept.push_back(name);
  }
  return kept;
}

void add_slots(const std::vector<std::string>& names, Xapian::valueno first, Xapian::valueno cap,
               Xapian::Document& document) {
  std::vector<std::string_view> kept = slot_names(names, cap);
  for (size_t k = 0; k < kept.size(); ++k)
    document.add_value(first + static_cast<Xapian::valueno>(k),
                       std::string(utf8_prefix(kept[k], kMaxTermBytes)));
}

}  // namespace

std::string id_term(std::string_view id) {
  std::string term(schema::kIdPrefix);
  if (term.size() + id.size() <= kMaxTermBytes && id.find('\0') == std::string_view::npos)
    return term.append(id);
  // '#' cannot start a path or JSON id we generate, so hashed terms cannot equal a literal id.
  return term.append("#xxh128:").append(hex128(XXH3_128bits(id.data(), id.size())));
}

std::string filter_term(std::string_view prefix, std::string_view value) {
  // Runs of whitespace become one space and the ends are trimmed, so " Reuters " and
  // "reuters" are the same filter value.
  std::string normalised;
  for (char c : value) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!normalised.empty() && normalised.back() != ' ') normalised.push_back(' ');
    } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) {
      normalised.push_back(c);
    }
  }
  if (!normalised.empty() && normalised.back() == ' ') normalised.pop_back();
  std::string lowered = Xapian::Unicode::tolower(normalised);
  std::string term(prefix);
  return term.append(utf8_prefix(lowered, kMaxTermBytes - prefix.size()));
}

void add_entity_terms(const Article& article, Xapian::Document& document) {
  for (const std::string& person : article.persons) {
    document.add_boolean_term(filter_term(schema::kPersonPrefix, person_key(person)));
    // A name of suffixes only ("III") has no surname, and a bare prefix is no term to find it by.
    std::string surname = surname_key(person);
    if (!surname.empty()) document.add_boolean_term(filter_term(schema::kSurnamePrefix, surname));
  }
  for (const std::string& place : article.places)
    document.add_boolean_term(filter_term(schema::kPlacePrefix, person_key(place)));
  for (const std::string& organization : article.organizations)
    document.add_boolean_term(filter_term(schema::kOrganizationPrefix, person_key(organization)));
  add_slots(article.persons, schema::kFirstPersonSlot, schema::kMaxPersonSlots, document);
  add_slots(article.places, schema::kFirstPlaceSlot, schema::kMaxPlaceSlots, document);
  add_slots(article.organizations, schema::kFirstOrganizationSlot, schema::kMaxOrganizationSlots,
            document);
}

EntitySlotCounts entity_slots_used(const Article& article) {
  return EntitySlotCounts{slot_names(article.persons, schema::kMaxPersonSlots).size(),
                          slot_names(article.places, schema::kMaxPlaceSlots).size(),
                          slot_names(article.organizations, schema::kMaxOrganizationSlots).size()};
}

std::string content_hash(const Article& article) {
  // Fields are hashed directly, each with its length so no two articles share a byte stream,
  // which keeps the no-change rerun cheap.
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  auto add = [&](std::string_view field) {
    std::uint64_t size = field.size();
    XXH3_128bits_update(state, &size, sizeof size);
    XXH3_128bits_update(state, field.data(), field.size());
  };
  add(std::to_string(schema::kSchemaVersion));
  add(article.id);
  add(article.date ? article.date->slot_key() : std::string());
  add(article.title);
  add(article.body);
  add(article.source);
  add(article.url);
  add(article.author);
  XXH128_hash_t hash = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  return hex128(hash);
}

DocumentKeys document_keys(const Article& article) {
  return DocumentKeys{id_term(article.id), content_hash(article)};
}

Xapian::Document build_document(const Article& article, Xapian::TermGenerator& generator) {
  return build_document(article, document_keys(article), generator);
}

Xapian::Document build_document(const Article& article, const DocumentKeys& keys,
                                Xapian::TermGenerator& generator) {
  Xapian::Document document;
  generator.set_document(document);

  // Headline: once under its field prefix (title: searches the headline shown), and, when the
  // article carries it, once unprefixed at a higher weight so plain queries rank headline
  // matches above body matches. A headline made from the body's first sentence gets no such
  // copy: its words are in the body already, and weighting them again would only count the
  // opening sentence four times over, ranking by how an article begins rather than by what it
  // says. A position gap keeps phrases from spanning the parts.
  generator.index_text(article.title, 1, std::string(schema::kTitlePrefix));
  generator.increase_termpos();
  if (!article.title_from_body) generator.index_text(article.title, kTitleWeight);
  generator.increase_termpos(100);
  generator.index_text(article.body);
  if (!article.author.empty())
    generator.index_text_without_positions(article.author, 1, std::string(schema::kAuthorPrefix));
  // The generator keeps a handle on the last document it indexed. Document handles count
  // references without atomics, and this document goes on to a writer thread, so the analysis
  // thread must hold no handle of its own once it is built.
  generator.set_document(Xapian::Document());

  document.add_boolean_term(keys.id_term);
  if (!article.source.empty())
    document.add_boolean_term(filter_term(schema::kSourcePrefix, article.source));
  const std::string hash_part = keys.content_hash.substr(0, schema::kSortKeyHashDigits);
  if (article.date) {
    std::string key = article.date->slot_key();  // YYYYMMDD
    document.add_value(schema::kDateSlot, key);
    for (DatePrecision precision :
         {DatePrecision::kYear, DatePrecision::kMonth, DatePrecision::kDay})
      document.add_boolean_term(date_term(*article.date, precision));
    document.add_value(schema::kSortKeySlot, key + hash_part);
    document.add_value(schema::kOldestKeySlot, key + hash_part);
  } else {
    document.add_boolean_term(std::string(schema::kUndatedTerm));
    document.add_value(schema::kSortKeySlot, std::string(schema::kUndatedNewestKey) + hash_part);
    document.add_value(schema::kOldestKeySlot, std::string(schema::kUndatedOldestKey) + hash_part);
  }
  add_entity_terms(article, document);
  // Which other articles may be this story's copies; the cluster pass decides (story_clusters.h).
  std::string signature = story_signature(article.body);
  for (const std::string& term : band_terms(signature)) document.add_boolean_term(term);
  if (!signature.empty()) document.add_value(schema::kSignatureSlot, signature);
  document.add_value(schema::kContentHashSlot, keys.content_hash);
  document.set_data(encode_document_data(article));
  return document;
}

}  // namespace newsarchive
