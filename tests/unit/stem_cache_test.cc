// Tests for stem_cache: the caching stemmer gives the wrapped stemmer's results, stemming each
// distinct word once.
#include "query/stem_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsarchive {
namespace {

// Counts the words it is asked to stem; stems by dropping a final "s".
class CountingStemmer : public Xapian::StemImplementation {
 public:
  explicit CountingStemmer(int* calls) : calls_(calls) {}
  std::string operator()(const std::string& word) override {
    ++*calls_;
    return word.ends_with('s') ? word.substr(0, word.size() - 1) : word;
  }
  std::string get_description() const override { return "counting"; }

 private:
  int* calls_;
};

TEST(CachingStemmer, GivesTheEnglishStemmersResults) {
  Xapian::Stem english("english");
  Xapian::Stem caching = make_caching_stemmer(english);
  for (const std::string word :
       {"withdrawing", "withdrew", "troops", "troops", "said", "prices", "", "café", "withdrawing"})
    EXPECT_EQ(caching(word), english(word)) << word;
}

TEST(CachingStemmer, StemsEachDistinctWordOnce) {
  int calls = 0;
  Xapian::Stem caching = make_caching_stemmer(Xapian::Stem(new CountingStemmer(&calls)));
  std::vector<std::string> stems;
  for (const std::string word : {"troops", "said", "troops", "troops", "said", "iraq"})
    stems.push_back(caching(word));
  EXPECT_EQ(stems, (std::vector<std::string>{"troop", "said", "troop", "troop", "said", "iraq"}));
  EXPECT_EQ(calls, 3);
  Xapian::Stem copy = caching;  // copies share the cache
  EXPECT_EQ(copy("iraq"), "iraq");
  EXPECT_EQ(calls, 3);
}

TEST(CachingStemmer, NoStemmingStaysNoStemming) {
  EXPECT_TRUE(make_caching_stemmer(Xapian::Stem()).is_none());
  EXPECT_FALSE(make_caching_stemmer(Xapian::Stem("english")).is_none());
}

}  // namespace
}  // namespace newsarchive
