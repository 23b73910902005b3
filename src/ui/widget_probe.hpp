// widget_probe.hpp — where each widget was drawn in the last frame, found by its label,
// so end-to-end tests can click the real buttons a user clicks (a confirmation's
// "Reset to sample", the story editor's arrows) instead of calling the code behind them.
//
// Built on Dear ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE, defined for the imgui
// library in cmake/app.cmake): ImGui reports every item's id and rectangle, then its
// label. The hooks run only while a test has switched the probe on; otherwise they cost
// one flag test per item.
#pragma once

#include <string>
#include <vector>

namespace atlas::ui::probe {

// Switches the recording on (it starts with the next frame) or off.
void enable(bool on);
bool enabled();
// Call once at the start of every UI frame (before ImGui::NewFrame); when that frame
// ends (ImGui::EndFrame, inside Render) it becomes "last": what find() answers from.
void new_frame();
// The last frame's widget whose visible label (the text before any "##") is `label`, or
// whose whole label is (so "##caption" finds a field with no visible label), or, for
// "##id", whose label ends with it (so "##skip-bad-rows" finds the checkbox whatever text
// the count and the language give it):
// x, y, width, height in the UI's coordinates (CSS pixels on the web). Of several with
// the same label, `index` picks one in drawing order (0 the first); -1 picks the last
// drawn (the one on top). Only widgets actually drawn count (not scrolled out of view,
// not in a window still being measured before it first appears).
// False when there is none.
bool find(const char* label, int index, float rect[4]);
// Every labelled widget of the last frame, in drawing order: its visible label and
// x, y, width, height (a layout check: nothing drawn off the screen), the width its
// label's text needs in the widget's font, and how much of the widget's width its window
// shows (its rectangle cut by the window's clip rectangle): a label is cut off when
// text_width > visible_width (a longer translation in a fixed-width button, a tab squeezed
// by its neighbours, a menu wider than its pane).
struct Labelled {
  std::string label;
  float rect[4];
  float text_width;
  float visible_width;
};
std::vector<Labelled> all_labelled();
// A frame drawn off screen (a PNG export, at another scale) is not recorded.
void pause(bool paused);
// Names the last item drawn, for widgets Dear ImGui leaves unnamed (a combo's closed
// box): find() then finds it by this label, as it finds buttons.
void name_last_item(const char* label);

}  // namespace atlas::ui::probe
