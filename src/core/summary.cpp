// summary.cpp — see summary.hpp.
#include "core/summary.hpp"

#include <algorithm>
#include <unordered_map>

namespace atlas {

Summary summarize(const Dataset& d) {
  Summary s;
  s.places = d.places.size();
  s.organisations = d.organisations.size();
  s.events = d.events.size();
  s.working_groups = d.working_groups.size();
  std::unordered_map<std::string_view, const Place*> places;
  for (const auto& p : d.places) places.emplace(p.id, &p);
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
  for (const auto& e : d.events) {
    ++s.events_by_kind[size_t(e.kind)];
    if (e.date) {
      widen(e.date->earliest());
      widen(e.date->latest());
    } else {
      ++s.events_without_date;
    }
    auto it = e.place.empty() ? places.end() : places.find(e.place);
    if (it == places.end())
      ++s.events_without_place;
    else
      ++s.events_by_country[it->second->country];
  }
  for (const auto& w : d.working_groups) ++s.working_groups_by_country[w.country];
  return s;
}

}  // namespace atlas
