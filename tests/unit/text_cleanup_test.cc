// Unit tests for common/text_cleanup: UTF-8 validation and repair, control characters, limits.
#include "text/text_cleanup.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
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

TEST(StripControlCharactersInPlace, GivesWhatTheCopyingFormGives) {
  const std::vector<std::string> cases = {"\xEF\xBB\xBFtext\r\n",
                                          "one\r\r\ntwo\rthree",
                                          std::string("a\0b\x7F\x1B[1mc\xC2\x85", 11),
                                          "caf\xC3\xA9\t\xC2\xA0",
                                          "",
                                          "\xEF\xBB\xBF"};
  for (const std::string& input : cases) {
    SCOPED_TRACE(::testing::PrintToString(input));
    std::string text = input;
    strip_control_characters_in_place(text);
    EXPECT_EQ(text, strip_control_characters(input));
  }
}

TEST(Utf16ByteOrder, RecognisesBothMarksButNotUtf32) {
  EXPECT_EQ(utf16_byte_order("\xFF\xFEh\0"), Utf16Order::kLittleEndian);
  EXPECT_EQ(utf16_byte_order(std::string_view("\xFF\xFEh\0", 4)), Utf16Order::kLittleEndian);
  EXPECT_EQ(utf16_byte_order(std::string_view("\xFE\xFF\0h", 4)), Utf16Order::kBigEndian);
  EXPECT_EQ(utf16_byte_order("\xFF\xFE"), Utf16Order::kLittleEndian);
  EXPECT_EQ(utf16_byte_order(std::string_view("\xFF\xFE\0\0", 4)), std::nullopt);  // UTF-32LE
  EXPECT_EQ(utf16_byte_order("\xEF\xBB\xBFutf-8"), std::nullopt);
  EXPECT_EQ(utf16_byte_order("\xFF"), std::nullopt);
  EXPECT_EQ(utf16_byte_order(""), std::nullopt);
  EXPECT_EQ(utf16_byte_order("\x89PNG"), std::nullopt);
  EXPECT_EQ(utf16_name(Utf16Order::kLittleEndian), "UTF-16LE");
  EXPECT_EQ(utf16_name(Utf16Order::kBigEndian), "UTF-16BE");
}

// "Café “q” 📰\n" in UTF-16: U+1F4F0 is the surrogate pair D83D DCF0.
const std::string kUtf16Le("C\0a\0f\0\xE9\0 \0\x1C\x20q\0\x1D\x20 \0\x3D\xD8\xF0\xDC\n\0", 24);
const std::string kUtf16Be("\0C\0a\0f\0\xE9\0 \x20\x1C\0q\x20\x1D\0 \xD8\x3D\xDC\xF0\0\n", 24);
const std::string kUtf8 = "Caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x93\xB0\n";

TEST(TranscodeUtf16, DecodesBothByteOrdersIncludingSurrogatePairs) {
  EXPECT_EQ(transcode_utf16(kUtf16Le, Utf16Order::kLittleEndian), kUtf8);
  EXPECT_EQ(transcode_utf16(kUtf16Be, Utf16Order::kBigEndian), kUtf8);
}

TEST(TranscodeUtf16, ReplacesUnpairedSurrogatesAndAnOddLastByte) {
  struct Case {
    const char* what;
    std::string input;  // little endian
    std::string expected;
  };
  const std::string kReplacement = "\xEF\xBF\xBD";
  const std::vector<Case> cases = {
      {"high surrogate then a letter", std::string("\x3D\xD8x\0", 4), kReplacement + "x"},
      {"lone low surrogate", std::string("a\0\xF0\xDC", 4), "a" + kReplacement},
      {"high surrogate at the end", std::string("a\0\x3D\xD8", 4), "a" + kReplacement},
      {"two high surrogates then a low", std::string("\x3D\xD8\x3D\xD8\xF0\xDC", 6),
       kReplacement + "\xF0\x9F\x93\xB0"},
      {"odd last byte", std::string("a\0b", 3), "a" + kReplacement},
      {"U+0000 stays a NUL byte", std::string("a\0\0\0", 4), std::string("a\0", 2)},
      {"empty", "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    std::string output = transcode_utf16(c.input, Utf16Order::kLittleEndian);
    EXPECT_EQ(output, c.expected);
    EXPECT_TRUE(is_valid_utf8(output));
  }
}

// A stream is decoded chunk by chunk: every split, even inside a code unit or between the two
// halves of a surrogate pair, must give the same text.
TEST(Utf16Decoder, GivesTheSameTextWhereverTheInputIsSplit) {
  for (size_t first = 0; first <= kUtf16Le.size(); ++first) {
    for (size_t second = first; second <= kUtf16Le.size(); ++second) {
      SCOPED_TRACE(std::to_string(first) + "/" + std::to_string(second));
      Utf16Decoder decoder(Utf16Order::kLittleEndian);
      std::string out;
      std::string_view input = kUtf16Le;
      decoder.decode(input.substr(0, first), out);
      decoder.decode(input.substr(first, second - first), out);
      decoder.decode(input.substr(second), out);
      decoder.finish(out);
      ASSERT_EQ(out, kUtf8);
    }
  }
}

TEST(CutText, KeepsTextWithinTheLimitWhole) {
  EXPECT_EQ(cut_text("harbour works", 13), "harbour works");
  EXPECT_EQ(cut_text("", 0), "");
}

TEST(CutText, CutsAtTheLastWhitespaceBeforeTheLimit) {
  EXPECT_EQ(cut_text("harbour works continue", 10), "harbour");        // "harbour wo|rks"
  EXPECT_EQ(cut_text("harbour works continue", 13), "harbour works");  // cut before a space
  EXPECT_EQ(cut_text("harbour works continue", 14), "harbour works");  // trailing space dropped
  EXPECT_EQ(cut_text("harbour\n\nworks continue", 12), "harbour");
}

TEST(CutText, CutsAWordLongerThan1KiBAtAUtf8Boundary) {
  std::string word = "x";
  for (int i = 0; i < 1000; ++i) word += "\xC3\xA9";  // é
  std::string text = "start " + word;                 // 2007 bytes; no space in the last 1 KiB
  std::string_view cut = cut_text(text, 1500);
  EXPECT_EQ(cut.size(), 1499u);  // 6 + 1 + 746 é; the 747th would end at byte 1501
  EXPECT_EQ(cut, text.substr(0, 1499));
  EXPECT_TRUE(is_valid_utf8(cut));
}

TEST(DescribeBytes, UsesBinaryUnitsOnlyWhenExact) {
  EXPECT_EQ(describe_bytes(8u << 20), "8 MiB");
  EXPECT_EQ(describe_bytes(64u << 10), "64 KiB");
  EXPECT_EQ(describe_bytes(1536u << 10), "1536 KiB");
  EXPECT_EQ(describe_bytes(1000), "1000 bytes");
  EXPECT_EQ(describe_bytes(0), "0 bytes");
}

TEST(LimitField, CutsWithAWarningAndLeavesShortValuesAlone) {
  std::string title = "Harbour reopens after repairs";
  EXPECT_EQ(limit_field(title, "title", 100), std::nullopt);
  EXPECT_EQ(title, "Harbour reopens after repairs");
  EXPECT_EQ(limit_field(title, "title", 20), "title of 29 bytes cut to 20 bytes");
  EXPECT_EQ(title, "Harbour reopens");
  std::string body(kMaxBodyBytes + 1, 'a');
  EXPECT_EQ(limit_field(body, "body", kMaxBodyBytes), "body of 8388609 bytes cut to 8 MiB");
  EXPECT_EQ(body.size(), kMaxBodyBytes);
}

TEST(Excerpt, ShortensLongTextAtAUtf8Boundary) {
  EXPECT_EQ(excerpt("2024-02-30"), "2024-02-30");
  EXPECT_EQ(excerpt(std::string(100, 'd')), std::string(100, 'd'));
  EXPECT_EQ(excerpt(std::string(101, 'd')), std::string(100, 'd') + "...");
  EXPECT_EQ(excerpt("ab\xC3\xA9", 3), "ab...");
}

}  // namespace
}  // namespace newsarchive
