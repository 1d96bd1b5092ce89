// The display form of a merged name; see display_form.h.
#include "query/display_form.h"

namespace newsarchive {

LetterCase letter_case(std::string_view form) {
  bool upper = false;
  bool lower = false;
  for (Xapian::Utf8Iterator it(form.data(), form.size()); it != Xapian::Utf8Iterator(); ++it) {
    Xapian::Unicode::category category = Xapian::Unicode::get_category(*it);
    upper = upper || category == Xapian::Unicode::UPPERCASE_LETTER ||
            category == Xapian::Unicode::TITLECASE_LETTER;
    lower = lower || category == Xapian::Unicode::LOWERCASE_LETTER;
  }
  if (upper && !lower) return LetterCase::kUpper;
  if (lower && !upper) return LetterCase::kLower;
  return LetterCase::kMixed;
}

bool shows_before(std::string_view a, Xapian::doccount a_count, std::string_view b,
                  Xapian::doccount b_count) {
  if (a_count != b_count) return a_count > b_count;
  LetterCase a_case = letter_case(a);
  LetterCase b_case = letter_case(b);
  if (a_case != b_case) return a_case < b_case;
  return a < b;
}

void DisplayForms::add(const std::string& form, Xapian::doccount count) {
  counts_[form] += count;
  total_ += count;
}

std::string DisplayForms::most_common() const {
  const std::pair<const std::string, Xapian::doccount>* best = nullptr;
  for (const auto& entry : counts_)
    if (!best || shows_before(entry.first, entry.second, best->first, best->second)) best = &entry;
  return best ? best->first : std::string();
}

}  // namespace newsarchive
