// The words of a person's name that are not names of their own: particles that join a surname
// ("de" in "Carlota de Almenara"), the suffixes that tell apart people of the same name,
// generational ("Jr.", "2nd") or regnal ("Henry VIII"), and the honorifics and titles written
// before a name ("Mr", "Prime Minister"). One list of each, for the tagger and for alias merging
// alike.
#pragma once

#include <optional>
#include <string_view>

namespace newsarchive {

// True when `key` is a generational suffix or a regnal number: "jr", "sr", "2nd", or a roman
// numeral from "i" to "xix". `key` is lower case without full stops, as person_key() makes it.
bool is_name_suffix(std::string_view key);

// True for the numerals read as regnal numbers, which follow a given name ("Henry VIII", "Louis
// XIV"): I and VI to XIX. II to V are read as generational suffixes, which follow a surname
// ("William Seely III"): both uses are common, and read as generational a bare "Seely III"
// still names the "William Seely III" of its article.
bool is_regnal_number(std::string_view key);

// The same as is_name_suffix for a word as written, lower-cased and possibly ending in a full stop.
// Only the suffixes that are abbreviations take the stop: "jr." and "sr." are suffixes, "v." and
// "x." are initials ("John V. Smith"), and the tokenizer leaves a stop on no other numeral. For
// the tagger's features, which were trained on the roman numerals and "Jr."/"Sr." alone: an
// ordinal in digits ("2nd") is not one here.
bool is_name_suffix_as_written(std::string_view lower_word);

// True when `key` (lower case) is a particle: a word that joins the surname after it rather
// than being a name ("de", "van", "bin", "al", ...).
bool is_name_particle(std::string_view key);

// True when `word` (any case, a trailing full stop allowed) is an honorific or a title written
// before a name, which CoNLL and this project keep outside the name: "Mr", "mrs.", "Dr", "Sir",
// "Dame", "Lady", "President", "Prime", "Minister", "Chancellor", "General", or titles joined by
// hyphens ("Lieutenant-Colonel").
bool is_title_word(std::string_view word);

// True when `name` has a word and every word is a title ("Mr", "Prime Minister", "DR."): such a
// mention names nobody.
bool is_title_only(std::string_view name);

// The type a name ending in `word` has when that word ends place or organisation names and never
// a person's: "Street", "Square", "Bridge", "Auditorium" end places ("Downing Street"); "Corp",
// "Inc", "Ltd", "Party", "Athletic", "United", "Club", "Bank", "Democrats", "Dems" end
// organisations
// ("Corvessa Athletic", "Lib Dems"). Any
// case, a trailing full stop allowed. nullopt for other words.
enum class NameHead { kPlace, kOrganization };
std::optional<NameHead> non_person_head(std::string_view word);

// True when a person mention of `name` names nobody: titles alone ("Mr", "Prime Minister"), a
// number word first ("Nine", "Nine Mths" in an earnings table), initials alone ("H.K.",
// "N.Z.", which abbreviate places), or an abbreviation's plural ("SUVs").
bool names_nobody(std::string_view name);

// True when `word` (any case) starts place names and never a person's: "Port", "Mount", "Lake",
// "Fort", "Cape", "Gulf" ("Port Halden", "Mount Kenya").
bool is_place_initial(std::string_view word);

// True when `word` says what a person was, before the name: "ex-" and a word ("Ex-Yankee
// Randy Velarde", "ex-Beatle"). Such a word is no part of the name.
bool is_former_marker(std::string_view word);

// True when `word` (any case) starts sports clubs' names and is never a person's: "Deportivo",
// "Sporting", "Dinamo", "Olympique" ("Deportivo Coruna", or "Deportivo" alone).
bool is_club_initial(std::string_view word);

// True when `word` (any case) names a kind of storm, before the storm's given name ("Storm
// Ilse", "Hurricane Katrina").
bool is_storm_word(std::string_view word);

}  // namespace newsarchive
