// story_steps.cpp — see story_steps.hpp.
#include "core/story_steps.hpp"

#include <algorithm>

namespace atlas {

std::vector<StoryStep> presented_steps(const Dataset& d) {
  if (!d.stories.empty() && !d.stories.front().steps.empty()) return d.stories.front().steps;
  std::vector<StoryStep> steps(1);  // the overview
  std::vector<size_t> order(d.events.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const auto &da = d.events[a].date, &db = d.events[b].date;
    if (!da || !db) return da && !db;
    return edtf::compare(*da, *db) < 0;
  });
  for (size_t i : order) {
    StoryStep s;
    s.item = d.events[i].id;
    steps.push_back(std::move(s));
  }
  return steps;
}

}  // namespace atlas
