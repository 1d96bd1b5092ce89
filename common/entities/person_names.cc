// Alias merging for person mentions; see person_names.h for the rules.
#include "entities/person_names.h"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "entities/name_parts.h"

namespace newsarchive {
namespace {

// The keys of the whitespace-separated words of `name`; hyphenated parts stay one word
// ("vasquez harland").
std::vector<std::string> word_keys(std::string_view name) {
  std::vector<std::string> keys;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && std::isspace(static_cast<unsigned char>(name[i]))) ++i;
    size_t start = i;
    while (i < name.size() && !std::isspace(static_cast<unsigned char>(name[i]))) ++i;
    if (i > start) {
      std::string key = person_key(name.substr(start, i - start));
      if (!key.empty()) keys.push_back(key);
    }
  }
  return keys;
}

// Words of a name that are neither generational suffixes nor particles. A regnal number counts:
// with the given name before it, it names one person in full ("Henry VIII").
size_t name_word_count(const std::vector<std::string>& words) {
  return static_cast<size_t>(std::count_if(words.begin(), words.end(), [](const std::string& w) {
    return (!is_name_suffix(w) || is_regnal_number(w)) && !is_name_particle(w);
  }));
}

std::string first_name_key(const std::vector<std::string>& words) {
  for (const std::string& word : words)
    if (!is_name_particle(word)) return word;
  return words.empty() ? std::string() : words.front();
}

bool is_all_caps(std::string_view text) {
  bool has_upper = false;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    unsigned ch = *it;
    if (Xapian::Unicode::toupper(ch) != ch) return false;
    if (Xapian::Unicode::tolower(ch) != ch) has_upper = true;
  }
  return has_upper;
}

// A person given by a full name within one article, and the mentions that name it.
struct FullName {
  std::string display;  // the most complete form seen
  std::string first_key;
  std::string surname;
  // Without a surname ("Henry VIII"), the whole name's key tells people apart ("Henry VII").
  std::string key_without_surname;
  size_t words = 0;
  std::vector<size_t> mentions;  // indices into the article's mention list
};

// True when `candidate` is a better display form than `current` for the same person.
bool better_display(const std::string& candidate, size_t candidate_words, const FullName& current) {
  if (candidate_words != current.words) return candidate_words > current.words;
  return is_all_caps(current.display) && !is_all_caps(candidate);
}

}  // namespace

std::string person_key(std::string_view name) {
  std::string folded;
  folded.reserve(name.size());
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == '.' || c == '\'' || c == ',') continue;
    if (name.substr(i, 3) == "\xE2\x80\x99") {  // ’
      i += 2;
      continue;
    }
    bool space = c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!folded.empty() && folded.back() != ' ') folded.push_back(' ');
    } else {
      folded.push_back(c);
    }
  }
  if (!folded.empty() && folded.back() == ' ') folded.pop_back();
  // Most names are ASCII: lower-case them in place, without decoding UTF-8.
  if (std::all_of(folded.begin(), folded.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    for (char& c : folded)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return folded;
  }
  return Xapian::Unicode::tolower(folded);
}

std::string surname_key(std::string_view name) {
  std::vector<std::string> words = word_keys(name);
  for (auto it = words.rbegin(); it != words.rend(); ++it) {
    if (is_regnal_number(*it)) return std::string();  // "Henry VIII" has no surname
    if (!is_name_suffix(*it)) return *it;
  }
  return std::string();
}

bool is_bare_surname(std::string_view name) {
  return name_word_count(word_keys(name)) <= 1;
}

std::string clean_person_text(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    // A bracket is never part of a name: "(Olympic champion Lindsay) Davenport" is Lindsay
    // Davenport, "(Tom) Seaver" Tom Seaver.
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')' || c == '[' ||
        c == ']') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  for (std::string_view ending : {std::string_view("'s"), std::string_view("\xE2\x80\x99s"),
                                  std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
    if (out.size() > ending.size() && out.ends_with(ending)) {
      out.resize(out.size() - ending.size());
      break;
    }
  }
  return out;
}

std::vector<std::string> resolve_person_aliases(const std::vector<std::string>& mentions) {
  std::vector<std::string> cleaned;
  cleaned.reserve(mentions.size());
  for (const std::string& mention : mentions) cleaned.push_back(clean_person_text(mention));

  // Full names: two or more name words. Same first word and surname are the same person
  // ("Mark Esper", "Mark T. Esper"); the most complete form is the canonical display.
  std::vector<FullName> people;
  std::vector<long> person_of(cleaned.size(), -1);
  for (size_t i = 0; i < cleaned.size(); ++i) {
    std::vector<std::string> words = word_keys(cleaned[i]);
    size_t count = name_word_count(words);
    if (count < 2) continue;
    std::string surname = surname_key(cleaned[i]);
    std::string first = first_name_key(words);
    std::string key_without_surname = surname.empty() ? person_key(cleaned[i]) : std::string();
    auto same = std::find_if(people.begin(), people.end(), [&](const FullName& person) {
      return person.first_key == first && person.surname == surname &&
             person.key_without_surname == key_without_surname;
    });
    if (same == people.end()) {
      people.push_back(FullName{cleaned[i], first, surname, key_without_surname, count, {}});
      same = people.end() - 1;
    } else if (better_display(cleaned[i], count, *same)) {
      same->display = cleaned[i];
      same->words = count;
    }
    same->mentions.push_back(i);
    person_of[i] = same - people.begin();
  }

  // Surname-only mentions ("Esper", "Seely III") join the full name with that surname; when
  // several full names share it, the one mentioned most recently before, else the first.
  std::vector<std::string> canonical(cleaned.size());
  for (size_t i = 0; i < cleaned.size(); ++i) {
    if (person_of[i] >= 0) {
      canonical[i] = people[static_cast<size_t>(person_of[i])].display;
      continue;
    }
    std::string surname = surname_key(cleaned[i]);
    const FullName* chosen = nullptr;  // nearest full name mentioned before i
    const FullName* first = nullptr;   // else the first with that surname
    size_t chosen_position = 0;
    for (const FullName& person : people) {
      if (surname.empty() || person.surname != surname) continue;
      if (!first) first = &person;
      for (size_t m : person.mentions) {
        if (m < i && (!chosen || m > chosen_position)) {
          chosen = &person;
          chosen_position = m;
        }
      }
    }
    if (!chosen) chosen = first;
    canonical[i] = chosen ? chosen->display : cleaned[i];
  }
  return canonical;
}

std::vector<std::string> distinct_persons(const std::vector<std::string>& canonical_names) {
  std::vector<std::string> distinct;
  std::set<std::string> seen;
  for (const std::string& name : canonical_names)
    if (!name.empty() && seen.insert(person_key(name)).second) distinct.push_back(name);
  return distinct;
}

}  // namespace newsarchive
