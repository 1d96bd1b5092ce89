// newssearch: ranked search over one or more newsarchive databases.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <limits>
#include <string_view>

#include "present/cli_support.h"
#include "present/render.h"
#include "present/render_csv.h"
#include "present/search_options.h"
#include "present/version.h"
#include "query/search.h"
#include "serve/listen_address.h"
#include "serve/web_server.h"
#include "text/errors.h"

using namespace newsarchive;

namespace {

// What the command line holds beyond the search itself.
struct CommandOptions {
  SearchOptions search;
  std::vector<std::string> databases;
  std::string format = "text";
  std::string color = "auto";
  std::string fields;         // --fields: CSV columns, comma-separated
  bool fields_given = false;  // --fields was given (an empty list is an error, not the default)
};

// The CSV columns to print. --fields shapes a table, so it is refused with the other formats
// rather than silently ignored; facets are no table's rows, so CSV refuses them too.
std::vector<CsvField> csv_columns(const CommandOptions& options) {
  if (options.format != "csv") {
    if (options.fields_given)
      throw UserError("--fields applies only to --format csv, not " + quote_value(options.format));
    return {};
  }
  if (!options.search.facets.empty())
    throw UserError("--facet is not available with --format csv (use --format json or text)");
  return options.fields_given ? parse_csv_fields(options.fields) : all_csv_fields();
}

int search_command(CommandOptions& options) {
  if (options.databases.empty()) options.databases.push_back(default_database_path());
  SearchRequest request = resolve_search(options.search, reference_today(), "--");
  std::vector<CsvField> columns = csv_columns(options);
  Searcher searcher(options.databases);
  SearchResult result = searcher.search(request);
  if (options.format == "json") {
    render_json(result, std::cout);
  } else if (options.format == "csv") {
    render_csv(result, columns, std::cout);
  } else {
    bool color = options.color == "always" || (options.color == "auto" && isatty(STDOUT_FILENO));
    render_text(result, TextStyle{color}, std::cout);
  }
  std::cout.flush();
  // "No results" means nothing matched, not that this page (--limit 0, a far --offset) is empty.
  return result.total_estimate == 0 ? kPartial : kOk;
}

// `newssearch serve [options]`: the web page and JSON API.
int serve_main(int argc, char** argv) {
  CLI::App app{"newssearch serve: the search page and JSON API over HTTP (read-only)"};
  ServeOptions options;
  std::string listen(kDefaultListen);
  app.add_option("--db", options.databases,
                 "Database directory; repeat to search several as one (default: " +
                     default_database_path() + ")")
      ->allow_extra_args(false);
  app.add_option("--listen", listen,
                 "HOST:PORT to listen on; port 0 picks a free one. Another address than "
                 "loopback makes the archive readable by whoever can reach it")
      ->capture_default_str();
  app.add_option("--threads", options.threads, "Requests served at once")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  app.add_option("--max-waiting", options.max_waiting,
                 "Connections waiting for a free thread before new ones get 503")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  app.add_option("--host-name", options.host_names,
                 "A name the Host header may give (IP addresses and localhost always may); "
                 "repeatable")
      ->allow_extra_args(false);
  app.add_option("--log-file", options.log_file,
                 "Append the access log (method, path, status, milliseconds) here instead of "
                 "stderr");
  app.set_version_flag("--version", version_line("newssearch"), "Print the version and exit");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error);
    return report_usage_error("newssearch serve", error.what());
  }
  return run_guarded("newssearch", [&] {
    if (options.databases.empty()) options.databases.push_back(default_database_path());
    options.listen = parse_listen_address(listen);
    return run_web_server(options);
  });
}

}  // namespace

int main(int argc, char** argv) {
  // A subcommand only as the first word, so every query still works (`newssearch -- serve`
  // searches for the word).
  if (argc > 1 && std::string_view(argv[1]) == "serve") return serve_main(argc - 1, argv + 1);
  CLI::App app{"newssearch: search a news archive indexed by newsindex"};
  CommandOptions options;
  SearchOptions& search = options.search;
  app.add_option("--db", options.databases,
                 "Database directory; repeat to search several as one (default: " +
                     default_database_path() + ")")
      ->allow_extra_args(false);
  app.add_option("--from", search.from,
                 "Earliest date: YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, 'N days ago' "
                 "(weeks, months, years), 'this week', 'last month' (week, month, year), "
                 "'march 2020', march; the first day of the period named");
  app.add_option("--to", search.to,
                 "Latest date, the same forms as --from; inclusive of the whole period named");
  app.add_option("--sort", search.sort, "Result order")
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}))
      ->capture_default_str();
  app.add_option("--duplicates", search.duplicates,
                 "Versions of one story: the best-ranked only, or every one with its story key")
      ->check(CLI::IsMember({"collapse", "show"}))
      ->capture_default_str();
  app.add_option("--op", search.op, "Operator between query words")
      ->check(CLI::IsMember({"and", "or"}))
      ->capture_default_str();
  app.add_option("-n,--limit", search.limit, "Results to show")
      ->check(CLI::Range(0u, 10000u))
      ->capture_default_str();
  // Any offset is safe (Xapian clamps it to the number of documents); the range makes CLI11 say
  // what is wrong with a negative or too-large value instead of "Could not convert".
  app.add_option("--offset", search.offset, "Results to skip")
      ->check(CLI::Range(Xapian::doccount{0}, std::numeric_limits<Xapian::doccount>::max()))
      ->capture_default_str();
  app.add_option("--format", options.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  CLI::Option* fields = app.add_option(
      "--fields", options.fields,
      "CSV columns, comma-separated, from rank,id,date,score,headline,source,persons,"
      "snippet (default: all, in that order); only with --format csv");
  app.add_option("--color", options.color, "Highlight matches in bold")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_option("--person", search.persons,
                 "Only articles mentioning this person (full name, or a surname); repeatable")
      ->allow_extra_args(false);
  app.add_option("--place", search.places,
                 "Only articles naming this place (case and punctuation ignored); repeatable")
      ->allow_extra_args(false);
  app.add_option("--org", search.organizations,
                 "Only articles naming this organisation (case and punctuation ignored); "
                 "repeatable")
      ->allow_extra_args(false);
  app.add_option("--facet", search.facets,
                 "Count matches by person, place, org, year or month; repeatable")
      ->check(CLI::IsMember({"person", "place", "org", "year", "month"}))
      ->allow_extra_args(false);
  app.add_option("--facet-size", search.facet_size, "Rows of each person, place and org facet")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  app.add_flag("--exact", search.exact,
               "Count every matching article exactly (beyond 100 the count is otherwise "
               "Xapian's estimate, printed as \"About N\"; slower on broad queries)");
  app.add_option("--like", search.like,
                 "Articles most like the article with this id (query words, if any, narrow them)");
  app.add_option("QUERY", search.query_words, "Query words (Xapian query syntax)");
  app.set_version_flag("--version", version_line("newssearch"), "Print the version and exit");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error);  // --help, --version
    return report_usage_error("newssearch", error.what());
  }
  options.fields_given = fields->count() > 0;
  return run_guarded("newssearch", [&] { return search_command(options); });
}
