// app_ui.hpp — the Dear ImGui UI: the frame that holds the menu bar, the Map / Timeline /
// List / Inspector panes with resizable splitters, the status bar, and the dialogs.
// Draws the AppState and changes it only through its actions; reaches the platform only
// through the Host it is given (app/host.hpp).
//
// One class, one file per area of the screen (as Tracy's TracyView_*.cpp):
//   app_ui.cpp       the frame: layout, splitters, panes, presenting, fonts, composition
//   menu_bar.cpp     the menu bar, keyboard shortcuts, the shared link's bar (View
//                    mode), the notices bar, the status bar
//   dialogs.cpp      files in and out (open, export, PNG) and the modal dialogs: import
//                    problems, import with warnings, another tab's changes, replace
//                    (New, Reset, Make a copy of a shared link)
//   about.cpp        Help > About
//   csv_import_dialog  File > Import CSV…: the mapping step (CsvImportDialog)
//   export_menu.cpp  File > Export: CSV tables, TimelineJS, GeoJSON, KML, StoryMapJS
//   publish_dialog.cpp  File > Publish…: a read-only site (web: a .zip; desktop: a folder)
//   reach.cpp        the semantic mirror for screen readers, Tab between panes, Help >
//                    Keyboard, less motion
// and panes with state of their own in their own classes: list_pane (ListPane),
// editor (the Inspector), map_view, timeline_view, presenter, glyph_loader (the CJK font).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/host.hpp"
#include "app/session.hpp"
#include "core/export_csv.hpp"
#include "ui/csv_import_dialog.hpp"
#include "ui/editor.hpp"
#include "ui/file_dialog.hpp"
#include "ui/glyph_loader.hpp"
#include "ui/list_pane.hpp"
#include "ui/map_view.hpp"
#include "ui/plan_pane.hpp"
#include "ui/presenter.hpp"
#include "ui/theme.hpp"
#include "ui/timeline_view.hpp"

struct ImGuiWindow;

namespace atlas::ui {

// View > Copy embed code's snippet for the page at `address` (menu_bar.cpp).
std::string embed_code(const std::string& address, const std::string& title);
// Edit > Undo's and Redo's words in the UI's language: "Undo", or "Undo " and what the
// step did (the step's own label, from core/edit, is English).
std::string history_label(const History& history, bool redo);

// Where each pane is on screen (logical pixels), for tests and automation.
struct PaneRect {
  float x = 0, y = 0, w = 0, h = 0;
};
enum Pane { kMapPane, kTimelinePane, kListPane, kInspectorPane, kPaneCount };
const char* pane_name(Pane p);

class AppUI {
 public:
  // The host is where the UI runs (app/host.hpp): the platform's services, or a test's.
  AppUI(Session& session, Host& host) : session_(session), state_(session.state), host_(host) {}

  // (Re)builds fonts and style for a DPI scale; call before the first frame and
  // whenever the scale changes.
  void set_scale(float scale);
  float scale() const { return scale_; }
  void set_theme(Theme t);
  Theme theme() const { return theme_; }

  // Before a frame: collects the CJK characters the data and the typed text need, asks
  // the host for the CJK font the first time, and once it is here merges the new glyphs
  // into the font atlas. True when the atlas was rebuilt (the caller recreates the GL
  // font texture).
  bool update_glyphs();
  // The host's answer to load_cjk_font: the font's bytes (kept for the app's lifetime),
  // the face in a collection, or why it could not be had (the user is told).
  void set_cjk_font(std::vector<unsigned char> bytes, int font_no, const std::string& error);
  // For tests and the status line: "none" (no CJK text), "loading", "ready", "failed".
  const char* cjk_font_status() const { return glyphs_.status(); }
  size_t cjk_glyph_count() const { return glyphs_.glyph_count(); }
  // The characters of `utf8` the default font has no glyph for.
  std::vector<char32_t> missing_glyphs(std::string_view utf8) const;

  // What an input method is composing, not yet typed ("" when nothing): drawn at the
  // text caret (the desktop; the web page shows its own composition box).
  void set_composition(std::string text);

  // Draws one frame of UI. Returns true while something animates (asks for more frames).
  bool frame();
  bool quit_requested() const { return quit_; }
  // Quitting with a change that could not be stored (the platform flushed, and it is
  // still unsaved): the quit is taken back and the user asked "Quit without saving?".
  // quit_confirmed() once they said yes.
  void ask_before_quit() {
    quit_ = false;
    asking_quit_ = true;
  }
  bool quit_confirmed() const { return quit_confirmed_; }
  const PaneRect& pane(Pane p) const { return panes_[p]; }
  MapView& map() { return map_; }
  // CPU time of the last frame's map and timeline panes (layout + draw lists), in ms.
  double map_ms() const { return map_ms_; }
  double timeline_ms() const { return timeline_ms_; }
  TimelineView& timeline() { return timeline_; }
  Presenter& presenter() { return presenter_; }
  Editor& editor() { return editor_; }
  // The offline city list has been needed: a city search in the Inspector was begun, or
  // a spreadsheet's import dialog is open. The platform then asks its host for it.
  bool wants_gazetteer() const { return editor_.wants_gazetteer() || csv_import_.is_open(); }
  PlanPane& plan() { return plan_; }
  // View > Plan: the Plan window is shown.
  void show_plan(bool on) { show_plan_ = on; }
  // The zone data (core/timezone), once the platform has it: times in a named zone are
  // then shown on the venue's clock. Kept by the caller.
  void set_zones(const tz::ZoneDb* zones) { zones_ = zones; }
  const tz::ZoneDb* zones() const { return zones_; }
  // Today on the viewer's clock (from the host), as last drawn.
  int64_t today() const { return today_; }
  CsvImportDialog& csv_import() { return csv_import_; }
  // Presenter mode on or off (F5 / Esc, the View menu, window.atlas.present), at a step.
  void present(bool on, int step = 0);
  void present_step(int step) { presenter_.go(state_, map_, timeline_, step); }
  // The narrow layout (phone_layout.cpp): below kCompactWidth logical pixels, one pane at
  // a time, chosen in a bottom bar; controls at least kTouchTarget tall.
  static constexpr float kCompactWidth = 700.0f;
  static constexpr float kTouchTarget = 44.0f;
  static constexpr float kSwipe = 60.0f;  // a horizontal drag this long moves the story
  enum class PhoneTab { Map, Timeline, List, Story };
  bool compact() const;
  PhoneTab phone_tab() const { return phone_tab_; }
  void set_phone_tab(PhoneTab tab);
  // File > Export view as PNG: the platform renders it after the frame (it needs GL),
  // then hands the bytes back to be downloaded or saved.
  bool take_png_request() { return std::exchange(png_requested_, false); }
  // Drawing the frame a PNG export captures (presenter mode leaves its controls out).
  void set_capturing(bool on) { presenter_.set_capturing(on); }
  void offer_png(std::vector<uint8_t> png);
  // reach.cpp: a command from the semantic mirror's buttons (app/mirror's ids: "present",
  // "next-step", "undo"…); false for an unknown one or one that could not be done.
  bool command(const std::string& id);
  // Less motion: the host's wish (prefers-reduced-motion) or View > Reduce motion.
  bool reduced_motion() const;
  void set_reduce_motion(bool on) { session_.set_reduce_motion(on); }
  // The pane with the keyboard (-1: none), for tests.
  int focused_pane() const;

 private:
  // reach.cpp
  void publish_mirror();
  void pane_keys();
  void focus_ring();
  void keyboard_help();
  void apply_motion();
  // app_ui.cpp
  void panes(float status_h);
  void splitter(const char* id, bool vertical, float* fraction, float total, float min_a,
                float min_b);
  void map_pane();
  void timeline_pane();
  void record_pane(Pane p);
  void rebuild_fonts();
  void draw_composition();
  // phone_layout.cpp
  void compact_panes(float status_h);
  void bottom_bar(float height);
  void story_card();
  void read_clock();
  // menu_bar.cpp
  void menu_bar();
  void file_menu();
  void shortcuts();
  void view_bar();
  void notices_bar();
  bool viewing() const { return session_.mode() == Session::Mode::View; }
  void status_bar(float height);
  // dialogs.cpp
  void open_file();
  void export_json();
  void export_corrupt_copy();
  void export_calendar();
  void save_or_download(const std::string& name);
  void dialogs();
  void file_dialog_result();
  void import_problems_dialog();
  void import_warnings_dialog();
  void conflict_dialog();
  void replace_dialog();
  void quit_dialog();
  void request_copy();  // asks first when the user has data of their own
  void copy_now();
  void restore_previous();
  // about.cpp
  void about_popup();
  // export_menu.cpp
  void import_csv();
  void export_menu();
  void export_as(const char* format, const char* extension, CsvTableKind table);
  // publish_dialog.cpp
  void publish_dialog();
  void publish_now(const std::string& where);
  std::string publish_name() const;

  Session& session_;
  AppState& state_;
  Host& host_;
  FileDialog file_dialog_;
  MapView map_;
  TimelineView timeline_;
  ListPane list_;
  Presenter presenter_;
  Editor editor_;
  PlanPane plan_;
  bool show_plan_ = false;
  const tz::ZoneDb* zones_ = nullptr;
  int64_t today_ = 0;
  GlyphLoader glyphs_;
  CsvImportDialog csv_import_;
  bool export_excel_ = false;  // File > Export > CSV: for Excel (UTF-8 with BOM)
  Fonts fonts_;
  bool stage_fonts_ = false;  // the presenter's sizes: built once presenting begins
  float scale_ = 0.0f;
  Theme theme_ = Theme::Light;
  Theme theme_before_presenting_ = Theme::Light;
  std::string composition_;
  bool animating_ = false;
  double map_ms_ = 0, timeline_ms_ = 0;
  PaneRect panes_[kPaneCount];
  ImGuiWindow* pane_windows_[kPaneCount] = {};  // this frame's (none in the phone layout)
  bool keyboard_focus_ = false;                 // Tab moved it: show the focus ring
  bool show_keyboard_ = false;                  // Help > Keyboard
  MirrorKey mirror_key_;
  bool published_ = false;
  // Layout fractions (splitters).
  float left_fraction_ = 0.46f;
  float map_fraction_ = 0.58f;
  float list_fraction_ = 0.56f;
  PhoneTab phone_tab_ = PhoneTab::Map;
  // Menus and dialogs.
  bool quit_ = false;
  bool asking_quit_ = false, quit_confirmed_ = false;
  bool open_about_ = false;
  bool show_quality_ = false;
  bool show_story_ = false;
  bool png_requested_ = false;
  bool open_publish_ = false;
  int publish_story_ = -1;          // File > Publish: the story to open on (-1: none)
  bool publishing_ = false;         // waiting for the host's load_site
  bool publish_to_folder_ = false;  // the file dialog is choosing the published folder
  enum class Confirm { None, New, Reset, Copy } confirm_ = Confirm::None;
  std::string export_text_;   // what the save dialog will write (the dataset, a copy, a PNG)
  std::string export_notes_;  // what that export left out, said once it is written
};

}  // namespace atlas::ui
