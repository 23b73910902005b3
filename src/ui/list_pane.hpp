// list_pane.hpp — the List pane (right, above the Inspector): the editor's add buttons,
// a search box and a country filter over tabs of events, working groups, organisations
// and places. The events table sorts by any column, follows the shared filters (kinds,
// the timeline's range, the playhead) and moves the selection with the arrow keys.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

#include "app/pacer.hpp"
#include "app/state.hpp"
#include "ui/editor.hpp"
#include "ui/theme.hpp"

namespace atlas::ui {

class ListPane {
 public:
  // Draws the pane's contents. True while the events table has a rebuild waiting
  // (playback at a large scale: the list catches up in a moment).
  bool draw(AppState& state, Editor& editor, Theme theme);
  // The search box's text (its characters need glyphs too).
  const std::string& search() const { return search_; }
  // By touch (the phone layout): rows at least `row` tall, and the events as two lines
  // each (the title; its date in words, kind and place) instead of five narrow columns.
  // 0: the desktop's table.
  void set_touch(float row) { touch_row_ = row; }

 private:
  void events_table(AppState& state, Theme theme);
  void events_rows(AppState& state, Theme theme);  // by touch
  bool order_events(AppState& state);
  void arrow_keys(AppState& state);
  ImVec2 touch_size() const;
  void working_groups_table(AppState& state);
  void organisations_table(AppState& state);
  void places_table(AppState& state);
  bool matches_search(const AppState& state, const Event& e) const;
  void sort_events(const AppState& state);
  std::string place_label(const AppState& state, const std::string& place_id) const;

  std::string search_;   // the search text
  std::string country_;  // the country filter ("" = all)
  bool scroll_to_selection_ = false;
  bool waiting_ = false;  // a rebuild is being held back this frame
  // The events table's order: searched and sorted once per data, sort or search
  // (sorted_), then filtered once per change of the shared filters (order_).
  std::vector<int> sorted_;
  std::vector<int> order_;
  uint64_t order_version_ = ~uint64_t(0);
  uint64_t order_filters_ = ~uint64_t(0);
  RebuildPacer pacer_;
  int sort_column_ = 0;
  bool sort_ascending_ = true;
  float touch_row_ = 0;
};

}  // namespace atlas::ui
