// Integration: malformed input (the fixtures in tests/data/malformed/, and large or special files
// made here) indexed through run_index next to a good article. Each case checks the exact
// warning and skip lines (file or file:line, and the reason), the report's counts, and that what
// should be searchable is. Also: terms too long for Xapian never cost the uncommitted batch.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "entities/person_names.h"
#include "index/index_run.h"
#include "ingest/jsonl_reader.h"
#include "query/search.h"
#include "store/document_builder.h"
#include "test_support.h"
#include "text/text_cleanup.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;
using newsarchive::testing::TempDir;
using newsarchive::testing::write_file;
using Lines = std::vector<std::string>;
using Ids = std::vector<std::string>;

const fs::path kFixtures = fs::path(NEWSARCHIVE_TEST_DATA_DIR) / "malformed";

struct Outcome {
  IndexReport report;
  Lines warnings;  // "warning: archive/empty.txt: skipped: empty file", in the order logged
};

// The report's counts that these tests check, compared in one go for readable failures.
struct Counts {
  size_t added = 0;
  size_t skipped = 0;
  size_t unreadable = 0;
  size_t undated = 0;
  size_t warnings = 0;
  bool operator==(const Counts&) const = default;
};

void PrintTo(const Counts& c, std::ostream* out) {
  *out << "{added " << c.added << ", skipped " << c.skipped << ", unreadable " << c.unreadable
       << ", undated " << c.undated << ", warnings " << c.warnings << "}";
}

Counts counts_of(const IndexReport& report) {
  return Counts{report.added, report.skipped, report.unreadable_inputs, report.undated,
                report.warnings};
}

// Runs run_index over `inputs`, capturing warning lines with `archive` shown as "archive".
Outcome run(const fs::path& database, const std::vector<fs::path>& inputs, const fs::path& archive,
            size_t writers = 1, size_t commit_every = 1000, double commit_seconds = 10) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  spdlog::logger log("test", sink);
  log.set_pattern("%l: %v");
  IndexOptions options;
  options.database = database;
  options.inputs = inputs;
  options.writers = writers;
  options.commit_every = commit_every;
  options.commit_seconds = commit_seconds;
  Outcome outcome;
  outcome.report = run_index(options, log);
  log.flush();
  std::istringstream lines(captured.str());
  const std::string prefix = archive.string();
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("warning: ")) continue;
    for (size_t at = line.find(prefix); at != std::string::npos; at = line.find(prefix, at))
      line.replace(at, prefix.size(), "archive");
    outcome.warnings.push_back(line);
  }
  return outcome;
}

Ids sorted(Ids ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

// An archive directory holding good.txt and the fixtures a test adds, indexed into a fresh
// database.
class MalformedInput : public ::testing::Test {
 protected:
  void SetUp() override { add_fixtures({"good.txt"}); }

  fs::path archive() const { return dir_.path() / "archive"; }
  fs::path database() const { return dir_.path() / "db"; }

  void add_fixtures(const std::vector<std::string>& names) {
    fs::create_directories(archive());
    for (const std::string& name : names) fs::copy_file(kFixtures / name, archive() / name);
  }

  Outcome index() { return run(database(), {archive()}, archive()); }

  SearchResult search(const std::string& query, std::optional<DatePeriod> from = std::nullopt,
                      std::optional<DatePeriod> to = std::nullopt) {
    Searcher searcher({database().string()});
    SearchRequest request;
    request.query = query;
    request.from = from;
    request.to = to;
    request.limit = 100;
    // Every article: fixtures such as the two giant bodies cut to the same 8 MiB are copies of
    // one story, which a collapsed search would show once.
    request.duplicates = DuplicateMode::kShow;
    return searcher.search(request);
  }

  Ids ids_matching(const std::string& query, std::optional<DatePeriod> from = std::nullopt,
                   std::optional<DatePeriod> to = std::nullopt) {
    Ids ids;
    for (const Hit& hit : search(query, from, to).hits) ids.push_back(hit.id);
    return sorted(ids);
  }

  // The headline stored for the one article matching `query`.
  std::string title_of(const std::string& query) {
    SearchResult result = search(query);
    if (result.hits.size() != 1) return "(" + std::to_string(result.hits.size()) + " hits)";
    return result.hits[0].title.text;
  }

  TempDir dir_;
};

TEST_F(MalformedInput, AnEmptyTextFileIsSkippedAndAnEmptyJsonLinesFileHoldsNoArticles) {
  add_fixtures({"empty.txt", "empty.jsonl"});
  Outcome outcome = index();
  EXPECT_EQ(outcome.warnings, (Lines{"warning: archive/empty.txt: skipped: empty file"}));
  EXPECT_EQ(counts_of(outcome.report), (Counts{.added = 1, .skipped = 1}));
  EXPECT_EQ(ids_matching("harbour"), (Ids{"good.txt"}));
}

TEST_F(MalformedInput, BinaryFilesAreSkippedWithoutIndexingJunk) {
  add_fixtures({"binary-nul.txt", "png-header.txt"});
  Outcome outcome = index();
  EXPECT_EQ(
      outcome.warnings,
      (Lines{"warning: archive/binary-nul.txt: skipped: binary file (NUL byte at offset 23)",
             "warning: archive/png-header.txt: skipped: binary file (NUL byte at offset 8)"}));
  EXPECT_EQ(counts_of(outcome.report), (Counts{.added = 1, .skipped = 2}));
  EXPECT_EQ(ids_matching("harbour"), (Ids{"good.txt"}));
  EXPECT_EQ(ids_matching("ferry"), Ids{});
  Xapian::Database db(database().string());
  for (const char* term : {"ihdr", "png", "junk", "binary"}) EXPECT_FALSE(db.term_exists(term));
}

TEST_F(MalformedInput, InvalidUtf8AndWindows1252TextIsReadWithAWarning) {
  add_fixtures({"invalid-utf8.txt", "latin1.txt", "cp1252.txt"});
  Outcome outcome = index();
  EXPECT_EQ(outcome.warnings,
            (Lines{"warning: archive/cp1252.txt: invalid UTF-8; bytes read as Windows-1252",
                   "warning: archive/invalid-utf8.txt: invalid UTF-8; bytes read as Windows-1252",
                   "warning: archive/latin1.txt: invalid UTF-8; bytes read as Windows-1252"}));
  EXPECT_EQ(counts_of(outcome.report), (Counts{.added = 4, .warnings = 3}));
  EXPECT_EQ(ids_matching("caf\xC3\xA9"), (Ids{"invalid-utf8.txt", "latin1.txt"}));
  EXPECT_EQ(ids_matching("p\xC3\xAA"
                         "cheurs"),
            (Ids{"latin1.txt"}));
  EXPECT_EQ(ids_matching("kiosk"), (Ids{"cp1252.txt"}));
  EXPECT_EQ(title_of("kiosk"),
            "\xE2\x80\x9CSmart quotes\xE2\x80\x9D cost \xE2\x82\xAC"
            "5 at the kiosk \xE2\x80\x94 said the vendor.");
  EXPECT_EQ(ids_matching("harbour"), (Ids{"good.txt"}));
}

TEST_F(MalformedInput, Utf16WithAByteOrderMarkIsTranscodedWithOneWarningPerFile) {
  add_fixtures({"utf16le-bom.txt", "utf16be-bom.txt", "utf16le-bom.jsonl"});
  Outcome outcome = index();
  EXPECT_EQ(outcome.warnings,
            (Lines{"warning: archive/utf16be-bom.txt: UTF-16BE text; transcoded to UTF-8",
                   "warning: archive/utf16le-bom.jsonl: UTF-16LE text; transcoded to UTF-8",
                   "warning: archive/utf16le-bom.txt: UTF-16LE text; transcoded to UTF-8"}));
  EXPECT_EQ(counts_of(outcome.report), (Counts{.added = 5, .warnings = 3}));
  EXPECT_EQ(ids_matching("z\xC3\xBCrich"), (Ids{"utf16-1", "utf16le-bom.txt"}));
  EXPECT_EQ(ids_matching("krak\xC3\xB3w"), (Ids{"utf16be-bom.txt"}));
  EXPECT_EQ(ids_matching("canal"), (Ids{"utf16-2"}));
  EXPECT_EQ(title_of("glacier"), "Glacier museum grows");
}

TEST_F(MalformedInput, CrlfLineEndsAreReadSilently) {
  add_fixtures({"crlf.txt", "crlf.jsonl"});
  Outcome outcome = index();
  EXPECT_EQ(outcome.warnings, Lines{});
  EXPECT_EQ(counts_of(outcome.report), (Counts{.added = 4}));
  EXPECT_EQ(title_of("marathon"), "Marathon route changes");
  EXPECT_EQ(search("marathon").hits.at(0).snippet.text,
            "The marathon route changed, runners said.");
  EXPECT_EQ(ids_matching("bakery OR library"), (Ids{"crlf-1", "crlf-2"}));
}

// The policy: no date, an impossible one (2024-02-30, year 0, 9999-12-31, all rejected by the
// parser) or one more than a year ahead (2999-12-31) indexes the article undated. A broken date
// is warned about; a missing one is not: the run ends with one line about every undated article.
TEST_F(MalformedInput, MissingImpossibleAndFarFutureDatesIndexTheArticleUndated) {
  add_fixtures({"no-date.txt", "date-impossible.txt", "date-year-zero.txt", "date-far-future.txt",
                "date-next-millennium.txt", "dates.jsonl"});
  Outcome outcome = index();
  EXPECT_EQ(
      outcome.warnings,
      (Lines{"warning: archive/date-far-future.txt: no valid date in dateline 'date 9999-12-31'",
             "warning: archive/date-impossible.txt: no valid date in dateline 'date 2024-02-30'",
             "warning: archive/date-next-millennium.txt: date 2999-12-31 (dateline) is more than "
             "a year in the future; not used",
             "warning: archive/date-year-zero.txt: no valid date in dateline '0000-01-01'",
             "warning: archive/dates.jsonl:2: invalid date '2024-02-30'",
             "warning: archive/dates.jsonl:3: invalid date '0000-00-00'",
             "warning: archive/dates.jsonl:4: invalid date '9999-12-31'",
             "warning: archive/dates.jsonl:5: date 2999-12-31 (json) is more than a year in the "
             "future; not used",
             "warning: 10 articles have no date and were indexed undated "
             "(archive/date-far-future.txt, archive/date-impossible.txt, "
             "archive/date-next-millennium.txt, ...); --log-file FILE keeps the full list"}));
  EXPECT_EQ(counts_of(outcome.report), (Counts{.added = 12, .undated = 10, .warnings = 8}));
  // Date filters see only the dated articles; the undated ones are found by their words, and a
  // broken dateline is not part of the body.
  DatePeriod year2021 = *parse_date_period("2021");
  EXPECT_EQ(ids_matching("", year2021, year2021), (Ids{"dates-valid", "good.txt"}));
  EXPECT_EQ(ids_matching("", *parse_date_period("2999"), std::nullopt), Ids{});
  EXPECT_EQ(ids_matching("telescope OR turtle OR planetarium OR greenhouse OR vineyard"),
            (Ids{"date-far-future.txt", "date-impossible.txt", "date-next-millennium.txt",
                 "date-year-zero.txt", "no-date.txt"}));
  EXPECT_EQ(search("turtle").hits.at(0).snippet.text, "The aquarium welcomed a rescued turtle.");
  EXPECT_FALSE(search("turtle").hits.at(0).date.has_value());
}

TEST_F(MalformedInput, AJsonSyntaxErrorOrTruncatedLastLineSkipsOnlyThatLine) {
  add_fixtures({"syntax-error.jsonl", "truncated.jsonl"});
  Outcome outcome = index();
  EXPECT_EQ(outcome.warnings,
            (Lines{"warning: archive/syntax-error.jsonl:3: skipped: JSON syntax error at byte 65",
                   "warning: archive/truncated.jsonl:2: skipped: JSON syntax error at byte 61"}));
  EXPECT_EQ(counts_of(outcome.report), (Counts{.added = 5, .skipped = 2}));
  EXPECT_EQ(ids_matching("castle OR zoo OR stadium OR opera"),
            (Ids{"syntax-1", "syntax-2", "syntax-4", "truncated-1"}));
}

TEST_F(MalformedInput, AByteOrderMarkOnAJsonLinesFileIsDroppedSilently) {
  add_fixtures({"bom.jsonl"});
  Outcome outcome = index();
  EXPECT_EQ(outcome.warnings, Lines{});
  EXPECT_EQ(counts_of(outcome.report), (Counts{.added = 3}));
  EXPECT_EQ(ids_matching("ski"), (Ids{"bom-1"}));
  EXPECT_EQ(ids_matching("harbour"), (Ids{"bom-2", "good.txt"}));
}

// Writes `piece` `times` times to `out`, so a large file never sits in the test's memory.
void write_repeated(std::ofstream& out, std::string_view piece, size_t times) {
  for (size_t i = 0; i < times; ++i)
    out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
}

// The reader holds at most kMaxJsonLineBytes of a line (the peak RSS of this case on the real
// newsindex is in the report that came with this test, not checked here).
TEST_F(MalformedInput, AHundredMegabyteJsonLineIsSkippedNamingItsLine) {
  {
    std::ofstream out(archive() / "huge.jsonl", std::ios::binary);
    out << R"({"id": "before", "date": "2021-03-26", "title": "Quay", "body": "The quay opened."})"
        << "\n";
    out << R"({"id": "huge", "date": "2021-03-26", "title": "Huge", "body": ")";
    write_repeated(out, "lorem ipsum ", (100u << 20) / 12);
    out << "\"}\n";
    out << R"({"id": "after", "date": "2021-03-27", "title": "Dock", "body": "The dock closed."})"
        << "\n";
  }
  ASSERT_GT(fs::file_size(archive() / "huge.jsonl"), 100u << 20);
  Outcome outcome = index();
  EXPECT_EQ(outcome.warnings,
            (Lines{"warning: archive/huge.jsonl:2: skipped: line longer than 64 MiB"}));
  EXPECT_EQ(counts_of(outcome.report), (Counts{.added = 3, .skipped = 1}));
  EXPECT_EQ(ids_matching("quay OR dock OR harbour"), (Ids{"after", "before", "good.txt"}));
  EXPECT_EQ(ids_matching("lorem"), Ids{});
}

// 50 MiB of "Quarry works continue. " (24 bytes) and a last paragraph naming a zeppelin: only the
// first 8 MiB of body are indexed and stored, so the zeppelin is not found.
TEST_F(MalformedInput, AFiftyMegabyteArticleIsIndexedCutTo8MiBWithAWarning) {
  const std::string sentence = "Quarry works continue. ";
  ASSERT_EQ(sentence.size(), 23u);
  const size_t sentences = (50u << 20) / sentence.size();
  {
    std::ofstream out(archive() / "giant.txt", std::ios::binary);
    out << "date 2021-03-25\n\n";
    write_repeated(out, sentence, sentences);
    out << "\n\nThe zeppelin arrived at last.\n\nOriginally published as Giant quarry report\n";
    std::ofstream jsonl(archive() / "giant.jsonl", std::ios::binary);
    jsonl << R"({"id": "giant-feed", "date": "2021-03-25", "title": "Giant feed", "body": ")";
    write_repeated(jsonl, sentence, sentences);
    jsonl << "The airship left.\"}\n";
  }
  // Text: the paragraph loses its trailing space, and "\n\n" joins the zeppelin's.
  const size_t text_body = sentences * sentence.size() - 1 + 2 + 29;
  const size_t jsonl_body = sentences * sentence.size() + 17;
  Outcome outcome = index();
  EXPECT_EQ(outcome.warnings, (Lines{"warning: archive/giant.jsonl:1: body of " +
                                         std::to_string(jsonl_body) + " bytes cut to 8 MiB",
                                     "warning: archive/giant.txt: body of " +
                                         std::to_string(text_body) + " bytes cut to 8 MiB"}));
  EXPECT_EQ(counts_of(outcome.report), (Counts{.added = 3, .warnings = 2}));
  EXPECT_EQ(ids_matching("quarry"), (Ids{"giant-feed", "giant.txt"}));
  EXPECT_EQ(ids_matching("zeppelin OR airship"), Ids{});
  EXPECT_EQ(title_of("title:report"), "Giant quarry report");
  Xapian::Database db(database().string());
  for (Xapian::PostingIterator it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
    EXPECT_LE(db.get_document(*it).get_data().size(), kMaxBodyBytes + 1024);
}

// A file that vanishes between the walk's listing and the open looks exactly like a dangling
// link (the walk lists the name, the open fails with ENOENT; archive_walker_test shows a
// removed file is still visited), so a dangling link stands in for it: deterministic, no hook.
TEST_F(MalformedInput, DanglingLinksAndLinkLoopsAreSkippedAsUnreadable) {
  fs::create_symlink("nowhere.txt", archive() / "gone.txt");
  fs::create_symlink("nowhere.jsonl", archive() / "gone.jsonl");
  fs::create_symlink("loop.txt", archive() / "loop.txt");
  fs::create_directory_symlink("..", archive() / "up");  // a directory loop: not followed
  Outcome outcome = index();
  EXPECT_EQ(
      outcome.warnings,
      (Lines{
          "warning: archive/gone.jsonl: skipped: cannot open: No such file or directory",
          "warning: archive/gone.txt: skipped: cannot open: No such file or directory",
          "warning: archive/loop.txt: skipped: cannot open: Too many levels of symbolic links"}));
  EXPECT_EQ(counts_of(outcome.report), (Counts{.added = 1, .skipped = 3, .unreadable = 3}));
  EXPECT_EQ(ids_matching("harbour"), (Ids{"good.txt"}));
}

// Root reads files whatever their mode, so the run is made as an unprivileged user (a child
// process that drops root's privileges when the test runs as root), which owns the test's
// directory and so can write the database and read good.txt: only the mode keeps it out.
TEST_F(MalformedInput, AFileWithoutReadPermissionIsSkippedAsUnreadable) {
  add_fixtures({"crlf.txt"});
  testing::hand_over_to_unprivileged_user(dir_.path());
  fs::permissions(archive() / "crlf.txt", fs::perms::none);
  if (testing::unprivileged_can_read(archive() / "crlf.txt"))
    GTEST_SKIP() << "this user reads files whatever their mode and has no root to drop";
  // The outcome as text: gtest assertions in the child would be lost.
  std::string outcome = testing::run_unprivileged([&] {
    Outcome run = index();
    std::ostringstream text;
    for (const std::string& line : run.warnings) text << line << "\n";
    PrintTo(counts_of(run.report), &text);
    return text.str();
  });
  EXPECT_EQ(outcome,
            "warning: archive/crlf.txt: skipped: cannot open: Permission denied\n"
            "{added 1, skipped 1, unreadable 1, undated 0, warnings 0}");
  EXPECT_EQ(ids_matching("harbour"), (Ids{"good.txt"}));
  EXPECT_EQ(ids_matching("marathon"), Ids{});
}

// Everything at once, as the CLI golden case index_malformed_inputs shows it.
TEST_F(MalformedInput, TheWholeFixtureDirectoryIndexesEveryGoodArticle) {
  for (const auto& entry : fs::directory_iterator(kFixtures))
    if (entry.path().filename() != "good.txt")
      fs::copy_file(entry.path(), archive() / entry.path().filename());
  fs::create_symlink("nowhere.txt", archive() / "gone.txt");
  fs::create_symlink("loop.txt", archive() / "loop.txt");
  Outcome outcome = index();
  EXPECT_EQ(outcome.warnings.size(), 22u);  // 7 skips, 14 warnings, the undated summary
  EXPECT_EQ(counts_of(outcome.report),
            (Counts{.added = 28, .skipped = 7, .unreadable = 2, .undated = 10, .warnings = 14}));
  EXPECT_EQ(search("").total_estimate, 28u);
}

// --- Terms Xapian rejects --------------------------------------------------------------------

// 300 bytes, found as one person by the tagger in "Defense Secretary <name> said ...".
const std::string kLongPerson = [] {
  std::string name = "Mark Bartholomew";
  for (int i = 0; i < 11; ++i) name += "-Wolfeschlegelsteinhausen";
  return name + "-Smithson";
}();

std::string article_line(const std::string& id, const std::string& body) {
  return R"({"id": ")" + id + R"(", "date": "2021-04-01", "title": "Port report", "body": ")" +
         body + "\"}\n";
}

class OverlongTerms : public ::testing::TestWithParam<size_t> {};

// One run, one batch: commits are due only after 1,000,000 articles or 10^9 s, so the 201 articles
// are uncommitted when the overlong one is written. Were any of its terms over 245 bytes, Xapian
// would throw and drop the whole batch (XapianTermLimit in document_builder_test.cc).
TEST_P(OverlongTerms, AnArticleWithALongIdAndPersonNameKeepsTheUncommittedBatch) {
  ASSERT_EQ(kLongPerson.size(), 300u);
  TempDir dir;
  const fs::path archive = dir.path() / "archive";
  const std::string long_id(1000, 'L');
  std::string feed;
  for (int i = 0; i < 100; ++i)
    feed += article_line("before-" + std::to_string(i), "The port handled cargo.");
  feed += article_line(long_id, "Defense Secretary " + kLongPerson +
                                    " said on Monday that the port would stay open.");
  for (int i = 0; i < 100; ++i)
    feed += article_line("after-" + std::to_string(i), "The port handled cargo.");
  write_file(archive / "batch.jsonl", feed);

  Outcome outcome = run(dir.path() / "db", {archive}, archive, /*writers=*/GetParam(),
                        /*commit_every=*/1'000'000, /*commit_seconds=*/1e9);
  EXPECT_EQ(outcome.warnings, Lines{});
  EXPECT_EQ(counts_of(outcome.report), (Counts{.added = 201}));

  Xapian::Database db((dir.path() / "db").string());
  EXPECT_EQ(db.get_doccount(), 201u);
  EXPECT_TRUE(db.term_exists(id_term(long_id)));
  EXPECT_TRUE(id_term(long_id).starts_with("Q#xxh128:"));
  // The tagger found the whole name, and its terms were cut to fit.
  const std::string person_term = "XP" + person_key(kLongPerson).substr(0, kMaxTermBytes - 2);
  EXPECT_TRUE(db.term_exists(person_term)) << person_term;
  EXPECT_TRUE(db.term_exists("XF" + surname_key(kLongPerson).substr(0, kMaxTermBytes - 2)));
  for (Xapian::TermIterator it = db.allterms_begin(); it != db.allterms_end(); ++it)
    EXPECT_LE((*it).size(), kMaxTermBytes) << *it;

  Searcher searcher({(dir.path() / "db").string()});
  SearchRequest request;
  request.persons = {kLongPerson};
  SearchResult result = searcher.search(request);
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(result.hits[0].id, long_id);
  EXPECT_EQ(result.hits[0].persons, (std::vector<std::string>{kLongPerson}));
  request.persons.clear();
  request.query = "cargo";
  request.limit = 1000;
  EXPECT_EQ(searcher.search(request).hits.size(), 200u);
}

INSTANTIATE_TEST_SUITE_P(Writers, OverlongTerms, ::testing::Values(1, 2),
                         [](const ::testing::TestParamInfo<size_t>& param) {
                           return param.param == 1 ? std::string("OneWriter")
                                                   : std::string("StagingShards");
                         });

}  // namespace
}  // namespace newsarchive
