// ical_samples.hpp — the calendars the parser tests read, made by export_ical from
// datasets the tests make themselves: the plan fixture (twice, a month apart: the same
// UIDs), and 300 generated events across eight zones, daylight saving nights, all-day
// spans, Thai, Chinese and escaped Latin titles. Each comes with what a parser must
// find in it (UID, DTSTAMP, SUMMARY, the start as an instant or a date).
//
//   atlas-ical-samples DIR   writes the .ics files and expected.json for tests/ical
//                            (the node test with ical.js runs it)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/timezone.hpp"

namespace atlas::test {

struct ExpectedEvent {
  std::string uid;
  std::string summary;
  std::optional<int64_t> start_utc;  // timed with a zone or an offset: the instant
  std::string start_local;           // floating: "2026-03-21T10:00:00"
  std::string start_date;            // all-day: "2026-03-03"; the exclusive end date too
  std::string end_date;
};

struct Sample {
  std::string name;  // "plan.ics"
  std::string text;  // the calendar
  int64_t dtstamp = 0;
  std::vector<ExpectedEvent> events;  // in file order
};

std::vector<Sample> ical_samples(const tz::ZoneDb& zones);

}  // namespace atlas::test
