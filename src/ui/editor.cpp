// editor.cpp — see editor.hpp.
//
// Index
//   1. Fields: text, EDTF date, country, coordinates (edits go through the history)
//   2. Pickers: places (with the gazetteer), organisations with roles, links
//   3. The Inspector's forms, one per kind of item
//   4. Add, duplicate, delete, merge
//   5. Data quality
#include "ui/editor.hpp"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "app/coordinates.hpp"
#include "core/countries.hpp"
#include "core/i18n.hpp"
#include "core/plan_fields.hpp"
#include "ui/widget_probe.hpp"

namespace atlas::ui {

namespace {

const ImVec4 kErrorColor(0.86f, 0.2f, 0.2f, 1.0f);

std::string fold(const std::string& s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void label_row(const char* label) { ImGui::TextDisabled("%s", label); }

// A small button beside the last item when it fits in the row, else on the next line (a
// phone's narrow pane cut "Pick on map" off at the right).
bool small_button_after(const char* label) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::CalcTextSize(label, nullptr, true).x + style.FramePadding.x * 2;
  const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right_edge) ImGui::SameLine();
  return ImGui::SmallButton(label);
}

// BeginCombo, with the closed box named for ui/widget_probe (Dear ImGui names no combo),
// so automation finds it by its label as it finds buttons.
bool combo(const std::string& label, const char* preview, ImGuiComboFlags flags = 0) {
  if (ImGui::BeginCombo(label.c_str(), preview, flags)) return true;
  probe::name_last_item(label.c_str());
  return false;
}

}  // namespace

// -----------------------------------------------------------------------------------
// 1. Fields
// -----------------------------------------------------------------------------------
bool Editor::apply(AppState& state, Command cmd, const std::string& key) {
  std::string error;
  if (state.edit(std::move(cmd), &error, key)) {
    if (!key.empty()) errors_.erase(key);
    last_error_.clear();
    return true;
  }
  if (!key.empty())
    errors_[key] = error;
  else
    last_error_ = error;
  return false;
}

std::string& Editor::buffer(const std::string& key, const std::string& value) {
  // While a field is being typed in, its buffer keeps what the user typed (even when
  // it is not valid yet); otherwise it follows the data (undo, another view's edit).
  auto [it, fresh] = buffers_.emplace(key, value);
  if (!fresh && !active_before_.count(key)) it->second = value;
  return it->second;
}

void Editor::track(const std::string& key) {
  if (ImGui::IsItemActive()) active_now_.insert(key);
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  rects_[key] = {a.x, a.y, b.x - a.x, b.y - a.y};
}

bool Editor::field_rect(const std::string& key, float r[4]) const {
  auto it = rects_.find(key);
  if (it == rects_.end()) return false;
  std::copy(it->second.begin(), it->second.end(), r);
  return true;
}

void Editor::show_error(const std::string& key) {
  auto it = errors_.find(key);
  if (it == errors_.end()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
  ImGui::TextWrapped("%s", it->second.c_str());
  ImGui::PopStyleColor();
}

bool Editor::text(AppState& state, const char* label, const std::string& id, const char* field,
                  const std::string& value, bool multiline, bool required) {
  std::string key = id + "/" + field;
  label_row(label);
  std::string& buf = buffer(key, value);
  ImGui::PushID(key.c_str());
  ImGui::SetNextItemWidth(-1);
  // F2 (AppUI's keys): the selection's title takes the keyboard, as a rename does.
  if (focus_title_ && std::string_view(field) == "title" && !id.empty()) {
    ImGui::SetKeyboardFocusHere();
    focus_title_ = false;
  }
  bool changed = multiline ? ImGui::InputTextMultiline("##text", &buf, ImVec2(-1, 90))
                           : ImGui::InputText("##text", &buf);
  track(key);
  ImGui::PopID();
  if (changed) {
    nlohmann::json v = buf.empty() && !required ? nlohmann::json(nullptr) : nlohmann::json(buf);
    apply(state, Command::set_field(id, field, v), key);
  }
  show_error(key);
  return changed;
}

void Editor::date(AppState& state, const char* label, const std::string& id, const char* field,
                  const std::optional<edtf::Value>& value) {
  std::string key = id + "/" + field;
  label_row(label);
  std::string& buf = buffer(key, value ? edtf::format(*value) : "");
  ImGui::PushID(key.c_str());
  ImGui::SetNextItemWidth(220);
  bool changed = ImGui::InputTextWithHint("##date", "e.g. 2015-07, 2016?, 2013/2015-07", &buf);
  track(key);
  ImGui::PopID();
  // Explain the value as it is typed: "sometime in 2014 or 2015 — uncertain".
  ImGui::SameLine();
  auto parsed = edtf::parse(buf);
  if (buf.empty())
    ImGui::TextDisabled("%s", tr("no date"));
  else if (parsed.value)
    ImGui::TextWrapped("%s", edtf::describe(*parsed.value).c_str());
  else {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
    ImGui::TextWrapped("%s", trf("not a date yet: {reason}", {{"reason", parsed.error}}).c_str());
    ImGui::PopStyleColor();
  }
  const Event* e = std::string_view(field) == "date" ? state.event(id) : nullptr;
  if (changed && parsed.value && e && (e->starts || e->ends)) {
    // An event's times move with its date, in the same step (core/plan_fields). While the
    // typing passes through a year or a month ("2026-03" on the way to "2026-03-05"), the
    // edit waits: applied, it would drop the times.
    if (is_exact_days(*parsed.value))
      apply(state, Command::set_fields(id, fields_for_new_date(*e, parsed.value)), key);
    else
      errors_[key] =
          tr("This event has times (Starts, Ends), so its date must be exact days; clear its "
             "times first to give a month, a year or a window.");
  } else if (changed && (buf.empty() || parsed.value))
    apply(
        state,
        Command::set_field(id, field, buf.empty() ? nlohmann::json(nullptr) : nlohmann::json(buf)),
        key);
  show_error(key);
}

void Editor::country(AppState& state, const std::string& id, const std::string& value,
                     bool optional) {
  label_row(tr("Country"));
  const Country* current = find_country(value);
  std::string shown =
      current ? std::string(current->name) + " (" + value + ")" : (value.empty() ? "—" : value);
  ImGui::SetNextItemWidth(-1);
  if (combo("##country" + id, shown.c_str(), ImGuiComboFlags_HeightLarge)) {
    static char filter[64] = "";
    if (ImGui::IsWindowAppearing()) {
      filter[0] = 0;
      ImGui::SetKeyboardFocusHere();
    }
    ImGui::InputTextWithHint("##filter", "type to search", filter, sizeof filter);
    std::string f = fold(filter);
    if (optional && ImGui::Selectable(tr("— none —"), value.empty()))
      apply(state, Command::set_field(id, "country", nullptr), id + "/country");
    size_t n;
    const Country* all = all_countries(n);
    for (size_t i = 0; i < n; ++i) {
      if (!f.empty() && fold(all[i].name).find(f) == std::string::npos && fold(all[i].code) != f)
        continue;
      std::string item = std::string(all[i].name) + " (" + all[i].code + ")";
      if (ImGui::Selectable(item.c_str(), value == all[i].code))
        apply(state, Command::set_field(id, "country", all[i].code), id + "/country");
    }
    ImGui::EndCombo();
  }
  show_error(id + "/country");
}

void Editor::coordinates(AppState& state, const Place& p) {
  std::string key = p.id + "/latlon";
  label_row(tr("Latitude, longitude"));
  // Half-typed coordinates of another place are dropped when the selection moves on.
  if (coords_.place != p.id) coords_ = {};
  const bool waiting = !coords_.place.empty();
  std::string& lat = buffer(p.id + "/lat", waiting ? coords_.lat
                                           : p.lat ? coordinate_text(*p.lat)
                                                   : std::string());
  ImGui::SetNextItemWidth(140);
  bool changed = ImGui::InputTextWithHint(("##lat" + p.id).c_str(), "latitude", &lat,
                                          ImGuiInputTextFlags_CharsDecimal);
  track(p.id + "/lat");
  ImGui::SameLine();
  std::string& lon = buffer(p.id + "/lon", waiting ? coords_.lon
                                           : p.lon ? coordinate_text(*p.lon)
                                                   : std::string());
  ImGui::SetNextItemWidth(140);
  changed |= ImGui::InputTextWithHint(("##lon" + p.id).c_str(), "longitude", &lon,
                                      ImGuiInputTextFlags_CharsDecimal);
  track(p.id + "/lon");
  if (changed) {
    // Both, or neither: one alone waits here (the place keeps what it had), never saved
    // with a 0 for the other.
    CoordinatesInput in = coordinates_from_text(lat, lon);
    if (in.fields) {
      coords_ = {};
      apply(state, Command::set_fields(p.id, *in.fields), key);
    } else {
      coords_ = {p.id, lat, lon, in.waiting};
    }
  }
  if (p.lat && small_button_after(tr("Clear"))) {
    coords_ = {};
    apply(state, Command::set_fields(p.id, {{"lat", nullptr}, {"lon", nullptr}}), key);
  }
  bool picking = state.picking() == p.id;
  if (small_button_after(picking ? tr("Click on the map… (cancel)") : tr("Pick on map"))) {
    coords_ = {};
    state.request_pick(picking ? "" : p.id);
  }
  if (!coords_.place.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
    ImGui::TextWrapped("%s", coords_.waiting.c_str());
    ImGui::PopStyleColor();
  }
  if (!p.lat) ImGui::TextDisabled("%s", tr("No coordinates yet: the place is not on the map."));
  show_error(key);
  // The offline gazetteer fills them in (not in View mode: nothing there takes input).
  if (!state.read_only) {
    label_row(tr("Find the city (offline list of GeoNames cities)"));
    if (city_search("##city" + p.id, "type a city: Manila, Hà Nội, or Perth, Australia…")) {
      for (const auto& hit : gazetteer_->search_text(city_query_, 8)) {
        const Country* c = find_country(hit.country);
        std::string item = hit.name + ", " + (c ? c->name : hit.country);
        if (ImGui::Selectable(item.c_str())) {
          nlohmann::json fields = {{"lat", std::round(hit.lat * 1e4) / 1e4},
                                   {"lon", std::round(hit.lon * 1e4) / 1e4}};
          if (p.country.empty() || p.country != hit.country) fields["country"] = hit.country;
          coords_ = {};
          apply(state, Command::set_fields(p.id, fields), key);
          city_query_[0] = 0;
        }
      }
    }
  }
}

// -----------------------------------------------------------------------------------
// 2. Pickers
// -----------------------------------------------------------------------------------
bool Editor::city_search(const std::string& widget_id, const char* hint) {
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint(widget_id.c_str(), hint, city_query_, sizeof city_query_);
  // The list is downloaded (web) the first time someone starts a search, not before.
  if (ImGui::IsItemActive() || city_query_[0]) wants_gazetteer_ = true;
  if (!city_query_[0]) return false;
  if (gazetteer_ && !gazetteer_->empty()) return true;
  if (gazetteer_error_.empty())
    ImGui::TextDisabled("%s", tr("Loading the offline city list…"));
  else
    ImGui::TextWrapped(
        "%s", trf("The city search is not available: {why}", {{"why", gazetteer_error_}}).c_str());
  return false;
}

void Editor::place_picker(AppState& state, const Event& e) {
  label_row(tr("Place"));
  const Place* current = state.place(e.place);
  std::string shown = current ? current->name + " (" + current->country + ")" : tr("— no place —");
  ImGui::SetNextItemWidth(-1);
  std::string key = e.id + "/place";
  if (combo("##place" + e.id, shown.c_str(), ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable(tr("— no place —"), e.place.empty()))
      apply(state, Command::set_field(e.id, tr("place"), nullptr), key);
    for (const auto& p : state.dataset.places) {
      std::string item = p.name + " (" + p.country + ")##" + p.id;
      if (ImGui::Selectable(item.c_str(), p.id == e.place))
        apply(state, Command::set_field(e.id, tr("place"), p.id), key);
    }
    ImGui::EndCombo();
  }
  // A place that is not in the dataset yet: from the gazetteer, in one go.
  if (!state.read_only) {
    if (city_search("##newplace" + e.id, "or find a city to add as a new place…")) {
      for (const auto& hit : gazetteer_->search_text(city_query_, 8)) {
        const Country* c = find_country(hit.country);
        std::string item = "+ " + hit.name + ", " + (c ? c->name : hit.country);
        if (ImGui::Selectable(item.c_str())) {
          Place p;
          p.id = new_id(state.dataset, hit.name);
          p.name = hit.name;
          p.country = hit.country;
          p.lat = std::round(hit.lat * 1e4) / 1e4;
          p.lon = std::round(hit.lon * 1e4) / 1e4;
          p.source = "GeoNames (geonames.org), CC BY 4.0";
          // The new place and the event's move there: one step, one undo.
          std::vector<Command> steps;
          steps.push_back(Command::add(p));
          steps.push_back(Command::set_field(e.id, tr("place"), p.id));
          apply(state, Command::sequence(std::move(steps)), key);
          city_query_[0] = 0;
        }
      }
    }
  }
  show_error(key);
}

void Editor::participations(AppState& state, const std::string& id, const char* field,
                            const std::vector<Participation>& parts) {
  std::string key = id + "/" + field;
  std::vector<Participation> list = parts;
  bool changed = false;
  int remove = -1;
  if (ImGui::BeginTable(key.c_str(), 4, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(tr("organisation"), 0, 3.0f);
    ImGui::TableSetupColumn(tr("role"), 0, 1.6f);
    ImGui::TableSetupColumn(tr("note"), 0, 2.0f);
    ImGui::TableSetupColumn(tr("x"), ImGuiTableColumnFlags_WidthFixed, 24.0f);
    for (size_t i = 0; i < list.size(); ++i) {
      ImGui::PushID(int(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const Organisation* o = state.organisation(list[i].organisation);
      ImGui::SetNextItemWidth(-1);
      if (combo("##org", o ? o->name.c_str() : list[i].organisation.c_str())) {
        for (const auto& org : state.dataset.organisations)
          if (ImGui::Selectable((org.name + "##" + org.id).c_str(),
                                org.id == list[i].organisation)) {
            list[i].organisation = org.id;
            changed = true;
          }
        ImGui::EndCombo();
      }
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      if (combo("##role", tr(label(list[i].role)))) {
        for (int r = 0; r < int(Role::Count); ++r)
          if (ImGui::Selectable(tr(label(Role(r))), list[i].role == Role(r))) {
            list[i].role = Role(r);
            changed = true;
          }
        ImGui::EndCombo();
      }
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      std::string note_key = key + "/" + std::to_string(i) + "/note";
      std::string& note = buffer(note_key, list[i].note);
      if (ImGui::InputTextWithHint("##note", "note", &note)) {
        list[i].note = note;
        changed = true;
      }
      track(note_key);
      ImGui::TableNextColumn();
      if (ImGui::SmallButton("x")) remove = int(i);
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("Remove this organisation from the list"));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (remove >= 0) {
    list.erase(list.begin() + remove);
    changed = true;
  }
  // Add an existing organisation, or create one with its sector.
  if (combo("##add" + key, "+ Add an organisation", ImGuiComboFlags_HeightLarge)) {
    for (const auto& org : state.dataset.organisations)
      if (ImGui::Selectable((org.name + "##add" + org.id).c_str())) {
        list.push_back(
            {org.id, std::string(field) == "members" ? Role::Member : Role::Participant, "", {}});
        changed = true;
      }
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr("A new organisation"));
    ImGui::InputTextWithHint("##neworg", "its name", &new_org_name_);
    const char* sectors[int(Sector::Count)];
    for (int s = 0; s < int(Sector::Count); ++s) sectors[s] = tr(label(Sector(s)));
    ImGui::Combo(tr("sector"), &new_org_sector_, sectors, int(Sector::Count));
    if (ImGui::Button(tr("Create and add")) && !new_org_name_.empty()) {
      Organisation o;
      o.id = new_id(state.dataset, new_org_name_);
      o.name = new_org_name_;
      o.sector = Sector(new_org_sector_);
      // The new organisation and its place in the list: one step, one undo.
      std::vector<Participation> with_new = list;
      with_new.push_back(
          {o.id, std::string(field) == "members" ? Role::Member : Role::Participant, "", {}});
      std::vector<Command> steps;
      steps.push_back(Command::add(o));
      steps.push_back(Command::set_field(id, field, field_json(with_new)));
      apply(state, Command::sequence(std::move(steps)), key);
      changed = false;  // what else changed this frame is in with_new too
      new_org_name_.clear();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndCombo();
  }
  if (changed) apply(state, Command::set_field(id, field, field_json(list)), key);
  show_error(key);
}

void Editor::links(AppState& state, const Event& e) {
  std::string key = e.id + "/links";
  std::vector<Link> list = e.links;
  bool changed = false;
  int remove = -1;
  for (size_t i = 0; i < list.size(); ++i) {
    ImGui::PushID(int(i));
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
    std::string url_key = key + "/" + std::to_string(i) + "/url";
    std::string& url = buffer(url_key, list[i].url);
    if (ImGui::InputTextWithHint("##url", "https://…", &url)) {
      list[i].url = url;
      changed = true;
    }
    track(url_key);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 30);
    std::string label_key = key + "/" + std::to_string(i) + "/label";
    std::string& lab = buffer(label_key, list[i].label);
    if (ImGui::InputTextWithHint("##label", "label", &lab)) {
      list[i].label = lab;
      changed = true;
    }
    track(label_key);
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) remove = int(i);
    ImGui::PopID();
  }
  if (remove >= 0) {
    list.erase(list.begin() + remove);
    changed = true;
  }
  if (ImGui::SmallButton(tr("+ Add a link"))) {
    list.push_back({"https://", "", Extra::object()});
    changed = true;
  }
  if (changed) apply(state, Command::set_field(e.id, "links", field_json(list)), key);
  show_error(key);
}

// -----------------------------------------------------------------------------------
// 3. The Inspector
// -----------------------------------------------------------------------------------
void Editor::inspector(AppState& state, const Fonts& fonts) {
  active_before_.swap(active_now_);
  active_now_.clear();
  rects_.clear();
  const std::string id = state.selection();
  auto heading = [&](const std::string& title, const char* what, bool mergeable) {
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("%s", title.c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("%s", trf("{kind} · id {id}", {{"kind", what}, {"id", id}}).c_str());
    if (!state.read_only) item_actions(state, id, mergeable);
    ImGui::Separator();
  };
  // A shared link (View mode): every field shown, none takes input.
  ImGui::BeginDisabled(state.read_only);
  if (const Event* e = state.event(id)) {
    heading(e->title, tr("event"), false);
    event_form(state, id);
  } else if (const WorkingGroup* w = state.working_group(id)) {
    heading(w->name, tr("working group"), false);
    group_form(state, id);
  } else if (const Place* p = state.place(id)) {
    heading(p->name, tr("place"), true);
    place_form(state, id);
  } else if (const Organisation* o = state.organisation(id)) {
    heading(o->name, tr("organisation"), true);
    organisation_form(state, id);
  } else {
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(tr("The dataset"));
    ImGui::PopFont();
    ImGui::TextWrapped(
        "%s", state.read_only
                  ? tr("Select an item in the list, on the map or on the timeline to see its "
                       "details.")
                  : tr("Select an item in the list, on the map or on the timeline to edit it."));
    ImGui::Separator();
    text(state, tr("Title"), "", "title", state.dataset.title, false, true);
    text(state, tr("Description"), "", "description", state.dataset.description, true);
    text(state, tr("Source"), "", "source", state.dataset.source, true);
  }
  ImGui::EndDisabled();
  if (!last_error_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
    ImGui::TextWrapped("%s", last_error_.c_str());
    ImGui::PopStyleColor();
  }
}

// Every field below may change the dataset (and move or remove the item): each form
// finds its item again before reading it.
void Editor::event_form(AppState& state, const std::string& id) {
  const Event* e = state.event(id);  // again: Duplicate may have moved it
  if (!e) return;
  label_row(tr("Kind"));
  ImGui::SetNextItemWidth(-1);
  if (combo("##kind", tr(label(e->kind)))) {
    for (int k = 0; k < int(EventKind::Count); ++k) {
      if (ImGui::Selectable(tr(label(EventKind(k))), e->kind == EventKind(k)))
        apply(state, Command::set_field(id, "kind", to_json_name(EventKind(k))), id + "/kind");
    }
    ImGui::EndCombo();
  }
  if (!(e = state.event(id))) return;
  text(state, tr("Title"), id, "title", e->title, false, true);
  if (!(e = state.event(id))) return;
  date(state, tr("Date (EDTF)"), id, "date", e->date);
  if (!(e = state.event(id))) return;
  status_field(state, id);
  if (!(e = state.event(id))) return;
  place_picker(state, *e);
  if (!(e = state.event(id))) return;
  label_row(tr("Organisations and their roles"));
  participations(state, id, "organisations", e->organisations);
  if (!(e = state.event(id))) return;
  text(state, tr("Notes"), id, "notes", e->notes, true);
  if (!(e = state.event(id))) return;
  label_row(tr("Links"));
  links(state, *e);
  if (!(e = state.event(id))) return;
  text(state, tr("Source (where the facts come from)"), id, "source", e->source, true);
  if (!(e = state.event(id))) return;
  plan_fields(state, id);
}

void Editor::group_form(AppState& state, const std::string& id) {
  const WorkingGroup* w = state.working_group(id);  // again: Duplicate may have moved it
  if (!w) return;
  text(state, tr("Name"), id, "name", w->name, false, true);
  if (!(w = state.working_group(id))) return;
  country(state, id, w->country, false);
  if (!(w = state.working_group(id))) return;
  date(state, tr("Active (EDTF interval, open end: 2016/..)"), id, "active", w->active);
  if (!(w = state.working_group(id))) return;
  label_row(tr("Grew from (roundtable)"));
  const Event* origin = state.event(w->origin);
  if (combo("##origin", origin ? origin->title.c_str() : "—")) {
    if (ImGui::Selectable("—", w->origin.empty()))
      apply(state, Command::set_field(id, "origin", nullptr), id + "/origin");
    for (const auto& ev : state.dataset.events)
      if (ev.kind == EventKind::Roundtable &&
          ImGui::Selectable((ev.title + "##" + ev.id).c_str(), ev.id == w->origin))
        apply(state, Command::set_field(id, "origin", ev.id), id + "/origin");
    ImGui::EndCombo();
  }
  if (!(w = state.working_group(id))) return;
  member_sectors(state, *w);
  if (!(w = state.working_group(id))) return;
  label_row(tr("Named members"));
  participations(state, id, "members", w->members);
  if (!(w = state.working_group(id))) return;
  text(state, tr("Notes"), id, "notes", w->notes, true);
  if (!(w = state.working_group(id))) return;
  text(state, tr("Source"), id, "source", w->source, true);
}

void Editor::member_sectors(AppState& state, const WorkingGroup& w) {
  label_row(tr("Kinds of members"));
  std::vector<Sector> sectors = w.member_sectors;
  bool changed = false;
  for (int s = 0; s < int(Sector::Count); ++s) {
    bool on = std::find(sectors.begin(), sectors.end(), Sector(s)) != sectors.end();
    if (s % 3) ImGui::SameLine(float(s % 3) * 190.0f + 8);
    if (ImGui::Checkbox(tr(label(Sector(s))), &on)) {
      if (on)
        sectors.push_back(Sector(s));
      else
        sectors.erase(std::remove(sectors.begin(), sectors.end(), Sector(s)), sectors.end());
      changed = true;
    }
  }
  if (changed)
    apply(state, Command::set_field(w.id, "member_sectors", field_json(sectors)),
          w.id + "/member_sectors");
}

void Editor::place_form(AppState& state, const std::string& id) {
  const Place* p = state.place(id);  // again: Duplicate may have moved it
  if (!p) return;
  text(state, tr("Name"), id, "name", p->name, false, true);
  if (!(p = state.place(id))) return;
  country(state, id, p->country, false);
  if (!(p = state.place(id))) return;
  coordinates(state, *p);
  if (!(p = state.place(id))) return;
  text(state, tr("Notes"), id, "notes", p->notes, true);
  if (!(p = state.place(id))) return;
  text(state, tr("Source"), id, "source", p->source, true);
}

void Editor::organisation_form(AppState& state, const std::string& id) {
  const Organisation* o = state.organisation(id);  // again: Duplicate may have moved it
  if (!o) return;
  text(state, tr("Name"), id, "name", o->name, false, true);
  if (!(o = state.organisation(id))) return;
  label_row(tr("Sector"));
  if (combo("##sector", tr(label(o->sector)))) {
    for (int s = 0; s < int(Sector::Count); ++s)
      if (ImGui::Selectable(tr(label(Sector(s))), o->sector == Sector(s)))
        apply(state, Command::set_field(id, "sector", to_json_name(Sector(s))), id + "/sector");
    ImGui::EndCombo();
  }
  if (!(o = state.organisation(id))) return;
  country(state, id, o->country, true);
  if (!(o = state.organisation(id))) return;
  text(state, tr("Notes"), id, "notes", o->notes, true);
  if (!(o = state.organisation(id))) return;
  text(state, tr("Source"), id, "source", o->source, true);
}

// -----------------------------------------------------------------------------------
// 4. Add, duplicate, delete, merge
// -----------------------------------------------------------------------------------
void Editor::add_buttons(AppState& state) {
  auto added = [&](const std::string& id) { state.select(id); };
  // On the same line while the next button fits, else on the next (a phone's width).
  auto flow = [](const char* next) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float w = ImGui::CalcTextSize(next).x + 2 * st.FramePadding.x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + st.ItemSpacing.x + w <= right) ImGui::SameLine();
  };
  if (ImGui::SmallButton(tr("+ Event"))) {
    Event e;
    e.id = new_id(state.dataset, "event");
    e.kind = EventKind::Forum;
    e.title = tr("New event");  // data now: the name in the UI's language
    std::string id = e.id;
    if (apply(state, Command::add(e))) added(id);
  }
  flow(tr("+ Working group"));
  if (ImGui::SmallButton(tr("+ Working group"))) {
    WorkingGroup w;
    w.id = new_id(state.dataset, "working-group");
    w.name = tr("New working group");
    w.country = state.dataset.places.empty() ? "SG" : state.dataset.places.front().country;
    std::string id = w.id;
    if (apply(state, Command::add(w))) added(id);
  }
  flow(tr("+ Place"));
  if (ImGui::SmallButton(tr("+ Place"))) {
    Place p;
    p.id = new_id(state.dataset, "place");
    p.name = tr("New place");
    p.country = "SG";
    std::string id = p.id;
    if (apply(state, Command::add(p))) added(id);
  }
  flow(tr("+ Organisation"));
  if (ImGui::SmallButton(tr("+ Organisation"))) {
    Organisation o;
    o.id = new_id(state.dataset, "organisation");
    o.name = tr("New organisation");
    std::string id = o.id;
    if (apply(state, Command::add(o))) added(id);
  }
}

void Editor::item_actions(AppState& state, const std::string& id, bool mergeable) {
  if (ImGui::SmallButton(tr("Duplicate"))) {
    std::string copy = new_id(state.dataset, id);
    if (apply(state, Command::duplicate(id, copy))) state.select(copy);
  }
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("Delete…"))) {
    delete_id_ = id;
    open_delete_ = true;
  }
  if (mergeable) {
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("Merge into…"))) {
      merge_id_ = id;
      open_merge_ = true;
    }
  }
}

void Editor::dialogs(AppState& state) {
  if (open_delete_) {
    ImGui::OpenPopup(tr("Delete?"));
    open_delete_ = false;
  }
  ImGui::SetNextWindowSize(ImVec2(520, 0), ImGuiCond_Appearing);
  if (ImGui::BeginPopupModal(tr("Delete?"), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    auto refs = references_to(state.dataset, delete_id_);
    ImGui::TextWrapped("%s", trf("Delete \"{id}\"?", {{"id", delete_id_}}).c_str());
    if (!refs.empty()) {
      ImGui::TextWrapped("%s", trn("{count} other item refers to it; that reference goes too:",
                                   "{count} other items refer to it; those references go too:",
                                   static_cast<long long>(refs.size()))
                                   .c_str());
      ImGui::BeginChild("refs", ImVec2(0, std::min(200.0f, 24.0f * float(refs.size()) + 8)), true);
      for (const auto& r : refs) ImGui::BulletText("%s", r.text.c_str());
      ImGui::EndChild();
    }
    ImGui::TextDisabled("%s", tr("Edit > Undo brings it all back."));
    if (ImGui::Button(tr("Delete"), ImVec2(120, 0))) {
      if (apply(state, Command::remove(delete_id_, true))) state.select("");
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel"), ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape))
      ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }

  if (open_merge_) {
    ImGui::OpenPopup(tr("Merge into…"));
    open_merge_ = false;
  }
  ImGui::SetNextWindowSize(ImVec2(520, 420), ImGuiCond_Appearing);
  if (ImGui::BeginPopupModal(tr("Merge into…"))) {
    bool is_place = state.place(merge_id_) != nullptr;
    ImGui::TextWrapped(
        "%s", trf("Every reference to \"{id}\" will point to the one you choose, and \"{id}\" is "
                  "removed.",
                  {{"id", merge_id_}})
                  .c_str());
    ImGui::BeginChild("targets", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()), true);
    auto offer = [&](const std::string& tid, const std::string& name) {
      if (tid == merge_id_) return;
      if (ImGui::Selectable((name + "##" + tid).c_str())) {
        if (apply(state, Command::merge(merge_id_, tid))) state.select(tid);
        ImGui::CloseCurrentPopup();
      }
    };
    if (is_place)
      for (const auto& p : state.dataset.places) offer(p.id, p.name + " (" + p.country + ")");
    else
      for (const auto& o : state.dataset.organisations) offer(o.id, o.name);
    ImGui::EndChild();
    if (ImGui::Button(tr("Cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape))
      ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

// -----------------------------------------------------------------------------------
// 5. Data quality
// -----------------------------------------------------------------------------------
// The organisations something refers to, found in one pass over the data and kept until
// the data changes: the panel is drawn every frame, the data rarely changes.
const std::unordered_set<std::string>& Editor::used_organisations(const AppState& state) {
  if (used_version_ != state.data_version) {
    used_orgs_.clear();
    for (const auto& e : state.dataset.events)
      for (const auto& p : e.organisations) used_orgs_.insert(p.organisation);
    for (const auto& w : state.dataset.working_groups)
      for (const auto& p : w.members) used_orgs_.insert(p.organisation);
    for (const auto& st : state.dataset.stories)
      for (const auto& step : st.steps) used_orgs_.insert(step.item);
    used_version_ = state.data_version;
  }
  return used_orgs_;
}

void Editor::quality_panel(AppState& state, bool* open) {
  if (!*open) return;
  ImGui::SetNextWindowSize(ImVec2(560, 420), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr("Data quality"), open)) {
    ImGui::End();
    return;
  }
  const Dataset& d = state.dataset;
  int issues = 0;
  auto item = [&](const std::string& id, const std::string& text) {
    ++issues;
    ImGui::PushID(issues);
    if (ImGui::SmallButton(tr("Fix"))) state.select(id);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopID();
  };
  if (ImGui::CollapsingHeader(tr("Places without coordinates"), ImGuiTreeNodeFlags_DefaultOpen))
    for (const auto& p : d.places)
      if (!p.lat) item(p.id, trf("{name} is not on the map", {{"name", p.name}}));
  if (ImGui::CollapsingHeader(tr("Events without a date or a place"),
                              ImGuiTreeNodeFlags_DefaultOpen))
    for (const auto& e : d.events) {
      if (!e.date) item(e.id, trf("{title} has no date", {{"title", e.title}}));
      if (e.place.empty()) item(e.id, trf("{title} has no place", {{"title", e.title}}));
    }
  if (ImGui::CollapsingHeader(tr("Organisations nothing refers to"),
                              ImGuiTreeNodeFlags_DefaultOpen))
    for (const auto& o : d.organisations)
      if (!used_organisations(state).count(o.id))
        item(o.id, trf("{name} takes part in nothing", {{"name", o.name}}));
  if (ImGui::CollapsingHeader(tr("Likely duplicates (same name)"),
                              ImGuiTreeNodeFlags_DefaultOpen)) {
    std::map<std::string, std::string> seen;
    auto check = [&](const std::string& id, const std::string& name) {
      std::string k = fold(name);
      auto [it, fresh] = seen.emplace(k, id);
      if (!fresh)
        item(id, trf("{name} looks like {other} (use Merge into…)",
                     {{"name", name}, {"other", it->second}}));
    };
    for (const auto& p : d.places) check(p.id, p.name + " / " + p.country);
    for (const auto& o : d.organisations) check(o.id, o.name);
  }
  if (issues == 0) ImGui::TextDisabled("%s", tr("Nothing to fix."));
  ImGui::End();
}

}  // namespace atlas::ui
