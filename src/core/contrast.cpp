// contrast.cpp — see contrast.hpp.
#include "core/contrast.hpp"

#include <algorithm>
#include <cmath>

namespace atlas {

namespace {
// sRGB to linear light, as WCAG 2.1 defines it (its 0.03928 is the older spec's
// threshold; with 8-bit channels both give the same results).
double linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
}  // namespace

double relative_luminance(const Rgba& c) {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

Rgba over(const Rgba& top, const Rgba& bottom) {
  const double a = std::clamp(top.a, 0.0, 1.0);
  return {top.r * a + bottom.r * (1 - a), top.g * a + bottom.g * (1 - a),
          top.b * a + bottom.b * (1 - a), 1.0};
}

double contrast_ratio(const Rgba& a, const Rgba& b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace atlas
