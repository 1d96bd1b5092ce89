// One article, one reading of a name: a second look at the tagger's mentions as a whole. The
// tagger decides each occurrence from a few words around it, so the same name can come out as a
// person in one sentence ("CHRYSLER TO SELL CARS", "Port Halden said") and as an organisation
// or a place in another ("Chrysler Corp", "the port of Port Halden"). A person is the type such
// slips produce most (a capitalised word before a verb reads as a name), so where the article
// itself gives a name another type, the person reading gives way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "entities/entity_tagger.h"

namespace newsarchive {

// A mention's type and its text as written (possessive removed).
struct TypedName {
  EntityType type;
  std::string text;
  std::string_view after = {};   // the text that follows the mention (a few words suffice)
  std::string_view before = {};  // the text that precedes it (up to 32 bytes; three words)
};

// Retypes person mentions in place, by these rules, all by person_key() folding:
//  0. a person mention of two or more words ending in a word that ends places or organisations
//     and never a person's name (name_parts.h: "Downing Street", "Corvessa Athletic") takes
//     that type, one starting with a word that starts only places ("Port Halden") is a place, one
//     starting with a word that starts only clubs ("Deportivo Coruna", or "Deportivo" alone)
//     an organisation, one after a storm word ("Storm Ilse") is misc; one followed by an
//     organisation word, directly, after "and" or "&", or after up to two more capitalised words
//     ("Harris Upham and Co", "Smith Barney Inc", "Meridian Freight Group"), or after a slash and
//     up to two names ("Royal Dutch/Shell Group"), or listed before such a name or an organisation
//     ending in such a word ("Smith Barney, Harris Upham and Co") is an organisation. Such evidence
//     holds for every mention of the same name in the article; so does what the surroundings
//     say (mention_context.h) when they say it of at least half the name's person mentions,
//     except for the surname of a full person name in the article;
//  1. a name tagged as another type (place, organisation, misc) in the article at least as
//     often as a person takes that type (the most frequent of them);
//  2. a person mention none of whose words is part of any other person mention, and each of
//     whose words is part of a non-person mention ("Corvessa" beside "Corvessa Athletic",
//     "Chrysler" beside "Chrysler Corp"), takes the type of the mention holding its last word.
// Rule 2 needs the other type to use the word at least as often as persons do ("Woods" four
// times beside one "Tiger Woods" misread as an organisation stays a person), unless the other
// name ends in a head word ("Chrysler" beside one "Chrysler Corp" is the company). A word shared
// with another person mention keeps the person reading ("Trump" beside "Donald Trump" and "Trump
// Organization" stays a person), and so does the surname of a full person name in the article
// for rules 1 and 2 ("Washington" beside "MaliVai Washington", however often read as the city).
//  3. a one-word mention of another type that is the surname of a full person name in the
//     article is that person ("MaliVai Washington ... Washington served"), unless the word is
//     also part of a longer non-person name there ("the Washington Post").
void make_types_consistent(std::vector<TypedName>& mentions);

}  // namespace newsarchive
