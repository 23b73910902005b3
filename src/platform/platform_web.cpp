// platform_web.cpp — the web target: SDL2 on an Emscripten canvas, WebGL 2 (GLSL ES
// 3.00), a requestAnimationFrame loop that pauses itself when idle (web/atlas.js wakes
// it on input), the canvas kept at the window's size × devicePixelRatio, and the
// C functions behind the page's JavaScript API (window.atlas, see web/atlas.js).
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "platform/frame_driver.hpp"
#include "platform/platform.hpp"
#include "ui/widget_probe.hpp"

namespace atlas::platform {

const char* glsl_version() { return "#version 300 es"; }

ui::PlatformInfo info() { return {"web (WebAssembly + WebGL 2)", false, true}; }

namespace {

// EM_JS bodies are JavaScript, not C++: clang-format must not touch them.
// clang-format off
// The browser's localStorage, under "atlas." keys. Errors become StoreError: a full
// store (QuotaExceededError) is told apart from storage that is switched off.
EM_JS(char*, js_storage_get, (const char* key), {
  try {
    const v = localStorage.getItem('atlas.' + UTF8ToString(key));
    if (v === null) return 0;
    const n = lengthBytesUTF8(v) + 1;
    const p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
  } catch (e) {
    return 0;
  }
});
EM_JS(int, js_storage_put, (const char* key, const char* value), {
  try {
    localStorage.setItem('atlas.' + UTF8ToString(key), UTF8ToString(value));
    return 0;
  } catch (e) {
    return e && (e.name === 'QuotaExceededError' || e.code === 22) ? 1 : 2;
  }
});
EM_JS(void, js_storage_remove, (const char* key), {
  try {
    localStorage.removeItem('atlas.' + UTF8ToString(key));
  } catch (e) {
  }
});
EM_JS(void, js_download, (const char* name, const char* bytes, int size), {
  // A copy of the bytes (binary-safe: PNG as well as JSON).
  Module.download(UTF8ToString(name), HEAPU8.slice(bytes, bytes + size));
});
EM_JS(void, js_view_changed, (const char* hash), { Module.onViewChanged(UTF8ToString(hash)); });
EM_JS(void, js_open_picker, (), { Module.openFilePicker(); });
EM_JS(void, js_fullscreen, (int on), { Module.setFullscreen(!!on); });
// Copy goes to the system clipboard (the browser allows it during the key press that
// asked for it); paste arrives as the page's paste event (web/atlas.js), so ImGui's own
// paste returns nothing rather than a stale in-app copy.
EM_JS(void, js_clipboard_write, (const char* text), {
  const t = UTF8ToString(text);
  if (navigator.clipboard) navigator.clipboard.writeText(t).catch(() => {});
});
EM_JS(void, js_ime_at, (float x, float y, float line_height, int wants_text), {
  if (Module.imeAt) Module.imeAt(x, y, line_height, !!wants_text);
});
// A file beside the page (the CJK font, the gazetteer), fetched when needed; the service
// worker keeps it for offline use. The bytes or the error go to atlas_asset(slot, ...).
EM_JS(void, js_fetch_asset, (const char* url, int slot), {
  const u = UTF8ToString(url);
  fetch(u).then((r) => {
    if (!r.ok) throw new Error('the server answered ' + r.status + ' for ' + u);
    return r.arrayBuffer();
  }).then((buffer) => {
    const bytes = new Uint8Array(buffer);
    const ptr = Module._malloc(Math.max(1, bytes.length));
    HEAPU8.set(bytes, ptr);
    Module._atlas_asset(slot, ptr, bytes.length, 0);
  }).catch((e) => {
    const msg = String(e && e.message || e);
    const size = lengthBytesUTF8(msg) + 1;
    const ptr = Module._malloc(size);
    stringToUTF8(msg, ptr, size);
    Module._atlas_asset(slot, 0, 0, ptr);
  });
});

// clang-format on

class WebStore : public KeyValueStore {
 public:
  std::optional<std::string> get(const std::string& key) override {
    char* v = js_storage_get(key.c_str());
    if (!v) return std::nullopt;
    std::string out(v);
    std::free(v);
    return out;
  }
  StoreError put(const std::string& key, const std::string& value) override {
    int r = js_storage_put(key.c_str(), value.c_str());
    return r == 0 ? StoreError::None : r == 1 ? StoreError::Quota : StoreError::Io;
  }
  void remove(const std::string& key) override { js_storage_remove(key.c_str()); }
  std::string where() const override { return "this browser's local storage"; }
};

FrameDriver* g_driver = nullptr;
SDL_Window* g_window = nullptr;
bool g_paused = false;
bool g_first_frame_reported = false;
std::string g_result;  // the last string handed to JavaScript (copied out at once)
std::string g_last_hash;
std::string g_pending_text;  // pasted text waiting for Ctrl to be released
std::vector<uint8_t> g_png;
// Waiting for js_fetch_asset, by slot.
enum AssetSlot { kCjkFontSlot = 0, kGazetteerSlot = 1 };
BytesLoaded g_asset_done[2];

void tick(void*) {
  FrameDriver& d = *g_driver;
  SDL_Event e;
  while (SDL_PollEvent(&e)) d.handle(e);
  if (!g_pending_text.empty()) {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl && !io.KeySuper) {
      io.AddInputCharactersUTF8(g_pending_text.c_str());
      g_pending_text.clear();
    }
    d.wake();
  }
  // The URL's hash follows the view: when it settles, and twice a second while it keeps
  // moving (autoplay in a kiosk never settles).
  auto share_view = [&] {
    std::string hash = d.view_hash();
    if (hash != g_last_hash) {
      g_last_hash = hash;
      js_view_changed(hash.c_str());
    }
  };
  static double last_shared = 0;
  if (d.wants_frame()) {
    d.draw();
    if (!g_first_frame_reported) {
      g_first_frame_reported = true;
      EM_ASM({
        if (Module.onFirstFrame) Module.onFirstFrame();
      });
    }
    const double now = emscripten_get_now();
    if (now - last_shared > 500) {
      last_shared = now;
      share_view();
    }
  } else {
    // Nothing to draw: the view has settled. Tell the page, then stop the rAF loop until
    // web/atlas.js calls atlas_wake().
    share_view();
    emscripten_pause_main_loop();
    g_paused = true;
  }
}

void resize_canvas(int css_w, int css_h, double dpr) {
  if (css_w < 1 || css_h < 1) return;
  SDL_SetWindowSize(g_window, css_w, css_h);
  emscripten_set_canvas_element_size("#canvas", int(std::lround(css_w * dpr)),
                                     int(std::lround(css_h * dpr)));
  emscripten_set_element_css_size("#canvas", css_w, css_h);
}

}  // namespace

void set_fullscreen(bool on) { js_fullscreen(on ? 1 : 0); }

bool open_file_picker() {
  js_open_picker();
  return true;
}
bool offer_download(const std::string& filename, const std::string& text) {
  js_download(filename.c_str(), text.data(), int(text.size()));
  return true;
}
void load_cjk_font(FontLoaded done) {
  g_asset_done[kCjkFontSlot] = [done = std::move(done)](std::vector<unsigned char> bytes,
                                                        const std::string& error) {
    done(std::move(bytes), 0,
         error.empty() ? error
                       : "its font could not be downloaded (" + error +
                             "); reload the page when you are online");
  };
  js_fetch_asset("fonts/cjk.ttf", kCjkFontSlot);
}

void load_gazetteer(BytesLoaded done) {
  g_asset_done[kGazetteerSlot] = std::move(done);
  js_fetch_asset("gazetteer.bin", kGazetteerSlot);
}

bool read_text_file(const std::string&, std::string&) { return false; }
std::string write_text_file(const std::string&, const std::string&) {
  return "the web version saves by downloading";
}

int run(const Options& opt) {
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#ime");  // web/index.html
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
    EM_ASM({ Module.fail("SDL could not start: " + UTF8ToString($0)); }, SDL_GetError());
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  int css_w = EM_ASM_INT({ return window.innerWidth; });
  int css_h = EM_ASM_INT({ return window.innerHeight; });
  g_window = SDL_CreateWindow("Coalition Atlas", 0, 0, css_w, css_h,
                              SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI);
  SDL_GLContext gl = g_window ? SDL_GL_CreateContext(g_window) : nullptr;
  if (!gl) {
    EM_ASM({ Module.fail("WebGL 2 could not be started: " + UTF8ToString($0)); }, SDL_GetError());
    return 1;
  }
  double dpr = emscripten_get_device_pixel_ratio();
  resize_canvas(css_w, css_h, dpr);
  static FrameDriver driver(std::make_unique<WebStore>());
  g_driver = &driver;
  driver.init(g_window, gl, glsl_version(), opt.scale > 0 ? opt.scale : float(dpr), opt.dark);
  ImGuiIO& io = ImGui::GetIO();
  io.SetClipboardTextFn = [](void*, const char* text) { js_clipboard_write(text); };
  io.GetClipboardTextFn = [](void*) -> const char* { return ""; };
  // Input methods compose in the page's hidden text element (web/atlas.js): keep it at
  // ImGui's text caret, so the composition shows where the text will go.
  io.SetPlatformImeDataFn = [](ImGuiViewport*, ImGuiPlatformImeData* data) {
    js_ime_at(data->InputPos.x, data->InputPos.y, data->InputLineHeight, data->WantVisible);
  };
  EM_ASM(
      {
        Module.atlasVersion = UTF8ToString($0);
        if (Module.onReady) Module.onReady();
      },
      ATLAS_VERSION);
  emscripten_set_main_loop_arg(tick, nullptr, 0, true);
  return 0;
}

}  // namespace atlas::platform

// -------------------------------------------------------------------------------------
// The C side of window.atlas (web/atlas.js). Strings returned stay valid until the next
// call; the JavaScript side copies them at once.
// -------------------------------------------------------------------------------------
using atlas::platform::g_driver;

extern "C" {

EMSCRIPTEN_KEEPALIVE void atlas_wake() {
  if (!g_driver) return;
  g_driver->wake();
  if (atlas::platform::g_paused) {
    atlas::platform::g_paused = false;
    emscripten_resume_main_loop();
  }
}

EMSCRIPTEN_KEEPALIVE void atlas_resize(int css_w, int css_h, double dpr) {
  if (!g_driver) return;
  atlas::platform::resize_canvas(css_w, css_h, dpr);
  g_driver->set_scale(float(dpr));
  atlas_wake();
}

// A file from the picker, a drop, a paste or ?data=URL: the session's import rules.
EMSCRIPTEN_KEEPALIVE const char* atlas_import(const char* text, const char* name) {
  auto r = g_driver->session.import_text(text, name);
  atlas_wake();
  atlas::platform::g_result = r == atlas::Session::ImportResult::Replaced ? "replaced"
                              : r == atlas::Session::ImportResult::NeedsConfirmation
                                  ? "needs-confirmation"
                                  : "refused";
  return atlas::platform::g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE void atlas_import_failed(const char* name, const char* why) {
  g_driver->session.import_failed(name, why);
  atlas_wake();
}

// Another tab wrote the storage (the page's "storage" event).
EMSCRIPTEN_KEEPALIVE void atlas_storage_changed() {
  g_driver->session.storage_changed_elsewhere();
  atlas_wake();
}

// The page is being hidden or closed: save now, not after the autosave delay.
EMSCRIPTEN_KEEPALIVE void atlas_flush() {
  if (g_driver) g_driver->session.flush();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_diagnostics() {
  atlas::platform::g_result = atlas::diagnostics_json(g_driver->session.import_diagnostics());
  return atlas::platform::g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_notices() {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& n : g_driver->session.notices)
    a.push_back({{"kind", n.kind == atlas::Notice::Error     ? "error"
                          : n.kind == atlas::Notice::Warning ? "warning"
                                                             : "info"},
                 {"text", n.text}});
  atlas::platform::g_result = a.dump();
  return atlas::platform::g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_storage_status() {
  auto& s = g_driver->session;
  atlas::platform::g_result = nlohmann::json{
      {"saved", !s.dirty()},
      {"quotaExceeded", s.quota_exceeded()},
      {"conflict", s.conflict()},
      {"where",
       s.storage_where()}}.dump();
  return atlas::platform::g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_load_json(const char* text, const char* origin) {
  auto diags = g_driver->state.load_json(text, origin);
  atlas_wake();
  atlas::platform::g_result = atlas::diagnostics_json(diags);
  return atlas::platform::g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_export_json() {
  atlas::platform::g_result = g_driver->state.export_json();
  return atlas::platform::g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_stats() {
  atlas::platform::g_result = atlas::stats_json(g_driver->state);
  return atlas::platform::g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE int atlas_api_select(const char* id) {
  bool ok = g_driver->state.select(id);
  atlas_wake();
  return ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_selection() { return g_driver->state.selection.c_str(); }

EMSCRIPTEN_KEEPALIVE double atlas_api_frames_drawn() { return double(g_driver->frames_drawn()); }

EMSCRIPTEN_KEEPALIVE double atlas_api_last_frame_ms() { return g_driver->last_frame_ms(); }
EMSCRIPTEN_KEEPALIVE double atlas_api_last_ui_ms() { return g_driver->last_ui_ms(); }
EMSCRIPTEN_KEEPALIVE double atlas_api_last_gl_ms() { return g_driver->last_gl_ms(); }
EMSCRIPTEN_KEEPALIVE double atlas_api_map_ms() { return g_driver->ui.map_ms(); }
EMSCRIPTEN_KEEPALIVE double atlas_api_timeline_ms() { return g_driver->ui.timeline_ms(); }

EMSCRIPTEN_KEEPALIVE const char* atlas_api_panes() {
  nlohmann::json o = nlohmann::json::object();
  for (int p = 0; p < atlas::ui::kPaneCount; ++p) {
    const auto& r = g_driver->ui.pane(atlas::ui::Pane(p));
    o[atlas::ui::pane_name(atlas::ui::Pane(p))] = {
        {"x", r.x}, {"y", r.y}, {"width", r.w}, {"height", r.h}};
  }
  atlas::platform::g_result = o.dump();
  return atlas::platform::g_result.c_str();
}

// Map and timeline, for tests, benchmarks and embedding pages.
EMSCRIPTEN_KEEPALIVE const char* atlas_api_map_project(double lon, double lat) {
  auto& map = g_driver->ui.map();
  atlas::geo::Vec2 p = map.project(lon, lat);
  atlas::platform::g_result =
      nlohmann::json{{"x", map.pane_x() + p.x}, {"y", map.pane_y() + p.y}}.dump();
  return atlas::platform::g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE void atlas_api_map_set_view(double lon, double lat, double zoom) {
  g_driver->ui.map().set_view(lon, lat, zoom);
  atlas_wake();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_map_view() {
  auto& map = g_driver->ui.map();
  atlas::geo::Vec2 ll = atlas::geo::world_to_lonlat(map.camera().center);
  atlas::platform::g_result = nlohmann::json{{"lon", ll.x},
                                             {"lat", ll.y},
                                             {"zoom", map.camera().zoom},
                                             {"markers", map.visible_marker_count()}}
                                  .dump();
  return atlas::platform::g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_timeline_locate(const char* id) {
  float x = 0, y = 0;
  bool ok = g_driver->ui.timeline().locate(g_driver->state, id, x, y);
  atlas::platform::g_result = ok ? nlohmann::json{{"x", x}, {"y", y}}.dump() : "null";
  return atlas::platform::g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_timeline_axis(const char* date) {
  float x, y, w, h;
  g_driver->ui.timeline().axis_rect(x, y, w, h);
  nlohmann::json o{{"x", x}, {"y", y}, {"width", w}, {"height", h}};
  auto v = atlas::edtf::parse(date);
  if (v.value) o["dateX"] = g_driver->ui.timeline().x_of_day(double(v.value->earliest()));
  atlas::platform::g_result = o.dump();
  return atlas::platform::g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE void atlas_api_timeline_zoom(double factor, double x) {
  g_driver->ui.timeline().zoom(factor, x);
  atlas_wake();
}

EMSCRIPTEN_KEEPALIVE void atlas_api_timeline_pan(double dx) {
  g_driver->ui.timeline().pan(dx);
  atlas_wake();
}

// The timeline's date window (the brush), as EDTF values: from the start of `first` to
// the end of `last`. Empty strings clear it. Returns "" or what is wrong.
EMSCRIPTEN_KEEPALIVE const char* atlas_api_set_range(const char* first, const char* last) {
  atlas::Filters f = g_driver->state.filters;
  std::string a = first, b = last;
  atlas::platform::g_result.clear();
  if (a.empty() && b.empty()) {
    f.window_on = false;
  } else {
    auto pa = atlas::edtf::parse(a), pb = atlas::edtf::parse(b.empty() ? a : b);
    if (!pa.value || !pb.value) {
      atlas::platform::g_result = !pa.value ? pa.error : pb.error;
      return atlas::platform::g_result.c_str();
    }
    f.window_on = true;
    f.window_first = pa.value->earliest();
    f.window_last = pb.value->latest();
  }
  g_driver->state.set_filters(f);
  atlas_wake();
  return atlas::platform::g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_visible() {
  size_t events = g_driver->state.visible_event_count();
  atlas::platform::g_result =
      nlohmann::json{{"events", events},
                     {"timelineItems", g_driver->ui.timeline().visible_item_count()},
                     {"mapMarkers", g_driver->ui.map().visible_marker_count()},
                     {"mapGroups", g_driver->ui.map().visible_group_count()}}
          .dump();
  return atlas::platform::g_result.c_str();
}

// Presenter mode and its story.
EMSCRIPTEN_KEEPALIVE void atlas_api_present(int on, int step) {
  g_driver->ui.present(on != 0, step);
  atlas_wake();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_story() {
  auto& p = g_driver->ui.presenter();
  const auto& steps = p.steps(g_driver->state);
  nlohmann::json o{{"presenting", p.active()},
                   {"step", p.step()},
                   {"count", steps.size()},
                   {"autoplay", p.autoplay}};
  o["item"] = p.active() && size_t(p.step()) < steps.size() && !steps[size_t(p.step())].item.empty()
                  ? nlohmann::json(steps[size_t(p.step())].item)
                  : nlohmann::json(nullptr);
  atlas::platform::g_result = o.dump();
  return atlas::platform::g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE void atlas_api_story_go(int step) {
  g_driver->ui.present_step(step);
  atlas_wake();
}

EMSCRIPTEN_KEEPALIVE void atlas_api_autoplay(double seconds, int loop) {
  auto& p = g_driver->ui.presenter();
  p.autoplay = seconds > 0;
  if (seconds > 0) p.interval = float(seconds);
  p.loop = loop != 0;
  atlas_wake();
}

// The current view as a PNG at `scale` × the window's size: its bytes stay valid until
// the next call; the length comes from atlas_api_png_size().
EMSCRIPTEN_KEEPALIVE const uint8_t* atlas_api_export_png(double scale) {
  g_driver->render_png(float(scale), atlas::platform::g_png);
  atlas_wake();
  return atlas::platform::g_png.data();
}
EMSCRIPTEN_KEEPALIVE int atlas_api_png_size() { return int(atlas::platform::g_png.size()); }

EMSCRIPTEN_KEEPALIVE const char* atlas_api_view_hash() {
  atlas::platform::g_result = g_driver->view_hash();
  return atlas::platform::g_result.c_str();
}

// Text for the field being typed in (a paste, an input method's result). It goes through
// ImGui's input queue in order, after the click that activated the field even when that
// click has not been drawn yet; with no field active ImGui drops it.
EMSCRIPTEN_KEEPALIVE int atlas_text_input(const char* text) {
  // A paste arrives while Ctrl is still down, and ImGui ignores characters typed with
  // Ctrl: hold the text until the key is released (tick() hands it over).
  atlas::platform::g_pending_text += text;
  atlas_wake();
  return 1;
}

// A file from js_fetch_asset arrived (bytes, owned here now) or could not be had (error,
// owned too).
EMSCRIPTEN_KEEPALIVE void atlas_asset(int slot, unsigned char* bytes, int size, char* error) {
  std::vector<unsigned char> data;
  if (bytes) data.assign(bytes, bytes + size);
  std::string why = error ? error : "";
  std::free(bytes);
  std::free(error);
  if (slot < 0 || slot > 1) return;
  if (auto done = std::move(atlas::platform::g_asset_done[slot])) done(std::move(data), why);
  atlas_wake();
}

// The place lookup, as the Inspector's city search uses it: null until it has arrived.
EMSCRIPTEN_KEEPALIVE const char* atlas_api_find_city(const char* query, int limit) {
  const atlas::geo::Gazetteer* g = g_driver->gazetteer();
  nlohmann::json out = nullptr;
  if (g) {
    out = nlohmann::json::array();
    for (const auto& hit : g->search_text(query, size_t(std::max(1, limit))))
      out.push_back(
          {{"name", hit.name}, {"country", hit.country}, {"lat", hit.lat}, {"lon", hit.lon}});
  }
  atlas::platform::g_result = out.dump();
  return atlas::platform::g_result.c_str();
}

// Fonts, for tests: the CJK font's state, and which characters of a text have no glyph.
EMSCRIPTEN_KEEPALIVE const char* atlas_api_fonts(const char* text) {
  auto& ui = g_driver->ui;
  atlas::platform::g_result =
      nlohmann::json{{"cjk", ui.cjk_font_status()},
                     {"cjkGlyphs", ui.cjk_glyph_count()},
                     {"missing", ui.missing_glyphs(text)},
                     {"texture", {ImGui::GetIO().Fonts->TexWidth, ImGui::GetIO().Fonts->TexHeight}}}
          .dump();
  return atlas::platform::g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE int atlas_wants_text() { return ImGui::GetIO().WantTextInput ? 1 : 0; }

// Undo, redo and the history's labels.
EMSCRIPTEN_KEEPALIVE int atlas_api_undo() {
  bool ok = g_driver->state.undo();
  atlas_wake();
  return ok;
}
EMSCRIPTEN_KEEPALIVE int atlas_api_redo() {
  bool ok = g_driver->state.redo();
  atlas_wake();
  return ok;
}
EMSCRIPTEN_KEEPALIVE const char* atlas_api_history() {
  const auto& h = g_driver->state.history;
  atlas::platform::g_result = nlohmann::json{
      {"labels", h.labels()},
      {"position", h.position()},
      {"undo", h.undo_label()},
      {"redo", h.redo_label()}}.dump();
  return atlas::platform::g_result.c_str();
}
// One field of one item, as the editor sets it: "" or why it was refused.
EMSCRIPTEN_KEEPALIVE const char* atlas_api_set_field(const char* id, const char* field,
                                                     const char* json_value) {
  std::string error;
  auto value = nlohmann::json::parse(json_value, nullptr, false);
  if (value.is_discarded())
    error = "the value is not JSON";
  else
    g_driver->state.edit(atlas::Command::set_field(id, field, value), &error);
  atlas_wake();
  atlas::platform::g_result = error;
  return atlas::platform::g_result.c_str();
}
// "Pick on map" for a place, as its button does: the next click on the map places it.
EMSCRIPTEN_KEEPALIVE int atlas_api_pick_on_map(const char* place_id) {
  if (!g_driver->state.place(place_id)) return 0;
  g_driver->state.pick_place_for = place_id;
  atlas_wake();
  return 1;
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_field_rect(const char* key) {
  float r[4];
  atlas::platform::g_result =
      g_driver->ui.editor().field_rect(key, r)
          ? nlohmann::json{{"x", r[0]}, {"y", r[1]}, {"width", r[2]}, {"height", r[3]}}.dump()
          : "null";
  return atlas::platform::g_result.c_str();
}

// Where a widget was drawn in the last frame, by its label (tests click real buttons).
// The first call switches the recording on: the answer comes with the next frame.
EMSCRIPTEN_KEEPALIVE const char* atlas_api_widget_rect(const char* label, int index) {
  float r[4];
  if (!atlas::ui::probe::enabled()) {
    atlas::ui::probe::enable(true);
    atlas_wake();
  }
  atlas::platform::g_result =
      atlas::ui::probe::find(label, index, r)
          ? nlohmann::json{{"x", r[0]}, {"y", r[1]}, {"width", r[2]}, {"height", r[3]}}.dump()
          : "null";
  return atlas::platform::g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE int atlas_api_set_theme(int dark) {
  g_driver->ui.set_theme(dark ? atlas::ui::Theme::Dark : atlas::ui::Theme::Light);
  atlas_wake();
  return dark;
}

}  // extern "C"
