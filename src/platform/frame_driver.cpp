// frame_driver.cpp — see frame_driver.hpp.
#include "platform/frame_driver.hpp"

#include <SDL_opengl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <algorithm>

#include "platform/platform.hpp"

extern "C" const unsigned char atlas_basemap[];
extern "C" const unsigned long atlas_basemap_size;

namespace atlas::platform {

void FrameDriver::init(SDL_Window* window, SDL_GLContext gl, const char* glsl_version, float scale,
                       bool dark) {
  window_ = window;
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout lives in the app's own state, not a stray file
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplSDL2_InitForOpenGL(window, gl);
  ImGui_ImplOpenGL3_Init(glsl_version);
  session.start();
  // The basemap ships inside the program (built from Natural Earth at build time).
  std::string error;
  if (geo::load_map_asset(atlas_basemap, atlas_basemap_size, basemap_, error) &&
      map_renderer_.init(basemap_, glsl_version, error))
    ui.map().init(&basemap_, &map_renderer_, "");
  else
    ui.map().init(nullptr, nullptr, error);
  if (dark) ui.set_theme(ui::Theme::Dark);
  ui.set_scale(scale);
  wake();
}

void FrameDriver::set_scale(float scale) {
  if (scale <= 0.0f || scale == ui.scale()) return;
  ui.set_scale(scale);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  wake();
}

void FrameDriver::shutdown() {
  map_renderer_.shutdown();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
}

bool FrameDriver::handle(const SDL_Event& e) {
  ImGui_ImplSDL2_ProcessEvent(&e);
  if (e.type == SDL_QUIT) quit_ = true;
  if (e.type == SDL_DROPFILE && e.drop.file) {
    // A file dropped on the window: read it and import it like File > Open.
    std::string path = e.drop.file, text;
    SDL_free(e.drop.file);
    if (platform::read_text_file(path, text))
      import_text(text, path);
    else
      session.import_failed(path, "the file could not be read");
  }
  if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE) quit_ = true;
  wake();
  return !quit_requested();
}

void FrameDriver::import_text(std::string_view text, const std::string& name) {
  session.import_text(text, name);
  wake();
}

bool FrameDriver::wants_frame() const { return ms_until_frame() == 0; }

int64_t FrameDriver::ms_until_frame() const {
  if (animating_ || state.data_version != seen_version_ || state.selection != seen_selection_ ||
      state.filter_version != seen_filters_)
    return 0;
  uint64_t now = SDL_GetTicks64();
  if (now < awake_until_) return 0;
  // An autosave is due after a quiet spell: wake for it even if nothing is drawn.
  double due = session.next_autosave_at();
  if (due >= 0) return std::max<int64_t>(0, int64_t(due * 1000.0) - int64_t(now));
  return -1;
}

void FrameDriver::draw() {
  uint64_t t0 = SDL_GetPerformanceCounter();
  session.tick(double(SDL_GetTicks64()) / 1000.0);
  seen_version_ = state.data_version;
  seen_selection_ = state.selection;
  seen_filters_ = state.filter_version;
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  animating_ = ui.frame(info());
  ImGui::Render();
  ImGuiIO& io = ImGui::GetIO();
  int fb_w = int(io.DisplaySize.x * io.DisplayFramebufferScale.x);
  int fb_h = int(io.DisplaySize.y * io.DisplayFramebufferScale.y);
  glViewport(0, 0, fb_w, fb_h);
  ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  uint64_t t1 = SDL_GetPerformanceCounter();
  last_frame_ms_ = double(t1 - t0) * 1000.0 / double(SDL_GetPerformanceFrequency());
  ++frames_;
  // A change made during this frame (a click that selects) needs one more frame.
  if (state.data_version != seen_version_ || state.selection != seen_selection_ ||
      state.filter_version != seen_filters_)
    wake();
}

}  // namespace atlas::platform
