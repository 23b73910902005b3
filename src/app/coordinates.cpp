// coordinates.cpp — see coordinates.hpp.
#include "app/coordinates.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/i18n.hpp"

namespace atlas {

namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A decimal number and nothing else ("22.28", "-33.9", "+151"); not "1e999", "nan", "0x1p3".
std::optional<double> number(std::string_view text) {
  if (text.empty() || text.size() > 40) return std::nullopt;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+')) return std::nullopt;
  const std::string s(text);
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

CoordinatesInput coordinates_from_text(std::string_view lat_text, std::string_view lon_text) {
  const std::string_view lat = trimmed(lat_text), lon = trimmed(lon_text);
  CoordinatesInput out;
  if (lat.empty() && lon.empty()) {
    out.fields = nlohmann::json{{"lat", nullptr}, {"lon", nullptr}};
    return out;
  }
  if (lon.empty()) {
    out.waiting = tr("Type the longitude too: a place has both coordinates or neither.");
    return out;
  }
  if (lat.empty()) {
    out.waiting = tr("Type the latitude too: a place has both coordinates or neither.");
    return out;
  }
  const std::optional<double> la = number(lat), lo = number(lon);
  if (!la || !lo) {
    out.waiting =
        !la ? tr("The latitude is not a number yet: decimal degrees, like 22.28 or -33.87.")
            : tr("The longitude is not a number yet: decimal degrees, like 22.28 or -33.87.");
    return out;
  }
  out.fields = nlohmann::json{{"lat", *la}, {"lon", *lo}};
  return out;
}

std::string coordinate_text(double degrees) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", degrees);
  return buf;
}

}  // namespace atlas
