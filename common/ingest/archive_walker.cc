// Directory walking for the indexer; see archive_walker.h.
#include "ingest/archive_walker.h"

#include <algorithm>
#include <map>
#include <system_error>

namespace newsarchive {

namespace fs = std::filesystem;

fs::path normalised_path(const fs::path& path) {
  std::error_code error;
  fs::path absolute = fs::absolute(path, error);
  if (error) absolute = path;
  absolute = absolute.lexically_normal();
  if (absolute.has_relative_path() && absolute.filename().empty())
    absolute = absolute.parent_path();  // "corpus/" -> "corpus"
  return absolute;
}

namespace {

fs::path normalised(const fs::path& path) {
  return normalised_path(path);
}

// The deepest directory holding both.
fs::path common_directory(const fs::path& a, const fs::path& b) {
  fs::path common;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end() && *i == *j; ++i, ++j)
    common /= *i;
  return common;
}

// What a walk found under one directory input.
struct DirectoryListing {
  std::vector<fs::path> files;
  std::map<std::string, size_t> passed_over;  // extension label -> files not read
};

// Collects the article files under `directory`, reporting unreadable directories to `on_error`
// and going on with the rest.
void collect_files(const fs::path& directory, DirectoryListing& listing,
                   const WalkCallbacks& callbacks) {
  std::error_code error;
  fs::directory_iterator it(directory, error);
  if (error) return callbacks.on_error(directory.string(), error.message());
  for (; it != fs::directory_iterator(); it.increment(error)) {
    if (error) return callbacks.on_error(directory.string(), error.message());
    const fs::directory_entry& entry = *it;
    std::string name = entry.path().filename().string();
    if (name.starts_with('.')) continue;
    std::error_code type_error;
    // symlink_status: a link to a directory is not followed, so link loops cannot trap the walk.
    if (entry.symlink_status(type_error).type() == fs::file_type::directory) {
      collect_files(entry.path(), listing, callbacks);
      continue;
    }
    if (!is_article_file_name(name)) {
      ++listing.passed_over[extension_label(name)];
      continue;
    }
    // Regular files are read. So is an entry whose target cannot be examined (a dangling link,
    // a link loop, a file removed since the directory was listed): opening it fails and the
    // reader reports why, so a broken entry in the archive is never silently ignored. Links to
    // directories, FIFOs (opening one would block the run), sockets and devices are not read.
    fs::file_type type = entry.status(type_error).type();
    if (type == fs::file_type::regular || type == fs::file_type::not_found ||
        type == fs::file_type::none)
      listing.files.push_back(entry.path());
  }
}

// "12 .pdf, 3 .doc", most common first; "nothing" when empty.
std::string describe_passed_over(const std::map<std::string, size_t>& passed_over) {
  if (passed_over.empty()) return "nothing";
  std::vector<std::pair<std::string, size_t>> counts(passed_over.begin(), passed_over.end());
  std::stable_sort(counts.begin(), counts.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string text;
  for (const auto& [label, count] : counts) {
    if (!text.empty()) text += ", ";
    text += std::to_string(count) + " " + label;
  }
  return text;
}

std::string id_of(const fs::path& file, const fs::path& base) {
  return normalised(file).lexically_relative(base).generic_string();
}

// The id of `file` found under the directory `root`, whose own id (relative to the base, with a
// trailing '/', or "" for the base itself) is `root_prefix`: computed lexically, without asking
// the system for the working directory per file.
std::string id_under(const fs::path& file, const fs::path& root, const std::string& root_prefix) {
  return root_prefix + file.lexically_relative(root).generic_string();
}

std::string prefix_of(const fs::path& root, const fs::path& base) {
  std::string id = normalised(root).lexically_relative(base).generic_string();
  return id.empty() || id == "." ? std::string() : id + "/";
}

}  // namespace

fs::path id_base(const std::vector<fs::path>& inputs, const std::optional<fs::path>& root) {
  if (root) return normalised(*root);
  std::optional<fs::path> base;
  for (const fs::path& input : inputs) {
    std::error_code error;
    fs::path holder = normalised(input);
    if (!fs::is_directory(input, error)) holder = holder.parent_path();
    base = base ? common_directory(*base, holder) : holder;
  }
  return base ? *base : normalised(".");
}

bool is_article_file_name(const std::string& name) {
  return kind_of_name(name).kind != InputKind::kUnknown;
}

void walk_archive(const std::vector<fs::path>& roots, const fs::path& base,
                  const WalkCallbacks& callbacks) {
  for (const fs::path& root : roots) {
    std::error_code error;
    if (!fs::is_directory(root, error)) {
      callbacks.visit(InputFile{root, root.string(), id_of(root, base),
                                kind_of_name(root.filename().string())});
      continue;
    }
    DirectoryListing listing;
    collect_files(root, listing, callbacks);
    if (listing.files.empty() && callbacks.on_nothing_to_read)
      callbacks.on_nothing_to_read(root.string(), describe_passed_over(listing.passed_over));
    std::sort(listing.files.begin(), listing.files.end());
    const std::string root_prefix = prefix_of(root, base);
    for (const fs::path& file : listing.files)
      callbacks.visit(InputFile{file, file.string(), id_under(file, root, root_prefix),
                                kind_of_name(file.filename().string())});
  }
}

}  // namespace newsarchive
