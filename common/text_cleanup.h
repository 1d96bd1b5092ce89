// Repairs text before it is analysed or stored: invalid UTF-8 and stray control characters.
#pragma once

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

// Cuts `text` to at most `max_bytes` without splitting a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view text, size_t max_bytes);

}  // namespace newsarchive
