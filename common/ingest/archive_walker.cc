// Directory walking for the indexer.
#include "ingest/archive_walker.h"

#include <algorithm>
#include <system_error>

namespace newsarchive {

namespace fs = std::filesystem;

InputFormat format_for(const fs::path& path) {
  std::string name = path.filename().string();
  if (name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")) return InputFormat::kJsonLines;
  return InputFormat::kTextArticle;
}

bool is_article_file_name(const std::string& name) {
  return name.ends_with(".txt") || name.ends_with(".jsonl") || name.ends_with(".jsonl.gz");
}

namespace {

// Collects the article files under `directory` into `files`, reporting unreadable directories
// to `on_error` and going on with the rest.
void collect_files(const fs::path& directory, std::vector<fs::path>& files,
                   const std::function<void(const std::string&, const std::string&)>& on_error) {
  std::error_code error;
  fs::directory_iterator it(directory, error);
  if (error) return on_error(directory.string(), error.message());
  for (; it != fs::directory_iterator(); it.increment(error)) {
    if (error) return on_error(directory.string(), error.message());
    const fs::directory_entry& entry = *it;
    std::string name = entry.path().filename().string();
    if (name.starts_with('.')) continue;
    std::error_code type_error;
    // symlink_status: a link to a directory is not followed, so link loops cannot trap the walk.
    if (entry.symlink_status(type_error).type() == fs::file_type::directory) {
      collect_files(entry.path(), files, on_error);
      continue;
    }
    if (!is_article_file_name(name)) continue;
    // Regular files are read. So is an entry whose target cannot be examined (a dangling link,
    // a link loop, a file removed since the directory was listed): opening it fails and the
    // reader reports why, so a broken entry in the archive is never silently ignored. Links to
    // directories, FIFOs (opening one would block the run), sockets and devices are not read.
    fs::file_type type = entry.status(type_error).type();
    if (type == fs::file_type::regular || type == fs::file_type::not_found ||
        type == fs::file_type::none)
      files.push_back(entry.path());
  }
}

}  // namespace

void walk_archive(const std::vector<fs::path>& roots,
                  const std::function<void(const InputFile&)>& visit,
                  const std::function<void(const std::string&, const std::string&)>& on_error) {
  for (const fs::path& root : roots) {
    std::error_code error;
    if (!fs::is_directory(root, error)) {
      visit(InputFile{root, root.string(), root.filename().generic_string(), format_for(root)});
      continue;
    }
    std::vector<fs::path> files;
    collect_files(root, files, on_error);
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      std::string relative = file.lexically_relative(root).generic_string();
      visit(InputFile{file, file.string(), relative, format_for(file)});
    }
  }
}

}  // namespace newsarchive
