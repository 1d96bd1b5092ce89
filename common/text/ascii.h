// ASCII-only case folding and trimming, for names and protocol fields (file extensions, HTTP and
// WARC headers, HTML tag and attribute names, header keys): bytes outside A-Z are kept as they
// are, so UTF-8 text passes through unchanged and no locale is consulted.
#pragma once

#include <string>
#include <string_view>

namespace newsarchive {

// `text` with A-Z turned into a-z.
std::string ascii_lower(std::string_view text);

// `text` without leading and trailing spaces, tabs, CRs and LFs.
std::string_view trim_ascii_space(std::string_view text);

}  // namespace newsarchive
