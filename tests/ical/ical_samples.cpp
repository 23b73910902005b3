// ical_samples.cpp — see ical_samples.hpp.
//
// Index
//   1. The generated dataset
//   2. Expected values, from the core's own reading of each event
//   3. The samples; the writer's main (when built as atlas-ical-samples)
#include "ical_samples.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "../core/plan_fixture.hpp"
#include "../core/zones_fixture.hpp"
#include "core/dataset_json.hpp"
#include "core/event_time.hpp"
#include "core/ical.hpp"

namespace atlas::test {

// ---------------------------------------------------------------------------------
// 1. The generated dataset
// ---------------------------------------------------------------------------------
namespace {

const char* const kZones[] = {
    "Australia/Sydney", "Pacific/Auckland", "Asia/Manila",    "UTC",
    "America/New_York", "Europe/London",    "Asia/Kathmandu", "America/St_Johns"};
const char* const kWords[] = {
    "Roundtable",           "การประชุมโต๊ะกลม",      "ประเทศไทย",   "圆桌会议", "工作组", "菲律宾",
    "Forum, day two",       "Payments; platforms", "back\\slash", "Ōtautahi", "Hà Nội", "🌏",
    "คุ้มครองเด็กบนโลกออนไลน์", "年度审查与规划会议"};

std::string date_text(int64_t day) {
  edtf::Value v;
  edtf::civil_from_days(day, v.start);
  return edtf::format(v);
}

// A fifth of the zoned times are put half an hour after a zone changes its clocks, on
// the night it does: in the gap when they go forward, twice over when they go back.
Dataset generated(const tz::ZoneDb& zones) {
  Dataset d;
  d.title = "Generated plans (ical test)";
  std::mt19937 rng(17);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  const int64_t first = edtf::days_from_civil(2024, 1, 1);
  for (int i = 0; i < 300; ++i) {
    Event e;
    e.id = "gen-" + std::to_string(i);
    e.kind = EventKind(pick(int(EventKind::Count)));
    const int words = 1 + pick(12);
    for (int w = 0; w < words; ++w) e.title += (w ? " " : "") + std::string(kWords[pick(14)]);
    if (pick(3) == 0) e.status = EventStatus(pick(int(EventStatus::Count)));
    if (pick(4) == 0) e.notes = e.title + "\n" + e.title;
    int64_t day = first + pick(365 * 7);
    int span = pick(4) == 0 ? 1 + pick(4) : 0;
    const int shape = pick(5);  // 0-1 all-day, 2 zoned, 3 offset, 4 floating
    int hour = pick(24), minute = 15 * pick(4);
    std::string offset;
    if (shape == 2) {
      e.time_zone = kZones[pick(8)];
      std::vector<tz::Transition> changes =
          zones.find(e.time_zone)->transitions(first * 86400, (first + 365 * 7) * 86400);
      if (!changes.empty() && pick(5) == 0) {
        const tz::Transition& t = changes[size_t(pick(int(changes.size())))];
        const int64_t local = t.at + std::min(t.before.offset, t.after.offset) + 30 * 60;
        day = local / 86400;
        hour = int(local % 86400 / 3600);
        minute = int(local % 3600 / 60);
        span = 0;
      }
    }
    if (shape == 3) offset = pick(2) ? "Z" : "+05:30";
    e.date =
        edtf::parse(span ? date_text(day) + "/" + date_text(day + span) : date_text(day)).value;
    if (shape >= 2) {
      char clock[32];
      std::snprintf(clock, sizeof clock, "T%02d:%02d:00", hour, minute);
      e.starts = edtf::parse(date_text(day) + clock + offset).value;
      if ((span || pick(2)) && (span || hour < 23)) {
        const int end_hour = span ? pick(24) : hour + 1 + pick(23 - hour);
        std::snprintf(clock, sizeof clock, "T%02d:%02d:00", end_hour, 15 * pick(4));
        e.ends = edtf::parse(date_text(day + span) + clock + offset).value;
      }
    }
    d.events.push_back(std::move(e));
  }
  return d;
}

// ---------------------------------------------------------------------------------
// 2. Expected values
// ---------------------------------------------------------------------------------
std::vector<ExpectedEvent> expected(const Dataset& d, const IcalOptions& o) {
  std::vector<ExpectedEvent> out;
  for (const Event& e : d.events) {
    if (!o.statuses.shows(e) || !e.date) continue;
    const bool days = e.date->earliest() > edtf::kUnboundedPast &&
                      e.date->latest() < edtf::kUnboundedFuture &&
                      e.date->start.precision() == edtf::Precision::Day &&
                      (!e.date->interval || e.date->end.precision() == edtf::Precision::Day);
    if (!days) continue;
    ExpectedEvent x;
    x.uid = ical_uid(d, e, o);
    x.summary = e.title;
    const bool one_day = e.date->earliest() == e.date->latest();
    if (e.starts && (e.ends || one_day)) {
      EventTimes t = event_times(e, o.zones);
      if (!t.starts) continue;  // reported as not exported
      if (t.starts->fixed)
        x.start_utc = t.starts->utc;
      else
        x.start_local = edtf::format(*e.starts);
    } else {
      x.start_date = date_text(e.date->earliest());
      x.end_date = date_text(e.date->latest() + 1);
    }
    out.push_back(std::move(x));
  }
  return out;
}

Sample sample(std::string name, const Dataset& d, IcalOptions o) {
  Sample s;
  s.name = std::move(name);
  s.dtstamp = o.now_utc;
  s.text = export_ical(d, o);
  s.events = expected(d, o);
  return s;
}

}  // namespace

// ---------------------------------------------------------------------------------
// 3. Samples
// ---------------------------------------------------------------------------------
std::vector<Sample> ical_samples(const tz::ZoneDb& zones) {
  IcalOptions o;
  o.zones = &zones;
  o.now_utc = edtf::days_from_civil(2026, 3, 1) * 86400 + 8 * 3600;
  const Dataset plans = load_plan_dataset();
  std::vector<Sample> out;
  out.push_back(sample("plan.ics", plans, o));
  IcalOptions later = o;
  later.now_utc += 31 * 86400 + 3600 + 7;
  out.push_back(sample("plan-later.ics", plans, later));
  const Dataset gen = generated(zones);
  std::vector<Diagnostic> problems = validate_dataset(gen);
  if (!problems.empty()) {
    std::fprintf(stderr, "the generated dataset does not load: %s\n",
                 problems.front().to_string().c_str());
    std::exit(2);
  }
  out.push_back(sample("generated.ics", gen, o));
  return out;
}

}  // namespace atlas::test

#ifdef ATLAS_ICAL_SAMPLES_MAIN
int main(int argc, char** argv) {
  using namespace atlas::test;
  if (argc != 2) {
    std::fprintf(stderr, "usage: atlas-ical-samples DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  nlohmann::json manifest = nlohmann::json::array();
  for (const Sample& s : ical_samples(test_zones())) {
    std::ofstream(dir + "/" + s.name, std::ios::binary) << s.text;
    nlohmann::json events = nlohmann::json::array();
    for (const ExpectedEvent& e : s.events) {
      nlohmann::json x = {{"uid", e.uid}, {"summary", e.summary}};
      if (e.start_utc) x["start_utc"] = *e.start_utc;
      if (!e.start_local.empty()) x["start_local"] = e.start_local;
      if (!e.start_date.empty()) x["start_date"] = e.start_date, x["end_date"] = e.end_date;
      events.push_back(std::move(x));
    }
    manifest.push_back({{"file", s.name}, {"dtstamp", s.dtstamp}, {"events", events}});
  }
  std::ofstream(dir + "/expected.json") << manifest.dump(1) << "\n";
  std::printf("wrote %zu calendars to %s\n", manifest.size(), dir.c_str());
  return 0;
}
#endif
