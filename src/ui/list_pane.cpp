// list_pane.cpp — see list_pane.hpp.
//
// Index
//   1. The pane: toolbar, search, country filter, tabs
//   2. Events: search, sort, filter (paced), arrow keys, the table; by touch, two lines a row
//   3. Working groups, organisations, places
#include "ui/list_pane.hpp"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/countries.hpp"
#include "core/i18n.hpp"

namespace atlas::ui {

namespace {

std::string country_name(const std::string& code) {
  const Country* c = find_country(code);
  return c ? c->name : code;
}

std::string date_words(const std::optional<edtf::Value>& v) {
  return v ? edtf::describe(*v) : tr("no date");
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

// Case-insensitive substring test for ASCII letters (the search box).
bool contains_folded(const std::string& hay, const std::string& needle) {
  if (needle.empty()) return true;
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
  return it != hay.end();
}

constexpr ImGuiTableFlags kListTable = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_BordersInnerV |
                                       ImGuiTableFlags_SizingStretchProp;

}  // namespace

// -----------------------------------------------------------------------------------
// 1. The pane
// -----------------------------------------------------------------------------------
bool ListPane::draw(AppState& state, Editor& editor, Theme theme) {
  waiting_ = false;
  if (!state.read_only) editor.add_buttons(state);  // not on a shared link (View mode)
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 190);
  if (ImGui::InputTextWithHint("##search", tr("Search titles, places, organisations…"), &search_))
    order_version_ = ~uint64_t(0);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  std::string shown = country_.empty() ? tr("All countries") : country_name(country_);
  if (ImGui::BeginCombo("##country", shown.c_str(), ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable(tr("All countries"), country_.empty())) {
      country_.clear();
      order_version_ = ~uint64_t(0);
    }
    for (const auto& [code, n] : state.summary.events_by_country) {
      std::string item = country_name(code) + " (" + std::to_string(n) + ")";
      if (ImGui::Selectable(item.c_str(), code == country_)) {
        country_ = code;
        order_version_ = ~uint64_t(0);
      }
    }
    ImGui::EndCombo();
  }
  if (!ImGui::BeginTabBar("list-tabs")) return waiting_;
  const Dataset& d = state.dataset;
  auto num = [](size_t n) { return i18n::format_number(static_cast<long long>(n)); };
  std::string label = order_.size() == d.events.size() || order_version_ != state.data_version
                          ? trf("Events ({count})###events", {{"count", num(d.events.size())}})
                          : trf("Events ({shown} of {count})###events",
                                {{"shown", num(order_.size())}, {"count", num(d.events.size())}});
  if (ImGui::BeginTabItem(label.c_str())) {
    events_table(state, theme);
    ImGui::EndTabItem();
  }
  label = trf("Working groups ({count})###groups", {{"count", num(d.working_groups.size())}});
  if (ImGui::BeginTabItem(label.c_str())) {
    working_groups_table(state);
    ImGui::EndTabItem();
  }
  label = trf("Organisations ({count})###orgs", {{"count", num(d.organisations.size())}});
  if (ImGui::BeginTabItem(label.c_str())) {
    organisations_table(state);
    ImGui::EndTabItem();
  }
  label = trf("Places ({count})###places", {{"count", num(d.places.size())}});
  if (ImGui::BeginTabItem(label.c_str())) {
    places_table(state);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
  return waiting_;
}

// -----------------------------------------------------------------------------------
// 2. Events
// -----------------------------------------------------------------------------------
std::string ListPane::place_label(const AppState& state, const std::string& place_id) const {
  if (place_id.empty()) return "";
  const Place* p = state.place(place_id);
  if (!p) return place_id;
  std::string country = country_name(p->country);
  return p->name == country ? p->name : p->name + ", " + country;
}

bool ListPane::matches_search(const AppState& state, const Event& e) const {
  if (!country_.empty()) {
    const Place* p = state.place(e.place);
    if (!p || p->country != country_) return false;
  }
  if (search_.empty()) return true;
  if (contains_folded(e.title, search_)) return true;
  if (const Place* p = state.place(e.place); p && contains_folded(p->name, search_)) return true;
  for (const auto& part : e.organisations)
    if (const Organisation* o = state.organisation(part.organisation);
        o && contains_folded(o->name, search_))
      return true;
  return false;
}

// Every event the search matches, in the table's sort order (the filters come after).
void ListPane::sort_events(const AppState& state) {
  const auto& events = state.dataset.events;
  sorted_.clear();
  for (size_t i = 0; i < events.size(); ++i)
    if (matches_search(state, events[i])) sorted_.push_back(int(i));
  // By date: each event's days worked out once, not in each of the comparisons.
  std::vector<std::pair<int64_t, int64_t>> days;
  if (sort_column_ == 0) {
    days.resize(events.size());
    for (int i : sorted_)
      if (const auto& d = events[size_t(i)].date) days[size_t(i)] = {d->earliest(), d->latest()};
  }
  auto key_less = [&](int a, int b) {
    const Event &x = events[size_t(a)], &y = events[size_t(b)];
    int c = 0;
    switch (sort_column_) {
      case 0:
        if (x.date && y.date)
          c = days[size_t(a)] != days[size_t(b)] ? (days[size_t(a)] < days[size_t(b)] ? -1 : 1)
                                                 : edtf::compare_text(*x.date, *y.date);
        else
          c = int(bool(y.date)) - int(bool(x.date));  // undated last
        break;
      case 1:
        c = std::string(tr(label(x.kind))).compare(tr(label(y.kind)));
        break;
      case 2:
        c = x.title.compare(y.title);
        break;
      case 3:
        c = place_label(state, x.place).compare(place_label(state, y.place));
        break;
      default:  // status: unknown first, then in the order plans move
        c = (x.status ? int(*x.status) + 1 : 0) - (y.status ? int(*y.status) + 1 : 0);
    }
    if (c == 0) return a < b;  // stable: the dataset's own order breaks ties
    return sort_ascending_ ? c < 0 : c > 0;
  };
  std::sort(sorted_.begin(), sorted_.end(), key_less);
}

// Sorted once per data, sort order or search; then, for each change of the shared
// filters (kinds, the timeline's range, the playhead: every frame while playing), only
// filtered, which is a pass and not a sort. False when the rebuild waits (paced).
bool ListPane::order_events(AppState& state) {
  const bool new_data = order_version_ != state.data_version;
  if (!new_data && order_filters_ == state.filter_version) return true;
  const double start = steady_seconds();
  if (!pacer_.may_rebuild(start, new_data)) return false;
  if (new_data) sort_events(state);
  order_.clear();
  for (int i : sorted_)
    if (state.event_visible(state.dataset.events[size_t(i)])) order_.push_back(i);
  order_version_ = state.data_version;
  order_filters_ = state.filter_version;
  // Paced by what a filter change costs (the sort happens only with new data).
  if (!new_data) pacer_.rebuilt(start, steady_seconds());
  return true;
}

// Up and down move the selection through the list (when no text field has the keys).
void ListPane::arrow_keys(AppState& state) {
  bool up = ImGui::IsKeyPressed(ImGuiKey_UpArrow), down = ImGui::IsKeyPressed(ImGuiKey_DownArrow);
  if (!(up || down) || order_.empty() || ImGui::GetIO().WantTextInput ||
      !ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows))
    return;
  int at = -1;
  for (size_t r = 0; r < order_.size(); ++r)
    if (order_[r] == state.selected_event()) at = int(r);
  int to = down ? std::min(int(order_.size()) - 1, at + 1) : std::max(0, at - 1);
  if (to != at && to >= 0) {
    state.select(state.dataset.events[size_t(order_[size_t(to)])].id);
    scroll_to_selection_ = true;
  }
}

void ListPane::events_table(AppState& state, Theme theme) {
  if (touch_row_ > 0) {
    events_rows(state, theme);
    return;
  }
  const auto& events = state.dataset.events;
  constexpr ImGuiTableFlags flags =
      kListTable | ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable;
  if (!ImGui::BeginTable("events", 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("Date"), ImGuiTableColumnFlags_DefaultSort, 2.6f);
  ImGui::TableSetupColumn(tr("Kind"), 0, 1.2f);
  ImGui::TableSetupColumn(tr("Title"), 0, 2.8f);
  ImGui::TableSetupColumn(tr("Place"), 0, 1.7f);
  ImGui::TableSetupColumn(tr("Status"), 0, 1.1f);
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
    if (specs->SpecsDirty && specs->SpecsCount > 0) {
      sort_column_ = specs->Specs[0].ColumnIndex;
      sort_ascending_ = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
      order_version_ = ~uint64_t(0);
      specs->SpecsDirty = false;
    }
  }
  if (!order_events(state)) waiting_ = true;
  arrow_keys(state);
  ImGuiListClipper clipper;
  clipper.Begin(int(order_.size()));
  if (scroll_to_selection_) {
    for (size_t r = 0; r < order_.size(); ++r)
      if (events[size_t(order_[r])].id == state.selection()) clipper.IncludeItemByIndex(int(r));
  }
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const Event& e = events[size_t(order_[size_t(r)])];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      bool selected = e.id == state.selection();
      ImGui::PushID(order_[size_t(r)]);
      std::string words = date_words(e.date);
      if (ImGui::Selectable(
              words.c_str(), selected,
              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap))
        state.select(e.id);
      if (selected && scroll_to_selection_) {
        ImGui::SetScrollHereY(0.5f);
        scroll_to_selection_ = false;
      }
      if (e.date && ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
        ImGui::SetTooltip(
            "%s", trf("{title}\n{date}\nEDTF: {edtf}",
                      {{"title", e.title}, {"date", words}, {"edtf", edtf::format(*e.date)}})
                      .c_str());
      ImGui::PopID();
      ImGui::TableNextColumn();
      kind_swatch(kind_color(e.kind, theme));
      ImGui::TextUnformatted(tr(label(e.kind)));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(e.title.c_str());
      ImGui::TableNextColumn();
      std::string place = place_label(state, e.place);
      if (place.empty())
        ImGui::TextDisabled("—");
      else
        ImGui::TextUnformatted(place.c_str());
      ImGui::TableNextColumn();
      if (e.status)
        ImGui::TextUnformatted(tr(label(*e.status)));
      else
        ImGui::TextDisabled("—");
    }
  }
  ImGui::EndTable();
}

// By touch: one row per event, the whole width, at least a finger tall: the title on the
// first line, its date in words, kind and place on the second (on a phone five columns
// leave "sometim…" and "Visa Secu…"). Sorted as the table was, by date at first.
void ListPane::events_rows(AppState& state, Theme theme) {
  const auto& events = state.dataset.events;
  if (!order_events(state)) waiting_ = true;
  arrow_keys(state);
  if (!ImGui::BeginChild("events-rows")) {
    ImGui::EndChild();
    return;
  }
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line = ImGui::GetTextLineHeight();
  const float row_h = std::max(touch_row_, line * 2 + 8);  // (a phone's frame padding is tall)
  ImGuiListClipper clipper;
  clipper.Begin(int(order_.size()), row_h + style.ItemSpacing.y);
  if (scroll_to_selection_) {
    for (size_t r = 0; r < order_.size(); ++r)
      if (events[size_t(order_[r])].id == state.selection()) clipper.IncludeItemByIndex(int(r));
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const Event& e = events[size_t(order_[size_t(r)])];
      ImGui::PushID(order_[size_t(r)]);
      const bool selected = e.id == state.selection();
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const float width = ImGui::GetContentRegionAvail().x;
      // The title is the row's label (what a test or a screen reader finds it by), placed
      // so the two lines sit in the middle of the row.
      const float top = (row_h - line * 2) * 0.5f;
      const float x = at.x;  // under the title, which the Selectable draws from its left
      const std::string title = (e.title.empty() ? std::string("(untitled)") : e.title) + "##row";
      ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, top / (row_h - line)));
      if (ImGui::Selectable(title.c_str(), selected, 0, ImVec2(width, row_h))) state.select(e.id);
      ImGui::PopStyleVar();
      if (selected && scroll_to_selection_) {
        ImGui::SetScrollHereY(0.5f);
        scroll_to_selection_ = false;
      }
      const ImVec4 clip(at.x, at.y, at.x + width - style.FramePadding.x, at.y + row_h);
      const float s = line * 0.55f;
      const float y2 = at.y + top + line;
      draw->AddRectFilled(ImVec2(x, y2 + (line - s) * 0.5f), ImVec2(x + s, y2 + (line + s) * 0.5f),
                          kind_color(e.kind, theme), s * 0.25f);
      std::string meta = date_words(e.date) + " · " + tr(label(e.kind));
      if (std::string place = place_label(state, e.place); !place.empty()) meta += " · " + place;
      if (e.status) meta += " · " + std::string(tr(label(*e.status)));
      draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x + s + 6, y2), dim,
                    meta.c_str(), nullptr, 0, &clip);
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

// -----------------------------------------------------------------------------------
// 3. Working groups, organisations, places
// -----------------------------------------------------------------------------------
// A row's selectable by touch: the row's height less the cell's padding (0: one line).
ImVec2 ListPane::touch_size() const {
  return ImVec2(0, touch_row_ > 0 ? touch_row_ - 2 * ImGui::GetStyle().CellPadding.y : 0);
}

void ListPane::working_groups_table(AppState& state) {
  if (!ImGui::BeginTable("groups", 3, kListTable | ImGuiTableFlags_Resizable)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("Name"), 0, 2.0f);
  ImGui::TableSetupColumn(tr("Country"), 0, 1.2f);
  ImGui::TableSetupColumn(tr("Active"), 0, 2.4f);
  ImGui::TableHeadersRow();
  int i = 0;
  for (const auto& w : state.dataset.working_groups) {
    ImGui::TableNextRow(ImGuiTableRowFlags_None, touch_row_);
    ImGui::TableNextColumn();
    ImGui::PushID(i++);
    if (ImGui::Selectable(w.name.c_str(), w.id == state.selection(),
                          ImGuiSelectableFlags_SpanAllColumns, touch_size()))
      state.select(w.id);
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(country_name(w.country).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(date_words(w.active).c_str());
  }
  ImGui::EndTable();
}

void ListPane::organisations_table(AppState& state) {
  if (!ImGui::BeginTable("orgs", 2, kListTable)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("Name"), 0, 2.0f);
  ImGui::TableSetupColumn(tr("Sector"), 0, 1.2f);
  ImGui::TableHeadersRow();
  int i = 0;
  for (const auto& o : state.dataset.organisations) {
    if (!contains_folded(o.name, search_)) continue;
    ImGui::TableNextRow(ImGuiTableRowFlags_None, touch_row_);
    ImGui::TableNextColumn();
    ImGui::PushID(i++);
    if (ImGui::Selectable(o.name.c_str(), o.id == state.selection(),
                          ImGuiSelectableFlags_SpanAllColumns, touch_size()))
      state.select(o.id);
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(label(o.sector)));
  }
  ImGui::EndTable();
}

void ListPane::places_table(AppState& state) {
  if (!ImGui::BeginTable("places", 3, kListTable)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("Name"), 0, 2.0f);
  ImGui::TableSetupColumn(tr("Country"), 0, 1.4f);
  ImGui::TableSetupColumn(tr("Coordinates"), 0, 1.4f);
  ImGui::TableHeadersRow();
  int i = 0;
  for (const auto& p : state.dataset.places) {
    if (!contains_folded(p.name, search_)) continue;
    ImGui::TableNextRow(ImGuiTableRowFlags_None, touch_row_);
    ImGui::TableNextColumn();
    ImGui::PushID(i++);
    if (ImGui::Selectable(p.name.c_str(), p.id == state.selection(),
                          ImGuiSelectableFlags_SpanAllColumns, touch_size()))
      state.select(p.id);
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(country_name(p.country).c_str());
    ImGui::TableNextColumn();
    if (p.lat)
      ImGui::Text("%.2f, %.2f", *p.lat, *p.lon);
    else
      ImGui::TextDisabled("%s", tr("none"));
  }
  ImGui::EndTable();
}

}  // namespace atlas::ui
