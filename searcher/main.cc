// newssearch: ranked search over one or more newsarchive databases.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <limits>

#include "present/cli_support.h"
#include "present/render.h"
#include "present/render_csv.h"
#include "present/version.h"
#include "query/search.h"
#include "text/errors.h"
#include "text/natural_date.h"

using namespace newsarchive;

namespace {

struct SearchOptions {
  std::vector<std::string> databases;
  std::vector<std::string> query_words;
  std::string from;
  std::string to;
  std::string sort = "relevance";
  std::string duplicates = "collapse";
  std::string op = "and";
  std::string format = "text";
  std::string color = "auto";
  std::string fields;         // --fields: CSV columns, comma-separated
  bool fields_given = false;  // --fields was given (an empty list is an error, not the default)
  Xapian::doccount limit = 10;
  Xapian::doccount offset = 0;
  std::vector<std::string> persons;
  std::vector<std::string> places;
  std::vector<std::string> organizations;
  std::vector<std::string> facets;
  size_t facet_size = 10;
  bool exact = false;
  std::string like;
};

// --from takes the first day of what its value names, --to the last; a range A..B names A's
// first day to B's last, so both ends are needed here.
std::optional<DatePeriod> date_option(const std::string& value, const char* option,
                                      const Date& today) {
  if (value.empty()) return std::nullopt;
  DateRangeParse parsed = parse_date_range(value, today);
  std::string start = std::string("invalid date for ") + option + ": " + quote_value(value);
  if (!parsed.range) throw UserError(start + " (" + std::string(kDateFormsHint) + ")");
  if (!parsed.range->from || !parsed.range->to)
    throw UserError(start + " (a range here needs both ends: A..B)");
  return DatePeriod{parsed.range->from->first, parsed.range->to->last};
}

// Turns validated options into a request.
SearchRequest resolve(const SearchOptions& options) {
  SearchRequest request;
  for (const std::string& word : options.query_words)
    request.query += (request.query.empty() ? "" : " ") + word;
  request.today = reference_today();
  request.from = date_option(options.from, "--from", request.today);
  request.to = date_option(options.to, "--to", request.today);
  if (request.from && request.to && request.to->last < request.from->first)
    throw UserError("--to " + quote_value(options.to) + " is before --from " +
                    quote_value(options.from));
  request.sort = options.sort == "newest"   ? SortOrder::kNewest
                 : options.sort == "oldest" ? SortOrder::kOldest
                                            : SortOrder::kRelevance;
  request.duplicates =
      options.duplicates == "show" ? DuplicateMode::kShow : DuplicateMode::kCollapse;
  request.default_operator = options.op == "or" ? DefaultOperator::kOr : DefaultOperator::kAnd;
  request.offset = options.offset;
  request.limit = options.limit;
  request.persons = options.persons;
  request.places = options.places;
  request.organizations = options.organizations;
  for (const std::string& name : options.facets) request.facets.insert(*facet_from_name(name));
  request.facet_size = options.facet_size;
  request.exact_count = options.exact;
  if (!options.like.empty()) request.like_id = options.like;
  return request;
}

// The CSV columns to print. --fields shapes a table, so it is refused with the other formats
// rather than silently ignored; facets are no table's rows, so CSV refuses them too.
std::vector<CsvField> csv_columns(const SearchOptions& options) {
  if (options.format != "csv") {
    if (options.fields_given)
      throw UserError("--fields applies only to --format csv, not " + quote_value(options.format));
    return {};
  }
  if (!options.facets.empty())
    throw UserError("--facet is not available with --format csv (use --format json or text)");
  return options.fields_given ? parse_csv_fields(options.fields) : all_csv_fields();
}

int search_command(SearchOptions& options) {
  if (options.databases.empty()) options.databases.push_back(default_database_path());
  SearchRequest request = resolve(options);
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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"newssearch: search a news archive indexed by newsindex"};
  SearchOptions options;
  app.add_option("--db", options.databases,
                 "Database directory; repeat to search several as one (default: " +
                     default_database_path() + ")")
      ->allow_extra_args(false);
  app.add_option("--from", options.from,
                 "Earliest date: YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, 'N days ago' "
                 "(weeks, months, years), 'this week', 'last month' (week, month, year), "
                 "'march 2020', march; the first day of the period named");
  app.add_option("--to", options.to,
                 "Latest date, the same forms as --from; inclusive of the whole period named");
  app.add_option("--sort", options.sort, "Result order")
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}))
      ->capture_default_str();
  app.add_option("--duplicates", options.duplicates,
                 "Versions of one story: the best-ranked only, or every one with its story key")
      ->check(CLI::IsMember({"collapse", "show"}))
      ->capture_default_str();
  app.add_option("--op", options.op, "Operator between query words")
      ->check(CLI::IsMember({"and", "or"}))
      ->capture_default_str();
  app.add_option("-n,--limit", options.limit, "Results to show")
      ->check(CLI::Range(0u, 10000u))
      ->capture_default_str();
  // Any offset is safe (Xapian clamps it to the number of documents); the range makes CLI11 say
  // what is wrong with a negative or too-large value instead of "Could not convert".
  app.add_option("--offset", options.offset, "Results to skip")
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
  app.add_option("--person", options.persons,
                 "Only articles mentioning this person (full name, or a surname); repeatable")
      ->allow_extra_args(false);
  app.add_option("--place", options.places,
                 "Only articles naming this place (case and punctuation ignored); repeatable")
      ->allow_extra_args(false);
  app.add_option("--org", options.organizations,
                 "Only articles naming this organisation (case and punctuation ignored); "
                 "repeatable")
      ->allow_extra_args(false);
  app.add_option("--facet", options.facets,
                 "Count matches by person, place, org, year or month; repeatable")
      ->check(CLI::IsMember({"person", "place", "org", "year", "month"}))
      ->allow_extra_args(false);
  app.add_option("--facet-size", options.facet_size, "Rows of each person, place and org facet")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  app.add_flag("--exact", options.exact,
               "Count every matching article exactly (beyond 100 the count is otherwise "
               "Xapian's estimate, printed as \"About N\"; slower on broad queries)");
  app.add_option("--like", options.like,
                 "Articles most like the article with this id (query words, if any, narrow them)");
  app.add_option("QUERY", options.query_words, "Query words (Xapian query syntax)");
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
