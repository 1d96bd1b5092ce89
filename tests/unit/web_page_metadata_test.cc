// Unit tests for common/ingest/web_page_metadata: the order of the date sources, JSON-LD
// shapes, URL dates, site names in titles and bylines.
#include "ingest/web_page_metadata.h"

#include <gtest/gtest.h>

#include <string>

namespace newsarchive {
namespace {

PageMetadata metadata_of(const std::string& html, const std::string& url = "") {
  WebPageHints hints;
  hints.url = url;
  return read_page_metadata(HtmlDocument::parse(html, ""), hints);
}

std::string iso_of(const std::optional<Date>& date) {
  return date ? date->iso() : "undated";
}

TEST(WebPageMetadata, DateSourcesInOrder) {
  const std::string ld =
      R"(<script type="application/ld+json">{"@type":"Article","datePublished":"2020-01-06"})"
      "</script>";
  const std::string meta = R"(<meta property="article:published_time" content="2020-02-07">)";
  const std::string time = R"(<time datetime="2020-03-08T10:00">8 March</time>)";
  const std::string url = "https://example.com/2020/04/09/story";
  PageMetadata all = metadata_of(ld + meta + time, url);
  EXPECT_EQ(iso_of(all.date) + " " + all.date_from, "2020-01-06 json-ld");
  PageMetadata no_ld = metadata_of(meta + time, url);
  EXPECT_EQ(iso_of(no_ld.date) + " " + no_ld.date_from, "2020-02-07 meta");
  PageMetadata only_time = metadata_of(time, url);
  EXPECT_EQ(iso_of(only_time.date) + " " + only_time.date_from, "2020-03-08 time");
  PageMetadata only_url = metadata_of("<p>text</p>", url);
  EXPECT_EQ(iso_of(only_url.date) + " " + only_url.date_from, "2020-04-09 url");
  PageMetadata none = metadata_of("<p>text</p>");
  EXPECT_EQ(iso_of(none.date) + " [" + none.date_from + "]", "undated []");
}

TEST(WebPageMetadata, OtherDateMetaNames) {
  EXPECT_EQ(
      iso_of(metadata_of(R"(<meta name="sailthru.date" content="2018-10-09 11:02:00">)").date),
      "2018-10-09");
  EXPECT_EQ(iso_of(metadata_of(R"(<meta itemprop="datePublished" content="2017-11-23">)").date),
            "2017-11-23");
  EXPECT_EQ(iso_of(metadata_of(R"(<meta name="DC.date.issued" content="2016-05-04">)").date),
            "2016-05-04");
}

TEST(WebPageMetadata, JsonLdInArraysAndGraphs) {
  JsonLdArticle array;
  read_json_ld(R"([{"@type":"Organization","name":"X"},
                   {"@type":["ReportageNewsArticle"],"datePublished":"2019-11-19",
                    "author":{"name":"By  Ana Lima"},"publisher":{"name":"Daily"}}])",
               array);
  EXPECT_TRUE(array.found);
  EXPECT_EQ(array.date_published, "2019-11-19");
  EXPECT_EQ(array.author, "Ana Lima");
  EXPECT_EQ(array.publisher, "Daily");
  JsonLdArticle graph;
  read_json_ld(R"({"@graph":[{"@type":"WebPage"},{"@type":"BlogPosting","author":"Bo"}]})", graph);
  EXPECT_EQ(graph.author, "Bo");
  read_json_ld(R"({"@type":"NewsArticle","author":"Later block"})", graph);
  EXPECT_EQ(graph.author, "Bo");  // the first article found stays
}

TEST(WebPageMetadata, MalformedJsonLdIsIgnored) {
  JsonLdArticle article;
  read_json_ld(R"({"@type":"NewsArticle","datePublished":)", article);
  read_json_ld("\xFF\xFE not json", article);
  read_json_ld(R"({"@type":"NewsArticle","datePublished":42,"author":[1,{"name":7}]})", article);
  EXPECT_TRUE(article.found);
  EXPECT_EQ(article.date_published, "");
  EXPECT_EQ(article.author, "");
}

TEST(WebPageMetadata, DateInUrl) {
  EXPECT_EQ(iso_of(date_in_url("https://x.com/2020/01/06/story.html")), "2020-01-06");
  EXPECT_EQ(iso_of(date_in_url("https://x.com/story/2019-11-19/slug")), "2019-11-19");
  EXPECT_EQ(iso_of(date_in_url("https://x.com/2019/11/8/20948348/slug")), "2019-11-08");
  EXPECT_EQ(iso_of(date_in_url("https://x.com/a/20181009/b")), "2018-10-09");
  EXPECT_EQ(iso_of(date_in_url("https://x.com/2020/01/story")), "undated");
  EXPECT_EQ(iso_of(date_in_url("https://x.com/2024/02/30/story")), "undated");
  EXPECT_EQ(iso_of(date_in_url("https://2020-01-06.x.com/story")), "undated");  // host, not path
  EXPECT_EQ(iso_of(date_in_url("https://x.com/id/201911181077343476-title")), "undated");
}

TEST(WebPageMetadata, SiteNameLeavesTitles) {
  EXPECT_EQ(strip_site_name("Bridge approved | The Courier", "The Courier"), "Bridge approved");
  EXPECT_EQ(strip_site_name("Bridge approved - the courier", "The Courier"), "Bridge approved");
  EXPECT_EQ(strip_site_name("The Courier: Bridge approved", "The Courier"), "Bridge approved");
  EXPECT_EQ(strip_site_name("Bridge approved \xE2\x80\x93 Courier", "Courier"), "Bridge approved");
  EXPECT_EQ(strip_site_name("Bridge - approved", "The Courier"), "Bridge - approved");
  EXPECT_EQ(strip_site_name("Bridge approved | Courier Online", ""), "Bridge approved");
  EXPECT_EQ(strip_site_name("A | title with a long tail of many words", ""),
            "A | title with a long tail of many words");
}

TEST(WebPageMetadata, HeadlineAuthorSourceAndUrlSources) {
  PageMetadata og = metadata_of(
      R"(<title>T | Site</title><meta property="og:title" content="OG headline | Site">)"
      R"(<meta property="og:site_name" content="Site"><link rel="canonical" href="/a/b">)"
      R"(<meta name="author" content="By Meta Person"><h1>Heading</h1>)",
      "https://site.example/x?y=1");
  EXPECT_EQ(og.title, "OG headline");
  EXPECT_EQ(og.source, "Site");
  EXPECT_EQ(og.url, "https://site.example/a/b");
  EXPECT_EQ(og.author, "Meta Person");
  PageMetadata h1 = metadata_of("<title>T | Site</title><h1> The  heading </h1>");
  EXPECT_EQ(h1.title, "The heading");
  PageMetadata title = metadata_of(
      R"(<title>Plain title - Gazette</title><meta property="og:site_name" content="Gazette">)"
      R"(<div class="byline">by Kim Park</div>)");
  EXPECT_EQ(title.title, "Plain title");
  EXPECT_EQ(title.author, "Kim Park");
  PageMetadata publisher =
      metadata_of(R"(<script type="application/ld+json">{"@type":"NewsArticle","publisher":"Pub"})"
                  "</script>");
  EXPECT_EQ(publisher.source, "Pub");
}

TEST(WebPageMetadata, TidyAuthor) {
  EXPECT_EQ(tidy_author("  By\n Jane   Doe "), "Jane Doe");
  EXPECT_EQ(tidy_author(std::string(300, 'x')), "");
}

}  // namespace
}  // namespace newsarchive
