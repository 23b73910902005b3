// city_lookup.hpp — the offline city list (geo/gazetteer) as the CSV importer's place
// lookup (core/csv_import's CityLookup): what File > Import CSV and `atlas convert` use to
// give new places coordinates.
#pragma once

#include "core/csv_import.hpp"
#include "geo/gazetteer.hpp"

namespace atlas::geo {

// Cities whose whole name (or an alternate: "Saigon") is the one asked for: "Perth" is
// never "Perth Amboy". The gazetteer must outlive the lookup.
CityLookup city_lookup(const Gazetteer& g);

}  // namespace atlas::geo
