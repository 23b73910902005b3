// test_marks.cpp — how events are drawn (src/timeline/marks.hpp): a window of possible
// dates is never a duration, and each plan status has its mark.
#include <doctest/doctest.h>

#include "core/date_edtf.hpp"
#include "timeline/marks.hpp"

using namespace atlas;
using timeline::DateShape;
using timeline::StatusMark;

namespace {
DateShape shape(const char* text) {
  auto parsed = edtf::parse(text);
  REQUIRE_MESSAGE(parsed.value, text);
  return timeline::date_shape(*parsed.value);
}
}  // namespace

TEST_CASE("date shape: one exact day is a point, exact days a duration") {
  CHECK(shape("2026-03-04") == DateShape::Point);
  CHECK(shape("2026-03-04T09:30") == DateShape::Point);
  CHECK(shape("2026-03-03/2026-03-05") == DateShape::Duration);
}

TEST_CASE("date shape: windows of possible dates are never durations") {
  CHECK(shape("2013/2015-07") == DateShape::Window);  // the sample's Thailand roundtable
  CHECK(shape("2015-07/") == DateShape::Window);      // an open end
  CHECK(shape("2015-07/..") == DateShape::Window);
  CHECK(shape("2026-05") == DateShape::Window);  // sometime in May
  CHECK(shape("2016") == DateShape::Window);
  CHECK(shape("2026-03-04?") == DateShape::Window);  // an uncertain day
  CHECK(shape("2026-03-04~") == DateShape::Window);
  CHECK(shape("2026-03-03/2026-03-XX") == DateShape::Window);
}

TEST_CASE("status marks: planned outlined, held filled, cancelled struck, postponed marked") {
  CHECK(timeline::status_mark(std::nullopt) == StatusMark::Filled);
  CHECK(timeline::status_mark(EventStatus::Held) == StatusMark::Filled);
  CHECK(timeline::status_mark(EventStatus::Proposed) == StatusMark::Outlined);
  CHECK(timeline::status_mark(EventStatus::Planned) == StatusMark::Outlined);
  CHECK(timeline::status_mark(EventStatus::Confirmed) == StatusMark::Outlined);
  CHECK(timeline::status_mark(EventStatus::Cancelled) == StatusMark::Struck);
  CHECK(timeline::status_mark(EventStatus::Postponed) == StatusMark::Postponed);
}
