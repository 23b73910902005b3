// timeline_view.cpp — see timeline_view.hpp.
//
// Index
//   1. Items from the dataset (events, working groups) into lanes
//   2. Frame: toolbar, axis with brush and playhead, rows of items
//   3. Items: input, the window's shade, lane headers, today, the spans (point, window of
//      possible dates, bar, merged box; each marked by its plan status: marks.hpp), the
//      playhead, hover and clicks
#include "ui/timeline_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "app/mirror.hpp"
#include "core/countries.hpp"
#include "core/i18n.hpp"
#include "timeline/marks.hpp"
#include "ui/drag.hpp"

namespace atlas::ui {

namespace {

constexpr float kAxisHeight = 40.0f;
constexpr uint32_t kGroupsLane = uint32_t(EventKind::Count);  // working groups, by kind

// Play speeds in days per second of playback.
constexpr struct {
  const char* label;
  double days_per_s;
} kSpeeds[] = {{N_("1 month/s"), 30.4}, {N_("1 year/s"), 365.25}, {N_("5 years/s"), 1826.0}};

float text_width(std::string_view s) {
  return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x;
}

ImU32 with_alpha(ImU32 c, float a) {
  return (c & 0x00FFFFFF) | (ImU32(std::clamp(a, 0.0f, 1.0f) * 255.0f) << 24);
}

}  // namespace

// -----------------------------------------------------------------------------------
// 1. Items into lanes
// -----------------------------------------------------------------------------------
void TimelineView::rebuild(const AppState& state) {
  const Dataset& d = state.dataset;
  built_today_ = today_;
  built_statuses_ = state.filters().statuses;
  items_.clear();
  lane_titles_.clear();
  std::map<std::string, uint32_t> keys;  // country or organisation -> lane key
  auto key_for = [&](const std::string& name) {
    auto [it, fresh] = keys.emplace(name, uint32_t(keys.size()));
    return it->second;
  };
  std::map<std::string_view, const Place*> places;
  for (const auto& p : d.places) places.emplace(p.id, &p);

  auto add = [&](uint32_t id, const edtf::Value& v, uint32_t lane, bool interval) {
    timeline::TimelineItem it;
    it.id = id;
    it.lane = lane;
    it.earliest_day = v.earliest();
    it.latest_day = v.latest();
    if (it.earliest_day <= edtf::kUnboundedPast) {
      // An open or unknown start: from what the end says, as far as it can go.
      it.flags |= timeline::kItemOpenStart;
      it.earliest_day = v.end_kind == edtf::End::Date ? v.end.earliest_day() : today_;
    }
    if (it.latest_day >= edtf::kUnboundedFuture) {
      it.flags |= timeline::kItemOpenEnd;
      it.latest_day = std::max(today_, it.earliest_day);
    }
    if (v.uncertain()) it.flags |= timeline::kItemUncertain;
    if (v.approximate()) it.flags |= timeline::kItemApproximate;
    if (interval) it.flags |= timeline::kItemInterval;
    items_.push_back(it);
  };
  for (uint32_t i = 0; i < d.events.size(); ++i) {
    const Event& e = d.events[i];
    if (!e.date || !state.filters().kinds[size_t(e.kind)] || !state.filters().statuses.shows(e))
      continue;
    // Exact days that lasted are a bar; a window of possible dates is not (marks.hpp).
    const bool lasted = timeline::date_shape(*e.date) == timeline::DateShape::Duration;
    switch (group_by_) {
      case GroupBy::Kind:
        add(i, *e.date, uint32_t(e.kind), lasted);
        break;
      case GroupBy::Country: {
        auto p = places.find(e.place);
        std::string c = p == places.end() ? "" : p->second->country;
        const Country* country = find_country(c);
        add(i, *e.date, key_for(country ? country->name : tr("No place given")), lasted);
        break;
      }
      case GroupBy::Organisation:
        if (e.organisations.empty()) add(i, *e.date, key_for(tr("No organisation named")), lasted);
        for (const auto& part : e.organisations) {
          const Organisation* o = state.organisation(part.organisation);
          add(i, *e.date, key_for(o ? o->name : part.organisation), lasted);
        }
        break;
    }
  }
  // Working groups are bars: from their start, open ends drawn to today.
  const uint32_t group_base = uint32_t(d.events.size());
  for (uint32_t g = 0; g < d.working_groups.size(); ++g) {
    const WorkingGroup& w = d.working_groups[g];
    if (!w.active) continue;
    uint32_t lane = kGroupsLane;
    if (group_by_ == GroupBy::Country) {
      const Country* c = find_country(w.country);
      lane = key_for(c ? c->name : w.country);
    } else if (group_by_ == GroupBy::Organisation) {
      lane = key_for(tr("Working groups"));
    }
    add(group_base + g, *w.active, lane, true);
  }
  if (group_by_ != GroupBy::Kind) {
    lane_titles_.resize(keys.size());
    for (const auto& [name, key] : keys) lane_titles_[key] = name;
  }
  model_.build(items_);
  timeline::RowMetrics m;
  m.lane_header = built_row_h_;
  m.row_height = built_row_h_;
  m.row_gap = 3;
  m.lane_gap = 6;
  model_.set_metrics(m);
  built_data_ = state.data_version;
  built_group_by_ = group_by_;
  std::copy(std::begin(state.filters().kinds), std::end(state.filters().kinds), built_kinds_);
}

// Into `out` (a header drawn every frame: no allocation).
void TimelineView::lane_title(uint32_t key, char* out, size_t n) const {
  if (group_by_ == GroupBy::Kind)
    std::snprintf(out, n, "%s",
                  key == kGroupsLane ? tr("Working groups") : kind_plural(EventKind(key)));
  else
    std::snprintf(out, n, "%s", key < lane_titles_.size() ? lane_titles_[key].c_str() : "");
}

void TimelineView::fit(const AppState& state) {
  (void)state;
  int64_t a, b;
  if (model_.data_range(a, b)) place(double(a), double(b) + 1.0);
}

bool TimelineView::locate(const AppState& state, const std::string& id, float& x, float& y) const {
  const Dataset& d = state.dataset;
  uint32_t handle = ~uint32_t(0);
  for (uint32_t i = 0; i < d.events.size(); ++i)
    if (d.events[i].id == id) handle = i;
  for (uint32_t g = 0; g < d.working_groups.size(); ++g)
    if (d.working_groups[g].id == id) handle = uint32_t(d.events.size()) + g;
  timeline::TimelineModel::Location loc;
  if (handle == ~uint32_t(0) || !model_.locate(handle, loc)) return false;
  const timeline::VisualRow& row = model_.visual_rows()[loc.visual_row];
  double x0 = scale_.x(loc.day0), x1 = scale_.x(loc.day1);
  x = pane_x_ + float(std::max(x0, std::min(x0 + 4.0, (x0 + x1) / 2)));
  y = rows_top_ + (row.y0 + row.y1) * 0.5f - scroll_;
  return true;
}

// -----------------------------------------------------------------------------------
// 2. Frame
// -----------------------------------------------------------------------------------
void TimelineView::toolbar(AppState& state) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("Lanes"));
  ImGui::SameLine();
  const char* names[] = {tr("by kind"), tr("by country"), tr("by organisation")};
  int g = int(group_by_);
  ImGui::SetNextItemWidth(150);
  if (ImGui::Combo("##groupby", &g, names, 3)) group_by_ = GroupBy(g);
  ImGui::SameLine();
  if (ImGui::Button(tr("Fit"))) fit(state);
  ImGui::SameLine();
  Filters f = state.filters();
  if (ImGui::Button(playing_ ? tr("Pause") : tr("Play"))) {
    playing_ = !playing_;
    play_last_ = ImGui::GetTime();
    if (playing_ && !f.playhead_on) {
      int64_t a, b;
      f.playhead_on = true;
      f.playhead = model_.data_range(a, b) ? a : today_;
    }
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110);
  const char* speed_names[] = {tr(kSpeeds[0].label), tr(kSpeeds[1].label), tr(kSpeeds[2].label)};
  ImGui::Combo("##speed", &speed_, speed_names, 3);
  if (f.playhead_on) {
    ImGui::SameLine();
    if (ImGui::Button(tr("Stop"))) {
      f.playhead_on = false;
      playing_ = false;
    }
  }
  if (f.window_on) {
    ImGui::SameLine();
    if (ImGui::Button(tr("Clear range"))) f.window_on = false;
  }
  state.set_filters(f);
  ImGui::SameLine();
  size_t shown = state.visible_event_count();
  ImGui::TextDisabled("%s", trn("{shown} of {count} event shown", "{shown} of {count} events shown",
                                static_cast<long long>(state.dataset.events.size()),
                                {{"shown", i18n::format_number(static_cast<long long>(shown))}})
                                .c_str());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", tr("Drag on the dates above the lanes to show only a range of time."));
}

bool TimelineView::draw(AppState& state, Theme theme, ImFont* small_font, bool toolbar) {
  // Rows are as tall as the body text or the labels, whichever is taller (the presenter
  // draws the labels in a projector-sized font).
  if (small_font) ImGui::PushFont(small_font);
  const float label_h = ImGui::GetTextLineHeight();
  if (small_font) ImGui::PopFont();
  const float row_h = std::max(ImGui::GetTextLineHeight(), label_h) + 4;
  if (built_data_ != state.data_version || built_group_by_ != group_by_ || built_row_h_ != row_h ||
      built_today_ != today_ || !(built_statuses_ == state.filters().statuses) ||
      !std::equal(std::begin(built_kinds_), std::end(built_kinds_),
                  std::begin(state.filters().kinds))) {
    built_row_h_ = row_h;
    bool new_data = built_data_ != state.data_version;
    rebuild(state);
    if (new_data && !show_pending_) fitted_ = false;
  }
  show_pending_ = false;
  in_pane_ = toolbar;
  if (toolbar) this->toolbar(state);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  if (size.x < 20 || size.y < kAxisHeight + 10) return playing_;
  pane_x_ = pos.x;
  pane_y_ = pos.y;
  pane_h_ = size.y;
  if (placed_ && double(size.x) != scale_.width_px) {
    scale_.set_width(size.x);
    scale_.show(placed_days_[0], placed_days_[1], 40);
  }
  scale_.set_width(size.x);
  if (!fitted_) {
    fit(state);
    fitted_ = true;
  }

  // Playback moves the playhead; the map shows what had happened by then.
  // With less motion asked for, the playhead holds still and jumps every kCutSeconds
  // (cuts, not a sweep), at the same speed overall.
  if (playing_ && !(reduced_motion_ && ImGui::GetTime() - play_last_ < kCutSeconds)) {
    double now = ImGui::GetTime();
    Filters f = state.filters();
    // A fractional position, so the speed is the same at any frame rate (a whole day per
    // frame would run fast at 60 Hz and never move at a speed under a day per frame).
    if (int64_t(std::floor(play_pos_)) != f.playhead) play_pos_ = double(f.playhead);
    play_pos_ += (now - play_last_) * kSpeeds[speed_].days_per_s;
    f.playhead = int64_t(std::floor(play_pos_));
    play_last_ = now;
    int64_t a, b;
    if (model_.data_range(a, b) && f.playhead > std::max(b, today_)) {
      f.playhead = std::max(b, today_);
      playing_ = false;
    }
    state.set_filters(f);
    double x = scale_.x(double(f.playhead));
    if (x < 0 || x > size.x) {
      scale_.origin_day = double(f.playhead) - size.x * 0.5 / scale_.px_per_day;
      placed_ = false;
    }
  }

  if (small_font) ImGui::PushFont(small_font);
  ImGui::PushClipRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), true);
  draw_axis(state, theme, pos.x, pos.y, size.x, kAxisHeight);
  draw_items(state, theme, pos.x, pos.y + kAxisHeight, size.x, size.y - kAxisHeight);
  ImGui::PopClipRect();
  if (small_font) ImGui::PopFont();
  return playing_;
}

void TimelineView::draw_axis(AppState& state, Theme theme, float x0, float y0, float w, float h) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool dark = is_dark(theme);
  dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + w, y0 + h),
                    dark ? IM_COL32(30, 33, 40, 255) : IM_COL32(240, 242, 246, 255));
  timeline::generate_ticks(scale_, 0, w, text_width, timeline::TickStyle{}, ticks_);
  const ImU32 tick_col = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
  const float line_h = ImGui::GetTextLineHeight();
  if (!ticks_.context_text().empty()) dl->AddText(ImVec2(x0 + 4, y0 + 2), tick_col, ticks_.context);
  for (const auto& t : ticks_.ticks) {
    float x = x0 + t.x;
    float len = t.major ? 10.0f : 5.0f;
    dl->AddLine(ImVec2(x, y0 + h - len), ImVec2(x, y0 + h), tick_col);
    if (t.label_w > 0)
      dl->AddText(ImVec2(x0 + t.label_x, y0 + h - len - line_h - 1), text_col, t.label);
  }

  // The axis band takes the brush: drag to choose a range; a click clears it.
  ImGui::SetCursorScreenPos(ImVec2(x0, y0));
  ImGui::InvisibleButton("##axis", ImVec2(w, h));
  ImGuiIO& io = ImGui::GetIO();
  Filters f = state.filters();
  double day = scale_.day_at(io.MousePos.x - x0);
  if (ImGui::IsItemActivated()) {
    brushing_ = true;
    brush_anchor_ = day;
  }
  if (brushing_ && ImGui::IsItemActive() && dragged()) {
    f.window_on = true;
    f.window_first = int64_t(std::floor(std::min(day, brush_anchor_)));
    f.window_last = int64_t(std::floor(std::max(day, brush_anchor_)));
  }
  if (ImGui::IsItemDeactivated()) {
    if (!dragged()) f.window_on = false;
    brushing_ = false;
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (!brushing_)
      ImGui::SetTooltip("%s", trf("{date}\nDrag to show only a range of time",
                                  {{"date", edtf::describe_day(int64_t(day))}})
                                  .c_str());
  }
  state.set_filters(f);
}

// -----------------------------------------------------------------------------------
// 3. Items: input, the window's shade, lane headers, today, the spans, the playhead,
//    the pointer
// -----------------------------------------------------------------------------------
void TimelineView::draw_items(AppState& state, Theme theme, float x0, float y0, float w, float h) {
  rows_top_ = y0;
  // The whole area takes drag (pan), wheel (zoom about the pointer) and clicks.
  ImGui::SetCursorScreenPos(ImVec2(x0, y0));
  ImGui::InvisibleButton("##rows", ImVec2(w, h));
  const bool hovered = ImGui::IsItemHovered();
  rows_input(hovered, x0, w, h);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool dark = is_dark(theme);
  const Filters& f = state.filters();
  if (f.window_on) {
    // Brush: shade what is outside the window.
    float a = x0 + float(scale_.x(double(f.window_first)));
    float b = x0 + float(scale_.x(double(f.window_last + 1)));
    ImU32 shade = dark ? IM_COL32(0, 0, 0, 110) : IM_COL32(120, 130, 150, 60);
    dl->AddRectFilled(ImVec2(x0, y0 - kAxisHeight), ImVec2(std::max(x0, a), y0 + h), shade);
    dl->AddRectFilled(ImVec2(std::min(x0 + w, b), y0 - kAxisHeight), ImVec2(x0 + w, y0 + h), shade);
    dl->AddLine(ImVec2(a, y0 - kAxisHeight), ImVec2(a, y0 + h), IM_COL32(59, 130, 246, 255), 2.0f);
    dl->AddLine(ImVec2(b, y0 - kAxisHeight), ImVec2(b, y0 + h), IM_COL32(59, 130, 246, 255), 2.0f);
  }
  draw_lane_headers(dark, x0, y0, w, h);
  // Today.
  float tx = x0 + float(scale_.x(double(today_)));
  if (tx >= x0 && tx <= x0 + w) {
    dl->AddLine(ImVec2(tx, y0 - kAxisHeight), ImVec2(tx, y0 + h), IM_COL32(220, 38, 38, 200), 1.5f);
    dl->AddText(ImVec2(tx + 3, y0 - kAxisHeight + 2), IM_COL32(220, 38, 38, 255), tr("today"));
  }
  draw_spans(state, theme, x0, y0, w, h);
  if (f.playhead_on) {
    float px = x0 + float(scale_.x(double(f.playhead)));
    dl->AddLine(ImVec2(px, y0 - kAxisHeight), ImVec2(px, y0 + h), IM_COL32(234, 88, 12, 255), 2.0f);
    dl->AddTriangleFilled(ImVec2(px - 6, y0 - kAxisHeight), ImVec2(px + 6, y0 - kAxisHeight),
                          ImVec2(px, y0 - kAxisHeight + 8), IM_COL32(234, 88, 12, 255));
  }
  if (hovered) rows_pointer(state, x0, y0);
  if (keyboard_step_ != 0) {
    if (std::string id = neighbour_in_time_order(state, keyboard_step_); !id.empty())
      state.select(id);
    keyboard_step_ = 0;
  }
}

// Drag pans time (and scrolls the rows), the wheel zooms about the pointer (with Shift
// it scrolls), + and - zoom about the middle.
void TimelineView::rows_input(bool hovered, float x0, float w, float h) {
  ImGuiIO& io = ImGui::GetIO();
  if (float dx, dy; item_drag(dx, dy)) {
    scale_.pan(dx);
    placed_ = false;
    scroll_ -= dy;
  }
  if (hovered && io.MouseWheel != 0) {
    if (io.KeyShift) {
      scroll_ -= io.MouseWheel * 40;
    } else {
      scale_.zoom_about(io.MousePos.x - x0, std::pow(1.25, io.MouseWheel));
      placed_ = false;
    }
  }
  if (in_pane_ && ImGui::IsWindowFocused() && !io.WantTextInput) {
    // Arrows move the selection through the items in time order (the listbox's order);
    // on the presenter's stage (no toolbar) they are the presenter's: steps.
    const bool next =
        ImGui::IsKeyPressed(ImGuiKey_RightArrow) || ImGui::IsKeyPressed(ImGuiKey_DownArrow);
    const bool prev =
        ImGui::IsKeyPressed(ImGuiKey_LeftArrow) || ImGui::IsKeyPressed(ImGuiKey_UpArrow);
    if (next != prev) keyboard_step_ = next ? 1 : -1;
  }
  if (hovered || ImGui::IsWindowFocused()) {
    if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd))
      zoom(1.5, w * 0.5);
    if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract))
      zoom(1 / 1.5, w * 0.5);
  }
  scroll_ = std::clamp(scroll_, 0.0f, std::max(0.0f, model_.content_height() - h + 8));
}

// Lane headers (click to collapse) and the rows' alternating background.
void TimelineView::draw_lane_headers(bool dark, float x0, float y0, float w, float h) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  for (const auto& lane : model_.lanes()) {
    float ly0 = y0 + lane.y0 - scroll_, ly1 = y0 + lane.y1 - scroll_;
    if (ly1 < y0 || ly0 > y0 + h) continue;
    dl->AddRectFilled(ImVec2(x0, ly0), ImVec2(x0 + w, y0 + lane.rows_y0 - scroll_),
                      dark ? IM_COL32(255, 255, 255, 10) : IM_COL32(0, 0, 0, 8));
    char title[128], head[160];
    lane_title(lane.key, title, sizeof title);
    std::snprintf(head, sizeof head, "%s %s  (%u)", lane.collapsed ? ">" : "v", title,
                  lane.item_count);
    dl->AddText(ImVec2(x0 + 6, ly0 + 1), lane.collapsed ? dim : text_col, head);
  }
}

// Items in view (culled and merged by the model; the buffers are reused).
void TimelineView::draw_spans(const AppState& state, Theme theme, float x0, float y0, float w,
                              float h) {
  const Dataset& d = state.dataset;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  timeline::VisitOptions opts;
  opts.min_px = 4.0f;
  opts.merge_gap_px = 2.0f;
  model_.visible(scale_, {0, double(w), scroll_, scroll_ + h}, opts, visible_);
  timeline::TimelineModel::Location sel{};
  uint32_t handle = state.selected_event() >= 0 ? uint32_t(state.selected_event())
                    : state.selected_group() >= 0
                        ? uint32_t(d.events.size() + size_t(state.selected_group()))
                        : ~uint32_t(0);
  const bool has_sel = handle != ~uint32_t(0) && model_.locate(handle, sel);
  const float line_h = ImGui::GetTextLineHeight();
  for (const auto& span : visible_.spans) {
    if (span.single()) {
      draw_span(state, theme, span, x0, y0, has_sel ? &sel : nullptr);
      continue;
    }
    // Too small to draw one by one: a marked box with the count (as Tracy does).
    const timeline::VisualRow& row = model_.visual_rows()[span.visual_row];
    float ry0 = y0 + row.y0 - scroll_, ry1 = y0 + row.y1 - scroll_;
    float sx0 = x0 + span.x0, sx1 = x0 + std::max(span.x1, span.x0 + 1);
    ImU32 col = is_dark(theme) ? IM_COL32(148, 163, 184, 200) : IM_COL32(100, 116, 139, 200);
    dl->AddRectFilled(ImVec2(sx0, ry0 + 2), ImVec2(sx1, ry1 - 2), col, 2.0f);
    char buf[24];
    std::snprintf(buf, sizeof buf, "%u", span.count);
    float tw = text_width(buf);
    if (sx1 - sx0 > tw + 4)
      dl->AddText(ImVec2((sx0 + sx1 - tw) * 0.5f, (ry0 + ry1) * 0.5f - line_h * 0.5f),
                  IM_COL32(255, 255, 255, 255), buf);
  }
}

// One item: a point (one known day), a bar (something that lasted), or a faded range (a
// date known only as a range); hatched when uncertain or approximate; outlined when
// selected; its label where there is room.
void TimelineView::draw_span(const AppState& state, Theme theme, const timeline::Span& span,
                             float x0, float y0,
                             const timeline::TimelineModel::Location* selected) {
  const Dataset& d = state.dataset;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const timeline::VisualRow& row = model_.visual_rows()[span.visual_row];
  float ry0 = y0 + row.y0 - scroll_, ry1 = y0 + row.y1 - scroll_;
  float cy = (ry0 + ry1) * 0.5f;
  float sx0 = x0 + span.x0, sx1 = x0 + std::max(span.x1, span.x0 + 1);
  const uint32_t group_base = uint32_t(d.events.size());
  uint32_t id = span.first_id;
  bool is_group = id >= group_base;
  const Event* e = is_group ? nullptr : &d.events[id];
  const WorkingGroup* g = is_group ? &d.working_groups[id - group_base] : nullptr;
  ImU32 col = kind_color(e ? e->kind : EventKind::WorkingGroupMeeting, theme);
  const Filters& f = state.filters();
  bool faded = f.playhead_on && span.day0 > double(f.playhead);
  if (e && !state.event_visible(*e) && !faded) faded = true;
  if (faded) col = with_alpha(col, 0.3f);
  const uint8_t fl = span.item_flags;
  const bool point = !(fl & timeline::kItemInterval) && span.day1 - span.day0 <= 1.0;
  // The plan status (marks.hpp): held and unknown filled, plans outlined, cancelled
  // struck through, postponed outlined with an arrow from the date it had.
  const timeline::StatusMark mark =
      e ? timeline::status_mark(e->status) : timeline::StatusMark::Filled;
  const bool outlined = mark != timeline::StatusMark::Filled;
  if (mark == timeline::StatusMark::Struck) col = with_alpha(col, 0.45f);
  float label_x;
  if (point) {
    // One known day: a point (a ring for a plan).
    if (outlined)
      dl->AddCircle(ImVec2(sx0 + 2, cy), 5.0f, col, 0, 2.0f);
    else
      dl->AddCircleFilled(ImVec2(sx0 + 2, cy), 5.0f, col);
    label_x = sx0 + 10;
  } else if (fl & timeline::kItemInterval) {
    // Something that lasted (a working group, a three-day forum): a solid bar, outlined
    // for a plan; an open end fades to today.
    if (outlined) {
      dl->AddRectFilled(ImVec2(sx0, ry0 + 3), ImVec2(sx1, ry1 - 3), with_alpha(col, 0.12f), 2.0f);
      dl->AddRect(ImVec2(sx0, ry0 + 3), ImVec2(sx1, ry1 - 3), col, 2.0f, 0, 2.0f);
    } else {
      ImU32 end_col = (fl & timeline::kItemOpenEnd) ? with_alpha(col, 0.15f) : col;
      dl->AddRectFilledMultiColor(ImVec2(sx0, ry0 + 3), ImVec2(sx1, ry1 - 3), col, end_col, end_col,
                                  col);
    }
    label_x = sx0 + 4;
  } else {
    // A window of possible dates ("May 2018", "2013/2015-07", "2015-07/"): it happened
    // once, sometime in there. A faint band with no edges, and a diamond marker in its
    // middle, so it never reads as a bar that lasted the whole window.
    dl->AddRectFilled(ImVec2(sx0, ry0 + 5), ImVec2(sx1, ry1 - 5), with_alpha(col, 0.14f), 4.0f);
    const float mx = std::clamp((sx0 + sx1) * 0.5f, sx0 + 5.0f, std::max(sx0 + 5.0f, sx1 - 5.0f));
    const float r = 5.0f;
    const ImVec2 a(mx, cy - r), b(mx + r, cy), c(mx, cy + r), dd(mx - r, cy);
    if (outlined)
      dl->AddQuad(a, b, c, dd, col, 2.0f);
    else
      dl->AddQuadFilled(a, b, c, dd, col);
    label_x = sx0 + 4;
  }
  if (mark == timeline::StatusMark::Struck)
    dl->AddLine(ImVec2(sx0 - 4, cy), ImVec2(std::max(sx1, sx0 + 8) + 4, cy),
                ImGui::GetColorU32(ImGuiCol_Text), 2.0f);
  if (mark == timeline::StatusMark::Postponed && e->postponed_from) {
    // An arrow from the date it had to the date it has now.
    const int64_t from = e->postponed_from->earliest();
    if (from > edtf::kUnboundedPast && from < edtf::kUnboundedFuture) {
      const float fx = x0 + float(scale_.x(double(from)));
      const float tx = sx0 - 2;
      const ImU32 ac = with_alpha(col, 0.8f);
      dl->AddCircle(ImVec2(fx, cy), 3.0f, ac, 0, 1.5f);
      dl->AddLine(ImVec2(fx, cy), ImVec2(tx, cy), ac, 1.5f);
      const float dir = tx >= fx ? 1.0f : -1.0f;
      dl->AddTriangleFilled(ImVec2(tx, cy), ImVec2(tx - 6 * dir, cy - 4),
                            ImVec2(tx - 6 * dir, cy + 4), ac);
    }
  }
  if (fl & (timeline::kItemUncertain | timeline::kItemApproximate)) {
    // Uncertain or approximate: hatched.
    dl->PushClipRect(ImVec2(sx0, ry0 + 3), ImVec2(sx1, ry1 - 3), true);
    for (float hx = sx0 - (ry1 - ry0); hx < sx1; hx += 6)
      dl->AddLine(ImVec2(hx, ry1 - 3), ImVec2(hx + (ry1 - ry0), ry0 + 3), with_alpha(col, 0.6f),
                  1.0f);
    dl->PopClipRect();
  }
  if (selected && model_.span_contains(span, *selected))
    dl->AddRect(ImVec2(sx0 - 3, ry0), ImVec2(std::max(sx1, sx0 + 10) + 3, ry1),
                IM_COL32(250, 204, 21, 255), 3.0f, 0, 2.5f);
  // The label goes where there is room before the next item in the row: inside a bar
  // that can hold it, else just after the bar (and its selection outline), so a month
  // or a short meeting is not written over.
  float room = x0 + span.x0 + span.label_room - label_x;
  if (room <= 24) return;
  std::string& text = label_buf_;  // reused: its capacity stays between frames
  text.assign(e ? e->title : g->name);
  if (fl & timeline::kItemUncertain) text += " (?)";
  if (fl & timeline::kItemApproximate) text += " (~)";
  if (e && e->status && mark != timeline::StatusMark::Filled)
    (text += " · ") += tr(label(*e->status));
  if (!point && sx1 - sx0 < 400.0f && text_width(text) + 8.0f > sx1 - sx0) {
    label_x = std::max(sx1, sx0 + 10.0f) + 6.0f;
    room = x0 + span.x0 + span.label_room - label_x;
    if (room <= 24) return;
  }
  ImVec4 clip(label_x, ry0, label_x + room - 4, ry1);
  const ImU32 text_col = ImGui::GetColorU32(faded ? ImGuiCol_TextDisabled : ImGuiCol_Text);
  dl->AddText(nullptr, 0.0f, ImVec2(label_x, cy - ImGui::GetTextLineHeight() * 0.5f), text_col,
              text.c_str(), nullptr, 0.0f, &clip);
}

// Hover, click, double-click: a lane's header folds it, a merged box zooms into it, an
// item is selected (a double-click flies the map to it), empty rows clear the selection.
void TimelineView::rows_pointer(AppState& state, float x0, float y0) {
  const Dataset& d = state.dataset;
  const ImGuiIO& io = ImGui::GetIO();
  auto hit = model_.hit_test(visible_, io.MousePos.x - x0, io.MousePos.y - y0 + scroll_, 3.0f);
  const bool clicked = ImGui::IsMouseReleased(0) && !dragged();
  if (hit.header && clicked) {
    const auto& lane = model_.lanes()[size_t(hit.lane)];
    model_.set_collapsed(lane.key, !lane.collapsed);
    return;
  }
  if (!hit.span) {
    if (clicked) state.select("");
    return;
  }
  const timeline::Span& s = *hit.span;
  ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  if (!s.single()) {
    ImGui::SetTooltip(
        "%s", trn("{count} item — click to zoom in", "{count} items — click to zoom in", s.count)
                  .c_str());
    if (clicked) place(s.day0, s.day1);
    return;
  }
  const uint32_t group_base = uint32_t(d.events.size());
  uint32_t id = s.first_id;
  const std::string* item_id;
  std::string tip;
  if (id >= group_base) {
    const WorkingGroup& g = d.working_groups[id - group_base];
    item_id = &g.id;
    tip = g.name + "\n" + (g.active ? edtf::describe(*g.active) : "");
  } else {
    const Event& e = d.events[id];
    item_id = &e.id;
    const Place* p = state.place(e.place);
    tip = e.title + "\n" + (e.date ? edtf::describe(*e.date) : "") + (p ? "\n" + p->name : "");
  }
  ImGui::SetTooltip("%s", tip.c_str());
  if (clicked) state.select(*item_id);
  if (ImGui::IsMouseDoubleClicked(0)) state.request_fly_to(*item_id);
}

}  // namespace atlas::ui
