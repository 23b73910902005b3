// widget_probe.cpp — see widget_probe.hpp.
#include "ui/widget_probe.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace atlas::ui::probe {
namespace {
struct Item {
  ImGuiID id;
  ImRect rect;
  std::string label;  // what the user sees: the text before any "##"
  std::string full;   // the whole label given to ImGui ("##caption", "Save##export")
  ImRect clip;        // the window's clip rectangle when the item was added
  float text_width = 0;
};
std::vector<Item> g_current, g_last;
bool g_on = false;
bool g_paused = false;
bool g_frame_open = false;  // new_frame() began a frame that end_frame() has not closed

// The frame just drawn becomes "last" when it ends, not when the next one begins: between
// frames (when scripts ask) "last" is the frame on screen. An app that goes idle after a
// menu appears would otherwise answer with the frame before, where the menu was still
// being measured, for as long as it stays idle.
void end_frame(ImGuiContext*, ImGuiContextHook*) {
  if (!g_frame_open) return;  // an off-screen frame (a PNG export) is not recorded
  g_frame_open = false;
  g_last.swap(g_current);
  g_current.clear();
}
}  // namespace

void pause(bool paused) { g_paused = paused; }

void enable(bool on) {
  g_on = on;
  if (ImGui::GetCurrentContext()) ImGui::GetCurrentContext()->TestEngineHookItems = on;
  if (!on) {
    g_current.clear();
    g_last.clear();
  }
}

bool enabled() { return g_on; }

void new_frame() {
  if (!g_on) return;
  ImGuiContext* ctx = ImGui::GetCurrentContext();
  // Asked of the context itself, not remembered: a new context may reuse a destroyed
  // one's address (the UI tests make one per test).
  bool hooked = false;
  for (const ImGuiContextHook& h : ctx->Hooks) hooked |= h.Callback == end_frame;
  if (!hooked) {
    ImGuiContextHook hook;
    hook.Type = ImGuiContextHookType_EndFramePost;
    hook.Callback = end_frame;
    ImGui::AddContextHook(ctx, &hook);
  }
  g_current.clear();
  g_frame_open = true;
  ctx->TestEngineHookItems = true;  // a new context starts off
}

bool find(const char* label, int index, float rect[4]) {
  const Item* found = nullptr;
  int seen = 0;
  const std::string_view id = std::strncmp(label, "##", 2) == 0 ? label : "";
  auto ends_with_id = [&](const std::string& full) {
    return !id.empty() && full.size() > id.size() &&
           std::string_view(full).substr(full.size() - id.size()) == id;
  };
  for (const Item& it : g_last)
    if (it.label == label || (label[0] && it.full == label) || ends_with_id(it.full)) {
      found = &it;
      if (seen++ == index) break;
    }
  if (!found || (index >= 0 && seen <= index)) return false;
  rect[0] = found->rect.Min.x;
  rect[1] = found->rect.Min.y;
  rect[2] = found->rect.GetWidth();
  rect[3] = found->rect.GetHeight();
  return true;
}

std::vector<Labelled> all_labelled() {
  std::vector<Labelled> out;
  for (const Item& it : g_last)
    if (!it.label.empty())
      out.push_back({it.label,
                     {it.rect.Min.x, it.rect.Min.y, it.rect.GetWidth(), it.rect.GetHeight()},
                     it.text_width,
                     std::max(0.0f, std::min(it.rect.Max.x, it.clip.Max.x) -
                                        std::max(it.rect.Min.x, it.clip.Min.x))});
  return out;
}

void record(ImGuiID id, const ImRect& bb, const ImRect& clip) {
  if (g_on && !g_paused) g_current.push_back({id, bb, {}, {}, clip, 0});
}

void name(ImGuiID id, const char* label) {
  if (!g_on || g_paused || !label) return;
  // ItemInfo follows its item's ItemAdd: look back a few entries only.
  for (size_t i = g_current.size(), n = 0; i-- > 0 && n < 8; ++n)
    if (g_current[i].id == id) {
      const char* end = std::strstr(label, "##");
      g_current[i].label.assign(label, end ? size_t(end - label) : std::strlen(label));
      g_current[i].full = label;
      const std::string& shown = g_current[i].label;
      g_current[i].text_width = ImGui::CalcTextSize(shown.data(), shown.data() + shown.size()).x;
      return;
    }
}

void name_last_item(const char* label) {
  if (g_on && ImGui::GetCurrentContext()) name(ImGui::GetItemID(), label);
}

}  // namespace atlas::ui::probe

// The hooks Dear ImGui calls when IMGUI_ENABLE_TEST_ENGINE is defined.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb,
                                 const ImGuiLastItemData*) {
  // A window appearing (a menu, a popup, a modal) is laid out once hidden, to measure it,
  // and only then placed: its items' rectangles from that frame are not where they will
  // be drawn, and a click aimed at them would land beside the window and close it.
  if (ctx->CurrentWindow && ctx->CurrentWindow->Hidden) return;
  atlas::ui::probe::record(id, bb, ctx->CurrentWindow ? ctx->CurrentWindow->ClipRect : ImRect(bb));
}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags) {
  atlas::ui::probe::name(id, label);
}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
