// theme.hpp — the look: light and dark themes, kind colours, fonts at a DPI scale.
#pragma once

#include <imgui.h>

#include "core/model.hpp"

namespace atlas::ui {

// Contrast is for projectors (presenter mode): black, white and saturated colours.
enum class Theme { Light, Dark, Contrast };
inline bool is_dark(Theme t) { return t != Theme::Light; }

// Sets ImGui's style for `theme` at `scale` (sizes in logical pixels × scale).
void apply_theme(Theme theme, float scale);

// One colour per event kind, the same on map, timeline and list.
ImU32 kind_color(EventKind k, Theme theme);

// Builds the font atlas: Noto Sans (Latin, Latin Extended, Vietnamese, punctuation)
// with Noto Sans Thai merged, rasterised at `scale` so text is crisp on high-DPI
// screens. Returns the large heading font (the regular one becomes the default).
struct Fonts {
  ImFont* body = nullptr;
  ImFont* heading = nullptr;
  ImFont* small = nullptr;
  ImFont* stage_title = nullptr;  // presenter mode: readable from the back of a room
  ImFont* stage_body = nullptr;
};
Fonts load_fonts(float scale);

}  // namespace atlas::ui
