// app_ui.cpp — see app_ui.hpp.
//
// Index
//   1. Frame: one full-window host with the menu bar, three panes and the status bar
//   2. Splitters
//   3. Map and Timeline panes: the dataset's summary until those views land
//   4. List pane: events and working groups as sortable tables
//   5. Inspector: every field of the selected item
//   6. Menu bar, status bar, About
#include "ui/app_ui.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the text caret for an input method (PlatformImeData)
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "core/countries.hpp"
#include "platform/platform.hpp"

#ifndef ATLAS_VERSION
#define ATLAS_VERSION "dev"
#endif

namespace atlas::ui {

namespace {

constexpr ImGuiWindowFlags kHostFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
    ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoScrollbar;

std::string country_name(const std::string& code) {
  const Country* c = find_country(code);
  return c ? c->name : code;
}

std::string date_words(const std::optional<edtf::Value>& v) {
  return v ? edtf::describe(*v) : "no date";
}

void wrapped_dim(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

// A small filled square in the kind's colour, aligned with the text line.
void kind_swatch(ImU32 color) {
  ImVec2 p = ImGui::GetCursorScreenPos();
  float h = ImGui::GetTextLineHeight();
  float s = h * 0.55f;
  ImVec2 a(p.x, p.y + (h - s) * 0.5f);
  ImGui::GetWindowDrawList()->AddRectFilled(a, ImVec2(a.x + s, a.y + s), color, s * 0.25f);
  ImGui::Dummy(ImVec2(s, h));
  ImGui::SameLine(0, 6);
}

}  // namespace

const char* pane_name(Pane p) {
  static const char* names[kPaneCount] = {"map", "timeline", "list", "inspector"};
  return names[p];
}

void AppUI::record_pane(Pane p) {
  ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  panes_[p] = {pos.x, pos.y, size.x, size.y};
}

void AppUI::set_scale(float scale) {
  if (scale <= 0.0f) scale = 1.0f;
  if (scale == scale_) return;
  scale_ = scale;
  rebuild_fonts();
  apply_theme(theme_, scale);
}

void AppUI::rebuild_fonts() {
  ExtraFont cjk;
  if (cjk_state_ == CjkState::Ready && !cjk_ranges_.empty()) {
    cjk.data = cjk_bytes_.data();
    cjk.size = cjk_bytes_.size();
    cjk.font_no = cjk_font_no_;
    cjk.ranges = cjk_ranges_.data();
  }
  fonts_ = load_fonts(scale_ > 0 ? scale_ : 1.0f, cjk.data ? &cjk : nullptr);
}

bool AppUI::update_glyphs() {
  if (state_.data_version != cjk_version_) {
    cjk_version_ = state_.data_version;
    collect_cjk(state_.dataset, cjk_needed_);  // grows only: undo keeps the glyphs
  }
  cjk_needed_.add_text(search_, kCjkFirst, kCjkLast);
  if (cjk_needed_.size() == cjk_needed_seen_) return false;
  if (cjk_state_ == CjkState::Idle) {
    cjk_state_ = CjkState::Loading;
    // The platform answers now (desktop: a file) or later (web: a download, then a wake).
    platform::load_cjk_font(
        [this](std::vector<unsigned char> bytes, int font_no, const std::string& error) {
          set_cjk_font(std::move(bytes), font_no, error);
        });
  }
  if (cjk_state_ != CjkState::Ready) return false;
  cjk_needed_seen_ = cjk_needed_.size();
  std::vector<char32_t> add = cjk_loaded_.missing_from(cjk_needed_);
  if (add.empty()) return false;
  for (char32_t cp : add) cjk_loaded_.add(cp);
  // ImGui's glyph ranges: runs of consecutive code points (ImWchar is 16 bits: the
  // ideographs of the basic plane; rarer supplementary ones stay boxes).
  cjk_ranges_.clear();
  for (char32_t cp : cjk_loaded_.list()) {
    if (!is_cjk(cp)) continue;
    if (!cjk_ranges_.empty() && cjk_ranges_.back() + 1 == ImWchar(cp))
      cjk_ranges_.back() = ImWchar(cp);
    else
      cjk_ranges_.insert(cjk_ranges_.end(), {ImWchar(cp), ImWchar(cp)});
  }
  cjk_ranges_.push_back(0);
  rebuild_fonts();
  return true;
}

void AppUI::set_cjk_font(std::vector<unsigned char> bytes, int font_no, const std::string& error) {
  if (!error.empty() || bytes.empty()) {
    cjk_state_ = CjkState::Failed;
    cjk_error_ = error.empty() ? "the font file is empty" : error;
    session_.notices.push_back(
        {Notice::Warning, "Chinese, Japanese and Korean text is shown as boxes: " + cjk_error_ +
                              ". Your data is unaffected."});
    return;
  }
  cjk_bytes_ = std::move(bytes);
  cjk_font_no_ = font_no;
  cjk_state_ = CjkState::Ready;
  cjk_needed_seen_ = 0;  // compare again on the next frame
}

const char* AppUI::cjk_font_status() const {
  switch (cjk_state_) {
    case CjkState::Idle:
      return "none";
    case CjkState::Loading:
      return "loading";
    case CjkState::Ready:
      return "ready";
    case CjkState::Failed:
      return "failed";
  }
  return "none";
}

std::vector<char32_t> AppUI::missing_glyphs(std::string_view utf8) const {
  std::vector<char32_t> out;
  CodePointSet s;
  s.add_text(utf8, 0x80);
  ImFont* font = fonts_.body;
  for (char32_t cp : s.list())
    if (!font || cp > 0xFFFF || !font->FindGlyphNoFallback(ImWchar(cp))) out.push_back(cp);
  return out;
}

void AppUI::set_theme(Theme t) {
  theme_ = t;
  apply_theme(theme_, scale_);
}

// -----------------------------------------------------------------------------------
// 1. Frame
// -----------------------------------------------------------------------------------
void AppUI::present(bool on, int step) {
  if (on) {
    if (!presenter_.active()) theme_before_presenting_ = theme_;
    set_theme(Theme::Contrast);
    presenter_.enter(state_, map_, timeline_, step);
  } else if (presenter_.active()) {
    presenter_.leave(state_);
    set_theme(theme_before_presenting_);
  }
  platform::set_fullscreen(on);
}

bool AppUI::frame(const PlatformInfo& platform) {
  animating_ = false;
  // Characters typed or pasted this frame into any field: glyphs for the next one.
  for (ImWchar c : ImGui::GetIO().InputQueueCharacters)
    if (is_cjk(c)) cjk_needed_.add(c);
  if (presenter_.active()) {
    animating_ = presenter_.draw(state_, map_, timeline_, fonts_, theme_);
    if (std::exchange(presenter_.png_requested, false)) png_requested_ = true;
    if (presenter_.leave_requested) present(false);
    // The desktop's save dialog for a PNG exported while presenting.
    if (file_dialog_.is_open()) dialogs(platform);
    return animating_;
  }
  if (ImGui::IsKeyPressed(ImGuiKey_F5, false)) present(true);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 6));
  ImGui::Begin("Coalition Atlas", nullptr, kHostFlags);
  ImGui::PopStyleVar();
  menu_bar(platform);
  shortcuts(platform);
  notices_bar();

  const float status_h = ImGui::GetFrameHeight() + 4;
  const float split = 6.0f;
  ImVec2 avail = ImGui::GetContentRegionAvail();
  // Between stacked items ImGui adds ItemSpacing.y: twice per column (pane, splitter).
  avail.y -= status_h + 2 * ImGui::GetStyle().ItemSpacing.y;
  float left_w = std::max(1.0f, (avail.x - split) * left_fraction_);
  float right_w = std::max(1.0f, avail.x - split - left_w);

  // Left column: Map over Timeline.
  ImGui::BeginGroup();
  float map_h = std::max(1.0f, (avail.y - split) * map_fraction_);
  float timeline_h = std::max(1.0f, avail.y - split - map_h);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1, 1));
  bool map_open =
      ImGui::BeginChild("Map", ImVec2(left_w, map_h), true,
                        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
  if (map_open) {
    record_pane(kMapPane);
    map_pane();
  }
  ImGui::EndChild();
  splitter("##split-map", false, &map_fraction_, avail.y - split, 120, 100);
  if (ImGui::BeginChild("Timeline", ImVec2(left_w, timeline_h), true)) {
    record_pane(kTimelinePane);
    timeline_pane();
  }
  ImGui::EndChild();
  ImGui::EndGroup();

  ImGui::SameLine(0, 0);
  splitter("##split-columns", true, &left_fraction_, avail.x - split, 260, 300);
  ImGui::SameLine(0, 0);

  // Right column: List over Inspector.
  ImGui::BeginGroup();
  float list_h = std::max(1.0f, (avail.y - split) * list_fraction_);
  float insp_h = std::max(1.0f, avail.y - split - list_h);
  if (ImGui::BeginChild("List", ImVec2(right_w, list_h), true)) {
    record_pane(kListPane);
    list_pane();
  }
  ImGui::EndChild();
  splitter("##split-list", false, &list_fraction_, avail.y - split, 120, 100);
  if (ImGui::BeginChild("Inspector", ImVec2(right_w, insp_h), true)) {
    record_pane(kInspectorPane);
    inspector();
  }
  ImGui::EndChild();
  ImGui::EndGroup();

  status_bar(status_h);
  about_popup(platform);
  dialogs(platform);
  editor_.dialogs(state_);
  editor_.quality_panel(state_, &show_quality_);
  presenter_.story_editor(state_, map_, timeline_, &show_story_);
  ImGui::End();
  draw_composition();
  return animating_;
}

void AppUI::set_composition(std::string text) {
  composition_ = std::move(text);
  cjk_needed_.add_text(composition_, kCjkFirst, kCjkLast);
}

void AppUI::draw_composition() {
  // What an input method is composing (desktop: SDL's text editing events), drawn at the
  // field's caret, underlined, on top of everything, until it is committed or cancelled.
  if (composition_.empty() || !ImGui::GetIO().WantTextInput) return;
  const ImGuiPlatformImeData& ime = ImGui::GetCurrentContext()->PlatformImeData;
  if (!ime.WantVisible) return;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const ImVec2 size = ImGui::CalcTextSize(composition_.c_str());
  const ImVec2 a(ime.InputPos.x, ime.InputPos.y);
  const ImVec2 b(a.x + size.x + 8, a.y + ime.InputLineHeight + 2);
  dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_PopupBg), 3.0f);
  dl->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_NavHighlight), 3.0f);
  dl->AddText(ImVec2(a.x + 4, a.y + 1), ImGui::GetColorU32(ImGuiCol_Text), composition_.c_str());
  dl->AddLine(ImVec2(a.x + 4, b.y - 3), ImVec2(b.x - 4, b.y - 3), ImGui::GetColorU32(ImGuiCol_Text),
              1.0f);
}

// -----------------------------------------------------------------------------------
// 2. Splitters
// -----------------------------------------------------------------------------------
// A thin bar between two panes; dragging it moves `fraction` of `total` (the space
// both panes share), keeping each pane at least its minimum.
void AppUI::splitter(const char* id, bool vertical, float* fraction, float total, float min_a,
                     float min_b) {
  const float thickness = 6.0f;
  ImVec2 size = vertical ? ImVec2(thickness, ImGui::GetContentRegionAvail().y)
                         : ImVec2(ImGui::GetContentRegionAvail().x, thickness);
  if (!vertical) size.x = ImGui::GetItemRectSize().x;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, size);
  bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
  if (hovered || active)
    ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
  if (active && total > 0) {
    float delta = vertical ? ImGui::GetIO().MouseDelta.x : ImGui::GetIO().MouseDelta.y;
    float a = std::clamp(*fraction * total + delta, std::min(min_a, total * 0.5f),
                         std::max(total - min_b, total * 0.5f));
    *fraction = a / total;
  }
  if (hovered || active) {
    ImU32 col = ImGui::GetColorU32(active ? ImGuiCol_SeparatorActive : ImGuiCol_SeparatorHovered);
    ImVec2 a = vertical ? ImVec2(pos.x + thickness * 0.5f - 1, pos.y)
                        : ImVec2(pos.x, pos.y + thickness * 0.5f - 1);
    ImVec2 b = vertical ? ImVec2(a.x + 2, pos.y + size.y) : ImVec2(pos.x + size.x, a.y + 2);
    ImGui::GetWindowDrawList()->AddRectFilled(a, b, col);
  }
}

// -----------------------------------------------------------------------------------
// 3. Map and Timeline panes
// -----------------------------------------------------------------------------------
void AppUI::pane_title(const char* title, const char* subtitle) {
  ImGui::PushFont(fonts_.heading);
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  if (subtitle && *subtitle) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", subtitle);
  }
  ImGui::Separator();
}

void AppUI::map_pane() {
  auto t0 = std::chrono::steady_clock::now();
  animating_ |= map_.draw(state_, theme_, fonts_.small);
  map_ms_ =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void AppUI::timeline_pane() {
  auto t0 = std::chrono::steady_clock::now();
  animating_ |= timeline_.draw(state_, theme_, fonts_.small);
  timeline_ms_ =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// -----------------------------------------------------------------------------------
// 4. List pane
// -----------------------------------------------------------------------------------
std::string AppUI::place_label(const std::string& place_id) const {
  if (place_id.empty()) return "";
  const Place* p = state_.place(place_id);
  if (!p) return place_id;
  std::string country = country_name(p->country);
  return p->name == country ? p->name : p->name + ", " + country;
}

void AppUI::list_pane() {
  editor_.add_buttons(state_);
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 190);
  if (ImGui::InputTextWithHint("##search", "Search titles, places, organisations…", &search_))
    order_version_ = ~uint64_t(0);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  std::string shown = list_country_.empty() ? "All countries" : country_name(list_country_);
  if (ImGui::BeginCombo("##country", shown.c_str(), ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable("All countries", list_country_.empty())) {
      list_country_.clear();
      order_version_ = ~uint64_t(0);
    }
    for (const auto& [code, n] : state_.summary.events_by_country) {
      std::string item = country_name(code) + " (" + std::to_string(n) + ")";
      if (ImGui::Selectable(item.c_str(), code == list_country_)) {
        list_country_ = code;
        order_version_ = ~uint64_t(0);
      }
    }
    ImGui::EndCombo();
  }
  if (ImGui::BeginTabBar("list-tabs")) {
    char label[64];
    if (order_.size() == state_.dataset.events.size() || order_version_ != state_.data_version)
      std::snprintf(label, sizeof label, "Events (%zu)###events", state_.dataset.events.size());
    else
      std::snprintf(label, sizeof label, "Events (%zu of %zu)###events", order_.size(),
                    state_.dataset.events.size());
    if (ImGui::BeginTabItem(label)) {
      events_table();
      ImGui::EndTabItem();
    }
    std::snprintf(label, sizeof label, "Working groups (%zu)###groups",
                  state_.dataset.working_groups.size());
    if (ImGui::BeginTabItem(label)) {
      working_groups_table();
      ImGui::EndTabItem();
    }
    std::snprintf(label, sizeof label, "Organisations (%zu)###orgs",
                  state_.dataset.organisations.size());
    if (ImGui::BeginTabItem(label)) {
      organisations_table();
      ImGui::EndTabItem();
    }
    std::snprintf(label, sizeof label, "Places (%zu)###places", state_.dataset.places.size());
    if (ImGui::BeginTabItem(label)) {
      places_table();
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
}

namespace {
// Case-insensitive substring test for ASCII letters (the search box).
bool contains_folded(const std::string& hay, const std::string& needle) {
  if (needle.empty()) return true;
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
  return it != hay.end();
}
}  // namespace

bool AppUI::matches_search(const Event& e) const {
  if (!list_country_.empty()) {
    const Place* p = state_.place(e.place);
    if (!p || p->country != list_country_) return false;
  }
  if (search_.empty()) return true;
  if (contains_folded(e.title, search_)) return true;
  if (const Place* p = state_.place(e.place); p && contains_folded(p->name, search_)) return true;
  for (const auto& part : e.organisations)
    if (const Organisation* o = state_.organisation(part.organisation);
        o && contains_folded(o->name, search_))
      return true;
  return false;
}

void AppUI::organisations_table() {
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_BordersInnerV |
                                    ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("orgs", 2, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Name", 0, 2.0f);
  ImGui::TableSetupColumn("Sector", 0, 1.2f);
  ImGui::TableHeadersRow();
  int i = 0;
  for (const auto& o : state_.dataset.organisations) {
    if (!contains_folded(o.name, search_)) continue;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(i++);
    if (ImGui::Selectable(o.name.c_str(), o.id == state_.selection,
                          ImGuiSelectableFlags_SpanAllColumns))
      state_.select(o.id);
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(label(o.sector));
  }
  ImGui::EndTable();
}

void AppUI::places_table() {
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_BordersInnerV |
                                    ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("places", 3, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Name", 0, 2.0f);
  ImGui::TableSetupColumn("Country", 0, 1.4f);
  ImGui::TableSetupColumn("Coordinates", 0, 1.4f);
  ImGui::TableHeadersRow();
  int i = 0;
  for (const auto& p : state_.dataset.places) {
    if (!contains_folded(p.name, search_)) continue;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(i++);
    if (ImGui::Selectable(p.name.c_str(), p.id == state_.selection,
                          ImGuiSelectableFlags_SpanAllColumns))
      state_.select(p.id);
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(country_name(p.country).c_str());
    ImGui::TableNextColumn();
    if (p.lat)
      ImGui::Text("%.2f, %.2f", *p.lat, *p.lon);
    else
      ImGui::TextDisabled("none");
  }
  ImGui::EndTable();
}

// Every event the search matches, in the table's sort order (the filters come after).
void AppUI::sort_events(const std::vector<Event>& events) {
  sorted_.clear();
  for (size_t i = 0; i < events.size(); ++i)
    if (matches_search(events[i])) sorted_.push_back(int(i));
  auto key_less = [&](int a, int b) {
    const Event &x = events[size_t(a)], &y = events[size_t(b)];
    int c = 0;
    switch (sort_column_) {
      case 0:
        if (x.date && y.date)
          c = edtf::compare(*x.date, *y.date);
        else
          c = int(bool(y.date)) - int(bool(x.date));  // undated last
        break;
      case 1:
        c = std::string(label(x.kind)).compare(label(y.kind));
        break;
      case 2:
        c = x.title.compare(y.title);
        break;
      default:
        c = place_label(x.place).compare(place_label(y.place));
    }
    if (c == 0) return a < b;  // stable: the dataset's own order breaks ties
    return sort_ascending_ ? c < 0 : c > 0;
  };
  std::sort(sorted_.begin(), sorted_.end(), key_less);
}

void AppUI::events_table() {
  const auto& events = state_.dataset.events;
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable |
                                    ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_BordersInnerV |
                                    ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Hideable;
  if (!ImGui::BeginTable("events", 4, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_DefaultSort, 2.6f);
  ImGui::TableSetupColumn("Kind", 0, 1.2f);
  ImGui::TableSetupColumn("Title", 0, 2.8f);
  ImGui::TableSetupColumn("Place", 0, 1.7f);
  ImGui::TableHeadersRow();

  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
    if (specs->SpecsDirty && specs->SpecsCount > 0) {
      sort_column_ = specs->Specs[0].ColumnIndex;
      sort_ascending_ = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
      order_version_ = ~uint64_t(0);
      specs->SpecsDirty = false;
    }
  }
  const bool order_new_data = order_version_ != state_.data_version;
  const double order_start = steady_seconds();
  if ((order_new_data || order_filters_ != state_.filter_version) &&
      !list_pacer_.may_rebuild(order_start, order_new_data)) {
    animating_ = true;  // playback at a large scale: the list catches up in a moment
  } else if (order_new_data || order_filters_ != state_.filter_version) {
    // Sorted once per data, sort order or search; then, for each change of the shared
    // filters (kinds, the timeline's range, the playhead: every frame while playing),
    // only filtered, which is a pass and not a sort.
    if (order_new_data) sort_events(events);
    order_.clear();
    for (int i : sorted_)
      if (state_.event_visible(events[size_t(i)])) order_.push_back(i);
    order_version_ = state_.data_version;
    order_filters_ = state_.filter_version;
    // Paced by what a filter change costs (the sort happens only with new data).
    if (!order_new_data) list_pacer_.rebuilt(order_start, steady_seconds());
  }

  // Up and down move the selection through the list (when no text field has the keys).
  bool up = ImGui::IsKeyPressed(ImGuiKey_UpArrow), down = ImGui::IsKeyPressed(ImGuiKey_DownArrow);
  if ((up || down) && !order_.empty() && !ImGui::GetIO().WantTextInput &&
      ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows)) {
    int at = -1;
    for (size_t r = 0; r < order_.size(); ++r)
      if (order_[r] == state_.selected_event()) at = int(r);
    int to = down ? std::min(int(order_.size()) - 1, at + 1) : std::max(0, at - 1);
    if (to != at && to >= 0) {
      state_.select(events[size_t(order_[size_t(to)])].id);
      scroll_to_selection_ = true;
    }
  }
  ImGuiListClipper clipper;
  clipper.Begin(int(order_.size()));
  if (scroll_to_selection_) {
    for (size_t r = 0; r < order_.size(); ++r)
      if (events[size_t(order_[r])].id == state_.selection) clipper.IncludeItemByIndex(int(r));
  }
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const Event& e = events[size_t(order_[size_t(r)])];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      bool selected = e.id == state_.selection;
      ImGui::PushID(order_[size_t(r)]);
      std::string words = date_words(e.date);
      if (ImGui::Selectable(
              words.c_str(), selected,
              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap))
        state_.select(e.id);
      if (selected && scroll_to_selection_) {
        ImGui::SetScrollHereY(0.5f);
        scroll_to_selection_ = false;
      }
      if (e.date && ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
        ImGui::SetTooltip("%s\n%s\nEDTF: %s", e.title.c_str(), words.c_str(),
                          edtf::format(*e.date).c_str());
      ImGui::PopID();
      ImGui::TableNextColumn();
      kind_swatch(kind_color(e.kind, theme_));
      ImGui::TextUnformatted(label(e.kind));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(e.title.c_str());
      ImGui::TableNextColumn();
      std::string place = place_label(e.place);
      if (place.empty())
        ImGui::TextDisabled("—");
      else
        ImGui::TextUnformatted(place.c_str());
    }
  }
  ImGui::EndTable();
}

void AppUI::working_groups_table() {
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Resizable | ImGuiTableFlags_RowBg |
                                    ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                    ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("groups", 3, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Name", 0, 2.0f);
  ImGui::TableSetupColumn("Country", 0, 1.2f);
  ImGui::TableSetupColumn("Active", 0, 2.4f);
  ImGui::TableHeadersRow();
  int i = 0;
  for (const auto& w : state_.dataset.working_groups) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(i++);
    if (ImGui::Selectable(w.name.c_str(), w.id == state_.selection,
                          ImGuiSelectableFlags_SpanAllColumns))
      state_.select(w.id);
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(country_name(w.country).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(date_words(w.active).c_str());
  }
  ImGui::EndTable();
}

// -----------------------------------------------------------------------------------
// 5. Inspector
// -----------------------------------------------------------------------------------
void AppUI::inspector() { editor_.inspector(state_, fonts_, theme_); }

// -----------------------------------------------------------------------------------
// 6. Menu bar, status bar, About
// -----------------------------------------------------------------------------------
void AppUI::menu_bar(const PlatformInfo& platform) {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("New dataset…")) confirm_ = Confirm::New;
    if (ImGui::MenuItem("Open…", "Ctrl+O")) open_file(platform);
    if (ImGui::MenuItem("Export JSON…", "Ctrl+S")) export_json(platform);
    if (ImGui::MenuItem("Export view as PNG (2×)…")) png_requested_ = true;
    if (auto corrupt = session_.corrupt_copy()) {
      if (ImGui::MenuItem("Export unreadable copy…")) {
        export_text_ = *corrupt;
        if (!platform::offer_download("unreadable-copy.json", export_text_))
          file_dialog_.open(FileDialog::Mode::Save, "unreadable-copy.json");
      }
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Reset to sample…")) confirm_ = Confirm::Reset;
    if (platform.can_quit) {
      ImGui::Separator();
      if (ImGui::MenuItem("Quit", "Ctrl+Q")) quit_ = true;
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    if (ImGui::MenuItem(state_.history.undo_label().c_str(), "Ctrl+Z", false,
                        state_.history.can_undo()))
      state_.undo();
    if (ImGui::MenuItem(state_.history.redo_label().c_str(), "Ctrl+Shift+Z", false,
                        state_.history.can_redo()))
      state_.redo();
    ImGui::Separator();
    ImGui::MenuItem("Data quality…", nullptr, &show_quality_);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Light theme", nullptr, theme_ == Theme::Light)) set_theme(Theme::Light);
    if (ImGui::MenuItem("Dark theme", nullptr, theme_ == Theme::Dark)) set_theme(Theme::Dark);
    ImGui::Separator();
    if (ImGui::MenuItem("Reset pane sizes")) {
      left_fraction_ = 0.46f;
      map_fraction_ = 0.58f;
      list_fraction_ = 0.56f;
    }
    if (ImGui::MenuItem("Clear selection", "Esc", false, !state_.selection.empty()))
      state_.select("");
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Present")) {
    if (ImGui::MenuItem("Start presenting", "F5")) present(true);
    ImGui::MenuItem("Edit the story…", nullptr, &show_story_);
    if (ImGui::MenuItem("Autoplay (booth or kiosk)")) {
      present(true);
      presenter_.autoplay = true;
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("About Coalition Atlas")) open_about_ = true;
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
  if (ImGui::IsKeyPressed(ImGuiKey_Escape) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup))
    state_.select("");
  if (platform.can_quit && ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Q)) quit_ = true;
}

void AppUI::status_bar(float height) {
  const Summary& s = state_.summary;
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - height);
  ImGui::Separator();
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%zu events · %zu working groups · %zu places · %zu organisations", s.events,
              s.working_groups, s.places, s.organisations);
  ImGui::SameLine();
  ImGui::TextDisabled("|");
  ImGui::SameLine();
  if (session_.conflict())
    ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1), "changed in another tab");
  else if (session_.quota_exceeded())
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "not saved: storage full");
  else if (session_.dirty())
    ImGui::TextDisabled("saving…");
  else
    ImGui::TextDisabled("saved");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Kept in %s", session_.storage_where().c_str());
  if (cjk_state_ == CjkState::Loading) {
    // CJK text shows as boxes for the moment it takes: say why.
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::TextDisabled("loading the font for Chinese, Japanese and Korean…");
  }
  if (!state_.selection.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    const Event* e = state_.event(state_.selection);
    const WorkingGroup* w = state_.working_group(state_.selection);
    ImGui::Text("Selected: %s", e   ? e->title.c_str()
                                : w ? w->name.c_str()
                                    : state_.selection.c_str());
  }
}

void AppUI::open_file(const PlatformInfo& platform) {
  if (!platform.browser_files || !platform::open_file_picker()) {
    file_dialog_.recent = session_.recent_files();
    file_dialog_.open(FileDialog::Mode::Open);
  }
}

void AppUI::offer_png(std::vector<uint8_t> png, const PlatformInfo& platform) {
  export_text_.assign(png.begin(), png.end());
  std::string name = session_.export_filename(std::time(nullptr));
  name = name.substr(0, name.size() - 5) + ".png";
  if (!platform.browser_files || !platform::offer_download(name, export_text_))
    file_dialog_.open(FileDialog::Mode::Save, name);
}

void AppUI::export_json(const PlatformInfo& platform) {
  export_text_ = state_.export_json();
  std::string name = session_.export_filename(std::time(nullptr));
  if (!platform.browser_files || !platform::offer_download(name, export_text_))
    file_dialog_.open(FileDialog::Mode::Save, name);
}

void AppUI::shortcuts(const PlatformInfo& platform) {
  ImGuiIO& io = ImGui::GetIO();
  if (!io.KeyCtrl) return;
  // Open and export work while typing too (a field has no use for them)...
  if (ImGui::IsKeyPressed(ImGuiKey_O, false)) open_file(platform);
  if (ImGui::IsKeyPressed(ImGuiKey_S, false)) export_json(platform);
  if (io.WantTextInput) return;  // ...but a text field has its own undo
  if (ImGui::IsKeyPressed(ImGuiKey_Z, false)) io.KeyShift ? state_.redo() : state_.undo();
  if (ImGui::IsKeyPressed(ImGuiKey_Y, false)) state_.redo();
}

// Messages the user must see (a failed save, a restored backup) stay at the top until
// dismissed; an error offers Export right there, so nothing has to be lost.
void AppUI::notices_bar() {
  for (size_t i = 0; i < session_.notices.size(); ++i) {
    const Notice& n = session_.notices[i];
    ImVec4 bg = n.kind == Notice::Error     ? ImVec4(0.86f, 0.15f, 0.15f, 0.16f)
                : n.kind == Notice::Warning ? ImVec4(0.95f, 0.6f, 0.1f, 0.18f)
                                            : ImVec4(0.2f, 0.45f, 0.85f, 0.14f);
    ImGui::PushID(int(i));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, bg);
    const ImGuiStyle& style = ImGui::GetStyle();
    float buttons = n.offer_export ? 180.0f : 90.0f;
    float wrap = ImGui::GetContentRegionAvail().x - buttons - style.WindowPadding.x * 2;
    float text_h = ImGui::CalcTextSize(n.text.c_str(), nullptr, false, wrap).y;
    float h = std::max(text_h, ImGui::GetFrameHeight()) + style.WindowPadding.y * 2 + 2;
    ImGui::BeginChild("notice", ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextUnformatted(n.text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - buttons + 8);
    bool dismiss = false;
    if (n.offer_export && ImGui::Button("Export…")) {
      if (n.export_corrupt) {
        export_text_ = session_.corrupt_copy().value_or("");
        if (!platform::offer_download("unreadable-copy.json", export_text_))
          file_dialog_.open(FileDialog::Mode::Save, "unreadable-copy.json");
      } else {
        export_json(platform::info());
      }
    }
    if (n.offer_export) ImGui::SameLine();
    if (ImGui::Button("Dismiss")) dismiss = true;
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopID();
    if (dismiss) {
      session_.dismiss_notice(i);
      break;
    }
  }
}

void AppUI::dialogs(const PlatformInfo& platform) {
  ImVec2 center = ImGui::GetMainViewport()->GetCenter();
  auto centered = [&](float width) {
    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Appearing);
  };
  constexpr ImGuiWindowFlags kModal =
      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;

  // Desktop file dialog: open reads and imports; save writes the export.
  if (file_dialog_.draw()) {
    const std::string& path = file_dialog_.path();
    if (file_dialog_.mode() == FileDialog::Mode::Save) {
      std::string error = platform::write_text_file(path, export_text_);
      export_text_.clear();
      if (error.empty() && path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0)
        session_.remember_file(path);
      session_.notices.push_back(error.empty()
                                     ? Notice{Notice::Info, "Exported to " + path + ".", false}
                                     : Notice{Notice::Error, "Export failed: " + error, false});
    } else {
      std::string text;
      if (platform::read_text_file(path, text)) {
        if (session_.import_text(text, path) != Session::ImportResult::Refused)
          session_.remember_file(path);
      } else
        session_.import_failed(path, "the file could not be read");
    }
  }

  // An import with errors: what and where, and the current data untouched.
  const auto& diags = session_.import_diagnostics();
  if (!diags.empty() && !session_.pending_import() && !ImGui::IsPopupOpen("Import problems"))
    ImGui::OpenPopup("Import problems");
  centered(640);
  if (ImGui::BeginPopupModal("Import problems", nullptr, kModal)) {
    ImGui::TextWrapped("%s could not be opened. Your current data is unchanged.",
                       session_.import_name().c_str());
    ImGui::Separator();
    ImGui::BeginChild("diags", ImVec2(0, 260), false);
    for (const auto& d : diags) {
      std::string where =
          d.line > 0 ? "line " + std::to_string(d.line) + ", column " + std::to_string(d.column)
                     : (d.pointer.empty() ? "the file" : d.pointer);
      ImGui::TextColored(d.severity == Severity::Error ? ImVec4(0.85f, 0.2f, 0.2f, 1)
                                                       : ImVec4(0.85f, 0.55f, 0.1f, 1),
                         "%s", d.severity == Severity::Error ? "Error" : "Warning");
      ImGui::SameLine();
      ImGui::TextDisabled("%s", where.c_str());
      ImGui::Indent();
      ImGui::TextWrapped("%s", d.message.c_str());
      ImGui::Unindent();
    }
    ImGui::EndChild();
    if (ImGui::Button("Close", ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
      session_.clear_import_diagnostics();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }

  // An import with warnings only: ask first.
  if (session_.pending_import() && !ImGui::IsPopupOpen("Import with warnings?"))
    ImGui::OpenPopup("Import with warnings?");
  centered(640);
  if (ImGui::BeginPopupModal("Import with warnings?", nullptr, kModal)) {
    if (const PendingImport* p = session_.pending_import()) {
      ImGui::TextWrapped(
          "%s can be opened, but it has %zu warning%s. Opening it replaces the "
          "current data.",
          p->name.c_str(), p->diagnostics.size(), p->diagnostics.size() == 1 ? "" : "s");
      ImGui::BeginChild("warnings", ImVec2(0, 200), true);
      for (const auto& d : p->diagnostics) ImGui::TextWrapped("%s", d.to_string().c_str());
      ImGui::EndChild();
    }
    if (ImGui::Button("Open it", ImVec2(120, 0))) {
      session_.confirm_import();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
      session_.cancel_import();
      session_.clear_import_diagnostics();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }

  // Another tab saved over our unsaved work: never decide for the user.
  if (session_.conflict() && !ImGui::IsPopupOpen("Changed in another tab"))
    ImGui::OpenPopup("Changed in another tab");
  centered(560);
  if (ImGui::BeginPopupModal("Changed in another tab", nullptr, kModal)) {
    ImGui::TextWrapped(
        "The data was changed and saved in another tab or window, and this one has changes "
        "that are not saved yet. Which should be kept?");
    if (ImGui::Button("Use the other tab's data")) {
      session_.take_theirs();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Keep this tab's data")) {
      session_.keep_mine();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Export this tab's data…")) export_json(platform);
    ImGui::EndPopup();
  }

  // New / Reset: they replace everything, so ask.
  if (confirm_ != Confirm::None && !ImGui::IsPopupOpen("Replace the data?"))
    ImGui::OpenPopup("Replace the data?");
  centered(480);
  if (ImGui::BeginPopupModal("Replace the data?", nullptr, kModal)) {
    ImGui::TextWrapped(confirm_ == Confirm::New
                           ? "Start a new, empty dataset? The current data will be replaced. "
                             "Export it first if you want to keep a copy."
                           : "Replace the current data with the sample dataset? Export it "
                             "first if you want to keep a copy.");
    if (ImGui::Button(confirm_ == Confirm::New ? "Start empty" : "Reset to sample",
                      ImVec2(150, 0))) {
      if (confirm_ == Confirm::New)
        session_.new_dataset();
      else
        session_.reset_to_sample();
      confirm_ = Confirm::None;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Export first…", ImVec2(130, 0))) export_json(platform);
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(100, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
      confirm_ = Confirm::None;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

void AppUI::about_popup(const PlatformInfo& platform) {
  if (open_about_) {
    ImGui::OpenPopup("About Coalition Atlas");
    open_about_ = false;
  }
  ImVec2 center = ImGui::GetMainViewport()->GetCenter();
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(460, 0));
  if (ImGui::BeginPopupModal(
          "About Coalition Atlas", nullptr,
          ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::PushFont(fonts_.heading);
    ImGui::Text("Coalition Atlas %s", ATLAS_VERSION);
    ImGui::PopFont();
    ImGui::TextWrapped(
        "The story of a regional coalition — its roundtables, working groups and forum "
        "appearances — on a map and a timeline. One C++ program for the web and the desktop.");
    ImGui::Spacing();
    ImGui::Text("Running on: %s", platform.name);
    ImGui::Text("Dataset format version: %d", kFormatVersion);
    ImGui::Text("Dear ImGui %s", IMGUI_VERSION);
    ImGui::Spacing();
    wrapped_dim(
        "Built with Dear ImGui (MIT), SDL2 (zlib), nlohmann/json (MIT). Fonts: Noto Sans and "
        "Noto Sans Thai (SIL Open Font License 1.1). Basemap: Natural Earth (public domain), via "
        "world-atlas. Place names and positions: GeoNames (geonames.org), CC BY 4.0 — "
        "https://creativecommons.org/licenses/by/4.0/");
    ImGui::Spacing();
    if (ImGui::Button("Close", ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape))
      ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

}  // namespace atlas::ui
