// `newsindex parse`: what indexing would read from each input, as JSON Lines, through the same
// walk, readers and finishing step as indexing (so it shows why an article looks wrong).
#pragma once

#include <spdlog/logger.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <vector>

#include "ingest/article.h"
#include "ingest/read_options.h"

namespace newsarchive {

struct ParseOptions {
  std::vector<std::filesystem::path> inputs;
  std::optional<std::filesystem::path> root;  // as newsindex index --root
  ReadOptions read;
};

// One article as a JSON line: id, date (ISO or null), date_from (null when undated), title,
// author, source, url, place, format, layout (null outside plain text), body.
void write_article_json(const Article& article, std::ostream& out);

// Reads every article of the inputs as indexing reads them (the same walk, ids, readers and
// finishing step) and hands each to `on_article`; warnings and skips go to `log`. Returns the
// number of articles skipped (and inputs that could not be read). Throws UserError for an input
// that does not exist.
size_t for_each_parsed_article(
    const ParseOptions& options,
    const std::function<void(const Article&, const SourceLocation&)>& on_article,
    spdlog::logger& log);

// Prints every article of the inputs to `out` and every warning and skip to `log`. Returns the
// number of articles skipped (and inputs that could not be read). Throws UserError for an input
// that does not exist.
size_t list_parsed_articles(const ParseOptions& options, std::ostream& out, spdlog::logger& log);

}  // namespace newsarchive
