// test_png.cpp — the PNG writer's output is a well-formed PNG (signature, chunk CRCs,
// a zlib stream whose stored blocks hold exactly the filtered scanlines).
#include <doctest/doctest.h>

#include <cstring>

#include "render/png.hpp"

namespace {
uint32_t be32(const uint8_t* p) {
  return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3];
}
uint32_t crc(const uint8_t* p, size_t n) {
  uint32_t c = ~0u;
  for (size_t i = 0; i < n; ++i) {
    c ^= p[i];
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
  }
  return ~c;
}
}  // namespace

TEST_CASE("encode_png writes a decodable RGBA image") {
  const int w = 300, h = 250;  // > 64 KB of pixels: several stored blocks
  std::vector<uint8_t> px(size_t(w) * h * 4);
  for (size_t i = 0; i < px.size(); ++i) px[i] = uint8_t(i * 7 + 3);
  std::vector<uint8_t> png = atlas::encode_png(px.data(), w, h);
  REQUIRE(png.size() > 8);
  CHECK(std::memcmp(png.data(), "\x89PNG\r\n\x1a\n", 8) == 0);
  size_t pos = 8;
  std::vector<uint8_t> idat;
  bool ihdr = false, iend = false;
  while (pos + 12 <= png.size()) {
    uint32_t len = be32(&png[pos]);
    std::string type(reinterpret_cast<const char*>(&png[pos + 4]), 4);
    REQUIRE(pos + 12 + len <= png.size());
    CHECK(crc(&png[pos + 4], len + 4) == be32(&png[pos + 8 + len]));
    const uint8_t* data = &png[pos + 8];
    if (type == "IHDR") {
      ihdr = true;
      CHECK(be32(data) == uint32_t(w));
      CHECK(be32(data + 4) == uint32_t(h));
      CHECK(data[8] == 8);
      CHECK(data[9] == 6);
    } else if (type == "IDAT") {
      idat.insert(idat.end(), data, data + len);
    } else if (type == "IEND") {
      iend = true;
    }
    pos += 12 + len;
  }
  CHECK(ihdr);
  CHECK(iend);
  CHECK(pos == png.size());
  // Inflate the stored blocks by hand and compare with the scanlines.
  REQUIRE(idat.size() > 6);
  CHECK((idat[0] * 256 + idat[1]) % 31 == 0);
  std::vector<uint8_t> raw;
  size_t p = 2;
  bool last = false;
  while (!last) {
    last = idat[p] & 1;
    CHECK((idat[p] >> 1) == 0);  // stored
    size_t n = idat[p + 1] | size_t(idat[p + 2]) << 8;
    size_t nn = idat[p + 3] | size_t(idat[p + 4]) << 8;
    CHECK((n ^ 0xFFFF) == nn);
    raw.insert(raw.end(), idat.begin() + long(p + 5), idat.begin() + long(p + 5 + n));
    p += 5 + n;
  }
  REQUIRE(raw.size() == size_t(h) * (size_t(w) * 4 + 1));
  for (int y = 0; y < h; ++y) {
    CHECK(raw[size_t(y) * (w * 4 + 1)] == 0);
    CHECK(std::memcmp(&raw[size_t(y) * (w * 4 + 1) + 1], &px[size_t(y) * w * 4], w * 4) == 0);
  }
}
