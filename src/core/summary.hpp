// summary.hpp — counts that describe a dataset at a glance (the CLI's `stats`, the
// app's summary panes, the JS API's stats()).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/model.hpp"

namespace atlas {

struct Summary {
  size_t places = 0, organisations = 0, events = 0, working_groups = 0;
  size_t events_by_kind[size_t(EventKind::Count)] = {};
  size_t organisations_by_sector[size_t(Sector::Count)] = {};
  std::map<std::string, size_t> events_by_country;          // ISO code -> events there
  std::map<std::string, size_t> working_groups_by_country;  // ISO code -> groups
  size_t events_without_date = 0, events_without_place = 0;
  int64_t earliest_day = 0, latest_day = 0;  // over dated events' bounded ends
  bool has_dates = false;
};

Summary summarize(const Dataset& d);
// The same, with each event's earliest and latest day worked out already (the app keeps
// them: `days[i]` is events[i]'s, and what an undated event has there is not read).
Summary summarize(const Dataset& d, const std::vector<std::pair<int64_t, int64_t>>& days);

}  // namespace atlas
