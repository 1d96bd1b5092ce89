// newsindex: builds and updates a newsarchive database from article files.
#include <CLI/CLI.hpp>
#include <iostream>

#include "article_entities.h"
#include "cli_support.h"
#include "index_run.h"
#include "interrupt.h"

using namespace newsarchive;

namespace {

int index_command(const IndexOptions& options, bool quiet) {
  auto log = make_stderr_logger("newsindex");
  if (quiet) log->set_level(spdlog::level::err);
  install_interrupt_handlers();
  IndexReport report = run_index(options, *log);
  log->info("{}; database {}", report_summary(report), options.database.string());
  if (report.interrupted_by != 0) return kInterruptedBase + report.interrupted_by;
  return report.skipped > 0 ? kPartial : kOk;
}

// Prints the entity mentions of one article's text (a file, or stdin for "-").
int entities_command(const std::string& input) {
  std::string text = read_input(input);
  write_mentions_jsonl(resolve_mentions(text, EntityTagger::english()), std::cout);
  return kOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"newsindex: index a news archive for newssearch"};
  app.require_subcommand(1);
  IndexOptions options;
  std::string database = default_database_path();
  bool quiet = false;

  CLI::App* index = app.add_subcommand("index", "Index article files and JSON Lines archives");
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
  index->add_flag("--force", options.force, "Rewrite every article, even unchanged ones");
  index->add_flag("--prune", options.prune,
                  "Delete articles whose id this run did not produce (sources that are gone)");
  index->add_flag("-q,--quiet", quiet, "Print errors only");
  index->add_option("PATH", options.inputs, "Article files or directories (walked recursively)")
      ->required();

  std::string entities_input = "-";
  CLI::App* entities = app.add_subcommand(
      "entities", "Print the named entities of one article as JSON lines (byte offsets)");
  entities->add_option("FILE", entities_input, "Article text file, or - for standard input")
      ->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error);  // --help
    return report_usage_error("newsindex", error.what());
  }
  options.database = database;
  if (entities->parsed())
    return run_guarded("newsindex", [&] { return entities_command(entities_input); });
  return run_guarded("newsindex", [&] { return index_command(options, quiet); });
}
