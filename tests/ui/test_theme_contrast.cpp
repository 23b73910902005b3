// test_theme_contrast.cpp — every text/background pair of the themes (light, dark, and the
// presenter's contrast theme) meets WCAG 2.1 AA: 4.5:1, 3:1 for the presenter's large
// type. The colours are the ones apply_theme gives ImGui (no window needed); the math is
// core/contrast. The map's markers (non-text: WCAG 1.4.11) stand out at 3:1 on every colour
// of the basemap under them.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

#include "core/contrast.hpp"
#include "ui/map_view.hpp"
#include "ui/theme.hpp"

using namespace atlas;

namespace {

Rgba rgba(const ImVec4& c) { return {c.x, c.y, c.z, c.w}; }

struct Pair {
  ImGuiCol text, background;
  ImGuiCol under;  // what a translucent background lies on (ImGuiCol_COUNT: none)
};

void check_theme(ui::Theme theme, const char* name, double minimum) {
  ImGuiContext* ctx = ImGui::CreateContext();
  ui::apply_theme(theme, 1.0f);
  const ImVec4* c = ImGui::GetStyle().Colors;
  const Pair pairs[] = {
      {ImGuiCol_Text, ImGuiCol_WindowBg, ImGuiCol_COUNT},
      {ImGuiCol_Text, ImGuiCol_ChildBg, ImGuiCol_WindowBg},
      {ImGuiCol_Text, ImGuiCol_MenuBarBg, ImGuiCol_WindowBg},
      {ImGuiCol_Text, ImGuiCol_PopupBg, ImGuiCol_WindowBg},
      {ImGuiCol_Text, ImGuiCol_FrameBg, ImGuiCol_ChildBg},
      {ImGuiCol_Text, ImGuiCol_FrameBgHovered, ImGuiCol_ChildBg},
      {ImGuiCol_Text, ImGuiCol_Button, ImGuiCol_ChildBg},
      {ImGuiCol_Text, ImGuiCol_ButtonHovered, ImGuiCol_ChildBg},
      {ImGuiCol_Text, ImGuiCol_ButtonActive, ImGuiCol_ChildBg},
      {ImGuiCol_Text, ImGuiCol_Header, ImGuiCol_ChildBg},
      {ImGuiCol_Text, ImGuiCol_HeaderHovered, ImGuiCol_ChildBg},
      {ImGuiCol_Text, ImGuiCol_HeaderActive, ImGuiCol_ChildBg},
      {ImGuiCol_Text, ImGuiCol_TableRowBgAlt, ImGuiCol_ChildBg},
      {ImGuiCol_Text, ImGuiCol_TitleBgActive, ImGuiCol_WindowBg},
      {ImGuiCol_TextDisabled, ImGuiCol_WindowBg, ImGuiCol_COUNT},
      {ImGuiCol_TextDisabled, ImGuiCol_ChildBg, ImGuiCol_WindowBg},
      {ImGuiCol_TextDisabled, ImGuiCol_PopupBg, ImGuiCol_WindowBg},
      {ImGuiCol_TextDisabled, ImGuiCol_MenuBarBg, ImGuiCol_WindowBg},
      {ImGuiCol_TextDisabled, ImGuiCol_FrameBg, ImGuiCol_ChildBg},
  };
  for (const Pair& p : pairs) {
    Rgba bg = rgba(c[p.background]);
    if (p.under != ImGuiCol_COUNT)
      bg = over(bg, over(rgba(c[p.under]), rgba(c[ImGuiCol_WindowBg])));
    const double ratio = contrast_ratio(over(rgba(c[p.text]), bg), bg);
    const std::string what = std::string(name) + ": " + ImGui::GetStyleColorName(p.text) + " on " +
                             ImGui::GetStyleColorName(p.background);
    INFO(what, " = ", ratio);
    CHECK(ratio >= minimum);
  }
  ImGui::DestroyContext(ctx);
}

}  // namespace

TEST_CASE("the light and dark themes' text meets 4.5:1 on every background") {
  check_theme(ui::Theme::Light, "light", kContrastText);
  check_theme(ui::Theme::Dark, "dark", kContrastText);
}

TEST_CASE("the presenter's contrast theme meets 4.5:1 (its large type 3:1)") {
  // Its controls and small text use the same pairs as its large type: all at 4.5:1.
  check_theme(ui::Theme::Contrast, "presenter", kContrastText);
  check_theme(ui::Theme::Contrast, "presenter large", kContrastLargeText);
}

TEST_CASE("every kind's marker colour stands out at 3:1 on the basemap's sea, land and tint") {
  for (ui::Theme theme : {ui::Theme::Light, ui::Theme::Dark, ui::Theme::Contrast}) {
    const render::MapStyle style = ui::map_style(theme);
    for (const float* under : {style.sea, style.land, style.tint}) {
      const Rgba bg{under[0], under[1], under[2], 1};
      for (int k = 0; k < int(EventKind::Count); ++k) {
        const ImVec4 m = ImGui::ColorConvertU32ToFloat4(ui::kind_color(EventKind(k), theme));
        const double ratio = contrast_ratio(rgba(m), bg);
        INFO("theme ", int(theme), ", kind ", std::string(atlas::label(EventKind(k))), ": ", ratio);
        CHECK(ratio >= kContrastLargeText);  // 3:1, WCAG's minimum for graphics
      }
    }
  }
}
