// test_id_table.cpp — the loader's id table (core/id_table): first claim wins, growth, misses.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/id_table.hpp"

using namespace atlas;

TEST_CASE("an id keeps its first claim; later claims are told who has it") {
  IdTable t(2);
  CHECK(t.claim("rt-hk", 7) == IdTable::kNone);
  CHECK(t.claim("wg-trade", 8) == IdTable::kNone);
  CHECK(t.claim("rt-hk", 9) == 7u);
  CHECK(t.find("rt-hk") == 7u);
  CHECK(t.find("wg-trade") == 8u);
  CHECK(t.find("rt-h") == IdTable::kNone);
  CHECK(t.find("") == IdTable::kNone);
  CHECK(t.size() == 2);
}

TEST_CASE("the table grows past its first size and keeps every id") {
  std::vector<std::string> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back("ev-" + std::to_string(i));
  IdTable t;  // sized for nothing: every id past the first few makes it grow
  for (size_t i = 0; i < ids.size(); ++i) REQUIRE(t.claim(ids[i], uint32_t(i)) == IdTable::kNone);
  CHECK(t.size() == ids.size());
  for (size_t i = 0; i < ids.size(); ++i) REQUIRE(t.find(ids[i]) == uint32_t(i));
  for (size_t i = 0; i < ids.size(); i += 97) CHECK(t.claim(ids[i], 99999) == uint32_t(i));
  CHECK(t.find("ev-5000") == IdTable::kNone);
  CHECK(t.find("ev-") == IdTable::kNone);
}
