// Query parsing: QueryParser set up from the schema table, with the date: field processor.
#include "query_parser.h"

#include <cctype>
#include <sstream>

#include "document_builder.h"
#include "errors.h"
#include "person_names.h"
#include "schema.h"

namespace newsarchive {
namespace {

bool is_operator_word(const std::string& word) {
  return word == "AND" || word == "OR" || word == "NOT" || word == "XOR" || word == "NEAR" ||
         word == "ADJ" || word.starts_with("NEAR/") || word.starts_with("ADJ/");
}

// Handles date:VALUE where VALUE is YYYY[-MM[-DD]], or a range A..B with either end omitted.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override {
    size_t dots = value.find("..");
    if (dots == std::string::npos) return date_range_query(period(value), period(value));
    std::string low = value.substr(0, dots);
    std::string high = value.substr(dots + 2);
    if (low.empty() && high.empty()) throw UserError("empty date range in query: 'date:..'");
    return date_range_query(low.empty() ? std::nullopt : std::optional(period(low)),
                            high.empty() ? std::nullopt : std::optional(period(high)));
  }

 private:
  static DatePeriod period(const std::string& text) {
    auto parsed = parse_date_period(text);
    if (!parsed)
      throw UserError("invalid date in query: " + quote_value("date:" + text) +
                      " (use YYYY, YYYY-MM or YYYY-MM-DD)");
    return *parsed;
  }
};

// A boolean field: the value is normalised exactly as the indexer normalised it.
class FilterFieldProcessor : public Xapian::FieldProcessor {
 public:
  FilterFieldProcessor(std::string_view prefix, schema::FieldKind kind)
      : prefix_(prefix), kind_(kind) {}
  Xapian::Query operator()(const std::string& value) override {
    switch (kind_) {
      case schema::FieldKind::kPerson:
        return person_filter_query(value);
      case schema::FieldKind::kName:
        return Xapian::Query(filter_term(prefix_, person_key(value)));
      default:
        return Xapian::Query(filter_term(prefix_, value));
    }
  }

 private:
  std::string prefix_;
  schema::FieldKind kind_;
};

}  // namespace

Xapian::Query person_filter_query(const std::string& name) {
  std::string key = person_key(name);
  if (key.empty()) throw UserError("empty person name: " + quote_value(name));
  // A bare surname matches every canonical person whose surname it is.
  if (is_bare_surname(name))
    return Xapian::Query(filter_term(schema::kSurnamePrefix, surname_key(name)));
  return Xapian::Query(filter_term(schema::kPersonPrefix, key));
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
    out += is_operator_word(word) ? word : Xapian::Unicode::tolower(word);
    while (end < text.size() && std::isspace(static_cast<unsigned char>(text[end])))
      out.push_back(text[end++]);
    i = end;
  }
  return out;
}

Xapian::Query date_range_query(const std::optional<DatePeriod>& from,
                               const std::optional<DatePeriod>& to) {
  if (from && to)
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, from->first.slot_key(),
                         to->last.slot_key());
  if (from)
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, from->first.slot_key());
  if (to) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, to->last.slot_key());
  return Xapian::Query::MatchAll;
}

Xapian::Query parse_user_query(const std::string& text, const Analyzer& analyzer,
                               const Xapian::Database& database, DefaultOperator default_operator) {
  if (text.find_first_not_of(" \t\n") == std::string::npos) return Xapian::Query::MatchAll;
  Xapian::QueryParser parser;
  analyzer.configure(parser);
  parser.set_database(database);
  parser.set_default_op(default_operator == DefaultOperator::kAnd ? Xapian::Query::OP_AND
                                                                  : Xapian::Query::OP_OR);
  parser.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_ERROR,
                           Xapian::QueryParser::FLAG_WILDCARD);
  for (const schema::FieldSpec& field : schema::kFields) {
    if (field.kind == schema::FieldKind::kFreeText)
      parser.add_prefix(std::string(field.name), std::string(field.prefix));
    else
      parser.add_boolean_prefix(std::string(field.name),
                                (new FilterFieldProcessor(field.prefix, field.kind))->release());
  }
  parser.add_boolean_prefix(std::string(schema::kDateField), (new DateFieldProcessor)->release());

  constexpr unsigned kFlags =
      Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD;
  try {
    return parser.parse_query(normalise_all_caps(text), kFlags);
  } catch (const Xapian::QueryParserError& error) {
    throw UserError("invalid query: " + error.get_msg() + ": " + quote_value(text));
  }
}

}  // namespace newsarchive
