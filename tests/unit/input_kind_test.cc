// Unit tests for ingest/input_kind: what names and contents say about how to read a file.
#include "ingest/input_kind.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsarchive {
namespace {

TEST(KindOfName, JudgesByTheNameInAnyCase) {
  struct Case {
    std::string name;
    InputKind kind;
    bool compressed;
  };
  const std::vector<Case> cases = {
      {"feed.jsonl", InputKind::kJsonLines, false},  {"feed.JSONL.GZ", InputKind::kJsonLines, true},
      {"a.ndjson.zst", InputKind::kJsonLines, true}, {"STORY.TXT", InputKind::kText, false},
      {"story.txt.bz2", InputKind::kText, true},     {"page.HTM", InputKind::kWebPage, false},
      {"page.xhtml.xz", InputKind::kWebPage, true},  {"news.rss", InputKind::kFeed, false},
      {"news.atom", InputKind::kFeed, false},        {"feed.xml", InputKind::kXml, false},
      {"crawl.warc.gz", InputKind::kWarc, true},     {"crawl.WARC", InputKind::kWarc, false},
      {"corpus.tar.gz", InputKind::kBundle, false},  {"corpus.tgz", InputKind::kBundle, false},
      {"corpus.Zip", InputKind::kBundle, false},     {"corpus.tar.zst", InputKind::kBundle, false},
      {"notes.md", InputKind::kUnknown, false},      {"feed.json", InputKind::kUnknown, false},
      {"feed.gz", InputKind::kUnknown, true},        {"feed.jsonl.bak", InputKind::kUnknown, false},
      {".txt", InputKind::kUnknown, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    NamedKind named = kind_of_name(c.name);
    EXPECT_EQ(kind_name(named.kind), kind_name(c.kind));
    EXPECT_EQ(named.compressed, c.compressed);
  }
}

TEST(SniffKind, JudgesUnnamedContentByItsOpening) {
  EXPECT_EQ(sniff_kind("WARC/1.0\r\nWARC-Type: warcinfo\r\n"), InputKind::kWarc);
  EXPECT_EQ(sniff_kind("  {\"id\": 1}\n"), InputKind::kJsonLines);
  EXPECT_EQ(sniff_kind("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"), InputKind::kFeed);
  EXPECT_EQ(sniff_kind("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), InputKind::kFeed);
  EXPECT_EQ(sniff_kind("<?xml version=\"1.0\"?><rdf:RDF>"), InputKind::kFeed);
  EXPECT_EQ(sniff_kind("<?xml version=\"1.0\"?><urlset>"), InputKind::kXml);
  EXPECT_EQ(sniff_kind("\xEF\xBB\xBF<!DOCTYPE html><html>"), InputKind::kWebPage);
  EXPECT_EQ(sniff_kind("date 2020-01-06\n\nText."), InputKind::kText);
  EXPECT_EQ(sniff_kind(""), InputKind::kText);
}

TEST(ExtensionLabel, NamesTheExtensionForMessages) {
  EXPECT_EQ(extension_label("Report.PDF"), ".pdf");
  EXPECT_EQ(extension_label("data.csv.gz"), ".csv.gz");
  EXPECT_EQ(extension_label("README"), "no extension");
  EXPECT_EQ(extension_label(".bashrc"), "no extension");
}

}  // namespace
}  // namespace newsarchive
