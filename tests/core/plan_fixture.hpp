// plan_fixture.hpp — a dataset of plans made for the tests (the sample stays a record of
// the past: no invented plans there). Read through the loader, like any file.
//
// Seen from "today" = 1 March 2026 (kPlanToday): a confirmed roundtable in Manila on 4
// March with times in Asia/Manila and a checklist (one item done, one overdue, a deadline
// due soon, one due "sometime in March"); a forum in Manila on 3-5 March with the same
// organisation (PayPal) and place; a proposed roundtable in Cebu (PH) on 12 March; a
// Sydney forum over the night daylight saving starts (4 October 2026); an Auckland
// meeting at 02:30 on the night daylight saving ends (5 April 2026, a time that happens
// twice), and another there on the day they go back in 2027; a Thai roundtable known only
// as "2026-05"; a cancelled campaign; a postponed roundtable; a UTC time, a floating time,
// an old open-ended window and an undated event.
// Titles and notes in Thai and Chinese make the calendar fold lines inside characters.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "core/dataset_json.hpp"
#include "core/date_edtf.hpp"

namespace atlas::test {

inline const int64_t kPlanToday = edtf::days_from_civil(2026, 3, 1);

inline const char* const kPlanDataset = R"json({
  "format": "coalition-atlas",
  "version": 1,
  "title": "Plans for 2026 (test)",
  "places": [
    {"id": "manila", "name": "Manila", "country": "PH", "lat": 14.5995, "lon": 120.9842},
    {"id": "cebu", "name": "Cebu City", "country": "PH", "lat": 10.3157, "lon": 123.8854},
    {"id": "sydney", "name": "Sydney", "country": "AU", "lat": -33.8688, "lon": 151.2093},
    {"id": "auckland", "name": "Auckland", "country": "NZ", "lat": -36.8485, "lon": 174.7633},
    {"id": "bangkok", "name": "กรุงเทพมหานคร", "country": "TH", "lat": 13.7563, "lon": 100.5018},
    {"id": "hong-kong", "name": "香港", "country": "HK", "lat": 22.3193, "lon": 114.1694}
  ],
  "organisations": [
    {"id": "paypal", "name": "PayPal", "sector": "payments"},
    {"id": "visa", "name": "Visa", "sector": "payments"},
    {"id": "icmec", "name": "ICMEC", "sector": "ngo"}
  ],
  "events": [
    {"id": "rt-ph-2026", "kind": "roundtable", "title": "Philippines Roundtable 2026",
     "date": "2026-03-04", "status": "confirmed", "starts": "2026-03-04T09:30",
     "ends": "2026-03-04T17:00", "time_zone": "Asia/Manila", "place": "manila",
     "organisations": [{"organisation": "paypal", "role": "host"},
                       {"organisation": "icmec", "role": "organiser"}],
     "notes": "Second roundtable in Manila.\nAgenda: payments, platforms; law enforcement.",
     "links": [{"url": "https://www.icmec.org/", "label": "ICMEC"}],
     "checklist": [
       {"text": "Book the venue", "owner": "Ana", "due": "2026-02-20", "done": true},
       {"text": "Send the invitations", "owner": "Ben", "due": "2026-02-25"},
       {"text": "Registration closes", "due": "2026-03-02T17:00+08:00", "deadline": true},
       {"text": "Print the programme", "due": "2026-03"}
     ]},
    {"id": "forum-manila-2026", "kind": "forum", "title": "ASEAN Cyber Forum, Manila; day one to three",
     "date": "2026-03-03/2026-03-05", "status": "confirmed", "place": "manila",
     "organisations": [{"organisation": "paypal", "role": "presenter"}]},
    {"id": "rt-cebu", "kind": "roundtable", "title": "Cebu Roundtable", "date": "2026-03-12",
     "status": "proposed", "place": "cebu"},
    {"id": "forum-sydney", "kind": "forum", "title": "Sydney Payments Forum",
     "date": "2026-10-04/2026-10-06", "status": "planned", "starts": "2026-10-04T09:00",
     "ends": "2026-10-06T17:00", "time_zone": "Australia/Sydney", "place": "sydney",
     "organisations": [{"organisation": "visa", "role": "host"}]},
    {"id": "wg-nz-meeting", "kind": "working-group-meeting",
     "title": "新西兰工作组会议：年度审查与二〇二六年工作计划讨论（奥克兰）",
     "date": "2026-04-05", "status": "proposed", "starts": "2026-04-05T02:30",
     "time_zone": "Pacific/Auckland", "place": "auckland",
     "notes": "会议将讨论支付平台、执法机构与非政府组织之间的合作，以及下一年度的优先事项和时间表。"},
    {"id": "rt-th-2026", "kind": "roundtable",
     "title": "การประชุมโต๊ะกลมประเทศไทยว่าด้วยการคุ้มครองเด็กบนโลกออนไลน์ ครั้งที่สอง",
     "date": "2026-05", "status": "planned", "place": "bangkok"},
    {"id": "campaign-cancelled", "kind": "campaign", "title": "Street campaign", "date": "2026-03-04",
     "status": "cancelled", "place": "manila",
     "organisations": [{"organisation": "paypal", "role": "grant"}]},
    {"id": "rt-hk-postponed", "kind": "roundtable", "title": "Hong Kong Roundtable 2026",
     "date": "2026-06-10", "status": "postponed", "postponed_from": "2026-03-10",
     "place": "hong-kong",
     "notes": "การประชุมเลื่อนออกไป 香港圆桌会议延期至六月 \\ back\\slash"},
    {"id": "forum-utc", "kind": "forum", "title": "Online briefing", "date": "2026-03-20",
     "status": "planned", "starts": "2026-03-20T08:00Z"},
    {"id": "meeting-floating", "kind": "other", "title": "Staff call", "date": "2026-03-21",
     "starts": "2026-03-21T10:00"},
    {"id": "nz-2027", "kind": "working-group-meeting", "title": "Auckland meeting 2027",
     "date": "2027-04-04", "starts": "2027-04-04T10:00", "ends": "2027-04-04T12:00",
     "time_zone": "Pacific/Auckland"},
    {"id": "rt-old", "kind": "roundtable", "title": "An old roundtable", "date": "2015-07/"},
    {"id": "undated", "kind": "other", "title": "Someday"}
  ],
  "working_groups": []
})json";

// The fixture through the loader; a fixture that does not load stops the test program.
inline Dataset load_plan_dataset() {
  LoadResult r = load_dataset(kPlanDataset);
  if (!r.ok() || !r.diagnostics.empty()) {
    for (const auto& d : r.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    std::abort();
  }
  return std::move(*r.dataset);
}

}  // namespace atlas::test
