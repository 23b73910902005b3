// editor_plan.cpp — the Inspector's plan fields for an event (see editor.hpp): its status,
// its exact times in the venue's time zone (with the viewer's own time beside them), the
// date it was postponed from, and its checklist. Every change is one step of the history
// through core/edit's plan commands (set_status, add / tick / edit / move / remove an
// item), so each undoes alone.
//
// Index
//   1. Status
//   2. Times: starts, ends, the venue's time zone, and the words that explain them
//   3. Checklist: the field that adds an item, then one row per item
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <string>

#include "core/event_time.hpp"
#include "core/i18n.hpp"
#include "ui/editor.hpp"
#include "ui/widget_probe.hpp"

namespace atlas::ui {

namespace {

const ImVec4 kOverdueColor(0.86f, 0.2f, 0.2f, 1.0f);

const char* status_label(std::optional<EventStatus> s) { return s ? tr(label(*s)) : tr("unknown"); }

}  // namespace

void Editor::set_clock(const tz::ZoneDb* zones, std::string viewer_zone, int64_t today) {
  zones_ = zones;
  viewer_zone_ = std::move(viewer_zone);
  today_ = today;
}

// -------------------------------------------------------------------------------
// 1. Status
// -------------------------------------------------------------------------------
void Editor::status_field(AppState& state, const std::string& id) {
  const Event* e = state.event(id);
  if (!e) return;
  ImGui::TextDisabled("%s", tr("Status"));
  ImGui::SetNextItemWidth(220);
  if (ImGui::BeginCombo("##status", status_label(e->status))) {
    std::optional<EventStatus> chosen;
    bool picked = false;
    if (ImGui::Selectable(tr("unknown"), !e->status)) picked = true;
    for (int s = 0; s < int(EventStatus::Count); ++s)
      if (ImGui::Selectable(tr(label(EventStatus(s))), e->status == EventStatus(s))) {
        chosen = EventStatus(s);
        picked = true;
      }
    ImGui::EndCombo();
    if (picked && chosen != e->status) apply(state, Command::set_status(id, chosen));
  } else {
    probe::name_last_item("##status");
  }
  if (!(e = state.event(id))) return;
  if (e->status == EventStatus::Postponed || e->postponed_from)
    date(state, tr("Postponed from (the date it had before)"), id, "postponed_from",
         e->postponed_from);
}

// -------------------------------------------------------------------------------
// 2. Times
// -------------------------------------------------------------------------------
void Editor::plan_fields(AppState& state, const std::string& id) {
  const Event* e = state.event(id);
  if (!e) return;
  ImGui::SeparatorText(tr("Plan: times and checklist"));
  date(state, tr("Starts (date and time, e.g. 2026-03-04T09:30)"), id, "starts", e->starts);
  if (!(e = state.event(id))) return;
  date(state, tr("Ends"), id, "ends", e->ends);
  if (!(e = state.event(id))) return;
  text(state, tr("Venue's time zone (IANA name, e.g. Asia/Manila)"), id, "time_zone", e->time_zone);
  if (!(e = state.event(id))) return;
  if (e->starts || e->ends) {
    TimeDisplay shown = describe_event_time(*e, zones_, viewer_zone_);
    if (!shown.venue.empty()) ImGui::TextWrapped("%s", shown.venue.c_str());
    if (!shown.viewer.empty()) ImGui::TextDisabled("%s", shown.viewer.c_str());
    if (!shown.note.empty()) ImGui::TextWrapped("%s", shown.note.c_str());
  }

  // -------------------------------------------------------------------------------
  // 3. Checklist
  // -------------------------------------------------------------------------------
  ImGui::TextDisabled(
      "%s", trf("Checklist ({count})",
                {{"count", i18n::format_number(static_cast<long long>(e->checklist.size()))}})
                .c_str());
  // The new item's field first: it stays where it is however long the list grows.
  ImGui::PushID(id.c_str());
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 90);
  bool enter = ImGui::InputTextWithHint("##newitem", tr("A new item: what to do before the event"),
                                        &new_item_, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button(tr("Add item")) || enter) && !new_item_.empty()) {
    ChecklistItem item;
    item.text = new_item_;
    if (apply(state, Command::add_checklist_item(id, item))) new_item_.clear();
  }
  ImGui::PopID();
  if (!(e = state.event(id))) return;
  for (size_t i = 0; i < e->checklist.size(); ++i) {
    if (!(e = state.event(id)) || i >= e->checklist.size()) return;
    ChecklistItem item = e->checklist[i];  // a copy: an edit below replaces the list
    const std::string key = id + "/checklist/" + std::to_string(i);
    ImGui::PushID(int(i));
    bool done = item.done;
    if (ImGui::Checkbox("##done", &done)) {
      apply(state, Command::set_checklist_done(id, i, done));
      ImGui::PopID();
      continue;  // the next frame shows the item as it is now
    }
    ImGui::SameLine();
    std::string& text_buf = buffer(key + "/text", item.text);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##item", &text_buf) && !text_buf.empty()) {
      ChecklistItem changed = item;
      changed.text = text_buf;
      apply(state, Command::edit_checklist_item(id, i, changed), key + "/text");
    }
    track(key + "/text");
    ImGui::Indent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x);
    std::string& owner_buf = buffer(key + "/owner", item.owner);
    ImGui::SetNextItemWidth(120);
    if (ImGui::InputTextWithHint("##owner", "owner", &owner_buf)) {
      ChecklistItem changed = item;
      changed.owner = owner_buf;
      apply(state, Command::edit_checklist_item(id, i, changed), key + "/owner");
    }
    track(key + "/owner");
    ImGui::SameLine();
    std::string& due_buf = buffer(key + "/due", item.due ? edtf::format(*item.due) : "");
    ImGui::SetNextItemWidth(120);
    if (ImGui::InputTextWithHint("##due", "due (EDTF)", &due_buf)) {
      auto parsed = edtf::parse(due_buf);
      if (due_buf.empty() || parsed.value) {
        ChecklistItem changed = item;
        changed.due = due_buf.empty() ? std::nullopt : parsed.value;
        apply(state, Command::edit_checklist_item(id, i, changed), key + "/due");
      } else {
        errors_[key + "/due"] = trf("not a date yet: {why}", {{"why", parsed.error}});
      }
    }
    track(key + "/due");
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("Up")) && i > 0)
      apply(state, Command::move_checklist_item(id, i, i - 1));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("Down")) && i + 1 < e->checklist.size())
      apply(state, Command::move_checklist_item(id, i, i + 1));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("Delete"))) apply(state, Command::remove_checklist_item(id, i));
    // When it is due, against the viewer's today: overdue in red.
    if (item.due) {
      int64_t due_day = item.due->latest();
      std::string when = trf(item.deadline ? N_("deadline {date}") : N_("due {date}"),
                             {{"date", edtf::describe(*item.due)}});
      if (!item.done && due_day < today_ && due_day < edtf::kUnboundedFuture) {
        ImGui::PushStyleColor(ImGuiCol_Text, kOverdueColor);
        ImGui::TextWrapped("%s", trf("{when} — overdue", {{"when", when}}).c_str());
        ImGui::PopStyleColor();
      } else {
        ImGui::TextDisabled("%s", when.c_str());
      }
    }
    show_error(key + "/text");
    show_error(key + "/owner");
    show_error(key + "/due");
    ImGui::Unindent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x);
    ImGui::PopID();
  }
}

}  // namespace atlas::ui
