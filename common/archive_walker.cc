// Directory walking for the indexer.
#include "archive_walker.h"

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
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
    if (error) {
      on_error(root.string(), error.message());
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (error) {
        on_error(it->path().string(), error.message());
        break;
      }
      const fs::directory_entry& entry = *it;
      std::string name = entry.path().filename().string();
      if (name.starts_with('.')) {
        if (entry.is_directory(error)) it.disable_recursion_pending();
        continue;
      }
      if (entry.is_regular_file(error) && is_article_file_name(name)) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      std::string relative = file.lexically_relative(root).generic_string();
      visit(InputFile{file, file.string(), relative, format_for(file)});
    }
  }
}

}  // namespace newsarchive
