// plan_pane.cpp — see plan_pane.hpp.
//
// Index
//   1. The window: the windows the user sets (N days), the status filter
//   2. Upcoming events
//   3. Checklist items overdue and due soon (ticked here too)
//   4. Conflicts
#include "ui/plan_pane.hpp"

#include <imgui.h>

#include <string>

#include "core/date_edtf.hpp"
#include "core/i18n.hpp"

namespace atlas::ui {

namespace {

const ImVec4 kOverdueColor(0.86f, 0.2f, 0.2f, 1.0f);

bool same_options(const PlanOptions& a, const PlanOptions& b) {
  return a.today == b.today && a.upcoming_days == b.upcoming_days &&
         a.due_soon_days == b.due_soon_days && a.same_country_days == b.same_country_days &&
         a.include_cancelled == b.include_cancelled;
}

std::string in_days(int64_t n) {
  if (n == 0) return tr("today");
  if (n < 0) return tr("under way");
  return n == 1 ? tr("tomorrow") : trn("in {count} day", "in {count} days", n);
}

std::string title_of(const AppState& state, const std::string& id) {
  const Event* e = state.event(id);
  return e ? e->title : id;
}

// A button named for the event it selects: "Select##<where><row>" keeps each one apart.
void select_button(AppState& state, const std::string& event_id, const char* where, size_t row) {
  std::string label = title_of(state, event_id) + "##" + where + std::to_string(row);
  if (ImGui::SmallButton(label.c_str())) state.select(event_id);
}

}  // namespace

// -----------------------------------------------------------------------------------
// 1. The window
// -----------------------------------------------------------------------------------
void PlanPane::refresh(const AppState& state, int64_t today) {
  options_.today = today;
  if (computed_ && data_version_ == state.data_version && same_options(options_, computed_for_))
    return;
  summary_ = plan_summary(state.dataset, options_);
  data_version_ = state.data_version;
  computed_for_ = options_;
  computed_ = true;
}

void PlanPane::draw(AppState& state, int64_t today, bool* open) {
  if (!*open) return;
  ImGui::SetNextWindowSize(ImVec2(460, 520), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr("Plan"), open)) {
    ImGui::End();
    return;
  }
  ImGui::TextDisabled(
      "%s", trf("Today is {date} (your clock).", {{"date", edtf::describe_day(today)}}).c_str());
  ImGui::SetNextItemWidth(110);
  ImGui::InputInt(tr("Upcoming: the next N days"), &options_.upcoming_days);
  ImGui::SetNextItemWidth(110);
  ImGui::InputInt(tr("Due soon: within N days"), &options_.due_soon_days);
  ImGui::SetNextItemWidth(110);
  ImGui::InputInt(tr("Same country: within N days"), &options_.same_country_days);
  options_.upcoming_days = std::max(0, std::min(options_.upcoming_days, 36500));
  options_.due_soon_days = std::max(0, std::min(options_.due_soon_days, 36500));
  options_.same_country_days = std::max(0, std::min(options_.same_country_days, 36500));
  status_filter(state);
  refresh(state, today);
  ImGui::Separator();
  upcoming(state);
  due(state, tr("Overdue"), summary_.overdue, true);
  due(state, tr("Due soon"), summary_.due_soon, false);
  conflicts(state);
  ImGui::End();
}

// Which statuses the map, the timeline and the list show: "Hide cancelled" is the usual
// choice; the combo switches each status (and "unknown") on or off.
void PlanPane::status_filter(AppState& state) {
  Filters f = state.filters();
  bool hide_cancelled = !f.statuses.shows(EventStatus::Cancelled);
  if (ImGui::Checkbox(tr("Hide cancelled"), &hide_cancelled))
    f.statuses.set(EventStatus::Cancelled, !hide_cancelled);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##statuses", f.statuses.shows_all() ? tr("Every status shown")
                                                             : tr("Some statuses hidden"))) {
    bool unknown = f.statuses.shows(std::nullopt);
    if (ImGui::Checkbox(tr("unknown"), &unknown)) f.statuses.set(std::nullopt, unknown);
    for (int s = 0; s < int(EventStatus::Count); ++s) {
      bool on = f.statuses.shows(EventStatus(s));
      if (ImGui::Checkbox(tr(label(EventStatus(s))), &on)) f.statuses.set(EventStatus(s), on);
    }
    ImGui::EndCombo();
  }
  if (!(f == state.filters())) state.set_filters(f);
}

// -----------------------------------------------------------------------------------
// 2. Upcoming
// -----------------------------------------------------------------------------------
void PlanPane::upcoming(AppState& state) {
  ImGui::SeparatorText(
      trf("Upcoming ({count})",
          {{"count", i18n::format_number(static_cast<long long>(summary_.upcoming.size()))}})
          .c_str());
  if (summary_.upcoming.empty())
    ImGui::TextDisabled("%s", trn("No event in the next {count} day.",
                                  "No event in the next {count} days.", options_.upcoming_days)
                                  .c_str());
  for (size_t i = 0; i < summary_.upcoming.size(); ++i) {
    const Upcoming& u = summary_.upcoming[i];
    select_button(state, u.event, "up", i);
    ImGui::SameLine();
    std::string when = u.first_day == u.last_day ? edtf::describe_day(u.first_day)
                                                 : edtf::describe_day(u.first_day) + " – " +
                                                       edtf::describe_day(u.last_day);
    const Event* e = state.event(u.event);
    ImGui::TextDisabled("%s, %s%s%s", in_days(u.days_until).c_str(), when.c_str(),
                        u.window ? " (a window of possible dates)" : "",
                        e && e->status ? (std::string(" · ") + tr(label(*e->status))).c_str() : "");
  }
}

// -----------------------------------------------------------------------------------
// 3. Due
// -----------------------------------------------------------------------------------
void PlanPane::due(AppState& state, const char* heading, const std::vector<DueItem>& items,
                   bool overdue) {
  ImGui::SeparatorText((std::string(heading) + " (" + std::to_string(items.size()) + ")").c_str());
  for (size_t i = 0; i < items.size(); ++i) {
    const DueItem& d = items[i];
    const Event* e = state.event(d.event);
    if (!e || d.item >= e->checklist.size()) continue;
    const ChecklistItem c = e->checklist[d.item];  // a copy: ticking replaces the list
    // Ticked here as in the Inspector: one undo step, and the row leaves the list.
    bool done = false;
    const std::string tick =
        std::string("##tick-") + (overdue ? "overdue" : "soon") + std::to_string(i);
    if (ImGui::Checkbox(tick.c_str(), &done))
      state.edit(Command::set_checklist_done(d.event, d.item, true));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Tick it: done"));
    ImGui::SameLine();
    select_button(state, d.event, overdue ? "overdue" : "soon", i);
    ImGui::SameLine();
    std::string line = (d.deadline ? "deadline: " : "") + c.text;
    if (!c.owner.empty()) line += " (" + c.owner + ")";
    line +=
        overdue ? ", " + std::to_string(-d.days_left) + " days late" : ", " + in_days(d.days_left);
    if (overdue) ImGui::PushStyleColor(ImGuiCol_Text, kOverdueColor);
    ImGui::TextWrapped("%s", line.c_str());
    if (overdue) ImGui::PopStyleColor();
  }
}

// -----------------------------------------------------------------------------------
// 4. Conflicts
// -----------------------------------------------------------------------------------
void PlanPane::conflicts(AppState& state) {
  const std::string count = i18n::format_number(static_cast<long long>(summary_.conflicts.size()));
  ImGui::SeparatorText((summary_.conflicts_capped ? trf("Conflicts ({count}+)", {{"count", count}})
                                                  : trf("Conflicts ({count})", {{"count", count}}))
                           .c_str());
  for (size_t i = 0; i < summary_.conflicts.size(); ++i) {
    const Conflict& c = summary_.conflicts[i];
    ImGui::TextWrapped("%s%s", c.text.c_str(),
                       c.window ? " (one is only a window of possible dates)" : "");
    select_button(state, c.first, "c1-", i);
    ImGui::SameLine();
    select_button(state, c.second, "c2-", i);
  }
  if (summary_.conflicts_capped)
    ImGui::TextDisabled("%s", trn("Only the first {count} conflict is listed.",
                                  "Only the first {count} conflicts are listed.",
                                  static_cast<long long>(kMaxConflicts))
                                  .c_str());
}

}  // namespace atlas::ui
