// test_export_geo.cpp — GeoJSON, KML, StoryMapJS and CSV tables (core/export_geo.hpp,
// storymap.hpp, export_csv.hpp) and the format registry (formats.hpp). The receiving
// tools' own parsers check these files in tests/interchange.
#include <doctest/doctest.h>

#include "core/dataset_json.hpp"
#include "core/export_csv.hpp"
#include "core/export_geo.hpp"
#include "core/formats.hpp"
#include "core/storymap.hpp"

extern "C" const unsigned char atlas_sample_json[];
extern "C" const unsigned long atlas_sample_json_size;

using namespace atlas;
using json = nlohmann::json;

namespace {
Dataset sample() {
  auto r = load_dataset(
      std::string_view(reinterpret_cast<const char*>(atlas_sample_json), atlas_sample_json_size));
  REQUIRE(r.ok());
  return *r.dataset;
}
}  // namespace

TEST_CASE("GeoJSON: a point per event with coordinates, longitude first") {
  Dataset d = sample();
  size_t left = 0;
  json g = json::parse(export_geojson(d, &left));
  CHECK(g["type"] == "FeatureCollection");
  size_t placed = 0;
  for (const auto& e : d.events) {
    const Place* p = d.find_place(e.place);
    placed += p && p->lat;
  }
  REQUIRE(g["features"].size() == placed);
  CHECK(left == d.events.size() - placed);
  const json& f = g["features"][0];
  const Place* p = d.find_place(d.events[0].place);
  CHECK(f["geometry"]["coordinates"][0] == *p->lon);
  CHECK(f["geometry"]["coordinates"][1] == *p->lat);
  CHECK(f["properties"]["date"] == edtf::format(*d.events[0].date));
  CHECK(f["properties"]["earliest_day"] == "2013-01-01");
}

TEST_CASE("KML text: escaped, and what XML 1.0 cannot hold left out") {
  CHECK(xml_text("a & b < c > \"d\" 'e'") == "a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;");
  CHECK(xml_text(std::string("x\x01y\x0Bz\tq\n", 8)) == "xyz\tq\n");
  CHECK(xml_text("ok \xEF\xBF\xBE bad \xFF end 香港") == "ok  bad  end 香港");
  Dataset d = sample();
  d.events[0].title = "R&D <one>";
  std::string k = export_kml(d);
  CHECK(k.find("<name>R&amp;D &lt;one&gt;</name>") != std::string::npos);
  CHECK(k.find("<TimeSpan><begin>2013-01-01</begin><end>2015-07-31</end></TimeSpan>") !=
        std::string::npos);
}

TEST_CASE("StoryMapJS: the overview first, a slide per step, locations from places") {
  Dataset d = sample();
  json s = storymap_from_dataset(d)["storymap"];
  REQUIRE(s["slides"].size() == d.events.size() + 1);
  CHECK(s["slides"][0]["type"] == "overview");
  CHECK(s["slides"][0]["text"]["headline"] == d.title);
  bool located = false;
  for (const auto& slide : s["slides"])
    if (slide.contains("location")) {
      located = true;
      CHECK(slide["location"]["lat"].is_number());
      CHECK(slide["location"]["lon"].is_number());
      CHECK(slide["date"].is_string());
    }
  CHECK(located);
  // A story of the data: its steps, its captions, its cameras.
  Story st;
  st.id = "s";
  st.title = "S";
  StoryStep a;
  a.item = d.events[2].id;
  a.caption = "Here <now>";
  a.map = StoryStep::Camera{100, 10, 4, Extra::object()};
  st.steps.push_back(a);
  d.stories.push_back(st);
  json one = storymap_from_dataset(d)["storymap"]["slides"];
  REQUIRE(one.size() == 1);
  CHECK(one[0]["text"]["text"] == "Here &lt;now&gt;");
  CHECK(one[0]["location"]["lon"] == 100);
  CHECK(one[0]["location"]["zoom"] == 4);
}

TEST_CASE("CSV tables: stable headers, one record per item") {
  Dataset d = sample();
  auto ev = csv_records(d, CsvTableKind::Events);
  CHECK(ev.size() == d.events.size() + 1);
  CHECK(ev[0] == std::vector<std::string>{"id", "kind", "title", "date", "earliest_day",
                                          "latest_day", "place", "place_id", "country", "latitude",
                                          "longitude", "organisations", "notes", "links",
                                          "source"});
  CHECK(csv_records(d, CsvTableKind::Places).size() == d.places.size() + 1);
  CHECK(csv_records(d, CsvTableKind::Organisations)[0][2] == "sector");
  auto wg = csv_records(d, CsvTableKind::WorkingGroups);
  CHECK(wg.size() == d.working_groups.size() + 1);
  CHECK(wg[0][3] == "active");
}

TEST_CASE("formats: guessed by content when reading, by name when writing") {
  CHECK(std::string(guess_format("x.json", "{\"format\": \"coalition-atlas\"}", true)->name) ==
        "atlas");
  CHECK(std::string(guess_format("x.json", "{\"events\": []}", true)->name) == "timelinejs");
  // A "format" that is not a string is ours gone wrong (the loader says what), never a throw.
  CHECK(std::string(guess_format("x.json", "{\"format\": 3}", true)->name) == "atlas");
  CHECK(std::string(guess_format("x.json", "{\"version\": 1, \"events\": []}", true)->name) ==
        "atlas");
  CHECK(std::string(guess_format("x.csv", "Year,Month,Headline\n", true)->name) ==
        "timelinejs-sheet");
  CHECK(std::string(guess_format("x.CSV", "title,date\n", true)->name) == "csv");
  CHECK(guess_format("x.kml", "<kml/>", true) == nullptr);  // nothing reads KML
  CHECK(std::string(guess_format("out.storymap.json", "", false)->name) == "storymap");
  CHECK(std::string(guess_format("out.timeline.json", "", false)->name) == "timelinejs");
  CHECK(std::string(guess_format("out.json", "", false)->name) == "atlas");
  CHECK(std::string(guess_format("out.geojson", "", false)->name) == "geojson");
  CHECK(guess_format("out.pdf", "", false) == nullptr);
  for (const auto& f : formats()) CHECK(find_format(f.name) == &f);
}
