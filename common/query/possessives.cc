// Possessives of capitalised query words; see possessives.h.
#include "query/possessives.h"

#include "query/query_words.h"

namespace newsarchive {
namespace {

class PossessiveFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& word) override {
    std::string lower = lower_case_word(word);
    const std::string forms[] = {lower, lower + "'s"};
    return Xapian::Query(Xapian::Query::OP_SYNONYM, std::begin(forms), std::end(forms));
  }
};

}  // namespace

std::string mark_possessive_names(const std::string& text, const Xapian::Database& database) {
  std::string marked;
  size_t copied = 0;
  for (const QueryWord& word : scan_query_words(text)) {
    std::string_view spelling = std::string_view(text).substr(word.start, word.end - word.start);
    if (!word.replaceable || !is_capitalised(spelling)) continue;
    if (!database.term_exists(lower_case_word(spelling) + "'s")) continue;
    marked.append(text, copied, word.start - copied);
    marked.append(kPossessiveField).push_back(':');
    copied = word.start;
  }
  marked.append(text, copied);
  return marked;
}

Xapian::FieldProcessor* make_possessive_field_processor() {
  return (new PossessiveFieldProcessor)->release();
}

}  // namespace newsarchive
