// Query parsing: QueryParser set up from the schema table, with the date: field processor.
#include "query/query_parser.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "entities/person_names.h"
#include "query/possessives.h"
#include "query/stopwords.h"
#include "store/date_terms.h"
#include "store/document_builder.h"
#include "store/schema.h"
#include "text/errors.h"
#include "text/utf8.h"

namespace newsarchive {
namespace {

// "U+001B", as Unicode writes code points.
std::string code_point_name(unsigned code_point) {
  char name[16];
  std::snprintf(name, sizeof name, "U+%04X", code_point);
  return name;
}

std::string byte_name(unsigned char byte) {
  char name[8];
  std::snprintf(name, sizeof name, "0x%02x", static_cast<unsigned>(byte));
  return name;
}

// The control characters that are whitespace: Xapian's parser treats each as a space.
bool is_whitespace_control(unsigned code_point) {
  return code_point == '\t' || code_point == '\n' || code_point == '\v' || code_point == '\f' ||
         code_point == '\r';
}

// C0, DEL and C1 (U+0080-U+009F, which some terminals obey as escape sequences).
bool is_control(unsigned code_point) {
  return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F);
}

// Checks text a user typed and returns it with TAB, LF, VT, FF and CR turned into spaces.
//
// Throws UserError unless `text` is valid UTF-8 (RFC 3629: no overlong forms, surrogates or code
// points past U+10FFFF) whose only control characters are those five. Rejecting rather than
// stripping: Xapian would read an invalid byte as a Latin-1 letter and search for a word nobody
// typed, and a control character is pasted debris (or a terminal escape sequence) that error
// messages quoting the text must not echo. The message names `what` ("query") and the 1-based
// byte position, and never the offending bytes themselves. Turning the five into spaces changes
// nothing for the parser and keeps every message that quotes the text on one line.
std::string clean_user_text(const std::string& text, std::string_view what) {
  std::string cleaned = text;
  size_t i = 0;
  while (i < text.size()) {
    auto [code_point, length] = decode_utf8_sequence(text, i);
    if (length == 0)
      throw UserError(std::string(what) + " is not valid UTF-8 at byte " + std::to_string(i + 1) +
                      " (" + byte_name(static_cast<unsigned char>(text[i])) + ")");
    if (is_whitespace_control(code_point))
      cleaned[i] = ' ';
    else if (is_control(code_point))
      throw UserError(std::string(what) + " contains control character " +
                      code_point_name(code_point) + " at byte " + std::to_string(i + 1));
    i += length;
  }
  return cleaned;
}

bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

// Throws UserError for a NEAR/n or ADJ/n operator whose n is over kMaxProximityWindow.
//
// This has to look at the text: Xapian accumulates n in a size_t without an overflow check and
// keeps 32 bits of it, so the parsed query cannot tell NEAR/4294967297 from NEAR/1. Operators are
// recognised as Xapian's lexer recognises them (upper case, n of ASCII digits ending at
// whitespace or the end), except that the scan does not track quotes or fields and treats a
// non-ASCII character before the word as a word boundary. So it may also refuse an absurd n that
// Xapian would have read as words ("NEAR/99999" in a phrase), never the other way round.
void check_proximity_windows(const std::string& text) {
  for (size_t start = 0; start < text.size(); ++start) {
    if (start > 0) {
      auto previous = static_cast<unsigned char>(text[start - 1]);
      if (std::isalnum(previous) || previous == '_') continue;
    }
    std::string_view rest = std::string_view(text).substr(start);
    std::string_view name = rest.starts_with("NEAR/")  ? "NEAR"
                            : rest.starts_with("ADJ/") ? "ADJ"
                                                       : "";
    if (name.empty()) continue;
    size_t digits = start + name.size() + 1;
    size_t end = digits;
    size_t window = 0;
    // Saturates just past the limit, so no length of digits can overflow.
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) {
      window =
          std::min(window * 10 + static_cast<size_t>(text[end] - '0'), kMaxProximityWindow + 1);
      ++end;
    }
    if (end == digits || window <= kMaxProximityWindow) continue;
    if (end < text.size() && !Xapian::Unicode::is_whitespace(
                                 *Xapian::Utf8Iterator(text.data() + end, text.size() - end)))
      continue;  // "NEAR/5000x": Xapian reads it as words
    throw UserError(std::string(name) +
                    " window too wide: " + quote_value(text.substr(start, end - start)) +
                    " (the limit is " + std::to_string(kMaxProximityWindow) +
                    " words; use AND for words anywhere in an article)");
  }
}

// The fewest year, month and day terms that cover [first, last] exactly: whole years as Y terms,
// whole months as M terms, the days left over as D terms. Empty when first > last. Stops after
// kMaxDateTerms + 1 terms: a range needing more is not built from terms at all.
std::vector<std::string> date_terms_covering(Date first, const Date& last) {
  std::vector<std::string> terms;
  Date day = first;
  while (day <= last && terms.size() <= kMaxDateTerms) {
    const Date year_end{day.year, 12, 31};
    const Date month_end{day.year, day.month, days_in_month(day.year, day.month)};
    Date covered_to = day;
    if (day.month == 1 && day.day == 1 && year_end <= last) {
      terms.push_back(date_term(day, DatePrecision::kYear));
      covered_to = year_end;
    } else if (day.day == 1 && month_end <= last) {
      terms.push_back(date_term(day, DatePrecision::kMonth));
      covered_to = month_end;
    } else {
      terms.push_back(date_term(day, DatePrecision::kDay));
    }
    if (covered_to == Date{kMaxYear, 12, 31}) break;
    // The day after covered_to.
    if (covered_to.day < days_in_month(covered_to.year, covered_to.month))
      day = Date{covered_to.year, covered_to.month, covered_to.day + 1};
    else if (covered_to.month < 12)
      day = Date{covered_to.year, covered_to.month + 1, 1};
    else
      day = Date{covered_to.year + 1, 1, 1};
  }
  return terms;
}

// What a parsed query costs, counted as kMaxQueryTerms and kMaxQueryWildcards define it.
struct QueryCost {
  size_t terms = 0;  // terms, wildcards and value ranges, each occurrence; date terms excepted
  size_t wildcards = 0;
};

// Walks the tree with an explicit stack: brackets can nest as deep as the byte limit allows.
QueryCost query_cost(const Xapian::Query& query) {
  QueryCost cost;
  std::vector<Xapian::Query> pending{query};
  while (!pending.empty()) {
    Xapian::Query node = std::move(pending.back());
    pending.pop_back();
    Xapian::Query::op type = node.get_type();
    if (type == Xapian::Query::OP_WILDCARD) {
      ++cost.terms;
      ++cost.wildcards;
    } else if (type == Xapian::Query::LEAF_TERM) {
      // A date: clause is counted once, by its processor, however many date terms it became.
      if (!is_date_term(*node.get_terms_begin())) ++cost.terms;
    } else if (type == Xapian::Query::OP_VALUE_RANGE || type == Xapian::Query::OP_VALUE_GE ||
               type == Xapian::Query::OP_VALUE_LE) {
      ++cost.terms;
    }
    for (size_t i = 0; i < node.get_num_subqueries(); ++i) pending.push_back(node.get_subquery(i));
  }
  return cost;
}

// The first error a field processor met while the parser ran. Xapian 1.4.22's QueryParser
// cannot unwind an exception thrown from a FieldProcessor: it leaks, and under a +/- prefix
// (`+date:2021-82`) it frees a bad pointer and crashes. So processors never throw; they record
// the error here and return MatchNothing, and parse_user_query() throws it after parsing.
using FieldError = std::shared_ptr<std::optional<std::string>>;

// Runs `make` for a field processor, turning a UserError into a recorded one.
template <typename Make>
Xapian::Query recording_errors(const FieldError& error, Make make) {
  try {
    return make();
  } catch (const UserError& failure) {
    if (!*error) *error = failure.what();
    return Xapian::Query::MatchNothing;
  }
}

// Handles date:VALUE where VALUE is a date of parse_natural_date, or a range A..B with either
// end omitted (parse_date_range), all relative to `today`. Xapian hands over a quoted value
// (date:"last week") without its quotes; an unquoted one ends at the first space, so the error
// for a bad value says how to quote. Each clause counts as one term of the query, whatever
// number of date terms it becomes.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  DateFieldProcessor(FieldError error, std::shared_ptr<size_t> clauses, const Date& today)
      : error_(std::move(error)), clauses_(std::move(clauses)), today_(today) {}
  Xapian::Query operator()(const std::string& value) override {
    ++*clauses_;
    return recording_errors(error_, [&] { return parse(value); });
  }

 private:
  Xapian::Query parse(const std::string& value) const {
    DateRangeParse parsed = parse_date_range(value, today_);
    if (!parsed.range)
      throw UserError("invalid date in query: " + quote_value("date:" + parsed.invalid_part) +
                      " (" + std::string(kDateFormsHint) +
                      "; quote a value with spaces: date:\"last week\")");
    if (!parsed.range->from && !parsed.range->to)
      throw UserError("empty date range in query: " + quote_value("date:" + value));
    return date_range_query(parsed.range->from, parsed.range->to);
  }

  FieldError error_;
  std::shared_ptr<size_t> clauses_;
  Date today_;
};

// A boolean field: the value is normalised exactly as the indexer normalised it.
class FilterFieldProcessor : public Xapian::FieldProcessor {
 public:
  FilterFieldProcessor(std::string_view prefix, schema::FieldKind kind, FieldError error)
      : prefix_(prefix), kind_(kind), error_(std::move(error)) {}
  Xapian::Query operator()(const std::string& value) override {
    return recording_errors(error_, [&] { return filter(value); });
  }

 private:
  Xapian::Query filter(const std::string& value) const {
    switch (kind_) {
      case schema::FieldKind::kPerson:
        return person_filter_query(value);
      case schema::FieldKind::kName:
        return Xapian::Query(filter_term(prefix_, person_key(value)));
      default:
        return Xapian::Query(filter_term(prefix_, value));
    }
  }

  std::string prefix_;
  schema::FieldKind kind_;
  FieldError error_;
};

}  // namespace

Xapian::Query person_filter_query(const std::string& name) {
  std::string cleaned = clean_user_text(name, "person name");
  std::string key = person_key(cleaned);
  if (key.empty()) throw UserError("empty person name: " + quote_value(cleaned));
  // A bare surname matches every canonical person whose surname it is.
  if (is_bare_surname(cleaned))
    return Xapian::Query(filter_term(schema::kSurnamePrefix, surname_key(cleaned)));
  return Xapian::Query(filter_term(schema::kPersonPrefix, key));
}

Xapian::Query name_filter_query(std::string_view prefix, const std::string& name,
                                std::string_view what) {
  std::string cleaned = clean_user_text(name, what);
  std::string key = person_key(cleaned);
  if (key.empty()) throw UserError("empty " + std::string(what) + ": " + quote_value(cleaned));
  return Xapian::Query(filter_term(prefix, key));
}

bool is_user_reachable_term(std::string_view term) {
  // Xapian marks a stemmed form with Z before any prefix ("Ztroop", "ZSiraq").
  if (term.starts_with('Z')) term.remove_prefix(1);
  // Prefixes are upper case and the parser lower-cases what it makes terms of, so a term that
  // does not start with a capital has no prefix.
  if (term.empty() || !is_ascii_upper(term.front())) return true;
  auto under = [term](std::string_view prefix) {
    return term.starts_with(prefix) &&
           (term.size() == prefix.size() || !is_ascii_upper(term[prefix.size()]));
  };
  for (const schema::FieldSpec& field : schema::kFields) {
    if (under(field.prefix)) return true;
    if (field.kind == schema::FieldKind::kPerson && under(schema::kSurnamePrefix)) return true;
  }
  return false;
}

std::string normalise_all_caps(const std::string& text) {
  bool has_lower = false;
  bool has_upper = false;
  for (Xapian::Utf8Iterator it(text); it != Xapian::Utf8Iterator(); ++it) {
    unsigned ch = *it;
    has_lower = has_lower || Xapian::Unicode::toupper(ch) != ch;
    has_upper = has_upper || Xapian::Unicode::tolower(ch) != ch;
  }
  if (has_lower || !has_upper) return text;
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = i;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    std::string word = text.substr(i, end - i);
    // Case is what tells the operator AND from the word "and", and a query in capitals has none:
    // it is nearly always a pasted headline or title ("EFFECT OF HEAT AND PRESSURE"), so the bare
    // operator words become words. NEAR/n and ADJ/n carry their window and cannot be words.
    bool windowed = word.starts_with("NEAR/") || word.starts_with("ADJ/");
    out += windowed ? word : Xapian::Unicode::tolower(word);
    while (end < text.size() && std::isspace(static_cast<unsigned char>(text[end])))
      out.push_back(text[end++]);
    i = end;
  }
  return out;
}

Xapian::Query date_range_query(const std::optional<DatePeriod>& from,
                               const std::optional<DatePeriod>& to) {
  if (from && to) {
    // Terms rather than a value range: Xapian intersects posting lists instead of reading the
    // date of every candidate (on 200,000 articles, "oil" in one month: 0.13 ms, not 4.8 ms).
    std::vector<std::string> terms = date_terms_covering(from->first, to->last);
    if (terms.empty()) return Xapian::Query::MatchNothing;
    if (terms.size() <= kMaxDateTerms)
      return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, from->first.slot_key(),
                         to->last.slot_key());
  }
  if (from)
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, from->first.slot_key());
  if (to) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, to->last.slot_key());
  return Xapian::Query::MatchAll;
}

Xapian::Query parse_user_query(const std::string& text, const Analyzer& analyzer,
                               const Xapian::Database& database, DefaultOperator default_operator,
                               const Date& today) {
  // Cheapest first: nothing below looks at more than kMaxQueryBytes.
  if (text.size() > kMaxQueryBytes)
    throw UserError("query too long: " + std::to_string(text.size()) + " bytes (the limit is " +
                    std::to_string(kMaxQueryBytes) + ")");
  std::string cleaned = clean_user_text(text, "query");
  if (cleaned.find_first_not_of(' ') == std::string::npos) return Xapian::Query::MatchAll;
  std::string normalised = normalise_all_caps(cleaned);
  check_proximity_windows(normalised);
  normalised = mark_possessive_names(normalised, database);

  Xapian::QueryParser parser;
  auto field_error = std::make_shared<std::optional<std::string>>();
  analyzer.configure(parser);
  // Query-time only: the index keeps every word, so phrases and quoted titles still match.
  if (const Xapian::Stopper* stopper = make_query_stopper(analyzer.language()))
    parser.set_stopper(stopper);
  parser.set_database(database);
  parser.set_default_op(default_operator == DefaultOperator::kAnd ? Xapian::Query::OP_AND
                                                                  : Xapian::Query::OP_OR);
  parser.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_ERROR,
                           Xapian::QueryParser::FLAG_WILDCARD);
  for (const schema::FieldSpec& field : schema::kFields) {
    if (field.kind == schema::FieldKind::kFreeText)
      parser.add_prefix(std::string(field.name), std::string(field.prefix));
    else
      parser.add_boolean_prefix(
          std::string(field.name),
          (new FilterFieldProcessor(field.prefix, field.kind, field_error))->release());
  }
  parser.add_prefix(std::string(kPossessiveField), make_possessive_field_processor());
  auto date_clauses = std::make_shared<size_t>(0);
  parser.add_boolean_prefix(std::string(schema::kDateField),
                            (new DateFieldProcessor(field_error, date_clauses, today))->release());

  constexpr unsigned kFlags =
      Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD;
  Xapian::Query query;
  try {
    query = parser.parse_query(normalised, kFlags);
  } catch (const Xapian::QueryParserError& error) {
    throw UserError("invalid query: " + error.get_msg() + ": " + quote_value(cleaned));
  }
  if (*field_error) throw UserError(**field_error);

  QueryCost cost = query_cost(query);
  cost.terms += *date_clauses;
  if (cost.terms > kMaxQueryTerms)
    throw UserError("query too long: " + std::to_string(cost.terms) + " terms (the limit is " +
                    std::to_string(kMaxQueryTerms) + ")");
  if (cost.wildcards > kMaxQueryWildcards)
    throw UserError("too many wildcards in query: " + std::to_string(cost.wildcards) +
                    " (the limit is " + std::to_string(kMaxQueryWildcards) + ")");
  // The schema promises that user text cannot reach internal terms; a term that does is a bug
  // in a field processor or in this function, not a user error (the query fuzzer treats it as a
  // crash).
  for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term)
    if (!is_user_reachable_term(*term) && !(*date_clauses > 0 && is_date_term(*term)))
      throw std::logic_error("the query parser produced the internal term " + quote_value(*term) +
                             "; please report this as a bug");
  return query;
}

}  // namespace newsarchive
