// png.hpp — writes RGBA pixels as a PNG (uncompressed deflate blocks: no zlib needed,
// same code on the web and the desktop). For screenshots and slide exports.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace atlas {

// `rgba` holds width*height*4 bytes, top row first.
std::vector<uint8_t> encode_png(const uint8_t* rgba, int width, int height);
bool write_png_file(const std::string& path, const uint8_t* rgba, int width, int height);

}  // namespace atlas
