// Grouping the versions of one story: the cluster pass that gives every version the same story
// key (schema::kStorySlot and its XK term), and the marks that tell it what to look at.
//
// A story is a connected group of articles in which each is linked to another by a confirmed
// pair: they share a band term and their signatures estimate the bodies' resemblance at
// kSameStoryResemblance or more (store/story_signature.h). Its key is the smallest id term of its
// members without the prefix; an article with no other version has no key. The groups depend
// only on the articles stored, not on the order or the path (direct or bulk) they came by.
//
// Crash safety: the direct writer marks every article it writes (kReclusterTerm) and, before it
// replaces or deletes one, the other versions of its story; a bulk load flags the whole merged
// database (kReclusterAllKey) before putting it in place. The marks are committed with the
// articles, and only the pass removes them, in the run's last commit; so a run killed between
// the two leaves marks the next run's pass finds, and the stories come out as if it had not
// been killed.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>

namespace newsarchive {

struct ClusterPassCounts {
  size_t examined = 0;   // articles the pass worked out the story of
  size_t rewritten = 0;  // articles whose key or mark it changed
  size_t stories = 0;    // groups of two or more versions among those examined
};

// Marks `document`, about to be written directly, for the next cluster pass.
void mark_for_clustering(Xapian::Document& document);

// Before the article with `id_term` is replaced or deleted: marks the other versions of its
// story, which may no longer belong together or may lose their key with it. Does nothing when
// the article is not stored or has no other version.
void mark_story_mates(Xapian::WritableDatabase& database, const std::string& id_term);

// Works out the story of every marked article (of every article while kReclusterAllKey is set),
// rewrites the key of each member of each group it finds where it changed, removes the marks
// and clears kReclusterAllKey. Does not commit: the caller's next commit ends the pass.
ClusterPassCounts run_cluster_pass(Xapian::WritableDatabase& database);

}  // namespace newsarchive
