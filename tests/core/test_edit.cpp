// test_edit.cpp — edit commands and the undo history (core/edit.hpp), on the real sample.
//
// Index
//   1. Fixture: the sample, and the do / undo / redo check every command goes through
//   2. Every kind of command: set fields, add, duplicate, delete, merge, replace; stories
//   3. Refusals: what would not load is never applied, and the bytes do not move
//   4. Labels, typing merged into one step, limits, the version counter
//   5. references_to, new_id, field_json
//   6. 1,000 random edits, undos and redos
//   7. Plans: status and checklist commands, one undo step each
#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "core/dataset_json.hpp"
#include "core/edit.hpp"
#include "core/plan_fields.hpp"
#include "plan_fixture.hpp"

using namespace atlas;
using json = nlohmann::json;

namespace {

// ---------------------------------------------------------------------------------
// 1. Fixture
// ---------------------------------------------------------------------------------
// <repo>/tests/data: the test target defines it; a direct compile of this file finds it
// from the file's own path.
std::string test_data() {
#ifdef ATLAS_TEST_DATA
  return ATLAS_TEST_DATA;
#else
  std::string here = __FILE__;
  return here.substr(0, here.rfind('/')) + "/../data";
#endif
}

const std::string& sample_text() {
  static const std::string text = [] {
    std::ifstream in(test_data() + "/../../data/sample.json", std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }();
  return text;
}

Dataset sample() {
  LoadResult r = load_dataset(sample_text());
  REQUIRE(r.ok());
  return std::move(*r.dataset);
}

json doc(const Dataset& d) { return json::parse(save_dataset(d)); }

// The sample has no story yet: one that shows an event, a place, an organisation, and
// ends on an overview.
Dataset with_story() {
  json root = json::parse(sample_text());
  root["stories"] = json::parse(R"([{"id": "tour", "title": "The roundtables", "steps": [
      {"item": "rt-nz", "caption": "Where it began"},
      {"item": "hong-kong", "map": {"lon": 114.16, "lat": 22.28, "zoom": 6}},
      {"item": "paypal", "timeline": "2013/2018"},
      {"caption": "Overview", "x-pause": 3}]}])");
  LoadResult r = load_dataset(root.dump(2));
  REQUIRE(r.ok());
  return std::move(*r.dataset);
}

// Applies `cmd` to a fresh sample: the do changes the canonical bytes and leaves a valid
// dataset; undo gives back the exact bytes; redo the exact bytes of the do. Twice, since
// a step swaps what it holds on every undo and redo. Returns the dataset after the do.
Dataset round_trip(Command cmd, const std::string& what, Dataset d = sample()) {
  INFO(what);
  History h;
  const std::string before = save_dataset(d);
  std::string error;
  bool applied = h.apply(d, std::move(cmd), &error);
  REQUIRE_MESSAGE(applied, error);
  const std::string after = save_dataset(d);
  CHECK(after != before);
  CHECK(validate_dataset(d).empty());
  for (int i = 0; i < 2; ++i) {
    REQUIRE(h.undo(d));
    CHECK(save_dataset(d) == before);
    REQUIRE(h.redo(d));
    CHECK(save_dataset(d) == after);
  }
  CHECK(h.labels().size() == 1);
  return d;
}

// Applies a command that must be refused: false, a sentence, the same bytes, no step.
std::string refused(Command cmd, const std::string& what, Dataset d = sample()) {
  INFO(what);
  History h;
  const std::string before = save_dataset(d);
  std::string error;
  CHECK_FALSE(h.apply(d, std::move(cmd), &error));
  CHECK_FALSE(error.empty());
  CHECK(save_dataset(d) == before);
  CHECK_FALSE(h.can_undo());
  CHECK(h.version() == 0);
  return error;
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

// ---------------------------------------------------------------------------------
// 2. Every kind of command
// ---------------------------------------------------------------------------------
TEST_CASE("set_field on every field of every kind of item: do, undo, redo are exact") {
  edtf::Value aug = *edtf::parse("2015-08").value;
  std::vector<Participation> parts = sample().find_event("rt-hk")->organisations;
  parts.push_back({"icmec", Role::Observer, "watching", json::object()});
  std::vector<Sector> sectors = {Sector::Bank, Sector::Ngo};
  std::vector<Link> links = {{"https://www.icmec.org/", "ICMEC", json::object()}};
  const struct {
    const char* id;
    const char* field;
    json value;
  } cases[] = {
      {"rt-hk", "title", "Hong Kong Roundtable (2015)"},
      {"rt-hk", "kind", "forum"},
      {"rt-hk", "date", field_json(aug)},
      {"rt-hk", "date", field_json(std::nullopt)},
      {"rt-hk", "place", "singapore"},
      {"rt-hk", "place", nullptr},
      {"rt-hk", "organisations", field_json(parts)},
      {"rt-hk", "organisations", json::array()},
      {"rt-hk", "links", field_json(links)},
      {"rt-hk", "notes", "Rewritten notes."},
      {"rt-hk", "source", nullptr},
      {"rt-hk", "x-colour", "red"},  // an unknown field: kept, as the loader keeps it
      {"hong-kong", "name", "Hong Kong SAR"},
      {"hong-kong", "country", "CN"},
      {"hong-kong", "notes", "A note."},
      {"paypal", "name", "PayPal Holdings"},
      {"paypal", "sector", "bank"},
      {"paypal", "country", "US"},
      {"wg-au", "name", "Australian Working Group"},
      {"wg-au", "country", "NZ"},
      {"wg-au", "active", "2014/.."},
      {"wg-au", "origin", "rt-nz"},
      {"wg-au", "origin", nullptr},
      {"wg-au", "members", json::array()},
      {"wg-nz", "members", field_json(parts)},
      {"wg-au", "member_sectors", field_json(sectors)},
      {"wg-au", "notes", "Short."},
      {"", "title", "A new title"},
      {"", "description", nullptr},
      {"", "source", "Somewhere else"},
      {"", "x-publisher", json{{"name", "ICMEC"}}},
  };
  for (const auto& c : cases)
    round_trip(Command::set_field(c.id, c.field, c.value),
               std::string(c.id) + "/" + c.field + " = " + c.value.dump());

  Dataset d = round_trip(Command::set_fields("hong-kong", {{"lat", 22.3}, {"lon", 114.2}}),
                         "lat and lon together");
  CHECK(*d.find_place("hong-kong")->lat == 22.3);
  d = round_trip(Command::set_fields("hong-kong", {{"lat", nullptr}, {"lon", nullptr}}),
                 "both coordinates removed");
  CHECK_FALSE(d.find_place("hong-kong")->lat);
}

TEST_CASE("an unknown field survives edits of the item, and can be removed again") {
  Dataset d = sample();
  History h;
  REQUIRE(h.apply(d, Command::set_field("rt-hk", "x-colour", "red")));
  REQUIRE(h.apply(d, Command::set_field("rt-hk", "title", "HK")));
  CHECK(d.find_event("rt-hk")->extra == json{{"x-colour", "red"}});
  REQUIRE(h.apply(d, Command::set_field("rt-hk", "x-colour", nullptr)));
  CHECK(d.find_event("rt-hk")->extra.empty());
  while (h.undo(d)) {
  }
  CHECK(save_dataset(d) == sample_text());
}

TEST_CASE("changing an id rewrites every reference to it, and undo puts them back") {
  Dataset d = round_trip(Command::set_field("paypal", "id", "paypal-inc"), "organisation id");
  CHECK(references_to(d, "paypal").empty());
  CHECK(references_to(d, "paypal-inc").size() == references_to(sample(), "paypal").size());
  d = round_trip(Command::set_field("rt-au", "id", "roundtable-au"), "event id");
  CHECK(d.find_working_group("wg-au")->origin == "roundtable-au");
  d = round_trip(Command::set_field("hong-kong", "id", "hk"), "place id");
  CHECK(d.find_event("rt-hk")->place == "hk");
}

TEST_CASE("add, at an index or at the end, from JSON or from a typed item") {
  json forum = {{"id", "fo-th-2019"},
                {"kind", "forum"},
                {"title", "Thailand Forum"},
                {"date", "2019-03"},
                {"place", "bangkok"},
                {"organisations", {{{"organisation", "icmec-singapore"}, {"role", "presenter"}}}}};
  Dataset d = round_trip(Command::add(Collection::Events, forum, 0), "event at 0");
  CHECK(d.events.front().id == "fo-th-2019");
  d = round_trip(Command::add(Collection::Events, forum), "event at the end");
  CHECK(d.events.back().id == "fo-th-2019");
  d = round_trip(Command::add(Collection::Events, forum, 999), "past the end is the end");
  CHECK(d.events.back().id == "fo-th-2019");

  Place p;
  p.id = "chiang-mai";
  p.name = "Chiang Mai";
  p.country = "TH";
  p.lat = 18.79;
  p.lon = 98.98;
  d = round_trip(Command::add(p, 3), "typed place");
  CHECK(d.places[3].name == "Chiang Mai");
  Organisation o;
  o.id = "unicef";
  o.name = "UNICEF";
  o.sector = Sector::MultilateralUn;
  round_trip(Command::add(o), "typed organisation");
  Event e;
  e.id = "rt-sg";
  e.kind = EventKind::Roundtable;
  e.title = "Singapore Roundtable";
  e.date = edtf::parse("2019?").value;
  e.place = "singapore";
  round_trip(Command::add(e), "typed event");
  WorkingGroup w;
  w.id = "wg-hk";
  w.name = "Hong Kong Working Group";
  w.country = "HK";
  w.origin = "rt-hk";
  w.members = {{"paypal", Role::Chair, "", json::object()}};
  w.member_sectors = {Sector::Payments};
  d = round_trip(Command::add(w), "typed working group");
  CHECK(d.working_groups.back().members.front().role == Role::Chair);
}

TEST_CASE("duplicate: a copy with a fresh id right after the original") {
  Dataset d = round_trip(Command::duplicate("rt-hk"), "duplicate an event");
  REQUIRE(d.events.size() == sample().events.size() + 1);
  CHECK(d.events[3].id == "rt-hk-2");
  CHECK(d.events[3].title == "Hong Kong Roundtable (copy)");
  CHECK(d.events[3].organisations.size() == d.events[2].organisations.size());
  d = round_trip(Command::duplicate("paypal", "paypal-asia"), "duplicate with a chosen id");
  CHECK(d.organisations[3].id == "paypal-asia");
  round_trip(Command::duplicate("wg-ph"), "duplicate a working group");
  round_trip(Command::duplicate("manila"), "duplicate a place");
}

TEST_CASE("delete: an unreferenced item, or a referenced one with its references") {
  Dataset d = round_trip(Command::remove("campaign-you-have-the-power"), "unreferenced event");
  CHECK_FALSE(d.find_event("campaign-you-have-the-power"));
  d = round_trip(Command::remove("wg-nz"), "working group");
  CHECK(d.working_groups.size() == 2);

  d = round_trip(Command::remove("paypal", true), "organisation with references");
  CHECK_FALSE(d.find_organisation("paypal"));
  CHECK(references_to(d, "paypal").empty());
  CHECK(d.find_event("rt-hk")->organisations.size() == 8);  // grant and participant gone
  d = round_trip(Command::remove("hong-kong", true), "place with references");
  CHECK(d.find_event("rt-hk")->place.empty());
  d = round_trip(Command::remove("rt-au", true), "event that a group grew from");
  CHECK(d.find_working_group("wg-au")->origin.empty());
  round_trip(Command::remove("icmec-singapore", true), "the most referenced organisation");
}

TEST_CASE("merge two organisations: every reference now names the kept one") {
  Dataset before = sample();
  std::vector<Reference> visa = references_to(before, "visa");
  REQUIRE(visa.size() == 5);
  Dataset d = round_trip(Command::merge("visa", "mastercard"), "organisations");
  CHECK_FALSE(d.find_organisation("visa"));
  CHECK(references_to(d, "visa").empty());
  for (const Reference& r : visa) {
    // Each roundtable listed both as participants: the merged entry is not listed twice.
    const Event* e = d.find_event(r.from);
    REQUIRE(e);
    auto n = std::count_if(e->organisations.begin(), e->organisations.end(),
                           [](const Participation& p) { return p.organisation == "mastercard"; });
    CHECK(n == 1);
    CHECK(e->organisations.size() == before.find_event(r.from)->organisations.size() - 1);
  }
  CHECK(save_dataset(d).find("\"organisation\": \"visa\"") == std::string::npos);

  // Without twins every entry is rewritten in place, the role kept.
  d = round_trip(Command::merge("paypal", "icmec"), "organisations, no twins");
  CHECK(references_to(d, "icmec").size() ==
        references_to(before, "icmec").size() + references_to(before, "paypal").size());
  CHECK(d.find_event("rt-nz")->organisations[1].organisation == "icmec");
  CHECK(d.find_event("rt-nz")->organisations[1].role == Role::Grant);
  CHECK(d.find_event("rt-nz")->organisations[1].note ==
        before.find_event("rt-nz")->organisations[1].note);

  // The members of working groups too.
  d = round_trip(Command::merge("esafety-commission", "national-privacy-commission"), "members");
  CHECK(d.find_working_group("wg-au")->members.front().organisation ==
        "national-privacy-commission");
}

TEST_CASE("merge two places") {
  Dataset d = round_trip(Command::merge("bangkok", "thailand"), "places");
  CHECK_FALSE(d.find_place("bangkok"));
  CHECK(d.find_event("fo-mastercard-2015-bangkok")->place == "thailand");
  CHECK(references_to(d, "thailand").size() == 2);
}

TEST_CASE("replace the whole dataset (import, loadJSON, reset)") {
  Dataset other = sample();
  other.title = "Imported";
  other.events.resize(2);
  other.working_groups.clear();
  Dataset d = round_trip(Command::replace(other, "import of sample.json"), "replace");
  CHECK(d.title == "Imported");
  CHECK(d.events.size() == 2);
  Dataset empty;
  empty.title = "New dataset";
  round_trip(Command::replace(empty, "new dataset"), "File > New");
  // Straight from the loader, as an import goes: not checked a second time.
  d = round_trip(Command::replace(load_dataset(save_dataset(other)), "import of x.json"), "load");
  CHECK(d.title == "Imported");
}

TEST_CASE("a sequence is one step: a new place and the event moved there, undone together") {
  Place manila;
  manila.id = "quezon-city";
  manila.name = "Quezon City";
  manila.country = "PH";
  manila.lat = 14.676;
  manila.lon = 121.044;
  std::vector<Command> steps;
  steps.push_back(Command::add(manila));
  steps.push_back(Command::set_field("rt-hk", "place", "quezon-city"));
  // round_trip checks one step, exact bytes on undo and redo, twice.
  Dataset d = round_trip(Command::sequence(std::move(steps)), "place and event");
  CHECK(d.find_place("quezon-city"));
  CHECK(d.find_event("rt-hk")->place == "quezon-city");

  // The label is the first command's, unless one is given.
  d = sample();
  History h;
  steps.clear();
  steps.push_back(Command::add(manila));
  steps.push_back(Command::set_field("rt-hk", "place", "quezon-city"));
  REQUIRE(h.apply(d, Command::sequence(std::move(steps))));
  CHECK(h.undo_label() == "Undo new place 'Quezon City'");
  Organisation o;
  o.id = "new-bank";
  o.name = "New Bank";
  steps.clear();
  steps.push_back(Command::add(o));
  steps.push_back(Command::set_field(
      "rt-hk", "organisations",
      field_json(std::vector<Participation>{{"new-bank", Role::Participant, "", json::object()}})));
  REQUIRE(h.apply(d, Command::sequence(std::move(steps), "new member 'New Bank'")));
  CHECK(h.undo_label() == "Undo new member 'New Bank'");
  CHECK(h.labels().size() == 2);
}

TEST_CASE("a sequence with a refused command is refused whole, and takes back the rest") {
  Place p;
  p.id = "quezon-city";
  p.name = "Quezon City";
  p.country = "PH";
  std::vector<Command> steps;
  steps.push_back(Command::add(p));
  steps.push_back(Command::set_field("rt-hk", "date", "2015-13"));  // no month 13
  std::string why = refused(Command::sequence(std::move(steps)), "half a sequence");
  CHECK(contains(why, "month 13"));
  steps.clear();
  steps.push_back(Command::add(p));
  steps.push_back(Command::add(Collection::Dataset, json::object()));  // refused by its factory
  CHECK(contains(refused(Command::sequence(std::move(steps)), "a refused part"), "dataset"));
  CHECK(contains(refused(Command::sequence({}), "an empty sequence"), "no change"));
}

TEST_CASE("stories: their fields, and the steps that show items") {
  Dataset d = round_trip(Command::set_field("tour", "title", "Tour"), "story title", with_story());
  std::vector<StoryStep> steps = with_story().stories[0].steps;
  steps.pop_back();
  steps.front().caption = "Changed";
  round_trip(Command::set_field("tour", "steps", field_json(steps)), "steps", with_story());
  steps.push_back({"tour", std::nullopt, std::nullopt, "", json::object()});  // shows itself
  d = round_trip(Command::set_field("tour", "steps", field_json(steps)), "self", with_story());
  d = round_trip(Command::remove("tour"), "a story showing only itself can go", d);
  CHECK(d.stories.empty());

  Story s;
  s.id = "forums";
  s.title = "The forums";
  s.steps = {{"fo-visa-2011-jakarta", StoryStep::Camera{106.85, -6.21, 5, json::object()},
              edtf::parse("2011").value, "Jakarta", json::object()}};
  d = round_trip(Command::add(s, 0), "typed story", with_story());
  CHECK(d.stories[0].id == "forums");
  d = round_trip(Command::duplicate("tour"), "duplicate a story", with_story());
  CHECK(d.stories[1].id == "tour-2");
  CHECK(d.stories[1].title == "The roundtables (copy)");

  // References from steps follow the item: deleted, merged, renamed.
  d = round_trip(Command::remove("hong-kong", true), "place shown by a step", with_story());
  CHECK(d.stories[0].steps[1].item.empty());
  CHECK(d.stories[0].steps[1].map);  // the camera and caption stay: an overview step
  d = round_trip(Command::merge("paypal", "icmec"), "organisation shown by a step", with_story());
  CHECK(d.stories[0].steps[2].item == "icmec");
  d = round_trip(Command::set_field("rt-nz", "id", "roundtable-nz"), "id", with_story());
  CHECK(d.stories[0].steps[0].item == "roundtable-nz");

  std::vector<Reference> hk = references_to(with_story(), "hong-kong");
  REQUIRE(hk.size() == 2);
  CHECK(hk[1].to_string() == "/stories/0/steps/1/item: 'The roundtables' shows it at step 2");
  CHECK(contains(refused(Command::remove("hong-kong"), "still shown", with_story()),
                 "referred to 2 times"));
  json bad = json::array({{{"item", "nobody"}}});
  CHECK(contains(refused(Command::set_field("tour", "steps", bad), "shows nothing", with_story()),
                 "there is no item with the id \"nobody\" to show"));
  bad = json::array({{{"map", {{"lon", 1}, {"lat", 2}}}}});
  CHECK(contains(refused(Command::set_field("tour", "steps", bad), "camera", with_story()),
                 "needs \"lon\", \"lat\" and \"zoom\""));
  CHECK(contains(refused(Command::add(Collection::Stories, {{"id", "paypal"}, {"title", "x"}}),
                         "story id taken", with_story()),
                 "already used"));
  CHECK(contains(refused(Command::set_field("", "stories", json::array()), "collection"),
                 "file's structure"));
  CHECK(new_id(with_story(), "tour") == "tour-2");
}

// ---------------------------------------------------------------------------------
// 3. Refusals
// ---------------------------------------------------------------------------------
TEST_CASE("what would not load is refused, with the loader's sentence, bytes unchanged") {
  json event = {{"id", "rt-hk"}, {"kind", "forum"}, {"title", "Again"}};
  CHECK(contains(refused(Command::add(Collection::Events, event), "duplicate id"),
                 "is already used by /events/2"));
  event["id"] = "paypal";
  CHECK(contains(refused(Command::add(Collection::Events, event), "id of another collection"),
                 "already used by /organisations/2"));
  event["id"] = "new-event";
  event["place"] = "atlantis";
  CHECK(contains(refused(Command::add(Collection::Events, event), "dangling place"),
                 "there is no place with the id \"atlantis\""));
  event["place"] = "paypal";  // an id, but of an organisation
  CHECK(contains(refused(Command::add(Collection::Events, event), "place of the wrong kind"),
                 "there is no place with the id"));
  CHECK(contains(
      refused(Command::add(Collection::Events, {{"kind", "forum"}, {"title", "x"}}), "no id"),
      "\"id\" is missing"));
  CHECK(contains(refused(Command::add(Collection::Places, json::array()), "not an object"),
                 "must be an object"));

  json nobody = json::array({{{"organisation", "nobody"}, {"role", "host"}}});
  CHECK(contains(refused(Command::set_field("rt-hk", "organisations", nobody), "dangling org"),
                 "there is no organisation with the id \"nobody\""));
  CHECK(contains(refused(Command::set_field("wg-au", "members", nobody), "dangling member"),
                 "there is no organisation"));
  CHECK(contains(refused(Command::set_field("wg-au", "origin", "nothing"), "dangling origin"),
                 "there is no event with the id \"nothing\""));
  CHECK(contains(refused(Command::set_field("rt-hk", "date", "2015-13"), "bad date"),
                 "there is no month 13"));
  CHECK(contains(refused(Command::set_field("rt-hk", "date", "2016/2015"), "backwards"),
                 "\"2016/2015\" is not a valid date"));
  CHECK(contains(refused(Command::set_field("hong-kong", "country", "hk"), "lower-case country"),
                 "country codes are upper case: \"HK\""));
  CHECK(contains(refused(Command::set_field("paypal", "country", "XX"), "unknown country"),
                 "is not a country code"));
  CHECK(contains(refused(Command::set_fields("hong-kong", {{"lat", 91}, {"lon", 0}}), "lat 91"),
                 "latitude 91 is out of range"));
  CHECK(contains(refused(Command::set_field("hong-kong", "lon", 181), "lon 181"),
                 "longitude 181 is out of range"));
  CHECK(contains(refused(Command::set_field("hong-kong", "lat", nullptr), "lon alone"),
                 "give both coordinates or neither"));
  CHECK(contains(refused(Command::set_field("rt-hk", "title", ""), "empty title"),
                 "\"title\" must not be empty"));
  CHECK(contains(refused(Command::set_field("paypal", "name", nullptr), "no name"),
                 "the field \"name\" is missing"));
  CHECK(contains(refused(Command::set_field("rt-hk", "title", std::string(501, 'a')), "long"),
                 "too long"));
  CHECK(contains(refused(Command::set_field("rt-hk", "title", "\xff"), "not UTF-8"), "UTF-8"));
  CHECK(contains(refused(Command::set_field("rt-hk", "kind", "party"), "kind"),
                 "is not a known kind"));
  CHECK(
      contains(refused(Command::set_field("paypal", "sector", 7), "sector type"), "must be text"));
  json ftp = json::array({{{"url", "ftp://example.org"}}});
  CHECK(
      contains(refused(Command::set_field("rt-hk", "links", ftp), "link"), "is not a web address"));
  CHECK(contains(refused(Command::set_field("wg-au", "member_sectors", {"nope"}), "sector"),
                 "is not a known sector"));
  CHECK(contains(refused(Command::set_field("rt-hk", "id", "bad id!"), "id syntax"),
                 "may use only letters"));
  CHECK(contains(refused(Command::set_field("rt-hk", "id", "paypal"), "id taken"), "already used"));
  CHECK(contains(refused(Command::set_field("", "title", ""), "dataset title"),
                 "\"title\" must not be empty"));
  CHECK(contains(refused(Command::set_field("", "format", "x"), "format"), "file's structure"));
  CHECK(contains(refused(Command::set_field("", "events", json::array()), "collection"),
                 "file's structure"));
  CHECK(contains(refused(Command::set_field("nobody", "name", "x"), "unknown id"),
                 "there is no item with the id \"nobody\""));
  CHECK(contains(refused(Command::set_fields("rt-hk", json::array()), "not fields"),
                 "an object of fields"));

  CHECK(contains(refused(Command::remove("nobody"), "delete unknown"), "there is no item"));
  std::string why = refused(Command::remove("paypal"), "delete referenced");
  CHECK(contains(why, "'PayPal' is still referred to 10 times (/events/0/organisations/1:"));
  CHECK(contains(why, "or merge it into another organisation"));
  CHECK(contains(refused(Command::remove("rt-au"), "delete an origin"), "referred to 1 time"));
  CHECK(contains(refused(Command::merge("rt-hk", "rt-au"), "merge events"), "not two events"));
  CHECK(contains(refused(Command::merge("paypal", "hong-kong"), "merge across"),
                 "not an organisation and a place"));
  CHECK(contains(refused(Command::merge("paypal", "paypal"), "merge itself"), "itself"));
  CHECK(contains(refused(Command::merge("paypal", "nobody"), "merge unknown"), "\"nobody\""));
  CHECK(contains(refused(Command::duplicate("nobody"), "duplicate unknown"), "no item"));
  CHECK(contains(refused(Command::duplicate(""), "duplicate the dataset"), "only an item"));
  CHECK(contains(refused(Command::add(Collection::Dataset, json::object()), "add to dataset"),
                 "not to the dataset itself"));
  // The dataset's own fields ("" names them) are never treated as a collection of items.
  CHECK(contains(refused(Command::remove(""), "delete the dataset"), "no item"));
  CHECK(
      contains(refused(Command::remove("", true), "delete the dataset and references"), "no item"));
  CHECK(contains(refused(Command::merge("", "hong-kong"), "merge the dataset"), "no item"));
  CHECK(contains(refused(Command::merge("hong-kong", ""), "merge into the dataset"), "no item"));
  Place half;
  half.id = "half";
  half.name = "Half";
  half.country = "NZ";
  half.lat = 1;
  CHECK(contains(refused(Command::add(half), "one coordinate"), "only one coordinate"));
  Organisation bad;
  bad.id = "bad";
  bad.name = "\xc3";
  CHECK(contains(refused(Command::add(bad), "typed, not UTF-8"), "not valid UTF-8"));
  Dataset broken = sample();
  broken.events[0].place = "atlantis";
  CHECK(contains(refused(Command::replace(broken, "import of broken.json"), "replace"),
                 "/events/0/place: error: there is no place"));
  CHECK(contains(refused(Command::replace(load_dataset("{\"format\": 1}"), "import of bad.json"),
                         "replace from a failed load"),
                 "the new data would not load: /format: error:"));
  CHECK(contains(refused(Command(), "empty command"), "no change"));
}

TEST_CASE("a command that changes nothing is accepted and records nothing") {
  Dataset d = sample();
  History h;
  CHECK(h.apply(d, Command::set_field("rt-hk", "title", "Hong Kong Roundtable")));
  CHECK(h.apply(d, Command::set_field("rt-hk", "links", json::array())));  // absent == []
  CHECK(h.apply(d, Command::set_fields("rt-hk", json::object())));
  CHECK(h.apply(d, Command::set_field("hong-kong", "lat", 22.280)));
  CHECK_FALSE(h.can_undo());
  CHECK(h.version() == 0);
  CHECK(save_dataset(d) == sample_text());
}

// ---------------------------------------------------------------------------------
// 4. Labels, typing, limits, version
// ---------------------------------------------------------------------------------
TEST_CASE("labels say what undo and redo will do") {
  Dataset d = sample();
  History h;
  CHECK(h.undo_label() == "Undo");
  CHECK(h.redo_label() == "Redo");
  REQUIRE(h.apply(d, Command::set_field("rt-hk", "title", "HK Roundtable")));
  CHECK(h.undo_label() == "Undo rename of 'Hong Kong Roundtable'");
  REQUIRE(h.undo(d));
  CHECK(h.redo_label() == "Redo rename of 'Hong Kong Roundtable'");
  REQUIRE(h.redo(d));

  auto next = [&](Command c) {
    std::string error;
    REQUIRE_MESSAGE(h.apply(d, std::move(c), &error), error);
    return h.undo_label();
  };
  CHECK(next(Command::set_field("rt-th", "date", "2016")) ==
        "Undo change of date of 'Thailand Roundtable'");
  CHECK(next(Command::set_fields("manila", {{"lat", 14.5}, {"lon", 121}})) ==
        "Undo change of location of 'Manila'");
  CHECK(next(Command::set_fields("manila",
                                 {{"name", "Metro Manila"}, {"country", "PH"}, {"notes", "x"}})) ==
        "Undo changes to 'Manila'");
  CHECK(next(Command::set_field("wg-au", "members", json::array())) ==
        "Undo change of members of 'Australia Working Group'");
  CHECK(next(Command::set_field("", "description", "Short.")) ==
        "Undo change of description of 'Asia-Pacific Financial Coalition: countr…'");
  CHECK(next(Command::add(Collection::Events,
                          {{"id", "fo-x"}, {"kind", "forum"}, {"title", "Thailand Forum"}})) ==
        "Undo new event 'Thailand Forum'");
  CHECK(next(Command::duplicate("jakarta")) == "Undo duplication of 'Jakarta'");
  CHECK(next(Command::remove("paypal", true)) == "Undo deletion of 'PayPal'");
  CHECK(next(Command::merge("visa", "mastercard")) == "Undo merge of 'Visa' into 'MasterCard'");
  CHECK(next(Command::set_field("icmec", "x-tag", 1)) ==
        "Undo change of \"x-tag\" of 'International Centre for Missing & Explo…'");
  CHECK(next(Command::replace(sample(), "import of sample.json")) == "Undo import of sample.json");

  std::vector<std::string> all = h.labels();
  REQUIRE(all.size() == 12);
  CHECK(all.front() == "rename of 'Hong Kong Roundtable'");
  CHECK(all.back() == "import of sample.json");
  REQUIRE(h.undo(d));
  REQUIRE(h.undo(d));
  CHECK(h.position() == 10);
  CHECK(h.labels().size() == 12);  // the undone steps are still listed, after position()
  CHECK(h.redo_label() == "Redo " + all[10]);
  REQUIRE(h.apply(d, Command::set_field("rt-hk", "notes", "x")));
  CHECK(h.labels().size() == 11);  // a new edit drops what could be redone
  CHECK_FALSE(h.can_redo());
}

TEST_CASE("typing into one field makes one step") {
  Dataset d = sample();
  History h;
  const std::string key = "rt-hk/title";
  double t = 100;
  for (const char* title : {"H", "HK", "HK ", "HK R", "HK RT"}) {
    REQUIRE(h.apply(d, Command::set_field("rt-hk", "title", title), nullptr, key, t));
    t += 0.4;
  }
  CHECK(h.labels() == std::vector<std::string>{"rename of 'Hong Kong Roundtable'"});
  CHECK(d.find_event("rt-hk")->title == "HK RT");
  REQUIRE(h.undo(d));
  CHECK(save_dataset(d) == sample_text());
  REQUIRE(h.redo(d));
  CHECK(d.find_event("rt-hk")->title == "HK RT");

  // After an undo, typing starts a new step rather than joining the redone one.
  REQUIRE(h.undo(d));
  REQUIRE(h.redo(d));
  REQUIRE(h.apply(d, Command::set_field("rt-hk", "title", "HK RT2"), nullptr, key, t));
  CHECK(h.labels().size() == 2);
  // A pause longer than the window starts a new step; so do another key and another field.
  t += kTypingMergeSeconds + 0.5;
  REQUIRE(h.apply(d, Command::set_field("rt-hk", "title", "HK RT3"), nullptr, key, t));
  CHECK(h.labels().size() == 3);
  REQUIRE(h.apply(d, Command::set_field("rt-hk", "title", "HK RT4"), nullptr, "other", t));
  CHECK(h.labels().size() == 4);
  REQUIRE(h.apply(d, Command::set_field("rt-hk", "notes", "n"), nullptr, "other", t));
  CHECK(h.labels().size() == 5);
  // Without a key, never merged.
  REQUIRE(h.apply(d, Command::set_field("rt-hk", "notes", "n2")));
  REQUIRE(h.apply(d, Command::set_field("rt-hk", "notes", "n3")));
  CHECK(h.labels().size() == 7);
  while (h.undo(d)) {
  }
  CHECK(save_dataset(d) == sample_text());
}

TEST_CASE("typing back to where the step began removes the step") {
  Dataset d = sample();
  History h;
  REQUIRE(h.apply(d, Command::set_field("paypal", "name", "PayPa"), nullptr, "k", 1.0));
  REQUIRE(h.apply(d, Command::set_field("paypal", "name", "PayPal"), nullptr, "k", 1.5));
  CHECK_FALSE(h.can_undo());
  CHECK(h.labels().empty());
  CHECK(save_dataset(d) == sample_text());
  CHECK(h.version() == 2);  // the data did change twice: views must redraw
}

TEST_CASE("typing an id follows the item through each rename") {
  Dataset d = sample();
  History h;
  for (const char* id : {"p", "pp", "ppl"})
    REQUIRE(h.apply(d, Command::set_field(d.organisations[2].id, "id", id), nullptr, "id", 0.0));
  CHECK(h.labels() == std::vector<std::string>{"change of id of 'PayPal'"});
  CHECK(references_to(d, "ppl").size() == 10);
  REQUIRE(h.undo(d));
  CHECK(save_dataset(d) == sample_text());
}

TEST_CASE("the history keeps at most max_steps steps, dropping the oldest") {
  Dataset d = sample();
  History h(5);
  std::vector<std::string> states{save_dataset(d)};
  for (int i = 1; i <= 8; ++i) {
    REQUIRE(h.apply(d, Command::set_field("rt-hk", "notes", "notes " + std::to_string(i))));
    states.push_back(save_dataset(d));
  }
  CHECK(h.labels().size() == 5);
  CHECK(h.position() == 5);
  for (int i = 0; i < 5; ++i) REQUIRE(h.undo(d));
  CHECK_FALSE(h.undo(d));
  CHECK(save_dataset(d) == states[3]);
  for (int i = 0; i < 5; ++i) REQUIRE(h.redo(d));
  CHECK(save_dataset(d) == states[8]);
}

TEST_CASE("the memory limit drops old steps, but always keeps the newest") {
  Dataset d = sample();
  History h(500, 1);
  REQUIRE(h.apply(d, Command::replace(sample(), "import of a.json")));
  REQUIRE(h.apply(d, Command::replace(sample(), "import of b.json")));
  CHECK(h.labels() == std::vector<std::string>{"import of b.json"});
  REQUIRE(h.undo(d));
  CHECK_FALSE(h.can_undo());
}

TEST_CASE("the version changes on every apply, undo and redo that changes the data") {
  Dataset d = sample();
  History h;
  CHECK(h.version() == 0);
  REQUIRE(h.apply(d, Command::set_field("rt-hk", "notes", "x")));
  CHECK(h.version() == 1);
  CHECK_FALSE(h.apply(d, Command::set_field("rt-hk", "date", "nope")));
  CHECK(h.version() == 1);
  REQUIRE(h.undo(d));
  CHECK(h.version() == 2);
  CHECK_FALSE(h.undo(d));
  CHECK(h.version() == 2);
  REQUIRE(h.redo(d));
  CHECK(h.version() == 3);
  h.clear();
  CHECK_FALSE(h.can_undo());
  CHECK(h.labels().empty());
  CHECK(h.version() == 3);
}

TEST_CASE("undo refuses, rather than corrupts, data changed behind the history's back") {
  Dataset d = sample();
  History h;
  REQUIRE(h.apply(
      d, Command::add(Collection::Places, {{"id", "suva"}, {"name", "Suva"}, {"country", "FJ"}})));
  d = sample();  // loaded outside the history, which should have been cleared
  CHECK_FALSE(h.undo(d));
  CHECK(save_dataset(d) == sample_text());
}

// ---------------------------------------------------------------------------------
// 5. references_to, new_id, field_json
// ---------------------------------------------------------------------------------
TEST_CASE("references_to: a pointer and a sentence for each") {
  Dataset d = sample();
  std::vector<Reference> hk = references_to(d, "hong-kong");
  REQUIRE(hk.size() == 1);
  CHECK(hk[0].to_string() == "/events/2/place: 'Hong Kong Roundtable' takes place here");
  CHECK(hk[0].from == "rt-hk");
  std::vector<Reference> pp = references_to(d, "paypal");
  REQUIRE(pp.size() == 10);
  CHECK(pp[0].to_string() ==
        "/events/0/organisations/1: 'New Zealand Roundtable' lists it (grant)");
  CHECK(references_to(d, "esafety-commission")[0].to_string() ==
        "/working_groups/0/members/0: 'Australia Working Group' lists it among its members "
        "(member)");
  CHECK(references_to(d, "rt-au")[0].to_string() ==
        "/working_groups/0/origin: 'Australia Working Group' grew from it");
  CHECK(references_to(d, "campaign-you-have-the-power").empty());
  CHECK(references_to(d, "nobody").empty());
  CHECK(references_to(d, "").empty());
}

TEST_CASE("new_id: a valid id no item has") {
  Dataset d = sample();
  CHECK(new_id(d, "rt-hk") == "rt-hk-2");
  CHECK(new_id(d, "Hong Kong Roundtable") == "hong-kong-roundtable");
  CHECK(new_id(d, "  Thailand: Roundtable (2019)!  ") == "thailand-roundtable-2019");
  CHECK(new_id(d, "PayPal") == "paypal-2");
  CHECK(new_id(d, "") == "item");
  CHECK(new_id(d, "ประเทศไทย") == "item");
  CHECK(new_id(d, std::string(300, 'a')).size() <= kMaxIdChars);
  History h;
  REQUIRE(h.apply(d, Command::duplicate("rt-hk")));
  CHECK(d.events[3].id == "rt-hk-2");
  CHECK(new_id(d, "rt-hk") == "rt-hk-3");
  CHECK(new_id(d, "rt-hk-2") == "rt-hk-3");
  REQUIRE(h.apply(d, Command::set_field("campaign-you-have-the-power", "id", "campaign-2017")));
  CHECK(new_id(d, "campaign-2017") == "campaign-2017-2");  // a year is not a copy number
  for (const char* base : {"x y", "Ünïcode name", "a.b_c", "-lead", "9"}) {
    std::string id = new_id(d, base);
    INFO(base << " -> " << id);
    CHECK(h.apply(
        d, Command::add(Collection::Places, {{"id", id}, {"name", base}, {"country", "NZ"}})));
  }
}

TEST_CASE("field_json writes what the saver writes") {
  Dataset d = sample();
  const Event& hk = *d.find_event("rt-hk");
  json saved = doc(d)["events"][2];
  CHECK(field_json(hk.organisations) == saved["organisations"]);
  CHECK(field_json(hk.date) == saved["date"]);
  CHECK(field_json(d.find_working_group("wg-au")->member_sectors) ==
        doc(d)["working_groups"][0]["member_sectors"]);
  CHECK(field_json(std::optional<edtf::Value>()).is_null());
}

// ---------------------------------------------------------------------------------
// 6. Random edits
// ---------------------------------------------------------------------------------
namespace {

// Deterministic on every standard library (std::uniform_int_distribution is not).
struct Dice {
  std::mt19937 rng;
  explicit Dice(uint32_t seed) : rng(seed) {}
  size_t below(size_t n) { return n ? rng() % n : 0; }
  bool one_in(size_t n) { return below(n) == 0; }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }
};

std::vector<std::string> all_ids(const Dataset& d) {
  std::vector<std::string> ids;
  for (const auto& x : d.places) ids.push_back(x.id);
  for (const auto& x : d.organisations) ids.push_back(x.id);
  for (const auto& x : d.events) ids.push_back(x.id);
  for (const auto& x : d.working_groups) ids.push_back(x.id);
  for (const auto& x : d.stories) ids.push_back(x.id);
  return ids;
}

// An id: usually of an item of the wanted kind, sometimes of another, sometimes of nothing.
std::string some_id(Dice& dice, const Dataset& d, Collection c) {
  std::vector<std::string> ids;
  if (c == Collection::Places)
    for (const auto& x : d.places) ids.push_back(x.id);
  if (c == Collection::Organisations)
    for (const auto& x : d.organisations) ids.push_back(x.id);
  if (c == Collection::Events)
    for (const auto& x : d.events) ids.push_back(x.id);
  if (c == Collection::WorkingGroups)
    for (const auto& x : d.working_groups) ids.push_back(x.id);
  if (c == Collection::Stories)
    for (const auto& x : d.stories) ids.push_back(x.id);
  if (ids.empty() || dice.one_in(8)) ids = all_ids(d);
  if (ids.empty() || dice.one_in(10)) return dice.one_in(2) ? "nowhere" : "bad id";
  return dice.pick(ids);
}

json some_entries(Dice& dice, const Dataset& d) {
  json a = json::array();
  for (size_t n = dice.below(4); n > 0; --n) {
    json e = {{"organisation", some_id(dice, d, Collection::Organisations)},
              {"role", dice.one_in(12) ? "boss" : to_json_name(Role(dice.below(9)))}};
    if (dice.one_in(3)) e["note"] = "note " + std::to_string(dice.below(100));
    a.push_back(e);
  }
  return a;
}

// A value for `field`, valid or not.
json some_value(Dice& dice, const Dataset& d, const std::string& field) {
  if (dice.one_in(12)) return nullptr;
  if (field == "date" || field == "active") {
    static const std::vector<std::string> dates = {
        "2015-07", "2016?",   "2013/2015-07", "201X", "2016-03/..", "2015-21",
        "/2017",   "2015-13", "2016/2015",    "soon", "2017-02-29", ""};
    return dice.pick(dates);
  }
  if (field == "country") {
    static const std::vector<std::string> countries = {"NZ", "HK", "TH", "PH", "nz", "XX", ""};
    return dice.pick(countries);
  }
  if (field == "kind") return dice.one_in(6) ? "party" : to_json_name(EventKind(dice.below(5)));
  if (field == "sector") return dice.one_in(6) ? "mint" : to_json_name(Sector(dice.below(13)));
  if (field == "lat" || field == "lon") return double(dice.below(400)) - 200.0;
  if (field == "place") return some_id(dice, d, Collection::Places);
  if (field == "origin") return some_id(dice, d, Collection::Events);
  if (field == "organisations" || field == "members") return some_entries(dice, d);
  if (field == "member_sectors")
    return dice.one_in(6) ? json{"nope"} : json{to_json_name(Sector(dice.below(13)))};
  if (field == "steps") {
    json steps = json::array();
    for (size_t n = dice.below(4); n > 0; --n) {
      json st = json::object();
      if (!dice.one_in(4)) st["item"] = some_id(dice, d, Collection::Events);
      if (dice.one_in(3)) st["map"] = {{"lon", 100}, {"lat", 10}, {"zoom", double(dice.below(25))}};
      if (dice.one_in(3)) st["timeline"] = some_value(dice, d, "date");
      if (dice.one_in(2)) st["caption"] = "caption " + std::to_string(dice.below(100));
      steps.push_back(st);
    }
    return steps;
  }
  if (field == "links")
    return json::array({{{"url", dice.one_in(5) ? "ftp://x" : "https://example.org/"}}});
  if (field == "id") {
    std::vector<std::string> ids = all_ids(d);
    if (dice.one_in(4)) return dice.pick(ids);
    return dice.one_in(6) ? "bad id" : new_id(d, "renamed");
  }
  switch (dice.below(8)) {
    case 0:
      return "";
    case 1:
      return std::string(kMaxNameChars + 1, 'x');
    case 2:
      return "\xff\xfe";
    case 3:
      return 42;
    default:
      return "text " + std::to_string(dice.below(1000)) + " ✓";
  }
}

Command some_command(Dice& dice, const Dataset& d) {
  static const std::vector<std::string> fields = {
      "id",          "name",           "title",  "kind",   "date",   "active",
      "place",       "country",        "lat",    "lon",    "sector", "organisations",
      "members",     "member_sectors", "links",  "origin", "notes",  "source",
      "description", "x-extra",        "format", "steps"};
  static const Collection kinds[] = {Collection::Places, Collection::Organisations,
                                     Collection::Events, Collection::WorkingGroups,
                                     Collection::Stories};
  Collection c = kinds[dice.below(5)];
  switch (dice.below(10)) {
    case 0:
    case 1:
    case 2: {  // one field, of an item or of the dataset
      std::string id = dice.one_in(10) ? "" : some_id(dice, d, c);
      std::string field = dice.pick(fields);
      return Command::set_field(id, field, some_value(dice, d, field));
    }
    case 3:  // a location, both coordinates
      return Command::set_fields(
          some_id(dice, d, Collection::Places),
          {{"lat", some_value(dice, d, "lat")}, {"lon", some_value(dice, d, "lon")}});
    case 4: {  // a new item, sometimes incomplete or clashing
      json item = {{"id", dice.one_in(6) ? some_id(dice, d, c) : new_id(d, "new")}};
      if (c == Collection::Stories) {
        item["title"] = dice.one_in(8) ? "" : "New story";
        item["steps"] = some_value(dice, d, "steps");
      } else if (c == Collection::Events) {
        item["kind"] = some_value(dice, d, "kind");
        item["title"] = "New event";
        item["place"] = some_value(dice, d, "place");
        item["organisations"] = some_entries(dice, d);
        item["date"] = some_value(dice, d, "date");
      } else {
        item["name"] = dice.one_in(8) ? "" : "New item";
        if (c != Collection::Organisations) item["country"] = some_value(dice, d, "country");
        if (c == Collection::Organisations) item["sector"] = some_value(dice, d, "sector");
        if (c == Collection::WorkingGroups) {
          item["members"] = some_entries(dice, d);
          item["origin"] = some_value(dice, d, "origin");
        }
      }
      return Command::add(c, item, dice.below(d.events.size() + 2));
    }
    case 5:
      return Command::duplicate(some_id(dice, d, c));
    case 6:
      return Command::remove(some_id(dice, d, c), dice.one_in(2));
    case 7:
    case 8: {
      Collection m = dice.one_in(2) ? Collection::Places : Collection::Organisations;
      return Command::merge(some_id(dice, d, m), some_id(dice, d, dice.one_in(8) ? c : m));
    }
    default: {
      Dataset other = sample();
      if (dice.one_in(3)) other.events.front().place = "atlantis";  // refused
      if (dice.one_in(2)) other.events.resize(dice.below(other.events.size()));
      other.working_groups.clear();  // their origins may have gone with the events
      other.stories.clear();
      return Command::replace(std::move(other), "import of random.json");
    }
  }
}

}  // namespace

TEST_CASE("1,000 random edits, undos and redos: always valid, and all undone is the start") {
  Dataset d = with_story();
  const std::string start = save_dataset(d);
  History h(2000);
  Dice dice(20240613);
  // states[k]: the canonical bytes at history position k.
  std::vector<std::string> states{save_dataset(d)};
  size_t applied = 0, refusals = 0, undos = 0, redos = 0;
  double now = 0;
  for (int step = 0; step < 1000; ++step) {
    CAPTURE(step);
    size_t roll = dice.below(10);
    std::string before = save_dataset(d);
    if (roll < 6) {
      Command cmd = some_command(dice, d);
      std::string error;
      // Now and then the same key close in time: typing merges into the previous step.
      now += dice.one_in(2) ? 0.3 : 5.0;
      std::string key = dice.one_in(3) ? "typing" : "";
      if (h.apply(d, std::move(cmd), &error, key, now)) {
        ++applied;
        // A new step drops the redoable ones; a change of nothing keeps them.
        states.resize(h.labels().size() + 1);
        states[h.position()] = save_dataset(d);
      } else {
        ++refusals;
        CHECK(save_dataset(d) == before);
      }
    } else if (roll < 8) {
      if (h.undo(d)) {
        ++undos;
        CHECK(save_dataset(d) == states[h.position()]);
      } else {
        CHECK(h.position() == 0);
      }
    } else {
      if (h.redo(d)) {
        ++redos;
        CHECK(save_dataset(d) == states[h.position()]);
      } else {
        CHECK_FALSE(h.can_redo());
      }
    }
    std::vector<Diagnostic> problems = validate_dataset(d);
    for (const auto& p : problems) FAIL_CHECK(p.to_string());
    if (!problems.empty()) break;
  }
  INFO("applied " << applied << ", refused " << refusals << ", undone " << undos << ", redone "
                  << redos << ", steps " << h.labels().size());
  CHECK(applied > 150);
  CHECK(refusals > 100);
  CHECK(undos > 50);
  CHECK(redos > 20);
  while (h.undo(d)) {
  }
  CHECK(h.position() == 0);
  CHECK(save_dataset(d) == start);
}

// ---------------------------------------------------------------------------------
// 7. Plans
// ---------------------------------------------------------------------------------
namespace {
ChecklistItem item(const char* text, const char* owner = "", const char* due = nullptr,
                   bool deadline = false) {
  ChecklistItem c;
  c.text = text;
  c.owner = owner;
  if (due) c.due = edtf::parse(due).value;
  c.deadline = deadline;
  return c;
}
std::vector<std::string> texts(const Dataset& d, const char* id) {
  std::vector<std::string> out;
  for (const auto& c : d.find_event(id)->checklist) out.push_back(c.text);
  return out;
}
}  // namespace

TEST_CASE("plans: status, and each checklist change, is one exact undo step") {
  const Dataset plans = test::load_plan_dataset();
  Dataset d = round_trip(Command::set_status("rt-cebu", EventStatus::Confirmed), "status", plans);
  CHECK(d.find_event("rt-cebu")->status == EventStatus::Confirmed);
  d = round_trip(Command::set_status("rt-cebu", std::nullopt), "status removed", plans);
  CHECK_FALSE(d.find_event("rt-cebu")->status.has_value());
  // On the sample (no plans at all) too: the first status an event gets.
  d = round_trip(Command::set_status("rt-hk", EventStatus::Held), "sample status");
  CHECK(d.find_event("rt-hk")->status == EventStatus::Held);

  d = round_trip(Command::add_checklist_item("rt-ph-2026", item("Book interpreters", "Chai")),
                 "add at the end", plans);
  CHECK(texts(d, "rt-ph-2026").back() == "Book interpreters");
  d = round_trip(
      Command::add_checklist_item("rt-ph-2026", item("Visa letters", "", "2026-02-27", true), 0),
      "add first", plans);
  CHECK(texts(d, "rt-ph-2026").front() == "Visa letters");
  CHECK(d.find_event("rt-ph-2026")->checklist.front().deadline);
  d = round_trip(Command::add_checklist_item("rt-cebu", item("Find a host")), "first item", plans);
  CHECK(texts(d, "rt-cebu") == std::vector<std::string>{"Find a host"});

  d = round_trip(Command::set_checklist_done("rt-ph-2026", 1, true), "tick", plans);
  CHECK(d.find_event("rt-ph-2026")->checklist[1].done);
  d = round_trip(Command::set_checklist_done("rt-ph-2026", 0, false), "untick", plans);
  CHECK_FALSE(d.find_event("rt-ph-2026")->checklist[0].done);

  d = round_trip(Command::move_checklist_item("rt-ph-2026", 3, 0), "move up", plans);
  CHECK(texts(d, "rt-ph-2026") == std::vector<std::string>{"Print the programme", "Book the venue",
                                                           "Send the invitations",
                                                           "Registration closes"});
  d = round_trip(Command::move_checklist_item("rt-ph-2026", 0, 2), "move down", plans);
  CHECK(texts(d, "rt-ph-2026") == std::vector<std::string>{"Send the invitations",
                                                           "Registration closes", "Book the venue",
                                                           "Print the programme"});

  d = round_trip(
      Command::edit_checklist_item("rt-ph-2026", 1, item("Send invitations", "Dana", "2026-02-26")),
      "edit", plans);
  const ChecklistItem& edited = d.find_event("rt-ph-2026")->checklist[1];
  CHECK(edited.text == "Send invitations");
  CHECK(edited.owner == "Dana");
  CHECK(edtf::format(*edited.due) == "2026-02-26");

  d = round_trip(Command::remove_checklist_item("rt-ph-2026", 2), "delete", plans);
  CHECK(texts(d, "rt-ph-2026") ==
        std::vector<std::string>{"Book the venue", "Send the invitations", "Print the programme"});
  // The last item gone: no "checklist" left in the file.
  Dataset one = plans;
  one.events[2].checklist.push_back(item("Only"));
  d = round_trip(Command::remove_checklist_item("rt-cebu", 0), "delete the last", one);
  CHECK(doc(d)["events"][2].count("checklist") == 0);
}

TEST_CASE("plans: labels say what undo will do") {
  Dataset d = test::load_plan_dataset();
  History h;
  auto label_after = [&](Command c) {
    std::string error;
    REQUIRE_MESSAGE(h.apply(d, std::move(c), &error), error);
    return h.undo_label();
  };
  CHECK(label_after(Command::set_status("rt-cebu", EventStatus::Planned)) ==
        "Undo change of status of 'Cebu Roundtable' to planned");
  CHECK(label_after(Command::set_status("rt-cebu", std::nullopt)) ==
        "Undo removal of the status of 'Cebu Roundtable'");
  CHECK(label_after(Command::add_checklist_item("rt-cebu", item("Find a host"))) ==
        "Undo new checklist item 'Find a host' for 'Cebu Roundtable'");
  CHECK(label_after(Command::add_checklist_item(
            "rt-cebu", item("Registration closes", "", "2026-03-05", true))) ==
        "Undo new deadline 'Registration closes' for 'Cebu Roundtable'");
  CHECK(label_after(Command::set_checklist_done("rt-cebu", 0, true)) ==
        "Undo ticking of 'Find a host' in 'Cebu Roundtable'");
  CHECK(label_after(Command::set_checklist_done("rt-cebu", 0, false)) ==
        "Undo unticking of 'Find a host' in 'Cebu Roundtable'");
  CHECK(label_after(Command::move_checklist_item("rt-cebu", 1, 0)) ==
        "Undo reordering of the checklist of 'Cebu Roundtable'");
  CHECK(label_after(Command::edit_checklist_item("rt-cebu", 1, item("Find a venue"))) ==
        "Undo change of checklist item 'Find a host' in 'Cebu Roundtable'");
  CHECK(label_after(Command::remove_checklist_item("rt-cebu", 1)) ==
        "Undo deletion of checklist item 'Find a venue' from 'Cebu Roundtable'");
  CHECK(label_after(Command::remove_checklist_item("rt-cebu", 0)) ==
        "Undo deletion of deadline 'Registration closes' from 'Cebu Roundtable'");
  CHECK(label_after(Command::set_field("rt-cebu", "time_zone", "Asia/Manila")) ==
        "Undo change of time zone of 'Cebu Roundtable'");
  // Every one of them undoes, in order, back to the start.
  while (h.can_undo()) REQUIRE(h.undo(d));
  CHECK(save_dataset(d) == save_dataset(test::load_plan_dataset()));
}

TEST_CASE("plans: refusals say why and change nothing") {
  const Dataset plans = test::load_plan_dataset();
  CHECK(refused(Command::set_checklist_done("rt-ph-2026", 4, true), "past the end", plans) ==
        "the event 'Philippines Roundtable 2026' has no checklist item 5 (it has 4)");
  CHECK(refused(Command::move_checklist_item("rt-ph-2026", 0, 9), "move past", plans) ==
        "the event 'Philippines Roundtable 2026' has no checklist item 10 (it has 4)");
  CHECK(refused(Command::remove_checklist_item("rt-cebu", 0), "empty list", plans) ==
        "the event 'Cebu Roundtable' has no checklist item 1 (it has 0)");
  CHECK(refused(Command::set_status("manila", EventStatus::Held), "a place", plans) ==
        "there is no event with the id \"manila\"");
  CHECK(refused(Command::add_checklist_item("nope", item("x")), "unknown", plans) ==
        "there is no event with the id \"nope\"");
  // The loader's rules: no empty text, a deadline needs a due date, UTF-8.
  CHECK(contains(refused(Command::add_checklist_item("rt-cebu", item("")), "empty", plans),
                 "\"text\" must not be empty"));
  CHECK(refused(Command::add_checklist_item("rt-cebu", item("Closes", "", nullptr, true)),
                "deadline", plans) == "a deadline needs a due date (\"due\"): when does it pass?");
  CHECK(refused(Command::add_checklist_item("rt-cebu", item("bad \xFF text")), "utf-8", plans) ==
        "the text is not valid UTF-8");
  CHECK(contains(
      refused(Command::set_field("rt-cebu", "starts", "2026-03-13T10:00"), "wrong day", plans),
      "but the event starts on 12 March 2026"));
  CHECK(contains(refused(Command::set_field("rt-cebu", "status", "done"), "bad status", plans),
                 "is not a known status"));
}

TEST_CASE("plans: a new date moves the times along, in one step") {
  const Dataset plans = test::load_plan_dataset();
  const Event& forum = *plans.find_event("forum-sydney");  // 4-6 October, 09:00 to 17:00
  // Three days become two: the start keeps 09:00 on the new first day, the end 17:00 on
  // the new last.
  Dataset d = round_trip(
      Command::set_fields("forum-sydney",
                          fields_for_new_date(forum, edtf::parse("2026-11-10/2026-11-11").value)),
      "move", plans);
  const Event& moved = *d.find_event("forum-sydney");
  CHECK(edtf::format(*moved.starts) == "2026-11-10T09:00:00");
  CHECK(edtf::format(*moved.ends) == "2026-11-11T17:00:00");
  // One day: 17:00 still follows 09:00.
  d = round_trip(Command::set_fields("forum-sydney",
                                     fields_for_new_date(forum, edtf::parse("2026-11-10").value)),
                 "one day", plans);
  CHECK(edtf::format(*d.find_event("forum-sydney")->ends) == "2026-11-10T17:00:00");
  // A window: the times go (they need exact days), in the same step.
  d = round_trip(
      Command::set_fields("forum-sydney", fields_for_new_date(forum, edtf::parse("2026-11").value)),
      "window", plans);
  CHECK_FALSE(d.find_event("forum-sydney")->starts.has_value());
  CHECK_FALSE(d.find_event("forum-sydney")->ends.has_value());
  // An end that would come before the start on one day is dropped, not refused.
  Event late = forum;
  late.ends = edtf::parse("2026-10-06T08:00").value;
  nlohmann::json f = fields_for_new_date(late, edtf::parse("2026-11-10").value);
  CHECK(f["ends"].is_null());
  CHECK(f["starts"] == "2026-11-10T09:00:00");
  // Without times, only the date.
  CHECK(fields_for_new_date(*plans.find_event("rt-cebu"), edtf::parse("2026-04").value).size() ==
        1);
}

TEST_CASE("plans: typing an item's text merges into one step; ticking twice is one change") {
  Dataset d = test::load_plan_dataset();
  const std::string start = save_dataset(d);
  History h;
  std::string typed;
  double t = 10;
  for (char c : std::string("Hire a photographer")) {
    typed += c;
    REQUIRE(h.apply(d, Command::edit_checklist_item("rt-ph-2026", 3, item(typed.c_str())), nullptr,
                    "rt-ph-2026/checklist/3/text", t));
    t += 0.2;
  }
  CHECK(h.labels().size() == 1);
  CHECK(texts(d, "rt-ph-2026")[3] == "Hire a photographer");
  REQUIRE(h.undo(d));
  CHECK(save_dataset(d) == start);
  // Ticking what is ticked changes nothing and records nothing.
  History h2;
  REQUIRE(h2.apply(d, Command::set_checklist_done("rt-ph-2026", 0, true)));
  CHECK_FALSE(h2.can_undo());
}
