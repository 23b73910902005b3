// coordinates.hpp — what the Inspector's two coordinate fields, as typed, make. A place
// has both coordinates or neither: one typed alone is kept waiting (with a hint saying
// what is missing), never saved with an invented 0 for the other.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace atlas {

struct CoordinatesInput {
  // The fields to set in one step: {"lat": 22.28, "lon": 114.16}, or both null (both
  // fields emptied: the place leaves the map). Empty while the input is not complete.
  std::optional<nlohmann::json> fields;
  // Why not yet, for the hint under the fields ("" when fields are set).
  std::string waiting;
};

// From the text of the latitude and longitude fields (decimal degrees; spaces around a
// number are ignored). Out-of-range numbers are passed on: the loader's rules refuse
// them with its own sentence.
CoordinatesInput coordinates_from_text(std::string_view lat, std::string_view lon);

// A coordinate as the field shows it: four decimals (about 10 m), as typed numbers are.
std::string coordinate_text(double degrees);

}  // namespace atlas
