// Which display form a row of merged names shows. Facets and statistics merge the names of
// persons, places and organisations by person_key(), so "George W. Bush", "George W Bush" and
// "GEORGE W. BUSH" are one row; the row shows the form most articles use.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>

namespace newsarchive {

// How a form is written, in the order of preference for ties: capitals and small letters mixed
// ("Mark Esper"), small letters only, then capitals only ("MARK ESPER", a shouted headline).
// A form without cased letters counts as mixed.
enum class LetterCase { kMixed, kLower, kUpper };
LetterCase letter_case(std::string_view form);

// True when `a`, seen in `a_count` articles, is shown rather than `b`, seen in `b_count`: the
// larger count wins; on a tie the better letter case, then the smaller byte string. A strict
// order, so the choice does not depend on the order forms were met in.
bool shows_before(std::string_view a, Xapian::doccount a_count, std::string_view b,
                  Xapian::doccount b_count);

// The forms of one merged name with their counts; add() the same form again to add to its count.
class DisplayForms {
 public:
  void add(const std::string& form, Xapian::doccount count);
  bool empty() const { return counts_.empty(); }
  // The sum of every form's count.
  Xapian::doccount total() const { return total_; }
  // The form shows_before every other; empty when none was added.
  std::string most_common() const;

 private:
  std::map<std::string, Xapian::doccount> counts_;
  Xapian::doccount total_ = 0;
};

}  // namespace newsarchive
