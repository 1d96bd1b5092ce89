// Splits UTF-8 news text into word and punctuation tokens with byte offsets and marks sentence
// starts, following the CoNLL-2003 (Penn Treebank) conventions the entity tagger is trained on.
#pragma once

#include <string_view>
#include <vector>

namespace newsarchive {

struct Token {
  size_t start = 0;  // byte offset of the first byte
  size_t end = 0;    // exclusive
  // First token of a sentence: the first token of the text; the first after a line break unless
  // it starts with a lower-case letter (hard-wrapped text such as Reuters bodies continues its
  // sentences on the next line); or the first after a sentence-final ". ! ?" (closing quotes and
  // brackets may follow it) when whitespace and a capital letter (optionally after an opening
  // quote or bracket) come next.
  bool sentence_start = false;
};

// The tokens of `text`, in order; whitespace is never part of a token.
//  - A word is a run of letters and digits (any non-ASCII character that is not a space or a
//    punctuation mark counts as a letter), joined across an internal hyphen ("Vasquez-Harland",
//    "1996-08-30"), apostrophe between letters ("O'Neill", "d’Italia"), period before a letter or
//    digit ("U.S", "3.5"), and a comma, colon or slash between digits ("1,000", "12:30", "3/4"),
//    or an ampersand between letters ("AT&T").
//  - A word keeps a following period when it is a single letter ("J."), is made of short
//    period-separated letter groups ("U.S.", "a.m."), or is a known abbreviation ("Mr.", "Jr.",
//    "Inc."); any other period is a token of its own.
//  - The possessive "'s" / "’s" and the contractions 'm 're 've 'll 'd n't are split off
//    ("Trump's" → "Trump" "'s", "don't" → "do" "n't").
//  - Every other character is punctuation; a run of the same ASCII punctuation character
//    ("...", "--") is one token, other punctuation is one token per character.
// Invalid UTF-8 bytes are treated as letters, so any input tokenizes.
std::vector<Token> tokenize(std::string_view text);

// As above, reusing `tokens`' storage (cleared first).
void tokenize(std::string_view text, std::vector<Token>& tokens);

}  // namespace newsarchive
