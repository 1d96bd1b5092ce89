// What the words around a person mention say it is instead. The tagger reads a capitalised word
// before a verb as a name, so a city or a firm that is not in its lists comes out as a person
// ("the judge in Denver who is hearing", "Caroline Levy of E.F. Hutton"); the phrases a news
// story puts around a place or a firm say otherwise. Each is one piece of evidence; the article
// weighs them against the name's other mentions (mention_consistency.h).
#pragma once

#include <optional>
#include <vector>

#include "entities/mention_consistency.h"

namespace newsarchive {

// The type the surroundings of person mention `i` of `mentions` (an article's mentions in text
// order) give it, nullopt when they say nothing:
//  - a place, for a one-word name after "in", "near", "outside", "from" or "north of" (and the
//    other compass points), before a comma and a US state ("Denver, Colo."), or joined by "and",
//    "or" or a comma to a place mention ("Philadelphia and Denver");
//  - an organisation, before a stock ticker ("E.F. Hutton <EFH>"), before the staff only a firm
//    has, analysts, economists, strategists and traders ("E.F. Hutton food analyst June
//    Page"), after a job word and "with" or "at" ("an analyst with E.F. Hutton"), after
//    a person of two or more words and "of" ("Caroline Levy of E.F. Hutton"), or for two
//    one-word names joined by "and" and joined as one to an organisation mention ("AFG
//    Industries Inc and Wagner and Brown", "Wagner and Brown and AFG Industries Inc") or after
//    "privately-held" (each of the two).
// A mention followed by a possessive ("in Reagan's speech") is never evidence.
std::optional<EntityType> type_by_context(const std::vector<TypedName>& mentions, size_t i);

}  // namespace newsarchive
