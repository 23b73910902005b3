// platform.hpp — the one interface between the app and where it runs.
//
// Everything that differs between the web (Emscripten) and the desktop (SDL2 on
// Linux) sits behind these few functions, each defined once in platform_web.cpp and
// once in platform_desktop.cpp; the build picks the file. No #ifdef in the app.
//
//   run()                creates the window and GL context, then drives frames until
//                        the app quits (web: never returns to the caller's loop)
//   glsl_version()       the shader version line for this target's GL
//   info()               name and abilities, for the UI (About, Quit menu item)
#pragma once

#include <string>
#include <vector>

#include "ui/app_ui.hpp"

namespace atlas::platform {

struct Options {
  int frames = 0;          // desktop: draw exactly this many frames, then exit (tests)
  std::string screenshot;  // desktop: with --frames, write the last frame here (PNG)
  float scale = 0.0f;      // UI scale override; 0 = the display's own
  bool dark = false;       // start in the dark theme
  int width = 1280, height = 800;
};

int run(const Options& options);
const char* glsl_version();
ui::PlatformInfo info();

}  // namespace atlas::platform
