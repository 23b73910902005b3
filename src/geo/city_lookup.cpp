// city_lookup.cpp — see city_lookup.hpp.
#include "geo/city_lookup.hpp"

namespace atlas::geo {

CityLookup city_lookup(const Gazetteer& g) {
  return [&g](std::string_view name, std::string_view country) {
    std::vector<CityCandidate> out;
    for (const auto& hit : g.search(name, country, 8))
      if (hit.match == GazetteerMatch::Exact)
        out.push_back({hit.name, hit.country, hit.lat, hit.lon});
    return out;
  };
}

}  // namespace atlas::geo
