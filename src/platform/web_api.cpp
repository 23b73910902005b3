// web_api.cpp — the bridge behind window.atlas (web/atlas.js section 5, documented in
// README.md): the C functions the page's JavaScript API calls. Web only.
//
// Index
//   1. Data: load, export, stats, diagnostics, notices, storage; the mode (a shared link
//      in View mode, Make a copy, Restore previous data)
//   2. Selection, frame statistics, panes
//   3. Map and timeline
//   4. Presenting: the story, autoplay, PNG, the view's deep link
//   5. Editing: undo, redo, history, fields, Pick on map, where widgets are
//   6. The city list, fonts, the theme
//   7. Interchange: a spreadsheet imported as one step, the data in other tools' formats
//
// Every function is EMSCRIPTEN_KEEPALIVE: the build finds them in this file and exports
// them (cmake/web_exports.cmake), so adding one needs no list kept by hand. Each starts
// from app(): before the app has started it answers null (JSON), "" (text), 0 or
// kNotStarted (calls that answer "" or why not), or does nothing (the page waits
// for atlas.ready, but a script need not). A string argument that is null reads as "".
// Strings returned stay valid until the next call; the JavaScript side copies them at once.
#include <emscripten.h>
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/spreadsheet_import.hpp"
#include "core/formats.hpp"
#include "geo/city_lookup.hpp"
#include "platform/web_backend.hpp"
#include "ui/widget_probe.hpp"

namespace {

using atlas::platform::FrameDriver;

FrameDriver* app() { return atlas::platform::web::driver(); }
void wake() { atlas::platform::web::wake(); }
const char* text_of(const char* s) { return s ? s : ""; }
// What calls that answer "" or why not say before the app has started.
constexpr const char* kNotStarted = "the app has not started yet";

std::string g_result;  // the last string handed to JavaScript
std::vector<uint8_t> g_png;

// {"x", "y", "width", "height"} of a rectangle the UI reports as x, y, w, h.
std::string rect_json(const float r[4]) {
  return nlohmann::json{{"x", r[0]}, {"y", r[1]}, {"width", r[2]}, {"height", r[3]}}.dump();
}

}  // namespace

extern "C" {

// ---------------------------------------------------------------------------------
// 1. Data
// ---------------------------------------------------------------------------------
EMSCRIPTEN_KEEPALIVE const char* atlas_api_load_json(const char* text, int length,
                                                     const char* origin) {
  FrameDriver* d = app();
  if (!d) return "null";
  if (d->state.read_only) {
    g_result = atlas::diagnostics_json({{atlas::Severity::Error, "", atlas::AppState::kReadOnly}});
    return g_result.c_str();
  }
  auto diags = d->state.load_json(
      text ? std::string_view(text, size_t(std::max(0, length))) : std::string_view(),
      text_of(origin));
  wake();
  g_result = atlas::diagnostics_json(diags);
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_export_json() {
  FrameDriver* d = app();
  if (!d) return "";
  g_result = d->state.export_json();
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_stats() {
  FrameDriver* d = app();
  if (!d) return "null";
  g_result = atlas::stats_json(d->state);
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_diagnostics() {
  FrameDriver* d = app();
  if (!d) return "null";
  g_result = atlas::diagnostics_json(d->session.import_diagnostics());
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_notices() {
  FrameDriver* d = app();
  if (!d) return "null";
  nlohmann::json a = nlohmann::json::array();
  for (const auto& n : d->session.notices)
    a.push_back({{"kind", n.kind == atlas::Notice::Error     ? "error"
                          : n.kind == atlas::Notice::Warning ? "warning"
                                                             : "info"},
                 {"text", n.text},
                 {"export", n.offer_export}});
  g_result = a.dump();
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_storage_status() {
  FrameDriver* d = app();
  if (!d) return "null";
  auto& s = d->session;
  g_result = nlohmann::json{{"saved", !s.dirty() && !s.saving()},  {"saving", s.saving()},
                            {"quotaExceeded", s.quota_exceeded()}, {"conflict", s.conflict()},
                            {"where", s.storage_where()},          {"status", s.storage_status()}}
                 .dump();
  return g_result.c_str();
}

// {"mode": "view" | "edit", "link": the shared link's address or null, "opening": true
// while it downloads, "ownData": whether the store holds the user's data, "previous":
// whether File > Restore previous data has something to restore}.
EMSCRIPTEN_KEEPALIVE const char* atlas_api_mode() {
  FrameDriver* d = app();
  if (!d) return "null";
  const auto& s = d->session;
  const bool view = s.mode() == atlas::Session::Mode::View;
  g_result = nlohmann::json{{"mode", view ? "view" : "edit"},
                            {"link", view ? nlohmann::json(s.link_address()) : nlohmann::json()},
                            {"opening", s.link_state() == atlas::Session::Link::Opening},
                            {"ownData", s.has_own_data()},
                            {"previous", s.has_previous()}}
                 .dump();
  return g_result.c_str();
}

// Make a copy to edit (no question: a script asks its own): "" or why not.
EMSCRIPTEN_KEEPALIVE const char* atlas_api_make_copy() {
  FrameDriver* d = app();
  if (!d) return kNotStarted;
  g_result = d->session.make_copy();
  wake();
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_restore_previous() {
  FrameDriver* d = app();
  if (!d) return kNotStarted;
  g_result = d->session.restore_previous();
  wake();
  return g_result.c_str();
}

// ---------------------------------------------------------------------------------
// 2. Selection, frame statistics, panes
// ---------------------------------------------------------------------------------
EMSCRIPTEN_KEEPALIVE int atlas_api_select(const char* id) {
  FrameDriver* d = app();
  if (!d) return 0;
  bool ok = d->state.select(text_of(id));
  wake();
  return ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_selection() {
  FrameDriver* d = app();
  return d ? d->state.selection().c_str() : "";
}

EMSCRIPTEN_KEEPALIVE double atlas_api_frames_drawn() {
  FrameDriver* d = app();
  return d ? double(d->frames_drawn()) : 0;
}
EMSCRIPTEN_KEEPALIVE double atlas_api_last_frame_ms() {
  FrameDriver* d = app();
  return d ? d->last_frame_ms() : 0;
}
EMSCRIPTEN_KEEPALIVE double atlas_api_last_ui_ms() {
  FrameDriver* d = app();
  return d ? d->last_ui_ms() : 0;
}
EMSCRIPTEN_KEEPALIVE double atlas_api_last_gl_ms() {
  FrameDriver* d = app();
  return d ? d->last_gl_ms() : 0;
}
EMSCRIPTEN_KEEPALIVE double atlas_api_map_ms() {
  FrameDriver* d = app();
  return d ? d->ui.map_ms() : 0;
}
EMSCRIPTEN_KEEPALIVE double atlas_api_timeline_ms() {
  FrameDriver* d = app();
  return d ? d->ui.timeline_ms() : 0;
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_panes() {
  FrameDriver* d = app();
  if (!d) return "null";
  nlohmann::json o = nlohmann::json::object();
  for (int p = 0; p < atlas::ui::kPaneCount; ++p) {
    const auto& r = d->ui.pane(atlas::ui::Pane(p));
    const float rect[4] = {r.x, r.y, r.w, r.h};
    o[atlas::ui::pane_name(atlas::ui::Pane(p))] = nlohmann::json::parse(rect_json(rect));
  }
  g_result = o.dump();
  return g_result.c_str();
}

// The pane with the keyboard ("map", "timeline", "list", "inspector"), "" for none.
EMSCRIPTEN_KEEPALIVE const char* atlas_api_focused_pane() {
  FrameDriver* d = app();
  const int p = d ? d->ui.focused_pane() : -1;
  return p < 0 ? "" : atlas::ui::pane_name(atlas::ui::Pane(p));
}

// ---------------------------------------------------------------------------------
// 3. Map and timeline (tests, benchmarks, embedding pages)
// ---------------------------------------------------------------------------------
EMSCRIPTEN_KEEPALIVE const char* atlas_api_map_project(double lon, double lat) {
  FrameDriver* d = app();
  if (!d) return "null";
  auto& map = d->ui.map();
  atlas::geo::Vec2 p = map.project(lon, lat);
  g_result = nlohmann::json{{"x", map.pane_x() + p.x}, {"y", map.pane_y() + p.y}}.dump();
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE void atlas_api_map_set_view(double lon, double lat, double zoom) {
  FrameDriver* d = app();
  if (!d) return;
  d->ui.map().set_view(lon, lat, zoom);
  wake();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_map_view() {
  FrameDriver* d = app();
  if (!d) return "null";
  auto& map = d->ui.map();
  atlas::geo::Vec2 ll = atlas::geo::world_to_lonlat(map.camera().center);
  g_result = nlohmann::json{{"lon", ll.x},
                            {"lat", ll.y},
                            {"zoom", map.camera().zoom},
                            {"markers", map.visible_marker_count()}}
                 .dump();
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_timeline_locate(const char* id) {
  FrameDriver* d = app();
  if (!d) return "null";
  float x = 0, y = 0;
  bool ok = d->ui.timeline().locate(d->state, text_of(id), x, y);
  g_result = ok ? nlohmann::json{{"x", x}, {"y", y}}.dump() : "null";
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_timeline_axis(const char* date) {
  FrameDriver* d = app();
  if (!d) return "null";
  float x, y, w, h;
  d->ui.timeline().axis_rect(x, y, w, h);
  nlohmann::json o{{"x", x}, {"y", y}, {"width", w}, {"height", h}};
  auto v = atlas::edtf::parse(text_of(date));
  if (v.value) o["dateX"] = d->ui.timeline().x_of_day(double(v.value->earliest()));
  g_result = o.dump();
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE void atlas_api_timeline_zoom(double factor, double x) {
  FrameDriver* d = app();
  if (!d) return;
  d->ui.timeline().zoom(factor, x);
  wake();
}

EMSCRIPTEN_KEEPALIVE void atlas_api_timeline_pan(double dx) {
  FrameDriver* d = app();
  if (!d) return;
  d->ui.timeline().pan(dx);
  wake();
}

// The timeline's date window (the brush), as EDTF values: from the start of `first` to
// the end of `last`. Empty strings clear it. Returns "" or what is wrong.
EMSCRIPTEN_KEEPALIVE const char* atlas_api_set_range(const char* first, const char* last) {
  FrameDriver* d = app();
  if (!d) return kNotStarted;
  atlas::Filters f = d->state.filters();
  std::string a = text_of(first), b = text_of(last);
  g_result.clear();
  if (a.empty() && b.empty()) {
    f.window_on = false;
  } else {
    auto pa = atlas::edtf::parse(a), pb = atlas::edtf::parse(b.empty() ? a : b);
    if (!pa.value || !pb.value) {
      g_result = !pa.value ? pa.error : pb.error;
      return g_result.c_str();
    }
    f.window_on = true;
    f.window_first = pa.value->earliest();
    f.window_last = pb.value->latest();
  }
  d->state.set_filters(f);
  wake();
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_visible() {
  FrameDriver* d = app();
  if (!d) return "null";
  g_result = nlohmann::json{{"events", d->state.visible_event_count()},
                            {"timelineItems", d->ui.timeline().visible_item_count()},
                            {"mapMarkers", d->ui.map().visible_marker_count()},
                            {"mapGroups", d->ui.map().visible_group_count()}}
                 .dump();
  return g_result.c_str();
}

// ---------------------------------------------------------------------------------
// 4. Presenting
// ---------------------------------------------------------------------------------
EMSCRIPTEN_KEEPALIVE void atlas_api_present(int on, int step) {
  FrameDriver* d = app();
  if (!d) return;
  d->ui.present(on != 0, step);
  wake();
}

// A button of the semantic mirror (app/mirror's command ids): 1 when done.
EMSCRIPTEN_KEEPALIVE int atlas_api_command(const char* id) {
  FrameDriver* d = app();
  if (!d) return 0;
  const bool ok = d->ui.command(text_of(id));
  wake();
  return ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_story() {
  FrameDriver* d = app();
  if (!d) return "null";
  auto& p = d->ui.presenter();
  const auto& steps = p.steps(d->state);
  nlohmann::json o{{"presenting", p.active()},
                   {"step", p.step()},
                   {"count", steps.size()},
                   {"autoplay", p.autoplay()}};
  o["item"] = p.active() && size_t(p.step()) < steps.size() && !steps[size_t(p.step())].item.empty()
                  ? nlohmann::json(steps[size_t(p.step())].item)
                  : nlohmann::json(nullptr);
  g_result = o.dump();
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE void atlas_api_story_go(int step) {
  FrameDriver* d = app();
  if (!d) return;
  d->ui.present_step(step);
  wake();
}

EMSCRIPTEN_KEEPALIVE void atlas_api_autoplay(double seconds, int loop) {
  FrameDriver* d = app();
  if (!d) return;
  d->ui.presenter().set_autoplay(float(seconds), loop != 0);
  wake();
}

// The current view as a PNG at `scale` x the window's size: its bytes stay valid until
// the next call; the length comes from atlas_api_png_size().
EMSCRIPTEN_KEEPALIVE const uint8_t* atlas_api_export_png(double scale) {
  FrameDriver* d = app();
  g_png.clear();
  if (!d) return g_png.data();
  d->render_png(float(scale), g_png);
  wake();
  return g_png.data();
}
EMSCRIPTEN_KEEPALIVE int atlas_api_png_size() { return int(g_png.size()); }

EMSCRIPTEN_KEEPALIVE const char* atlas_api_view_hash() {
  FrameDriver* d = app();
  if (!d) return "";
  g_result = d->view_hash();
  return g_result.c_str();
}

// ---------------------------------------------------------------------------------
// 5. Editing
// ---------------------------------------------------------------------------------
EMSCRIPTEN_KEEPALIVE int atlas_api_undo() {
  FrameDriver* d = app();
  if (!d) return 0;
  bool ok = d->state.undo();
  wake();
  return ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int atlas_api_redo() {
  FrameDriver* d = app();
  if (!d) return 0;
  bool ok = d->state.redo();
  wake();
  return ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_history() {
  FrameDriver* d = app();
  if (!d) return "null";
  const auto& h = d->state.history;
  g_result = nlohmann::json{{"labels", h.labels()},
                            {"position", h.position()},
                            {"undo", h.undo_label()},
                            {"redo", h.redo_label()}}
                 .dump();
  return g_result.c_str();
}

// One field of one item, as the editor sets it: "" or why it was refused.
EMSCRIPTEN_KEEPALIVE const char* atlas_api_set_field(const char* id, const char* field,
                                                     const char* json_value) {
  FrameDriver* d = app();
  if (!d) return kNotStarted;
  std::string error;
  auto value = nlohmann::json::parse(text_of(json_value), nullptr, false);
  if (value.is_discarded())
    error = "the value is not JSON";
  else if (d->state.read_only)
    error = atlas::AppState::kReadOnly;  // English for scripts, whatever the UI shows
  else
    d->state.edit(atlas::Command::set_field(text_of(id), text_of(field), value), &error);
  wake();
  g_result = error;
  return g_result.c_str();
}

// "Pick on map" for a place, as its button does: the next click on the map places it.
EMSCRIPTEN_KEEPALIVE int atlas_api_pick_on_map(const char* place_id) {
  FrameDriver* d = app();
  if (!d) return 0;
  if (!*text_of(place_id) || !d->state.request_pick(text_of(place_id))) return 0;
  wake();
  return 1;
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_field_rect(const char* key) {
  FrameDriver* d = app();
  if (!d) return "null";
  float r[4];
  g_result = d->ui.editor().field_rect(text_of(key), r) ? rect_json(r) : "null";
  return g_result.c_str();
}

// Where a widget was drawn in the last frame, by its label (tests click real buttons).
// The first call switches the recording on: the answer comes with the next frame.
EMSCRIPTEN_KEEPALIVE const char* atlas_api_widget_rect(const char* label, int index) {
  FrameDriver* d = app();
  if (!d) return "null";
  float r[4];
  if (!atlas::ui::probe::enabled()) {
    atlas::ui::probe::enable(true);
    wake();
  }
  g_result = atlas::ui::probe::find(text_of(label), index, r) ? rect_json(r) : "null";
  return g_result.c_str();
}

// Every labelled widget of the last frame: [{label, x, y, width, height}].
EMSCRIPTEN_KEEPALIVE const char* atlas_api_widgets() {
  FrameDriver* d = app();
  if (!d) return "null";
  if (!atlas::ui::probe::enabled()) {
    atlas::ui::probe::enable(true);
    wake();
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& w : atlas::ui::probe::all_labelled())
    out.push_back({{"label", w.label},
                   {"x", w.rect[0]},
                   {"y", w.rect[1]},
                   {"width", w.rect[2]},
                   {"height", w.rect[3]},
                   {"textWidth", w.text_width},
                   {"visibleWidth", w.visible_width}});
  g_result = out.dump();
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* atlas_api_phone_tab() {
  FrameDriver* d = app();
  if (!d) return "null";
  static const char* names[] = {"map", "timeline", "list", "story"};
  g_result = d->ui.compact() ? std::string("\"") + names[int(d->ui.phone_tab())] + "\"" : "null";
  return g_result.c_str();
}

// ---------------------------------------------------------------------------------
// 6. The city list, fonts, the theme
// ---------------------------------------------------------------------------------
// The place lookup, as the Inspector's city search uses it: null until it has arrived
// (the first call asks for it).
EMSCRIPTEN_KEEPALIVE const char* atlas_api_find_city(const char* query, int limit) {
  FrameDriver* d = app();
  if (!d) return "null";
  d->want_gazetteer();
  const atlas::geo::Gazetteer* g = d->gazetteer();
  nlohmann::json out = nullptr;
  if (g) {
    out = nlohmann::json::array();
    for (const auto& hit : g->search_text(text_of(query), size_t(std::max(1, limit))))
      out.push_back(
          {{"name", hit.name}, {"country", hit.country}, {"lat", hit.lat}, {"lon", hit.lon}});
  }
  g_result = out.dump();
  return g_result.c_str();
}

// Fonts, for tests: the CJK font's state, and which characters of a text have no glyph.
EMSCRIPTEN_KEEPALIVE const char* atlas_api_fonts(const char* text) {
  FrameDriver* d = app();
  if (!d) return "null";
  auto& ui = d->ui;
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  g_result = nlohmann::json{{"cjk", ui.cjk_font_status()},
                            {"cjkGlyphs", ui.cjk_glyph_count()},
                            {"missing", ui.missing_glyphs(text_of(text))},
                            {"texture", {atlas->TexWidth, atlas->TexHeight}}}
                 .dump();
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE int atlas_api_set_theme(int dark) {
  FrameDriver* d = app();
  if (!d) return 0;
  d->ui.set_theme(dark ? atlas::ui::Theme::Dark : atlas::ui::Theme::Light);
  wake();
  return dark;
}

// ---------------------------------------------------------------------------------
// 7. Interchange
// ---------------------------------------------------------------------------------
// A CSV (or TimelineJS) file imported as File > Import CSV's dialog would with its
// guessed mapping: options {dayMonth: 'day-first' | 'month-first', skipBadRows, cities}
// as JSON. One undoable step when it can be imported; nothing changes otherwise.
EMSCRIPTEN_KEEPALIVE const char* atlas_api_import_csv(const char* text, int length,
                                                      const char* name, const char* options) {
  FrameDriver* d = app();
  if (!d) return "null";
  nlohmann::json o = nlohmann::json::parse(text_of(options), nullptr, false);
  if (!o.is_object()) o = nlohmann::json::object();
  atlas::ImportOptions io;
  std::string order = o.value("dayMonth", "");
  io.day_month = order == "day-first"     ? atlas::DayMonthOrder::DayFirst
                 : order == "month-first" ? atlas::DayMonthOrder::MonthFirst
                                          : atlas::DayMonthOrder::Unknown;
  io.skip_bad_rows = o.value("skipBadRows", false);
  d->want_gazetteer();  // for the next import, when it has not arrived yet
  const atlas::geo::Gazetteer* g = d->ui.editor().gazetteer();
  if (g && o.value("cities", true)) io.cities = atlas::geo::city_lookup(*g);
  atlas::SpreadsheetImport im(
      text_of(name),
      text ? std::string_view(text, size_t(std::max(0, length))) : std::string_view(), d->state,
      std::move(io));
  atlas::ImportResult r = im.summary();
  std::string why;
  bool imported = im.apply(d->state, &why);
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : im.problems())
    problems.push_back({{"severity", p.severity == atlas::Severity::Error ? "error" : "warning"},
                        {"row", p.row},
                        {"column", p.column},
                        {"columnName", p.column_name},
                        {"pointer", p.pointer},
                        {"message", p.message},
                        {"text", p.to_string()}});
  g_result = nlohmann::json{
      {"imported", imported},
      {"error", imported ? "" : why},
      {"events", imported ? r.events : 0},
      {"places", imported ? r.places : 0},
      {"organisations", imported ? r.organisations : 0},
      {"skippedRows", imported ? r.skipped_rows : 0},
      {"readAs", im.read_as()},
      {"problems",
       problems}}.dump();
  wake();
  return g_result.c_str();
}

// The data as File > Export writes it: {text, notes, error}; format as `atlas convert
// --formats` names them; options {table, excel}.
EMSCRIPTEN_KEEPALIVE const char* atlas_api_export_as(const char* format, const char* options) {
  FrameDriver* d = app();
  if (!d) return "null";
  nlohmann::json o = nlohmann::json::parse(text_of(options), nullptr, false);
  if (!o.is_object()) o = nlohmann::json::object();
  const atlas::Format* f = atlas::find_format(text_of(format));
  if (!f || !f->write) {
    g_result = nlohmann::json{{"text", ""},
                              {"notes", nlohmann::json::array()},
                              {"error", std::string("no format called \"") + text_of(format) +
                                            "\" can be written"}}
                   .dump();
    return g_result.c_str();
  }
  atlas::ConvertOptions c;
  auto table = atlas::csv_table_from_name(o.value("table", "events"));
  if (table) c.table = *table;
  c.excel = o.value("excel", false);
  // A calendar is stamped now (DTSTAMP), and timed events keep their zone once the zone
  // data has arrived, as File > Export calendar does.
  c.ical.now_utc = int64_t(std::time(nullptr));
  c.ical.zones = d->ui.zones();
  atlas::WriteOutcome w = f->write(d->state.dataset, c);
  g_result = nlohmann::json{{"text", w.bytes}, {"notes", w.notes}, {"error", w.error}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  return g_result.c_str();
}

}  // extern "C"
