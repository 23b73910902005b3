// marks.hpp — how an event is drawn on the timeline and the map, decided once here so the
// two views (and the README) agree: the shape its date gives it, and the mark its plan
// status gives it.
//
// Index
//   1. Shape: a point (one known day), a duration (exact days: it lasted), or a window of
//      possible dates (it happened once, sometime in there)
//   2. Status marks: outlined (planned), filled (held), struck through (cancelled),
//      postponed (an arrow to its new date)
#pragma once

#include <optional>

#include "core/date_edtf.hpp"
#include "core/model.hpp"

namespace atlas::timeline {

// ---------------------------------------------------------------------------------
// 1. Shape
// ---------------------------------------------------------------------------------
// Point: one exact day ("2026-03-04", a date-time). Duration: exact days from one day to
// a later one ("2026-03-03/2026-03-05", a three-day forum): a solid bar. Window: anything
// else — a month or a year ("2026-05"), an uncertain or approximate date, an interval
// with a reduced-precision, open or unknown end ("2013/2015-07", "2015-07/"): a faint
// band with a marker, never a bar, since the event did not last all that time.
enum class DateShape { Point, Duration, Window };
DateShape date_shape(const edtf::Value& v);

// ---------------------------------------------------------------------------------
// 2. Status marks
// ---------------------------------------------------------------------------------
// Filled: held, and no status (a record of the past, drawn as before plans existed).
// Outlined: proposed, planned, confirmed (not happened yet). Struck: cancelled.
// Postponed: outlined, with an arrow from the date it had (postponed_from) to its date.
enum class StatusMark { Filled, Outlined, Struck, Postponed };
StatusMark status_mark(std::optional<EventStatus> s);

}  // namespace atlas::timeline
