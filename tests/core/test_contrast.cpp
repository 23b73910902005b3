// test_contrast.cpp — WCAG 2.1 contrast math (core/contrast), against known values.
#include <doctest/doctest.h>

#include "core/contrast.hpp"

using namespace atlas;

namespace {
Rgba hex(unsigned v, double a = 1) {
  return {((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0, a};
}
}  // namespace

TEST_CASE("contrast ratios match WCAG's worked values") {
  CHECK(contrast_ratio(hex(0x000000), hex(0xFFFFFF)) == doctest::Approx(21.0));
  CHECK(contrast_ratio(hex(0xFFFFFF), hex(0xFFFFFF)) == doctest::Approx(1.0));
  // #767676 on white is the lightest grey that passes 4.5:1; #777777 just fails.
  CHECK(contrast_ratio(hex(0x767676), hex(0xFFFFFF)) == doctest::Approx(4.54).epsilon(0.005));
  CHECK(contrast_ratio(hex(0x777777), hex(0xFFFFFF)) < kContrastText);
  CHECK(contrast_ratio(hex(0xFFFFFF), hex(0x767676)) ==
        doctest::Approx(contrast_ratio(hex(0x767676), hex(0xFFFFFF))));
  CHECK(relative_luminance(hex(0xFF0000)) == doctest::Approx(0.2126));
}

TEST_CASE("a translucent colour is laid over its background first") {
  Rgba half_black = hex(0x000000, 0.5);
  Rgba mixed = over(half_black, hex(0xFFFFFF));
  CHECK(mixed.r == doctest::Approx(0.5));
  CHECK(mixed.a == 1.0);
  CHECK(over(hex(0x123456, 1.0), hex(0xFFFFFF)).g == doctest::Approx(0x34 / 255.0));
  CHECK(over(hex(0x123456, 0.0), hex(0xFFFFFF)).b == doctest::Approx(1.0));
}
