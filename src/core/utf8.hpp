// utf8.hpp — UTF-8 checks for text that did not come through the JSON parser
// (the editor, the clipboard); the parser already rejects ill-formed UTF-8.
#pragma once

#include <cstddef>
#include <string_view>

namespace atlas {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view s);
// Number of code points in well-formed UTF-8 (counts lead bytes).
size_t utf8_length(std::string_view s);

}  // namespace atlas
