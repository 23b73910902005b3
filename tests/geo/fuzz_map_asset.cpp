// fuzz_map_asset.cpp — libFuzzer target for the basemap loader: any bytes must give a valid
// asset or an error string, never a crash, a leak or a read out of bounds (ASan + UBSan).
// Whatever loads must be safe to draw: every index and strip inside its level's vertices.
// Seed: fuzz_corpus/synthetic.bin, the small asset test_map_asset.cpp writes (from an empty
// corpus the fuzzer stalls at the header: the size field must equal the input's length).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "geo/map_asset.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  atlas::geo::MapAsset asset;
  std::string error;
  if (!atlas::geo::load_map_asset(data, size, asset, error)) {
    if (error.empty()) std::abort();
    return 0;
  }
  for (const atlas::geo::MapLevel& lv : asset.levels) {
    for (std::uint32_t i : lv.indices) {
      if (i >= lv.vertex_count()) std::abort();
    }
    for (const atlas::geo::MapStrip& s : lv.strips) {
      if (s.count < 2 || std::uint64_t{s.first} + s.count > lv.vertex_count()) std::abort();
    }
  }
  return 0;
}
