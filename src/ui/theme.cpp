// theme.cpp — see theme.hpp.
#include "ui/theme.hpp"

#include "core/i18n.hpp"

extern "C" const unsigned char atlas_font_sans[];
extern "C" const unsigned long atlas_font_sans_size;
extern "C" const unsigned char atlas_font_thai[];
extern "C" const unsigned long atlas_font_thai_size;
extern "C" const unsigned char atlas_font_math[];
extern "C" const unsigned long atlas_font_math_size;

namespace atlas::ui {

namespace {
constexpr float kBodyPx = 16.0f;
constexpr float kHeadingPx = 22.0f;
constexpr float kSmallPx = 13.5f;
constexpr float kStageTitlePx = 42.0f;
constexpr float kStageBodyPx = 25.0f;

// Latin + Latin-1 + Latin Extended-A/B, combining marks, Vietnamese, general
// punctuation (dashes, quotes, ellipsis), currency, geometric shapes. The build subsets
// the font to these same ranges (cmake/app.cmake); arrows and − come from Noto Sans Math.
const ImWchar kLatinRanges[] = {0x0020, 0x024F, 0x0300, 0x036F, 0x1E00, 0x1EFF, 0x2000,
                                0x206F, 0x20A0, 0x20CF, 0x25A0, 0x25FF, 0};
const ImWchar kThaiRanges[] = {0x0E00, 0x0E7F, 0};
const ImWchar kArrowRanges[] = {0x2190, 0x21FF, 0x2212, 0x2212, 0};  // Noto Sans lacks them

ImFont* add(float px, float scale, const ExtraFont* extra) {
  ImGuiIO& io = ImGui::GetIO();
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // the bytes are static, embedded at build time
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = false;
  ImFont* f =
      io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(atlas_font_sans),
                                     int(atlas_font_sans_size), px * scale, &cfg, kLatinRanges);
  ImFontConfig merge = cfg;
  merge.MergeMode = true;
  io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(atlas_font_thai),
                                 int(atlas_font_thai_size), px * scale, &merge, kThaiRanges);
  io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(atlas_font_math),
                                 int(atlas_font_math_size), px * scale, &merge, kArrowRanges);
  if (extra && extra->data && extra->ranges && extra->ranges[0]) {
    ImFontConfig cjk = merge;
    cjk.FontNo = extra->font_no;
    cjk.OversampleH = 1;  // ideographs are wide: no need for subpixel positioning detail
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(extra->data), int(extra->size),
                                   px * scale, &cjk, extra->ranges);
  }
  return f;
}

Fonts build(float scale, const ExtraFont* extra, bool stage, bool extra_on_stage) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  Fonts f;
  f.body = add(kBodyPx, scale, extra);
  f.heading = add(kHeadingPx, scale, extra);
  f.small = add(kSmallPx, scale, extra);
  if (stage) {
    f.stage_title = add(kStageTitlePx, scale, extra_on_stage ? extra : nullptr);
    f.stage_body = add(kStageBodyPx, scale, extra_on_stage ? extra : nullptr);
  }
  io.Fonts->Build();
  return f;
}
}  // namespace

Fonts load_fonts(float scale, const ExtraFont* extra, bool stage) {
  ImGuiIO& io = ImGui::GetIO();
  Fonts f = build(scale, extra, stage, true);
  if (stage && extra && io.Fonts->TexWidth * io.Fonts->TexHeight > kMaxFontTexturePixels)
    f = build(scale, extra, true, false);
  // Glyphs are rasterised at the device's scale; layout stays in logical pixels.
  io.FontGlobalScale = 1.0f / scale;
  io.FontDefault = f.body;
  return f;
}

void apply_theme(Theme theme, float /*scale*/) {
  ImGuiStyle style;
  if (is_dark(theme))
    ImGui::StyleColorsDark(&style);
  else
    ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0.0f;
  style.ChildRounding = 6.0f;
  style.FrameRounding = 5.0f;
  style.PopupRounding = 6.0f;
  style.GrabRounding = 4.0f;
  style.TabRounding = 5.0f;
  style.ScrollbarRounding = 6.0f;
  style.WindowPadding = ImVec2(10, 10);
  style.FramePadding = ImVec2(8, 4);
  style.ItemSpacing = ImVec2(8, 6);
  style.CellPadding = ImVec2(6, 4);
  style.WindowBorderSize = 0.0f;
  style.ChildBorderSize = 1.0f;
  ImVec4* c = style.Colors;
  if (theme == Theme::Light) {
    c[ImGuiCol_WindowBg] = ImVec4(0.96f, 0.96f, 0.97f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.91f, 0.92f, 0.94f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.80f, 0.82f, 0.86f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.26f, 0.47f, 0.78f, 0.22f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.26f, 0.47f, 0.78f, 0.32f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.26f, 0.47f, 0.78f, 0.45f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.0f, 0.0f, 0.0f, 0.03f);
    // Hints and disabled text still read at 4.5:1 on the menu bar (WCAG 2.1 AA; checked in
    // tests/ui/test_theme_contrast.cpp).
    c[ImGuiCol_TextDisabled] = ImVec4(0.36f, 0.39f, 0.44f, 1.0f);
  } else {
    c[ImGuiCol_WindowBg] = ImVec4(0.10f, 0.11f, 0.13f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0.13f, 0.14f, 0.17f, 1.0f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.15f, 0.16f, 0.19f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.25f, 0.27f, 0.32f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.30f, 0.52f, 0.85f, 0.30f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.30f, 0.52f, 0.85f, 0.42f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.30f, 0.52f, 0.85f, 0.55f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.66f, 0.69f, 0.74f, 1.0f);
    // ImGui's bright blue under white text is 3:1 at best: darker blues reach 4.5:1.
    c[ImGuiCol_ButtonHovered] = ImVec4(0.16f, 0.40f, 0.75f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.12f, 0.33f, 0.66f, 1.0f);
  }
  if (theme == Theme::Contrast) {
    c[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 1);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 1);
    c[ImGuiCol_Text] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_TextDisabled] = ImVec4(0.85f, 0.85f, 0.85f, 1);
    c[ImGuiCol_Border] = ImVec4(1, 1, 1, 0.6f);
    c[ImGuiCol_Button] = ImVec4(0.15f, 0.15f, 0.15f, 1);
  }
  // Sizes stay logical: FontGlobalScale and DisplayFramebufferScale handle the DPI.
  ImGui::GetStyle() = style;
}

const char* kind_plural(EventKind k) {
  static const char* const kNames[] = {N_("roundtables"), N_("forums"),
                                       N_("working-group meetings"), N_("campaigns"),
                                       N_("other events")};
  const size_t i = size_t(k);
  return tr(i < sizeof kNames / sizeof kNames[0] ? kNames[i] : kNames[4]);
}

ImU32 kind_color(EventKind k, Theme theme) {
  bool dark = is_dark(theme);
  switch (k) {
    case EventKind::Roundtable:
      return dark ? IM_COL32(96, 165, 250, 255) : IM_COL32(29, 78, 216, 255);
    case EventKind::Forum:
      return dark ? IM_COL32(251, 146, 60, 255) : IM_COL32(194, 65, 12, 255);
    case EventKind::WorkingGroupMeeting:
      return dark ? IM_COL32(74, 222, 128, 255) : IM_COL32(21, 128, 61, 255);
    case EventKind::Campaign:
      return dark ? IM_COL32(192, 132, 252, 255) : IM_COL32(126, 34, 206, 255);
    default:
      return dark ? IM_COL32(161, 161, 170, 255) : IM_COL32(82, 82, 91, 255);
  }
}

}  // namespace atlas::ui
