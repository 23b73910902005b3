// frame_driver.hpp — the part of the frame loop both platforms share: ImGui's SDL2 and
// OpenGL 3 backends, event handling, and the redraw policy (draw only when something
// changed, so an idle app spends no CPU on frames).
#pragma once

#include <SDL.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/host.hpp"
#include "app/session.hpp"
#include "core/timezone.hpp"
#include "geo/gazetteer.hpp"
#include "geo/map_asset.hpp"
#include "render/map_renderer.hpp"
#include "ui/app_ui.hpp"

namespace atlas::platform {

class FrameDriver {
 public:
  // The host is the platform's own services (app/host.hpp), shared with the UI.
  FrameDriver(std::unique_ptr<KeyValueStore> store, Host& host)
      : session(std::move(store)), state(session.state), ui(session, host), host_(host) {}

  Session session;
  AppState& state;
  ui::AppUI ui;

  // The basemap's bytes (geo/map_asset) as the platform has them, or why it has none:
  // the desktop builds them in; the web fetches basemap.bin beside the wasm.
  struct Basemap {
    const unsigned char* bytes = nullptr;
    std::size_t size = 0;
    std::string error;
  };
  // After the window and GL context exist: restores the saved dataset (or the sample).
  // The basemap is read here (copied: its bytes may go once this returns).
  void init(SDL_Window* window, SDL_GLContext gl, const char* glsl_version, float scale, bool dark,
            const Basemap& basemap);
  void shutdown();
  // A new DPI scale (the page moved to another screen, the browser zoomed): fonts are
  // rasterised again and the GL font texture rebuilt.
  void set_scale(float scale);

  // Imports a file's text (drop, picker, command line): the session decides.
  void import_text(std::string_view text, const std::string& name);
  // Feeds one SDL event; returns false when the app should quit.
  bool handle(const SDL_Event& e);
  // Something changed outside SDL's events (JS API, resize): draw again soon.
  void wake() {
    awake_until_ = SDL_GetTicks64() + kAwakeMs;
    awake_frames_ = kAwakeFrames;
  }
  // True while a frame is due: recent input, animation, or a data change.
  bool wants_frame() const;
  // Milliseconds until a frame is due (0 = now); -1 = nothing pending, sleep.
  int64_t ms_until_frame() const;
  void draw();

  // Draws the current view once more into an offscreen framebuffer at `scale` × the
  // window's size (fonts rasterised at that scale) and encodes it as PNG.
  bool render_png(float scale, std::vector<uint8_t>& png);
  // The view as a URL fragment: "item=rt-hk&step=3&map=114.16,22.28,5.00" (deep links).
  std::string view_hash();

  // The place lookup, once it has arrived, else null. It is asked of the host the first
  // time the UI needs it (AppUI::wants_gazetteer) or want_gazetteer() is called (the
  // page's atlas.findCity): web, a download of ~420 KB that a visitor never needs.
  const geo::Gazetteer* gazetteer() const { return gazetteer_.empty() ? nullptr : &gazetteer_; }
  void want_gazetteer();
  uint64_t frames_drawn() const { return frames_; }
  double last_frame_ms() const { return last_frame_ms_; }
  // The last frame's parts: building the UI (every pane's layout and draw lists, ImGui's
  // Render) and handing it to GL (buffer uploads and draw calls; on a software GPU this
  // is where the browser makes the app wait for the previous frame's pixels).
  double last_ui_ms() const { return last_ui_ms_; }
  double last_gl_ms() const { return last_gl_ms_; }
  bool quit_requested() const { return quit_ || ui.quit_requested(); }
  // The window's close button or the system asked to quit, and the app asks the user
  // first (see may_quit in platform_desktop.cpp): the request is taken back.
  void cancel_quit() { quit_ = false; }

 private:
  // ImGui needs a few frames after input for hover and delayed tooltips to settle: some
  // time (tooltips wait for it), and some frames whatever they cost (a menu opens on one
  // frame, is measured hidden on the next and shown on the third; a slow frame on a busy
  // machine must not use up the time and leave it unshown).
  static constexpr uint64_t kAwakeMs = 600;
  static constexpr int kAwakeFrames = 4;
  // Fingers on the screen (SDL's normalised 0..1 coordinates): two make a pinch, which
  // zooms the pane under them about their centre, as the wheel does.
  struct Finger {
    SDL_FingerID id;
    float x, y;
  };
  std::vector<Finger> fingers_;
  bool pinch(const SDL_Event& e);
  void release_font_pixels();
  Host& host_;
  SDL_Window* window_ = nullptr;
  uint64_t awake_until_ = 0;
  int awake_frames_ = 0;
  uint64_t frames_ = 0;
  uint64_t seen_version_ = ~uint64_t(0);
  uint64_t seen_filters_ = ~uint64_t(0);
  geo::MapAsset basemap_;
  std::vector<unsigned char> gazetteer_bytes_;
  // The time zones, asked of the host once the data needs them (web: a download).
  void need_zones();
  std::optional<tz::ZoneDb> zones_;
  bool zones_asked_ = false;
  uint64_t zones_checked_ = ~uint64_t(0);
  geo::Gazetteer gazetteer_;
  bool gazetteer_asked_ = false;
  render::MapRenderer map_renderer_;
  std::string seen_selection_;
  double last_frame_ms_ = 0.0, last_ui_ms_ = 0.0, last_gl_ms_ = 0.0;
  bool animating_ = false;
  bool quit_ = false;
};

}  // namespace atlas::platform
