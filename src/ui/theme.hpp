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
// A kind's name for many of it ("roundtables"), in the UI's language: the legend's rows
// and the timeline's lanes.
const char* kind_plural(EventKind k);

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
// A font loaded at run time and merged into every size for a set of characters: the
// CJK font, fetched only when a dataset has Chinese text. `ranges` are ImGui glyph
// ranges (pairs, 0-terminated); they must stay alive as long as the atlas.
struct ExtraFont {
  const unsigned char* data = nullptr;
  size_t size = 0;
  int font_no = 0;  // the face in a font collection (.ttc)
  const ImWchar* ranges = nullptr;
};
// The largest font texture the atlas may grow to: past it, the presenter's big sizes go
// without the extra glyphs (the editor's sizes keep them).
constexpr int kMaxFontTexturePixels = 4096 * 4096;
// `stage`: also the presenter's two big sizes, which are most of the atlas's work and
// texture; without them (until presenting begins) stage_title and stage_body are null.
Fonts load_fonts(float scale, const ExtraFont* extra = nullptr, bool stage = true);

}  // namespace atlas::ui
