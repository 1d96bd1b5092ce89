// UTF-8 validation and repair, UTF-16 decoding, control-character removal, length limits.
#include "text/text_cleanup.h"

#include <array>
#include <cstdint>

#include "text/utf8.h"

namespace newsarchive {
namespace {

constexpr uint32_t kReplacementCharacter = 0xFFFD;

// True when text[pos] starts a C1 control character (U+0080..U+009F), which some terminals
// obey as escape sequences. Its UTF-8 is two bytes.
bool starts_c1_control(std::string_view text, size_t pos) {
  // Every one starts with C2: the decoder is asked only then, not for every byte of a text.
  if (static_cast<uint8_t>(text[pos]) != 0xC2) return false;
  char32_t code_point = decode_utf8_sequence(text, pos).code_point;
  return code_point >= 0x80 && code_point <= 0x9F;
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Windows-1252 code points for bytes 0x80..0x9F; zero where the byte is undefined (kept as the
// C1 control with the same value, which strip_control_characters later removes).
constexpr std::array<uint16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

}  // namespace

bool is_valid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    // Every line of every archive comes through here, mostly ASCII: no call for those bytes.
    if (static_cast<uint8_t>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t length = decode_utf8_sequence(text, i).length;
    if (length == 0) return false;
    i += length;
  }
  return true;
}

std::string transcode_invalid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t i = 0; i < text.size();) {
    size_t length = decode_utf8_sequence(text, i).length;
    if (length > 0) {
      out.append(text.substr(i, length));
      i += length;
      continue;
    }
    auto byte = static_cast<uint8_t>(text[i]);
    uint32_t code = byte;
    if (byte >= 0x80 && byte <= 0x9F && kCp1252High[byte - 0x80] != 0)
      code = kCp1252High[byte - 0x80];
    append_utf8(out, code);
    ++i;
  }
  return out;
}

std::string strip_control_characters(std::string_view text) {
  std::string out(text);
  strip_control_characters_in_place(out);
  return out;
}

void strip_control_characters_in_place(std::string& text) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  size_t read = std::string_view(text).starts_with(kBom) ? kBom.size() : 0;
  // `write` never passes `read`: every rule below emits at most the bytes it consumes.
  size_t write = 0;
  for (; read < text.size(); ++read) {
    auto byte = static_cast<uint8_t>(text[read]);
    if (byte == '\r') {
      text[write++] = '\n';
      if (read + 1 < text.size() && text[read + 1] == '\n') ++read;
      continue;
    }
    bool control = (byte < 0x20 && byte != '\n' && byte != '\t') || byte == 0x7F;
    if (control) continue;
    if (starts_c1_control(text, read)) {
      ++read;  // its second byte
      continue;
    }
    text[write++] = static_cast<char>(byte);
  }
  text.resize(write);
}

std::string excerpt(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  return std::string(utf8_prefix(text, max_bytes)) + "...";
}

std::optional<Utf16Order> utf16_byte_order(std::string_view bytes) {
  if (bytes.starts_with("\xFE\xFF")) return Utf16Order::kBigEndian;
  if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return std::nullopt;  // UTF-32LE
  if (bytes.starts_with("\xFF\xFE")) return Utf16Order::kLittleEndian;
  return std::nullopt;
}

std::string_view utf16_name(Utf16Order order) {
  return order == Utf16Order::kLittleEndian ? "UTF-16LE" : "UTF-16BE";
}

void Utf16Decoder::decode(std::string_view bytes, std::string& out) {
  auto unit_of = [&](uint8_t first, uint8_t second) {
    return static_cast<uint16_t>(order_ == Utf16Order::kLittleEndian ? first | (second << 8)
                                                                     : (first << 8) | second);
  };
  size_t i = 0;
  if (odd_byte_ && !bytes.empty()) {
    decode_unit(unit_of(*odd_byte_, static_cast<uint8_t>(bytes[0])), out);
    odd_byte_.reset();
    i = 1;
  }
  for (; i + 1 < bytes.size(); i += 2)
    decode_unit(unit_of(static_cast<uint8_t>(bytes[i]), static_cast<uint8_t>(bytes[i + 1])), out);
  if (i < bytes.size()) odd_byte_ = static_cast<uint8_t>(bytes[i]);
}

void Utf16Decoder::decode_unit(uint16_t unit, std::string& out) {
  bool high = unit >= 0xD800 && unit <= 0xDBFF;
  bool low = unit >= 0xDC00 && unit <= 0xDFFF;
  if (high_surrogate_) {
    uint16_t first = *high_surrogate_;
    high_surrogate_.reset();
    if (low) {
      append_utf8(out, 0x10000 + ((static_cast<uint32_t>(first) - 0xD800) << 10) + (unit - 0xDC00));
      return;
    }
    append_utf8(out, kReplacementCharacter);  // a high surrogate without its low half
  }
  if (high) {
    high_surrogate_ = unit;
  } else if (low) {
    append_utf8(out, kReplacementCharacter);
  } else {
    append_utf8(out, unit);
  }
}

void Utf16Decoder::finish(std::string& out) {
  if (high_surrogate_) append_utf8(out, kReplacementCharacter);
  if (odd_byte_) append_utf8(out, kReplacementCharacter);
  high_surrogate_.reset();
  odd_byte_.reset();
}

std::string transcode_utf16(std::string_view bytes, Utf16Order order) {
  std::string out;
  out.reserve(bytes.size() / 2);  // the size of mostly-ASCII text, the common case
  Utf16Decoder decoder(order);
  decoder.decode(bytes, out);
  decoder.finish(out);
  return out;
}

std::string_view cut_text(std::string_view text, size_t max_bytes) {
  constexpr size_t kWordSearchBytes = 1024;
  if (text.size() <= max_bytes) return text;
  size_t end = utf8_prefix(text, max_bytes).size();
  // text[end] exists: the text is longer than the cut. A cut before whitespace splits no word.
  if (!is_ascii_space(text[end])) {
    size_t floor = end > kWordSearchBytes ? end - kWordSearchBytes : 0;
    size_t at = end;
    while (at > floor && !is_ascii_space(text[at - 1])) --at;
    if (at > floor) end = at;
  }
  while (end > 0 && is_ascii_space(text[end - 1])) --end;
  return text.substr(0, end);
}

std::string describe_bytes(size_t bytes) {
  if (bytes > 0 && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes > 0 && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

std::string cut_warning(std::string_view field, size_t full_bytes, size_t max_bytes) {
  return std::string(field) + " of " + std::to_string(full_bytes) + " bytes cut to " +
         describe_bytes(max_bytes);
}

std::optional<std::string> limit_field(std::string& value, std::string_view field,
                                       size_t max_bytes) {
  if (value.size() <= max_bytes) return std::nullopt;
  size_t full = value.size();
  value.resize(cut_text(value, max_bytes).size());
  value.shrink_to_fit();
  return cut_warning(field, full, max_bytes);
}

}  // namespace newsarchive
