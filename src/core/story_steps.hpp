// story_steps.hpp — the steps a dataset is presented in: its first story, or, when it has
// none, an overview and then every event in date order (undated events last, in the
// file's order). What the presenter shows and what the StoryMapJS export writes.
#pragma once

#include <vector>

#include "core/model.hpp"

namespace atlas {

std::vector<StoryStep> presented_steps(const Dataset& d);

}  // namespace atlas
