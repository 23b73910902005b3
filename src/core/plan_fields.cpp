// plan_fields.cpp — see plan_fields.hpp.
//
// Index
//   1. Rules for one value
//   2. Rules between fields
//   3. Writing
#include "core/plan_fields.hpp"

#include "core/timezone.hpp"

namespace atlas {

using ojson = nlohmann::ordered_json;

// ---------------------------------------------------------------------------------
// 1. Rules for one value
// ---------------------------------------------------------------------------------
std::string date_use_problem(const edtf::Value& v, std::string_view key, DateUse use,
                             const std::string& quoted) {
  const std::string field = "\"" + std::string(key) + "\"";
  if (use == DateUse::DateTime && !v.has_time())
    return quoted + " has no time of day: " + field +
           " is a date and a time, like 2026-03-04T09:30 (the day alone goes in \"date\")";
  if (use == DateUse::Days && v.has_time()) {
    if (key == "date")
      return quoted +
             " has a time of day: \"date\" holds the day, and the time goes in \"starts\" "
             "(and \"ends\"), which older versions of the app pass over instead of refusing "
             "the file";
    return quoted + " has a time of day, which " + field + " does not use: write the day alone";
  }
  return {};
}

std::string time_zone_problem(std::string_view name) { return tz::zone_name_problem(name); }

// ---------------------------------------------------------------------------------
// 2. Rules between fields
// ---------------------------------------------------------------------------------
bool is_exact_days(const edtf::Value& v) {
  auto exact = [](const edtf::Date& d) {
    return d.precision() == edtf::Precision::Day && !d.uncertain && !d.approximate;
  };
  if (!v.interval) return exact(v.start);
  return v.start_kind == edtf::End::Date && v.end_kind == edtf::End::Date && exact(v.start) &&
         exact(v.end);
}

namespace {

void error(std::vector<Diagnostic>& out, std::string pointer, std::string message) {
  out.push_back({Severity::Error, std::move(pointer), std::move(message), 0, 0});
}

// starts / ends against the event's days. `first` is whether it is the start.
void check_on_day(const Event& e, const edtf::Value& t, bool first, const std::string& pointer,
                  std::vector<Diagnostic>& out) {
  const char* key = first ? "starts" : "ends";
  const std::string written = "\"" + edtf::format(t) + "\"";
  if (!e.date) {
    error(out, pointer + "/" + key,
          std::string("a time needs the event's day: give \"date\" too (the day of ") + written +
              ")");
    return;
  }
  if (!is_exact_days(*e.date)) {
    error(out, pointer + "/" + key,
          "a time needs the event's exact day, but \"date\" is \"" + edtf::format(*e.date) +
              "\" (" + edtf::describe(*e.date, edtf::Language::english) +
              "): give the day, or a day to a day, without ?, ~ or %");
    return;
  }
  const int64_t day = t.start.earliest_day();
  const int64_t want = first ? e.date->earliest() : e.date->latest();
  if (day == want) return;
  error(out, pointer + "/" + key,
        written + " is on " + edtf::describe_day(day, edtf::Language::english) +
            ", but the event " + (first ? "starts on " : "ends on ") +
            edtf::describe_day(want, edtf::Language::english) +
            ": write the time as it is at the venue, on that day (without an offset and with "
            "\"time_zone\", or with the venue's offset)");
}

}  // namespace

nlohmann::json fields_for_new_date(const Event& e, const std::optional<edtf::Value>& date) {
  nlohmann::json f = nlohmann::json::object();
  f["date"] = date ? nlohmann::json(edtf::format(*date)) : nlohmann::json(nullptr);
  if (!e.starts && !e.ends) return f;
  if (!date || !is_exact_days(*date)) {
    f["starts"] = nullptr;
    f["ends"] = nullptr;
    return f;
  }
  auto moved = [](const edtf::Value& t, int64_t day) {
    edtf::Value v = t;  // the time and its offset stay
    edtf::civil_from_days(day, v.start);
    return v;
  };
  std::optional<edtf::Value> starts, ends;
  if (e.starts) starts = moved(*e.starts, date->earliest());
  if (e.ends) ends = moved(*e.ends, date->latest());
  if (starts && ends && starts->start.offset == ends->start.offset &&
      edtf::local_seconds(ends->start) < edtf::local_seconds(starts->start))
    ends.reset();
  f["starts"] = starts ? nlohmann::json(edtf::format(*starts)) : nlohmann::json(nullptr);
  f["ends"] = ends ? nlohmann::json(edtf::format(*ends)) : nlohmann::json(nullptr);
  return f;
}

void check_event_plan(const Event& e, const std::string& pointer, std::vector<Diagnostic>& out) {
  if (e.starts) check_on_day(e, *e.starts, true, pointer, out);
  if (e.ends) {
    if (!e.starts) {
      error(out, pointer + "/ends", "\"ends\" needs \"starts\": give the start time too");
    } else {
      check_on_day(e, *e.ends, false, pointer, out);
      const edtf::Date& a = e.starts->start;
      const edtf::Date& b = e.ends->start;
      const bool a_local = a.offset == edtf::Offset::Local;
      const bool b_local = b.offset == edtf::Offset::Local;
      if (a_local != b_local) {
        error(out, pointer + "/ends",
              "write both times the same way: both without an offset (the venue's clock in "
              "\"time_zone\"), or both with Z or an offset");
      } else {
        const int64_t ta = a_local ? edtf::local_seconds(a) : *edtf::utc_seconds(a);
        const int64_t tb = b_local ? edtf::local_seconds(b) : *edtf::utc_seconds(b);
        if (tb < ta)
          error(out, pointer + "/ends",
                "the event ends (" + edtf::format(*e.ends) + ") before it starts (" +
                    edtf::format(*e.starts) + ")");
      }
    }
  }
  for (size_t i = 0; i < e.checklist.size(); ++i)
    if (e.checklist[i].deadline && !e.checklist[i].due)
      error(out, pointer + "/checklist/" + std::to_string(i),
            "a deadline needs a due date (\"due\"): when does it pass?");
}

// ---------------------------------------------------------------------------------
// 3. Writing
// ---------------------------------------------------------------------------------
namespace {
void put_extra(ojson& o, const Extra& extra) {
  // Unknown fields, sorted (Extra keeps its keys sorted), after the known ones.
  if (!extra.is_object()) return;
  for (auto it = extra.begin(); it != extra.end(); ++it)
    o[it.key()] = ojson::parse(it.value().dump());
}
}  // namespace

void write_schedule(const Event& e, ojson& o) {
  if (e.status) o["status"] = to_json_name(*e.status);
  if (e.starts) o["starts"] = edtf::format(*e.starts);
  if (e.ends) o["ends"] = edtf::format(*e.ends);
  if (!e.time_zone.empty()) o["time_zone"] = e.time_zone;
  if (e.postponed_from) o["postponed_from"] = edtf::format(*e.postponed_from);
}

ojson checklist_item_json(const ChecklistItem& item) {
  ojson o = ojson::object();
  o["text"] = item.text;
  if (!item.owner.empty()) o["owner"] = item.owner;
  if (item.due) o["due"] = edtf::format(*item.due);
  if (item.done) o["done"] = true;
  if (item.deadline) o["deadline"] = true;
  put_extra(o, item.extra);
  return o;
}

void write_checklist(const Event& e, ojson& o) {
  if (e.checklist.empty()) return;
  ojson a = ojson::array();
  for (const auto& item : e.checklist) a.push_back(checklist_item_json(item));
  o[kChecklistField] = std::move(a);
}

}  // namespace atlas
