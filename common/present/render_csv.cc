#include "present/render_csv.h"

#include <cstdio>

#include "text/errors.h"

namespace newsarchive {

namespace {

std::string valid_names() {
  std::string names;
  for (std::string_view name : csv_field_names()) {
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

std::string score_text(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", score);
  return buffer;
}

std::string joined_persons(const std::vector<std::string>& persons) {
  std::string joined;
  for (const std::string& person : persons) {
    if (!joined.empty()) joined += "; ";
    joined += person;
  }
  return joined;
}

std::string cell(const Hit& hit, CsvField field) {
  switch (field) {
    case CsvField::kRank:
      return std::to_string(hit.rank);
    case CsvField::kId:
      return hit.id;
    case CsvField::kDate:
      return hit.date ? hit.date->iso() : std::string();
    case CsvField::kScore:
      return score_text(hit.score);
    case CsvField::kHeadline:
      return hit.title.text;
    case CsvField::kSource:
      return hit.source;
    case CsvField::kPersons:
      return joined_persons(hit.persons);
    case CsvField::kSnippet:
      return hit.snippet.text;
  }
  return {};
}

}  // namespace

const std::vector<std::string_view>& csv_field_names() {
  static const std::vector<std::string_view> names = {"rank",     "id",     "date",    "score",
                                                      "headline", "source", "persons", "snippet"};
  return names;
}

std::vector<CsvField> all_csv_fields() {
  std::vector<CsvField> fields;
  for (size_t i = 0; i < csv_field_names().size(); ++i) fields.push_back(static_cast<CsvField>(i));
  return fields;
}

std::vector<CsvField> parse_csv_fields(std::string_view list) {
  std::vector<CsvField> fields;
  const std::vector<std::string_view>& names = csv_field_names();
  size_t start = 0;
  while (true) {
    size_t comma = list.find(',', start);
    std::string_view name =
        list.substr(start, comma == std::string_view::npos ? list.npos : comma - start);
    size_t index = 0;
    while (index < names.size() && names[index] != name) ++index;
    if (index == names.size())
      throw UserError((name.empty()
                           ? std::string("empty name in --fields")
                           : "unknown field for --fields: " + quote_value(std::string(name))) +
                      " (valid: " + valid_names() + ")");
    fields.push_back(static_cast<CsvField>(index));
    if (comma == std::string_view::npos) return fields;
    start = comma + 1;
  }
}

std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

void render_csv(const SearchResult& result, const std::vector<CsvField>& fields,
                std::ostream& out) {
  const char* separator = "";
  for (CsvField field : fields) {
    out << separator << csv_field_names()[static_cast<size_t>(field)];
    separator = ",";
  }
  out << "\r\n";
  for (const Hit& hit : result.hits) {
    separator = "";
    for (CsvField field : fields) {
      out << separator << csv_field(cell(hit, field));
      separator = ",";
    }
    out << "\r\n";
  }
}

}  // namespace newsarchive
