// timeline_view.hpp — the Timeline pane: a zoomable axis (decades to days) with ticks
// that never overlap, lanes by kind / country / organisation (collapsible), events as
// points or as their whole uncertain range, working groups as bars open to today,
// tiny items merged into counted boxes, a today line, a date-range brush that filters
// the map and the list, and a playhead that plays through time.
//
// The math is src/timeline (unit-tested); this file draws it with ImGui and handles input.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/state.hpp"
#include "timeline/lanes.hpp"
#include "timeline/ticks.hpp"
#include "timeline/time_scale.hpp"
#include "ui/theme.hpp"

struct ImFont;

namespace atlas::ui {

class TimelineView {
 public:
  enum class GroupBy { Kind, Country, Organisation };

  // Draws the pane; returns true while animating (playing).
  bool draw(AppState& state, Theme theme, ImFont* small_font, bool toolbar = true);
  // Today, days since 1970-01-01 on the viewer's clock (the host's): the today line.
  void set_today(int64_t day) { today_ = day; }
  // Less motion (the viewer's system or View > Reduce motion): playback jumps.
  void set_reduced_motion(bool on) { reduced_motion_ = on; }
  static constexpr double kCutSeconds = 1.5;

  // For the JS API and tests.
  bool locate(const AppState& state, const std::string& id, float& x, float& y) const;
  uint64_t visible_item_count() const { return visible_.item_count; }
  // The axis band (screen px): drag on it to choose a date range.
  void axis_rect(float& x, float& y, float& w, float& h) const {
    x = pane_x_, y = pane_y_, w = float(scale_.width_px), h = rows_top_ - pane_y_;
  }
  double x_of_day(double day) const { return pane_x_ + scale_.x(day); }
  void set_group_by(GroupBy g) { group_by_ = g; }
  void fit(const AppState& state);
  // x in pane px; for scripts (the wheel and drag do the same).
  void zoom(double factor, double x) {
    placed_ = false;
    scale_.zoom_about(x, factor);
  }
  void pan(double dx) {
    placed_ = false;
    scale_.pan(dx);
  }
  // A touch pinch at (x, y) in window px: zooms time about x when it is over the pane.
  bool pinch(float x, float y, double factor) {
    if (x < pane_x_ || x > pane_x_ + float(scale_.width_px) || y < pane_y_ || y > pane_y_ + pane_h_)
      return false;
    placed_ = false;
    scale_.zoom_about(x - pane_x_, factor);
    return true;
  }
  // Shows the days [day0, day1) with a margin (presenter steps).
  // Shows these days. A fit or a shown range is kept when the pane's width changes (a
  // resize, the presenter's full-width timeline) until the user zooms or pans.
  void show(double day0, double day1) {
    place(day0, day1);
    show_pending_ = true;  // asked for before the data's first draw: not replaced by a fit
  }
  // Fits the data at the next draw.
  void request_fit() { fitted_ = false; }
  // The days in view: [first, end).
  void visible_days(double& first, double& end) const {
    first = scale_.first_visible_day();
    end = scale_.end_visible_day();
  }

 private:
  void rebuild(const AppState& state);
  void toolbar(AppState& state);
  void draw_axis(AppState& state, Theme theme, float x0, float y0, float w, float h);
  void draw_items(AppState& state, Theme theme, float x0, float y0, float w, float h);
  void rows_input(bool hovered, float x0, float w, float h);
  void draw_lane_headers(bool dark, float x0, float y0, float w, float h);
  void draw_spans(const AppState& state, Theme theme, float x0, float y0, float w, float h);
  void draw_span(const AppState& state, Theme theme, const timeline::Span& span, float x0, float y0,
                 const timeline::TimelineModel::Location* selected);
  void rows_pointer(AppState& state, float x0, float y0);
  void lane_title(uint32_t key, char* out, size_t n) const;
  // Shows these days and remembers them, to show them again at another width.
  void place(double day0, double day1) {
    scale_.show(day0, day1, 40);
    fitted_ = true;
    placed_ = true;
    placed_days_[0] = day0;
    placed_days_[1] = day1;
  }
  std::string label_buf_;  // an item's label with its qualifiers, reused every frame

  timeline::TimeScale scale_;
  timeline::TimelineModel model_;
  timeline::VisibleSet visible_;
  timeline::TickSet ticks_;
  std::vector<timeline::TimelineItem> items_;  // reused between rebuilds
  std::vector<std::string> lane_titles_;       // lane key -> title (country, organisation)
  GroupBy group_by_ = GroupBy::Kind;
  GroupBy built_group_by_ = GroupBy::Kind;
  uint64_t built_data_ = ~uint64_t(0);
  bool built_kinds_[size_t(EventKind::Count)] = {};
  bool fitted_ = false;
  float built_row_h_ = 0;  // the row height the layout was built for
  bool show_pending_ = false;
  bool placed_ = false;  // the view is a fit or a show, not the user's own zoom and pan
  double placed_days_[2] = {0, 0};
  // Today (days since 1970-01-01) from the host's clock (set_today), and what the
  // layout was built for: open ends reach today.
  int64_t today_ = 0, built_today_ = 0;
  StatusFilter built_statuses_ = StatusFilter::all();
  float scroll_ = 0;
  float pane_x_ = 0, pane_y_ = 0, pane_h_ = 0, rows_top_ = 0;

  // Brush (drag on the axis) and playhead.
  bool brushing_ = false;
  double brush_anchor_ = 0;
  bool playing_ = false;
  bool reduced_motion_ = false;
  bool in_pane_ = true;    // drawn as the Timeline pane (with its toolbar), not on the stage
  int keyboard_step_ = 0;  // an arrow key this frame: the next (1) or previous (-1) item
  double play_last_ = 0;
  double play_pos_ = 0;  // the playhead's day while playing, with its fraction
  int speed_ = 1;        // index into the speeds table
};

}  // namespace atlas::ui
