// presenter.cpp — see presenter.hpp.
//
// Index
//   1. Steps: the saved story, or every event in date order after an overview (and
//      "What's next" when there are plans)
//   2. Moving between steps: selection, map fly-to, timeline window, playhead
//   3. Drawing: map over timeline, the caption card, the step counter
#include "ui/presenter.hpp"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "core/countries.hpp"
#include "core/edit.hpp"
#include "core/i18n.hpp"
#include "core/plan.hpp"

namespace atlas::ui {

namespace {
// The caption and overview cards: a rounded, translucent panel over the map, wide
// enough for big type, never taking input from the clicker's keys or the mouse.
void begin_card(const char* name, float x, float y, float w) {
  ImGui::SetNextWindowPos(ImVec2(x, y));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::SetNextWindowBgAlpha(0.88f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(22, 18));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 10.0f);
  ImGui::Begin(name, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoInputs);
}
void end_card() {
  ImGui::End();
  ImGui::PopStyleVar(2);
}

constexpr ImGuiWindowFlags kStage = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_NoBringToFrontOnFocus;
}  // namespace

// -----------------------------------------------------------------------------------
// 1. Steps
// -----------------------------------------------------------------------------------
const std::vector<Presenter::Step>& Presenter::steps(const AppState& state) {
  if (steps_version_ == state.data_version && steps_today_ == today_) return steps_;
  steps_today_ = today_;
  steps_.clear();
  const Dataset& d = state.dataset;
  if (!d.stories.empty() && !d.stories.front().steps.empty()) {
    for (const auto& s : d.stories.front().steps)
      steps_.push_back({s.item, s.map, s.timeline, s.caption});
  } else {
    steps_.push_back({});  // the overview
    // "What's next", when anything is: upcoming events, items due (core/plan).
    PlanOptions o;
    o.today = today_;
    const PlanSummary plans = plan_summary(d, o);
    if (!plans.upcoming.empty() || !plans.overdue.empty() || !plans.due_soon.empty()) {
      Step next;
      next.whats_next = true;
      steps_.push_back(next);
    }
    // Every event, in date order; those without a date last, in the file's order.
    std::vector<size_t> order;
    for (size_t i = 0; i < d.events.size(); ++i) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      const auto &da = d.events[a].date, &db = d.events[b].date;
      if (!da || !db) return da && !db;
      return edtf::compare(*da, *db) < 0;
    });
    for (size_t i : order) steps_.push_back({d.events[i].id, std::nullopt, std::nullopt, ""});
  }
  steps_version_ = state.data_version;
  return steps_;
}

// -----------------------------------------------------------------------------------
// 2. Moving
// -----------------------------------------------------------------------------------
void Presenter::enter(AppState& state, MapView& map, TimelineView& timeline, int step) {
  if (!active_) saved_filters_ = state.filters();
  active_ = true;
  leave_requested_ = false;
  go(state, map, timeline, step);
}

void Presenter::leave(AppState& state) {
  if (!active_) return;
  active_ = false;
  autoplay_ = false;
  state.set_filters(saved_filters_);
}

void Presenter::go(AppState& state, MapView& map, TimelineView& timeline, int step) {
  const auto& all = steps(state);
  if (all.empty()) return;
  step_ = std::clamp(step, 0, int(all.size()) - 1);
  step_started_ = ImGui::GetTime();
  const Step& s = all[size_t(step_)];
  state.select(s.item);
  map.selection_handled(state.selection());
  Filters f = saved_filters_;
  f.window_on = false;
  const Event* e = state.event(s.item);
  if (e) f.kinds[size_t(e->kind)] = true;  // the step's own item is never filtered away
  const Place* p = e ? state.place(e->place) : state.place(s.item);
  if (s.map)
    map.fly_to_lonlat(s.map->lon, s.map->lat, s.map->zoom);
  else if (p && p->lat)
    map.fly_to_lonlat(*p->lon, *p->lat, 4.5);
  else
    map.fly_to_fit(state);
  // The timeline shows the step's window, or a few years around the item; the playhead
  // stands at the item's end, so the map shows what had happened by then.
  const edtf::Value* when = s.window ? &*s.window : (e && e->date ? &*e->date : nullptr);
  if (const WorkingGroup* w = state.working_group(s.item); w && w->active && !when)
    when = &*w->active;
  if (s.whats_next) {
    // The weeks around today: what is coming, on the timeline's today line.
    PlanOptions o;
    timeline.show(double(today_ - 14), double(today_ + o.upcoming_days + 14));
    f.playhead_on = false;
  } else if (when && when->earliest() > edtf::kUnboundedPast) {
    int64_t a = when->earliest(), b = std::min(when->latest(), a + 366 * 30);
    if (s.window)
      timeline.show(double(a), double(b + 1));
    else
      timeline.show(double(a - 366 * 2), double(b + 366 * 2));
    f.playhead_on = true;
    f.playhead = b;
  } else {
    timeline.request_fit();
    f.playhead_on = false;
  }
  state.set_filters(f);
}

void Presenter::set_autoplay(float seconds, bool loop) {
  autoplay_ = seconds > 0;
  if (seconds > 0) interval_ = seconds;
  loop_ = loop;
}

void Presenter::keys(AppState& state, MapView& map, TimelineView& timeline) {
  using namespace ImGui;
  int n = int(steps(state).size());
  if (IsKeyPressed(ImGuiKey_RightArrow) || IsKeyPressed(ImGuiKey_PageDown) ||
      IsKeyPressed(ImGuiKey_Space) || IsKeyPressed(ImGuiKey_DownArrow))
    go(state, map, timeline, std::min(step_ + 1, n - 1));
  if (IsKeyPressed(ImGuiKey_LeftArrow) || IsKeyPressed(ImGuiKey_PageUp) ||
      IsKeyPressed(ImGuiKey_UpArrow))
    go(state, map, timeline, std::max(step_ - 1, 0));
  if (IsKeyPressed(ImGuiKey_Home)) go(state, map, timeline, 0);
  if (IsKeyPressed(ImGuiKey_End)) go(state, map, timeline, n - 1);
  if (IsKeyPressed(ImGuiKey_Escape) || IsKeyPressed(ImGuiKey_F5)) leave_requested_ = true;
  if (autoplay_ && GetTime() - step_started_ >= double(interval_)) {
    if (step_ + 1 < n)
      go(state, map, timeline, step_ + 1);
    else if (loop_)
      go(state, map, timeline, 0);
    else
      autoplay_ = false;
  }
}

namespace {
// The timeline's visible days as an EDTF interval of full dates ("2015-03-01/2016-02-10"),
// for a story step; none outside years 0–9999 (EDTF full dates have four-digit years).
std::optional<edtf::Value> window_value(double first_day, double end_day) {
  auto date = [](double day, std::string& out) {
    int64_t y;
    int m, d;
    edtf::civil_from_days(int64_t(std::floor(day)), y, m, d);
    if (y < 0 || y > 9999) return false;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(y), m, d);
    out = buf;
    return true;
  };
  std::string a, b;
  if (!date(first_day, a) || !date(std::max(first_day, end_day - 1), b)) return std::nullopt;
  return edtf::parse(a + "/" + b).value;
}
}  // namespace

void Presenter::story_editor(AppState& state, const MapView& map, const TimelineView& timeline,
                             bool* open) {
  if (!*open) return;
  ImGui::SetNextWindowSize(ImVec2(560, 480), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr("Story"), open)) {
    ImGui::End();
    return;
  }
  const Dataset& d = state.dataset;
  bool saved = !d.stories.empty();
  // The steps as the file would hold them: the saved story's, or the default ones.
  std::vector<StoryStep> steps;
  if (saved) {
    steps = d.stories.front().steps;
  } else {
    for (const auto& s : this->steps(state)) {
      StoryStep st;
      st.item = s.item;
      steps.push_back(st);
    }
  }
  ImGui::TextWrapped(
      "%s", saved ? tr("The dataset's story: presenter mode (F5) steps through it.")
                  : tr("No story is saved yet: presenter mode shows an overview, then every "
                       "event in date order. Any change below saves these steps as the story."));
  bool changed = false;
  if (ImGui::Button(tr("+ Add the selection here")) && !state.selection().empty()) {
    StoryStep st;
    st.item = state.selection();
    geo::Vec2 ll = geo::world_to_lonlat(map.camera().center);
    st.map = StoryStep::Camera{std::round(ll.x * 1e3) / 1e3, std::round(ll.y * 1e3) / 1e3,
                               std::round(map.camera().zoom * 100) / 100, Extra::object()};
    double first = 0, end = 0;
    timeline.visible_days(first, end);
    st.timeline = window_value(first, end);
    steps.push_back(st);
    changed = true;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", tr("The selected item, with the map and the timeline as they are now"));
  ImGui::SameLine();
  if (ImGui::Button(tr("+ Add an overview"))) {
    steps.push_back(StoryStep{});
    changed = true;
  }
  ImGui::Separator();
  int move_from = -1, move_to = -1, remove = -1;
  ImGui::BeginChild("steps");
  for (size_t i = 0; i < steps.size(); ++i) {
    ImGui::PushID(int(i));
    const Event* e = state.event(steps[i].item);
    const WorkingGroup* g = state.working_group(steps[i].item);
    std::string name = steps[i].item.empty() ? tr("Overview")
                       : e                   ? e->title
                       : g                   ? g->name
                                             : steps[i].item;
    ImGui::Text("%zu.", i + 1);
    ImGui::SameLine(36);
    ImGui::TextUnformatted(name.c_str());
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - 90);
    if (ImGui::ArrowButton(tr("up"), ImGuiDir_Up) && i > 0)
      move_from = int(i), move_to = int(i) - 1;
    ImGui::SameLine();
    if (ImGui::ArrowButton(tr("down"), ImGuiDir_Down) && i + 1 < steps.size())
      move_from = int(i), move_to = int(i) + 1;
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) remove = int(i);
    ImGui::SetNextItemWidth(-1);
    // The caption being typed lives here until Enter or leaving the field saves it (one
    // undo step), so the steps list rebuilt every frame does not undo the typing.
    bool editing = caption_edit_step_ == int(i);
    std::string& caption = editing ? caption_edit_ : steps[i].caption;
    ImGui::InputTextWithHint("##caption", "caption (instead of the item's notes)", &caption);
    if (ImGui::IsItemActivated()) {
      caption_edit_step_ = int(i);
      caption_edit_ = steps[i].caption;
    }
    if (ImGui::IsItemDeactivated() && caption_edit_step_ == int(i)) {
      caption_edit_step_ = -1;
      if (caption_edit_ != steps[i].caption) {
        steps[i].caption = caption_edit_;
        changed = true;
      }
    }
    ImGui::Separator();
    ImGui::PopID();
  }
  ImGui::EndChild();
  if (move_from >= 0) {
    std::swap(steps[size_t(move_from)], steps[size_t(move_to)]);
    changed = true;
  }
  if (remove >= 0) {
    steps.erase(steps.begin() + remove);
    changed = true;
  }
  if (changed) {
    if (saved) {
      state.edit(Command::set_field(d.stories.front().id, "steps", field_json(steps)));
    } else {
      Story story;
      story.id = new_id(d, "story");
      story.title = d.title;
      story.steps = steps;
      state.edit(Command::add(story));
    }
  }
  ImGui::End();
}

// -----------------------------------------------------------------------------------
// 3. Drawing
// -----------------------------------------------------------------------------------
bool Presenter::draw(AppState& state, MapView& map, TimelineView& timeline, const Fonts& fonts,
                     Theme theme) {
  keys(state, map, timeline);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  ImGui::Begin(tr("Presenter"), nullptr, kStage);
  ImGui::PopStyleVar(2);
  float w = vp->Size.x, h = vp->Size.y;
  float map_h = std::floor(h * 0.64f);
  bool animating = false;
  ImGui::BeginChild("stage-map", ImVec2(w, map_h), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  map.show_fit_button = false;
  animating |= map.draw(state, theme, fonts.heading);  // labels readable on a projector
  map.show_fit_button = true;
  // The caption card over the map's lower left; the overview has its own card.
  float card_w = std::min(w * 0.46f, 760.0f);
  if (state.selection().empty() && step_ < int(steps_.size()) && steps_[size_t(step_)].whats_next)
    whats_next(state, fonts, vp->Pos.x + 24, vp->Pos.y + 24, card_w);
  else if (state.selection().empty())
    overview(state, fonts, vp->Pos.x + 24, vp->Pos.y + 24, card_w);
  else
    caption(state, fonts, vp->Pos.x + 24, vp->Pos.y + 24, card_w);
  ImGui::EndChild();
  ImGui::BeginChild("stage-timeline", ImVec2(w, h - map_h), false, ImGuiWindowFlags_NoScrollbar);
  ImGui::SetCursorPos(ImVec2(12, 8));
  ImGui::BeginGroup();
  animating |= timeline.draw(state, theme, fonts.heading, false);
  ImGui::EndGroup();
  ImGui::EndChild();

  // Step counter and controls, top right, small (not in a PNG made for slides).
  int n = int(steps(state).size());
  if (capturing_) {
    ImGui::End();
    return animating || autoplay_;
  }
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + w - 16, vp->Pos.y + 16), ImGuiCond_Always,
                          ImVec2(1, 0));
  ImGui::SetNextWindowBgAlpha(0.75f);
  // NoNav: after a click on a control, the clicker's Space must not also press it.
  ImGui::Begin(tr("presenter-controls"), nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav);
  ImGui::PushFont(fonts.stage_body);
  ImGui::Text("%d / %d", step_ + 1, n);
  ImGui::PopFont();
  if (ImGui::ArrowButton(tr("prev"), ImGuiDir_Left))
    go(state, map, timeline, std::max(0, step_ - 1));
  ImGui::SameLine();
  if (ImGui::ArrowButton(tr("next"), ImGuiDir_Right))
    go(state, map, timeline, std::min(n - 1, step_ + 1));
  ImGui::SameLine();
  if (ImGui::Checkbox(tr("Autoplay"), &autoplay_)) step_started_ = ImGui::GetTime();
  ImGui::SameLine();
  ImGui::Checkbox(tr("Loop"), &loop_);
  ImGui::SetNextItemWidth(120);
  ImGui::SliderFloat("##interval", &interval_, 3.0f, 30.0f, "every %.0f s");
  ImGui::SameLine();
  if (ImGui::Button(tr("PNG"))) png_requested_ = true;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", tr("Export this view as a PNG at 2x, for slides"));
  ImGui::SameLine();
  if (ImGui::Button(tr("Leave (Esc)"))) leave_requested_ = true;
  ImGui::End();
  ImGui::End();
  return animating || autoplay_;
}

void Presenter::caption(AppState& state, const Fonts& fonts, float x, float y, float w) {
  const Event* e = state.event(state.selection());
  const WorkingGroup* g = state.working_group(state.selection());
  const Step& s = steps(state)[size_t(step_)];
  if (!e && !g) {
    place_or_organisation_card(state, fonts, s, state.selection(), x, y, w);
    return;
  }
  begin_card("caption", x, y, w);
  ImGui::PushFont(fonts.stage_title);
  ImGui::TextWrapped("%s", e ? e->title.c_str() : g->name.c_str());
  ImGui::PopFont();
  ImGui::PushFont(fonts.stage_body);
  if (e) {
    std::string when = e->date ? edtf::describe(*e->date) : tr("date not known");
    ImGui::TextWrapped("%s — %s", tr(label(e->kind)), when.c_str());
    if (const Place* p = state.place(e->place)) {
      const Country* c = find_country(p->country);
      std::string where = p->name;
      if (c && p->name != c->name) where += ", " + std::string(c->name);
      ImGui::TextWrapped("%s", where.c_str());
    }
    // Who, by role: "host: ICMEC Singapore · grant: PayPal · …"
    std::map<std::string, std::string> by_role;
    for (const auto& part : e->organisations) {
      const Organisation* o = state.organisation(part.organisation);
      std::string& list = by_role[tr(label(part.role))];
      list += (list.empty() ? "" : ", ") + (o ? o->name : part.organisation);
    }
    ImGui::PopFont();
    ImGui::PushFont(fonts.heading);
    for (const auto& [role, names] : by_role)
      ImGui::TextWrapped("%s: %s", role.c_str(), names.c_str());
    const std::string& notes = s.caption.empty() ? e->notes : s.caption;
    if (!notes.empty()) {
      ImGui::Spacing();
      ImGui::TextWrapped("%s", notes.c_str());
    }
  } else {
    ImGui::TextWrapped("%s", trf("working group — {dates}",
                                 {{"dates", g->active ? edtf::describe(*g->active) : ""}})
                                 .c_str());
    const Country* c = find_country(g->country);
    ImGui::TextWrapped("%s", c ? c->name : g->country.c_str());
    ImGui::PopFont();
    ImGui::PushFont(fonts.heading);
    std::string kinds;
    for (Sector sec : g->member_sectors)
      kinds += (kinds.empty() ? "" : ", ") + std::string(tr(label(sec)));
    if (!kinds.empty())
      ImGui::TextWrapped("%s", trf("Members: {kinds}", {{"kinds", kinds}}).c_str());
    if (!s.caption.empty()) ImGui::TextWrapped("%s", s.caption.c_str());
  }
  ImGui::PopFont();
  end_card();
}

// A place or an organisation (a step on one, or one clicked while presenting): its name,
// where or what it is, and how many of the dataset's events it has a part in.
void Presenter::place_or_organisation_card(AppState& state, const Fonts& fonts, const Step& s,
                                           const std::string& id, float x, float y, float w) {
  const Place* p = state.place(id);
  const Organisation* o = p ? nullptr : state.organisation(id);
  if (!p && !o) return;
  int events = 0;
  for (const auto& e : state.dataset.events) {
    if (p && e.place == p->id) ++events;
    if (o)
      for (const auto& part : e.organisations)
        if (part.organisation == o->id) {
          ++events;
          break;
        }
  }
  begin_card("caption", x, y, w);
  ImGui::PushFont(fonts.stage_title);
  ImGui::TextWrapped("%s", p ? p->name.c_str() : o->name.c_str());
  ImGui::PopFont();
  ImGui::PushFont(fonts.stage_body);
  const Country* c = find_country(p ? p->country : o->country);
  if (o) ImGui::TextWrapped("%s", tr(label(o->sector)));
  if (c && (!p || p->name != c->name)) ImGui::TextWrapped("%s", c->name);
  ImGui::TextWrapped("%s", p ? trn("{count} event here", "{count} events here", events).c_str()
                             : trn("{count} event with a part in them",
                                   "{count} events with a part in them", events)
                                   .c_str());
  ImGui::PopFont();
  const std::string& notes = s.caption.empty() ? (p ? std::string() : o->notes) : s.caption;
  if (!notes.empty()) {
    ImGui::PushFont(fonts.heading);
    ImGui::Spacing();
    ImGui::TextWrapped("%s", notes.c_str());
    ImGui::PopFont();
  }
  end_card();
}

void Presenter::overview(AppState& state, const Fonts& fonts, float x, float y, float w) {
  const Dataset& d = state.dataset;
  begin_card("overview", x, y, w);
  ImGui::PushFont(fonts.stage_title);
  ImGui::TextWrapped("%s", d.title.c_str());
  ImGui::PopFont();
  ImGui::PushFont(fonts.stage_body);
  // Roundtables by country, working groups, forums per year: the counts the story rests on.
  std::map<std::string, int> rt_by_country;
  std::map<int64_t, int> forums_by_year;
  for (const auto& e : d.events) {
    if (e.kind == EventKind::Roundtable) {
      const Place* p = state.place(e.place);
      const Country* c = p ? find_country(p->country) : nullptr;
      ++rt_by_country[c ? c->name : "place not given"];
    } else if (e.kind == EventKind::Forum && e.date && e.date->earliest() > edtf::kUnboundedPast) {
      int64_t yy;
      int m, dd;
      edtf::civil_from_days(e.date->earliest(), yy, m, dd);
      ++forums_by_year[yy];
    }
  }
  int rts = 0;
  for (const auto& [c, n] : rt_by_country) rts += n;
  // "Australia, Philippines (2), …": a count beside a country with more than one.
  auto counted = [](const std::map<std::string, int>& by) {
    std::string out;
    for (const auto& [name, n] : by)
      out += (out.empty() ? "" : ", ") + name + (n > 1 ? " (" + std::to_string(n) + ")" : "");
    return out;
  };
  std::map<std::string, int> wg_by_country;
  for (const auto& g : d.working_groups) {
    const Country* c = find_country(g.country);
    ++wg_by_country[c ? c->name : g.country];
  }
  ImGui::TextWrapped("%s",
                     trn("{count} roundtable: {countries}", "{count} roundtables: {countries}", rts,
                         {{"countries", counted(rt_by_country)}})
                         .c_str());
  ImGui::TextWrapped(
      "%s", wg_by_country.empty()
                ? trn("{count} working group", "{count} working groups",
                      static_cast<long long>(d.working_groups.size()))
                      .c_str()
                : trn("{count} working group: {countries}", "{count} working groups: {countries}",
                      static_cast<long long>(d.working_groups.size()),
                      {{"countries", counted(wg_by_country)}})
                      .c_str());
  std::string years;
  int forums = 0;
  for (const auto& [yy, n] : forums_by_year) {
    years += (years.empty() ? "" : ", ") + std::to_string(yy) +
             (n > 1 ? " (" + std::to_string(n) + ")" : "");
    forums += n;
  }
  ImGui::TextWrapped("%s", trn("{count} forum appearance: {years}",
                               "{count} forum appearances: {years}", forums, {{"years", years}})
                               .c_str());
  ImGui::PopFont();
  ImGui::PushFont(fonts.heading);
  ImGui::TextDisabled("%s", tr("→ or Space for the next step · Esc to leave"));
  ImGui::PopFont();
  end_card();
}

// "What's next": the events of the next 30 days (when, what, its status) and what is due,
// from the Plan window's own queries (core/plan), for the end of a meeting.
void Presenter::whats_next(AppState& state, const Fonts& fonts, float x, float y, float w) {
  PlanOptions o;
  o.today = today_;
  const PlanSummary plans = plan_summary(state.dataset, o);
  begin_card("whats-next", x, y, w);
  ImGui::PushFont(fonts.stage_title);
  ImGui::TextWrapped("%s", tr("What's next"));
  ImGui::PopFont();
  ImGui::PushFont(fonts.stage_body);
  const size_t shown = std::min<size_t>(plans.upcoming.size(), 6);
  for (size_t i = 0; i < shown; ++i) {
    const Upcoming& u = plans.upcoming[i];
    const Event* e = state.event(u.event);
    if (!e) continue;
    std::string when = u.days_until <= 0 ? tr("now") : edtf::describe_day(u.first_day);
    if (u.window) when = trf("sometime from {date}", {{"date", edtf::describe_day(u.first_day)}});
    ImGui::TextWrapped("%s: %s%s%s", when.c_str(), e->title.c_str(), e->status ? " · " : "",
                       e->status ? tr(label(*e->status)) : "");
  }
  if (plans.upcoming.size() > shown)
    ImGui::TextWrapped("%s", trn("and {count} more", "and {count} more",
                                 static_cast<long long>(plans.upcoming.size() - shown))
                                 .c_str());
  if (plans.upcoming.empty())
    ImGui::TextWrapped("%s", trn("No event in the next {count} day.",
                                 "No event in the next {count} days.", o.upcoming_days)
                                 .c_str());
  if (!plans.overdue.empty() || !plans.due_soon.empty())
    ImGui::TextWrapped(
        "%s", trf("To do: {overdue} overdue, {due} due within {days} days",
                  {{"overdue", i18n::format_number(static_cast<long long>(plans.overdue.size()))},
                   {"due", i18n::format_number(static_cast<long long>(plans.due_soon.size()))},
                   {"days", i18n::format_number(o.due_soon_days)}})
                  .c_str());
  ImGui::PopFont();
  end_card();
}

}  // namespace atlas::ui
