// state.hpp — the app's state and the actions on it, shared by the UI, the JS API and
// the desktop's command line. No ImGui, no GL, no platform: unit-tested without a window.
//
// Index
//   1. AppState: the dataset, where it came from, the one selection, the filters
//   2. Actions: load (all or nothing), export, select; requests between views (fly to
//      an item, pick a place on the map)
//   3. JSON views for the JS API (diagnostics, stats)
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/dataset_json.hpp"
#include "core/edit.hpp"
#include "core/i18n.hpp"
#include "core/id_table.hpp"
#include "core/plan.hpp"
#include "core/summary.hpp"

namespace atlas {

// The bundled sample dataset (embedded at build time from data/sample.json).
std::string_view sample_dataset_text();

// What the map, the timeline and the list show: kinds switched on, the timeline's date
// window (the brush) and the playhead ("what had happened by then").
struct Filters {
  bool kinds[size_t(EventKind::Count)] = {true, true, true, true, true};
  bool window_on = false;
  int64_t window_first = 0, window_last = 0;  // days, inclusive
  bool playhead_on = false;
  int64_t playhead = 0;                         // day
  StatusFilter statuses = StatusFilter::all();  // which plan statuses show (core/plan)
  bool operator==(const Filters& o) const;
};

class AppState {
 public:
  Dataset dataset;
  std::string origin = "sample";  // "sample", or where the data came from
  Summary summary;                // recomputed whenever the dataset changes
  uint64_t data_version = 0;      // bumps on every change: views cache by it
  uint64_t filter_version = 0;    // bumps when the filters change

  // The one selection, shared by every view: an item id, "" for none. Changed only by
  // select() (and cleared when its item goes), so selected_event() keeps in step.
  const std::string& selection() const { return selection_; }
  // What the map, the timeline and the list show; changed only by set_filters(), which
  // bumps filter_version when they differ.
  const Filters& filters() const { return filters_; }

  // True when the event passes the filters: its kind is on, its date range meets the
  // window, and it had begun by the playhead. Undated events show unless a window or
  // playhead asks for dates.
  bool event_visible(const Event& e) const;
  // The same for a working group's active interval (kinds do not apply: a group is not
  // an event): it meets the window and had begun by the playhead.
  bool group_visible(const WorkingGroup& g) const;
  void set_filters(const Filters& f);
  // How many events pass the filters (cached: views ask every frame).
  size_t visible_event_count() const;

  // The selection as indices (-1 when it is not an event / a working group): views
  // compare numbers per frame, not strings.
  int selected_event() const { return selected_event_; }
  int selected_group() const { return selected_group_; }

  // Items by id in constant time (Dataset::find_* scan; views look up every frame).
  const Event* event(const std::string& id) const;
  const WorkingGroup* working_group(const std::string& id) const;
  const Place* place(const std::string& id) const;
  const Organisation* organisation(const std::string& id) const;

  // Every edit, import and reset, for undo and redo.
  History history;

  // A shared link shown for viewing (Session's View mode): edit(), undo(), redo() and
  // request_pick() refuse, so no view, shortcut or script can change what is shown.
  // Loading (load_json, adopt) still works: that is how the link arrives.
  bool read_only = false;
  // English: the scripts' answer (web_api); the user is shown tr(kReadOnly).
  static constexpr const char* kReadOnly =
      N_("this is a shared link, shown read-only: use \"Make a copy to edit\" to change it");

  // 2. Actions
  // Replaces the dataset only when `text` loads without errors; returns the
  // diagnostics either way (a failed load never touches the current data). The
  // replacement is a step in the history (undo brings the old data back) unless
  // `undoable` is false (the saved copy opened at start).
  std::vector<Diagnostic> load_json(std::string_view text, const std::string& origin,
                                    bool undoable = true);
  // The same for text load_dataset has just read (an import that checked it first):
  // the text is not parsed again.
  std::vector<Diagnostic> adopt(LoadResult loaded, const std::string& origin, bool undoable = true);
  // An edit through the history: false, with the loader's sentence in *error and the
  // data untouched, when the result would not load. `merge_key` joins typing into one
  // step (History::apply).
  bool edit(Command cmd, std::string* error = nullptr, std::string_view merge_key = {});
  bool undo();
  bool redo();
  void load_sample(bool undoable = true);
  std::string export_json() const { return save_dataset(dataset); }
  // Selects an item by id (events, working groups, places, organisations);
  // "" clears. Returns false, leaving the selection as it was, for an unknown id.
  bool select(const std::string& id);
  bool id_exists(const std::string& id) const;

  // Requests one view makes of another, each taken once by the view that acts on it.
  // The map flies to an item's place (a double-click on the timeline).
  void request_fly_to(const std::string& id) { fly_to_ = id; }
  // The map's side: the item asked for ("" for none), and the request is gone.
  std::string take_fly_to() { return std::exchange(fly_to_, std::string()); }
  // "Pick on map": the next click on the map gives this place its coordinates. False
  // for an id that is not a place (nothing changes); "" cancels.
  bool request_pick(const std::string& place_id);
  // The place waiting for a click on the map, or "" (also once the place has gone).
  const std::string& picking() const { return pick_; }
  // The click: the place gets these coordinates (one undoable step) and the request
  // ends. False, with the reason in *error, when it could not be placed.
  bool complete_pick(double lon, double lat, std::string* error = nullptr);

 private:
  // After any change of `dataset`; `loaded`: the loader's table of its ids, taken when it
  // still describes the dataset (see LoadedIds), else the index is made anew.
  void changed(LoadedIds* loaded = nullptr);
  void after_history();
  void index_selection();
  std::string selection_;
  Filters filters_;
  std::string fly_to_;
  std::string pick_;
  int selected_event_ = -1, selected_group_ = -1;
  // id -> (collection, index), rebuilt on every change; ids are unique dataset-wide.
  enum class Kind : uint8_t { Event, Group, Place, Organisation };
  // Every id -> its item: claims numbered places, organisations, events, then groups, as
  // the loader numbers them (index_counts_ decodes a number; a number past them is a
  // story's, in the loader's table); the first item with an id keeps it.
  IdTable index_;
  size_t index_counts_[4] = {0, 0, 0, 0};
  bool indexed(std::string_view id, Kind& kind, size_t& i) const;
  template <typename T>
  const T* lookup(const std::string& id, Kind kind, const std::vector<T>& items) const;
  mutable uint64_t counted_data_ = ~uint64_t(0), counted_filters_ = ~uint64_t(0);
  mutable size_t visible_count_ = 0;
  std::vector<std::pair<int64_t, int64_t>> event_days_;  // earliest, latest day per event
  uint64_t event_days_version_ = ~uint64_t(0);
};

// 3. JSON views
std::string diagnostics_json(const std::vector<Diagnostic>& ds);
std::string stats_json(const AppState& s);

}  // namespace atlas
