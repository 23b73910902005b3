// summary.cpp — see summary.hpp.
#include "core/summary.hpp"

#include <algorithm>
#include <vector>

#include "core/id_table.hpp"

namespace atlas {

namespace {
Summary summarize(const Dataset& d, const std::vector<std::pair<int64_t, int64_t>>* days) {
  Summary s;
  s.places = d.places.size();
  s.organisations = d.organisations.size();
  s.events = d.events.size();
  s.working_groups = d.working_groups.size();
  // Events are counted per place first (a flat table of the place ids), then per country:
  // a map keyed by country names, asked once per event, was most of this at 100,000.
  IdTable places(d.places.size());
  for (size_t i = 0; i < d.places.size(); ++i) places.claim(d.places[i].id, uint32_t(i));
  std::vector<size_t> events_at(d.places.size(), 0);
  for (const auto& o : d.organisations) ++s.organisations_by_sector[size_t(o.sector)];
  auto widen = [&](int64_t day) {
    if (day <= edtf::kUnboundedPast || day >= edtf::kUnboundedFuture) return;
    if (!s.has_dates) {
      s.earliest_day = s.latest_day = day;
      s.has_dates = true;
    }
    s.earliest_day = std::min(s.earliest_day, day);
    s.latest_day = std::max(s.latest_day, day);
  };
  for (size_t i = 0; i < d.events.size(); ++i) {
    const Event& e = d.events[i];
    ++s.events_by_kind[size_t(e.kind)];
    if (e.date) {
      widen(days ? (*days)[i].first : e.date->earliest());
      widen(days ? (*days)[i].second : e.date->latest());
    } else {
      ++s.events_without_date;
    }
    const uint32_t at = e.place.empty() ? IdTable::kNone : places.find(e.place);
    if (at == IdTable::kNone)
      ++s.events_without_place;
    else
      ++events_at[at];
  }
  for (size_t i = 0; i < d.places.size(); ++i)
    if (events_at[i]) s.events_by_country[d.places[i].country] += events_at[i];
  for (const auto& w : d.working_groups) ++s.working_groups_by_country[w.country];
  return s;
}
}  // namespace

Summary summarize(const Dataset& d) { return summarize(d, nullptr); }

Summary summarize(const Dataset& d, const std::vector<std::pair<int64_t, int64_t>>& days) {
  return summarize(d, days.size() == d.events.size() ? &days : nullptr);
}

}  // namespace atlas
