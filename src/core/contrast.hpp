// contrast.hpp — WCAG 2.1 contrast between colours (success criterion 1.4.3): relative
// luminance of sRGB, the ratio (L1 + 0.05) / (L2 + 0.05), and a translucent colour laid
// over its background first (ImGui's headers and frames are translucent). Pure; the
// themes' tables are checked with it in tests/ui/test_theme_contrast.cpp.
#pragma once

namespace atlas {

struct Rgba {
  double r = 0, g = 0, b = 0, a = 1;  // 0..1, sRGB
};

// WCAG's minimums: body text 4.5:1, large text (18 pt, or 14 pt bold) 3:1.
constexpr double kContrastText = 4.5;
constexpr double kContrastLargeText = 3.0;

double relative_luminance(const Rgba& c);
// `top` over `bottom` (source-over), opaque.
Rgba over(const Rgba& top, const Rgba& bottom);
// 1..21; both colours are taken as opaque (lay a translucent one over its background first).
double contrast_ratio(const Rgba& a, const Rgba& b);

}  // namespace atlas
