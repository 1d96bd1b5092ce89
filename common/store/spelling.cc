// The spelling table kept equal to the vocabulary; see spelling.h.
#include "store/spelling.h"

#include <string>
#include <utility>
#include <vector>

namespace newsarchive {
namespace {

constexpr size_t kShortestWord = 3;
constexpr size_t kLongestWord = 32;

// One change to the spelling table: a word and how much its frequency must rise (or fall).
struct SpellingChange {
  std::string word;
  long long delta;
};

}  // namespace

bool is_spelling_word(std::string_view term) {
  if (term.size() < kShortestWord || term.size() > kLongestWord) return false;
  if (term.front() >= 'A' && term.front() <= 'Z') return false;  // a prefixed term
  for (Xapian::Utf8Iterator it(term.data(), term.size()); it != Xapian::Utf8Iterator(); ++it) {
    switch (Xapian::Unicode::get_category(*it)) {
      case Xapian::Unicode::LOWERCASE_LETTER:
      case Xapian::Unicode::UPPERCASE_LETTER:
      case Xapian::Unicode::TITLECASE_LETTER:
      case Xapian::Unicode::MODIFIER_LETTER:
      case Xapian::Unicode::OTHER_LETTER:
      case Xapian::Unicode::NON_SPACING_MARK:
        break;
      default:
        return false;
    }
  }
  return true;
}

void synchronise_spelling(Xapian::WritableDatabase& database) {
  // Every prefix is upper case, so the unprefixed words all sort from "a" on (digits come before
  // the prefixes, and numbers are never spelling words anyway).
  Xapian::TermIterator term = database.allterms_begin();
  term.skip_to("a");
  const Xapian::TermIterator terms_end = database.allterms_end();
  Xapian::TermIterator spelling = database.spellings_begin();
  const Xapian::TermIterator spellings_end = database.spellings_end();
  auto next_word = [&] {
    while (term != terms_end && !is_spelling_word(*term)) ++term;
  };
  // The table is changed only after both walks: writing while iterating it is not safe.
  std::vector<SpellingChange> changes;
  next_word();
  while (term != terms_end || spelling != spellings_end) {
    int order = term == terms_end ? 1 : spelling == spellings_end ? -1 : (*term).compare(*spelling);
    long long wanted = order <= 0 ? term.get_termfreq() : 0;
    long long held = order >= 0 ? spelling.get_termfreq() : 0;
    const std::string word = order <= 0 ? *term : *spelling;
    if (wanted != held) changes.push_back({word, wanted - held});
    if (order <= 0) {
      ++term;
      next_word();
    }
    if (order >= 0) ++spelling;
  }
  for (const SpellingChange& change : changes) {
    if (change.delta > 0)
      database.add_spelling(change.word, static_cast<Xapian::termcount>(change.delta));
    else
      database.remove_spelling(change.word, static_cast<Xapian::termcount>(-change.delta));
  }
}

}  // namespace newsarchive
