// platform.hpp — how main() starts the app where it runs.
//
// Everything that differs between the web (Emscripten) and the desktop (SDL2 on Linux)
// is one file per platform, chosen by the build: platform_web.cpp, platform_desktop.cpp.
// Each implements the UI's host (app/host.hpp: full screen, files, fonts and the city
// list) and hands it to the UI; this header names only what main() needs, and includes
// no UI header.
//
//   Options              the command line (desktop; the web takes the defaults)
//   run()                creates the window and GL context, then drives frames until
//                        the app quits (web: never returns to the caller's loop)
//   glsl_version()       the shader version line for this target's GL
#pragma once

#include <string>

namespace atlas::platform {

struct Options {
  int frames = 0;          // desktop: draw exactly this many frames, then exit (tests)
  std::string screenshot;  // desktop: with --frames, write the last frame here (PNG)
  float scale = 0.0f;      // UI scale override; 0 = the display's own
  bool dark = false;       // start in the dark theme
  int width = 1280, height = 800;
  std::string data_dir;       // desktop: where the dataset is kept (default: SDL's pref path)
  std::string open_path;      // desktop: a file to open at start
  std::string select;         // an item to select at start
  std::string print_field;    // tests: print where the Inspector draws this field ("rt-hk/title")
  std::string print_glyphs;   // tests: with --frames, print which characters of this have no glyph
  bool print_labels = false;  // tests: with --frames, print every labelled widget (widget_probe)
  int present_step = -1;      // desktop: start presenting at this step of the story (-1: no)
  std::string export_png;     // desktop: with --frames, also export the view as a 2x PNG here
};

int run(const Options& options);
const char* glsl_version();

}  // namespace atlas::platform
