// Repairs text before it is analysed or stored: invalid UTF-8, UTF-16, stray control characters,
// and texts too long to index whole.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsarchive {

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Returns `text` as valid UTF-8: well-formed sequences are kept, every other byte is read as
// Windows-1252 (a superset of Latin-1 for printable characters), which is what archives that are
// not UTF-8 almost always hold.
std::string transcode_invalid_utf8(std::string_view text);

// Removes control characters other than newline and tab, turns CRLF and lone CR into LF, and
// drops a leading byte-order mark. Keeps terminal escape sequences in article text from ever
// reaching a user's screen.
std::string strip_control_characters(std::string_view text);

// The same in place: the result is never longer than the input, so no second copy of a large
// text is needed.
void strip_control_characters_in_place(std::string& text);

// `text` for quoting in a message: whole when it has at most `max_bytes`, else its first
// `max_bytes` (cut at a UTF-8 boundary) followed by "...". A warning about a 50 MB dateline
// must not be 50 MB long.
std::string excerpt(std::string_view text, size_t max_bytes = 100);

// --- UTF-16 with a byte-order mark ------------------------------------------------------------

enum class Utf16Order { kLittleEndian, kBigEndian };

// The byte order announced by a UTF-16 byte-order mark at the start of `bytes` (FF FE: little
// endian, FE FF: big endian), nullopt without one. FF FE 00 00 is the UTF-32LE mark, which we do
// not decode: such a file stays binary (NUL bytes) to the readers.
std::optional<Utf16Order> utf16_byte_order(std::string_view bytes);

// "UTF-16LE" or "UTF-16BE", for messages.
std::string_view utf16_name(Utf16Order order);

// Decodes UTF-16 to UTF-8 in pieces of any size, so a stream can be decoded chunk by chunk and
// give the same text as decoding it whole. Unpaired surrogates and a dangling odd byte at the end
// become U+FFFD, so the output is always valid UTF-8. The byte-order mark is not expected in the
// input: callers remove it (it is two bytes, see utf16_byte_order).
class Utf16Decoder {
 public:
  explicit Utf16Decoder(Utf16Order order) : order_(order) {}

  // Appends the UTF-8 for `bytes` to `out`; an odd byte or a high surrogate at the end is kept
  // for the next call.
  void decode(std::string_view bytes, std::string& out);
  // Ends the input: appends U+FFFD for anything still kept back.
  void finish(std::string& out);

 private:
  void decode_unit(uint16_t unit, std::string& out);

  Utf16Order order_;
  std::optional<uint8_t> odd_byte_;
  std::optional<uint16_t> high_surrogate_;
};

// Decodes a whole UTF-16 text (without its byte-order mark) to UTF-8.
std::string transcode_utf16(std::string_view bytes, Utf16Order order);

// --- Length limits ------------------------------------------------------------------------------

// What an article's body may hold: longer bodies are cut, with a warning, before they are
// analysed, indexed or stored. Indexing time and memory grow with the body (the entity tagger
// holds per-token state for the whole text); 8 MiB is far more than any news article, and keeps
// one article's indexing within about 100 MB.
inline constexpr size_t kMaxBodyBytes = 8u << 20;

// What a headline, author, source or URL may hold; longer values are cut with a warning.
inline constexpr size_t kMaxFieldBytes = 64u << 10;

// Cuts `text` to at most `max_bytes`, at the last whitespace before the limit when one lies
// within 1 KiB of it (so no word is cut in half), else at a UTF-8 boundary. Trailing whitespace
// at the cut is dropped. Text within the limit is returned unchanged.
std::string_view cut_text(std::string_view text, size_t max_bytes);

// A byte count for messages: "8 MiB", "64 KiB" when exact, else "1234 bytes".
std::string describe_bytes(size_t bytes);

// The warning for a `field` of `full_bytes` cut to `max_bytes`:
// "body of 52428800 bytes cut to its first 8 MiB".
std::string cut_warning(std::string_view field, size_t full_bytes, size_t max_bytes);

// Cuts `value` in place to `max_bytes` (see cut_text), releasing the memory it no longer needs.
// Returns the warning to give, or nullopt when it fitted.
std::optional<std::string> limit_field(std::string& value, std::string_view field,
                                       size_t max_bytes);

}  // namespace newsarchive
