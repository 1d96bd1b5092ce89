// Fuzz target: the query front end (parse_user_query) on arbitrary user text, then matching the
// parsed query against a tiny in-memory database and cutting snippets from the hits, as a search
// does.
//
// parse_user_query documents one error for bad input, UserError; a search reports a wildcard
// that expands too far through Xapian::WildcardError from get_mset (search.cc turns it into a
// UserError). Those two are expected outcomes. Any other exception escapes and terminates the
// process, which the fuzzer reports as a crash.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "entities/article_entities.h"
#include "entities/entity_tagger.h"
#include "fuzz_support.h"
#include "ingest/jsonl_reader.h"
#include "ingest/text_article.h"
#include "query/query_parser.h"
#include "query/snippet.h"
#include "store/analyzer.h"
#include "store/document_builder.h"
#include "store/document_codec.h"
#include "store/schema.h"
#include "text/errors.h"

namespace {

using namespace newsarchive;

// A fixed day for date:yesterday and the like, so a run does not depend on the clock.
const Date kFuzzToday{2020, 2, 1};

// Articles in the archive's two formats: a dated text article with persons and a headline, an
// undated one, and a JSON Lines article with source, author and url, so every query field has
// something to match.
constexpr std::string_view kTextArticles[] = {
    "date 2020-01-06 advertisement\n\n"
    "Defence Secretary Mark Esper said on Monday that troops would stay in Iraq.\n\n"
    "\"There was no decision to leave,\" Esper told reporters in Baghdad.\n\n"
    "Originally published as Pentagon chief denies leaving Iraq\n",
    "The Lenne burst its banks in Port Halden after a week of rain, and Mayor Annika Thorsvik\n"
    "asked residents of the harbour district to move to higher ground.\n",
};
constexpr std::string_view kJsonArticle =
    R"({"id": "wire-2017-0014", "date": "2017-10-11T09:40:00Z", )"
    R"("title": "Meridian Freight orders six electric harbour tugs", )"
    R"("body": "Meridian Freight Group has ordered six harbour tugs for Port Halden.\n\n)"
    R"(Chief executive Desmond Achterberg said the vessels would cut emissions.", )"
    R"("source": "Northern Wire Service", "url": "https://wire.example.org/tugs", )"
    R"("author": "Liv Haugard"})";

class CollectingSink : public ArticleSink {
 public:
  void accept(Article article, const SourceLocation& /*where*/) override {
    articles.push_back(std::move(article));
  }
  void warn(const SourceLocation& /*where*/, const std::string& /*message*/) override {}
  void skip(const SourceLocation& /*where*/, const std::string& reason) override {
    fuzz::contract_broken(("fixture article skipped: " + reason).c_str());
  }
  std::vector<Article> articles;
};

// An in-memory database: DB_BACKEND_INMEMORY is the non-deprecated form of InMemory::open().
struct Fixture {
  Analyzer analyzer{kDefaultLanguage};
  Xapian::WritableDatabase database{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

// Builds the database the way the indexer does: reader, entity extraction, build_document, then
// the sort-key and content-hash values (a fixed stand-in hash: ties only need a stable order).
Fixture* make_fixture() {
  auto* fixture = new Fixture;
  CollectingSink sink;
  for (size_t i = 0; i < std::size(kTextArticles); ++i) {
    std::string id = "article-" + std::to_string(i) + ".txt";
    parse_text_article(kTextArticles[i], id, SourceLocation{id, 0}, sink);
  }
  parse_jsonl_article(kJsonArticle, "wire.jsonl:1", SourceLocation{"wire.jsonl", 1}, sink);

  Xapian::TermGenerator generator = fixture->analyzer.make_term_generator();
  for (size_t i = 0; i < sink.articles.size(); ++i) {
    Article& article = sink.articles[i];
    extract_entities(article, EntityTagger::english());
    Xapian::Document document = build_document(article, generator);
    std::string hash(32, static_cast<char>('0' + i));
    if (article.date)
      document.add_value(schema::kSortKeySlot,
                         article.date->slot_key() + hash.substr(0, schema::kSortKeyHashDigits));
    document.add_value(schema::kContentHashSlot, hash);
    fixture->database.add_document(document);
  }
  fixture->database.set_metadata(std::string(schema::kLanguageKey), kDefaultLanguage);
  fixture->database.commit();
  return fixture;
}

// Built once per process and never freed: every run reads the same database.
const Fixture& fixture() {
  static const Fixture* instance = make_fixture();
  return *instance;
}

// snippet.h: highlights are byte ranges into the snippet's own text.
void check_snippet(const Snippet& snippet) {
  for (const Highlight& highlight : snippet.highlights)
    fuzz::check(highlight.start <= highlight.end && highlight.end <= snippet.text.size(),
                "snippet highlight outside its text");
}

void run_search(const std::string& text, DefaultOperator default_operator) {
  const Fixture& f = fixture();
  Xapian::Query query;
  try {
    query = parse_user_query(text, f.analyzer, f.database, default_operator, kFuzzToday);
  } catch (const UserError&) {
    return;  // a query the front end rejects with a message: the documented outcome
  }
  Xapian::Enquire enquire(f.database);
  enquire.set_query(query);
  if (default_operator == DefaultOperator::kAnd)
    enquire.set_sort_by_relevance_then_value(schema::kSortKeySlot, true);
  else
    enquire.set_sort_by_value_then_relevance(schema::kSortKeySlot, true);
  Xapian::MSet mset;
  try {
    mset = enquire.get_mset(0, 10, f.database.get_doccount());
  } catch (const Xapian::WildcardError&) {
    return;  // too many wildcard expansions: reported to the user by search.cc
  }
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Article article = decode_document_data(it.get_document().get_data());
    check_snippet(highlight_all(mset, article.title, f.analyzer.stemmer()));
    check_snippet(make_snippet(mset, article.body, f.analyzer.stemmer()));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  // Both default operators: the CLI offers each, and they build different query trees.
  run_search(text, DefaultOperator::kAnd);
  run_search(text, DefaultOperator::kOr);
  return 0;
}
