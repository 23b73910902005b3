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

#include <functional>
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
  std::string data_dir;      // desktop: where the dataset is kept (default: SDL's pref path)
  std::string open_path;     // desktop: a file to open at start
  std::string select;        // an item to select at start
  std::string print_field;   // tests: print where the Inspector draws this field ("rt-hk/title")
  std::string print_glyphs;  // tests: with --frames, print which characters of this have no glyph
  int present_step = -1;     // desktop: start presenting at this step of the story (-1: no)
  std::string export_png;    // desktop: with --frames, also export the view as a 2x PNG here
};

int run(const Options& options);
const char* glsl_version();
ui::PlatformInfo info();

// Files: the user's way in and out of the app.
// Web: the browser's file picker (the chosen file arrives later as an import) and
// downloads. Desktop: the UI draws its own file dialog (ui/file_dialog) and these read
// and write real files. Each returns false / an error where the target has no such thing.
void set_fullscreen(bool on);  // web: the Fullscreen API; desktop: SDL's desktop full screen
bool open_file_picker();
bool offer_download(const std::string& filename, const std::string& text);
bool read_text_file(const std::string& path, std::string& out);
std::string write_text_file(const std::string& path, const std::string& text);

// The CJK font, asked for only when the data has Chinese text. `done` gets the font's
// bytes and the face number in a collection, or an error sentence. Web: downloads
// fonts/cjk.ttf beside the page (later, on the main loop); desktop: reads fonts/cjk.ttf
// beside the program, else the system's Noto Sans CJK (at once).
using FontLoaded =
    std::function<void(std::vector<unsigned char> bytes, int font_no, const std::string& error)>;
void load_cjk_font(FontLoaded done);
// The place lookup's cities (geo/gazetteer). Web: downloads gazetteer.bin beside the page
// while the app starts, so it is not in the first download; desktop: built in.
using BytesLoaded = std::function<void(std::vector<unsigned char> bytes, const std::string& error)>;
void load_gazetteer(BytesLoaded done);

}  // namespace atlas::platform
