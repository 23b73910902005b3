// test_state.cpp — the app's actions: what the JS API and the UI rely on.
#include <doctest/doctest.h>

#include "app/state.hpp"

using namespace atlas;

TEST_CASE("the app starts from the sample and reports its counts") {
  AppState s;
  s.load_sample();
  CHECK(s.origin == "sample");
  CHECK(stats_json(s) == R"({"events":12,"organisations":13,"places":9,"working_groups":3})");
  CHECK(s.export_json() == std::string(sample_dataset_text()));
}

TEST_CASE("a failed load never replaces the data; a good one does") {
  AppState s;
  s.load_sample();
  std::string before = s.export_json();
  auto diags = s.load_json("{\"format\": \"coalition-atlas\", \"version\": 1, \"title\": 5}", "x");
  REQUIRE(has_errors(diags));
  CHECK(s.export_json() == before);
  CHECK(s.origin == "sample");
  std::string j = diagnostics_json(diags);
  CHECK(j.find(R"("pointer":"/title")") != std::string::npos);
  CHECK(j.find(R"("severity":"error")") != std::string::npos);

  diags = s.load_json(R"({"format": "coalition-atlas", "version": 1, "title": "Empty"})", "x");
  CHECK(diags.empty());
  CHECK(s.dataset.title == "Empty");
  CHECK(stats_json(s) == R"({"events":0,"organisations":0,"places":0,"working_groups":0})");
}

TEST_CASE("selection: by id, unknown ids refused, cleared when the item goes") {
  AppState s;
  s.load_sample();
  CHECK(s.select("rt-hk"));
  CHECK(s.selection == "rt-hk");
  CHECK(!s.select("no-such-id"));
  CHECK(s.selection == "rt-hk");
  CHECK(s.select("wg-ph"));
  CHECK(s.select("singapore"));
  s.load_json(R"({"format": "coalition-atlas", "version": 1, "title": "Empty"})", "x");
  CHECK(s.selection.empty());
  CHECK(s.select(""));
}

TEST_CASE("syntax errors carry line and column into the JSON view") {
  AppState s;
  auto diags = s.load_json("{\n  \"format\": }", "x");
  std::string j = diagnostics_json(diags);
  CHECK(j.find(R"("line":2)") != std::string::npos);
}
