// asset_reader.cpp — see asset_reader.hpp.
#include "geo/asset_reader.hpp"

#include <cstring>

namespace atlas::geo {

// ---------------------------------------------------------------------------------
// 1. AssetReader
// ---------------------------------------------------------------------------------
std::uint8_t AssetReader::u8() { return need(1) ? p_[pos_++] : 0; }

std::uint16_t AssetReader::u16() {
  if (!need(2)) return 0;
  const std::uint16_t v = static_cast<std::uint16_t>(p_[pos_] | (p_[pos_ + 1] << 8));
  pos_ += 2;
  return v;
}

std::uint32_t AssetReader::u32() {
  if (!need(4)) return 0;
  const std::uint32_t v = static_cast<std::uint32_t>(p_[pos_]) |
                          (static_cast<std::uint32_t>(p_[pos_ + 1]) << 8) |
                          (static_cast<std::uint32_t>(p_[pos_ + 2]) << 16) |
                          (static_cast<std::uint32_t>(p_[pos_ + 3]) << 24);
  pos_ += 4;
  return v;
}

const unsigned char* AssetReader::bytes(std::size_t k) {
  if (!need(k)) return nullptr;
  const unsigned char* b = p_ + pos_;
  pos_ += k;
  return b;
}

// ---------------------------------------------------------------------------------
// 2. The opening
// ---------------------------------------------------------------------------------
bool open_asset(AssetReader& r, const AssetFormat& f, std::string& error) {
  const std::string name = f.name;
  if (r.missing()) {
    error = name + ": no data";
    return false;
  }
  if (r.size() < f.header_bytes) {
    error = name + ": " + std::to_string(r.size()) + " bytes, shorter than the " +
            std::to_string(f.header_bytes) + "-byte header";
    return false;
  }
  const unsigned char* magic = r.bytes(8);
  if (magic == nullptr || std::memcmp(magic, f.magic, 8) != 0) {
    error = name + ": not a " + f.noun + " (bad magic)";
    return false;
  }
  const std::uint16_t version = r.u16();
  if (version != f.version) {
    error = name + ": version " + std::to_string(version) + ", this program reads version " +
            std::to_string(f.version);
    return false;
  }
  return true;
}

bool check_asset_size(const AssetReader& r, const AssetFormat& f, std::uint32_t declared,
                      std::string& error) {
  if (declared == r.size()) return true;
  error = std::string(f.name) + ": " + std::to_string(r.size()) + " bytes, the header says " +
          std::to_string(declared) + (r.size() < declared ? " (truncated)" : "");
  return false;
}

}  // namespace atlas::geo
