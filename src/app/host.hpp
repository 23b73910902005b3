// host.hpp — the seam between the UI and where it runs: everything src/ui needs from the
// platform, as one small interface the platform implements and hands to the UI (as
// Tracy's view receives its platform services, and Dear ImGui's core reaches its backends
// only through ImGuiPlatformIO). src/ui includes this, never src/platform; this includes
// neither. Tests give the UI a fake host and run it with no window.
//
// Index
//   1. What the host is: its name and abilities
//   2. Full screen
//   3. Files in and out: the browser's picker and downloads, or real files
//   4. Files the app asks for later: the CJK font, the gazetteer
//   5. The clock: now, and the viewer's time zone
//   6. Publishing: the built web app's files, SHA-256, the published folder saved
//   7. Reach: the semantic mirror for screen readers, the viewer's wish for less motion
//
// Adding a service (a clipboard for "Copy embed code", a storage estimate): one virtual function
// here, one definition in each platform file (platform_web.cpp, platform_desktop.cpp), and one in
// the tests' fake host.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/mirror.hpp"

namespace atlas {

class Host {
 public:
  virtual ~Host() = default;

  // 1. What the host is. `embedded`: the page was opened to sit in another site's page
  // (?embed): no menu bar. `share_address()`: the address a visitor would open to see what
  // is shown (the page's, without its #view), "" where there is none (the desktop).
  virtual bool embedded() const { return false; }
  virtual std::string share_address() const { return ""; }
  struct Abilities {
    const char* name = "";       // "web (WebAssembly + WebGL 2)", "desktop (SDL2 + OpenGL 3.3)"
    bool can_quit = false;       // File > Quit and Ctrl+Q (a web page cannot close itself)
    bool browser_files = false;  // the browser's picker and downloads, not the UI's dialog
  };
  virtual Abilities abilities() const = 0;

  // 2. Full screen (presenting). Web: the Fullscreen API, which the browser may refuse
  // without a recent key press or click; desktop: SDL's desktop full screen.
  virtual void set_fullscreen(bool on) = 0;

  // 3. Files. Web: open_file_picker shows the browser's picker (the file arrives later,
  // as an import) and offer_download saves bytes through the browser; both return true.
  // Desktop: the UI draws its own file dialog (ui/file_dialog), and read_file / write_file
  // reach real files; the others return false. Each returns false (or, for write_file,
  // the reason) where the host has no such thing.
  virtual bool open_file_picker() = 0;
  virtual bool offer_download(const std::string& filename, const std::string& bytes) = 0;
  virtual bool read_file(const std::string& path, std::string& out) = 0;
  // "" when written (atomically: a failed write leaves the old file), else why not.
  virtual std::string write_file(const std::string& path, const std::string& bytes) = 0;

  // 4. The CJK font, asked for only when the data has Chinese, Japanese or Korean text.
  // `done` gets the font's bytes and the face in a collection, or an error sentence; it
  // may run at once (desktop: a file beside the program) or later on the main loop (web:
  // a download beside the page).
  using FontLoaded =
      std::function<void(std::vector<unsigned char> bytes, int font_no, const std::string& error)>;
  virtual void load_cjk_font(FontLoaded done) = 0;
  // The place lookup's cities (geo/gazetteer), asked for the first time a city search is
  // needed (a place field in the editor, a spreadsheet's import, atlas.findCity). Web:
  // gazetteer.bin downloaded beside the page (the service worker keeps it for offline
  // use once fetched); desktop: built in.
  using BytesLoaded =
      std::function<void(std::vector<unsigned char> bytes, const std::string& error)>;
  virtual void load_gazetteer(BytesLoaded done) = 0;
  // The time zones (core/timezone's asset), asked for once a dataset names a zone or has
  // times. Web: tzdata.bin downloaded beside the page; desktop: built in.
  virtual void load_time_zones(BytesLoaded done) = 0;

  // 5. The clock: "today" for the Plan pane and the timeline's today line, and the
  // viewer's own zone, whose time is shown beside an event's. Asked, never read from the
  // system by the UI, so tests give a fixed date.
  struct Clock {
    int64_t utc = 0;   // now, UTC seconds since 1970-01-01
    std::string zone;  // the viewer's IANA zone ("Europe/Berlin"), "" when unknown
  };
  virtual Clock clock() const = 0;

  // 6. Publishing (File > Publish; core/publish makes the folder from the built app).
  // `load_site` gets every file of the built web app, path and bytes: web: the files the
  // page's service worker lists, fetched beside the page (with the libraries that hash and
  // zip them); desktop: the web build beside the program. `done` may run at once or later
  // on the main loop; an error is a sentence.
  using SiteFiles = std::vector<std::pair<std::string, std::string>>;
  using SiteLoaded = std::function<void(SiteFiles files, const std::string& error)>;
  virtual void load_site(SiteLoaded done) = 0;
  // Lowercase hexadecimal SHA-256 (web: js-sha256, loaded by load_site; desktop: OpenSSL).
  virtual std::string sha256(std::string_view bytes) = 0;
  // Saves the published folder. Web: `where` names a .zip download holding the folder
  // `where`/ (fflate); desktop: `where` is a new or empty folder, written whole or not at
  // all. "" when saved, else why not.
  virtual std::string save_site(const std::string& where, const SiteFiles& files) = 0;
  // 7. Reach. publish_mirror: the words of what is shown (app/mirror), called only when
  // they change, never per frame. Web: hidden DOM beside the canvas (a listbox, a details
  // region, a live region, command buttons) that screen readers read, its commands coming
  // back through AppUI::command; desktop: nothing yet (no platform accessibility API).
  virtual void publish_mirror(const Mirror& mirror) = 0;
  // True when the viewer asked their system for less motion (web: the media query
  // prefers-reduced-motion); fly-to, playback and autoplay then cut instead of moving.
  virtual bool prefers_reduced_motion() const = 0;
};

}  // namespace atlas
