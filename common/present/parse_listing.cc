// newsindex parse; see parse_listing.h.
#include "present/parse_listing.h"

#include <nlohmann/json.hpp>

#include "ingest/archive_walker.h"
#include "ingest/input_kind.h"
#include "ingest/input_reader.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

nlohmann::ordered_json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

class ListingSink : public ArticleSink {
 public:
  using OnArticle = std::function<void(const Article&, const SourceLocation&)>;
  ListingSink(const OnArticle& on_article, spdlog::logger& log)
      : on_article_(on_article), log_(log) {}

  void accept(Article article, const SourceLocation& where) override {
    on_article_(article, where);
  }
  void warn(const SourceLocation& where, const std::string& message) override {
    log_.warn("{}: {}", where.describe(), message);
  }
  void skip(const SourceLocation& where, const std::string& reason) override {
    ++skipped_;
    log_.warn("{}: skipped: {}", where.describe(), reason);
  }
  void pass_over(const SourceLocation& where, const std::string& what,
                 std::uint64_t count) override {
    log_.info("{}: passed over {} ({})", where.describe(), what, count);
  }
  size_t skipped() const { return skipped_; }

 private:
  const OnArticle& on_article_;
  spdlog::logger& log_;
  size_t skipped_ = 0;
};

}  // namespace

void write_article_json(const Article& article, std::ostream& out) {
  nlohmann::ordered_json line = {
      {"id", article.id},
      {"date", article.date ? nlohmann::ordered_json(article.date->iso()) : nullptr},
      {"date_from", text_or_null(article.date_from)},
      {"title", article.title},
      {"author", article.author},
      {"source", article.source},
      {"url", article.url},
      {"place", article.place},
      {"format", article.format},
      {"layout", text_or_null(article.layout)},
      {"body", article.body}};
  out << line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

size_t for_each_parsed_article(
    const ParseOptions& options,
    const std::function<void(const Article&, const SourceLocation&)>& on_article,
    spdlog::logger& log) {
  for (const auto& input : options.inputs) {
    std::error_code error;
    if (!std::filesystem::exists(input, error))
      throw UserError("no such file or directory: " + quote_value(input.string()));
  }
  ListingSink sink(on_article, log);
  WalkCallbacks callbacks;
  callbacks.visit = [&](const InputFile& file) {
    if (!read_input(file, options.read, sink))
      log.debug("{}: not read to its end", file.display_path);
  };
  callbacks.on_error = [&](const std::string& path, const std::string& reason) {
    sink.skip(SourceLocation{path}, "cannot read directory: " + reason);
  };
  callbacks.on_nothing_to_read = [&](const std::string& path, const std::string& held) {
    sink.warn(SourceLocation{path}, "no file of a kind that is read (it holds " + held +
                                        "); read are " + std::string(kKindsRead));
  };
  walk_archive(options.inputs, id_base(options.inputs, options.root), callbacks);
  return sink.skipped();
}

size_t list_parsed_articles(const ParseOptions& options, std::ostream& out, spdlog::logger& log) {
  return for_each_parsed_article(
      options,
      [&](const Article& article, const SourceLocation&) { write_article_json(article, out); },
      log);
}

}  // namespace newsarchive
