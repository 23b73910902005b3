// phone_layout.cpp — the layout for a narrow window (a phone, a small embed): one pane at a
// time, chosen in a bottom bar, with touch-sized controls (AppUI; see app_ui.hpp).
//
// Index
//   1. When: below kCompactWidth logical (CSS) pixels wide
//   2. The pane shown: Map, Timeline, List (with the selection's details), Story
//   3. The bottom bar: Map · Timeline · List · Story, each at least kTouchTarget tall
//   4. Story cards: one step at a time; Back / Next, or a swipe across the card
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/date_edtf.hpp"
#include "core/i18n.hpp"
#include "ui/app_ui.hpp"

namespace atlas::ui {

namespace {
constexpr const char* kTabNames[] = {N_("Map"), N_("Timeline"), N_("List"), N_("Story")};

// A step's heading and text: the item's title (or name) and date, and the step's caption
// or else the item's notes; the dataset's title for the overview.
struct CardText {
  std::string title, when, text;
};
CardText card_text(const AppState& state, const Presenter::Step& s) {
  CardText c;
  if (s.item.empty()) {
    c.title = state.dataset.title;
  } else if (const Event* e = state.event(s.item)) {
    c.title = e->title;
    c.when = e->date ? edtf::describe(*e->date) : "";
    c.text = e->notes;
  } else if (const WorkingGroup* g = state.working_group(s.item)) {
    c.title = g->name;
    c.when = g->active ? edtf::describe(*g->active) : "";
    c.text = g->notes;
  } else if (const Place* p = state.place(s.item)) {
    c.title = p->name;
  } else if (const Organisation* o = state.organisation(s.item)) {
    c.title = o->name;
    c.text = o->notes;
  }
  if (!s.caption.empty()) c.text = s.caption;
  return c;
}
}  // namespace

// -----------------------------------------------------------------------------------
// 1. When
// -----------------------------------------------------------------------------------
bool AppUI::compact() const { return ImGui::GetMainViewport()->WorkSize.x < kCompactWidth; }

// -----------------------------------------------------------------------------------
// 2. The pane shown
// -----------------------------------------------------------------------------------
void AppUI::compact_panes(float status_h) {
  for (auto& r : panes_) r = PaneRect{};
  ImVec2 avail = ImGui::GetContentRegionAvail();
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float bar_h = kTouchTarget;
  const float h = std::max(1.0f, avail.y - status_h - bar_h - 2 * spacing);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1, 1));
  const ImGuiWindowFlags still = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
  switch (phone_tab_) {
    case PhoneTab::Map:
      if (ImGui::BeginChild("Map", ImVec2(avail.x, h), true, still)) {
        record_pane(kMapPane);
        map_pane();
      }
      ImGui::EndChild();
      break;
    case PhoneTab::Timeline:
      if (ImGui::BeginChild("Timeline", ImVec2(avail.x, h), true)) {
        record_pane(kTimelinePane);
        timeline_pane();
      }
      ImGui::EndChild();
      break;
    case PhoneTab::List: {
      // The list, and under it what is selected (read, or a title fixed, on a phone).
      const bool details = !state_.selection().empty();
      const float list_h = details ? std::floor(h * 0.5f) : h;
      if (ImGui::BeginChild("List", ImVec2(avail.x, list_h), true)) {
        record_pane(kListPane);
        list_.set_touch(kTouchTarget);
        animating_ |= list_.draw(state_, editor_, theme_);
      }
      ImGui::EndChild();
      if (details) {
        if (ImGui::BeginChild("Inspector", ImVec2(avail.x, h - list_h - spacing), true)) {
          record_pane(kInspectorPane);
          editor_.inspector(state_, fonts_);
        }
        ImGui::EndChild();
      }
      break;
    }
    case PhoneTab::Story: {
      // The map where the step is, and the step's card under it.
      const float map_h = std::floor(h * 0.45f);
      if (ImGui::BeginChild("Map", ImVec2(avail.x, map_h), true, still)) {
        record_pane(kMapPane);
        map_pane();
      }
      ImGui::EndChild();
      if (ImGui::BeginChild("Story", ImVec2(avail.x, h - map_h - spacing), true)) story_card();
      ImGui::EndChild();
      break;
    }
  }
  ImGui::PopStyleVar();
  bottom_bar(bar_h);
}

// -----------------------------------------------------------------------------------
// 3. The bottom bar
// -----------------------------------------------------------------------------------
void AppUI::bottom_bar(float height) {
  const float w = std::floor(ImGui::GetContentRegionAvail().x / 4);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
  for (int i = 0; i < 4; ++i) {
    if (i) ImGui::SameLine();
    const bool on = int(phone_tab_) == i;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(tr(kTabNames[i]), ImVec2(w, height))) set_phone_tab(PhoneTab(i));
    if (on) ImGui::PopStyleColor();
  }
  ImGui::PopStyleVar();
}

void AppUI::set_phone_tab(PhoneTab tab) {
  if (tab == PhoneTab::Story && phone_tab_ != PhoneTab::Story)
    presenter_.go(state_, map_, timeline_, presenter_.step());  // the map flies to it
  phone_tab_ = tab;
}

// -----------------------------------------------------------------------------------
// 4. Story cards
// -----------------------------------------------------------------------------------
void AppUI::story_card() {
  const auto& steps = presenter_.steps(state_);
  if (steps.empty()) {
    ImGui::TextWrapped("%s", tr("There is nothing to present yet."));
    return;
  }
  const int n = int(steps.size());
  const int at = std::clamp(presenter_.step(), 0, n - 1);
  const CardText c = card_text(state_, steps[size_t(at)]);
  ImGui::SetCursorPos(ImVec2(12, 10));
  ImGui::BeginGroup();
  ImGui::TextDisabled("%s", trf("Step {step} of {steps}", {{"step", i18n::format_number(at + 1)},
                                                           {"steps", i18n::format_number(n)}})
                                .c_str());
  ImGui::PushTextWrapPos(ImGui::GetWindowWidth() - 12);
  ImGui::PushFont(fonts_.heading);
  ImGui::TextUnformatted(c.title.c_str());
  ImGui::PopFont();
  if (!c.when.empty()) ImGui::TextDisabled("%s", c.when.c_str());
  if (!c.text.empty()) ImGui::TextUnformatted(c.text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();

  // Back and Next at the card's foot, a thumb's width each.
  const float w = std::floor((ImGui::GetWindowWidth() - 36) / 2);
  ImGui::SetCursorPos(ImVec2(
      12, std::max(ImGui::GetCursorPosY() + 8, ImGui::GetWindowHeight() - kTouchTarget - 10)));
  int go = at;
  ImGui::BeginDisabled(at == 0);
  if (ImGui::Button(tr("< Back"), ImVec2(w, kTouchTarget))) go = at - 1;
  ImGui::EndDisabled();
  ImGui::SameLine(0, 12);
  ImGui::BeginDisabled(at + 1 >= n);
  if (ImGui::Button(tr("Next >"), ImVec2(w, kTouchTarget))) go = at + 1;
  ImGui::EndDisabled();

  // A swipe across the card: left for the next step, right for the one before.
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
      ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    const ImVec2 d(io.MousePos.x - io.MouseClickedPos[0].x,
                   io.MousePos.y - io.MouseClickedPos[0].y);
    if (std::fabs(d.x) > kSwipe && std::fabs(d.x) > 2 * std::fabs(d.y))
      go = std::clamp(at + (d.x < 0 ? 1 : -1), 0, n - 1);
  }
  if (go != at) presenter_.go(state_, map_, timeline_, go);
}

}  // namespace atlas::ui
