// test_bad_input.cpp — the loader against hostile and broken input.
//
// tests/data/bad/MANIFEST.tsv lists every file of the corpus with what the loader
// must say: severity, where (a JSON Pointer, "line:col", or "-" for the document) and
// a piece of the sentence. Files too big to keep in the repository (a 10 MB string,
// 10,000-deep nesting) are made here in memory.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/dataset_json.hpp"

namespace fs = std::filesystem;
using namespace atlas;

namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == '\t') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

bool matches(const Diagnostic& d, const std::string& severity, const std::string& where,
             const std::string& text) {
  if ((d.severity == Severity::Error) != (severity == "error")) return false;
  if (d.message.find(text) == std::string::npos) return false;
  if (where == "-") return d.pointer.empty() && d.line == 0;
  auto colon = where.find(':');
  if (where[0] != '/' && colon != std::string::npos)
    return d.line == std::stoi(where.substr(0, colon)) &&
           d.column == std::stoi(where.substr(colon + 1));
  return d.pointer == where;
}

const char* kValidHead = R"({"format": "coalition-atlas", "version": 1, "title": )";

}  // namespace

TEST_CASE("every broken file in the corpus gives the expected diagnostic and no crash") {
  fs::path dir = fs::path(ATLAS_TEST_DATA) / "bad";
  std::ifstream manifest(dir / "MANIFEST.tsv");
  REQUIRE(manifest.good());
  std::set<std::string> listed;
  std::string line;
  int rows = 0;
  while (std::getline(manifest, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto cols = split_tabs(line);
    REQUIRE_MESSAGE(cols.size() == 4, "bad manifest line: " << line);
    const std::string &file = cols[0], &severity = cols[1], &where = cols[2], &text = cols[3];
    listed.insert(file);
    ++rows;
    std::string bytes = read_all(dir / file);
    REQUIRE_MESSAGE(!bytes.empty(), file << " is missing or empty");
    LoadResult r = load_dataset(bytes);
    bool found = false;
    for (const auto& d : r.diagnostics) found |= matches(d, severity, where, text);
    std::string all;
    for (const auto& d : r.diagnostics) all += "\n  " + d.to_string();
    CHECK_MESSAGE(found, file << ": expected " << severity << " at " << where << " containing \""
                              << text << "\"; got:" << all);
    // An error means no dataset: a failed load never stands in for the data.
    if (severity == "error") CHECK_MESSAGE(!r.ok(), file << " loaded despite an error");
    for (const auto& d : r.diagnostics) CHECK(!d.message.empty());
  }
  CHECK(rows >= 60);
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name != "MANIFEST.tsv")
      CHECK_MESSAGE(listed.count(name), name << " is not in MANIFEST.tsv");
  }
}

TEST_CASE("10,000-deep nesting is refused without recursion") {
  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  LoadResult r = load_dataset(deep);
  REQUIRE(!r.ok());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message.find("nested more than 64 levels") != std::string::npos);
  // Where: the innermost array it accepted, 63 levels down.
  std::string where;
  for (int i = 0; i < 63; ++i) where += "/0";
  CHECK(r.diagnostics[0].pointer == where);

  std::string objects;
  for (int i = 0; i < 10000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(10000, '}');
  r = load_dataset(objects);
  CHECK(!r.ok());
}

TEST_CASE("a 10 MB string is refused with its path, not stored") {
  std::string big = std::string(kValidHead) + "\"t\", \"events\": [{\"id\": \"e\", \"kind\": " +
                    "\"forum\", \"title\": \"x\", \"notes\": \"" + std::string(10'000'000, 'a') +
                    "\"}]}";
  LoadResult r = load_dataset(big);
  REQUIRE(!r.ok());
  bool found = false;
  for (const auto& d : r.diagnostics)
    found |= d.pointer == "/events/0/notes" && d.message.find("too long") != std::string::npos;
  CHECK(found);
}

TEST_CASE("many errors are capped, and the cap is said") {
  std::string text = std::string(kValidHead) + "\"t\", \"places\": [";
  for (int i = 0; i < 2000; ++i) text += std::string(i ? "," : "") + "{\"id\": \"p\"}";
  text += "]}";
  LoadResult r = load_dataset(text);
  CHECK(!r.ok());
  CHECK(r.diagnostics.size() == kMaxDiagnostics + 1);
  CHECK(r.diagnostics.back().message.find("more problems not listed") != std::string::npos);
}

TEST_CASE("truncations of a valid file never crash and never load") {
  std::string good = std::string(kValidHead) +
                     R"("t", "places": [{"id": "p", "name": "P", "country": "NZ", "lat": -41,
                     "lon": 174}], "events": [{"id": "e", "kind": "forum", "title": "T",
                     "date": "2017-05", "place": "p"}]})";
  REQUIRE(load_dataset(good).ok());
  for (size_t n = 0; n + 1 < good.size(); ++n) {
    LoadResult r = load_dataset(good.substr(0, n));
    CHECK_MESSAGE(!r.ok(), "prefix of " << n << " bytes loaded");
    REQUIRE(!r.diagnostics.empty());
  }
}
