// reach.cpp — reaching everyone: the semantic mirror handed to the host when what is shown
// changes (app/mirror has its words), the commands it sends back, the keyboard between
// panes with a visible focus ring, Help > Keyboard, and less motion.
//
// Index
//   1. The mirror: published on change only (a key compared each frame), its commands
//   2. The keyboard: Tab / Shift+Tab between panes, the focus ring, F2 (rename)
//   3. Help > Keyboard: every shortcut, in one list
//   4. Less motion: the host's wish or View > Reduce motion, passed to the views
#include <imgui.h>
#include <imgui_internal.h>  // FocusWindow, key ownership (Tab is the panes' here)

#include "core/i18n.hpp"
#include "ui/app_ui.hpp"

namespace atlas::ui {

// -----------------------------------------------------------------------------------
// 1. The mirror
// -----------------------------------------------------------------------------------
void AppUI::publish_mirror() {
  MirrorKey key{state_.data_version,
                state_.filter_version,
                state_.selection(),
                presenter_.active() ? presenter_.step() : -1,
                session_.notices.size(),
                session_.notices.empty() ? std::string() : session_.notices.back().text};
  if (published_ && key == mirror_key_) return;
  MirrorContext c;
  c.presenting = presenter_.active();
  if (c.presenting) {
    const auto& steps = presenter_.steps(state_);
    const int at = presenter_.step();
    if (at >= 0 && size_t(at) < steps.size())
      c.step_text = step_announcement(state_, at, int(steps.size()), steps[size_t(at)].item,
                                      steps[size_t(at)].caption);
  }
  c.notice = key.notice;
  c.can_undo = state_.history.can_undo();
  c.can_redo = state_.history.can_redo();
  c.undo_label = history_label(state_.history, false);
  c.redo_label = history_label(state_.history, true);
  c.read_only = viewing();
  host_.publish_mirror(build_mirror(state_, c));
  mirror_key_ = std::move(key);
  published_ = true;
}

bool AppUI::command(const std::string& id) {
  const int n = int(presenter_.steps(state_).size());
  if (id == "present") {
    present(true);
  } else if (id == "stop-presenting") {
    present(false);
  } else if (id == "next-step" && presenter_.active()) {
    present_step(std::min(presenter_.step() + 1, n - 1));
  } else if (id == "previous-step" && presenter_.active()) {
    present_step(std::max(presenter_.step() - 1, 0));
  } else if (id == "undo") {
    return state_.undo();
  } else if (id == "redo") {
    return state_.redo();
  } else if (id == "clear-selection") {
    state_.select("");
  } else if (id == "keyboard") {
    show_keyboard_ = true;
  } else {
    return false;
  }
  return true;
}

// -----------------------------------------------------------------------------------
// 2. The keyboard between panes
// -----------------------------------------------------------------------------------
int AppUI::focused_pane() const {
  const ImGuiWindow* w = ImGui::GetCurrentContext()->NavWindow;
  for (; w; w = w->ParentWindow)
    for (int p = 0; p < kPaneCount; ++p)
      if (pane_windows_[p] == w) return p;
  return -1;
}

void AppUI::pane_keys() {
  ImGuiIO& io = ImGui::GetIO();
  if (io.MouseClicked[0]) keyboard_focus_ = false;  // the ring is for keyboard users
  if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup)) return;
  if (ImGui::IsKeyPressed(ImGuiKey_F2, false) && !viewing() && !state_.selection().empty()) {
    if (pane_windows_[kInspectorPane]) ImGui::FocusWindow(pane_windows_[kInspectorPane]);
    editor_.focus_title();
  }
  // Tab belongs to the panes here, not to ImGui's tabbing through widgets (which a text
  // field being typed in keeps: Tab there goes to the next field).
  const ImGuiID owner = ImGui::GetID("##pane-tab");
  ImGui::SetKeyOwner(ImGuiKey_Tab, owner);
  if (!ImGui::IsKeyPressed(ImGuiKey_Tab, owner, ImGuiInputFlags_Repeat) || io.KeyCtrl) return;
  int present_panes[kPaneCount], n = 0;
  for (int p = 0; p < kPaneCount; ++p)
    if (pane_windows_[p]) present_panes[n++] = p;
  if (n == 0) return;
  const int at = focused_pane();
  int i = 0;
  while (i < n && present_panes[i] != at) ++i;
  if (i == n)
    i = io.KeyShift ? n - 1 : 0;
  else
    i = (i + (io.KeyShift ? n - 1 : 1)) % n;
  ImGui::FocusWindow(pane_windows_[present_panes[i]]);
  keyboard_focus_ = true;
}

// Drawn over the pane that has the keyboard, while the keyboard is what moved it there.
void AppUI::focus_ring() {
  const int at = focused_pane();
  if (!keyboard_focus_ || at < 0) return;
  const PaneRect& r = panes_[at];
  ImGui::GetForegroundDrawList()->AddRect(ImVec2(r.x + 1, r.y + 1),
                                          ImVec2(r.x + r.w - 1, r.y + r.h - 1),
                                          ImGui::GetColorU32(ImGuiCol_NavHighlight), 4.0f, 0, 3.0f);
}

// -----------------------------------------------------------------------------------
// 3. Help > Keyboard
// -----------------------------------------------------------------------------------
namespace {
// Both columns go through the catalog where shown: key names are written differently in
// some languages (Ctrl is Strg on a German keyboard).
struct Shortcut {
  const char* keys;
  const char* what;
};
constexpr Shortcut kShortcuts[] = {
    {N_("Tab / Shift+Tab"),
     N_("next / previous pane: Map, Timeline, List, Inspector (a ring shows which)")},
    {N_("Ctrl+Tab"), N_("next window (ImGui's own)")},
    {N_("Arrows (Map)"), N_("pan")},
    {N_("+ / - (Map, Timeline)"), N_("zoom in / out")},
    {N_("Enter (Map)"), N_("select the marker nearest the centre")},
    {N_("N / P (Map)"), N_("next / previous marker, in time order")},
    {N_("F (Map)"), N_("fit every place")},
    {N_("Arrows (Timeline)"), N_("next / previous item, in time order")},
    {N_("Up / Down (List)"), N_("next / previous row")},
    {N_("Arrows, Space, Enter (Inspector, menus)"), N_("move between fields, open, choose")},
    {N_("F2"), N_("edit the selected item's title")},
    {N_("Esc"), N_("clear the selection; leave presenting; close a dialog")},
    {N_("Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y"), N_("undo / redo")},
    {N_("Ctrl+O / Ctrl+S"), N_("open / export the dataset")},
    {N_("Alt"), N_("the menu bar (then arrows and Enter)")},
    {N_("F5"), N_("start / stop presenting")},
    {N_("Right, Down, Page Down, Space (presenting)"), N_("next step")},
    {N_("Left, Up, Page Up (presenting)"), N_("previous step")},
    {N_("Home / End (presenting)"), N_("first / last step")},
};
}  // namespace

void AppUI::keyboard_help() {
  if (!show_keyboard_) return;
  ImGui::SetNextWindowSize(ImVec2(560 * scale_, 0), ImGuiCond_Appearing);
  if (ImGui::Begin(tr("Keyboard"), &show_keyboard_, ImGuiWindowFlags_NoCollapse)) {
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
      for (const Shortcut& s : kShortcuts) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(s.keys));
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", tr(s.what));
      }
      ImGui::EndTable();
    }
    if (ImGui::IsWindowFocused() && ImGui::IsKeyPressed(ImGuiKey_Escape)) show_keyboard_ = false;
  }
  ImGui::End();
}

// -----------------------------------------------------------------------------------
// 4. Less motion
// -----------------------------------------------------------------------------------
bool AppUI::reduced_motion() const {
  return session_.reduce_motion() || host_.prefers_reduced_motion();
}

void AppUI::apply_motion() {
  const bool less = reduced_motion();
  map_.set_reduced_motion(less);
  timeline_.set_reduced_motion(less);
}

}  // namespace atlas::ui
