// test_asset_reader.cpp — the bounds-checked reader and the opening the basemap and the
// gazetteer share (geo/asset_reader.hpp).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "geo/asset_reader.hpp"

using namespace atlas::geo;

namespace {
constexpr char kMagic[8] = {'T', 'E', 'S', 'T', 'A', 'S', 'S', 'T'};
constexpr AssetFormat kTest = {"test asset", "test asset", kMagic, 3, 16};

std::vector<unsigned char> header(std::uint16_t version, std::uint32_t size) {
  std::vector<unsigned char> b(kMagic, kMagic + 8);
  b.push_back(static_cast<unsigned char>(version));
  b.push_back(static_cast<unsigned char>(version >> 8));
  b.insert(b.end(), {0, 0});
  for (int k = 0; k < 4; ++k) b.push_back(static_cast<unsigned char>(size >> (8 * k)));
  return b;
}
}  // namespace

TEST_CASE("the reader reads little-endian fields and latches at the end") {
  const unsigned char bytes[] = {1, 0x34, 0x12, 0x78, 0x56, 0x34, 0x12, 9};
  AssetReader r(bytes, sizeof bytes);
  CHECK(r.u8() == 1);
  CHECK(r.u16() == 0x1234);
  CHECK(r.u32() == 0x12345678u);
  CHECK(r.has(1));
  CHECK_FALSE(r.has(2));
  CHECK(r.u16() == 0);  // one byte left: refused, and it stays refused
  CHECK_FALSE(r.ok());
  CHECK(r.u8() == 0);
  CHECK(r.bytes(0) == nullptr);
  CHECK(r.pos() == 7);
}

TEST_CASE("the reader hands out sections in place") {
  const unsigned char bytes[] = {1, 2, 3, 4};
  AssetReader r(bytes, sizeof bytes);
  CHECK(r.bytes(3) == bytes);
  CHECK(r.bytes(1) == bytes + 3);
  CHECK(r.left() == 0);
  CHECK(r.ok());
  CHECK(r.bytes(1) == nullptr);
}

TEST_CASE("the opening: no data, a short header, the magic, the version, the size") {
  std::string error;
  AssetReader missing(nullptr, 10);
  CHECK(missing.missing());
  CHECK_FALSE(missing.has(1));
  CHECK_FALSE(open_asset(missing, kTest, error));
  CHECK(error == "test asset: no data");

  auto good = header(3, 16);
  AssetReader shorter(good.data(), 12);
  CHECK_FALSE(open_asset(shorter, kTest, error));
  CHECK(error == "test asset: 12 bytes, shorter than the 16-byte header");

  auto bad = good;
  bad[0] = 'X';
  AssetReader magic(bad.data(), bad.size());
  CHECK_FALSE(open_asset(magic, kTest, error));
  CHECK(error == "test asset: not a test asset (bad magic)");

  auto newer = header(4, 16);
  AssetReader version(newer.data(), newer.size());
  CHECK_FALSE(open_asset(version, kTest, error));
  CHECK(error == "test asset: version 4, this program reads version 3");

  AssetReader r(good.data(), good.size());
  REQUIRE(open_asset(r, kTest, error));
  CHECK(r.pos() == 10);
  r.u16();
  const std::uint32_t declared = r.u32();
  CHECK(check_asset_size(r, kTest, declared, error));
  CHECK_FALSE(check_asset_size(r, kTest, 20, error));
  CHECK(error == "test asset: 16 bytes, the header says 20 (truncated)");
  CHECK_FALSE(check_asset_size(r, kTest, 12, error));
  CHECK(error == "test asset: 16 bytes, the header says 12");
}
