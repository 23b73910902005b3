// export_geo.hpp — the events on a map, for the tools every mapper has: GeoJSON (RFC
// 7946) and KML 2.2.
//
// One point per event, at its place (longitude first, WGS 84): map tools filter and
// colour features by their own properties, and kepler.gl animates them by a time field,
// so each event is its own feature rather than a property list on its place's point.
// Events whose place has no coordinates (or that have no place) cannot be drawn and are
// left out (counted in *left_out). Properties, the same in both formats: id, kind, title,
// date (EDTF), earliest_day and latest_day (the range it covers, YYYY-MM-DD, absent for
// an open or unknown end), place, place_id, country, organisations ("Name (role)"),
// notes, links. KML also carries the range as a TimeSpan (or a TimeStamp for one day),
// which Google Earth's time slider reads.
#pragma once

#include <cstddef>
#include <string>

#include "core/model.hpp"

namespace atlas {

// A FeatureCollection, pretty-printed, UTF-8, final newline.
std::string export_geojson(const Dataset& d, size_t* left_out = nullptr);

// A KML 2.2 document (XML 1.0, UTF-8): a Placemark per event.
std::string export_kml(const Dataset& d, size_t* left_out = nullptr);

// Text as XML character data or an attribute value: & < > " ' escaped, a carriage
// return as &#13; (so it survives XML's line-end rule), and the
// characters XML 1.0 does not allow (controls other than tab and line breaks, U+FFFE,
// U+FFFF, broken UTF-8) left out.
std::string xml_text(std::string_view s);

}  // namespace atlas
