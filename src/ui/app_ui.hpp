// app_ui.hpp — the Dear ImGui views: menu bar, Map / Timeline / List+Inspector panes
// with resizable splitters, status bar, About. Draws the AppState; changes it only
// through its actions.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/pacer.hpp"
#include "app/session.hpp"
#include "core/glyphs.hpp"
#include "ui/editor.hpp"
#include "ui/file_dialog.hpp"
#include "ui/map_view.hpp"
#include "ui/presenter.hpp"
#include "ui/theme.hpp"
#include "ui/timeline_view.hpp"

namespace atlas::ui {

// Where each pane is on screen (logical pixels), for tests and automation.
struct PaneRect {
  float x = 0, y = 0, w = 0, h = 0;
};
enum Pane { kMapPane, kTimelinePane, kListPane, kInspectorPane, kPaneCount };
const char* pane_name(Pane p);

struct PlatformInfo {
  const char* name = "";  // "web" or "desktop"
  bool can_quit = false;
  bool browser_files = false;  // file picker and downloads (web) vs file dialogs (desktop)
};

class AppUI {
 public:
  explicit AppUI(Session& session) : session_(session), state_(session.state) {}

  // (Re)builds fonts and style for a DPI scale; call before the first frame and
  // whenever the scale changes.
  void set_scale(float scale);
  float scale() const { return scale_; }
  void set_theme(Theme t);
  Theme theme() const { return theme_; }

  // Before a frame: collects the CJK characters the data and the typed text need, asks
  // the platform for the CJK font the first time, and once it is here merges the new
  // glyphs into the font atlas. True when the atlas was rebuilt (the caller recreates
  // the GL font texture).
  bool update_glyphs();
  // The CJK font's bytes (kept for the app's lifetime), the face in a collection, or why
  // it could not be had.
  void set_cjk_font(std::vector<unsigned char> bytes, int font_no, const std::string& error);
  // For tests and the status line: "none" (no CJK text), "loading", "ready", "failed".
  const char* cjk_font_status() const;
  size_t cjk_glyph_count() const { return cjk_loaded_.size(); }
  // The characters of `utf8` the default font has no glyph for.
  std::vector<char32_t> missing_glyphs(std::string_view utf8) const;

  // What an input method is composing, not yet typed ("" when nothing): drawn at the
  // text caret (the desktop; the web page shows its own composition box).
  void set_composition(std::string text);

  // Draws one frame of UI. Returns true while something animates (asks for more frames).
  bool frame(const PlatformInfo& platform);
  bool quit_requested() const { return quit_; }
  const PaneRect& pane(Pane p) const { return panes_[p]; }
  MapView& map() { return map_; }
  // CPU time of the last frame's map and timeline panes (layout + draw lists), in ms.
  double map_ms() const { return map_ms_; }
  double timeline_ms() const { return timeline_ms_; }
  TimelineView& timeline() { return timeline_; }
  Presenter& presenter() { return presenter_; }
  Editor& editor() { return editor_; }
  // Presenter mode on or off (F5 / Esc, the View menu, window.atlas.present), at a step.
  void present(bool on, int step = 0);
  void present_step(int step) { presenter_.go(state_, map_, timeline_, step); }
  // File > Export view as PNG: the platform renders it after the frame (it needs GL),
  // then hands the bytes back to be downloaded or saved.
  bool take_png_request() { return std::exchange(png_requested_, false); }
  // Drawing the frame a PNG export captures (presenter mode leaves its controls out).
  void set_capturing(bool on) { presenter_.capturing = on; }
  void offer_png(std::vector<uint8_t> png, const PlatformInfo& platform);

 private:
  void menu_bar(const PlatformInfo& platform);
  void status_bar(float height);
  void splitter(const char* id, bool vertical, float* fraction, float total, float min_a,
                float min_b);
  void map_pane();
  void timeline_pane();
  void list_pane();
  void events_table();
  void working_groups_table();
  void inspector();
  void about_popup(const PlatformInfo& platform);
  void notices_bar();
  void dialogs(const PlatformInfo& platform);
  void open_file(const PlatformInfo& platform);
  void export_json(const PlatformInfo& platform);
  void shortcuts(const PlatformInfo& platform);
  void pane_title(const char* title, const char* subtitle);
  void record_pane(Pane p);
  std::string place_label(const std::string& place_id) const;

  Session& session_;
  AppState& state_;
  FileDialog file_dialog_;
  MapView map_;
  TimelineView timeline_;
  Presenter presenter_;
  Editor editor_;
  bool show_quality_ = false;
  bool show_story_ = false;
  std::string search_;        // the List pane's search text
  std::string list_country_;  // the List pane's country filter ("" = all)
  void organisations_table();
  void places_table();
  bool matches_search(const Event& e) const;
  void sort_events(const std::vector<Event>& events);
  bool png_requested_ = false;
  Theme theme_before_presenting_ = Theme::Light;
  bool animating_ = false;
  double map_ms_ = 0, timeline_ms_ = 0;
  enum class Confirm { None, New, Reset } confirm_ = Confirm::None;
  std::string export_text_;  // what the save dialog will write (the dataset, or a corrupt copy)
  std::string export_error_;
  Fonts fonts_;
  void rebuild_fonts();
  void draw_composition();
  std::string composition_;
  // The CJK font on demand (see update_glyphs).
  enum class CjkState { Idle, Loading, Ready, Failed } cjk_state_ = CjkState::Idle;
  CodePointSet cjk_needed_, cjk_loaded_;
  size_t cjk_needed_seen_ = 0;  // cjk_needed_.size() when last compared with the atlas
  uint64_t cjk_version_ = ~uint64_t(0);
  std::vector<unsigned char> cjk_bytes_;
  int cjk_font_no_ = 0;
  std::string cjk_error_;
  std::vector<ImWchar> cjk_ranges_;
  float scale_ = 0.0f;
  Theme theme_ = Theme::Light;
  bool quit_ = false;
  PaneRect panes_[kPaneCount];
  bool open_about_ = false;
  bool scroll_to_selection_ = false;
  // Layout fractions (splitters).
  float left_fraction_ = 0.46f;
  float map_fraction_ = 0.58f;
  float list_fraction_ = 0.56f;
  // The events table's sorted order, cached by data version and sort spec.
  std::vector<int> order_;
  uint64_t order_version_ = ~uint64_t(0);
  uint64_t order_filters_ = ~uint64_t(0);
  std::vector<int> sorted_;  // searched and sorted, before the filters (order_ after them)
  RebuildPacer list_pacer_;
  int sort_column_ = 0;
  bool sort_ascending_ = true;
};

}  // namespace atlas::ui
