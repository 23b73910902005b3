// map_view.hpp — the Map pane: the offline basemap (drawn by render/map_renderer through
// an ImGui draw callback), event markers by kind with stacks and clusters, working
// groups on their countries, labels that do not overlap, the legend with kind toggles,
// and the interaction (drag, wheel and pinch zoom about the pointer, double-click,
// keys, fit, animated fly-to, hover, click to select).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/pacer.hpp"
#include "app/state.hpp"
#include "geo/cluster.hpp"
#include "geo/map_asset.hpp"
#include "geo/projection.hpp"
#include "render/map_renderer.hpp"
#include "ui/theme.hpp"

struct ImFont;

namespace atlas::ui {

// The basemap's colours in a theme (sea, land, tinted countries, borders, coasts): the
// markers' kind colours must stand out on them (tests/ui/test_theme_contrast.cpp).
render::MapStyle map_style(Theme theme);

class MapView {
 public:
  // The basemap and its GL resources; without them the pane says why and still shows
  // markers on a plain background.
  void init(const geo::MapAsset* asset, render::MapRenderer* renderer, std::string error);

  // Draws the pane's contents; returns true while animating (a fly-to).
  bool draw(AppState& state, Theme theme, ImFont* small_font);

  // For the JS API and tests: the pane-relative screen position of a lon/lat in the
  // current view (logical px from the pane's top-left), and setting the view.
  geo::Vec2 project(double lon, double lat) const;
  void set_view(double lon, double lat, double zoom);
  void fit_to_data(AppState& state);
  // Animated moves (presenter steps): to a place, or to show every place.
  void fly_to_lonlat(double lon, double lat, double zoom);
  void fly_to_fit(AppState& state);
  // The selection changed because of a move made here on purpose: no automatic fly.
  void selection_handled(const std::string& id) { last_selection_ = id; }
  // Less motion (the viewer's system or View > Reduce motion): fly-to becomes a cut.
  void set_reduced_motion(bool on) { reduced_motion_ = on; }
  const geo::Camera& camera() const { return camera_; }
  // A touch pinch at (x, y) in window px: zooms about that point when it is over the map.
  bool pinch(float x, float y, double factor);
  float pane_x() const { return origin_x_; }
  float pane_y() const { return origin_y_; }
  size_t visible_marker_count() const { return visible_count_; }
  bool show_fit_button = true;
  // Working groups shown on the map (those the filters let through).
  size_t visible_group_count() const {
    size_t n = 0;
    for (const auto& g : groups_) n += g.groups.size();
    return n;
  }

 private:
  void rebuild(AppState& state);
  void interact(AppState& state, float x0, float y0);
  void select_nearest(AppState& state, geo::Vec2 center);
  void draw_markers(AppState& state, Theme theme, float x0, float y0);
  void draw_legend(AppState& state, Theme theme, float x0, float y0, float w, float h);
  void draw_compact_legend(AppState& state, Theme theme, float x0, float y0, float h, float line);
  int legend_open_ = -1;  // -1: by the map's size; 0: one row; 1: with names
  void fly_to(geo::Vec2 world, double zoom);
  struct GroupMarker;
  geo::Vec2 group_screen(const GroupMarker& g) const;

  const geo::MapAsset* asset_ = nullptr;
  render::MapRenderer* renderer_ = nullptr;
  std::string error_;
  geo::Camera camera_;
  geo::FlyTo fly_;
  bool reduced_motion_ = false;
  double fly_start_ = -1, fly_duration_ = 0;
  bool fitted_ = false;
  float origin_x_ = 0, origin_y_ = 0;

  // Markers, rebuilt when the data or the filters change.
  uint64_t built_data_ = ~uint64_t(0), built_filters_ = ~uint64_t(0);
  RebuildPacer pacer_;  // playback at 100,000 events: cluster rebuilds spaced out
  geo::ClusterIndex clusters_;
  std::vector<geo::MarkerPoint> points_;     // reused between rebuilds
  std::vector<geo::VisibleMarker> visible_;  // reused every frame
  size_t visible_count_ = 0;
  std::vector<int> tinted_;  // countries with roundtables or working groups
  struct GroupMarker {
    geo::Vec2 world;
    std::string country;
    std::vector<size_t> groups;  // working-group indices
  };
  std::vector<GroupMarker> groups_;
  std::vector<uint32_t> event_place_;  // event index -> place index (or ~0)
  std::string last_selection_;
  int hovered_ = -1;        // index into visible_
  int hovered_group_ = -1;  // index into groups_
};

}  // namespace atlas::ui
