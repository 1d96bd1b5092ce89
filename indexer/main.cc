// newsindex: builds and updates a newsarchive database from article files.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <optional>
#include <thread>

#include "entities/article_entities.h"
#include "index/index_run.h"
#include "index/interrupt.h"
#include "present/cli_support.h"
#include "present/entity_listing.h"
#include "present/parse_listing.h"
#include "present/progress.h"
#include "present/stats.h"
#include "present/version.h"
#include "text/errors.h"

using namespace newsarchive;

namespace {

struct IndexCommand {
  IndexOptions options;
  bool quiet = false;
  std::string log_file;  // also append every log line here, with a timestamp
};

struct StatsCommand {
  std::string format = "text";
};

int index_command(IndexCommand& command) {
  auto log = make_stderr_logger("newsindex", command.log_file,
                                command.quiet ? spdlog::level::err : spdlog::level::info);
  std::optional<ProgressReporter> progress;
  if (!command.quiet) {
    progress.emplace(ProgressReporter::mode_for_stderr(), std::cerr, *log);
    command.options.on_progress = [&](const IndexProgress& now) { (*progress)(now); };
  }
  install_interrupt_handlers();
  command.options.log_file = command.log_file;
  IndexReport report = run_index(command.options, *log);
  log->info("{}; database {}", report_summary(report), command.options.database.string());
  if (report.interrupted_by != 0) return kInterruptedBase + report.interrupted_by;
  return report.skipped > 0 || report.collisions > 0 ? kPartial : kOk;
}

// The options that say how inputs are read, shared by index and parse.
struct ReadFlags {
  std::string layout = "auto";
  std::string date_from = "auto";
  std::string root;
};

void add_read_options(CLI::App& command, ReadFlags& flags) {
  command
      .add_option("--layout", flags.layout,
                  "Plain-text layout: auto (detected per file), dateline, headline or headers")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "dateline", "headline", "headers"}));
  command
      .add_option("--date-from", flags.date_from,
                  "auto: the article's own date, else its path (else a WARC-Date); mtime: also "
                  "the file's modification time, last")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "mtime"}));
  command.add_option("--root", flags.root,
                     "Ids are paths relative to DIR (default: the inputs' common directory)");
}

ReadOptions read_options_of(const ReadFlags& flags) {
  ReadOptions read;
  read.layout = *parse_text_layout(flags.layout);
  read.finish.dates_from_mtime = flags.date_from == "mtime";
  return read;
}

std::optional<std::filesystem::path> root_of(const ReadFlags& flags) {
  if (flags.root.empty()) return std::nullopt;
  return std::filesystem::path(flags.root);
}

// Prints what indexing would read from each input, as JSON Lines.
int parse_command(ParseOptions& options, const ReadFlags& flags) {
  auto log = make_stderr_logger("newsindex");
  options.read = read_options_of(flags);
  options.root = root_of(flags);
  size_t skipped = list_parsed_articles(options, std::cout, *log);
  return skipped > 0 ? kPartial : kOk;
}

int stats_command(const std::string& database, const StatsCommand& command) {
  DatabaseStats stats = collect_stats(database);
  if (command.format == "json")
    render_stats_json(stats, std::cout);
  else
    render_stats_text(stats, std::cout);
  return kOk;
}

struct EntitiesCommand {
  EntityListingOptions listing;
  bool text = false;                // tag each input as one text, as given
  std::vector<std::string> inputs;  // paths; "-" is standard input (with --text)
};

// With --text: the mentions of each input's text as given (a file, or stdin for "-" or no
// input), byte offsets into it. Otherwise what indexing stores for each article of the inputs.
int entities_command(EntitiesCommand& command, const ReadFlags& flags) {
  if (command.text) {
    if (command.inputs.empty()) command.inputs.push_back("-");
    for (const std::string& input : command.inputs) {
      std::string text = read_input(input);
      write_mentions_jsonl(resolve_mentions(text, EntityTagger::english()), std::cout);
    }
    return kOk;
  }
  if (command.inputs.empty())
    throw UserError("entities needs a PATH to read articles from (or --text for raw text)");
  auto log = make_stderr_logger("newsindex");
  ParseOptions& parse = command.listing.parse;
  for (const std::string& input : command.inputs) parse.inputs.emplace_back(input);
  parse.read = read_options_of(flags);
  parse.root = root_of(flags);
  size_t skipped = list_article_entities(command.listing, EntityTagger::english(), std::cout, *log);
  return skipped > 0 ? kPartial : kOk;
}

CLI::App* add_index_options(CLI::App& app, IndexCommand& command, std::string& database) {
  IndexOptions& options = command.options;
  CLI::App* index = app.add_subcommand(
      "index",
      "Index archives: text, JSON Lines, web pages, feeds, WARC files, tar and zip bundles");
  index->add_option("--db", database, "Database directory (created if missing)")
      ->capture_default_str();
  index->add_option("--language", options.language,
                    "Stemming language (default: the database's, or english)");
  index->add_option("--commit-every", options.commit_every, "Articles per commit")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  index->add_option("--commit-seconds", options.commit_seconds, "Seconds between commits at most")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 86400.0));
  index
      ->add_option("--writers", options.writers,
                   "Writer threads when loading into an empty database (1: write directly)")
      ->capture_default_str()
      ->check(CLI::Range(1, 16));
  index->add_flag("--rebuild", options.rebuild,
                  "Build the database again from PATH alone, replacing it even if damaged");
  index->add_flag("--force", options.force, "Rewrite every article, even unchanged ones");
  index->add_flag("--prune", options.prune,
                  "Delete articles whose id this run did not produce (sources that are gone)");
  index->add_flag("-q,--quiet", command.quiet, "Print errors only (no progress)");
  index->add_option("--log-file", command.log_file,
                    "Also append every log line to FILE, with a timestamp");
  index->add_option("PATH", options.inputs, "Article files or directories (walked recursively)")
      ->required();
  return index;
}

CLI::App* add_parse_options(CLI::App& app, ParseOptions& options, ReadFlags& flags) {
  CLI::App* parse = app.add_subcommand(
      "parse", "Print what indexing would read from each input, as JSON Lines (nothing written)");
  add_read_options(*parse, flags);
  parse->add_option("PATH", options.inputs, "Article files or directories (walked recursively)")
      ->required();
  return parse;
}

CLI::App* add_stats_options(CLI::App& app, StatsCommand& command, std::string& database) {
  CLI::App* stats = app.add_subcommand("stats", "Summarise what a database holds");
  stats->add_option("--db", database, "Database directory")->capture_default_str();
  stats->add_option("--format", command.format, "Output format")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json"}));
  return stats;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"newsindex: index a news archive for newssearch"};
  IndexCommand index_options;
  index_options.options.writers = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  app.require_subcommand(1);
  app.set_version_flag("--version", version_line("newsindex"), "Print the version and exit");
  std::string database = default_database_path();
  add_index_options(app, index_options, database);
  ReadFlags index_flags;
  add_read_options(*app.get_subcommand("index"), index_flags);
  StatsCommand stats_options;
  CLI::App* stats = add_stats_options(app, stats_options, database);
  ParseOptions parse_options;
  ReadFlags parse_flags;
  CLI::App* parse = add_parse_options(app, parse_options, parse_flags);

  EntitiesCommand entities_options;
  ReadFlags entities_flags;
  CLI::App* entities = app.add_subcommand(
      "entities",
      "Print the persons, places and organisations indexing stores for each article, as JSON "
      "Lines (nothing written)");
  add_read_options(*entities, entities_flags);
  entities->add_flag("--mentions", entities_options.listing.mentions,
                     "Also list every mention: its type, text and canonical name");
  entities->add_flag("--text", entities_options.text,
                     "Tag each FILE (default: standard input) as one text as given, and print "
                     "each mention with byte offsets into it");
  entities->add_option("PATH", entities_options.inputs,
                       "Article files or directories, read as index reads them (- is standard "
                       "input with --text)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error);  // --help, --version
    return report_usage_error("newsindex", error.what());
  }
  if (entities->parsed())
    return run_guarded("newsindex",
                       [&] { return entities_command(entities_options, entities_flags); });
  if (parse->parsed())
    return run_guarded("newsindex", [&] { return parse_command(parse_options, parse_flags); });
  if (stats->parsed())
    return run_guarded("newsindex", [&] { return stats_command(database, stats_options); });
  index_options.options.database = database;
  index_options.options.read = read_options_of(index_flags);
  index_options.options.root = root_of(index_flags);
  return run_guarded("newsindex", [&] { return index_command(index_options); });
}
