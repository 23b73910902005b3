// storymap.hpp — a story as Knight Lab's StoryMapJS slides ({"storymap": {"slides":
// […]}}), the map-story format many newsrooms use.
//
// The steps are presented_steps (story_steps.hpp): the dataset's first story, or an
// overview and every event in date order. A first step that is an overview is
// StoryMapJS's overview slide (the dataset's title and description); each other step is
// a slide: headline the item's name, text its notes (or the step's caption), date the
// event's date in words (StoryMapJS shows it as text), location the step's own map
// camera, else the item's place (zoom 5), with the place's name. A step with nowhere to
// be (an organisation, a working group, a later overview) is a slide without a location,
// which StoryMapJS shows with the whole map. Text is escaped for HTML.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/model.hpp"

namespace atlas {

nlohmann::json storymap_from_dataset(const Dataset& d);

}  // namespace atlas
