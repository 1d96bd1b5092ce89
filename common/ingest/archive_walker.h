// Finds the input files under the paths a user names, in a stable order, and gives each its id.
//
// Ids. A file's id is its path relative to the id base, '/'-separated: `--root DIR` when given,
// else the deepest directory that holds every input, where a directory input holds itself and a
// file input is held by its directory. So `newsindex index corpus/` gives ids such as
// "2020-01-06-story.txt", and `newsindex index politics/ sport/` gives "politics/001.txt" and
// "sport/001.txt": equal names under different roots never share an id, and the same command
// gives the same ids run after run.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ingest/input_kind.h"

namespace newsarchive {

struct InputFile {
  std::filesystem::path path;  // to open
  std::string display_path;    // for messages: the path as the user would write it
  std::string relative_id;     // path relative to the id base, '/'-separated
  NamedKind kind;              // by name; kUnknown only for a file named directly
};

// The id base for `inputs` (see above): `root` when given. Paths are made absolute and
// normalised first, so "corpus", "./corpus" and "corpus/" agree.
std::filesystem::path id_base(const std::vector<std::filesystem::path>& inputs,
                              const std::optional<std::filesystem::path>& root);

// `path` made absolute and lexically normal, without a trailing separator.
std::filesystem::path normalised_path(const std::filesystem::path& path);

// True for names a directory walk reads: any kind but kUnknown (input_kind.h).
bool is_article_file_name(const std::string& name);

struct WalkCallbacks {
  std::function<void(const InputFile&)> visit;
  // A directory that cannot be read: its path and the reason. The walk goes on.
  std::function<void(const std::string& path, const std::string& reason)> on_error;
  // A directory input holding no file of a kind that is read: its path and a description of what
  // it held instead ("12 .pdf, 3 .doc" or "nothing"). May be empty.
  std::function<void(const std::string& path, const std::string& held)> on_nothing_to_read;
};

// Calls `visit` for each input file under `roots`, each root's files in sorted order, with ids
// relative to `base`. A root that is a file is used whatever its name; directories are walked
// recursively, skipping hidden entries (names starting with '.') and files is_article_file_name
// rejects. Symbolic links to directories are not followed, so a link loop cannot trap the walk.
// Inside directories, regular files (directly or through a link) are visited, and so are entries
// that cannot be examined (a dangling link, a link loop, a file removed after listing), so that
// the reader's failure to open them is reported; FIFOs, sockets and devices are not. A file may
// also vanish between the visit and the open: readers must treat a failed open as a reportable
// skip, never an error.
void walk_archive(const std::vector<std::filesystem::path>& roots,
                  const std::filesystem::path& base, const WalkCallbacks& callbacks);

}  // namespace newsarchive
