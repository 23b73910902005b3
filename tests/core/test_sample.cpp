// test_sample.cpp — the bundled sample dataset says what the seed page says.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/dataset_json.hpp"
#include "core/summary.hpp"

extern "C" const unsigned char atlas_sample_json[];
extern "C" const unsigned long atlas_sample_json_size;

using namespace atlas;

namespace {
const Dataset& sample() {
  static const Dataset d = [] {
    LoadResult r = load_dataset(
        std::string_view(reinterpret_cast<const char*>(atlas_sample_json), atlas_sample_json_size));
    for (const auto& x : r.diagnostics) MESSAGE(x.to_string());
    REQUIRE(r.ok());
    REQUIRE(r.diagnostics.empty());
    return *r.dataset;
  }();
  return d;
}
std::string date_of(const std::string& id) {
  const Event* e = sample().find_event(id);
  REQUIRE_MESSAGE(e, id);
  REQUIRE(e->date);
  return edtf::format(*e->date);
}
bool has_part(const Event& e, const std::string& org, Role role) {
  return std::any_of(e.organisations.begin(), e.organisations.end(), [&](const Participation& p) {
    return p.organisation == org && p.role == role;
  });
}
}  // namespace

TEST_CASE("the sample loads with no diagnostics and is already canonical") {
  std::string bytes(reinterpret_cast<const char*>(atlas_sample_json), atlas_sample_json_size);
  CHECK(save_dataset(sample()) == bytes);
}

TEST_CASE("the five roundtables, in the page's order, with honest dates") {
  std::vector<std::string> ids;
  for (const auto& e : sample().events)
    if (e.kind == EventKind::Roundtable) ids.push_back(e.id);
  CHECK(ids == std::vector<std::string>{"rt-nz", "rt-au", "rt-hk", "rt-th", "rt-ph"});
  CHECK(date_of("rt-hk") == "2015-07");  // the only month the page gives
  // New Zealand and Australia: since 2013, before Hong Kong.
  const auto& nz = *sample().find_event("rt-nz")->date;
  const auto& hk = *sample().find_event("rt-hk")->date;
  CHECK(nz.earliest() == edtf::days_from_civil(2013, 1, 1));
  CHECK(nz.latest() <= hk.latest());
  // Thailand and the Philippines: after Hong Kong, no later bound on the page.
  const auto& th = *sample().find_event("rt-th")->date;
  CHECK(th.earliest() >= hk.earliest());
  CHECK(th.end_kind == edtf::End::Unknown);
}

TEST_CASE("forum appearances: places and months as the page lists them") {
  struct F {
    const char* id;
    const char* date;
    const char* place;
  };
  for (F f : {F{"fo-visa-2018-singapore", "2018-05", "singapore"},
              F{"fo-visa-2011-jakarta", "2011-05", "jakarta"},
              F{"fo-mastercard-2017-singapore", "2017-08", "singapore"},
              F{"fo-mastercard-2015-bangkok", "2015-07", "bangkok"},
              F{"fo-asean-2017-manila", "2017-06", "manila"},
              F{"fo-vgt-2017-new-zealand", "2017-05", "new-zealand"}}) {
    CAPTURE(f.id);
    CHECK(date_of(f.id) == f.date);
    CHECK(sample().find_event(f.id)->place == f.place);
    CHECK(sample().find_event(f.id)->kind == EventKind::Forum);
  }
  CHECK(date_of("campaign-you-have-the-power") == "2017");
}

TEST_CASE("supporters are tied to the right roundtables") {
  const Dataset& d = sample();
  for (const auto& e : d.events)
    if (e.kind == EventKind::Roundtable) CHECK(has_part(e, "paypal", Role::Grant));
  CHECK(has_part(*d.find_event("rt-nz"), "microsoft", Role::InKindSupport));
  for (const char* id : {"rt-au", "rt-hk", "rt-th"})
    CHECK(has_part(*d.find_event(id), "allen-overy", Role::InKindSupport));
  CHECK(has_part(*d.find_event("rt-ph"), "romulo-mabanta", Role::InKindSupport));
  CHECK(!has_part(*d.find_event("rt-ph"), "allen-overy", Role::InKindSupport));
}

TEST_CASE("three working groups, grown from their roundtables, still active") {
  const Dataset& d = sample();
  REQUIRE(d.working_groups.size() == 3);
  for (const auto& w : d.working_groups) {
    CAPTURE(w.id);
    CHECK(d.find_event(w.origin)->kind == EventKind::Roundtable);
    CHECK(w.active->end_kind == edtf::End::Open);
    CHECK(w.member_sectors.size() >= 7);
  }
}

TEST_CASE("every item says where its facts came from, and places have real coordinates") {
  const Dataset& d = sample();
  for (const auto& p : d.places) {
    CHECK(!p.source.empty());
    CHECK(p.lat);
  }
  for (const auto& e : d.events) CHECK(!e.source.empty());
  for (const auto& o : d.organisations) CHECK(!o.source.empty());
  for (const auto& w : d.working_groups) CHECK(!w.source.empty());
  const Place* hk = d.find_place("hong-kong");
  CHECK(*hk->lat == doctest::Approx(22.3).epsilon(0.01));
  CHECK(*hk->lon == doctest::Approx(114.2).epsilon(0.01));
}

TEST_CASE("summary counts") {
  Summary s = summarize(sample());
  CHECK(s.events == 12);
  CHECK(s.events_by_kind[size_t(EventKind::Roundtable)] == 5);
  CHECK(s.events_by_kind[size_t(EventKind::Forum)] == 6);
  CHECK(s.events_by_kind[size_t(EventKind::Campaign)] == 1);
  CHECK(s.working_groups == 3);
  CHECK(s.events_by_country.at("SG") == 2);
  CHECK(s.events_without_place == 1);
}

TEST_CASE(
    "summary with the days worked out already: the same span; days of another size are not read") {
  const Dataset d = sample();
  const Summary whole = summarize(d);
  REQUIRE(whole.has_dates);
  std::vector<std::pair<int64_t, int64_t>> days(d.events.size());
  for (size_t i = 0; i < d.events.size(); ++i)
    if (d.events[i].date) days[i] = {d.events[i].date->earliest(), d.events[i].date->latest()};
  Summary given = summarize(d, days);
  CHECK(given.earliest_day == whole.earliest_day);
  CHECK(given.latest_day == whole.latest_day);
  CHECK(given.events_without_date == whole.events_without_date);
  // The days are what it reads: a later last day shows.
  days.back().second = whole.latest_day + 1000;
  if (d.events.back().date) CHECK(summarize(d, days).latest_day == whole.latest_day + 1000);
  days.pop_back();  // not one per event: worked out again
  given = summarize(d, days);
  CHECK(given.earliest_day == whole.earliest_day);
  CHECK(given.latest_day == whole.latest_day);
}
