// editor.hpp — editing the dataset without a programmer: the Inspector's form for the
// selected item (every field of the format), an EDTF date field that explains itself as
// you type, pickers for places (with the offline gazetteer) and organisations, add /
// duplicate / delete (showing what refers to the item) / merge, and the data-quality
// panel. Every change goes through AppState::edit, so it can be undone and is saved.
#pragma once

#include <array>
#include <map>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "app/state.hpp"
#include "core/timezone.hpp"
#include "geo/gazetteer.hpp"
#include "ui/theme.hpp"

namespace atlas::ui {

class Editor {
 public:
  // The offline city list (the place fields' city search). The host is asked for it only
  // once someone starts a city search (wants_gazetteer): a visitor who never looks a city
  // up never downloads it. Until it arrives the search says it is loading, or why it is
  // not available (gazetteer_error).
  void set_gazetteer(const geo::Gazetteer* g) { gazetteer_ = g; }
  void set_gazetteer_error(std::string why) { gazetteer_error_ = std::move(why); }
  const std::string& gazetteer_error() const { return gazetteer_error_; }
  bool wants_gazetteer() const { return wants_gazetteer_; }
  // The zone data (null until loaded: times in a named zone then say so), the viewer's
  // zone and today (days since 1970-01-01), from the host's clock, once a frame.
  void set_clock(const tz::ZoneDb* zones, std::string viewer_zone, int64_t today);
  const geo::Gazetteer* gazetteer() const { return gazetteer_; }

  // The Inspector pane: the form for the selection, or the dataset's own fields.
  void inspector(AppState& state, const Fonts& fonts);
  // The next Inspector frame puts the keyboard in the selected item's Title field (F2).
  void focus_title() { focus_title_ = true; }
  // "+ Event", "+ Place"… (the List pane's toolbar).
  void add_buttons(AppState& state);
  // The data-quality window (View menu); `open` is its visibility.
  void quality_panel(AppState& state, bool* open);
  // Modal dialogs (delete with references, merge); call once a frame.
  void dialogs(AppState& state);
  // Where a field was drawn last frame ("rt-hk/title"), for tests and automation.
  bool field_rect(const std::string& key, float r[4]) const;

 private:
  bool text(AppState& state, const char* label, const std::string& id, const char* field,
            const std::string& value, bool multiline = false, bool required = false);
  void date(AppState& state, const char* label, const std::string& id, const char* field,
            const std::optional<edtf::Value>& value);
  void country(AppState& state, const std::string& id, const std::string& value, bool optional);
  void place_picker(AppState& state, const Event& e);
  void participations(AppState& state, const std::string& id, const char* field,
                      const std::vector<Participation>& parts);
  void links(AppState& state, const Event& e);
  void coordinates(AppState& state, const Place& p);
  void item_actions(AppState& state, const std::string& id, bool mergeable);
  // The Inspector's form for each kind of item.
  void event_form(AppState& state, const std::string& id);
  // editor_plan.cpp: the status (beside the date), then times and the checklist.
  void status_field(AppState& state, const std::string& id);
  void plan_fields(AppState& state, const std::string& id);
  void group_form(AppState& state, const std::string& id);
  void member_sectors(AppState& state, const WorkingGroup& w);
  void place_form(AppState& state, const std::string& id);
  void organisation_form(AppState& state, const std::string& id);
  bool apply(AppState& state, Command cmd, const std::string& key = {});
  std::string& buffer(const std::string& key, const std::string& value);
  void track(const std::string& key);  // after a text widget: is it being typed in?
  void show_error(const std::string& key);

  // The city search's field; true when the list is here and there is a query to list
  // hits for, else it says what it waits for (a search begun asks for the list).
  bool city_search(const std::string& widget_id, const char* hint);
  const geo::Gazetteer* gazetteer_ = nullptr;
  std::string gazetteer_error_;
  bool wants_gazetteer_ = false;
  std::map<std::string, std::string> buffers_;         // text being typed, by "id/field"
  std::map<std::string, std::string> errors_;          // why the last edit of a field was refused
  std::set<std::string> active_now_, active_before_;   // fields typed in, this / last frame
  std::map<std::string, std::array<float, 4>> rects_;  // field key -> x, y, w, h
  std::string last_error_;
  // Coordinates typed for the selected place but not both given yet: shown (with why
  // they wait) until completed, cleared or another item is selected.
  struct PendingCoordinates {
    std::string place, lat, lon, waiting;
  } coords_;
  char city_query_[128] = "";
  std::string delete_id_, merge_id_;
  bool open_delete_ = false, open_merge_ = false;
  std::string new_org_name_;
  const std::unordered_set<std::string>& used_organisations(const AppState& state);
  std::unordered_set<std::string> used_orgs_;
  uint64_t used_version_ = ~uint64_t(0);
  int new_org_sector_ = 0;
  // Plans (editor_plan.cpp).
  const tz::ZoneDb* zones_ = nullptr;
  std::string viewer_zone_;
  int64_t today_ = 0;
  std::string new_item_;  // the checklist item being typed, not added yet
  bool focus_title_ = false;
};

}  // namespace atlas::ui
