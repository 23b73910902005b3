// test_plan_fields.cpp — the plan fields in the file (src/core/plan_fields.hpp through
// the loader): they load, are written in a fixed order only when present, round-trip,
// keep their unknown fields, and leave a file the previous release still reads. The
// refusals, each with its JSON Pointer, are in tests/data/bad (plan-*.json).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/dataset_json.hpp"
#include "core/plan_fields.hpp"
#include "plan_fixture.hpp"

using namespace atlas;
using nlohmann::json;

TEST_CASE("plan fields load into the model") {
  const Dataset d = test::load_plan_dataset();
  const Event* e = d.find_event("rt-ph-2026");
  REQUIRE(e);
  CHECK(e->status == EventStatus::Confirmed);
  REQUIRE(e->starts);
  CHECK(edtf::format(*e->starts) == "2026-03-04T09:30:00");  // read leniently, written in full
  CHECK(edtf::format(*e->ends) == "2026-03-04T17:00:00");
  CHECK(e->time_zone == "Asia/Manila");
  REQUIRE(e->checklist.size() == 4);
  CHECK(e->checklist[0].text == "Book the venue");
  CHECK(e->checklist[0].owner == "Ana");
  CHECK(e->checklist[0].done);
  CHECK_FALSE(e->checklist[1].done);
  CHECK(e->checklist[2].deadline);
  CHECK(edtf::format(*e->checklist[2].due) == "2026-03-02T17:00:00+08:00");
  const Event* p = d.find_event("rt-hk-postponed");
  REQUIRE(p);
  CHECK(p->status == EventStatus::Postponed);
  CHECK(edtf::format(*p->postponed_from) == "2026-03-10");
  CHECK_FALSE(d.find_event("rt-old")->status.has_value());  // absent: unknown
}

TEST_CASE("plan fields are written in a fixed order, only when present, and round-trip") {
  const Dataset d = test::load_plan_dataset();
  const std::string saved = save_dataset(d);
  const nlohmann::ordered_json doc = nlohmann::ordered_json::parse(saved);
  std::vector<std::string> keys;
  for (auto it = doc["events"][0].begin(); it != doc["events"][0].end(); ++it)
    keys.push_back(it.key());
  const std::vector<std::string> order = {"id",     "kind",  "title",     "date",  "status",
                                          "starts", "ends",  "time_zone", "place", "organisations",
                                          "notes",  "links", "checklist"};
  CHECK(keys == order);
  // An item: text, owner, due, done, deadline; false flags and empty text left out.
  CHECK(doc["events"][0]["checklist"][0].dump() ==
        R"({"text":"Book the venue","owner":"Ana","due":"2026-02-20","done":true})");
  CHECK(doc["events"][0]["checklist"][2].dump() ==
        R"({"text":"Registration closes","due":"2026-03-02T17:00:00+08:00","deadline":true})");
  // Nothing added where nothing was given.
  CHECK(
      doc["events"][2].dump() ==
      R"({"id":"rt-cebu","kind":"roundtable","title":"Cebu Roundtable","date":"2026-03-12","status":"proposed","place":"cebu"})");
  CHECK(doc["events"][7]["postponed_from"] == "2026-03-10");

  LoadResult again = load_dataset(saved);
  REQUIRE(again.ok());
  CHECK(again.diagnostics.empty());
  CHECK(save_dataset(*again.dataset) == saved);
}

TEST_CASE("unknown fields inside a checklist item survive a round trip") {
  json doc = json::parse(test::kPlanDataset);
  doc["events"][0]["checklist"][1]["priority"] = "high";
  doc["events"][0]["checklist"][1]["links"] = json::array({1, 2});
  LoadResult r = load_dataset(doc.dump());
  REQUIRE(r.ok());
  REQUIRE(r.diagnostics.size() == 2);
  CHECK(r.diagnostics[0].pointer == "/events/0/checklist/1/links");
  CHECK(r.diagnostics[0].severity == Severity::Warning);
  json saved = json::parse(save_dataset(*r.dataset));
  CHECK(saved["events"][0]["checklist"][1]["priority"] == "high");
  CHECK(saved["events"][0]["checklist"][1]["links"] == json::array({1, 2}));
}

TEST_CASE("a file with plans still reads in the previous release") {
  // The previous release keeps a field it does not know (with a warning) and refuses a
  // time of day in "date". So what it needs is: the plans only in the new fields, and
  // every field it knows holding what it accepted. Without the new fields, the canonical
  // file must load here with no warning at all, and every event keeps its days.
  const Dataset d = test::load_plan_dataset();
  json saved = json::parse(save_dataset(d));
  size_t removed = 0;
  for (auto& e : saved["events"])
    for (const char* k : {"status", "starts", "ends", "time_zone", "postponed_from", "checklist"})
      removed += e.erase(k);
  CHECK(removed > 15);
  LoadResult old = load_dataset(saved.dump());
  REQUIRE(old.ok());
  CHECK(old.diagnostics.empty());
  for (size_t i = 0; i < d.events.size(); ++i) {
    INFO(d.events[i].id);
    CHECK(old.dataset->events[i].date.has_value() == d.events[i].date.has_value());
    if (d.events[i].date)
      CHECK(edtf::format(*old.dataset->events[i].date) == edtf::format(*d.events[i].date));
  }
  // And no "date", "active" or "timeline" ever carries a time (the old release's rule).
  json bad = json::parse(test::kPlanDataset);
  bad["events"][0]["date"] = "2026-03-04T09:30";
  LoadResult refused = load_dataset(bad.dump());
  CHECK_FALSE(refused.ok());
}

TEST_CASE("the editor's rules are the loader's: validate_dataset on plans built in memory") {
  Dataset d = test::load_plan_dataset();
  CHECK(validate_dataset(d).empty());
  Event& e = d.events[0];
  e.ends = edtf::parse("2026-03-04T08:00").value;  // before it starts
  std::vector<Diagnostic> problems = validate_dataset(d);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].pointer == "/events/0/ends");
  e.ends.reset();
  e.time_zone = "Asia/Manilla";
  problems = validate_dataset(d);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].pointer == "/events/0/time_zone");
  e.time_zone = "Asia/Manila";
  e.checklist.push_back(
      {"Confirm the interpreters", "", std::nullopt, false, true, Extra::object()});
  problems = validate_dataset(d);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].pointer == "/events/0/checklist/4");
  CHECK(problems[0].message == "a deadline needs a due date (\"due\"): when does it pass?");
}

TEST_CASE("plan field rules as functions of values") {
  const std::string q = "\"x\"";
  edtf::Value day = *edtf::parse("2026-03-04").value;
  edtf::Value timed = *edtf::parse("2026-03-04T09:30").value;
  CHECK(date_use_problem(day, "date", DateUse::Days, q).empty());
  CHECK(date_use_problem(timed, "date", DateUse::Days, q).find("the time goes in \"starts\"") !=
        std::string::npos);
  CHECK(date_use_problem(timed, "postponed_from", DateUse::Days, q).find("does not use") !=
        std::string::npos);
  CHECK(date_use_problem(day, "starts", DateUse::DateTime, q).find("has no time of day") !=
        std::string::npos);
  CHECK(date_use_problem(timed, "due", DateUse::Any, q).empty());
  CHECK(date_use_problem(day, "due", DateUse::Any, q).empty());
  CHECK(time_zone_problem("Pacific/Auckland").empty());
  CHECK_FALSE(time_zone_problem("Auckland").empty());
  CHECK(is_exact_days(day));
  CHECK(is_exact_days(*edtf::parse("2026-03-04/2026-03-06").value));
  CHECK_FALSE(is_exact_days(*edtf::parse("2026-03").value));
  CHECK_FALSE(is_exact_days(*edtf::parse("2026-03-04?").value));
  CHECK_FALSE(is_exact_days(*edtf::parse("2026-03-04/..").value));
}
