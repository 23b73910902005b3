// map_view.cpp — see map_view.hpp.
//
// Index
//   1. Building markers from the dataset (when the data or the filters change)
//   2. Drawing: the basemap callback, markers, labels, legend
//   3. Interaction: pan, zoom, fit, fly-to, hover, click
#include "ui/map_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>

#include "app/mirror.hpp"
#include "core/countries.hpp"
#include "core/i18n.hpp"
#include "timeline/marks.hpp"
#include "ui/drag.hpp"

namespace atlas::ui {

namespace {

// What the GL callback needs, captured at draw time (the callback runs later, in Render).
struct BasemapDraw {
  const render::MapRenderer* renderer = nullptr;
  geo::Camera camera;
  int level = 0;
  const std::vector<int>* tinted = nullptr;
  render::MapStyle style;
  float x = 0, y = 0, w = 0, h = 0;  // pane, display px
};
BasemapDraw g_basemap;

void basemap_callback(const ImDrawList*, const ImDrawCmd* cmd) {
  const BasemapDraw& b = g_basemap;
  ImDrawData* dd = ImGui::GetDrawData();
  if (!dd || !b.renderer) return;
  float sx = dd->FramebufferScale.x, sy = dd->FramebufferScale.y;
  float fb_h = dd->DisplaySize.y * sy;
  float px = (b.x - dd->DisplayPos.x) * sx, py = (b.y - dd->DisplayPos.y) * sy;
  GLint vx = GLint(std::lround(px)), vy = GLint(std::lround(fb_h - py - b.h * sy));
  glViewport(vx, vy, GLsizei(std::lround(b.w * sx)), GLsizei(std::lround(b.h * sy)));
  // Clip to the pane's visible part (ImGui's clip rect for this draw command).
  ImVec4 c = cmd->ClipRect;
  float cx0 = (c.x - dd->DisplayPos.x) * sx, cy0 = (c.y - dd->DisplayPos.y) * sy;
  float cx1 = (c.z - dd->DisplayPos.x) * sx, cy1 = (c.w - dd->DisplayPos.y) * sy;
  glEnable(GL_SCISSOR_TEST);
  glScissor(GLint(cx0), GLint(fb_h - cy1), GLsizei(cx1 - cx0), GLsizei(cy1 - cy0));
  b.renderer->draw(b.camera, b.level, *b.tinted, b.style, sx);
}

void set4(float* dst, ImU32 c) {
  ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
  dst[0] = v.x;
  dst[1] = v.y;
  dst[2] = v.z;
  dst[3] = v.w;
}

// A marker's shape says its kind even without colour (print, colour blindness).
void draw_shape(ImDrawList* dl, ImVec2 c, float r, EventKind kind, ImU32 fill, ImU32 edge) {
  switch (kind) {
    case EventKind::Forum:
      dl->AddRectFilled(ImVec2(c.x - r * 0.85f, c.y - r * 0.85f),
                        ImVec2(c.x + r * 0.85f, c.y + r * 0.85f), fill, r * 0.2f);
      dl->AddRect(ImVec2(c.x - r * 0.85f, c.y - r * 0.85f),
                  ImVec2(c.x + r * 0.85f, c.y + r * 0.85f), edge, r * 0.2f, 0, 1.5f);
      break;
    case EventKind::WorkingGroupMeeting: {
      ImVec2 a(c.x, c.y - r), b(c.x + r, c.y + r * 0.8f), d(c.x - r, c.y + r * 0.8f);
      dl->AddTriangleFilled(a, b, d, fill);
      dl->AddTriangle(a, b, d, edge, 1.5f);
      break;
    }
    case EventKind::Campaign: {
      ImVec2 p[4] = {{c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}};
      dl->AddConvexPolyFilled(p, 4, fill);
      dl->AddPolyline(p, 4, edge, ImDrawFlags_Closed, 1.5f);
      break;
    }
    case EventKind::Other:
      dl->AddNgonFilled(c, r, fill, 6);
      dl->AddNgon(c, r, edge, 6, 1.5f);
      break;
    default:  // roundtables
      dl->AddCircleFilled(c, r, fill);
      dl->AddCircle(c, r, edge, 0, 1.5f);
  }
}

// One place's marker, shaped by its first event's kind and marked by the plans there, as
// on the timeline (timeline/marks.hpp): filled when any event here was held (or has no
// status), outlined when all are plans, struck through when every one was cancelled.
void plan_marker(ImDrawList* dl, ImVec2 c, float r, const Dataset& d, const geo::ItemSpan& items,
                 Theme theme, ImU32 edge) {
  const Event& first = d.events[*items.begin()];
  bool any_filled = false, all_struck = true;
  for (uint32_t it : items) {
    const timeline::StatusMark mark = timeline::status_mark(d.events[it].status);
    any_filled |= mark == timeline::StatusMark::Filled;
    all_struck &= mark == timeline::StatusMark::Struck;
  }
  const ImU32 kc = kind_color(first.kind, theme);
  if (any_filled) {
    draw_shape(dl, c, r, first.kind, kc, edge);
  } else {
    draw_shape(dl, c, r, first.kind, (kc & 0x00FFFFFF) | 0x38000000, kc);
    draw_shape(dl, c, r - 2.0f, first.kind, 0, kc);  // a thicker outline
  }
  if (all_struck) dl->AddLine(ImVec2(c.x - r - 3, c.y), ImVec2(c.x + r + 3, c.y), edge, 2.5f);
}

}  // namespace

render::MapStyle map_style(Theme theme) {
  render::MapStyle s;
  if (is_dark(theme)) {
    set4(s.sea, IM_COL32(24, 33, 46, 255));
    set4(s.land, IM_COL32(52, 58, 68, 255));
    set4(s.tint, IM_COL32(58, 72, 100, 255));  // dark enough for every marker at 3:1
    set4(s.border, IM_COL32(110, 118, 130, 200));
    set4(s.coast, IM_COL32(120, 140, 165, 230));
  } else {
    set4(s.sea, IM_COL32(205, 223, 240, 255));
    set4(s.land, IM_COL32(246, 244, 238, 255));
    set4(s.tint, IM_COL32(226, 232, 246, 255));
    set4(s.border, IM_COL32(160, 160, 168, 220));
    set4(s.coast, IM_COL32(120, 150, 185, 255));
  }
  return s;
}

void MapView::init(const geo::MapAsset* asset, render::MapRenderer* renderer, std::string error) {
  asset_ = asset;
  renderer_ = renderer;
  error_ = std::move(error);
  camera_.min_zoom = 0;
  camera_.max_zoom = 12;
}

// -----------------------------------------------------------------------------------
// 1. Building markers
// -----------------------------------------------------------------------------------
void MapView::rebuild(AppState& state) {
  const Dataset& d = state.dataset;
  std::unordered_map<std::string_view, uint32_t> place_index;
  for (uint32_t i = 0; i < d.places.size(); ++i) place_index.emplace(d.places[i].id, i);
  event_place_.assign(d.events.size(), ~uint32_t(0));
  points_.clear();
  for (uint32_t i = 0; i < d.events.size(); ++i) {
    const Event& e = d.events[i];
    auto it = e.place.empty() ? place_index.end() : place_index.find(e.place);
    if (it == place_index.end()) continue;
    const Place& p = d.places[it->second];
    if (!p.lat) continue;
    event_place_[i] = it->second;
    if (!state.event_visible(e)) continue;
    points_.push_back({geo::lonlat_to_world(*p.lon, *p.lat), i, it->second});
  }
  clusters_.build(points_.data(), points_.size());

  // Countries to tint, and working groups on their country's label anchor.
  tinted_.clear();
  groups_.clear();
  if (asset_) {
    auto tint = [&](const std::string& code) {
      int c = geo::map_find_country(*asset_, code);
      if (c >= 0 && std::find(tinted_.begin(), tinted_.end(), c) == tinted_.end())
        tinted_.push_back(c);
      return c;
    };
    for (uint32_t i = 0; i < d.events.size(); ++i)
      if (d.events[i].kind == EventKind::Roundtable && event_place_[i] != ~uint32_t(0))
        tint(d.places[event_place_[i]].country);
    for (size_t g = 0; g < d.working_groups.size(); ++g) {
      const WorkingGroup& w = d.working_groups[g];
      int c = tint(w.country);
      // Tinted for the whole story; the badge only while the filters let the group show.
      if (c < 0 || !state.group_visible(w)) continue;
      auto it = std::find_if(groups_.begin(), groups_.end(),
                             [&](const GroupMarker& m) { return m.country == w.country; });
      if (it == groups_.end()) {
        const geo::MapCountry& mc = asset_->countries[size_t(c)];
        groups_.push_back({{mc.anchor_x, mc.anchor_y}, w.country, {}});
        it = groups_.end() - 1;
      }
      it->groups.push_back(g);
    }
  }
  built_data_ = state.data_version;
  built_filters_ = state.filter_version;
}

void MapView::fit_to_data(AppState& state) {
  std::vector<geo::Vec2> pts;
  for (const auto& p : state.dataset.places)
    if (p.lat) pts.push_back(geo::lonlat_to_world(*p.lon, *p.lat));
  geo::WorldBounds b = geo::bounds_of(pts.data(), pts.size());
  camera_.fit(b, 48, 6);
}

geo::Vec2 MapView::project(double lon, double lat) const {
  geo::Vec2 w = geo::lonlat_to_world(lon, lat);
  w.x = camera_.nearest_copy(w.x);
  return camera_.world_to_screen(w);
}

void MapView::set_view(double lon, double lat, double zoom) {
  camera_.center = geo::lonlat_to_world(lon, lat);
  camera_.zoom = zoom;
  camera_.constrain();
  fly_start_ = -1;
  fitted_ = true;
}

void MapView::fly_to_lonlat(double lon, double lat, double zoom) {
  fly_to(geo::lonlat_to_world(lon, lat), zoom);
}

void MapView::fly_to_fit(AppState& state) {
  geo::Camera before = camera_;
  fit_to_data(state);
  geo::Camera target = camera_;
  camera_ = before;
  fly_to(target.center, target.zoom);
}

void MapView::fly_to(geo::Vec2 world, double zoom) {
  fly_ = geo::FlyTo(camera_, world, zoom);
  fly_start_ = ImGui::GetTime();
  // A cut: the flight's end at once (the next draw takes t >= 1).
  fly_duration_ = reduced_motion_ ? 0.0 : fly_.duration_s(1.2, 0.35, 2.0);
}

// -----------------------------------------------------------------------------------
// 2. Drawing
// -----------------------------------------------------------------------------------
bool MapView::draw(AppState& state, Theme theme, ImFont* small_font) {
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  if (size.x < 10 || size.y < 10) return false;
  origin_x_ = pos.x;
  origin_y_ = pos.y;
  camera_.viewport = {size.x, size.y};
  bool rebuild_waiting = false;
  if (state.data_version != built_data_ || state.filter_version != built_filters_) {
    bool new_data = state.data_version != built_data_;
    double start = steady_seconds();
    if (pacer_.may_rebuild(start, new_data)) {
      rebuild(state);
      pacer_.rebuilt(start, steady_seconds());
      if (new_data) fitted_ = false;
    } else {
      rebuild_waiting = true;  // playback at a large scale: catch up in a moment
    }
  }
  if (!fitted_) {
    fit_to_data(state);
    fitted_ = true;
  }
  camera_.constrain();

  // A selection made elsewhere (list, timeline): fly there when it is out of view.
  const std::string fly_request = state.take_fly_to();
  if (state.selection() != last_selection_ || !fly_request.empty()) {
    const std::string& id = fly_request.empty() ? state.selection() : fly_request;
    const Event* e = state.event(id);
    const Place* p = e ? state.place(e->place) : state.place(id);
    std::optional<geo::Vec2> target;
    if (p && p->lat) target = geo::lonlat_to_world(*p->lon, *p->lat);
    // A working group stands on its country.
    if (const WorkingGroup* g = state.working_group(id); g && asset_) {
      int c = geo::map_find_country(*asset_, g->country);
      if (c >= 0)
        target =
            geo::Vec2{asset_->countries[size_t(c)].anchor_x, asset_->countries[size_t(c)].anchor_y};
    }
    if (target) {
      geo::Vec2 w = *target;
      geo::Vec2 s = camera_.world_to_screen({camera_.nearest_copy(w.x), w.y});
      bool outside = s.x < 20 || s.y < 20 || s.x > size.x - 20 || s.y > size.y - 20;
      if (outside || !fly_request.empty()) fly_to(w, std::max(camera_.zoom, 4.0));
    }
    last_selection_ = state.selection();
  }
  bool animating = rebuild_waiting;
  if (fly_start_ >= 0) {
    double t = (ImGui::GetTime() - fly_start_) / std::max(1e-3, fly_duration_);
    geo::Camera c = fly_.at(geo::ease_in_out(std::min(1.0, t)));
    c.viewport = camera_.viewport;
    camera_ = c;
    if (t >= 1) fly_start_ = -1;
    animating = true;
  }

  // Two layers: the legend and the Fit button go on top (channel 1) and are submitted
  // first, so they take the pointer before the map's own button underneath them.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::PushClipRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), true);
  if (small_font) ImGui::PushFont(small_font);
  draw_legend(state, theme, pos.x, pos.y, size.x, size.y);
  dl->ChannelsSetCurrent(0);
  if (renderer_ && renderer_->ready() && asset_) {
    g_basemap.renderer = renderer_;
    g_basemap.camera = camera_;
    g_basemap.level = geo::map_level_for_zoom(*asset_, camera_.zoom);
    g_basemap.tinted = &tinted_;
    g_basemap.style = map_style(theme);
    g_basemap.x = pos.x;
    g_basemap.y = pos.y;
    g_basemap.w = size.x;
    g_basemap.h = size.y;
    dl->AddCallback(basemap_callback, nullptr);
    dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  } else {
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y),
                      is_dark(theme) ? IM_COL32(24, 33, 46, 255) : IM_COL32(205, 223, 240, 255));
  }
  ImGui::SetCursorScreenPos(pos);
  ImGui::InvisibleButton("##map", size,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  interact(state, pos.x, pos.y);
  draw_markers(state, theme, pos.x, pos.y);
  if (!error_.empty())
    dl->AddText(ImVec2(pos.x + 10, pos.y + 10), IM_COL32(180, 30, 30, 255),
                trf("The basemap is not available: {reason}", {{"reason", error_}}).c_str());
  if (small_font) ImGui::PopFont();
  ImGui::PopClipRect();
  dl->ChannelsMerge();
  return animating;
}

void MapView::draw_markers(AppState& state, Theme theme, float x0, float y0) {
  const Dataset& d = state.dataset;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const geo::MarkerStyle style;
  // Query into the reused buffer; grow it only when the view holds more.
  size_t n = clusters_.query(camera_, visible_.data(), visible_.size(), style.max_radius_px);
  if (n > visible_.size()) {
    visible_.resize(n + n / 2);
    n = clusters_.query(camera_, visible_.data(), visible_.size(), style.max_radius_px);
  }
  visible_count_ = n;
  const bool dark = is_dark(theme);
  const ImU32 edge = dark ? IM_COL32(15, 18, 24, 255) : IM_COL32(255, 255, 255, 255);
  const ImU32 cluster_fill = dark ? IM_COL32(148, 163, 184, 235) : IM_COL32(71, 85, 105, 235);
  const ImU32 text_col = dark ? IM_COL32(230, 232, 236, 255) : IM_COL32(30, 35, 45, 255);
  const ImU32 halo = dark ? IM_COL32(20, 24, 30, 200) : IM_COL32(255, 255, 255, 210);

  // Working groups: a ring badge on their country.
  for (size_t gi_ = 0; gi_ < groups_.size(); ++gi_) {
    const GroupMarker& g = groups_[gi_];
    geo::Vec2 s = group_screen(g);
    ImVec2 c(x0 + float(s.x), y0 + float(s.y));
    ImU32 col = kind_color(EventKind::WorkingGroupMeeting, theme);
    dl->AddCircle(c, 9, col, 0, 3.0f);
    dl->AddCircleFilled(c, 4, col);
    bool sel = false;
    for (size_t gi : g.groups) sel |= d.working_groups[gi].id == state.selection();
    if (sel) dl->AddCircle(c, 14, IM_COL32(250, 204, 21, 255), 0, 3.0f);
    if (int(gi_) == hovered_group_) {
      std::string tip;
      for (size_t gi : g.groups) {
        const WorkingGroup& wg = d.working_groups[gi];
        tip += wg.name + " — " + (wg.active ? edtf::describe(*wg.active) : tr("no dates")) + "\n";
      }
      ImGui::SetTooltip("%s", tip.c_str());
    }
  }

  // Labels for single places, placed greedily so none overlap (biggest markers first).
  struct Box {
    float x0, y0, x1, y1;
  };
  static std::vector<Box> taken;
  taken.clear();
  for (size_t i = 0; i < n; ++i) {
    const geo::VisibleMarker& m = visible_[i];
    ImVec2 c(x0 + float(m.screen.x), y0 + float(m.screen.y));
    float r = float(geo::marker_radius(m.count, style));
    taken.push_back({c.x - r, c.y - r, c.x + r, c.y + r});
  }
  for (size_t i = 0; i < n; ++i) {
    const geo::VisibleMarker& m = visible_[i];
    ImVec2 c(x0 + float(m.screen.x), y0 + float(m.screen.y));
    float r = float(geo::marker_radius(m.count, style));
    geo::ItemSpan items = clusters_.items(m);
    bool selected = false;
    if (state.selected_event() >= 0)
      for (uint32_t it : items) selected |= it == uint32_t(state.selected_event());
    if (m.places > 1) {
      dl->AddCircleFilled(c, r, cluster_fill);
      dl->AddCircle(c, r, edge, 0, 2.0f);
    } else {
      plan_marker(dl, c, r, d, items, theme, edge);
    }
    if (m.count > 1) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%u", m.count);
      ImVec2 ts = ImGui::CalcTextSize(buf);
      dl->AddText(ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), IM_COL32(255, 255, 255, 255), buf);
    }
    if (selected) dl->AddCircle(c, r + 5, IM_COL32(250, 204, 21, 255), 0, 3.0f);
    if (m.places == 1 && n < 400) {
      uint32_t pi = event_place_[*items.begin()];
      const char* name = pi != ~uint32_t(0) ? d.places[pi].name.c_str() : "";
      ImVec2 ts = ImGui::CalcTextSize(name);
      Box b{c.x + r + 4, c.y - ts.y * 0.5f, c.x + r + 4 + ts.x, c.y + ts.y * 0.5f};
      bool free = true;
      for (const Box& t : taken)
        if (b.x0 < t.x1 && t.x0 < b.x1 && b.y0 < t.y1 && t.y0 < b.y1) free = false;
      if (free) {
        for (int dx = -1; dx <= 1; ++dx)
          for (int dy = -1; dy <= 1; ++dy)
            if (dx || dy) dl->AddText(ImVec2(b.x0 + dx, b.y0 + dy), halo, name);
        dl->AddText(ImVec2(b.x0, b.y0), text_col, name);
        taken.push_back(b);
      }
    }
  }
  // Hover tooltip for the marker under the pointer.
  if (hovered_ >= 0 && size_t(hovered_) < n) {
    const geo::VisibleMarker& m = visible_[size_t(hovered_)];
    geo::ItemSpan items = clusters_.items(m);
    std::string tip;
    if (m.places > 1) {
      tip = std::to_string(m.count) + " events at " + std::to_string(m.places) +
            " places — click to zoom in";
    } else {
      uint32_t pi = event_place_[*items.begin()];
      if (pi != ~uint32_t(0)) tip = d.places[pi].name + "\n";
      size_t shown = 0;
      for (uint32_t it : items) {
        if (++shown > 8) {
          tip += trn("… and {count} more", "… and {count} more",
                     static_cast<long long>(items.size - 8)) +
                 "\n";
          break;
        }
        const Event& e = d.events[it];
        tip += "• " + e.title + " — " + (e.date ? edtf::describe(*e.date) : tr("no date")) + "\n";
      }
    }
    ImGui::SetTooltip("%s", tip.c_str());
  }
}

void MapView::draw_compact_legend(AppState& state, Theme theme, float x0, float y0, float h,
                                  float line) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float cell = 22.0f;
  const float label_w = ImGui::CalcTextSize(tr("Legend")).x + 12;
  const int kinds = int(EventKind::Count);
  ImVec2 a(x0 + 8, y0 + h - 8 - line - 6);
  ImVec2 b(a.x + label_w + cell * float(kinds + 1) + 6, y0 + h - 8);
  dl->AddRectFilled(a, b, is_dark(theme) ? IM_COL32(20, 24, 30, 215) : IM_COL32(255, 255, 255, 225),
                    6.0f);
  const float cy = (a.y + b.y) * 0.5f;
  ImGui::SetCursorScreenPos(a);
  if (ImGui::InvisibleButton("##open-legend", ImVec2(label_w, b.y - a.y))) legend_open_ = 1;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Show the legend with names"));
  dl->AddText(ImVec2(a.x + 8, cy - ImGui::GetTextLineHeight() * 0.5f),
              ImGui::GetColorU32(ImGuiCol_TextDisabled), tr("Legend"));
  Filters f = state.filters();
  const ImU32 edge = is_dark(theme) ? IM_COL32(15, 18, 24, 255) : IM_COL32(255, 255, 255, 255);
  for (int k = 0; k <= kinds; ++k) {
    ImVec2 c(a.x + label_w + cell * (float(k) + 0.5f), cy);
    char name[64];
    if (k < kinds) {
      ImU32 col = kind_color(EventKind(k), theme);
      if (!f.kinds[k]) col = (col & 0x00FFFFFF) | 0x50000000;
      draw_shape(dl, c, 6, EventKind(k), col, edge);
      std::snprintf(name, sizeof name, "%s", kind_plural(EventKind(k)));
    } else {
      dl->AddCircle(c, 6, kind_color(EventKind::WorkingGroupMeeting, theme), 0, 2.5f);
      std::snprintf(name, sizeof name, "%s", tr("working groups"));
    }
    ImGui::SetCursorScreenPos(ImVec2(c.x - cell * 0.5f, a.y));
    ImGui::PushID(k);
    bool clicked = ImGui::InvisibleButton("##kind", ImVec2(cell, b.y - a.y));
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(k < kinds ? "%s (click to show or hide)" : "%s", name);
    if (clicked && k < kinds) f.kinds[k] = !f.kinds[k];
    ImGui::PopID();
  }
  state.set_filters(f);
}

void MapView::draw_legend(AppState& state, Theme theme, float x0, float y0, float w, float h) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight() + 4;
  const int rows = int(EventKind::Count) + 1;
  // On a small map the full legend would hide a third of it: one row of symbols instead
  // (each names itself on hover and still toggles its kind); a click on "Legend" switches.
  const bool small_map = h < line * float(rows) * 2.6f || w < 420;
  const bool compact = legend_open_ < 0 ? small_map : legend_open_ == 0;
  // Fit, top right, whatever the legend's size (presenter mode has its own controls there).
  if (show_fit_button) {
    ImGui::SetCursorScreenPos(ImVec2(x0 + w - 60, y0 + 8));
    if (ImGui::SmallButton(tr("Fit"))) fly_to_fit(state);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Show all the places (F)"));
  }
  if (compact) {
    draw_compact_legend(state, theme, x0, y0, h, line);
    return;
  }
  ImVec2 a(x0 + 8, y0 + h - 8 - line * float(rows) - 8);
  ImVec2 b(x0 + 8 + 200, y0 + h - 8);
  dl->AddRectFilled(a, b, is_dark(theme) ? IM_COL32(20, 24, 30, 215) : IM_COL32(255, 255, 255, 225),
                    6.0f);
  Filters f = state.filters();
  const ImU32 edge = is_dark(theme) ? IM_COL32(15, 18, 24, 255) : IM_COL32(255, 255, 255, 255);
  for (int k = 0; k < int(EventKind::Count); ++k) {
    ImVec2 row(a.x + 8, a.y + 6 + line * float(k));
    ImVec2 c(row.x + 7, row.y + line * 0.5f - 2);
    ImU32 col = kind_color(EventKind(k), theme);
    if (!f.kinds[k]) col = (col & 0x00FFFFFF) | 0x50000000;
    draw_shape(dl, c, 6, EventKind(k), col, edge);
    char label[64];
    std::snprintf(label, sizeof label, "%s", kind_plural(EventKind(k)));
    ImU32 tc = ImGui::GetColorU32(f.kinds[k] ? ImGuiCol_Text : ImGuiCol_TextDisabled);
    dl->AddText(ImVec2(row.x + 20, row.y), tc, label);
    // The row toggles the kind on the map, the timeline and the list.
    ImGui::SetCursorScreenPos(row);
    ImGui::PushID(k);
    if (ImGui::InvisibleButton("##kind", ImVec2(180, line - 2))) f.kinds[k] = !f.kinds[k];
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", trf("Show or hide {layer}", {{"layer", label}}).c_str());
    ImGui::PopID();
  }
  ImVec2 row(a.x + 8, a.y + 6 + line * float(rows - 1));
  ImU32 wg = kind_color(EventKind::WorkingGroupMeeting, theme);
  dl->AddCircle(ImVec2(row.x + 7, row.y + line * 0.5f - 2), 6, wg, 0, 2.5f);
  dl->AddText(ImVec2(row.x + 20, row.y), ImGui::GetColorU32(ImGuiCol_Text), tr("working groups"));
  // A small "−" at the top right folds it into one row.
  ImGui::SetCursorScreenPos(ImVec2(b.x - 22, a.y + 4));
  if (ImGui::InvisibleButton("##fold-legend", ImVec2(18, 18))) legend_open_ = 0;
  bool fold_hovered = ImGui::IsItemHovered();
  dl->AddLine(ImVec2(b.x - 18, a.y + 13), ImVec2(b.x - 8, a.y + 13),
              ImGui::GetColorU32(fold_hovered ? ImGuiCol_Text : ImGuiCol_TextDisabled), 2.0f);
  if (fold_hovered) ImGui::SetTooltip("%s", tr("Fold the legend into one row"));
  state.set_filters(f);
}

// -----------------------------------------------------------------------------------
// 3. Interaction
// -----------------------------------------------------------------------------------
geo::Vec2 MapView::group_screen(const GroupMarker& g) const {
  geo::Vec2 w = g.world;
  w.x = camera_.nearest_copy(w.x);
  geo::Vec2 s = camera_.world_to_screen(w);
  s.y += 18;  // below the country's own markers, which often sit at its centre
  return s;
}

bool MapView::pinch(float x, float y, double factor) {
  const geo::Vec2 p{x - origin_x_, y - origin_y_};
  if (p.x < 0 || p.y < 0 || p.x > camera_.viewport.x || p.y > camera_.viewport.y) return false;
  camera_.zoom_about(p, factor);
  fly_start_ = -1;
  return true;
}

// Enter: the marker nearest the pane's centre, as a click on it would (a cluster of
// several places zooms in; a stack selects its first event).
void MapView::select_nearest(AppState& state, geo::Vec2 center) {
  int best = -1;
  double best_d = 0;
  for (size_t i = 0; i < visible_count_; ++i) {
    const double dx = visible_[i].screen.x - center.x, dy = visible_[i].screen.y - center.y;
    if (best < 0 || dx * dx + dy * dy < best_d) {
      best = int(i);
      best_d = dx * dx + dy * dy;
    }
  }
  if (best < 0) return;
  const geo::VisibleMarker& m = visible_[size_t(best)];
  if (m.places > 1) {
    fly_to(m.world, std::min<double>(clusters_.expansion_zoom(m), camera_.max_zoom));
    return;
  }
  geo::ItemSpan items = clusters_.items(m);
  if (items.size > 0) state.select(state.dataset.events[items.data[0]].id);
}

void MapView::interact(AppState& state, float x0, float y0) {
  ImGuiIO& io = ImGui::GetIO();
  bool hovered = ImGui::IsItemHovered();
  geo::Vec2 mouse{io.MousePos.x - x0, io.MousePos.y - y0};
  hovered_ = -1;
  hovered_group_ = -1;
  if (float dx, dy; item_drag(dx, dy)) {
    camera_.pan(dx, dy);
    fly_start_ = -1;
  }
  if (hovered && io.MouseWheel != 0) {
    // Wheel and trackpad pinch (which browsers send as ctrl+wheel) zoom about the pointer.
    camera_.zoom_about(mouse, std::pow(2.0, io.MouseWheel * 0.5));
    fly_start_ = -1;
  }
  if (hovered && !state.picking().empty()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const Place* p = state.place(state.picking());
    ImGui::SetTooltip("%s",
                      p ? trf("Click where {place} is (Esc cancels)", {{"place", p->name}}).c_str()
                        : tr("Click where the place is (Esc cancels)"));
    if (ImGui::IsKeyPressed(ImGuiKey_Escape)) state.request_pick("");
  } else if (hovered) {
    hovered_ = geo::hit_test(visible_.data(), visible_count_, mouse, {}, 3.0);
    for (size_t g = 0; g < groups_.size() && hovered_ < 0; ++g) {
      geo::Vec2 s = group_screen(groups_[g]);
      if (std::hypot(mouse.x - s.x, mouse.y - s.y) < 11) hovered_group_ = int(g);
    }
    if (hovered_ >= 0 || hovered_group_ >= 0) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  }
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && hovered_ < 0) {
    geo::Vec2 target = camera_.screen_to_world(mouse);
    fly_to(target, camera_.zoom + 1);
  } else if (ImGui::IsItemDeactivated() && !dragged() &&
             ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    if (!state.picking().empty()) {
      // "Pick on map": this click gives the place its coordinates.
      geo::Vec2 ll = geo::world_to_lonlat(camera_.screen_to_world(mouse));
      state.complete_pick(std::round(ll.x * 1e4) / 1e4, std::round(ll.y * 1e4) / 1e4);
    } else if (hovered_group_ >= 0) {
      state.select(state.dataset.working_groups[groups_[size_t(hovered_group_)].groups.front()].id);
      last_selection_ = state.selection();
    } else if (hovered_ >= 0) {
      const geo::VisibleMarker& m = visible_[size_t(hovered_)];
      if (m.places > 1) {
        fly_to(m.world, std::min<double>(clusters_.expansion_zoom(m), camera_.max_zoom));
      } else {
        // A stack: each click selects the next event there.
        geo::ItemSpan items = clusters_.items(m);
        size_t next = 0;
        for (size_t i = 0; i < items.size; ++i)
          if (items.data[i] == uint32_t(state.selected_event())) next = (i + 1) % items.size;
        state.select(state.dataset.events[items.data[next]].id);
        last_selection_ = state.selection();  // chosen here: no fly
      }
    } else if (!ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
      state.select("");
      last_selection_.clear();
    }
  }
  if (hovered || ImGui::IsWindowFocused()) {
    const geo::Vec2 center{camera_.viewport.x / 2, camera_.viewport.y / 2};
    if (!io.WantTextInput) {
      if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd))
        camera_.zoom_about(center, 2.0);
      if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract))
        camera_.zoom_about(center, 0.5);
      const double step = 60;
      if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) camera_.pan(step, 0);
      if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) camera_.pan(-step, 0);
      if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) camera_.pan(0, step);
      if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) camera_.pan(0, -step);
      if (ImGui::IsKeyPressed(ImGuiKey_F)) fly_to_fit(state);
      if (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter))
        select_nearest(state, center);
      // N / P: the next or previous marker in time order (the map flies to it).
      const int order = ImGui::IsKeyPressed(ImGuiKey_N)   ? 1
                        : ImGui::IsKeyPressed(ImGuiKey_P) ? -1
                                                          : 0;
      if (order != 0)
        if (std::string id = neighbour_in_time_order(state, order, true); !id.empty())
          state.select(id);
    }
  }
}

}  // namespace atlas::ui
