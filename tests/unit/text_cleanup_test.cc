// Unit tests for common/text_cleanup: UTF-8 validation and repair, control characters, prefixes.
#include "text_cleanup.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsarchive {
namespace {

TEST(IsValidUtf8, AcceptsWellFormedSequencesOfEveryLength) {
  const std::vector<std::string> cases = {
      "",
      "plain ascii",
      "caf\xC3\xA9",                     // U+00E9, two bytes
      "\xE2\x80\x9Cquoted\xE2\x80\x9D",  // U+201C/U+201D, three bytes
      "\xF0\x9F\x93\xB0",                // U+1F4F0 newspaper, four bytes
      "\xF4\x8F\xBF\xBF",                // U+10FFFF, the last code point
      "\xED\x9F\xBF",                    // U+D7FF, just below the surrogates
      "\xEE\x80\x80",                    // U+E000, just above the surrogates
      std::string("nul\0inside", 10),
  };
  for (const std::string& text : cases) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(is_valid_utf8(text));
  }
}

TEST(IsValidUtf8, RejectsMalformedSequences) {
  struct Case {
    const char* what;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"Latin-1 byte", "caf\xE9"},
      {"overlong NUL", "\xC0\x80"},
      {"overlong slash", "\xC1\xAF"},
      {"overlong three-byte", "\xE0\x80\xAF"},
      {"overlong four-byte", "\xF0\x80\x80\xAF"},
      {"high surrogate", "\xED\xA0\x80"},
      {"low surrogate", "\xED\xBF\xBF"},
      {"truncated at end", "ok \xE2\x80"},
      {"truncated before ASCII", "\xE2\x80z"},
      {"lone continuation", "\x80"},
      {"past U+10FFFF", "\xF4\x90\x80\x80"},
      {"F5 lead", "\xF5\x80\x80\x80"},
      {"F8 lead", "\xF8\x88\x80\x80\x80"},
      {"FF byte", "\xFF"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_FALSE(is_valid_utf8(c.text));
  }
}

TEST(TranscodeInvalidUtf8, ReadsStrayBytesAsWindows1252) {
  struct Case {
    std::string input;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"caf\xE9", "caf\xC3\xA9"},                            // é
      {"\x93quoted\x94", "\xE2\x80\x9Cquoted\xE2\x80\x9D"},  // “quoted”
      {"it\x92s", "it\xE2\x80\x99s"},                        // ’
      {"\x80 5", "\xE2\x82\xAC 5"},                          // €
      {"wait\x85", "wait\xE2\x80\xA6"},                      // …
      {"\xA0", "\xC2\xA0"},                                  // no-break space
      {"\xFF", "\xC3\xBF"},                                  // ÿ
      {"\x81", "\xC2\x81"},                                  // undefined: C1 control
      {"\xC0\x80", "\xC3\x80\xE2\x82\xAC"},                  // overlong: byte by byte, "À€"
      {"\xE9t\xC3\xA9", "\xC3\xA9t\xC3\xA9"},                // mixed with valid UTF-8
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    std::string output = transcode_invalid_utf8(c.input);
    EXPECT_EQ(output, c.expected);
    EXPECT_TRUE(is_valid_utf8(output));
  }
}

TEST(TranscodeInvalidUtf8, LeavesValidUtf8Untouched) {
  const std::string text = "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x93\xB0 plain";
  EXPECT_EQ(transcode_invalid_utf8(text), text);
}

TEST(StripControlCharacters, RemovesControlsAndNormalisesLineEnds) {
  struct Case {
    const char* what;
    std::string input;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"leading BOM dropped", "\xEF\xBB\xBFtext", "text"},
      {"BOM elsewhere kept", "a\xEF\xBB\xBF", "a\xEF\xBB\xBF"},
      {"CRLF to LF", "one\r\ntwo\r\n", "one\ntwo\n"},
      {"lone CR to LF", "one\rtwo", "one\ntwo"},
      {"CR CR LF is two breaks", "one\r\r\ntwo", "one\n\ntwo"},
      {"escape sequence and bell removed", "red\x1B[31m alert\x07", "red[31m alert"},
      {"NUL and DEL removed",
       std::string("a\0b\x7F"
                   "c",
                   5),
       "abc"},
      {"tab and newline kept", "a\tb\nc", "a\tb\nc"},
      {"C1 NEL removed",
       "a\xC2\x85"
       "b",
       "ab"},
      {"C1 CSI removed",
       "a\xC2\x9B"
       "31m",
       "a31m"},
      {"no-break space kept",
       "a\xC2\xA0"
       "b",
       "a\xC2\xA0"
       "b"},
      {"multi-byte text kept", "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D",
       "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(strip_control_characters(c.input), c.expected);
  }
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
    EXPECT_TRUE(is_valid_utf8(prefix));
  }
}

}  // namespace
}  // namespace newsarchive
