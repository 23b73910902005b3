// asset_reader.hpp — reading the app's binary assets (the basemap, map_asset.hpp; the
// gazetteer, gazetteer.hpp): a cursor whose every read is bounds-checked, and the opening
// both formats share (bytes present, the header whole, the magic, the version, the size
// the header declares).
//
// Index
//   1. AssetReader: little-endian fields; a read past the end fails and latches
//   2. The opening: AssetFormat, open_asset, check_asset_size
//
// Both formats are little-endian with no padding, start with an 8-byte magic and a u16
// version, and give their own file size in the header so that truncation is caught
// before anything the header counts is read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace atlas::geo {

// ---------------------------------------------------------------------------------
// 1. AssetReader
// ---------------------------------------------------------------------------------
class AssetReader {
 public:
  AssetReader(const void* data, std::size_t size)
      : p_(static_cast<const unsigned char*>(data)), n_(size), ok_(data != nullptr || size == 0) {}
  std::size_t size() const { return n_; }
  // A size without the bytes (a null pointer): nothing can be read.
  bool missing() const { return p_ == nullptr && n_ != 0; }
  std::size_t left() const { return n_ - pos_; }
  std::size_t pos() const { return pos_; }
  // False once any read went past the end (every later read fails too and gives 0).
  bool ok() const { return ok_; }
  // Whether `bytes` more can be read (64-bit, so a product of two counts cannot wrap).
  bool has(std::uint64_t bytes) const { return ok_ && bytes <= left(); }

  std::uint8_t u8();
  std::uint16_t u16();
  std::uint32_t u32();
  // The next `k` bytes in place (no copy), or nullptr past the end.
  const unsigned char* bytes(std::size_t k);
  // The `k` bytes at `offset` from the start, without moving; nullptr if they are not
  // all there (a section found through a table before the reader gets to it).
  const unsigned char* at(std::size_t offset, std::size_t k) const {
    return ok_ && offset <= n_ && k <= n_ - offset ? p_ + offset : nullptr;
  }

 private:
  bool need(std::size_t k) {
    if (!ok_ || k > left()) ok_ = false;
    return ok_;
  }
  const unsigned char* p_;
  std::size_t n_, pos_ = 0;
  bool ok_;
};

// ---------------------------------------------------------------------------------
// 2. The opening
// ---------------------------------------------------------------------------------
struct AssetFormat {
  const char* name;   // begins every error: "map asset", "gazetteer"
  const char* noun;   // what the magic says it is: "not a map asset (bad magic)"
  const char* magic;  // 8 bytes
  std::uint16_t version;
  std::size_t header_bytes;
};

// Checks, from the start, that there are bytes, the whole header, the magic and the version,
// reading the last two (the reader then stands at byte 10, the header's own fields). False with the
// error ("gazetteer: version 2, this program reads version 1") otherwise.
bool open_asset(AssetReader& r, const AssetFormat& format, std::string& error);

// The file size the header declares against the bytes given ("map asset: 100 bytes, the
// header says 120 (truncated)").
bool check_asset_size(const AssetReader& r, const AssetFormat& format, std::uint32_t declared,
                      std::string& error);

}  // namespace atlas::geo
