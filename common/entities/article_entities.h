// Entities of an article: the tagger's mentions resolved to canonical names.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "entities/entity_tagger.h"
#include "ingest/article.h"

namespace newsarchive {

struct ResolvedMention {
  EntityMention mention;
  std::string text;       // the mention as written, possessive removed
  std::string canonical;  // persons: the alias-merged name; others: the text
};

// `text` with hard line wraps turned into spaces, for the tagger: archives wrap paragraphs at a
// fixed width, and a capitalised word after a wrap is not a sentence start. Only text that is
// hard-wrapped (most of its lines of 25 bytes or more end mid-sentence) is unwrapped, and only
// its lines of 25 bytes or more that end mid-sentence, not in a figure (a table row: "beat
// Larsson 6-3 6-4"), with no blank line after. Text with a sentence or a paragraph per line
// keeps its lines. The result has the same length, so mention offsets still index `text`.
std::string unwrap_lines(std::string_view text);

// True when `mention` is a one-word sign-off: the last word of `text`, alone on its line, set
// apart by two or more spaces, or after the last sentence ("...in 1986. REUTER"): wire services
// end bodies with their name, which names the agency, not a person in the story.
bool is_sign_off(std::string_view text, const EntityMention& mention);

// Every mention in `text`, persons resolved to their canonical names within this text. Person
// mentions that are titles alone ("Mr", "Prime Minister") are left out.
std::vector<ResolvedMention> resolve_mentions(std::string_view text, const EntityTagger& tagger);

// As above, for a text made of sections that each begin a sentence (EntityTagger::find).
std::vector<ResolvedMention> resolve_mentions(std::string_view text,
                                              const std::vector<size_t>& section_starts,
                                              const EntityTagger& tagger);

// The text the tagger reads for an article: its headline, a blank line and the start of its
// body (at most 1 MiB of it), and in `section_starts` where the body begins, so the headline is
// a sentence of its own (never run into the body's first words) in the same document (so the
// body's evidence, such as how a word is written mid-sentence, helps an ALL-CAPS headline).
std::string article_entity_text(const Article& article, std::vector<size_t>& section_starts);

// The resolved mentions of an article as indexing finds them: article_entity_text() tagged, a
// wire service's one-word sign-off on the last line left out. Offsets index that text.
std::vector<ResolvedMention> article_mentions(const Article& article, const EntityTagger& tagger);

// Writes one JSON object per mention, one per line: {"type", "start", "end", "text",
// "canonical"}, offsets in bytes into `text`, end exclusive.
void write_mentions_jsonl(const std::vector<ResolvedMention>& mentions, std::ostream& out);

// Fills article.persons, places and organizations from article_mentions(): the place of its
// dateline first among places, then the distinct canonical names in order of first mention.
// Headline and body are resolved together, so "Esper" in a headline becomes "Mark Esper" named
// in the body.
void extract_entities(Article& article, const EntityTagger& tagger);

}  // namespace newsarchive
