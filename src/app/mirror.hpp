// mirror.hpp — the words of the semantic mirror: what a screen reader is given beside the
// canvas (Dear ImGui draws pixels only). Built from the app's state when the data, the
// filters, the selection or the story step change — never per frame — and handed to the
// host (Host::publish_mirror), which shows it as hidden DOM on the web. Pure: no ImGui,
// no platform; unit-tested.
//
// Index
//   1. The words for one item: an event's option ("Hong Kong Roundtable, roundtable,
//      July 2015, Hong Kong"), a working group's, the selection's details
//   2. The mirror: the listbox (a window of options around the active one), the details,
//      the live text, the commands
//   3. What changed: the key a UI compares each frame (cheap) before building anything
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/state.hpp"

namespace atlas {

// 1. Words. An event: title, kind, date in words (edtf::describe), place, status; the
// parts it lacks are left out, never filled with guesses.
std::string event_option_text(const AppState& state, const Event& e);
std::string group_option_text(const WorkingGroup& g);
// The selection in sentences, one a line: what it is, when, where, who took part, its
// notes. "" when nothing is selected.
std::string selection_details(const AppState& state);

// The visible events and working groups in time order (the timeline's order: by earliest
// day, then latest; undated last, in the file's order): the listbox's order, and the
// order the keyboard moves in (map N/P, timeline arrows).
std::vector<std::string> items_in_time_order(const AppState& state);
// The item `step` places after (step > 0) or before the selection in that order, "" at
// either end; with no selection, the first (or the last). `on_map`: only events whose
// place has coordinates (the map's markers).
std::string neighbour_in_time_order(const AppState& state, int step, bool on_map = false);

// 2. The mirror.
struct MirrorOption {
  std::string id;    // the item's id (the DOM option's id is made from it)
  std::string text;  // its accessible name
};
struct MirrorCommand {
  std::string id;     // what the host sends back when the command is used (AppUI::command)
  std::string label;  // the button's name
  bool enabled = true;
};
struct Mirror {
  std::string label;                  // the listbox's name: "Events, 24 shown of 30"
  std::vector<MirrorOption> options;  // in time order (the timeline's), a window of them
  size_t first = 0;                   // options[0]'s place in the whole list (0-based)
  size_t total = 0;                   // the whole list's length (aria-setsize)
  std::string active;                 // the selected option's item id, "" for none
  std::string details;                // the selection's details, one sentence a line
                                      // ("Nothing selected." when there is none)
  std::string live;                   // the story step or the newest notice (aria-live)
  std::vector<MirrorCommand> commands;
  // The names of the mirror's parts (the whole, the commands' toolbar, the details'
  // region) and of the page's text field that has the keyboard.
  std::string whole_name, commands_name, details_name, input_name;
  bool operator==(const Mirror& o) const;
};

// What the UI adds to the state: the story step being presented, the newest notice.
struct MirrorContext {
  bool presenting = false;
  std::string step_text;  // "Step 2 of 12: …" while presenting
  std::string notice;     // the newest notice's text, "" for none
  bool can_undo = false, can_redo = false;
  std::string undo_label = "Undo", redo_label = "Redo";
  bool read_only = false;
};

// At most this many options are mirrored: the window around the active option (the
// whole list for datasets this size or smaller), so 30 000 events cost no more.
constexpr size_t kMirrorWindow = 200;
Mirror build_mirror(const AppState& state, const MirrorContext& context);

// "Step 2 of 12: Hong Kong Roundtable, roundtable, July 2015, Hong Kong. The caption."
std::string step_announcement(const AppState& state, int step, int count, const std::string& item,
                              const std::string& caption);

// 3. What changed. The UI builds a key each frame from numbers it already has and
// rebuilds the mirror only when it differs.
struct MirrorKey {
  uint64_t data = 0, filters = 0;
  std::string selection;
  int step = -1;  // -1: not presenting
  size_t notices = 0;
  std::string notice;
  bool operator==(const MirrorKey& o) const {
    return data == o.data && filters == o.filters && selection == o.selection && step == o.step &&
           notices == o.notices && notice == o.notice;
  }
  bool operator!=(const MirrorKey& o) const { return !(*this == o); }
};

}  // namespace atlas
