// Names with a regnal number ("Elizabeth I", "Louis XIV", "Charles VI"). The tagger learnt
// names from text where "I" is mostly the pronoun and numerals mostly end wars and sequels, so
// it cuts "Elizabeth I" short, types "Louis XIV" an organisation, and joins the pronoun to a
// name in "When I met Reagan I said". These fix the span and the type from the words around.
#pragma once

#include <string_view>

#include "entities/entity_tagger.h"

namespace newsarchive {

// Adjusts `mention`, found by `tagger` in `text`:
//  - a mention ending in the word "I" followed by a lower-case word other than "of" ends
//    before it: that "I" is the pronoun ("Reagan I said");
//  - a person mention, or a given name alone of any type, followed by the word "I" and then
//    punctuation, "of" or the end of the text takes it in and is a person ("Elizabeth I of
//    England", "Elizabeth I's reign");
//  - a mention of a given name and a regnal number in capitals, perhaps after a ruler's title
//    ("Louis XIV", "Queen Elizabeth I"; "I" only where the words after it are no pronoun's), is
//    a person whatever the tagger typed it ("World War II" stays: "World" is no given name).
void fix_regnal_name(std::string_view text, EntityMention& mention, const EntityTagger& tagger);

}  // namespace newsarchive
