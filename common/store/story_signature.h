// What makes two articles versions of one story: a MinHash signature of the body's word
// shingles, the LSH band terms that make near copies candidates of each other, and the estimate
// of their resemblance that confirms a candidate.
//
// The body is split into words (runs of ASCII letters and digits, lower-cased, and of non-ASCII
// bytes; everything else separates), and every kShingleWords consecutive words make a shingle.
// Two bodies resemble each other by the Jaccard index of their shingle sets; the signature keeps
// kSignatureValues minimums of independent hash functions over the shingles, and the share of
// positions where two signatures agree estimates that index. Numbers are words, so two earnings
// tables of different companies do not resemble each other.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsarchive {

inline constexpr size_t kShingleWords = 5;
// Bodies of fewer words get no signature and are never anyone's copy: a headline-only item or a
// one-line brief says too little to tell a copy from another story on the same topic.
inline constexpr size_t kMinSignatureWords = 25;
// Minimums kept; each stored as 16 bits (b-bit MinHash: a chance agreement of 1 in 65,536 biases
// the estimate negligibly), so a signature is 128 bytes.
inline constexpr size_t kSignatureValues = 64;
// LSH: the first kBands * kRowsPerBand values, kRowsPerBand per band. Two bodies of resemblance
// s share at least one band term with probability 1 - (1 - s^2)^12: 0.97 at s = 0.5, 0.9997 at
// s = 0.7, 0.11 at s = 0.1.
inline constexpr size_t kBands = 12;
inline constexpr size_t kRowsPerBand = 2;
static_assert(kBands * kRowsPerBand <= kSignatureValues);
static_assert(kBands <= 16);  // one hex digit names the band
// Candidates whose estimated resemblance reaches this are versions of one story. See
// bench/duplicates.sh for the measurements behind it.
inline constexpr double kSameStoryResemblance = 0.5;

// The signature of `body` as stored in schema::kSignatureSlot, or "" when the body has fewer
// than kMinSignatureWords words.
std::string story_signature(std::string_view body);

// The band terms (schema::kBandPrefix) of a signature from story_signature(); none for "".
std::vector<std::string> band_terms(std::string_view signature);

// The estimated Jaccard resemblance of the bodies of two signatures, in [0, 1]; 0 when either is
// empty or malformed.
double estimated_resemblance(std::string_view a, std::string_view b);

// Whether two signatures are versions of one story.
inline bool same_story(std::string_view a, std::string_view b) {
  return estimated_resemblance(a, b) >= kSameStoryResemblance;
}

}  // namespace newsarchive
