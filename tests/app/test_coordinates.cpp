// test_coordinates.cpp — the Inspector's coordinate fields (app/coordinates.hpp): both or
// neither, never an invented 0 for the one not typed yet.
#include <doctest/doctest.h>

#include "app/coordinates.hpp"
#include "app/state.hpp"

using namespace atlas;

TEST_CASE("both coordinates typed: the fields to set") {
  CoordinatesInput in = coordinates_from_text("22.28", " 114.16 ");
  REQUIRE(in.fields);
  CHECK(*in.fields == nlohmann::json{{"lat", 22.28}, {"lon", 114.16}});
  CHECK(in.waiting.empty());
  in = coordinates_from_text("-33.8688", "+151.2093");
  REQUIRE(in.fields);
  CHECK((*in.fields)["lat"] == -33.8688);
  // Out of range goes on to the loader's rules, which say what is wrong.
  in = coordinates_from_text("91", "0");
  REQUIRE(in.fields);
  CHECK((*in.fields)["lat"] == 91);
}

TEST_CASE("one coordinate alone waits for the other, with a hint; nothing to set") {
  CoordinatesInput in = coordinates_from_text("22.28", "");
  CHECK_FALSE(in.fields);
  CHECK(in.waiting.find("longitude") != std::string::npos);
  in = coordinates_from_text("  ", "114.16");
  CHECK_FALSE(in.fields);
  CHECK(in.waiting.find("latitude") != std::string::npos);
}

TEST_CASE("text that is not a number yet waits too") {
  for (const char* bad : {"-", ".", "22,28", "1e3", "nan", "inf", "0x10", "12 34", "1-2"}) {
    CoordinatesInput in = coordinates_from_text(bad, "114.16");
    CHECK_MESSAGE(!in.fields, bad);
    CHECK(in.waiting.find("latitude is not a number") != std::string::npos);
  }
  CHECK(coordinates_from_text("22.", "114").fields);  // typing on: 22. is 22
}

TEST_CASE("both fields emptied: the place leaves the map") {
  CoordinatesInput in = coordinates_from_text("", "");
  REQUIRE(in.fields);
  CHECK(*in.fields == nlohmann::json{{"lat", nullptr}, {"lon", nullptr}});
}

TEST_CASE("what the fields make loads: a place gets both, or keeps none") {
  AppState s;
  s.load_sample();
  Place p;
  p.id = "somewhere";
  p.name = "Somewhere";
  p.country = "PH";
  REQUIRE(s.edit(Command::add(p)));
  // Only the latitude typed: nothing is set, the place stays off the map.
  CHECK_FALSE(coordinates_from_text("14.6", "").fields);
  CHECK_FALSE(s.place("somewhere")->lat);
  CoordinatesInput both = coordinates_from_text("14.6", "121.0");
  REQUIRE(s.edit(Command::set_fields("somewhere", *both.fields)));
  CHECK(*s.place("somewhere")->lat == 14.6);
  CHECK(*s.place("somewhere")->lon == 121.0);
  REQUIRE(s.edit(Command::set_fields("somewhere", *coordinates_from_text("", "").fields)));
  CHECK_FALSE(s.place("somewhere")->lat);
  CHECK_FALSE(s.place("somewhere")->lon);
}

TEST_CASE("a coordinate is shown with four decimals") {
  CHECK(coordinate_text(22.28) == "22.2800");
  CHECK(coordinate_text(-0.5) == "-0.5000");
}
