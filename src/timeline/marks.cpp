// marks.cpp — see marks.hpp.
#include "timeline/marks.hpp"

#include "core/plan_fields.hpp"

namespace atlas::timeline {

DateShape date_shape(const edtf::Value& v) {
  if (!is_exact_days(v)) return DateShape::Window;
  return v.earliest() == v.latest() ? DateShape::Point : DateShape::Duration;
}

StatusMark status_mark(std::optional<EventStatus> s) {
  if (!s) return StatusMark::Filled;
  switch (*s) {
    case EventStatus::Proposed:
    case EventStatus::Planned:
    case EventStatus::Confirmed:
      return StatusMark::Outlined;
    case EventStatus::Cancelled:
      return StatusMark::Struck;
    case EventStatus::Postponed:
      return StatusMark::Postponed;
    default:
      return StatusMark::Filled;
  }
}

}  // namespace atlas::timeline
