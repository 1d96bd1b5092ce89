// Unit tests for common/archive_walker: which files a walk finds, in what order, under what ids.
#include "ingest/archive_walker.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "test_support.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::write_file;

struct Walk {
  std::vector<InputFile> files;
  std::vector<std::string> errors;  // "path: reason"

  std::vector<std::string> relative_ids() const {
    std::vector<std::string> ids;
    for (const InputFile& file : files) ids.push_back(file.relative_id);
    return ids;
  }
};

Walk walk(const std::vector<fs::path>& roots, const std::optional<fs::path>& root = std::nullopt) {
  Walk result;
  WalkCallbacks callbacks;
  callbacks.visit = [&](const InputFile& file) { result.files.push_back(file); };
  callbacks.on_error = [&](const std::string& path, const std::string& reason) {
    result.errors.push_back(path + ": " + reason);
  };
  callbacks.on_nothing_to_read = [&](const std::string& path, const std::string& held) {
    result.errors.push_back(path + ": nothing to read; holds " + held);
  };
  walk_archive(roots, id_base(roots, root), callbacks);
  return result;
}

// An archive with articles at several depths, hidden entries and files that are not articles.
// Files are created out of order so that only sorting can produce the expected order.
fs::path make_archive(const fs::path& base) {
  fs::path root = base / "archive";
  write_file(root / "sub" / "deeper" / "d.jsonl.gz", "");
  write_file(root / "sub" / "c.jsonl", "");
  write_file(root / "sub" / "notes.md", "");
  write_file(root / "sub" / ".cache" / "f.txt", "");
  write_file(root / "dir.txt" / "g.txt", "");
  write_file(root / "b.txt", "");
  write_file(root / "a.txt", "");
  write_file(root / "image.png", "");
  write_file(root / "old.jsonl.bak", "");
  write_file(root / "feed.json", "");
  write_file(root / ".hidden.txt", "");
  write_file(root / ".git" / "e.txt", "");
  return root;
}

TEST(WalkArchive, FindsArticleFilesRecursivelyInSortedOrder) {
  TempDir dir;
  fs::path root = make_archive(dir.path());
  Walk result = walk({root});
  EXPECT_EQ(result.errors, std::vector<std::string>{});
  EXPECT_EQ(result.relative_ids(),
            (std::vector<std::string>{"a.txt", "b.txt", "dir.txt/g.txt", "sub/c.jsonl",
                                      "sub/deeper/d.jsonl.gz"}));
}

TEST(WalkArchive, GivesPathsDisplayPathsAndFormats) {
  TempDir dir;
  fs::path root = make_archive(dir.path());
  Walk result = walk({root});
  ASSERT_EQ(result.files.size(), 5u);
  const InputFile& text = result.files[0];
  EXPECT_EQ(text.path, root / "a.txt");
  EXPECT_EQ(text.display_path, (root / "a.txt").string());
  EXPECT_EQ(text.kind.kind, InputKind::kText);
  const InputFile& jsonl = result.files[3];
  EXPECT_EQ(jsonl.path, root / "sub" / "c.jsonl");
  EXPECT_EQ(jsonl.display_path, (root / "sub" / "c.jsonl").string());
  EXPECT_EQ(jsonl.kind.kind, InputKind::kJsonLines);
  EXPECT_FALSE(jsonl.kind.compressed);
  const InputFile& gzip = result.files[4];
  EXPECT_EQ(gzip.path, root / "sub" / "deeper" / "d.jsonl.gz");
  EXPECT_EQ(gzip.relative_id, "sub/deeper/d.jsonl.gz");
  EXPECT_EQ(gzip.kind.kind, InputKind::kJsonLines);
  EXPECT_TRUE(gzip.kind.compressed);
}

TEST(WalkArchive, IdsAreRelativeToTheRootHoweverItIsSpelled) {
  TempDir dir;
  fs::path root = make_archive(dir.path());
  fs::path with_slash = root.string() + "/";
  Walk result = walk({with_slash});
  EXPECT_EQ(result.relative_ids(),
            (std::vector<std::string>{"a.txt", "b.txt", "dir.txt/g.txt", "sub/c.jsonl",
                                      "sub/deeper/d.jsonl.gz"}));
  Walk nested = walk({root / "sub"});
  EXPECT_EQ(nested.relative_ids(), (std::vector<std::string>{"c.jsonl", "deeper/d.jsonl.gz"}));
}

TEST(WalkArchive, UsesAnExplicitlyNamedFileOfAnyName) {
  TempDir dir;
  fs::path root = make_archive(dir.path());
  Walk result = walk({root / "sub" / "notes.md", root / ".hidden.txt", root / "sub" / "c.jsonl"});
  EXPECT_EQ(result.errors, std::vector<std::string>{});
  // Ids relative to the deepest directory holding all three: archive/.
  ASSERT_EQ(result.relative_ids(),
            (std::vector<std::string>{"sub/notes.md", ".hidden.txt", "sub/c.jsonl"}));
  EXPECT_EQ(result.files[0].path, root / "sub" / "notes.md");
  EXPECT_EQ(result.files[0].display_path, (root / "sub" / "notes.md").string());
  EXPECT_EQ(result.files[0].kind.kind, InputKind::kUnknown);  // sniffed when read
  EXPECT_EQ(result.files[2].kind.kind, InputKind::kJsonLines);
}

TEST(WalkArchive, WalksRootsInTheOrderGiven) {
  TempDir dir;
  write_file(dir.path() / "z" / "1.txt", "");
  write_file(dir.path() / "a" / "2.txt", "");
  Walk result = walk({dir.path() / "z", dir.path() / "a"});
  ASSERT_EQ(result.files.size(), 2u);
  EXPECT_EQ(result.files[0].path, dir.path() / "z" / "1.txt");
  EXPECT_EQ(result.files[1].path, dir.path() / "a" / "2.txt");
}

TEST(WalkArchive, DoesNotFollowADirectoryLinkLoop) {
  TempDir dir;
  fs::path root = dir.path() / "archive";
  write_file(root / "a.txt", "");
  write_file(root / "sub" / "b.txt", "");
  fs::create_directory_symlink("..", root / "sub" / "loop");
  fs::create_directory_symlink(".", root / "self.txt");
  Walk result = walk({root});
  EXPECT_EQ(result.errors, std::vector<std::string>{});
  EXPECT_EQ(result.relative_ids(), (std::vector<std::string>{"a.txt", "sub/b.txt"}));
}

// Entries that cannot be examined are visited so that opening them fails and is reported;
// special files are not (opening a FIFO would block the run).
TEST(WalkArchive, VisitsBrokenLinksButNotSpecialFiles) {
  TempDir dir;
  fs::path root = dir.path() / "archive";
  write_file(root / "a.txt", "");
  write_file(root / "target.md", "");
  fs::create_symlink("nowhere.txt", root / "dangling.txt");
  fs::create_symlink("loop.jsonl", root / "loop.jsonl");
  fs::create_symlink("target.md", root / "link.txt");
  fs::create_symlink("nowhere.md", root / "dangling.md");  // not an article file name
  ASSERT_EQ(mkfifo((root / "fifo.txt").c_str(), 0600), 0);
  Walk result = walk({root});
  EXPECT_EQ(result.errors, std::vector<std::string>{});
  EXPECT_EQ(result.relative_ids(),
            (std::vector<std::string>{"a.txt", "dangling.txt", "link.txt", "loop.jsonl"}));
  EXPECT_EQ(result.files[3].kind.kind, InputKind::kJsonLines);
}

// The walk lists a directory before visiting its files: one removed in between is still
// visited, and its reader reports that it cannot be opened.
TEST(WalkArchive, VisitsAFileRemovedAfterTheListing) {
  TempDir dir;
  fs::path root = dir.path() / "archive";
  write_file(root / "a.txt", "");
  write_file(root / "b.txt", "");
  std::vector<std::string> visited;
  WalkCallbacks callbacks;
  callbacks.visit = [&](const InputFile& file) {
    visited.push_back(file.relative_id + (fs::exists(file.path) ? "" : " (gone)"));
    fs::remove(root / "b.txt");
  };
  callbacks.on_error = [](const std::string&, const std::string&) {};
  walk_archive({root}, id_base({root}, std::nullopt), callbacks);
  EXPECT_EQ(visited, (std::vector<std::string>{"a.txt", "b.txt (gone)"}));
}

TEST(WalkArchive, SaysWhatADirectoryWithNothingToReadHeld) {
  TempDir dir;
  fs::create_directory(dir.path() / "empty");
  Walk empty = walk({dir.path() / "empty"});
  EXPECT_EQ(empty.files.size(), 0u);
  EXPECT_EQ(empty.errors, std::vector<std::string>{(dir.path() / "empty").string() +
                                                   ": nothing to read; holds nothing"});

  write_file(dir.path() / "docs" / "a.pdf", "");
  write_file(dir.path() / "docs" / "b.PDF", "");
  write_file(dir.path() / "docs" / "sub" / "c.doc", "");
  write_file(dir.path() / "docs" / "README", "");
  Walk docs = walk({dir.path() / "docs"});
  EXPECT_EQ(docs.errors, std::vector<std::string>{(dir.path() / "docs").string() +
                                                  ": nothing to read; holds 2 .pdf, 1 .doc, "
                                                  "1 no extension"});
}

TEST(WalkArchive, EqualNamesUnderDifferentRootsGetDifferentIds) {
  TempDir dir;
  write_file(dir.path() / "politics" / "001.txt", "");
  write_file(dir.path() / "sport" / "001.txt", "");
  Walk result = walk({dir.path() / "politics", dir.path() / "sport/"});
  EXPECT_EQ(result.relative_ids(), (std::vector<std::string>{"politics/001.txt", "sport/001.txt"}));
  // The same command gives the same ids from another working directory, and --root pins them.
  Walk rooted = walk({dir.path() / "politics"}, dir.path());
  EXPECT_EQ(rooted.relative_ids(), (std::vector<std::string>{"politics/001.txt"}));
  Walk alone = walk({dir.path() / "politics"});
  EXPECT_EQ(alone.relative_ids(), (std::vector<std::string>{"001.txt"}));
}

TEST(WalkArchive, ReadsUpperCaseExtensionsAndEveryKind) {
  TempDir dir;
  for (const char* name :
       {"A.TXT", "b.Html", "c.htm", "d.xhtml", "e.rss", "f.atom", "g.xml", "h.warc.gz", "i.tar.gz",
        "j.ZIP", "k.tgz", "l.ndjson", "m.txt.xz", "n.csv", "o.json"})
    write_file(dir.path() / "in" / name, "");
  Walk result = walk({dir.path() / "in"});
  EXPECT_EQ(result.relative_ids(),
            (std::vector<std::string>{"A.TXT", "b.Html", "c.htm", "d.xhtml", "e.rss", "f.atom",
                                      "g.xml", "h.warc.gz", "i.tar.gz", "j.ZIP", "k.tgz",
                                      "l.ndjson", "m.txt.xz"}));
}

TEST(IsArticleFileName, AcceptsTheKindsThatAreRead) {
  for (std::string name : {"a.txt", "a.jsonl", "a.jsonl.gz", "2020-01-06-x.txt", "a.txt.gz",
                           "A.TXT", "page.html.gz"}) {
    SCOPED_TRACE(name);
    EXPECT_TRUE(is_article_file_name(name));
  }
  for (std::string name : {"a.md", "a.json", "a.gz", "a.jsonl.bak", "a.txt~", "txt", ".txt"}) {
    SCOPED_TRACE(name);
    EXPECT_FALSE(is_article_file_name(name));
  }
}

}  // namespace
}  // namespace newsarchive
