// UTF-8 decoding and encoding, cuts at sequence boundaries, display width.
#include "text/utf8.h"

#include <algorithm>
#include <cstdint>

namespace newsarchive {

Utf8Sequence decode_utf8_sequence(std::string_view text, size_t pos) {
  auto byte = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
  uint8_t lead = byte(pos);
  if (lead < 0x80) return Utf8Sequence{lead, 1};
  size_t length = 0;
  char32_t smallest = 0;  // below it the sequence is an overlong form of a shorter one
  char32_t code_point = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, smallest = 0x80, code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, smallest = 0x800, code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, smallest = 0x10000, code_point = lead & 0x07;
  } else {
    return Utf8Sequence{};  // a continuation byte, or F8..FF, which UTF-8 never uses
  }
  if (pos + length > text.size()) return Utf8Sequence{};
  for (size_t k = 1; k < length; ++k) {
    if (!is_utf8_continuation_byte(byte(pos + k))) return Utf8Sequence{};
    code_point = (code_point << 6) | (byte(pos + k) & 0x3F);
  }
  if (code_point < smallest || code_point > 0x10FFFF ||
      (code_point >= 0xD800 && code_point <= 0xDFFF))
    return Utf8Sequence{};
  return Utf8Sequence{code_point, length};
}

void append_utf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

std::string_view utf8_prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && is_utf8_continuation_byte(static_cast<uint8_t>(text[end]))) --end;
  return text.substr(0, end);
}

size_t display_width(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return !is_utf8_continuation_byte(static_cast<uint8_t>(c));
  }));
}

}  // namespace newsarchive
