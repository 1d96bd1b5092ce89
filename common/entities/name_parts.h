// The words of a person's name that are not names of their own: particles that join a surname
// ("de" in "Carlota de Almenara") and the suffixes that tell apart people of the same name,
// generational ("Jr.", "2nd") or regnal ("Henry VIII"). One list of each, for the tagger and for
// alias merging alike.
#pragma once

#include <string_view>

namespace newsarchive {

// True when `key` is a generational suffix or a regnal number: "jr", "sr", "2nd", or a roman
// numeral from "i" to "xix". `key` is lower case without full stops, as person_key() makes it.
bool is_name_suffix(std::string_view key);

// The same for a word as written, lower-cased and possibly ending in a full stop. Only the
// suffixes that are abbreviations take the stop: "jr." and "sr." are suffixes, "v." and "x."
// are initials ("John V. Smith"), and the tokenizer leaves a stop on no other numeral.
bool is_name_suffix_as_written(std::string_view lower_word);

// True when `key` (lower case) is a particle: a word that joins the surname after it rather
// than being a name ("de", "van", "bin", "al", ...).
bool is_name_particle(std::string_view key);

}  // namespace newsarchive
