// ui_harness.hpp — the UI without a platform: a fake host (app/host.hpp) that records
// what the UI asks of it, and Dear ImGui run headless around AppUI (a font atlas built
// in memory, no GL context, no window). Input goes in as ImGui's own events, as the
// platform backends send them; widgets are found where they were drawn (ui/widget_probe),
// and the text drawn is read back from the frame's draw lists (screen_text).
#pragma once

#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/host.hpp"
#include "app/session.hpp"
#include "core/i18n.hpp"
#include "geo/gazetteer.hpp"
#include "ui/app_ui.hpp"
#include "ui/widget_probe.hpp"

namespace atlas::test {

class FakeHost : public Host {
 public:
  explicit FakeHost(bool browser) : browser_(browser) {}
  Abilities abilities() const override {
    return browser_ ? Abilities{"fake browser", false, true}
                    : Abilities{"fake desktop", true, false};
  }
  bool embedded() const override { return embed; }
  std::string share_address() const override { return address; }
  void set_fullscreen(bool on) override { fullscreen.push_back(on); }
  bool open_file_picker() override {
    ++pickers;
    return browser_;
  }
  bool offer_download(const std::string& name, const std::string& bytes) override {
    if (!browser_) return false;
    downloads.emplace_back(name, bytes);
    return true;
  }
  bool read_file(const std::string& path, std::string& out) override {
    for (const auto& [p, text] : files)
      if (p == path) {
        out = text;
        return true;
      }
    return false;
  }
  std::string write_file(const std::string& path, const std::string& bytes) override {
    if (browser_) return "no files here";
    files.emplace_back(path, bytes);
    return "";
  }
  void load_cjk_font(FontLoaded done) override { font_requests.push_back(std::move(done)); }
  void load_gazetteer(BytesLoaded done) override { done({}, "no city list in the tests"); }
  Clock clock() const override { return now; }
  void load_time_zones(BytesLoaded done) override { zone_requests.push_back(std::move(done)); }
  void load_site(SiteLoaded done) override { site_requests.push_back(std::move(done)); }
  // Not SHA-256: a stand-in that differs for different bytes (the UI only passes it on).
  std::string sha256(std::string_view bytes) override {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return std::string(buf) + buf + buf + buf;
  }
  std::string save_site(const std::string& where, const SiteFiles& files) override {
    if (!save_site_error.empty()) return save_site_error;
    sites.emplace_back(where, files);
    return "";
  }
  void publish_mirror(const Mirror& m) override { mirrors.push_back(m); }
  bool prefers_reduced_motion() const override { return reduced_motion; }

  bool embed = false;   // the page was opened with ?embed
  std::string address;  // the page's address, for View > Copy embed code
  std::vector<bool> fullscreen;
  int pickers = 0;
  std::vector<std::pair<std::string, std::string>> downloads;
  std::vector<std::pair<std::string, std::string>> files;  // path, bytes
  std::vector<FontLoaded> font_requests;                   // answered by the test
  std::vector<BytesLoaded> zone_requests;                  // answered by the test
  std::vector<SiteLoaded> site_requests;                   // answered by the test
  std::vector<std::pair<std::string, SiteFiles>> sites;    // published: where, files
  std::string save_site_error;                             // save_site's answer, when set
  std::vector<Mirror> mirrors;                             // every mirror published
  bool reduced_motion = false;                             // the system asks for less motion
  // A fixed "now": 2026-03-01T12:00:00Z, viewed from Berlin (tests may change it).
  Clock now{1772366400, "Europe/Berlin"};

 private:
  bool browser_;
};

// One AppUI over a session in memory, driven frame by frame.
class UiHarness {
 public:
  explicit UiHarness(bool browser = true)
      : host(browser), session(std::make_unique<MemoryStore>()), ui(session, host) {
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);  // CreateContext keeps another one current
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 2000);  // tall: the Inspector shows every field
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    session.start();
    ui.set_scale(1.0f);
    build_font_atlas();
    ui::probe::enable(true);
  }
  ~UiHarness() {
    ui::probe::enable(false);
    ImGui::DestroyContext(context_);
  }
  UiHarness(const UiHarness&) = delete;
  UiHarness& operator=(const UiHarness&) = delete;

  // One frame, as the platform's frame driver draws it (minus GL).
  void frame(int n = 1) {
    ImGui::SetCurrentContext(context_);  // several harnesses may live at once
    for (int i = 0; i < n; ++i) {
      session.tick(time_);
      if (ui.update_glyphs()) build_font_atlas();
      ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
      time_ += 1.0 / 60.0;
      ui::probe::new_frame();
      ImGui::NewFrame();
      ui.frame();
      ImGui::Render();
    }
  }
  // A key (with Ctrl held if asked) pressed and released over two frames.
  void key(ImGuiKey k, bool ctrl = false) {
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(k, true);
    frame();
    io.AddKeyEvent(k, false);
    if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, false);
    frame();
  }
  // A click in the middle of the widget drawn last frame with this label; false when
  // there is none.
  bool click(const char* label, int index = 0) {
    float r[4];
    if (!ui::probe::find(label, index, r)) return false;
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(r[0] + r[2] * 0.5f, r[1] + r[3] * 0.5f);
    frame();
    io.AddMouseButtonEvent(0, true);
    frame();
    io.AddMouseButtonEvent(0, false);
    frame();
    return true;
  }
  void type(const char* utf8) {
    ImGui::SetCurrentContext(context_);
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    frame();
  }

  // The text the last frame drew, glyph by glyph in drawing order, read back from its draw
  // lists (a glyph is a quad whose corners are its place in the font atlas). ImGui draws no
  // spaces, so there are none; a glyph cut by a clip rectangle is left out. Compare with
  // as_drawn(): shows("No folders here.").
  std::string screen_text() {
    ImGui::SetCurrentContext(context_);
    std::string out;
    const ImDrawData* data = ImGui::GetDrawData();
    if (!data) return out;
    for (int l = 0; l < data->CmdListsCount; ++l) out += glyphs_of(*data->CmdLists[l]);
    return out;
  }
  // The same for one pane: the windows whose names contain `name` ("/List_": a child
  // window's name is its parent's, then its own), the windows inside it too.
  std::string pane_text(std::string_view name) {
    ImGui::SetCurrentContext(context_);
    std::string out;
    for (const ImGuiWindow* w : context_->Windows)
      if (w->WasActive && std::string_view(w->Name).find(name) != std::string_view::npos)
        out += glyphs_of(*w->DrawList);
    return out;
  }
  // The glyphs one draw list holds, in its order.
  std::string glyphs_of(const ImDrawList& list) {
    std::map<std::pair<float, float>, std::vector<const ImFontGlyph*>> at;
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
      for (const ImFontGlyph& g : font->Glyphs)
        if (g.Visible) at[{g.U0, g.V0}].push_back(&g);
    std::string out;
    const ImVector<ImDrawVert>& v = list.VtxBuffer;
    for (int i = 0; i + 3 < v.Size; ++i) {
      auto it = at.find({v[i].uv.x, v[i].uv.y});
      if (it == at.end()) continue;
      for (const ImFontGlyph* g : it->second)
        if (v[i + 1].uv.x == g->U1 && v[i + 1].uv.y == g->V0 && v[i + 2].uv.x == g->U1 &&
            v[i + 2].uv.y == g->V1 && v[i + 3].uv.x == g->U0 && v[i + 3].uv.y == g->V1) {
          char buf[5];
          out += ImTextCharToUtf8(buf, g->Codepoint);
          i += 3;
          break;
        }
    }
    return out;
  }
  // `text` as screen_text() reads it back: without spaces, a character the fonts lack as
  // the glyph drawn for it.
  std::string as_drawn(std::string_view text) {
    ImGui::SetCurrentContext(context_);
    const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    std::string out;
    for (const char* p = text.data(); p < text.data() + text.size();) {
      unsigned int c = 0;
      p += ImTextCharFromUtf8(&c, p, text.data() + text.size());
      const ImFontGlyph* g = font->FindGlyph(ImWchar(c));
      if (!g || !g->Visible) continue;
      char buf[5];
      out += ImTextCharToUtf8(buf, g->Codepoint);
    }
    return out;
  }
  // Whether the last frame drew `text`.
  bool shows(std::string_view text) {
    return screen_text().find(as_drawn(text)) != std::string::npos;
  }

  FakeHost host;
  Session session;
  ui::AppUI ui;

 private:
  void build_font_atlas() {
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ImGui::GetIO().Fonts->SetTexID(ImTextureID(1));  // no GL: any id will do
  }
  ImGuiContext* context_ = nullptr;
  double time_ = 0;
};

// The UI in another language for one test: English again at the end, whatever happened.
struct ScopedLocale {
  explicit ScopedLocale(const char* language) { REQUIRE(i18n::set_locale(language)); }
  ~ScopedLocale() { i18n::set_locale("en"); }
  ScopedLocale(const ScopedLocale&) = delete;
  ScopedLocale& operator=(const ScopedLocale&) = delete;
};

#ifdef ATLAS_GAZETTEER
// The build's city list, loaded as the platform does once a city search needs it.
inline void load_build_gazetteer(geo::Gazetteer& g) {
  std::ifstream in(ATLAS_GAZETTEER, std::ios::binary);
  std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());
  std::string error;
  REQUIRE_MESSAGE(geo::load_gazetteer(bytes.data(), bytes.size(), g, error), error);
}
#endif

}  // namespace atlas::test
