// Finds the article files under the paths a user names, in a stable order.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace newsarchive {

enum class InputFormat { kTextArticle, kJsonLines };

struct InputFile {
  std::filesystem::path path;  // to open
  std::string display_path;    // for messages: the path as the user would write it
  std::string relative_id;  // path relative to the input root, '/'-separated: a text article's id
  InputFormat format;
};

// The format implied by a file name: .jsonl and .jsonl.gz are JSON Lines, anything else is
// a text article.
InputFormat format_for(const std::filesystem::path& path);

// True for names a directory walk indexes: *.txt, *.jsonl, *.jsonl.gz.
bool is_article_file_name(const std::string& name);

// Calls `visit` for each input file under `roots`, each root's files in sorted order. A root
// that is a file is used whatever its name; directories are walked recursively, skipping hidden
// entries (names starting with '.') and files is_article_file_name rejects. `on_error` receives a
// path and a reason for a directory that cannot be read; the walk goes on. Symbolic links to
// directories are not followed, so a link loop cannot trap the walk. Inside directories, regular
// files (directly or through a link) are visited, and so are entries that cannot be examined (a
// dangling link, a link loop, a file removed after listing), so that the reader's failure to
// open them is reported; FIFOs, sockets and devices are not. A file may also vanish between the
// visit and the open: readers must treat a failed open as a reportable skip, never an error.
void walk_archive(const std::vector<std::filesystem::path>& roots,
                  const std::function<void(const InputFile&)>& visit,
                  const std::function<void(const std::string&, const std::string&)>& on_error);

}  // namespace newsarchive
