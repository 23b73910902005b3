// platform_desktop.cpp — the desktop target: SDL2 window, OpenGL 3.3 core, a frame
// loop that sleeps in SDL_WaitEvent when nothing changes, and --frames/--screenshot
// for headless tests under Xvfb.
//
// Index
//   1. The UI's host (app/host.hpp): full screen, real files, the CJK font, the gazetteer,
//      the web build for File > Publish
//   2. Start-up: the window and context, the scale, the data folder, the command line
//   3. The loops: --frames N for tests (then the screenshot and other outputs), and the
//      app as people use it
#include <SDL.h>
#include <SDL_opengl.h>
#include <unistd.h>  // readlink: the zone /etc/localtime names

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "platform/file_store.hpp"
#include "platform/frame_driver.hpp"
#include "platform/platform.hpp"
#include "platform/site_folder.hpp"
#include "render/png.hpp"
#include "ui/widget_probe.hpp"

// The basemap and the gazetteer are built into the desktop program (the web fetches them
// beside the page).
extern "C" const unsigned char atlas_basemap[];
extern "C" const unsigned long atlas_basemap_size;
extern "C" const unsigned char atlas_gazetteer[];
extern "C" const unsigned long atlas_gazetteer_size;
// So are the time zones (core/timezone's asset).
extern "C" const unsigned char atlas_tzdata[];
extern "C" const unsigned long atlas_tzdata_size;

namespace atlas::platform {

const char* glsl_version() { return "#version 330 core"; }

namespace {

SDL_Window* g_window = nullptr;

// ---------------------------------------------------------------------------------
// 1. The UI's host
// ---------------------------------------------------------------------------------
// The UI's host on the desktop: the window's full screen, real files (the UI draws its
// own file dialog), the CJK font from a file, the gazetteer built in.
class DesktopHost : public Host {
 public:
  Abilities abilities() const override { return {"desktop (SDL2 + OpenGL 3.3)", true, false}; }

  void set_fullscreen(bool on) override {
    if (g_window) SDL_SetWindowFullscreen(g_window, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
  }

  bool open_file_picker() override { return false; }
  bool offer_download(const std::string&, const std::string&) override { return false; }
  bool read_file(const std::string& path, std::string& out) override {
    return atlas::read_file(path, out);
  }
  std::string write_file(const std::string& path, const std::string& bytes) override {
    return write_file_atomic(path, bytes);
  }

  void load_cjk_font(FontLoaded done) override {
    // The subset the build makes (beside the program), else the system's whole
    // collection (Debian's fonts-noto-cjk: face 2 is Simplified Chinese).
    struct Candidate {
      std::string path;
      int font_no;
    };
    std::vector<Candidate> candidates;
    if (char* base = SDL_GetBasePath()) {
      candidates.push_back({std::string(base) + "fonts/cjk.ttf", 0});
      SDL_free(base);
    }
    candidates.push_back({"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2});
    for (const Candidate& c : candidates) {
      std::string bytes;
      if (atlas::read_file(c.path, bytes) && !bytes.empty()) {
        done(std::vector<unsigned char>(bytes.begin(), bytes.end()), c.font_no, "");
        return;
      }
    }
    done({}, 0,
         "there is no CJK font beside the program (fonts/cjk.ttf) or in /usr/share/fonts: "
         "install Debian's fonts-noto-cjk");
  }

  void load_gazetteer(BytesLoaded done) override {
    done(std::vector<unsigned char>(atlas_gazetteer, atlas_gazetteer + atlas_gazetteer_size), "");
  }
  void load_time_zones(BytesLoaded done) override {
    done(std::vector<unsigned char>(atlas_tzdata, atlas_tzdata + atlas_tzdata_size), "");
  }
  // File > Publish: the web build beside the program (as `atlas publish` finds it), and
  // the folder written whole or not at all.
  void load_site(SiteLoaded done) override {
    SiteFiles files;
    std::string error;
    if (!read_site_folder(default_site_folder(), files, error)) files.clear();
    done(std::move(files), error);
  }
  std::string sha256(std::string_view bytes) override { return sha256_hex(bytes); }
  std::string save_site(const std::string& where, const SiteFiles& files) override {
    return write_site_folder(where, files);
  }

  // The zone: $TZ when it names one, else where /etc/localtime points (".../zoneinfo/
  // Europe/Berlin"), else unknown.
  // SDL2 has no accessibility API: screen readers get nothing from the desktop yet (the
  // web page mirrors the view as DOM). Less motion is View > Reduce motion here.
  void publish_mirror(const Mirror&) override {}
  bool prefers_reduced_motion() const override { return false; }
  Clock clock() const override {
    Clock c;
    c.utc = int64_t(std::time(nullptr));
    const char* tz = std::getenv("TZ");
    if (tz && *tz) {
      c.zone = tz[0] == ':' ? tz + 1 : tz;
    } else {
      char buf[512];
      ssize_t n = readlink("/etc/localtime", buf, sizeof buf - 1);
      if (n > 0) {
        std::string link(buf, size_t(n));
        size_t at = link.find("zoneinfo/");
        if (at != std::string::npos) c.zone = link.substr(at + 9);
      }
    }
    return c;
  }
};

// ---------------------------------------------------------------------------------
// 2. Start-up (and the screenshot --frames writes)
// ---------------------------------------------------------------------------------
bool screenshot(SDL_Window* window, const std::string& path) {
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(window, &w, &h);
  std::vector<uint8_t> pixels(size_t(w) * size_t(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // GL's rows start at the bottom; PNG's at the top.
  std::vector<uint8_t> flipped(pixels.size());
  size_t row = size_t(w) * 4;
  for (int y = 0; y < h; ++y)
    std::copy_n(pixels.data() + row * size_t(h - 1 - y), row, flipped.data() + row * size_t(y));
  return write_png_file(path, flipped.data(), w, h);
}

// The window and its OpenGL 3.3 context, or null (said on stderr, SDL shut down).
SDL_GLContext open_window(const Options& opt, SDL_Window*& window) {
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
    std::fprintf(stderr, "coalition-atlas: cannot start SDL: %s\n", SDL_GetError());
    return nullptr;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  window = SDL_CreateWindow("Coalition Atlas", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                            opt.width, opt.height,
                            SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!window) {
    std::fprintf(stderr, "coalition-atlas: cannot open a window: %s\n", SDL_GetError());
    SDL_Quit();
    return nullptr;
  }
  SDL_GLContext gl = SDL_GL_CreateContext(window);
  if (!gl) {
    std::fprintf(stderr, "coalition-atlas: OpenGL 3.3 is not available: %s\n", SDL_GetError());
    SDL_DestroyWindow(window);
    SDL_Quit();
    return nullptr;
  }
  SDL_GL_MakeCurrent(window, gl);
  SDL_GL_SetSwapInterval(1);
  return gl;
}

// Scale: an explicit option, else the drawable/window ratio (Retina-style), else 1.
float display_scale(SDL_Window* window, const Options& opt) {
  if (opt.scale > 0.0f) return opt.scale;
  int ww, wh, dw, dh;
  SDL_GetWindowSize(window, &ww, &wh);
  SDL_GL_GetDrawableSize(window, &dw, &dh);
  return ww > 0 ? float(dw) / float(ww) : 1.0f;
}

// The dataset lives in the user's data folder (or --data-dir / ATLAS_DATA_DIR).
std::string data_folder(const Options& opt) {
  std::string dir = opt.data_dir;
  if (dir.empty())
    if (const char* env = std::getenv("ATLAS_DATA_DIR")) dir = env;
  if (dir.empty()) {
    char* pref = SDL_GetPrefPath("CoalitionAtlas", "coalition-atlas");
    dir = pref ? pref : ".";
    SDL_free(pref);
  }
  return dir;
}

// What the command line asks for at start: a file to open, an item, a story step.
void start_with(FrameDriver& driver, Host& host, const Options& opt) {
  // What the user must know also goes to the terminal (and to tests).
  for (const auto& n : driver.session.notices)
    std::fprintf(stderr, "coalition-atlas: %s\n", n.text.c_str());
  if (!opt.open_path.empty()) {
    std::string text;
    if (host.read_file(opt.open_path, text))
      driver.import_text(text, opt.open_path);
    else
      driver.session.import_failed(opt.open_path, "the file could not be read");
    for (const auto& d : driver.session.import_diagnostics())
      std::fprintf(stderr, "%s:%s\n", opt.open_path.c_str(), d.to_string().c_str());
  }
  if (!opt.select.empty()) driver.state.select(opt.select);
  if (opt.present_step >= 0) driver.ui.present(true, opt.present_step);
}

// ---------------------------------------------------------------------------------
// 3. The loops
// ---------------------------------------------------------------------------------
// --frames: what the last frame shows (--screenshot, --export-png, --print-missing-glyphs).
// Returns the exit status.
int write_outputs(FrameDriver& driver, Host& host, SDL_Window* window, const Options& opt) {
  int status = 0;
  if (!opt.screenshot.empty() && !screenshot(window, opt.screenshot)) {
    std::fprintf(stderr, "coalition-atlas: cannot write %s\n", opt.screenshot.c_str());
    status = 1;
  }
  if (!opt.export_png.empty()) {
    // What File > Export view as PNG (and the presenter's PNG button) write.
    std::vector<uint8_t> png;
    std::string error = driver.render_png(2.0f, png)
                            ? host.write_file(opt.export_png, std::string(png.begin(), png.end()))
                            : "the view could not be drawn";
    if (!error.empty()) {
      std::fprintf(stderr, "coalition-atlas: %s: %s\n", opt.export_png.c_str(), error.c_str());
      status = 1;
    }
  }
  // --print-labels: one line a widget, tab-separated: label, x, y, width, height, the
  // label's text width and the width its window shows (ui/widget_probe.hpp).
  if (opt.print_labels)
    for (const ui::probe::Labelled& w : ui::probe::all_labelled())
      std::printf("label\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\n", w.label.c_str(), w.rect[0],
                  w.rect[1], w.rect[2], w.rect[3], w.text_width, w.visible_width);
  if (!opt.print_glyphs.empty()) {
    std::printf("glyphs cjk=%s missing=", driver.ui.cjk_font_status());
    for (char32_t cp : driver.ui.missing_glyphs(opt.print_glyphs))
      std::printf("U+%04X ", unsigned(cp));
    std::printf("\n");
  }
  return status;
}

// --frames N (tests): draw at least N frames and until the view has settled, then write
// the outputs. Returns the exit status.
int run_frames(FrameDriver& driver, Host& host, SDL_Window* window, const Options& opt) {
  const Uint32 started_ms = SDL_GetTicks();
  int last_w = 0, last_h = 0;  // the window's size at the previous frame
  for (;;) {
    SDL_Event e;
    while (SDL_PollEvent(&e)) driver.handle(e);
    driver.draw();
    // After N frames, and once what moves has come to rest (a fly-to, a window going
    // full screen), so the picture is the settled view; never more than 10 s.
    int ww = 0, wh = 0;
    SDL_GetWindowSize(window, &ww, &wh);
    // The window's size must have held for a frame: GL drawables (Mesa under Xvfb)
    // take the new size a frame after the window does.
    bool same_size = ww == last_w && wh == last_h;
    last_w = ww;
    last_h = wh;
    bool settled = (!driver.wants_frame() && same_size) || SDL_GetTicks() - started_ms > 10000;
    if (int(driver.frames_drawn()) >= opt.frames && settled) {
      int status = write_outputs(driver, host, window, opt);
      SDL_GL_SwapWindow(window);
      return status;
    }
    SDL_GL_SwapWindow(window);
  }
}

// Whether a quit the user asked for may go ahead: everything is saved first; a change that
// could not be stored (a full or failing disk, another window's save waiting for the
// user's choice) is never dropped silently: the UI asks first.
bool may_quit(FrameDriver& driver) {
  if (driver.ui.quit_confirmed()) return true;
  driver.session.flush();
  if (!driver.session.dirty()) return true;
  driver.cancel_quit();
  driver.ui.ask_before_quit();
  driver.wake();
  return false;
}

// The app as people use it: sleep until an event, or until a pending frame is due (no
// CPU while idle), draw when something changed, until the app quits.
void run_interactive(FrameDriver& driver, SDL_Window* window, const Options& opt) {
  bool field_printed = opt.print_field.empty();
  for (;;) {
    SDL_Event e;
    // --print-field-rect: keep drawing until the layout has settled and the field is
    // printed (a slow machine may not get there in the frames after start).
    if (!field_printed) driver.wake();
    int64_t wait = driver.ms_until_frame();
    bool got = wait < 0 ? SDL_WaitEvent(&e) != 0 : SDL_WaitEventTimeout(&e, int(wait)) != 0;
    if (got) {
      driver.handle(e);
      while (SDL_PollEvent(&e)) driver.handle(e);
    }
    if (driver.quit_requested() && may_quit(driver)) return;
    if (driver.wants_frame()) {
      driver.draw();
      SDL_GL_SwapWindow(window);
      // For tests that drive the window with real input (xdotool): where a field is, in
      // window coordinates, once the layout has settled.
      float r[4];
      if (!field_printed && driver.frames_drawn() > 5 &&
          driver.ui.editor().field_rect(opt.print_field, r)) {
        std::printf("field %s %.0f %.0f %.0f %.0f\n", opt.print_field.c_str(), r[0], r[1], r[2],
                    r[3]);
        std::fflush(stdout);
        field_printed = true;
      }
    }
    if (driver.quit_requested() && may_quit(driver)) return;
  }
}

}  // namespace

int run(const Options& opt) {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = open_window(opt, window);
  if (!gl) return 1;
  g_window = window;
  DesktopHost host;
  FrameDriver driver(std::make_unique<FileStore>(data_folder(opt)), host);
  // The basemap ships inside the desktop program.
  driver.init(window, gl, glsl_version(), display_scale(window, opt), opt.dark,
              {atlas_basemap, atlas_basemap_size, ""});
  if (opt.print_labels) ui::probe::enable(true);
  start_with(driver, host, opt);
  int status = 0;
  if (opt.frames > 0)
    status = run_frames(driver, host, window, opt);
  else
    run_interactive(driver, window, opt);
  driver.session.flush();  // nothing unsaved is left behind
  driver.shutdown();
  SDL_GL_DeleteContext(gl);
  g_window = nullptr;
  SDL_DestroyWindow(window);
  SDL_Quit();
  return status;
}

}  // namespace atlas::platform
