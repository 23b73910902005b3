// plan_fields.hpp — the rules for an event's planning fields (status, starts, ends,
// time_zone, postponed_from, checklist) and how they are written: functions of values,
// which the loader calls while it walks the document (src/core/dataset_json.cpp), so a
// different walk (a SAX loader) needs only the calls.
//
// Index
//   1. Field names, and which dates may carry a time of day
//   2. Rules for one value
//   3. Rules between the fields of one event
//   4. Writing, in canonical order
//
// Why `starts` and `ends` rather than a time inside `date`: an older Coalition Atlas
// refuses a time in `date`, but keeps a field it does not know; so a file with times
// still opens there, on the right days. And EDTF intervals have no time of day, so a
// three-day forum from 09:00 to 17:00 is "date": "2026-03-04/2026-03-06" with
// "starts": "2026-03-04T09:00:00" and "ends": "2026-03-06T17:00:00".
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/model.hpp"

namespace atlas {

// ---------------------------------------------------------------------------------
// 1. Field names
// ---------------------------------------------------------------------------------
// The event fields this file owns, in the order they are written.
inline constexpr const char* kScheduleFields[] = {"status", "starts", "ends", "time_zone",
                                                  "postponed_from"};
inline constexpr const char* kChecklistField = "checklist";
inline constexpr const char* kChecklistItemFields[] = {"text", "owner", "due", "done", "deadline"};

enum class DateUse {
  Days,      // date, active, timeline, postponed_from: no time of day
  DateTime,  // starts, ends: a date-time only
  Any,       // a checklist item's due: either
};

// ---------------------------------------------------------------------------------
// 2. Rules for one value
// ---------------------------------------------------------------------------------
// Why the parsed value `v` of the field `key` does not fit its use, as a sentence that
// starts with the value quoted as `quoted`; "" when it fits.
std::string date_use_problem(const edtf::Value& v, std::string_view key, DateUse use,
                             const std::string& quoted);
// Why `name` is not a time zone of the tz database; "" when it is one.
std::string time_zone_problem(std::string_view name);

// ---------------------------------------------------------------------------------
// 3. Rules between fields
// ---------------------------------------------------------------------------------
// For an event read at `pointer` ("/events/3"): starts on the first of exact days, ends
// on the last and not before starts, ends only with starts, the same kind of time for
// both (two local times, or two with an offset), a deadline with a due date. Appends
// errors to `out`.
void check_event_plan(const Event& e, const std::string& pointer, std::vector<Diagnostic>& out);

// Whether `v` names exact days: one day, or a day to a day, with no qualifier.
bool is_exact_days(const edtf::Value& v);

// The fields to set, in one step (Command::set_fields), when an event's date changes:
// "date", and its times moved along, keeping their time of day: starts to the new first
// day, ends to the new last (dropped when it would then come before starts); both
// dropped (null) when the new date is not exact days. Without times, only "date".
nlohmann::json fields_for_new_date(const Event& e, const std::optional<edtf::Value>& date);

// ---------------------------------------------------------------------------------
// 4. Writing
// ---------------------------------------------------------------------------------
// status, starts, ends, time_zone, postponed_from (each only when present); written
// right after "date".
void write_schedule(const Event& e, nlohmann::ordered_json& o);
// "checklist" (when not empty), written after "links".
void write_checklist(const Event& e, nlohmann::ordered_json& o);
// One item as the file holds it: text, owner, due, done, deadline (false and empty
// left out), then its unknown fields.
nlohmann::ordered_json checklist_item_json(const ChecklistItem& item);

}  // namespace atlas
