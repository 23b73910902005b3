// platform_web.cpp — the web target's backend: SDL2 on an Emscripten canvas, WebGL 2
// (GLSL ES 3.00), a requestAnimationFrame loop that pauses itself when idle (web/atlas.js
// wakes it on input), the canvas kept at the window's size x devicePixelRatio, the
// page's store (IndexedDB through web/store.js), and the UI's host (app/host.hpp). The functions
// behind window.atlas are the bridge, web_api.cpp.
//
// Index
//   1. The browser, from C++ (EM_JS: the page's functions in web/atlas.js)
//   2. Storage and the host
//   3. The frame loop
//   4. Start-up
//   5. The page's calls into the app (atlas.js sections 2 to 4: wake, resize, files,
//      storage events, typed text, fetched assets)
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/host.hpp"
#include "app/store_words.hpp"
#include "core/i18n.hpp"
#include "platform/frame_driver.hpp"
#include "platform/platform.hpp"
#include "platform/web_backend.hpp"

namespace atlas::platform {

const char* glsl_version() { return "#version 300 es"; }

namespace {

// ---------------------------------------------------------------------------------
// 1. The browser, from C++ (EM_JS: the page's functions in web/atlas.js)
// ---------------------------------------------------------------------------------

// EM_JS bodies are JavaScript, not C++: clang-format must not touch them.
// clang-format off
// The page's store (web/store.js, opened by web/atlas.js before the app starts): IndexedDB
// read into memory at start, so reads answer at once; a save's batch goes to it whole
// and is written in one transaction, answered later through atlas_store_done. Where
// IndexedDB cannot be used it is localStorage (under "atlas." keys), as before.
EM_JS(char*, js_storage_get, (const char* key), {
  const v = Module.store.get(UTF8ToString(key));
  return v === null ? 0 : Module.toHeap(v);
});
EM_JS(void, js_storage_put, (const char* key, const char* value), {
  Module.store.put(UTF8ToString(key), UTF8ToString(value));
});
EM_JS(int, js_storage_has, (const char* key), { return Module.store.has(UTF8ToString(key)) ? 1 : 0; });
EM_JS(void, js_storage_remove, (const char* key), { Module.store.remove(UTF8ToString(key)); });
// One batch: its items added one by one (a dataset's bytes decoded once, by the
// browser's TextDecoder), then committed with the guard. The answer comes to
// atlas_store_done(id, code): 0 saved, 1 full, 2 failed, 3 changed by another writer.
EM_JS(void, js_store_add, (const char* key, const char* bytes, int size), {
  Module.store.add(UTF8ToString(key), Module.fromHeap(bytes, size));
});
EM_JS(void, js_store_commit, (const char* expect, int users_data, int id), {
  Module.store.commit(expect ? UTF8ToString(expect) : null, !!users_data,
                      (code) => Module._atlas_store_done(id, code));
});
// Whether the store is still reading a value (web/store.js readStart).
EM_JS(int, js_store_pending, (), { return Module.store.pending() ? 1 : 0; });
// The store's facts as JSON (web/store.js info()): the app words them (store_words).
EM_JS(char*, js_store_info, (), { return Module.toHeap(JSON.stringify(Module.store.info())); });
EM_JS(void, js_download, (const char* name, const char* bytes, int size), {
  // A copy of the bytes (binary-safe: PNG as well as JSON).
  Module.download(UTF8ToString(name), HEAPU8.slice(bytes, bytes + size));
});
EM_JS(void, js_view_changed, (const char* hash), { Module.onViewChanged(UTF8ToString(hash)); });
// The shared link the page was opened with (?data=URL: web/atlas.js), or null.
EM_JS(char*, js_shared_link, (), {
  const link = Module.sharedLink;
  if (typeof link !== 'string') return 0;
  const n = lengthBytesUTF8(link) + 1;
  const p = _malloc(n);
  stringToUTF8(link, p, n);
  return p;
});
// The basemap (basemap.bin), fetched by web/atlas.js beside the wasm and held until the
// app starts: its bytes (malloc'd, *size set) or null, with why in *error (malloc'd).
EM_JS(unsigned char*, js_take_basemap, (int* size, char** error), {
  const got = Module.basemap || { why: 'the page did not fetch basemap.bin' };
  Module.basemap = null;
  HEAP32[size >> 2] = 0;
  HEAP32[error >> 2] = 0;
  if (!got.bytes) {
    const n = lengthBytesUTF8(got.why) + 1;
    const e = _malloc(n);
    stringToUTF8(got.why, e, n);
    HEAP32[error >> 2] = e;
    return 0;
  }
  const p = _malloc(Math.max(1, got.bytes.length));
  HEAPU8.set(got.bytes, p);
  HEAP32[size >> 2] = got.bytes.length;
  return p;
});
// A copy of the link was made: the address drops ?data= so a reload keeps the copy.
EM_JS(void, js_drop_link, (), { Module.dropLink(); });
// ?embed: the page sits in another site's page (web/atlas.js).
EM_JS(int, js_embedded, (), { return Module.embedded ? 1 : 0; });
// The page's address without its #view, for View > Copy embed code.
EM_JS(char*, js_share_address, (), {
  const url = new URL(location.href);
  url.hash = String();
  url.searchParams.delete('embed');
  return stringToNewUTF8(url.href);
});
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

// File > Publish: the built app's files fetched beside the page (atlas_site_file, then
// atlas_site_done); SHA-256 by js-sha256 and the .zip by fflate, both loaded by loadSite.
EM_JS(void, js_load_site, (), { Module.loadSite(); });
EM_JS(char*, js_sha256, (const char* bytes, int size), {
  return Module.toHeap(self.sha256.hex(HEAPU8.subarray(bytes, bytes + size)));
});
EM_JS(void, js_zip_add, (const char* name, const char* bytes, int size), {
  Module.zipAdd(UTF8ToString(name), HEAPU8.slice(bytes, bytes + size));
});
EM_JS(char*, js_zip_save, (const char* folder), {
  return Module.toHeap(Module.zipSave(UTF8ToString(folder)));
});

// The semantic mirror (web/atlas.js builds the hidden DOM from this JSON), and the
// viewer's wish for less motion.
EM_JS(void, js_mirror, (const char* json), { Module.updateMirror(JSON.parse(UTF8ToString(json))); });
EM_JS(int, js_reduced_motion, (), {
  return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0;
});

// ?lang=: the UI's language ("" when not asked for). The page's <html lang> follows it, and
// numbers are written as the browser's Intl writes them for that language.
EM_JS(char*, js_asked_language, (), {
  return stringToNewUTF8(new URLSearchParams(location.search).get("lang") || String());
});
EM_JS(char*, js_page_language, (const char* tag), {
  const lang = UTF8ToString(tag);
  document.documentElement.lang = lang;
  let group = ",", decimal = ".";
  try {
    for (const part of new Intl.NumberFormat(lang).formatToParts(1234567.5)) {
      if (part.type === "group") group = part.value;
      if (part.type === "decimal") decimal = part.value;
    }
  } catch (e) {
    console.warn("Intl cannot write numbers for " + lang + ": " + e.message);
  }
  return stringToNewUTF8(group + "\n" + decimal);
});
// The clock: now in UTC seconds, and the viewer's zone as Intl resolves it ("" when not;
// read by web/atlas.js while the app downloads: Intl's first use is slow).
EM_JS(double, js_now_seconds, (), { return Date.now() / 1000; });
EM_JS(char*, js_time_zone, (), { return Module.toHeap(Module.timeZone()); });

// clang-format on

// ---------------------------------------------------------------------------------
// 2. Storage and the host
// ---------------------------------------------------------------------------------
// The answer to js_store_commit: at most one save is out at a time (Session), but the ids
// keep a late answer from being taken for another's.
int g_commit_id = 0;
KeyValueStore::Done g_commit_done;

std::string take_text(char* v) {
  std::string out(v ? v : "");
  std::free(v);
  return out;
}

class WebStore : public KeyValueStore {
 public:
  std::optional<std::string> get(const std::string& key) override {
    char* v = js_storage_get(key.c_str());
    if (!v) return std::nullopt;
    return take_text(v);
  }
  bool has(const std::string& key) override { return js_storage_has(key.c_str()) != 0; }
  // Small notes outside a save (the pointer repaired at start, the corrupt copy kept):
  // written in the background; a failure is reported by the next save.
  StoreError put(const std::string& key, const std::string& value) override {
    js_storage_put(key.c_str(), value.c_str());
    return StoreError::None;
  }
  void remove(const std::string& key) override { js_storage_remove(key.c_str()); }
  void commit(Batch batch, Done done) override {
    for (const auto& [key, value] : batch.puts)
      js_store_add(key.c_str(), value.data(), int(value.size()));
    g_commit_done = std::move(done);
    js_store_commit(batch.expect_current ? batch.expect_current->c_str() : nullptr,
                    batch.users_data ? 1 : 0, ++g_commit_id);
  }
  std::string where() const override { return store_where(info().value("backend", "")); }
  bool pending() const override { return js_store_pending() != 0; }
  std::string status() const override {
    const nlohmann::json i = info();
    auto number = [&](const char* key) {
      return i.contains(key) && i[key].is_number() ? i[key].get<double>() : -1.0;
    };
    const auto& p = i.contains("persisted") ? i["persisted"] : nlohmann::json();
    return store_status(number("usage"), number("quota"),
                        p.is_boolean() ? (p.get<bool>() ? 1 : 0) : -1);
  }
  std::string notice() const override {
    const nlohmann::json i = info();
    if (!i.contains("notice") || !i["notice"].is_object()) return "";
    return store_notice(i["notice"].value("kind", ""), i["notice"].value("why", ""));
  }

 private:
  static nlohmann::json info() {
    nlohmann::json j = nlohmann::json::parse(take_text(js_store_info()), nullptr, false);
    return j.is_object() ? j : nlohmann::json::object();
  }
};

// Waiting for js_load_site: the files so far, and who asked.
Host::SiteFiles g_site_files;
Host::SiteLoaded g_site_done;

// Waiting for js_fetch_asset, by slot.
enum AssetSlot { kCjkFontSlot = 0, kGazetteerSlot = 1, kZonesSlot = 2, kAssetSlots };
Host::BytesLoaded g_asset_done[kAssetSlots];

// The UI's host on the web: the Fullscreen API, the browser's file picker and downloads
// (no file system), the CJK font and the gazetteer fetched beside the page.
class WebHost : public Host {
 public:
  Abilities abilities() const override { return {"web (WebAssembly + WebGL 2)", false, true}; }
  bool embedded() const override { return js_embedded() != 0; }
  std::string share_address() const override { return take_text(js_share_address()); }
  void set_fullscreen(bool on) override { js_fullscreen(on ? 1 : 0); }
  bool open_file_picker() override {
    js_open_picker();
    return true;
  }
  bool offer_download(const std::string& filename, const std::string& bytes) override {
    js_download(filename.c_str(), bytes.data(), int(bytes.size()));
    return true;
  }
  bool read_file(const std::string&, std::string&) override { return false; }
  std::string write_file(const std::string&, const std::string&) override {
    return "the web version saves by downloading";
  }
  void load_cjk_font(FontLoaded done) override {
    g_asset_done[kCjkFontSlot] = [done = std::move(done)](std::vector<unsigned char> bytes,
                                                          const std::string& error) {
      done(std::move(bytes), 0,
           error.empty() ? error
                         : "its font could not be downloaded (" + error +
                               "); reload the page when you are online");
    };
    js_fetch_asset("fonts/cjk.ttf", kCjkFontSlot);
  }
  void load_gazetteer(BytesLoaded done) override {
    g_asset_done[kGazetteerSlot] = [done = std::move(done)](std::vector<unsigned char> bytes,
                                                            const std::string& error) {
      done(std::move(bytes), error.empty() ? error
                                           : "the city list could not be downloaded (" + error +
                                                 "); reload the page when you are online");
    };
    js_fetch_asset("gazetteer.bin", kGazetteerSlot);
  }
  void load_time_zones(BytesLoaded done) override {
    g_asset_done[kZonesSlot] = std::move(done);
    js_fetch_asset("tzdata.bin", kZonesSlot);
  }
  Clock clock() const override {
    return {int64_t(std::floor(js_now_seconds())), take_text(js_time_zone())};
  }
  void load_site(SiteLoaded done) override {
    g_site_files.clear();
    g_site_done = std::move(done);
    js_load_site();
  }
  std::string sha256(std::string_view bytes) override {
    return take_text(js_sha256(bytes.data(), int(bytes.size())));
  }
  std::string save_site(const std::string& where, const SiteFiles& files) override {
    for (const auto& [name, bytes] : files)
      js_zip_add(name.c_str(), bytes.data(), int(bytes.size()));
    return take_text(js_zip_save(where.c_str()));
  }
  void publish_mirror(const Mirror& m) override {
    nlohmann::json j = {{"label", m.label},
                        {"first", m.first},
                        {"total", m.total},
                        {"active", m.active},
                        {"details", m.details},
                        {"live", m.live},
                        {"names",
                         {{"whole", m.whole_name},
                          {"commands", m.commands_name},
                          {"details", m.details_name},
                          {"input", m.input_name}}}};
    nlohmann::json& options = j["options"] = nlohmann::json::array();
    for (const MirrorOption& o : m.options) options.push_back({{"id", o.id}, {"text", o.text}});
    nlohmann::json& commands = j["commands"] = nlohmann::json::array();
    for (const MirrorCommand& c : m.commands)
      commands.push_back({{"id", c.id}, {"label", c.label}, {"enabled", c.enabled}});
    js_mirror(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  }
  // Asked each frame (a media query: cheap), so a change in the system's setting applies
  // at once.
  bool prefers_reduced_motion() const override { return js_reduced_motion() != 0; }
};

// ---------------------------------------------------------------------------------
// 3. The frame loop: draws while something changes, then pauses until woken
// ---------------------------------------------------------------------------------
FrameDriver* g_driver = nullptr;
SDL_Window* g_window = nullptr;
bool g_paused = false;
bool g_first_frame_reported = false;
std::string g_last_hash;
std::string g_pending_text;  // pasted text waiting for Ctrl to be released

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
    // The first frame that shows the data: not one drawn while the start waits for the
    // store's older copy (the page keeps its loading screen until then).
    if (!g_first_frame_reported && !d.session.waiting()) {
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
  // In the same tick as the frame whose click made the copy: no script sees Edit mode
  // with the link still in the address.
  if (d.session.take_link_dropped()) js_drop_link();
}

void resize_canvas(int css_w, int css_h, double dpr) {
  if (css_w < 1 || css_h < 1) return;
  SDL_SetWindowSize(g_window, css_w, css_h);
  emscripten_set_canvas_element_size("#canvas", int(std::lround(css_w * dpr)),
                                     int(std::lround(css_h * dpr)));
  emscripten_set_element_css_size("#canvas", css_w, css_h);
}

}  // namespace

// ---------------------------------------------------------------------------------
// 4. Start-up
// ---------------------------------------------------------------------------------
// Before the UI draws a word: ?lang= picks the catalog (an unknown language says so on the
// console and stays English), then the page and Intl follow.
static void set_language() {
  char* asked = js_asked_language();
  if (asked[0] && !i18n::set_locale(asked))
    EM_ASM({ console.warn("?lang=" + UTF8ToString($0) + ": no such language; showing English"); },
           asked);
  std::free(asked);
  char* style = js_page_language(i18n::language_tag().c_str());
  const std::string parts = style;
  std::free(style);
  const size_t cut = parts.find('\n');
  i18n::set_number_style({parts.substr(0, cut), parts.substr(cut + 1)});
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
  set_language();
  static WebHost host;
  static FrameDriver driver(std::make_unique<WebStore>(), host);
  g_driver = &driver;
  if (char* link = js_shared_link()) {
    driver.session.view_link(link);  // before init() starts the session: View mode
    std::free(link);
  }
  {
    int size = 0;
    char* error = nullptr;
    unsigned char* bytes = js_take_basemap(&size, &error);
    FrameDriver::Basemap basemap{
        bytes, std::size_t(size),
        error ? "the map could not be downloaded: " + std::string(error) : ""};
    driver.init(g_window, gl, glsl_version(), opt.scale > 0 ? opt.scale : float(dpr), opt.dark,
                basemap);
    std::free(bytes);  // read into the driver's own copy
    std::free(error);
  }
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

// ---------------------------------------------------------------------------------
// 5. The page's calls into the app
// ---------------------------------------------------------------------------------
FrameDriver* web::driver() { return g_driver; }

void web::wake() {
  if (!g_driver) return;
  g_driver->wake();
  if (g_paused) {
    g_paused = false;
    emscripten_resume_main_loop();
  }
}

}  // namespace atlas::platform

// Each checks that the app has started (atlas.js calls after onReady, but a script need
// not wait) and reads a null string as "".
namespace {
using atlas::platform::g_driver;
const char* text_of(const char* s) { return s ? s : ""; }
std::string g_import_result;  // atlas_import's answer, copied out by the page at once
}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void atlas_wake() { atlas::platform::web::wake(); }

EMSCRIPTEN_KEEPALIVE void atlas_resize(int css_w, int css_h, double dpr) {
  if (!g_driver) return;
  atlas::platform::resize_canvas(css_w, css_h, dpr);
  g_driver->set_scale(float(dpr));
  atlas_wake();
}

// A file from the picker, a drop, a paste or ?data=URL: the session's import rules.
// The text comes with its length (atlas.js's withBytes), read where it lies.
EMSCRIPTEN_KEEPALIVE const char* atlas_import(const char* text, int length, const char* name) {
  if (!g_driver) return "refused";
  auto r = g_driver->session.import_text(
      text ? std::string_view(text, size_t(std::max(0, length))) : std::string_view(),
      text_of(name));
  atlas_wake();
  g_import_result = r == atlas::Session::ImportResult::Replaced            ? "replaced"
                    : r == atlas::Session::ImportResult::NeedsConfirmation ? "needs-confirmation"
                    : r == atlas::Session::ImportResult::Spreadsheet       ? "spreadsheet"
                                                                           : "refused";
  return g_import_result.c_str();
}

EMSCRIPTEN_KEEPALIVE void atlas_import_failed(const char* name, const char* why) {
  if (!g_driver) return;
  g_driver->session.import_failed(text_of(name), text_of(why));
  atlas_wake();
}

// Another tab wrote the storage (the page's "storage" event).
EMSCRIPTEN_KEEPALIVE void atlas_storage_changed() {
  if (!g_driver) return;
  g_driver->session.storage_changed_elsewhere();
  atlas_wake();
}

// The page is being hidden or closed: save now, not after the autosave delay. 1 when
// nothing is left unsaved or its save is under way (web/store.js commits it at once while
// the page goes: the browser finishes it), 0 when a change could not be stored (storage
// full, a failed save, another tab's save waiting for the user's choice).
EMSCRIPTEN_KEEPALIVE int atlas_flush() {
  if (!g_driver) return 1;
  auto& s = g_driver->session;
  s.flush();
  const bool under_way = s.saving() && !s.quota_exceeded() && !s.save_failed();
  return !s.dirty() || under_way ? 1 : 0;
}

// Text for the field being typed in (a paste, an input method's result). It goes through
// ImGui's input queue in order, after the click that activated the field even when that
// click has not been drawn yet; with no field active ImGui drops it.
EMSCRIPTEN_KEEPALIVE int atlas_text_input(const char* text) {
  if (!g_driver) return 0;
  // A paste arrives while Ctrl is still down, and ImGui ignores characters typed with
  // Ctrl: hold the text until the key is released (tick() hands it over).
  atlas::platform::g_pending_text += text_of(text);
  atlas_wake();
  return 1;
}

// Whether a text field has the keys (a paste goes to it rather than opening JSON).
EMSCRIPTEN_KEEPALIVE int atlas_wants_text() {
  return g_driver && ImGui::GetIO().WantTextInput ? 1 : 0;
}

// The store answered a save (js_store_commit): 0 saved, 1 full, 2 failed, 3 conflict.
EMSCRIPTEN_KEEPALIVE void atlas_store_done(int id, int code) {
  using atlas::StoreError;
  if (id != atlas::platform::g_commit_id || !atlas::platform::g_commit_done) return;
  auto done = std::move(atlas::platform::g_commit_done);
  atlas::platform::g_commit_done = nullptr;
  done(code == 0   ? StoreError::None
       : code == 1 ? StoreError::Quota
       : code == 3 ? StoreError::Conflict
                   : StoreError::Io);
  atlas_wake();
}

// One file of the built app from js_load_site (both owned here now).
EMSCRIPTEN_KEEPALIVE void atlas_site_file(char* name, unsigned char* bytes, int size) {
  atlas::platform::g_site_files.emplace_back(name,
                                             std::string(reinterpret_cast<char*>(bytes), size));
  std::free(name);
  std::free(bytes);
}

// js_load_site is done: every file arrived (error 0), or why not (owned here).
EMSCRIPTEN_KEEPALIVE void atlas_site_done(char* error) {
  std::string why = error ? error : "";
  std::free(error);
  auto files = std::move(atlas::platform::g_site_files);
  atlas::platform::g_site_files.clear();
  if (!why.empty()) files.clear();
  if (auto done = std::move(atlas::platform::g_site_done)) done(std::move(files), why);
  atlas_wake();
}

// A file from js_fetch_asset arrived (bytes, owned here now) or could not be had (error,
// owned too).
EMSCRIPTEN_KEEPALIVE void atlas_asset(int slot, unsigned char* bytes, int size, char* error) {
  std::vector<unsigned char> data;
  if (bytes) data.assign(bytes, bytes + size);
  std::string why = error ? error : "";
  std::free(bytes);
  std::free(error);
  if (slot < 0 || slot >= atlas::platform::kAssetSlots) return;
  if (auto done = std::move(atlas::platform::g_asset_done[slot])) done(std::move(data), why);
  atlas_wake();
}

}  // extern "C"
