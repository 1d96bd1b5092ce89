// Tests for document_builder in the Omega omindexcheck style: per fixture article, the terms that
// must exist, the terms that must not, and the exact date slot; plus id and filter terms.
#include "store/document_builder.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "entities/person_names.h"
#include "store/analyzer.h"
#include "store/document_codec.h"
#include "store/schema.h"
#include "test_support.h"
#include "text/text_cleanup.h"

namespace newsarchive {
namespace {

Article troops_article() {
  Article article;
  article.id = "2020/01/troops.txt";
  article.date = make_date(2020, 1, 6);
  article.title = "Troops withdrawing from Iraq";
  article.body = "Officials said the forces would withdraw by March.\n\nNato allies agreed.";
  article.source = "Northern Wire";
  article.author = "Jane Smith";
  return article;
}

Article undated_article() {
  Article article;
  article.id = "markets.txt";
  article.title = "Markets rally";
  article.body = "Shares rose on Monday.";
  return article;
}

Article french_article() {
  Article article;
  article.id = "fr/élysée.txt";
  article.date = make_date(1999, 12, 31);
  article.title = "Réforme des retraites";
  article.body = "Le gouvernement a présenté la réforme.";
  article.source = "ÉLYSÉE Presse";
  return article;
}

struct Fixture {
  std::string name;
  Article article;
  std::vector<std::string> must_exist;
  std::vector<std::string> must_not_exist;
  std::vector<std::string> no_term_starts_with;
  std::string date_slot;  // exact value in kDateSlot; empty when undated
};

std::vector<Fixture> fixtures() {
  return {
      {"dated article with source and author",
       troops_article(),
       {// id, date and source filters
        "Q2020/01/troops.txt", "Y2020", "M202001", "D20200106", "XSnorthern wire",
        // title under S: unstemmed forms and Z-prefixed stems
        "Stroops", "Swithdrawing", "Sfrom", "Siraq", "ZStroop", "ZSwithdraw",
        // title and body unprefixed: unstemmed lower case plus Z stems
        "troops", "withdrawing", "iraq", "Ztroop", "Zwithdraw", "officials", "Zoffici", "withdraw",
        "nato", "Znato",
        // author: unstemmed and stemmed under A
        "Ajane", "Asmith", "ZAjane", "ZAsmith"},
       {"XUNDATED", "Troops", "Iraq", "Swithdraw", "Sofficials", "ZSoffici", "Sjane", "jane",
        "smith", "Anato", "XSnorthern", "XSNorthern Wire", "Y2019", "M202002", "D20200107"},
       {},
       "20200106"},
      {"undated article without source or author",
       undated_article(),
       {"Qmarkets.txt", "XUNDATED", "Smarkets", "Srally", "ZSmarket", "markets", "Zmarket",
        "shares", "Zshare", "monday", "Zmonday"},
       {"Markets", "Sshares"},
       {"Y", "M", "D", "XS", "A", "ZA"},
       ""},
      {"non-ASCII source is lower-cased",
       french_article(),
       {"Qfr/élysée.txt", "Y1999", "M199912", "D19991231", "XSélysée presse", "Sréforme", "réforme",
        "gouvernement"},
       {"XSÉLYSÉE Presse", "XSÉlysée presse", "XUNDATED", "Réforme"},
       {"A", "ZA"},
       "19991231"},
  };
}

std::string describe_terms(const Xapian::Document& document) {
  std::string out;
  for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it)
    out += " '" + *it + "'";
  return out;
}

bool has_term(const Xapian::Document& document, const std::string& term) {
  auto it = document.termlist_begin();
  it.skip_to(term);
  return it != document.termlist_end() && *it == term;
}

Xapian::termcount wdf_of(const Xapian::Document& document, const std::string& term) {
  auto it = document.termlist_begin();
  it.skip_to(term);
  if (it == document.termlist_end() || *it != term) return 0;
  return it.get_wdf();
}

Xapian::Document build(const Article& article) {
  Xapian::TermGenerator generator = Analyzer("english").make_term_generator();
  return build_document(article, generator);
}

TEST(DocumentBuilder, FixtureTermsAndSlots) {
  for (const Fixture& fixture : fixtures()) {
    SCOPED_TRACE(fixture.name);
    Xapian::Document document = build(fixture.article);
    for (const std::string& term : fixture.must_exist)
      EXPECT_TRUE(has_term(document, term))
          << "missing '" << term << "'; terms:" << describe_terms(document);
    for (const std::string& term : fixture.must_not_exist)
      EXPECT_FALSE(has_term(document, term)) << "unexpected '" << term << "'";
    for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it)
      for (const std::string& prefix : fixture.no_term_starts_with)
        EXPECT_FALSE((*it).starts_with(prefix)) << "'" << *it << "' starts with " << prefix;
    EXPECT_EQ(document.get_value(schema::kDateSlot), fixture.date_slot);
  }
}

// Regression: the generator held a handle on the built document, whose reference count is
// not atomic; the writer thread then raced the analysis thread on it and crashed.
TEST(DocumentBuilder, GeneratorKeepsNoHandleOnTheBuiltDocument) {
  Analyzer analyzer(kDefaultLanguage);
  Xapian::TermGenerator generator = analyzer.make_term_generator();
  Article article;
  article.id = "a";
  article.title = "Harbour";
  article.body = "The harbour reopened.";
  Xapian::Document document = build_document(article, generator);
  EXPECT_GT(document.termlist_count(), 0u);
  EXPECT_EQ(generator.get_document().termlist_count(), 0u);
}

TEST(DocumentBuilder, PersonsGetKeyAndSurnameTermsAndOneSlotEach) {
  Article article = troops_article();
  article.persons = {"Mark Esper", "William Seely III", "Carlota de Almenara"};
  article.places = {"New York"};
  article.organizations = {"U.S. Army"};
  Xapian::Document document = build(article);
  for (const char* term : {"XPmark esper", "XFesper", "XPwilliam seely iii", "XFseely",
                           "XPcarlota de almenara", "XFalmenara", "XGnew york", "XOus army"})
    EXPECT_TRUE(has_term(document, term)) << term << "; terms:" << describe_terms(document);
  EXPECT_EQ(document.get_value(schema::kFirstPersonSlot), "Mark Esper");
  EXPECT_EQ(document.get_value(schema::kFirstPersonSlot + 1), "William Seely III");
  EXPECT_EQ(document.get_value(schema::kFirstPersonSlot + 2), "Carlota de Almenara");
  EXPECT_EQ(document.get_value(schema::kFirstPersonSlot + 3), "");
}

// A regnal number is never a surname, and a name ending in one ("Henry VIII") or made of
// suffixes only ("III") has none: each gets its person term but no surname term, not even an
// empty one.
TEST(DocumentBuilder, SurnameTermIsNeverARegnalNumberAndAbsentWithoutASurname) {
  Article article = troops_article();
  article.persons = {"Henry VIII", "III", "William Seely III"};
  Xapian::Document document = build(article);
  for (const char* term : {"XPhenry viii", "XPiii", "XPwilliam seely iii"})
    EXPECT_TRUE(has_term(document, term)) << term << "; terms:" << describe_terms(document);
  std::vector<std::string> surname_terms;
  for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it)
    if ((*it).starts_with(schema::kSurnamePrefix)) surname_terms.push_back(*it);
  EXPECT_EQ(surname_terms, std::vector<std::string>{"XFseely"});
}

TEST(DocumentBuilder, PersonsBeyondTheSlotCapGetTermsButNoSlot) {
  Article article = troops_article();
  for (Xapian::valueno k = 0; k <= schema::kMaxPersonSlots; ++k)
    article.persons.push_back("Person Number" + std::to_string(k));
  Xapian::Document document = build(article);
  std::string last = "Person Number" + std::to_string(schema::kMaxPersonSlots);
  EXPECT_TRUE(has_term(document, "XP" + person_key(last)));
  EXPECT_EQ(document.get_value(schema::kFirstPersonSlot + schema::kMaxPersonSlots), "");
  EXPECT_EQ(document.get_value(schema::kFirstPersonSlot + schema::kMaxPersonSlots - 1),
            "Person Number" + std::to_string(schema::kMaxPersonSlots - 1));
}

TEST(DocumentBuilder, PlacesAndOrganisationsGetFoldedTermsAndOneSlotEach) {
  Article article = troops_article();
  article.places = {"New York", "Baghdad"};
  article.organizations = {"the United Nations", "Reuters", "U.S. Army"};
  Xapian::Document document = build(article);
  for (const char* term :
       {"XGnew york", "XGbaghdad", "XOthe united nations", "XOreuters", "XOus army"})
    EXPECT_TRUE(has_term(document, term)) << term << "; terms:" << describe_terms(document);
  EXPECT_EQ(document.get_value(schema::kFirstPlaceSlot), "New York");
  EXPECT_EQ(document.get_value(schema::kFirstPlaceSlot + 1), "Baghdad");
  EXPECT_EQ(document.get_value(schema::kFirstPlaceSlot + 2), "");
  EXPECT_EQ(document.get_value(schema::kFirstOrganizationSlot), "the United Nations");
  EXPECT_EQ(document.get_value(schema::kFirstOrganizationSlot + 1), "Reuters");
  EXPECT_EQ(document.get_value(schema::kFirstOrganizationSlot + 2), "U.S. Army");
  EXPECT_EQ(document.get_value(schema::kFirstOrganizationSlot + 3), "");
  EXPECT_EQ(entity_slots_used(article), (EntitySlotCounts{0, 2, 3}));
}

// Facets count an article once per entity: two forms with one key ("U.S. Army", "US Army")
// take one slot, the first form's, and the slots after it close up.
TEST(DocumentBuilder, FormsSharingAKeyTakeOneSlot) {
  Article article = troops_article();
  article.persons = {"George W. Bush", "Laura Bush", "George W Bush"};
  article.places = {"LONDON", "London", "Paris"};
  article.organizations = {"U.S. Army", "US Army"};
  Xapian::Document document = build(article);
  EXPECT_EQ(document.get_value(schema::kFirstPersonSlot), "George W. Bush");
  EXPECT_EQ(document.get_value(schema::kFirstPersonSlot + 1), "Laura Bush");
  EXPECT_EQ(document.get_value(schema::kFirstPersonSlot + 2), "");
  EXPECT_EQ(document.get_value(schema::kFirstPlaceSlot), "LONDON");
  EXPECT_EQ(document.get_value(schema::kFirstPlaceSlot + 1), "Paris");
  EXPECT_EQ(document.get_value(schema::kFirstPlaceSlot + 2), "");
  EXPECT_EQ(document.get_value(schema::kFirstOrganizationSlot), "U.S. Army");
  EXPECT_EQ(document.get_value(schema::kFirstOrganizationSlot + 1), "");
  EXPECT_EQ(entity_slots_used(article), (EntitySlotCounts{2, 2, 1}));
}

// The recorded slot counts must not claim more than build_document fills, or the searcher would
// read slots no article has; every name still gets its term.
TEST(DocumentBuilder, EntitySlotsUsedStopAtEachKindsCap) {
  Article article = troops_article();
  for (Xapian::valueno k = 0; k <= schema::kMaxPlaceSlots; ++k)
    article.places.push_back("Place Number" + std::to_string(k));
  for (Xapian::valueno k = 0; k < schema::kMaxOrganizationSlots + 5; ++k)
    article.organizations.push_back("Org Number" + std::to_string(k));
  article.persons = {"Mark Esper"};
  EXPECT_EQ(entity_slots_used(article),
            (EntitySlotCounts{1, schema::kMaxPlaceSlots, schema::kMaxOrganizationSlots}));
  Xapian::Document document = build(article);
  EXPECT_TRUE(has_term(document, "XGplace number" + std::to_string(schema::kMaxPlaceSlots)));
  EXPECT_EQ(document.get_value(schema::kFirstPlaceSlot + schema::kMaxPlaceSlots), "");
  EXPECT_EQ(document.get_value(schema::kFirstPlaceSlot + schema::kMaxPlaceSlots - 1),
            "Place Number" + std::to_string(schema::kMaxPlaceSlots - 1));
  EXPECT_EQ(document.get_value(schema::kFirstOrganizationSlot + schema::kMaxOrganizationSlots), "");
}

TEST(DocumentBuilder, DocumentDataDecodesToTheArticle) {
  Article article = troops_article();
  Article decoded = decode_document_data(build(article).get_data());
  EXPECT_EQ(decoded.id, article.id);
  EXPECT_EQ(decoded.date, article.date);
  EXPECT_EQ(decoded.title, article.title);
  EXPECT_EQ(decoded.body, article.body);
  EXPECT_EQ(decoded.source, article.source);
  EXPECT_EQ(decoded.author, article.author);
}

TEST(DocumentBuilder, TitleOnlyWordHasTitleWeightWdf) {
  Xapian::Document document = build(troops_article());
  EXPECT_EQ(wdf_of(document, "troops"), kTitleWeight);
  EXPECT_EQ(wdf_of(document, "Ztroop"), kTitleWeight);
  EXPECT_EQ(wdf_of(document, "Stroops"), 1u);
  EXPECT_EQ(wdf_of(document, "ZStroop"), 1u);
}

// A headline made from the body's first sentence is searchable with title:, but adds no weight to
// words the body already holds.
TEST(DocumentBuilder, HeadlineFromBodyIsNotWeightedAgain) {
  Article article = troops_article();
  article.title = "Officials said the forces would withdraw by March.";
  article.title_from_body = true;
  Xapian::Document document = build(article);
  EXPECT_EQ(wdf_of(document, "officials"), 1u);
  EXPECT_EQ(wdf_of(document, "Zoffici"), 1u);
  EXPECT_EQ(wdf_of(document, "Sofficials"), 1u);
  EXPECT_EQ(wdf_of(document, "ZSoffici"), 1u);
}

TEST(DocumentBuilder, BodyOnlyWordHasWdfOne) {
  Xapian::Document document = build(troops_article());
  EXPECT_EQ(wdf_of(document, "officials"), 1u);
  EXPECT_EQ(wdf_of(document, "Zoffici"), 1u);
}

// "withdrawing" (title) and "withdraw" (body) share the stem: its wdf adds both.
TEST(DocumentBuilder, SharedStemWdfAddsTitleAndBody) {
  Xapian::Document document = build(troops_article());
  EXPECT_EQ(wdf_of(document, "withdrawing"), kTitleWeight);
  EXPECT_EQ(wdf_of(document, "withdraw"), 1u);
  EXPECT_EQ(wdf_of(document, "Zwithdraw"), kTitleWeight + 1);
}

TEST(DocumentBuilder, BooleanTermsHaveZeroWdf) {
  Xapian::Document document = build(troops_article());
  for (const char* term :
       {"Q2020/01/troops.txt", "Y2020", "M202001", "D20200106", "XSnorthern wire"}) {
    // wdf_of returns 0 for a missing term too, so check presence first.
    ASSERT_TRUE(has_term(document, term)) << term;
    EXPECT_EQ(wdf_of(document, term), 0u) << term;
  }
}

// The whole termlist of the simplest article, so nothing unexpected can creep in.
TEST(DocumentBuilder, UndatedArticleHasExactlyTheseTerms) {
  Xapian::Document document = build(undated_article());
  std::vector<std::string> terms(document.termlist_begin(), document.termlist_end());
  EXPECT_EQ(terms, (std::vector<std::string>{"Qmarkets.txt", "Smarkets", "Srally", "XUNDATED",
                                             "ZSmarket", "ZSralli", "Zmarket", "Zmonday", "Zon",
                                             "Zralli", "Zrose", "Zshare", "markets", "monday", "on",
                                             "rally", "rose", "shares"}));
  EXPECT_EQ(document.get_value(schema::kDateSlot), "");
}

TEST(DocumentBuilder, AuthorTermsHaveNoPositions) {
  Xapian::Document document = build(troops_article());
  auto it = document.termlist_begin();
  it.skip_to("Asmith");
  ASSERT_TRUE(it != document.termlist_end() && *it == "Asmith");
  EXPECT_EQ(it.positionlist_count(), 0u);
  EXPECT_EQ(wdf_of(document, "Asmith"), 1u);
}

// A real glass database, so phrase matching runs on stored positions.
class DocumentBuilderDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = Xapian::WritableDatabase((dir_.path() / "db").string(), Xapian::DB_CREATE);
    for (const Article& article : {troops_article(), undated_article()})
      database_.replace_document(id_term(article.id), build(article));
    database_.commit();
  }

  // Ids of the matching articles, sorted.
  std::set<std::string> matching_ids(const Xapian::Query& query) {
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    Xapian::MSet mset = enquire.get_mset(0, 10);
    std::set<std::string> ids;
    for (auto it = mset.begin(); it != mset.end(); ++it)
      ids.insert(decode_document_data(it.get_document().get_data()).id);
    return ids;
  }

  static Xapian::Query phrase(std::vector<std::string> terms) {
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                         static_cast<Xapian::termcount>(terms.size()));
  }

  testing::TempDir dir_;
  Xapian::WritableDatabase database_;
};

const std::set<std::string> kTroopsOnly = {"2020/01/troops.txt"};
const std::set<std::string> kNone = {};

TEST_F(DocumentBuilderDatabase, PhraseOfAdjacentBodyWordsMatches) {
  EXPECT_EQ(matching_ids(phrase({"would", "withdraw"})), kTroopsOnly);
  EXPECT_EQ(matching_ids(phrase({"withdraw", "would"})), kNone);
}

TEST_F(DocumentBuilderDatabase, PhraseOfAdjacentBodyWordsAcrossParagraphsMatches) {
  EXPECT_EQ(matching_ids(phrase({"march", "nato"})), kTroopsOnly);
}

TEST_F(DocumentBuilderDatabase, PhraseOfAdjacentTitleWordsMatchesPrefixedAndUnprefixed) {
  EXPECT_EQ(matching_ids(phrase({"troops", "withdrawing"})), kTroopsOnly);
  EXPECT_EQ(matching_ids(phrase({"Stroops", "Swithdrawing"})), kTroopsOnly);
}

// The title ends "Iraq" and the body starts "Officials"; both words are in the document.
TEST_F(DocumentBuilderDatabase, NoPhraseMatchAcrossTitleBodyBoundary) {
  EXPECT_EQ(matching_ids(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("iraq"),
                                       Xapian::Query("officials"))),
            kTroopsOnly);
  EXPECT_EQ(matching_ids(phrase({"iraq", "officials"})), kNone);
}

TEST_F(DocumentBuilderDatabase, UndatedTermMatchesOnlyTheUndatedArticle) {
  EXPECT_EQ(matching_ids(Xapian::Query(std::string(schema::kUndatedTerm))),
            std::set<std::string>{"markets.txt"});
}

TEST(IdTerm, ShortIdIsPrefixPlusId) {
  EXPECT_EQ(id_term("2020/01/troops.txt"), "Q2020/01/troops.txt");
  EXPECT_EQ(id_term("Reuters-123"), "QReuters-123");
}

TEST(IdTerm, IdThatFitsExactlyIsKeptLiterally) {
  std::string id(kMaxTermBytes - 1, 'a');
  EXPECT_EQ(id_term(id), "Q" + id);
  EXPECT_EQ(id_term(id).size(), kMaxTermBytes);
}

TEST(IdTerm, IdOneByteTooLongIsHashed) {
  std::string term = id_term(std::string(kMaxTermBytes, 'a'));
  EXPECT_TRUE(term.starts_with("Q#xxh128:")) << term;
  EXPECT_EQ(term.size(), 41u);
}

TEST(IdTerm, LongIdIsHashedToA128BitHexTerm) {
  std::string term = id_term(std::string(1000, 'x'));
  ASSERT_TRUE(term.starts_with("Q#xxh128:")) << term;
  EXPECT_LE(term.size(), kMaxTermBytes);
  std::string hex = term.substr(9);
  EXPECT_EQ(hex.size(), 32u);
  EXPECT_EQ(hex.find_first_not_of("0123456789abcdef"), std::string::npos) << hex;
}

// Existing databases store these terms: the hash must never change.
TEST(IdTerm, LongIdHashIsStable) {
  EXPECT_EQ(id_term(std::string(1000, 'x')), "Q#xxh128:50a1af5a5f2dcf01c0a4877b962cba82");
}

TEST(IdTerm, LongIdsSharingA900BytePrefixDiffer) {
  std::string shared(900, 'p');
  EXPECT_NE(id_term(shared + std::string(100, 'a')), id_term(shared + std::string(100, 'b')));
}

TEST(IdTerm, SameLongIdGivesSameTerm) {
  std::string id = std::string(900, 'p') + std::string(100, 'a');
  EXPECT_EQ(id_term(id), id_term(std::string(id)));
}

TEST(FilterTerm, LowerCasesAsciiValue) {
  EXPECT_EQ(filter_term(schema::kSourcePrefix, "Northern Wire"), "XSnorthern wire");
}

TEST(FilterTerm, FoldsAndTrimsWhitespace) {
  EXPECT_EQ(filter_term(schema::kSourcePrefix, "  Northern \t Wire\n"), "XSnorthern wire");
}

TEST(FilterTerm, LowerCasesNonAsciiValue) {
  EXPECT_EQ(filter_term(schema::kSourcePrefix, "ÉLYSÉE"), "XSélysée");
}

// "a" then 249 two-byte "É" then "b": 500 bytes. 238 bytes remain after "XS"; "a" + 118 "é" is
// 237 bytes, and a 119th would split at byte 238.
TEST(FilterTerm, LongValueIsCutAtUtf8BoundaryWithinMaxTermBytes) {
  std::string value = "a";
  for (int i = 0; i < 249; ++i) value += "É";
  value += "b";
  ASSERT_EQ(value.size(), 500u);
  std::string expected = "XSa";
  for (int i = 0; i < 118; ++i) expected += "é";
  std::string term = filter_term(schema::kSourcePrefix, value);
  EXPECT_EQ(term, expected);
  EXPECT_EQ(term.size(), 239u);
  EXPECT_TRUE(is_valid_utf8(term));
}

TEST(FilterTerm, LongAsciiValueIsCutToExactlyMaxTermBytes) {
  std::string term = filter_term(schema::kSourcePrefix, std::string(500, 'W'));
  EXPECT_EQ(term, "XS" + std::string(kMaxTermBytes - 2, 'w'));
}

// Xapian rejects terms over 245 bytes and drops the uncommitted batch when it does.
TEST(DocumentBuilder, ArticleWithLongIdAndSourceIndexesIntoRealDatabase) {
  testing::TempDir dir;
  Article article = troops_article();
  article.id = std::string(1000, 'i');
  article.source = std::string(300, 'S');
  Xapian::WritableDatabase database((dir.path() / "db").string(), Xapian::DB_CREATE);
  ASSERT_NO_THROW({
    database.replace_document(id_term(article.id), build(article));
    database.commit();
  });
  EXPECT_EQ(database.get_doccount(), 1u);
  EXPECT_TRUE(database.term_exists(id_term(article.id)));
  EXPECT_TRUE(database.term_exists("XS" + std::string(kMaxTermBytes - 2, 's')));
  // Re-indexing the same article replaces it.
  database.replace_document(id_term(article.id), build(article));
  database.commit();
  EXPECT_EQ(database.get_doccount(), 1u);
}

TEST(FilterTerm, DropsNulAndOtherControlCharacters) {
  EXPECT_EQ(filter_term(schema::kSourcePrefix, std::string("Reu\0ters\x01\x1B\x7F", 12)),
            "XSreuters");
  EXPECT_EQ(filter_term(schema::kSourcePrefix, std::string("\0\0", 2)), "XS");
}

TEST(IdTerm, IdWithANulByteIsHashed) {
  const std::string id("a\0b", 3);
  std::string term = id_term(id);
  EXPECT_TRUE(term.starts_with("Q#xxh128:")) << term;
  EXPECT_EQ(term.size(), 41u);
  EXPECT_NE(term, id_term("ab"));
  EXPECT_EQ(term.find('\0'), std::string::npos);
}

// 300 bytes: the tagger finds this name in text (tests/integration/malformed_input_test.cc).
const std::string kLongPerson = [] {
  std::string name = "Mark Bartholomew";
  for (int i = 0; i < 11; ++i) name += "-Wolfeschlegelsteinhausen";
  return name + "-Smithson";
}();

// Every field that reaches a term, too long for one: a 1,000-byte id, 300-byte entity names (the
// place in two-byte characters), source and author, and a 300-byte word in the headline.
Article article_with_long_fields() {
  Article article = troops_article();
  article.id = std::string(1000, 'i');
  article.title = "Troops " + std::string(300, 'x') + " stay";
  article.source = std::string(300, 'S');
  article.author = std::string(60 * 5, 'a');  // one 300-byte word
  for (int i = 0; i < 60; ++i) article.author += " Jane";
  article.persons = {kLongPerson};
  article.places.push_back("");
  for (int i = 0; i < 150; ++i) article.places.back() += "\xC3\x89";  // É
  article.organizations = {std::string(30 * 10, 'O')};
  for (size_t i = 9; i < article.organizations.back().size(); i += 10)
    article.organizations.back()[i] = ' ';
  return article;
}

TEST(DocumentBuilder, EveryTermOfAnArticleWithOverlongFieldsFitsXapiansLimit) {
  ASSERT_EQ(kLongPerson.size(), 300u);
  Article article = article_with_long_fields();
  ASSERT_EQ(article.places.back().size(), 300u);
  ASSERT_EQ(article.organizations.back().size(), 300u);
  Xapian::Document document = build(article);
  size_t terms = 0;
  for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it, ++terms) {
    const std::string term = *it;
    EXPECT_LE(term.size(), kMaxTermBytes) << term;
    EXPECT_LE(term.size(), kXapianMaxTermBytes) << term;
    EXPECT_EQ(term.find('\0'), std::string::npos) << term;
    EXPECT_TRUE(is_valid_utf8(term)) << term;
  }
  EXPECT_GT(terms, 20u);
  // The long values are cut (names at a UTF-8 boundary) or hashed (the id), not dropped.
  std::string place_term = "XG";
  for (int i = 0; i < 119; ++i) place_term += "\xC3\xA9";  // é: 2 + 238 bytes
  for (const std::string& term : std::vector<std::string>{
           id_term(article.id), "XP" + person_key(kLongPerson).substr(0, kMaxTermBytes - 2),
           "XF" + surname_key(kLongPerson).substr(0, kMaxTermBytes - 2), place_term,
           "XO" + person_key(article.organizations.back()).substr(0, kMaxTermBytes - 2),
           "XS" + std::string(kMaxTermBytes - 2, 's'), "Ajane", "Stroops", "stay"}) {
    EXPECT_TRUE(has_term(document, term)) << term;
  }
  EXPECT_TRUE(id_term(article.id).starts_with("Q#xxh128:"));
  EXPECT_EQ(document.get_value(schema::kFirstPersonSlot), kLongPerson.substr(0, kMaxTermBytes));
}

// What our checks protect against, measured on the Xapian this builds with (glass, 1.4.22): if
// one of these starts failing, Xapian's limits have changed and kMaxTermBytes, filter_term and
// id_term must be reviewed; if our checks are bypassed, the integration test indexing 201
// articles in one batch loses the batch exactly as shown here.
class XapianTermLimit : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = Xapian::WritableDatabase(path(), Xapian::DB_CREATE);
    database_.commit();  // an empty committed revision to fall back to
    for (int i = 0; i < 100; ++i) {
      Xapian::Document document;
      document.add_boolean_term("Qpending-" + std::to_string(i));
      database_.replace_document("Qpending-" + std::to_string(i), document);
    }
    ASSERT_EQ(database_.get_doccount(), 100u);
  }

  std::string path() const { return (dir_.path() / "db").string(); }

  static Xapian::Document document_with_term(const std::string& term) {
    Xapian::Document document;
    document.add_boolean_term(term);
    return document;
  }

  testing::TempDir dir_;
  Xapian::WritableDatabase database_;
};

TEST_F(XapianTermLimit, ATermOfExactly245BytesIsAccepted) {
  database_.add_document(document_with_term(std::string(kXapianMaxTermBytes, 'x')));
  database_.commit();
  EXPECT_EQ(Xapian::Database(path()).get_doccount(), 101u);
}

TEST_F(XapianTermLimit, A300ByteTermThrowsAndDiscardsEveryPendingDocument) {
  EXPECT_THROW(database_.add_document(document_with_term(std::string(300, 'x'))),
               Xapian::InvalidArgumentError);
  EXPECT_EQ(database_.get_doccount(), 0u);  // the 100 pending documents are gone too
  database_.commit();
  EXPECT_EQ(Xapian::Database(path()).get_doccount(), 0u);
}

TEST_F(XapianTermLimit, A246ByteTermThrowsFromReplaceDocumentToo) {
  EXPECT_THROW(database_.replace_document("Qbad", document_with_term(std::string(246, 'x'))),
               Xapian::InvalidArgumentError);
  EXPECT_EQ(database_.get_doccount(), 0u);
}

// NUL bytes take two bytes each in the table key: the add succeeds and the commit fails.
TEST_F(XapianTermLimit, AShortTermWithNulBytesFailsAtCommitAndDiscardsEveryPendingDocument) {
  std::string term = std::string(120, '\0') + std::string(120, 'x');
  ASSERT_LE(term.size(), kXapianMaxTermBytes);
  database_.add_document(document_with_term(term));
  EXPECT_EQ(database_.get_doccount(), 101u);
  EXPECT_THROW(database_.commit(), Xapian::InvalidArgumentError);
  EXPECT_EQ(database_.get_doccount(), 0u);
  EXPECT_EQ(Xapian::Database(path()).get_doccount(), 0u);
}

// The same batch with the builder's document for the article with overlong fields: nothing lost.
TEST_F(XapianTermLimit, TheBuildersDocumentForOverlongFieldsKeepsThePendingBatch) {
  Article article = article_with_long_fields();
  database_.replace_document(id_term(article.id), build(article));
  database_.commit();
  Xapian::Database reader(path());
  EXPECT_EQ(reader.get_doccount(), 101u);
  EXPECT_TRUE(reader.term_exists(id_term(article.id)));
  EXPECT_TRUE(reader.term_exists("Qpending-99"));
}

}  // namespace
}  // namespace newsarchive
