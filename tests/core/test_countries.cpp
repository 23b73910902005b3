// test_countries.cpp — the ISO 3166-1 alpha-2 table and its lookup.
#include <doctest/doctest.h>

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

#include "core/countries.hpp"

namespace {

std::string name_of(std::string_view code) {
  const atlas::Country* c = atlas::find_country(code);
  return c ? c->name : std::string("<not found>");
}

}  // namespace

TEST_CASE("countries: table has the 249 assigned codes, strictly sorted, well formed") {
  std::size_t count = 0;
  const atlas::Country* table = atlas::all_countries(count);
  REQUIRE(table != nullptr);
  CHECK(count == 249);
  for (std::size_t i = 0; i < count; ++i) {
    const char* code = table[i].code;
    INFO("index ", i, " code ", code);
    REQUIRE(code != nullptr);
    CHECK(std::strlen(code) == 2);
    CHECK(code[0] >= 'A');
    CHECK(code[0] <= 'Z');
    CHECK(code[1] >= 'A');
    CHECK(code[1] <= 'Z');
    REQUIRE(table[i].name != nullptr);
    CHECK(std::strlen(table[i].name) > 0);
    if (i > 0) CHECK(std::string_view(table[i - 1].code) < std::string_view(code));
    CHECK(atlas::find_country(code) == &table[i]);
  }
}

TEST_CASE("countries: known codes are found with their names") {
  CHECK(name_of("NZ") == "New Zealand");
  CHECK(name_of("AU") == "Australia");
  CHECK(name_of("HK") == "Hong Kong");
  CHECK(name_of("TH") == "Thailand");
  CHECK(name_of("PH") == "Philippines");
  CHECK(name_of("SG") == "Singapore");
  CHECK(name_of("ID") == "Indonesia");
  CHECK(name_of("MY") == "Malaysia");
  CHECK(name_of("VN") == "Vietnam");
  CHECK(name_of("US") == "United States");
  CHECK(name_of("GB") == "United Kingdom");
  CHECK(name_of("AD") == "Andorra");   // first entry
  CHECK(name_of("ZW") == "Zimbabwe");  // last entry
}

TEST_CASE("countries: unassigned, reserved, malformed codes are not found") {
  CHECK(atlas::find_country("UK") == nullptr);   // exceptionally reserved, not assigned
  CHECK(atlas::find_country("EU") == nullptr);   // exceptionally reserved, not assigned
  CHECK(atlas::find_country("XX") == nullptr);   // user-assigned range
  CHECK(atlas::find_country("XK") == nullptr);   // Kosovo: user-assigned, not official
  CHECK(atlas::find_country("nz") == nullptr);   // lower case
  CHECK(atlas::find_country("") == nullptr);     // empty
  CHECK(atlas::find_country("NZL") == nullptr);  // alpha-3
  CHECK(atlas::find_country("N") == nullptr);
  CHECK(atlas::find_country("AA") == nullptr);  // before the first entry
  CHECK(atlas::find_country("ZZ") == nullptr);  // after the last entry
}
