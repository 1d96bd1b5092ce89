// Unit tests for common/ingest/web_page: whole saved pages of four templates (tests/data/web/),
// charsets, and input that is not a page at all.
#include "ingest/web_page.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace newsarchive {
namespace {

std::string read_fixture(const std::string& name) {
  std::string path = std::string(NEWSARCHIVE_TEST_DATA_DIR) + "/web/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::string iso_of(const DraftArticle& draft) {
  return draft.date ? draft.date->iso() : "undated";
}

std::vector<std::string> paragraphs_of(const std::string& body) {
  std::vector<std::string> paragraphs;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find("\n\n", start);
    if (end == std::string::npos) end = body.size();
    paragraphs.push_back(body.substr(start, end - start));
    start = end + 2;
  }
  return paragraphs;
}

// Parses `bytes` and checks that libxml2 printed nothing while doing it.
DraftArticle parse_quietly(const std::string& bytes, const WebPageHints& hints = {}) {
  ::testing::internal::CaptureStderr();
  DraftArticle draft = parse_web_page(bytes, hints);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  return draft;
}

TEST(WebPage, WordPressPostWithoutCommentsSidebarOrShareButtons) {
  DraftArticle draft = parse_quietly(read_fixture("wordpress_blog.html"));
  EXPECT_EQ(draft.format, "html");
  EXPECT_EQ(draft.title, "Harvest Notes From the Valley");
  EXPECT_EQ(iso_of(draft), "2019-09-21");  // article:published_time beats <time> (09-20)
  EXPECT_EQ(draft.date_from, "meta");
  EXPECT_EQ(draft.author, "Jane Doe");  // the rel=author link
  EXPECT_EQ(draft.source, "Orchard Diary");
  EXPECT_EQ(draft.url, "https://orcharddiary.example/2019/09/21/harvest-notes/");
  EXPECT_EQ(paragraphs_of(draft.body),
            (std::vector<std::string>{
                "The first frost came early this year, and the pickers were out before dawn to "
                "bring in the last of the late apples from the upper terraces.",
                "We lost perhaps a tenth of the crop to the wind in August, but the fruit that "
                "stayed on the branches is sweeter than anything we have grown in a decade.",
                "What the cider press told us",
                "Our neighbour, who has pressed cider in the valley for forty years, says the "
                "sugar readings are the highest he has recorded since the dry summer of 1976.",
                "Next week we will open the barn on Saturday mornings, so anyone who wants a "
                "crate of windfalls for the press is welcome to come and fill one."}));
  for (const char* boilerplate : {"Share", "Recent Posts", "Subscribe", "lovely description",
                                  "Leave a Reply", "Copyright", "Tagged", "Script text"})
    EXPECT_EQ(draft.body.find(boilerplate), std::string::npos) << boilerplate;
}

TEST(WebPage, NewsPageTakesJsonLdAndDropsWidgets) {
  DraftArticle draft = parse_quietly(read_fixture("news_jsonld.html"));
  EXPECT_EQ(draft.title, "Council approves new river bridge");  // no og:title: the h1
  EXPECT_EQ(iso_of(draft), "2021-03-04");  // the first JSON-LD article, not the meta tag
  EXPECT_EQ(draft.date_from, "json-ld");
  EXPECT_EQ(draft.author, "Amira Khan, Tom Berg");
  EXPECT_EQ(draft.source, "The Riverside Courier");
  EXPECT_EQ(draft.url, "https://courier.example/news/council-approves-bridge-4711");  // og:url
  EXPECT_EQ(draft.body,
            "The city council voted on Thursday evening to approve a new pedestrian and cycle "
            "bridge across the river, ending a debate that has lasted almost six years.\n\n"
            "The bridge, which will link the old market district with the railway station, is "
            "expected to cost 14 million euros and to open in the spring of 2024.\n\n"
            "Opponents had argued that the money would be better spent on repairing existing "
            "roads, but the motion passed by 31 votes to 12 after a three-hour session.\n\n"
            "\xE2\x80\x9CThis is a crossing for the next hundred years,\xE2\x80\x9D the mayor "
            "told reporters outside the town hall after the vote.");
}

TEST(WebPage, OldTablePageInWindows1252DeclaredByHttpEquiv) {
  WebPageHints hints;
  hints.url = "http://gazette.example/1998/03/14/cafe.html";
  DraftArticle draft = parse_quietly(read_fixture("old_style_cp1252.html"), hints);
  EXPECT_EQ(draft.title, "Mayor opens caf\xC3\xA9 on the quay");  // " | Harbour Gazette" gone
  EXPECT_EQ(iso_of(draft), "1998-03-14");
  EXPECT_EQ(draft.date_from, "url");
  EXPECT_EQ(draft.author, "");
  EXPECT_EQ(draft.source, "");
  EXPECT_EQ(draft.url, hints.url);
  EXPECT_EQ(paragraphs_of(draft.body),
            (std::vector<std::string>{
                "The mayor cut the ribbon on Saturday at the new caf\xC3\xA9 on the quay, which "
                "fills the old customs house that has stood empty since the ferry stopped running.",
                "The owners, two sisters who grew up above the fish market, said they had spent "
                "eighteen months restoring the building\xE2\x80\x99s oak beams and stone floor.",
                "\xE2\x80\x9CWe wanted the harbour to have a place to sit and watch the boats "
                "again,\xE2\x80\x9D said the elder sister, who runs the kitchen."}));
}

TEST(WebPage, XhtmlPageWithTimeElementAndLineBreak) {
  DraftArticle draft = parse_quietly(read_fixture("xhtml_page.html"));
  EXPECT_EQ(draft.title,
            "Stadtbibliothek verl\xC3\xA4ngert \xC3\x96"
            "ffnungszeiten");
  EXPECT_EQ(iso_of(draft), "2016-11-02");
  EXPECT_EQ(draft.date_from, "time");
  EXPECT_EQ(draft.url, "");
  EXPECT_EQ(paragraphs_of(draft.body).size(), 3u);
  EXPECT_EQ(paragraphs_of(draft.body)[1],
            "Damit reagiert die Stadt auf eine Umfrage, in der sich mehr als zweitausend "
            "Leserinnen und Leser l\xC3\xA4ngere \xC3\x96"
            "ffnungszeiten gew\xC3\xBCnscht "
            "hatten.\nDie zus\xC3\xA4tzlichen Stunden werden von Ehrenamtlichen betreut.");
  for (const char* boilerplate : {"Startseite", "Impressum", "Karl Weber"})
    EXPECT_EQ(draft.body.find(boilerplate), std::string::npos) << boilerplate;
}

// A page whose paragraph holds "café" in the given bytes.
std::string cafe_page(std::string_view head, std::string_view cafe) {
  return std::string("<html><head>") + std::string(head) + "</head><body><p>The new " +
         std::string(cafe) +
         " on the quay opened on Saturday to a long queue of customers.</p></body></html>";
}

constexpr const char* kCafeBody =
    "The new caf\xC3\xA9 on the quay opened on Saturday to a long "
    "queue of customers.";

TEST(WebPage, MetaCharsetLatin1IsDecoded) {
  EXPECT_EQ(parse_quietly(cafe_page("<meta charset=\"iso-8859-1\">", "caf\xE9")).body, kCafeBody);
}

TEST(WebPage, HintCharsetOverridesThePageDeclaration) {
  WebPageHints hints;
  hints.charset = "UTF-8";
  std::string page = cafe_page("<meta charset=\"iso-8859-1\">", "caf\xC3\xA9");
  EXPECT_EQ(parse_quietly(page, hints).body, kCafeBody);
  // Without the hint the page's own (wrong) declaration is believed.
  EXPECT_EQ(parse_quietly(page).body.find("caf\xC3\xA9 "), std::string::npos);
}

TEST(WebPage, UndeclaredCharsetIsUtf8ElseWindows1252) {
  EXPECT_EQ(parse_quietly(cafe_page("", "caf\xC3\xA9")).body, kCafeBody);
  EXPECT_EQ(parse_quietly(cafe_page("", "caf\xE9")).body, kCafeBody);
}

TEST(WebPage, NonPagesGiveAnEmptyBody) {
  const std::vector<std::string> inputs = {"",
                                           std::string(3, '\0'),
                                           std::string("\xFF\xFE\x00<\x01\x02garbage\x80\x81", 14),
                                           "<<<>>><!-- ",
                                           "<html><body></body></html>",
                                           "just a few words"};
  for (const std::string& input : inputs) {
    DraftArticle draft = parse_quietly(input);
    EXPECT_EQ(draft.body, "") << "input of " << input.size() << " bytes";
    EXPECT_EQ(draft.format, "html");
    EXPECT_FALSE(draft.date.has_value());
  }
}

std::string nested_page(int depth) {
  std::string page = "<html><body>";
  for (int i = 0; i < depth; ++i) page += "<div>";
  return page + "<p>A paragraph at the bottom of a deep pile of unclosed division elements.</p>";
}

TEST(WebPage, DeepPagesAreReadWithoutCrashing) {
  EXPECT_EQ(parse_quietly(nested_page(200)).body,
            "A paragraph at the bottom of a deep pile of unclosed division elements.");
  // libxml2 gives up past its nesting limit (256 levels): an empty draft, not a crash.
  DraftArticle deep = parse_quietly(nested_page(100000));
  EXPECT_EQ(deep.body, "");
  EXPECT_EQ(deep.format, "html");
}

}  // namespace
}  // namespace newsarchive
