// Unit tests for common/text/utf8: decoding, encoding, cuts at sequence boundaries, width.
#include "text/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsarchive {
namespace {

// True when `text` is a run of well-formed sequences.
bool is_whole_utf8(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    size_t length = decode_utf8_sequence(text, pos).length;
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

TEST(DecodeUtf8Sequence, DecodesSequencesOfEveryLength) {
  struct Case {
    std::string text;
    char32_t code_point;
  };
  const std::vector<Case> cases = {
      {"a", U'a'},
      {std::string("\0", 1), 0},
      {"\x7F", 0x7F},
      {"\xC2\x80", 0x80},              // the first two-byte code point
      {"\xC3\xA9", 0xE9},              // é
      {"\xE0\xA0\x80", 0x800},         // the first three-byte code point
      {"\xE2\x80\x9C", 0x201C},        // “
      {"\xED\x9F\xBF", 0xD7FF},        // just below the surrogates
      {"\xEE\x80\x80", 0xE000},        // just above them
      {"\xF0\x90\x80\x80", 0x10000},   // the first four-byte code point
      {"\xF0\x9F\x93\xB0", 0x1F4F0},   // newspaper
      {"\xF4\x8F\xBF\xBF", 0x10FFFF},  // the last code point
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    Utf8Sequence sequence = decode_utf8_sequence(c.text, 0);
    EXPECT_EQ(sequence.code_point, c.code_point);
    EXPECT_EQ(sequence.length, c.text.size());
  }
}

TEST(DecodeUtf8Sequence, DecodesAtAPositionAndStopsAtTheSequencesEnd) {
  const std::string text = "a\xC3\xA9z";
  EXPECT_EQ(decode_utf8_sequence(text, 1).code_point, 0xE9u);
  EXPECT_EQ(decode_utf8_sequence(text, 1).length, 2u);
  EXPECT_EQ(decode_utf8_sequence(text, 3).code_point, U'z');
}

TEST(DecodeUtf8Sequence, RejectsMalformedSequences) {
  struct Case {
    const char* what;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"Latin-1 byte", "\xE9t\xE9"},
      {"overlong NUL", "\xC0\x80"},
      {"overlong slash", "\xC1\xAF"},
      {"overlong three-byte", "\xE0\x80\xAF"},
      {"overlong four-byte", "\xF0\x80\x80\xAF"},
      {"high surrogate", "\xED\xA0\x80"},
      {"low surrogate", "\xED\xBF\xBF"},
      {"truncated at end", "\xE2\x80"},
      {"truncated before ASCII", "\xE2\x80z"},
      {"lone continuation", "\x80"},
      {"past U+10FFFF", "\xF4\x90\x80\x80"},
      {"F5 lead", "\xF5\x80\x80\x80"},
      {"F8 lead", "\xF8\x88\x80\x80\x80"},
      {"FF byte", "\xFF"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(decode_utf8_sequence(c.text, 0).length, 0u);
  }
}

TEST(AppendUtf8, EncodesWhatTheDecoderDecodes) {
  for (char32_t code_point : {0x0u, 0x41u, 0x7Fu, 0x80u, 0xE9u, 0x7FFu, 0x800u, 0x201Cu, 0xD7FFu,
                              0xE000u, 0xFFFDu, 0xFFFFu, 0x10000u, 0x1F4F0u, 0x10FFFFu}) {
    SCOPED_TRACE(static_cast<unsigned>(code_point));
    std::string encoded;
    append_utf8(encoded, code_point);
    Utf8Sequence sequence = decode_utf8_sequence(encoded, 0);
    EXPECT_EQ(sequence.code_point, code_point);
    EXPECT_EQ(sequence.length, encoded.size());
  }
}

TEST(IsUtf8ContinuationByte, IsTrueForTenxxxxxxOnly) {
  EXPECT_FALSE(is_utf8_continuation_byte('a'));
  EXPECT_TRUE(is_utf8_continuation_byte(0x80));
  EXPECT_TRUE(is_utf8_continuation_byte(0xBF));
  EXPECT_FALSE(is_utf8_continuation_byte(0xC3));
  EXPECT_FALSE(is_utf8_continuation_byte(0xFF));
}

TEST(Utf8Prefix, NeverSplitsASequence) {
  const std::string text = "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x93\xB0z";  // a é “ 📰 z: 1+2+3+4+1 bytes
  const std::vector<std::string> expected = {
      "",                                        // 0
      "a",                                       // 1
      "a",                                       // 2: é would be split
      "a\xC3\xA9",                               // 3
      "a\xC3\xA9",                               // 4
      "a\xC3\xA9",                               // 5
      "a\xC3\xA9\xE2\x80\x9C",                   // 6
      "a\xC3\xA9\xE2\x80\x9C",                   // 7
      "a\xC3\xA9\xE2\x80\x9C",                   // 8
      "a\xC3\xA9\xE2\x80\x9C",                   // 9
      "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x93\xB0",   // 10
      "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x93\xB0z",  // 11: whole
      "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x93\xB0z",  // 12: longer than the text
  };
  for (size_t max = 0; max < expected.size(); ++max) {
    SCOPED_TRACE(max);
    std::string_view prefix = utf8_prefix(text, max);
    EXPECT_EQ(prefix, expected[max]);
    EXPECT_LE(prefix.size(), max);
    EXPECT_TRUE(is_whole_utf8(prefix));
  }
}

TEST(DisplayWidth, CountsCodePointsNotBytes) {
  EXPECT_EQ(display_width(""), 0u);
  EXPECT_EQ(display_width("Esper"), 5u);
  EXPECT_EQ(display_width("\xC3\x89mile Zola"), 10u);            // Émile Zola
  EXPECT_EQ(display_width("\xE2\x96\x88\xF0\x9F\x93\xB0"), 2u);  // █ and a newspaper
  EXPECT_EQ(display_width("\x80\x80"), 0u);  // stray continuation bytes take no column
}

}  // namespace
}  // namespace newsarchive
