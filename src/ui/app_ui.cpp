// app_ui.cpp — the frame (see app_ui.hpp for the other areas' files).
//
// Index
//   1. Fonts, theme, the CJK glyphs, the input method's composition
//   2. Presenting
//   3. The frame: the host window, menu bar, the shared link's bar, notices, the panes,
//      status bar, dialogs
//   4. The panes: Map over Timeline, List over Inspector, splitters between them
#include "ui/app_ui.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the text caret for an input method (PlatformImeData)

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/event_time.hpp"
#include "core/i18n.hpp"

namespace atlas::ui {

namespace {

constexpr ImGuiWindowFlags kHostFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
    ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoScrollbar;

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

const char* pane_name(Pane p) {
  static const char* names[kPaneCount] = {"map", "timeline", "list", "inspector"};
  return names[p];
}

// -----------------------------------------------------------------------------------
// 1. Fonts, theme, glyphs, composition
// -----------------------------------------------------------------------------------
void AppUI::set_scale(float scale) {
  if (scale <= 0.0f) scale = 1.0f;
  if (scale == scale_) return;
  scale_ = scale;
  rebuild_fonts();
  apply_theme(theme_, scale);
}

void AppUI::set_theme(Theme t) {
  theme_ = t;
  apply_theme(theme_, scale_);
}

void AppUI::rebuild_fonts() {
  fonts_ = load_fonts(scale_ > 0 ? scale_ : 1.0f, glyphs_.font(), stage_fonts_);
}

bool AppUI::update_glyphs() {
  glyphs_.need_dataset(state_);
  glyphs_.need_text(list_.search());
  GlyphLoader::Action action = glyphs_.update();
  if (action == GlyphLoader::Action::LoadFont) {
    // The host answers now (desktop: a file) or later (web: a download, then a wake).
    host_.load_cjk_font(
        [this](std::vector<unsigned char> bytes, int font_no, const std::string& error) {
          set_cjk_font(std::move(bytes), font_no, error);
        });
    action = glyphs_.update();  // the font may be here already
  }
  // Presenting has begun: its big sizes join the atlas (a start-up without them builds a
  // quarter of the glyphs).
  const bool stage_missing = stage_fonts_ && !fonts_.stage_title;
  if (action != GlyphLoader::Action::RebuildFonts && !stage_missing) return false;
  rebuild_fonts();
  return true;
}

void AppUI::set_cjk_font(std::vector<unsigned char> bytes, int font_no, const std::string& error) {
  if (glyphs_.set_font(std::move(bytes), font_no, error)) return;
  session_.notices.push_back(
      {Notice::Warning, trf("Chinese, Japanese and Korean text is shown as boxes: {why}. Your "
                            "data is unaffected.",
                            {{"why", glyphs_.error()}})});
}

std::vector<char32_t> AppUI::missing_glyphs(std::string_view utf8) const {
  std::vector<char32_t> out;
  CodePointSet s;
  s.add_text(utf8, 0x80);
  ImFont* font = fonts_.body;
  for (char32_t cp : s.list())
    if (!font || cp > 0xFFFF || !font->FindGlyphNoFallback(ImWchar(cp))) out.push_back(cp);
  return out;
}

void AppUI::set_composition(std::string text) {
  composition_ = std::move(text);
  glyphs_.need_text(composition_);
}

void AppUI::draw_composition() {
  // What an input method is composing (desktop: SDL's text editing events), drawn at the
  // field's caret, underlined, on top of everything, until it is committed or cancelled.
  if (composition_.empty() || !ImGui::GetIO().WantTextInput) return;
  const ImGuiPlatformImeData& ime = ImGui::GetCurrentContext()->PlatformImeData;
  if (!ime.WantVisible) return;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const ImVec2 size = ImGui::CalcTextSize(composition_.c_str());
  const ImVec2 a(ime.InputPos.x, ime.InputPos.y);
  const ImVec2 b(a.x + size.x + 8, a.y + ime.InputLineHeight + 2);
  dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_PopupBg), 3.0f);
  dl->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_NavHighlight), 3.0f);
  dl->AddText(ImVec2(a.x + 4, a.y + 1), ImGui::GetColorU32(ImGuiCol_Text), composition_.c_str());
  dl->AddLine(ImVec2(a.x + 4, b.y - 3), ImVec2(b.x - 4, b.y - 3), ImGui::GetColorU32(ImGuiCol_Text),
              1.0f);
}

// -----------------------------------------------------------------------------------
// 2. Presenting
// -----------------------------------------------------------------------------------
void AppUI::present(bool on, int step) {
  read_clock();  // the steps depend on today ("What's next"), even before the first frame
  if (on) {
    stage_fonts_ = true;  // built before the next frame (update_glyphs)
    if (!presenter_.active()) theme_before_presenting_ = theme_;
    set_theme(Theme::Contrast);
    presenter_.enter(state_, map_, timeline_, step);
  } else if (presenter_.active()) {
    presenter_.leave(state_);
    set_theme(theme_before_presenting_);
  }
  host_.set_fullscreen(on);
}

// -----------------------------------------------------------------------------------
// 3. The frame
// -----------------------------------------------------------------------------------
bool AppUI::frame() {
  // A frame drawn before the presenter's sizes are built asks for the next, which has them.
  animating_ = stage_fonts_ && !fonts_.stage_title;
  read_clock();
  apply_motion();
  for (ImGuiWindow*& w : pane_windows_) w = nullptr;
  // Characters typed or pasted this frame into any field: glyphs for the next one.
  for (ImWchar c : ImGui::GetIO().InputQueueCharacters) glyphs_.need(c);
  if (presenter_.active()) {
    animating_ = presenter_.draw(state_, map_, timeline_, fonts_, theme_);
    if (presenter_.take_png_request()) png_requested_ = true;
    if (presenter_.leave_requested()) present(false);
    // The desktop's save dialog for a PNG exported while presenting.
    if (file_dialog_.is_open()) dialogs();
    publish_mirror();
    return animating_;
  }
  if (ImGui::IsKeyPressed(ImGuiKey_F5, false)) present(true);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  // On a phone every control is at least a fingertip tall (the menu bar's too, which
  // Begin sizes: hence before it).
  const bool phone = compact();
  if (phone) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(10, std::ceil((kTouchTarget - ImGui::GetFontSize()) / 2)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 6));
  }
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 6));
  // An embed: the views only, compact, and no empty row where the menu bar would be.
  const bool embedded = host_.embedded();
  ImGui::Begin("Coalition Atlas", nullptr,  // an id: the window has no title bar
               embedded ? kHostFlags & ~ImGuiWindowFlags_MenuBar : kHostFlags);
  ImGui::PopStyleVar();
  if (!embedded) menu_bar();
  shortcuts();
  view_bar();
  notices_bar();
  const float status_h = ImGui::GetFrameHeight() + 4;
  if (compact())
    compact_panes(status_h);
  else
    panes(status_h);
  status_bar(status_h);
  about_popup();
  dialogs();
  editor_.dialogs(state_);
  plan_.draw(state_, today_, &show_plan_);  // (read-only on a shared link: edits refused)
  if (!viewing()) {                         // a shared link: nothing to fix or rearrange
    editor_.quality_panel(state_, &show_quality_);
    presenter_.story_editor(state_, map_, timeline_, &show_story_);
  }
  keyboard_help();
  ImGui::End();
  if (phone) ImGui::PopStyleVar(2);
  pane_keys();
  focus_ring();
  draw_composition();
  publish_mirror();
  return animating_;
}

// Today and the viewer's zone, from the host (the UI never reads the system's clock).
void AppUI::read_clock() {
  Host::Clock c = host_.clock();
  today_ = day_in_zone(c.utc, c.zone, zones_);
  editor_.set_clock(zones_, c.zone, today_);
  timeline_.set_today(today_);
  presenter_.set_today(today_);
}

// -----------------------------------------------------------------------------------
// 4. The panes
// -----------------------------------------------------------------------------------
void AppUI::record_pane(Pane p) {
  ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  panes_[p] = {pos.x, pos.y, size.x, size.y};
  pane_windows_[p] = ImGui::GetCurrentWindow();
}

// Map over Timeline on the left, List over Inspector on the right, in the space the
// menu bar and notices leave above the status bar.
void AppUI::panes(float status_h) {
  const float split = 6.0f;
  ImVec2 avail = ImGui::GetContentRegionAvail();
  // Between stacked items ImGui adds ItemSpacing.y: twice per column (pane, splitter).
  avail.y -= status_h + 2 * ImGui::GetStyle().ItemSpacing.y;
  float left_w = std::max(1.0f, (avail.x - split) * left_fraction_);
  float right_w = std::max(1.0f, avail.x - split - left_w);

  // Left column: Map over Timeline.
  ImGui::BeginGroup();
  float map_h = std::max(1.0f, (avail.y - split) * map_fraction_);
  float timeline_h = std::max(1.0f, avail.y - split - map_h);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1, 1));
  bool map_open =
      ImGui::BeginChild("Map", ImVec2(left_w, map_h), true,
                        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
  if (map_open) {
    record_pane(kMapPane);
    map_pane();
  }
  ImGui::EndChild();
  splitter("##split-map", false, &map_fraction_, avail.y - split, 120, 100);
  if (ImGui::BeginChild("Timeline", ImVec2(left_w, timeline_h), true)) {
    record_pane(kTimelinePane);
    timeline_pane();
  }
  ImGui::EndChild();
  ImGui::EndGroup();

  ImGui::SameLine(0, 0);
  splitter("##split-columns", true, &left_fraction_, avail.x - split, 260, 300);
  ImGui::SameLine(0, 0);

  // Right column: List over Inspector.
  ImGui::BeginGroup();
  float list_h = std::max(1.0f, (avail.y - split) * list_fraction_);
  float insp_h = std::max(1.0f, avail.y - split - list_h);
  if (ImGui::BeginChild("List", ImVec2(right_w, list_h), true)) {
    record_pane(kListPane);
    list_.set_touch(0);
    animating_ |= list_.draw(state_, editor_, theme_);
  }
  ImGui::EndChild();
  splitter("##split-list", false, &list_fraction_, avail.y - split, 120, 100);
  if (ImGui::BeginChild("Inspector", ImVec2(right_w, insp_h), true)) {
    record_pane(kInspectorPane);
    editor_.inspector(state_, fonts_);
  }
  ImGui::EndChild();
  ImGui::EndGroup();
}

void AppUI::map_pane() {
  auto t0 = std::chrono::steady_clock::now();
  animating_ |= map_.draw(state_, theme_, fonts_.small);
  map_ms_ = ms_since(t0);
}

void AppUI::timeline_pane() {
  auto t0 = std::chrono::steady_clock::now();
  animating_ |= timeline_.draw(state_, theme_, fonts_.small);
  timeline_ms_ = ms_since(t0);
}

// A thin bar between two panes; dragging it moves `fraction` of `total` (the space
// both panes share), keeping each pane at least its minimum.
void AppUI::splitter(const char* id, bool vertical, float* fraction, float total, float min_a,
                     float min_b) {
  const float thickness = 6.0f;
  ImVec2 size = vertical ? ImVec2(thickness, ImGui::GetContentRegionAvail().y)
                         : ImVec2(ImGui::GetContentRegionAvail().x, thickness);
  if (!vertical) size.x = ImGui::GetItemRectSize().x;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, size);
  bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
  if (hovered || active)
    ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
  if (active && total > 0) {
    float delta = vertical ? ImGui::GetIO().MouseDelta.x : ImGui::GetIO().MouseDelta.y;
    float a = std::clamp(*fraction * total + delta, std::min(min_a, total * 0.5f),
                         std::max(total - min_b, total * 0.5f));
    *fraction = a / total;
  }
  if (hovered || active) {
    ImU32 col = ImGui::GetColorU32(active ? ImGuiCol_SeparatorActive : ImGuiCol_SeparatorHovered);
    ImVec2 a = vertical ? ImVec2(pos.x + thickness * 0.5f - 1, pos.y)
                        : ImVec2(pos.x, pos.y + thickness * 0.5f - 1);
    ImVec2 b = vertical ? ImVec2(a.x + 2, pos.y + size.y) : ImVec2(pos.x + size.x, a.y + 2);
    ImGui::GetWindowDrawList()->AddRectFilled(a, b, col);
  }
}

}  // namespace atlas::ui
