// test_id_table.cpp — the loader's id table (core/id_table): first claim wins, growth, misses.
#include <doctest/doctest.h>

#include <set>
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

TEST_CASE("ids that differ in one byte anywhere, of every length across the eight-byte steps") {
  // The hash reads eight bytes at a time: a difference in the last, partial step, or one
  // that only the length makes ("a" and "a\0"), must still keep the ids apart.
  std::vector<std::string> ids;
  for (size_t len = 1; len <= 24; ++len)
    for (size_t at = 0; at < len; ++at) {
      std::string id(len, 'a');
      id[at] = 'b';
      ids.push_back(id);
    }
  for (size_t len = 0; len <= 24; ++len) ids.push_back(std::string(len, 'a'));
  ids.push_back(std::string("a\0", 2));
  IdTable t;
  for (size_t i = 0; i < ids.size(); ++i) REQUIRE(t.claim(ids[i], uint32_t(i)) == IdTable::kNone);
  for (size_t i = 0; i < ids.size(); ++i) REQUIRE(t.find(ids[i]) == uint32_t(i));
  CHECK(t.find(std::string(25, 'a')) == IdTable::kNone);
  CHECK(t.find("ab") != t.find("ba"));
  // The table stays right whatever the hash; it stays fast only when every byte counts:
  // these few hundred ids all hash apart (a chance collision of 32 bits is ~1 in 100,000).
  std::set<uint32_t> hashes;
  for (const auto& id : ids) hashes.insert(IdTable::hash(id));
  CHECK(hashes.size() == ids.size());
}
