// fuzz_load.cpp — libFuzzer target for the dataset loader (built with clang, ASan, UBSan).
// The loader must never crash, hang or throw; whatever it accepts must save to a
// canonical form that loads again to the same bytes.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/dataset_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  atlas::LoadResult r = atlas::load_dataset(bytes);
  if (r.ok()) {
    std::string saved = atlas::save_dataset(*r.dataset);
    atlas::LoadResult again = atlas::load_dataset(saved);
    if (!again.ok() || atlas::save_dataset(*again.dataset) != saved) std::abort();
  }
  return 0;
}
