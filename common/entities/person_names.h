// Person-name normalisation and alias merging.
//
// Within an article every person mention resolves to one canonical name: "Esper", "Mr. Esper"
// (the tagger leaves titles out of spans) and "Mark Esper's" all become "Mark Esper" when the
// article gives the full name. A bare surname in an article that never gives a full name stays
// as written. Across articles the same name is the same person: person_key() folds case and
// punctuation so that "Mark Esper", "MARK ESPER" and "Mark  Esper" share one key.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsarchive {

// The identity of a person name: lower-cased, periods and apostrophes removed, hyphens and
// whitespace runs folded to single spaces. "Vasquez-Harland" and "vasquez harland" are equal.
std::string person_key(std::string_view name);

// The key of the surname: the last whitespace-separated word that is not a generational suffix
// (name_parts.h): "William Seely III" → "seely", "Elin Vasquez-Harland" → "vasquez harland".
// Empty when there is no such word ("", "III"), and for a name that ends in a regnal number
// ("Henry VIII", "Louis XIV"), whose name before the number is a given name: a suffix is never
// a surname.
std::string surname_key(std::string_view name);

// True when `name` has at most one word that is neither a particle ("de", "van", "al", ...) nor
// a generational suffix: "Esper", "De Almenara", "Seely III". A regnal number counts as a word,
// so "Henry VIII" is a full name.
bool is_bare_surname(std::string_view name);

// A mention's surface text cleaned for display: whitespace folded, a possessive ending
// ("'s", "’s", or a bare trailing apostrophe) removed, brackets read as spaces.
std::string clean_person_text(std::string_view text);

// For mention texts in article order, the canonical name of each (same length and order).
std::vector<std::string> resolve_person_aliases(const std::vector<std::string>& mentions);

// The distinct canonical names of an article in first-mention order, duplicates by key removed.
std::vector<std::string> distinct_persons(const std::vector<std::string>& canonical_names);

}  // namespace newsarchive
