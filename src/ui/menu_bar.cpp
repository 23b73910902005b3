// menu_bar.cpp — the menu bar, the keyboard shortcuts, the shared link's bar, the notices
// bar and the status bar (AppUI; see app_ui.hpp).
//
// Index
//   1. Menu bar: File, Edit, View, Present, Help (in View mode, a shared link, only what
//      reads: no New, Open, Reset, Edit menu or story editor)
//   2. Shortcuts: Ctrl+O, Ctrl+S, undo and redo, Esc, Ctrl+Q
//   3. The shared link's bar (View mode): what is shown, and "Make a copy to edit"
//   4. Notices: what the user must see, until dismissed
//   5. Status bar: counts, saving, the CJK font loading, the selection
#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/i18n.hpp"
#include "core/interchange_text.hpp"
#include "ui/app_ui.hpp"

namespace atlas::ui {

// View > Copy embed code: an <iframe> of the page in its embed variant (?embed), named
// for screen readers by the dataset's title, loaded only when scrolled to.
std::string embed_code(const std::string& address, const std::string& title) {
  const size_t hash = address.find('#');
  std::string src = address.substr(0, hash);
  src += src.find('?') == std::string::npos ? "?embed" : "&embed";
  return "<iframe src=\"" + html_from_text(src) + "\" title=\"" +
         html_from_text(title.empty() ? "Coalition Atlas" : title) +
         "\" width=\"100%\" height=\"600\" style=\"border:0\" loading=\"lazy\"></iframe>";
}

std::string history_label(const History& history, bool redo) {
  const std::vector<std::string> steps = history.labels();
  const size_t at = history.position();
  if (redo) return at < steps.size() ? trf("Redo {action}", {{"action", steps[at]}}) : tr("Redo");
  return at > 0 ? trf("Undo {action}", {{"action", steps[at - 1]}}) : tr("Undo");
}

// -----------------------------------------------------------------------------------
// 1. Menu bar
// -----------------------------------------------------------------------------------
void AppUI::file_menu() {
  if (!ImGui::BeginMenu(tr("File"))) return;
  const bool view = viewing();
  if (view &&
      ImGui::MenuItem(tr("Make a copy to edit…"), nullptr, false,
                      session_.link_state() == Session::Link::Shown && !session_.store_reading()))
    request_copy();
  if (!view && ImGui::MenuItem(tr("New dataset…"))) confirm_ = Confirm::New;
  if (!view && ImGui::MenuItem(tr("Open…"), "Ctrl+O")) open_file();
  if (ImGui::MenuItem(tr("Export JSON…"), "Ctrl+S")) export_json();
  if (ImGui::MenuItem(tr("Export view as PNG (2×)…"))) png_requested_ = true;
  // Interchange (export_menu.cpp): spreadsheets in (not in View mode), other tools'
  // formats out.
  if (!view && ImGui::MenuItem(tr("Import CSV…"))) import_csv();
  export_menu();
  // Plans (issue 17): the events as an iCalendar file (core/ical).
  if (ImGui::MenuItem(tr("Export calendar (.ics)…"))) export_calendar();
  if (!view && ImGui::MenuItem(tr("Publish…"))) open_publish_ = true;
  if (!view && session_.has_corrupt_copy() && ImGui::MenuItem(tr("Export unreadable copy…")))
    export_corrupt_copy();
  if (!view) {
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Restore previous data"), nullptr, false, session_.has_previous()))
      restore_previous();
    if (ImGui::MenuItem(tr("Reset to sample…"))) confirm_ = Confirm::Reset;
  }
  if (host_.abilities().can_quit) {
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Quit"), "Ctrl+Q")) quit_ = true;
  }
  ImGui::EndMenu();
}

void AppUI::menu_bar() {
  if (!ImGui::BeginMenuBar()) return;
  file_menu();
  if (!viewing() && ImGui::BeginMenu(tr("Edit"))) {
    if (ImGui::MenuItem(history_label(state_.history, false).c_str(), "Ctrl+Z", false,
                        state_.history.can_undo()))
      state_.undo();
    if (ImGui::MenuItem(history_label(state_.history, true).c_str(), "Ctrl+Shift+Z", false,
                        state_.history.can_redo()))
      state_.redo();
    ImGui::Separator();
    ImGui::MenuItem(tr("Data quality…"), nullptr, &show_quality_);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr("View"))) {
    if (ImGui::MenuItem(tr("Light theme"), nullptr, theme_ == Theme::Light))
      set_theme(Theme::Light);
    if (ImGui::MenuItem(tr("Dark theme"), nullptr, theme_ == Theme::Dark)) set_theme(Theme::Dark);
    ImGui::MenuItem(tr("Plan: what comes next…"), nullptr, &show_plan_);  // ui/plan_pane
    // Fly-to, playback and autoplay cut instead of moving (also when the system asks).
    if (bool on = session_.reduce_motion(); ImGui::MenuItem(tr("Reduce motion"), nullptr, &on))
      session_.set_reduce_motion(on);  // kept between sessions
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Reset pane sizes"))) {
      left_fraction_ = 0.46f;
      map_fraction_ = 0.58f;
      list_fraction_ = 0.56f;
    }
    if (ImGui::MenuItem(tr("Clear selection"), "Esc", false, !state_.selection().empty()))
      state_.select("");
    // A shared link or a published site can be embedded: its address is public. The
    // user's own data lives in this browser only, so there is nothing to embed.
    const std::string address = viewing() ? host_.share_address() : "";
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Copy embed code"), nullptr, false, !address.empty()))
      ImGui::SetClipboardText(embed_code(address, state_.dataset.title).c_str());
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr("Present"))) {
    if (ImGui::MenuItem(tr("Start presenting"), "F5")) present(true);
    if (!viewing()) ImGui::MenuItem(tr("Edit the story…"), nullptr, &show_story_);
    if (ImGui::MenuItem(tr("Autoplay (booth or kiosk)"))) {
      present(true);
      presenter_.set_autoplay(true);
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr("Help"))) {
    if (ImGui::MenuItem(tr("Keyboard…"))) show_keyboard_ = true;  // ui/reach
    if (ImGui::MenuItem(tr("About Coalition Atlas"))) open_about_ = true;
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

// -----------------------------------------------------------------------------------
// 2. Shortcuts
// -----------------------------------------------------------------------------------
void AppUI::shortcuts() {
  if (ImGui::IsKeyPressed(ImGuiKey_Escape) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup))
    state_.select("");
  ImGuiIO& io = ImGui::GetIO();
  if (!io.KeyCtrl) return;
  if (host_.abilities().can_quit && ImGui::IsKeyPressed(ImGuiKey_Q)) quit_ = true;
  // Open and export work while typing too (a field has no use for them)...
  if (!viewing() && ImGui::IsKeyPressed(ImGuiKey_O, false)) open_file();
  if (ImGui::IsKeyPressed(ImGuiKey_S, false)) export_json();
  if (io.WantTextInput) return;  // ...but a text field has its own undo
  if (ImGui::IsKeyPressed(ImGuiKey_Z, false)) io.KeyShift ? state_.redo() : state_.undo();
  if (ImGui::IsKeyPressed(ImGuiKey_Y, false)) state_.redo();
}

// -----------------------------------------------------------------------------------
// 3. The shared link's bar
// -----------------------------------------------------------------------------------
// Always in sight in View mode: whose data this is, that it is read-only, and the way to
// make it one's own.
void AppUI::view_bar() {
  if (!viewing()) return;
  const bool opening = session_.link_state() == Session::Link::Opening;
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.55f, 0.35f, 0.85f, 0.16f));
  ImGui::BeginChild("view-bar", ImVec2(0, ImGui::GetFrameHeight() + style.WindowPadding.y * 2 + 2),
                    true, ImGuiWindowFlags_NoScrollbar);
  const char* button = tr("Make a copy to edit");
  const float button_w = ImGui::CalcTextSize(button).x + style.FramePadding.x * 2;
  ImGui::AlignTextToFramePadding();
  const std::string text =
      opening ? trf("Opening a shared link: {address}…", {{"address", session_.link_address()}})
              : trf("Viewing a shared link: {address} (read-only; your own data is not changed)",
                    {{"address", session_.link_address()}});
  ImGui::PushClipRect(ImGui::GetCursorScreenPos(),
                      ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x -
                                 button_w - style.ItemSpacing.x,
                             ImGui::GetWindowPos().y + ImGui::GetWindowHeight()),
                      true);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopClipRect();
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - button_w);
  ImGui::BeginDisabled(opening || session_.store_reading());
  if (ImGui::Button(button)) request_copy();
  ImGui::EndDisabled();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

// -----------------------------------------------------------------------------------
// 4. Notices
// -----------------------------------------------------------------------------------
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
    if (n.offer_export && ImGui::Button(tr("Export…"))) {
      if (n.export_corrupt)
        export_corrupt_copy();
      else
        export_json();
    }
    if (n.offer_export) ImGui::SameLine();
    if (ImGui::Button(tr("Dismiss"))) dismiss = true;
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopID();
    if (dismiss) {
      session_.dismiss_notice(i);
      break;
    }
  }
}

// -----------------------------------------------------------------------------------
// 5. Status bar
// -----------------------------------------------------------------------------------
void AppUI::status_bar(float height) {
  const Summary& s = state_.summary;
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - height);
  ImGui::Separator();
  ImGui::AlignTextToFramePadding();
  const std::string counts =
      trn("{count} event", "{count} events", static_cast<long long>(s.events)) + " · " +
      trn("{count} working group", "{count} working groups",
          static_cast<long long>(s.working_groups)) +
      " · " + trn("{count} place", "{count} places", static_cast<long long>(s.places)) + " · " +
      trn("{count} organisation", "{count} organisations", static_cast<long long>(s.organisations));
  ImGui::TextUnformatted(counts.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("|");
  ImGui::SameLine();
  if (viewing())
    ImGui::TextDisabled("%s", tr("shared link: read-only, not saved"));
  else if (session_.conflict())
    ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1), "%s", tr("changed in another tab"));
  else if (session_.quota_exceeded())
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s", tr("not saved: storage full"));
  else if (session_.dirty())
    ImGui::TextDisabled("%s", tr("saving…"));
  else
    ImGui::TextDisabled("%s", tr("saved"));
  if (ImGui::IsItemHovered()) {
    // Web: how full the browser's storage is and whether it keeps it (web/store.js).
    std::string status = session_.storage_status();
    ImGui::SetTooltip("%s%s%s",
                      trf("Kept in {where}", {{"where", session_.storage_where()}}).c_str(),
                      status.empty() ? "" : "\n", status.c_str());
  }
  if (glyphs_.state() == GlyphLoader::State::Loading) {
    // CJK text shows as boxes for the moment it takes: say why.
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("loading the font for Chinese, Japanese and Korean…"));
  }
  if (!state_.selection().empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    const Event* e = state_.event(state_.selection());
    const WorkingGroup* w = state_.working_group(state_.selection());
    ImGui::TextUnformatted(trf("Selected: {name}", {{"name", e   ? e->title
                                                             : w ? w->name
                                                                 : state_.selection()}})
                               .c_str());
  }
}

}  // namespace atlas::ui
