// test_dataset_json.cpp — load, validate and save: the rules a user depends on.
#include <doctest/doctest.h>

#include "core/dataset_json.hpp"

using namespace atlas;
using json = nlohmann::json;

namespace {

const char* kMinimal = R"({
  "format": "coalition-atlas", "version": 1, "title": "Test",
  "places": [{"id": "hk", "name": "Hong Kong", "country": "HK", "lat": 22.28, "lon": 114.16}],
  "organisations": [{"id": "paypal", "name": "PayPal", "sector": "payments"}],
  "events": [{"id": "rt-hk", "kind": "roundtable", "title": "Hong Kong Roundtable",
              "date": "2015-07", "place": "hk",
              "organisations": [{"organisation": "paypal", "role": "grant"}],
              "links": [{"url": "https://example.org/", "label": "Report"}]}],
  "working_groups": [{"id": "wg-hk", "name": "HK Working Group", "country": "HK",
                      "active": "2016/..", "members": [{"organisation": "paypal",
                      "role": "member"}], "member_sectors": ["payments"], "origin": "rt-hk"}]
})";

const Diagnostic* find(const LoadResult& r, const std::string& pointer) {
  for (const auto& d : r.diagnostics)
    if (d.pointer == pointer) return &d;
  return nullptr;
}

std::string with(const std::string& from, const std::string& to) {
  std::string s = kMinimal;
  auto at = s.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a minimal valid file loads into the model") {
  LoadResult r = load_dataset(kMinimal);
  REQUIRE(r.ok());
  CHECK(r.diagnostics.empty());
  const Dataset& d = *r.dataset;
  CHECK(d.title == "Test");
  REQUIRE(d.events.size() == 1);
  CHECK(d.events[0].kind == EventKind::Roundtable);
  CHECK(edtf::format(*d.events[0].date) == "2015-07");
  CHECK(d.events[0].organisations[0].role == Role::Grant);
  CHECK(d.places[0].lat.value() == doctest::Approx(22.28));
  CHECK(d.working_groups[0].active->end_kind == edtf::End::Open);
  CHECK(d.working_groups[0].member_sectors == std::vector<Sector>{Sector::Payments});
  CHECK(d.find_place("hk") != nullptr);
  CHECK(d.find_event("nope") == nullptr);
}

TEST_CASE("ids: ASCII letters and digits, then also - _ and ., whatever the locale") {
  auto id_ok = [](const std::string& id) {
    LoadResult r = load_dataset(with("\"id\": \"wg-hk\"", "\"id\": \"" + id + "\""));
    const Diagnostic* d = find(r, "/working_groups/0/id");
    return !(d && d->message.find("may use only letters") != std::string::npos);
  };
  CHECK(id_ok("wg-HK_2015.b"));
  CHECK(id_ok("0z"));
  CHECK_FALSE(id_ok("-wg"));
  CHECK_FALSE(id_ok("wg hk"));
  CHECK_FALSE(id_ok("wg@hk"));
  CHECK_FALSE(id_ok("\u00e9t\u00e9"));  // letters, but not A-Z
  CHECK_FALSE(id_ok("wg-\u00c5"));
  CHECK_FALSE(id_ok("wg:hk"));
  CHECK_FALSE(id_ok("wg[hk"));
  CHECK_FALSE(id_ok("wg`hk"));
}

TEST_CASE("the issue's example: an impossible date is reported at its pointer") {
  LoadResult r = load_dataset(with("\"2015-07\"", "\"2015-13\""));
  CHECK(!r.ok());
  const Diagnostic* d = find(r, "/events/0/date");
  REQUIRE(d);
  CHECK(d->to_string().rfind(
            "/events/0/date: error: \"2015-13\" is not a valid date: there is no month 13", 0) ==
        0);
}

TEST_CASE("syntax errors give a line and a column") {
  LoadResult r = load_dataset("{\n  \"format\": \"coalition-atlas\",\n  \"version\": 1,,\n}");
  REQUIRE(!r.ok());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].line == 3);
  CHECK(r.diagnostics[0].column == 16);

  r = load_dataset("{\"format\": NaN}");
  CHECK(r.diagnostics[0].message.find("NaN and Infinity") != std::string::npos);
  CHECK(r.diagnostics[0].line == 1);
}

TEST_CASE("text that is not UTF-8 is refused with its line and column; UTF-8 is read as it is") {
  // A bad byte after a long run of ASCII (read eight bytes at a time), and in a key.
  const std::string head =
      "{\n  \"format\": \"coalition-atlas\",\n  \"version\": 1,\n  \"title\": \"";
  LoadResult r = load_dataset(head + "Roundtables of the region \xFF\"\n}");
  REQUIRE(!r.ok());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message.find("UTF-8") != std::string::npos);
  CHECK(r.diagnostics[0].line == 4);
  r = load_dataset("{\"format\": \"coalition-atlas\", \"version\": 1, \"x-\xC0\xAF\": 1}");
  REQUIRE(!r.ok());
  CHECK(r.diagnostics[0].message.find("UTF-8") != std::string::npos);
  r = load_dataset(head + "Hà Nội 香港 😀 roundtables\"\n}");
  REQUIRE(r.ok());
  CHECK(r.dataset->title == "Hà Nội 香港 😀 roundtables");
}

TEST_CASE("strings: escapes and control characters are found wherever they fall") {
  // Plain runs are read eight bytes at a time: what ends one is put at every offset of
  // the first six steps.
  const std::string head = "{\"format\": \"coalition-atlas\", \"version\": 1, \"title\": \"";
  for (size_t at = 0; at < 48; ++at) {
    const std::string before(at, 'a'), after(47 - at, 'b');
    LoadResult r = load_dataset(head + before + "\\\"q\\\\\\u00e9\\n" + after + "\"}");
    REQUIRE(r.ok());
    CHECK(r.dataset->title == before + "\"q\\\u00e9\n" + after);
    r = load_dataset(head + before + "\t" + after + "\"}");  // a raw tab: not JSON
    REQUIRE(!r.ok());
    CHECK(r.diagnostics[0].column == int(head.size() + at + 1));
    r = load_dataset(head + before);  // the text ends inside the string
    CHECK(!r.ok());
  }
}

TEST_CASE("whitespace runs of every length; a byte that is not whitespace wherever it falls") {
  // Whitespace runs of every length up to 49, of all four kinds, between every two tokens.
  const char kinds[] = {' ', '\n', '\r', '\t'};
  for (size_t n = 0; n < 50; ++n) {
    std::string ws;
    for (size_t i = 0; i < n; ++i) ws += kinds[(i * 7 + n) % 4];
    LoadResult r = load_dataset("{" + ws + "\"format\"" + ws + ":" + ws + "\"coalition-atlas\"," +
                                ws + "\"version\": 1, \"title\":" + ws + "\"T\"" + ws + "}" + ws);
    REQUIRE(r.ok());
    CHECK(r.dataset->title == "T");
    // A vertical tab (not whitespace in JSON) after a run of spaces: refused where it is.
    const std::string bad =
        "{\"format\": \"coalition-atlas\", \"version\": 1, \"title\":" + std::string(n, ' ') +
        "\v\"T\"}";
    r = load_dataset(bad);
    REQUIRE(!r.ok());
    CHECK(r.diagnostics[0].column == int(bad.find('\v') + 1));
  }
}

TEST_CASE("references, ids and ranges are checked") {
  CHECK(find(load_dataset(with("\"place\": \"hk\"", "\"place\": \"nowhere\"")), "/events/0/place"));
  CHECK(find(load_dataset(with("\"organisation\": \"paypal\", \"role\": \"grant\"",
                               "\"organisation\": \"ghost\", \"role\": \"grant\"")),
             "/events/0/organisations/0/organisation"));
  CHECK(find(load_dataset(with("\"origin\": \"rt-hk\"", "\"origin\": \"rt-xx\"")),
             "/working_groups/0/origin"));
  // Ids are unique across the whole dataset: selection works by id alone.
  LoadResult dup = load_dataset(with("\"id\": \"wg-hk\"", "\"id\": \"rt-hk\""));
  REQUIRE(find(dup, "/working_groups/0/id"));
  CHECK(find(dup, "/working_groups/0/id")->message.find("/events/0") != std::string::npos);
  CHECK(find(load_dataset(with("\"lat\": 22.28", "\"lat\": 90.5")), "/places/0/lat"));
  CHECK(find(load_dataset(with("\"lon\": 114.16", "\"lon\": -180.01")), "/places/0/lon"));
  CHECK(load_dataset(with("\"lon\": 114.16", "\"lon\": -180")).ok());
  CHECK(find(load_dataset(with("\"country\": \"HK\"", "\"country\": \"hk\"")), "/places/0/country")
            ->message.find("upper case") != std::string::npos);
  CHECK(find(load_dataset(with("\"2016/..\"", "\"2016/2015\"")), "/working_groups/0/active"));
  CHECK(find(load_dataset(with("\"sector\": \"payments\"", "\"sector\": \"fintech\"")),
             "/organisations/0/sector"));
  CHECK(find(load_dataset(with("https://example.org/", "javascript:alert(1)")),
             "/events/0/links/0/url"));
}

TEST_CASE("a newer format version is refused with a clear message") {
  LoadResult r = load_dataset(with("\"version\": 1", "\"version\": 2"));
  CHECK(!r.ok());
  REQUIRE(find(r, "/version"));
  CHECK(find(r, "/version")->message.find("newer Coalition Atlas") != std::string::npos);
  CHECK(find(load_dataset(with("\"version\": 1", "\"version\": 0")), "/version"));
  CHECK(find(load_dataset(with("\"version\": 1", "\"version\": 1.5")), "/version"));
}

TEST_CASE("unknown fields are kept, warned about and written back") {
  std::string text = with("\"title\": \"Test\"",
                          "\"title\": \"Test\", \"x-future\": {\"b\": [1, 2], \"a\": null}");
  text = with("\"name\": \"PayPal\"", "\"name\": \"PayPal\", \"website\": \"paypal.com\"");
  text.replace(text.find("\"title\": \"Test\""), 15,
               "\"title\": \"Test\", \"x-future\": {\"b\": [1, 2], \"a\": null}");
  LoadResult r = load_dataset(text);
  REQUIRE(r.ok());
  REQUIRE(find(r, "/x-future"));
  CHECK(find(r, "/x-future")->severity == Severity::Warning);
  CHECK(find(r, "/organisations/0/website"));
  std::string saved = save_dataset(*r.dataset);
  CHECK(saved.find("\"x-future\": {\n    \"a\": null,\n    \"b\": [\n") != std::string::npos);
  CHECK(saved.find("\"website\": \"paypal.com\"") != std::string::npos);
  LoadResult again = load_dataset(saved);
  REQUIRE(again.ok());
  CHECK(save_dataset(*again.dataset) == saved);
}

TEST_CASE("an item without unknown fields holds none (null), and none is none however written") {
  LoadResult r =
      load_dataset(with("\"name\": \"PayPal\"", "\"name\": \"PayPal\", \"website\": \"p\""));
  REQUIRE(r.ok());
  // No object is made for the unknown fields of an item that has none: 100,000 events
  // allocated one each.
  CHECK(r.dataset->places.at(0).extra.is_null());
  CHECK(r.dataset->organisations.at(0).extra == json{{"website", "p"}});
  CHECK(same_extra(Extra(), Extra::object()));
  CHECK(same_extra(Extra::object(), Extra()));
  CHECK_FALSE(same_extra(Extra(), json{{"website", "p"}}));
  CHECK(same_extra(json{{"website", "p"}}, r.dataset->organisations.at(0).extra));
}

TEST_CASE("the loader's id table describes its dataset, moved or not, and never a copy") {
  LoadResult r = load_dataset(kMinimal);
  REQUIRE(r.ok());
  REQUIRE(r.ids);
  CHECK(r.ids->describes(*r.dataset));
  CHECK(r.ids->table.find("hk") == 0u);  // places claim first
  Dataset moved = std::move(*r.dataset);
  CHECK(r.ids->describes(moved));
  Dataset copy = moved;  // new lists: the table's views point into the old ones
  CHECK_FALSE(r.ids->describes(copy));
  r.ids->taken = true;
  CHECK_FALSE(r.ids->describes(moved));
  CHECK_FALSE(load_dataset("{").ids);
}

TEST_CASE("save is canonical: same dataset, same bytes; load-save-load is lossless") {
  LoadResult r = load_dataset(kMinimal);
  REQUIRE(r.ok());
  std::string a = save_dataset(*r.dataset);
  std::string b = save_dataset(*r.dataset);
  CHECK(a == b);
  const std::string head = "{\n  \"format\": \"coalition-atlas\",\n  \"version\": 1,\n";
  CHECK(a.substr(0, head.size()) == head);
  CHECK(a.back() == '\n');
  LoadResult r2 = load_dataset(a);
  REQUIRE(r2.ok());
  CHECK(save_dataset(*r2.dataset) == a);
  // Key order in the input does not matter.
  std::string shuffled = R"({"title": "Test", "events": [], "version": 1,
                             "format": "coalition-atlas"})";
  std::string ordered = R"({"format": "coalition-atlas", "version": 1, "events": [],
                            "title": "Test"})";
  CHECK(save_dataset(*load_dataset(shuffled).dataset) ==
        save_dataset(*load_dataset(ordered).dataset));
}

TEST_CASE("UTF-8 text survives exactly; escapes are decoded") {
  std::string text = with("\"Hong Kong\"", "\"Hà Nội – กรุงเทพ – 香港 \\u00e9\"");
  LoadResult r = load_dataset(text);
  REQUIRE(r.ok());
  CHECK(r.dataset->places[0].name == "Hà Nội – กรุงเทพ – 香港 é");
  CHECK(save_dataset(*r.dataset).find("Hà Nội – กรุงเทพ – 香港 é") != std::string::npos);
}

TEST_CASE("validate_dataset checks an edited model with the loader's rules") {
  Dataset d = *load_dataset(kMinimal).dataset;
  CHECK(validate_dataset(d).empty());
  d.events[0].place = "gone";
  d.places[0].lat = 100;
  auto problems = validate_dataset(d);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].pointer == "/places/0/lat");
  CHECK(problems[1].pointer == "/events/0/place");
}

TEST_CASE("the loader never throws, whatever the bytes") {
  // A cheap deterministic sweep; the libFuzzer target goes much further.
  std::string seed = kMinimal;
  uint32_t x = 12345;
  for (int i = 0; i < 3000; ++i) {
    std::string s = seed;
    for (int k = 0; k < 4; ++k) {
      x = x * 1664525u + 1013904223u;
      s[x % s.size()] = char(x >> 24);
    }
    CHECK_NOTHROW(load_dataset(s));
  }
}

TEST_CASE("stories: steps with an item, a map camera and a timeline window round-trip") {
  std::string text =
      with("\"working_groups\": [", R"("stories": [{"id": "story", "title": "The story",
      "steps": [{}, {"item": "rt-hk", "map": {"lon": 114.16, "lat": 22.28, "zoom": 5, "x-tilt": 0},
                 "timeline": "2015/2016", "caption": "Where it began", "x-note": 1}]}],
      "working_groups": [)");
  LoadResult r = load_dataset(text);
  REQUIRE(r.ok());
  REQUIRE(r.dataset->stories.size() == 1);
  const Story& s = r.dataset->stories[0];
  REQUIRE(s.steps.size() == 2);
  CHECK(s.steps[0].item.empty());
  CHECK(s.steps[1].map->zoom == 5);
  CHECK(edtf::format(*s.steps[1].timeline) == "2015/2016");
  std::string saved = save_dataset(*r.dataset);
  CHECK(saved.find("\"x-tilt\": 0") != std::string::npos);
  CHECK(save_dataset(*load_dataset(saved).dataset) == saved);
  // A step must show something that exists, with a sensible camera.
  CHECK(
      find(load_dataset(with("\"working_groups\": [",
                             R"("stories": [{"id": "s", "title": "S", "steps": [{"item": "nope"}]}],
                               "working_groups": [)")),
           "/stories/0/steps/0/item"));
  CHECK(find(load_dataset(with("\"working_groups\": [",
                               R"("stories": [{"id": "s", "title": "S", "steps": [{"map": {"lon": 0,
                               "lat": 0, "zoom": 25}}]}], "working_groups": [)")),
             "/stories/0/steps/0/map/zoom"));
}
