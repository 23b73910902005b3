// storymap.cpp — see storymap.hpp.
#include "core/storymap.hpp"

#include "core/countries.hpp"
#include "core/edit.hpp"  // locate
#include "core/interchange_text.hpp"
#include "core/story_steps.hpp"

namespace atlas {

using json = nlohmann::json;

json storymap_from_dataset(const Dataset& d) {
  json slides = json::array();
  std::vector<StoryStep> steps = presented_steps(d);
  for (size_t i = 0; i < steps.size(); ++i) {
    const StoryStep& st = steps[i];
    json slide = json::object();
    std::string headline, text, date;
    const Place* place = nullptr;
    if (st.item.empty()) {
      headline = i == 0 ? d.title : "Overview";
      text = i == 0 ? d.description : "";
      if (i == 0) slide["type"] = "overview";
    } else if (const Event* e = d.find_event(st.item)) {
      headline = e->title;
      text = e->notes;
      if (e->date) date = edtf::describe(*e->date, edtf::Language::english);
      place = d.find_place(e->place);
    } else if (const Place* p = d.find_place(st.item)) {
      headline = p->name;
      text = p->notes;
      place = p;
    } else if (const Organisation* o = d.find_organisation(st.item)) {
      headline = o->name;
      text = o->notes;
    } else if (const WorkingGroup* w = d.find_working_group(st.item)) {
      headline = w->name;
      text = w->notes;
      if (w->active) date = edtf::describe(*w->active, edtf::Language::english);
    } else {
      headline = st.item;  // a story step showing a story: its id is all there is
    }
    if (!st.caption.empty()) text = st.caption;
    slide["text"] = {{"headline", html_from_text(headline)}, {"text", html_from_text(text)}};
    slide["date"] = date;
    json loc = json::object();
    if (st.map) {
      loc = {{"lat", st.map->lat}, {"lon", st.map->lon}, {"zoom", st.map->zoom}};
    } else if (place && place->lat && place->lon) {
      loc = {{"lat", *place->lat}, {"lon", *place->lon}, {"zoom", 5}};
    }
    if (!loc.empty()) {
      if (place) loc["name"] = place->name;
      loc["line"] = true;
      slide["location"] = std::move(loc);
    }
    slides.push_back(std::move(slide));
  }
  json sm = json::object();
  sm["language"] = "en";
  sm["map_type"] = "osm:standard";
  sm["map_as_image"] = false;
  sm["calculate_zoom"] = false;
  sm["slides"] = std::move(slides);
  return {{"storymap", std::move(sm)}};
}

}  // namespace atlas
