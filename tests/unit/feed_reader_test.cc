// Unit tests for common/ingest/feed_reader: RSS 2.0, RSS 1.0 (RDF) and Atom feeds.
#include "ingest/feed_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace newsarchive {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(NEWSARCHIVE_TEST_DATA_DIR) + "/feeds/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// Every field of a draft, one per line: a failure shows exactly what differs.
std::string fields(const DraftArticle& draft) {
  std::string date = draft.date ? draft.date->iso() + " (" + draft.date_from + ")" : "none";
  return "id=" + draft.id + "\nurl=" + draft.url + "\ntitle=" + draft.title +
         "\nauthor=" + draft.author + "\nsource=" + draft.source + "\ndate=" + date +
         "\nformat=" + draft.format + "\nbody=" + draft.body;
}

struct Parsed {
  std::vector<DraftArticle> drafts;
  std::string error;
  std::string printed;  // what went to stderr meanwhile
};

Parsed parse(std::string_view document) {
  Parsed parsed;
  ::testing::internal::CaptureStderr();
  parsed.error =
      parse_feed(document, [&](DraftArticle draft) { parsed.drafts.push_back(std::move(draft)); });
  parsed.printed = ::testing::internal::GetCapturedStderr();
  return parsed;
}

TEST(ParseFeed, Rss2ItemsWithContentGuidsDatesAndAuthors) {
  Parsed parsed = parse(fixture("rss2.xml"));
  EXPECT_EQ(parsed.error, "");
  EXPECT_EQ(parsed.printed, "");
  ASSERT_EQ(parsed.drafts.size(), 4u);
  // content:encoded in CDATA beats the teaser; the guid is not a permalink, so the link is the url.
  EXPECT_EQ(fields(parsed.drafts[0]),
            "id=planet-1001\nurl=https://planet.example/2020/01/troops\n"
            "title=Troops stay in Iraq\nauthor=Jane Doe\nsource=The Daily Planet\n"
            "date=2020-01-06 (pubDate)\nformat=rss\n"
            "body=Esper said the troops stay.\n\nA letter had said otherwise.");
  // A permalink guid and no link: the guid is both; escaped HTML in the description; entities
  // escaped twice in the title are decoded.
  EXPECT_EQ(fields(parsed.drafts[1]),
            "id=https://planet.example/2020/01/letter\nurl=https://planet.example/2020/01/letter\n"
            "title=Letter & leak\nauthor=John Roe\nsource=The Daily Planet\n"
            "date=2020-01-07 (pubDate)\nformat=rss\n"
            "body=The draft letter was sent.\n\nOne\n\nTwo");
  // No guid: the link is the id.
  EXPECT_EQ(
      fields(parsed.drafts[2]),
      "id=https://planet.example/2020/01/funeral\nurl=https://planet.example/2020/01/funeral\n"
      "title=Funeral held\nauthor=Mary Major\nsource=The Daily Planet\ndate=none\n"
      "format=rss\nbody=Crowds mourned.\n\nThousands came.");
  // Neither: no id (the caller numbers it); a bare address is no author.
  EXPECT_EQ(fields(parsed.drafts[3]),
            "id=\nurl=\ntitle=\nauthor=\nsource=The Daily Planet\ndate=none\nformat=rss\n"
            "body=No title, no link, no guid.");
}

TEST(ParseFeed, RdfItemsWithDcDates) {
  Parsed parsed = parse(fixture("rdf.xml"));
  EXPECT_EQ(parsed.error, "");
  ASSERT_EQ(parsed.drafts.size(), 2u);
  EXPECT_EQ(fields(parsed.drafts[0]),
            "id=https://wire.example/a\nurl=https://wire.example/a\ntitle=Markets rally\n"
            "author=Ann Analyst\nsource=Wire Service\ndate=2020-01-08 (dc:date)\nformat=rdf\n"
            "body=Stocks rose sharply.");
  // No link: rdf:about names the item.
  EXPECT_EQ(fields(parsed.drafts[1]),
            "id=https://wire.example/b\nurl=https://wire.example/b\ntitle=Oil falls\nauthor=\n"
            "source=Wire Service\ndate=2020-01-09 (dc:date)\nformat=rdf\nbody=");
}

TEST(ParseFeed, AtomEntriesWithXhtmlContentSummariesAndDates) {
  Parsed parsed = parse(fixture("atom.xml"));
  EXPECT_EQ(parsed.error, "");
  ASSERT_EQ(parsed.drafts.size(), 2u);
  // published beats updated; the alternate link beats rel="self"; xhtml content beats summary.
  EXPECT_EQ(fields(parsed.drafts[0]),
            "id=urn:example:times:1\nurl=https://times.example/2020/01/court\n"
            "title=Court rules\nauthor=Sam Clerk\nsource=Example Times\n"
            "date=2020-01-09 (published)\nformat=atom\n"
            "body=Ruling\n\nThe court ruled five to four.\n\nWe disagree.");
  // Only updated; only a non-alternate link; summary only, plain text; the feed's author.
  EXPECT_EQ(fields(parsed.drafts[1]),
            "id=urn:example:times:2\nurl=https://times.example/storm.mp3\ntitle=Storm warning\n"
            "author=Desk Editor\nsource=Example Times\ndate=2020-01-10 (updated)\nformat=atom\n"
            "body=Winds of 100 km/h are expected.\n\nStay inside & keep calm.");
}

TEST(ParseFeed, TruncatedFeedGivesTheItemsBeforeTheBreakAndAnError) {
  Parsed parsed = parse(fixture("truncated.xml"));
  EXPECT_EQ(parsed.error, "not well-formed XML at line 29: expected '>'");
  EXPECT_EQ(parsed.printed, "");
  ASSERT_EQ(parsed.drafts.size(), 2u);
  EXPECT_EQ(parsed.drafts[0].id, "planet-1001");
  EXPECT_EQ(parsed.drafts[1].id, "https://planet.example/2020/01/letter");
}

TEST(ParseFeed, ErrorInTheMiddleStopsBeforeTheBrokenItem) {
  Parsed parsed = parse(
      "<rss><channel><title>T</title>\n"
      "<item><guid>a</guid></item>\n"
      "<item><guid>b</guid><title>x</titel></item>\n"
      "<item><guid>c</guid></item>\n"
      "</channel></rss>\n");
  EXPECT_EQ(
      parsed.error,
      "not well-formed XML at line 3: Opening and ending tag mismatch: title line 3 and titel");
  ASSERT_EQ(parsed.drafts.size(), 1u);
  EXPECT_EQ(parsed.drafts[0].id, "a");
}

TEST(ParseFeed, UndeclaredEntitiesAndPrefixesLoseNoItem) {
  Parsed parsed = parse(
      "<rss><channel><title>T</title>\n"
      "<item><title>Caf&eacute; opens</title><media:thumbnail url='x'/><guid>a</guid></item>\n"
      "<item><guid>b</guid></item>\n"
      "</channel></rss>\n");
  EXPECT_EQ(parsed.error, "");
  EXPECT_EQ(parsed.printed, "");
  ASSERT_EQ(parsed.drafts.size(), 2u);
  EXPECT_EQ(parsed.drafts[0].title, "Caf opens");
  EXPECT_EQ(parsed.drafts[1].id, "b");
}

TEST(ParseFeed, NotAFeed) {
  EXPECT_EQ(parse("<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>").error,
            "no rss, rdf or feed element");
  EXPECT_EQ(parse("").error, "not well-formed XML at line 1: Document is empty");
  Parsed garbage = parse(std::string("\x01\xff\xfe garbage \0 <<<", 17));
  EXPECT_EQ(garbage.error.rfind("not well-formed XML at line 1", 0), 0u) << garbage.error;
  EXPECT_TRUE(garbage.drafts.empty());
  EXPECT_EQ(garbage.printed, "");
}

// Nested entities: `levels` deep, each ten of the one below, in every field of one item.
std::string entity_bomb(int levels) {
  std::string bomb = "<?xml version='1.0'?>\n<!DOCTYPE rss [\n<!ENTITY a0 'lol'>\n";
  for (int i = 1; i <= levels; ++i) {
    bomb += "<!ENTITY a" + std::to_string(i) + " '";
    for (int j = 0; j < 10; ++j) bomb += "&a" + std::to_string(i - 1) + ";";
    bomb += "'>\n";
  }
  std::string top = "&a" + std::to_string(levels) + ";";
  return bomb + "]>\n<rss><channel><title>" + top + "</title><item><guid>" + top +
         "x</guid><description>" + top + "</description><link href='" + top + "'>" + top +
         "</link></item></channel></rss>\n";
}

TEST(ParseFeed, BadBytesForTheDeclaredEncodingPrintNothing) {
  Parsed parsed = parse(
      "<?xml version='1.0' encoding='EUC-JP'?>\n<rss><channel><title>\xff\xfe\xff</title>"
      "<item><guid>a</guid></item></channel></rss>\n");
  EXPECT_EQ(parsed.printed, "");
  // The conversion stops at the bad bytes: what came before is all the parser saw.
  EXPECT_EQ(parsed.error,
            "not well-formed XML at line 2: Premature end of data in tag title line 2");
  EXPECT_TRUE(parsed.drafts.empty());
}

TEST(ParseFeed, EntityBombsAreStoppedByTheParser) {
  Parsed parsed = parse(entity_bomb(12));
  EXPECT_EQ(parsed.printed, "");
  EXPECT_EQ(parsed.error.rfind("not well-formed XML at line ", 0), 0u) << parsed.error;
  EXPECT_NE(parsed.error.find("entity reference loop"), std::string::npos) << parsed.error;
  EXPECT_TRUE(parsed.drafts.empty());
}

TEST(ParseFeed, DeclaredEntitiesAreNeverExpanded) {
  // Small enough for libxml2's amplification limit: the text is ours to expand, and is not.
  Parsed parsed = parse(entity_bomb(1));
  EXPECT_EQ(parsed.error, "");
  ASSERT_EQ(parsed.drafts.size(), 1u);
  EXPECT_EQ(fields(parsed.drafts[0]),
            "id=x\nurl=x\ntitle=\nauthor=\nsource=\ndate=none\nformat=rss\nbody=");
}

TEST(ParseFeed, ExternalEntitiesAreNotLoaded) {
  testing::TempDir dir;
  testing::write_file(dir.path() / "secret.txt", "SECRET-CONTENT");
  std::string document = "<?xml version='1.0'?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM 'file://" +
                         (dir.path() / "secret.txt").string() +
                         "'>]>\n<rss><channel><item><guid>g</guid><description>&x;</description>"
                         "</item></channel></rss>\n";
  Parsed parsed = parse(document);
  EXPECT_EQ(parsed.error, "");
  ASSERT_EQ(parsed.drafts.size(), 1u);
  EXPECT_EQ(parsed.drafts[0].body, "");
}

TEST(LooksLikeFeed, TellsFeedsFromOtherXmlAndHtml) {
  EXPECT_TRUE(looks_like_feed(fixture("rss2.xml").substr(0, 300)));
  EXPECT_TRUE(looks_like_feed(fixture("rdf.xml").substr(0, 300)));
  EXPECT_TRUE(looks_like_feed(fixture("atom.xml").substr(0, 300)));
  EXPECT_TRUE(looks_like_feed(
      "\xEF\xBB\xBF<?xml version='1.0'?>\n<!-- a comment > here -->\n"
      "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" [ <!ENTITY x 'y'> ]>"
      "\n<?xml-stylesheet href='s.xsl'?>\n<rss version='0.91'><channel>"));
  EXPECT_TRUE(looks_like_feed("<a:feed xmlns:a='http://www.w3.org/2005/Atom'>"));

  EXPECT_FALSE(looks_like_feed(
      "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"));
  EXPECT_FALSE(looks_like_feed("<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'>"));
  EXPECT_FALSE(looks_like_feed("<!DOCTYPE html><html><head><title>rss</title>"));
  EXPECT_FALSE(looks_like_feed("<feed><entry/></feed>"));  // not Atom's namespace
  EXPECT_FALSE(looks_like_feed(
      "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description/>"));
  EXPECT_FALSE(looks_like_feed("<?xml version='1.0"));
  EXPECT_FALSE(looks_like_feed(""));
  EXPECT_FALSE(looks_like_feed("rss is a feed format"));
}

}  // namespace
}  // namespace newsarchive
