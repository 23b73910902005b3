// frame_driver.cpp — see frame_driver.hpp.
#include "platform/frame_driver.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>
#include <imgui_internal.h>  // the input queue (ImGuiContext::InputEventsQueue)

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/event_time.hpp"
#include "render/gl.hpp"
#include "render/png.hpp"
#include "ui/widget_probe.hpp"

namespace atlas::platform {

void FrameDriver::init(SDL_Window* window, SDL_GLContext gl, const char* glsl_version, float scale,
                       bool dark, const Basemap& basemap) {
  window_ = window;
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout lives in the app's own state, not a stray file
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplSDL2_InitForOpenGL(window, gl);
  ImGui_ImplOpenGL3_Init(glsl_version);
  session.start();
  // The basemap (built from Natural Earth at build time): a missing or broken one leaves
  // the map saying why, the rest of the app works.
  std::string error = basemap.error;
  if (error.empty() && geo::load_map_asset(basemap.bytes, basemap.size, basemap_, error) &&
      map_renderer_.init(basemap_, glsl_version, error))
    ui.map().init(&basemap_, &map_renderer_, "");
  else {
    std::fprintf(stderr, "coalition-atlas: the basemap is not available: %s\n", error.c_str());
    ui.map().init(nullptr, nullptr, error);
  }
  if (dark) ui.set_theme(ui::Theme::Dark);
  ui.set_scale(scale);
  wake();
}

void FrameDriver::set_scale(float scale) {
  if (scale <= 0.0f || scale == ui.scale()) return;
  ui.set_scale(scale);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  release_font_pixels();
  wake();
}

void FrameDriver::release_font_pixels() {
  // Once the glyphs are in the GL texture, the atlas's CPU copies (4 + 1 bytes a pixel:
  // 40 MB for the 2048 x 4096 atlas of a high-DPI screen) are not needed; a rebuild (a new
  // scale, new characters) makes them again.
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  if (atlas->TexID != ImTextureID(0) && !atlas->Locked &&
      (atlas->TexPixelsAlpha8 || atlas->TexPixelsRGBA32))
    atlas->ClearTexData();
}

bool FrameDriver::render_png(float scale, std::vector<uint8_t>& png) {
  ImGuiIO& io = ImGui::GetIO();
  const float old_scale = ui.scale();
  const int w = int(io.DisplaySize.x * scale), h = int(io.DisplaySize.y * scale);
  if (w <= 0 || h <= 0 || w > 16384 || h > 16384) return false;
  set_scale(scale);
  GLuint fbo = 0, tex = 0;
  glGenTextures(1, &tex);
  glBindTexture(GL_TEXTURE_2D, tex);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glGenFramebuffers(1, &fbo);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
  bool ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  if (ok) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    io.DisplayFramebufferScale = ImVec2(scale, scale);  // this frame only: the PNG's pixels
    ImGui::NewFrame();
    ui.set_capturing(true);
    ui::probe::pause(true);
    ui.frame();
    ui::probe::pause(false);
    ui.set_capturing(false);
    ImGui::Render();
    glViewport(0, 0, w, h);
    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    std::vector<uint8_t> pixels(size_t(w) * size_t(h) * 4), flipped(pixels.size());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    const size_t row = size_t(w) * 4;
    for (int y = 0; y < h; ++y)
      std::copy_n(pixels.data() + row * size_t(h - 1 - y), row, flipped.data() + row * size_t(y));
    for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;  // opaque, as on screen
    png = encode_png(flipped.data(), w, h);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glDeleteFramebuffers(1, &fbo);
  glDeleteTextures(1, &tex);
  set_scale(old_scale);
  wake();
  return ok;
}

std::string FrameDriver::view_hash() {
  std::string h;
  auto add = [&](const std::string& kv) { h += (h.empty() ? "" : "&") + kv; };
  if (!state.selection().empty()) add("item=" + state.selection());
  if (ui.presenter().active()) add("step=" + std::to_string(ui.presenter().step()));
  const geo::Camera& cam = ui.map().camera();
  geo::Vec2 ll = geo::world_to_lonlat(cam.center);
  char buf[64];
  std::snprintf(buf, sizeof buf, "map=%.3f,%.3f,%.2f", ll.x, ll.y, cam.zoom);
  add(buf);
  return h;
}

void FrameDriver::shutdown() {
  map_renderer_.shutdown();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
}

bool FrameDriver::pinch(const SDL_Event& e) {
  auto find = [&](SDL_FingerID id) {
    return std::find_if(fingers_.begin(), fingers_.end(),
                        [&](const Finger& f) { return f.id == id; });
  };
  switch (e.type) {
    case SDL_FINGERDOWN:
      if (find(e.tfinger.fingerId) == fingers_.end())
        fingers_.push_back({e.tfinger.fingerId, e.tfinger.x, e.tfinger.y});
      return false;
    case SDL_FINGERUP:
      if (auto it = find(e.tfinger.fingerId); it != fingers_.end()) fingers_.erase(it);
      return false;
    case SDL_FINGERMOTION: {
      auto it = find(e.tfinger.fingerId);
      if (it == fingers_.end()) return false;
      if (fingers_.size() != 2) {
        it->x = e.tfinger.x;
        it->y = e.tfinger.y;
        return false;
      }
      const ImVec2 size = ImGui::GetIO().DisplaySize;
      auto span = [&] {
        float dx = (fingers_[0].x - fingers_[1].x) * size.x;
        float dy = (fingers_[0].y - fingers_[1].y) * size.y;
        return std::sqrt(dx * dx + dy * dy);
      };
      const float before = span();
      it->x = e.tfinger.x;
      it->y = e.tfinger.y;
      const float after = span();
      if (before < 8.0f || after < 8.0f) return true;  // fingers nearly together: no scale
      // Zoom about the fingers' centre by the change in their distance, so the spot
      // between them stays there. The pointer is left alone: moving it would drag.
      const float cx = (fingers_[0].x + fingers_[1].x) * 0.5f * size.x;
      const float cy = (fingers_[0].y + fingers_[1].y) * 0.5f * size.y;
      const double factor = double(after) / double(before);
      if (!ui.map().pinch(cx, cy, factor)) ui.timeline().pinch(cx, cy, factor);
      // The first finger is also SDL's mouse, pressed where it landed: count this press
      // as a drag, so lifting the fingers after a pinch is not a click that selects.
      ImGui::GetIO().MouseDragMaxDistanceSqr[0] = 1e9f;
      return true;
    }
    default:
      // While two fingers pinch, the mouse SDL makes from the first one must not drag.
      return fingers_.size() >= 2 &&
             (e.type == SDL_MOUSEMOTION && e.motion.which == SDL_TOUCH_MOUSEID);
  }
}

bool FrameDriver::handle(const SDL_Event& e) {
  if (pinch(e)) {
    wake();
    return !quit_requested();
  }
  // A click carries its own position: use it, so a click that arrives without motion
  // before it (remote desktops, touch screens, input tools) lands where it was made.
  if ((e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP) &&
      e.button.which != SDL_TOUCH_MOUSEID)
    ImGui::GetIO().AddMousePosEvent(float(e.button.x), float(e.button.y));
  ImGui_ImplSDL2_ProcessEvent(&e);
  // An input method's composition (ImGui's backend ignores it): shown until the text
  // arrives or the composition is cancelled.
  if (e.type == SDL_TEXTEDITING) ui.set_composition(e.edit.text);
  if (e.type == SDL_TEXTINPUT) ui.set_composition("");
  if (e.type == SDL_QUIT) quit_ = true;
  if (e.type == SDL_DROPFILE && e.drop.file) {
    // A file dropped on the window: read it and import it like File > Open.
    std::string path = e.drop.file, text;
    SDL_free(e.drop.file);
    if (host_.read_file(path, text))
      import_text(text, path);
    else
      session.import_failed(path, "the file could not be read");
  }
  if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE) quit_ = true;
  wake();
  return !quit_requested();
}

void FrameDriver::import_text(std::string_view text, const std::string& name) {
  // A path from a drop or the command line: worth offering again in File > Open's list.
  if (session.import_text(text, name) != Session::ImportResult::Refused)
    session.remember_file(name);
  wake();
}

bool FrameDriver::wants_frame() const { return ms_until_frame() == 0; }

int64_t FrameDriver::ms_until_frame() const {
  if (animating_ || state.data_version != seen_version_ || state.selection() != seen_selection_ ||
      state.filter_version != seen_filters_)
    return 0;
  uint64_t now = SDL_GetTicks64();
  if (now < awake_until_ || awake_frames_ > 0) return 0;
  // Input ImGui has not taken yet: it takes a button's press and release a frame apart,
  // so a click can need more frames than its event woke.
  if (ImGuiContext* ctx = ImGui::GetCurrentContext(); ctx && !ctx->InputEventsQueue.empty())
    return 0;
  // An autosave is due after a quiet spell: wake for it even if nothing is drawn.
  double due = session.next_autosave_at();
  if (due >= 0) return std::max<int64_t>(0, int64_t(due * 1000.0) - int64_t(now));
  return -1;
}

// Once a dataset names a time zone or has times, the zones are asked for (once): until
// they arrive, a time in a named zone says it waits for them.
void FrameDriver::need_zones() {
  if (zones_asked_ || zones_checked_ == state.data_version) return;
  zones_checked_ = state.data_version;
  if (!needs_zone_data(state.dataset)) return;
  zones_asked_ = true;
  host_.load_time_zones([this](std::vector<unsigned char> bytes, const std::string& error) {
    std::string why = error;
    if (why.empty()) {
      zones_ = tz::ZoneDb::load(
          std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()), &why);
      if (zones_) ui.set_zones(&*zones_);
    }
    if (!zones_)
      std::fprintf(stderr, "coalition-atlas: the time zones are not available: %s\n", why.c_str());
    wake();
  });
}

// The place lookup (GeoNames cities), from the platform once something needs it: a
// missing or broken one only disables the city search, and says why where it would be.
void FrameDriver::want_gazetteer() {
  if (gazetteer_asked_) return;
  gazetteer_asked_ = true;
  host_.load_gazetteer([this](std::vector<unsigned char> bytes, const std::string& error) {
    std::string why = error;
    gazetteer_bytes_ = std::move(bytes);
    if (why.empty() &&
        geo::load_gazetteer(gazetteer_bytes_.data(), gazetteer_bytes_.size(), gazetteer_, why))
      ui.editor().set_gazetteer(&gazetteer_);
    else {
      std::fprintf(stderr, "coalition-atlas: the city list is not available: %s\n", why.c_str());
      ui.editor().set_gazetteer_error(why);
    }
    wake();
  });
}

void FrameDriver::draw() {
  uint64_t t0 = SDL_GetPerformanceCounter();
  session.tick(double(SDL_GetTicks64()) / 1000.0);
  need_zones();
  if (ui.wants_gazetteer()) want_gazetteer();
  seen_version_ = state.data_version;
  seen_selection_ = state.selection();
  seen_filters_ = state.filter_version;
  // New characters (Chinese data, typing): the font atlas grew, upload it again. Before
  // the first frame the backend has no texture yet and creates it in NewFrame. (Building
  // the atlas forgets its texture id, so ask first.)
  const bool has_font_texture = ImGui::GetIO().Fonts->TexID != ImTextureID(0);
  if (ui.update_glyphs() && has_font_texture) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    release_font_pixels();
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ui::probe::new_frame();
  ImGui::NewFrame();
  const uint64_t t_ui = SDL_GetPerformanceCounter();
  animating_ = ui.frame();
  ImGui::Render();
  const uint64_t t_gl = SDL_GetPerformanceCounter();
  ImGuiIO& io = ImGui::GetIO();
  int fb_w = int(io.DisplaySize.x * io.DisplayFramebufferScale.x);
  int fb_h = int(io.DisplaySize.y * io.DisplayFramebufferScale.y);
  glViewport(0, 0, fb_w, fb_h);
  ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  release_font_pixels();
  uint64_t t1 = SDL_GetPerformanceCounter();
  const double ms = 1000.0 / double(SDL_GetPerformanceFrequency());
  last_frame_ms_ = double(t1 - t0) * ms;
  last_ui_ms_ = double(t_gl - t_ui) * ms;
  last_gl_ms_ = double(t1 - t_gl) * ms;
  ++frames_;
  if (awake_frames_ > 0) --awake_frames_;
  // File > Export view as PNG: render it now that the frame is done.
  if (ui.take_png_request()) {
    std::vector<uint8_t> png;
    if (render_png(2.0f, png)) ui.offer_png(std::move(png));
  }
  // A change made during this frame (a click that selects) needs one more frame.
  if (state.data_version != seen_version_ || state.selection() != seen_selection_ ||
      state.filter_version != seen_filters_)
    wake();
}

}  // namespace atlas::platform
