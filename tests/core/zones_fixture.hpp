// zones_fixture.hpp — the zone asset this build made (ATLAS_TZDATA, from Debian's tzdata
// by tools/tzbuild), loaded once for the tests that need real zones.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "core/timezone.hpp"

namespace atlas::test {

inline std::string read_binary(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Stops the test program when the asset cannot be read: every zone test would fail.
inline const tz::ZoneDb& test_zones() {
  static const tz::ZoneDb zones = [] {
    std::string error;
    std::optional<tz::ZoneDb> z = tz::ZoneDb::load(read_binary(ATLAS_TZDATA), &error);
    if (!z) {
      std::fprintf(stderr, "cannot read the zone asset %s: %s\n", ATLAS_TZDATA, error.c_str());
      std::exit(2);
    }
    return std::move(*z);
  }();
  return zones;
}

}  // namespace atlas::test
