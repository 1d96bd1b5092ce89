// UTF-8: the library's one decoder and encoder, and what follows from them (sequence
// boundaries, cuts, display width). Every reading of UTF-8 by hand goes through here, so all of
// them agree on what a well-formed sequence is.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsarchive {

// One decoded sequence. `length` is 0 when the bytes do not start a well-formed sequence.
struct Utf8Sequence {
  char32_t code_point = 0;
  size_t length = 0;
};

// The well-formed UTF-8 sequence starting at text[pos], where pos < text.size(). Well-formed
// is RFC 3629's: no overlong forms, no surrogates (U+D800..U+DFFF), nothing past U+10FFFF, no
// sequence cut short by the end of `text` or by a byte that is not a continuation byte. A
// continuation byte at `pos` starts nothing. Reads no byte past the sequence it decodes.
Utf8Sequence decode_utf8_sequence(std::string_view text, size_t pos);

// Appends the UTF-8 for `code_point` to `out`. The caller passes a code point: at most
// U+10FFFF, and not a surrogate (which would encode to bytes no decoder here accepts).
void append_utf8(std::string& out, char32_t code_point);

// True for a byte of the form 10xxxxxx, which only ever continues a sequence.
constexpr bool is_utf8_continuation_byte(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// Cuts `text` to at most `max_bytes` without splitting a UTF-8 sequence: the cut backs up over
// continuation bytes.
std::string_view utf8_prefix(std::string_view text, size_t max_bytes);

// The columns `text` takes in a table of a terminal: one per byte that is not a continuation
// byte, which is one per code point in valid UTF-8. It ignores wide (CJK) and combining
// characters, which is good enough to line up names.
size_t display_width(std::string_view text);

}  // namespace newsarchive
