// dialogs.cpp — files in and out, and the modal dialogs (AppUI; see app_ui.hpp).
//
// Index
//   1. Files: open (the browser's picker or the file dialog), export JSON, a copy that
//      could not be read, a PNG; the file dialog's answer
//   2. Import problems: what and where, the current data untouched
//   3. Import with warnings: ask first
//   4. Changed in another tab: the user chooses
//   5. Replace the data (New, Reset to sample, Make a copy of a shared link): ask first;
//      Restore previous data (a swap, so it need not ask)
//   6. Quit with a change that could not be stored: ask first
#include <imgui.h>

#include <ctime>
#include <utility>

#include "core/i18n.hpp"
#include "core/ical.hpp"
#include "ui/app_ui.hpp"

namespace atlas::ui {

namespace {

constexpr ImGuiWindowFlags kModal =
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;

// The next window in the middle of the screen, `width` wide, when it appears.
void centered(float width) {
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Appearing);
}

bool ends_with(const std::string& s, const char* tail) {
  const std::string t = tail;
  return s.size() > t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

}  // namespace

// -----------------------------------------------------------------------------------
// 1. Files
// -----------------------------------------------------------------------------------
void AppUI::open_file() {
  if (!host_.abilities().browser_files || !host_.open_file_picker()) {
    file_dialog_.recent = session_.recent_files();
    file_dialog_.open(FileDialog::Mode::Open);
  }
}

// export_text_ as a download (web), else through the save dialog (desktop).
void AppUI::save_or_download(const std::string& name) {
  if (!host_.abilities().browser_files || !host_.offer_download(name, export_text_))
    file_dialog_.open(FileDialog::Mode::Save, name);
}

void AppUI::export_json() {
  export_text_ = state_.export_json();
  save_or_download(session_.export_filename(std::time(nullptr)));
}

void AppUI::export_corrupt_copy() {
  std::optional<std::string> copy = session_.corrupt_copy();
  if (!copy) {  // kept, but still being read (the web reads it after the first frame)
    session_.notices.push_back(
        {Notice::Error, tr("The unreadable copy is still being read; try again in a moment.")});
    return;
  }
  export_text_ = std::move(*copy);
  save_or_download("unreadable-copy.json");
}

void AppUI::offer_png(std::vector<uint8_t> png) {
  export_text_.assign(png.begin(), png.end());
  std::string name = session_.export_filename(std::time(nullptr));
  save_or_download(name.substr(0, name.size() - 5) + ".png");  // "….json" -> "….png"
}

// File > Export calendar (.ics): the events with exact days or times (core/ical); the
// user is told what was left out (windows of possible dates, no date) and why.
void AppUI::export_calendar() {
  IcalOptions options;
  options.now_utc = host_.clock().utc;
  options.zones = zones_;
  options.statuses = state_.filters().statuses;
  IcalReport report;
  export_text_ = export_ical(state_.dataset, options, &report);
  std::string name = session_.export_filename(std::time(nullptr));
  save_or_download(name.substr(0, name.size() - 5) + ".ics");  // "….json" -> "….ics"
  const size_t left = report.windows.size() + report.other.size();
  auto number = [](size_t n) { return i18n::format_number(static_cast<long long>(n)); };
  const long long held = static_cast<long long>(report.exported);
  std::string text =
      left == 0
          ? trn("The calendar holds {count} event.", "The calendar holds {count} events.", held)
          : trn("The calendar holds {count} event; {left} left out ({windows} known only as a "
                "window of possible dates, which a calendar would show as a duration; {other} "
                "with no date a calendar can hold).",
                "The calendar holds {count} events; {left} left out ({windows} known only as a "
                "window of possible dates, which a calendar would show as a duration; {other} "
                "with no date a calendar can hold).",
                held,
                {{"left", number(left)},
                 {"windows", number(report.windows.size())},
                 {"other", number(report.other.size())}});
  session_.notices.push_back({Notice::Info, text, false});
}

// The desktop's file dialog: open reads and imports; save writes what was exported.
void AppUI::file_dialog_result() {
  if (!file_dialog_.draw()) {
    if (!file_dialog_.is_open()) publish_to_folder_ = false;  // closed without a choice
    return;
  }
  const std::string& path = file_dialog_.path();
  if (std::exchange(publish_to_folder_, false)) {
    publish_now(path);
    return;
  }
  if (file_dialog_.mode() == FileDialog::Mode::Save) {
    std::string error = host_.write_file(path, export_text_);
    export_text_.clear();
    if (error.empty() && ends_with(path, ".json")) session_.remember_file(path);
    session_.notices.push_back(
        error.empty()
            ? Notice{Notice::Info, trf("Exported to {path}.", {{"path", path}}) + export_notes_,
                     false}
            : Notice{Notice::Error, trf("Export failed: {why}", {{"why", error}}), false});
    export_notes_.clear();
    return;
  }
  std::string text;
  if (!host_.read_file(path, text))
    session_.import_failed(path, tr("the file could not be read"));
  else if (auto r = session_.import_text(text, path);
           r == Session::ImportResult::Replaced || r == Session::ImportResult::NeedsConfirmation)
    session_.remember_file(path);  // Open's recent files are datasets, not spreadsheets
}

void AppUI::dialogs() {
  file_dialog_result();
  // A spreadsheet opened by any path (File > Import CSV, Open, a drop) goes to its dialog.
  csv_import_.set_gazetteer(editor_.gazetteer(), &editor_.gazetteer_error());
  if (auto sheet = session_.take_spreadsheet()) csv_import_.open(sheet->name, sheet->bytes, state_);
  csv_import_.draw(session_);
  import_problems_dialog();
  import_warnings_dialog();
  conflict_dialog();
  replace_dialog();
  quit_dialog();
  publish_dialog();
}

// -----------------------------------------------------------------------------------
// 2. Import problems
// -----------------------------------------------------------------------------------
void AppUI::import_problems_dialog() {
  const auto& diags = session_.import_diagnostics();
  if (!diags.empty() && !session_.pending_import() && !ImGui::IsPopupOpen(tr("Import problems")))
    ImGui::OpenPopup(tr("Import problems"));
  centered(640);
  if (!ImGui::BeginPopupModal(tr("Import problems"), nullptr, kModal)) return;
  ImGui::TextWrapped("%s", trf("{file} could not be opened. Your current data is unchanged.",
                               {{"file", session_.import_name()}})
                               .c_str());
  ImGui::Separator();
  ImGui::BeginChild("diags", ImVec2(0, 260), false);
  for (const auto& d : diags) {
    std::string where =
        d.line > 0 ? trf("line {line}, column {column}",
                         {{"line", std::to_string(d.line)}, {"column", std::to_string(d.column)}})
                   : (d.pointer.empty() ? tr("the file") : d.pointer);
    ImGui::TextColored(d.severity == Severity::Error ? ImVec4(0.85f, 0.2f, 0.2f, 1)
                                                     : ImVec4(0.85f, 0.55f, 0.1f, 1),
                       "%s", d.severity == Severity::Error ? tr("Error") : tr("Warning"));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", where.c_str());
    ImGui::Indent();
    ImGui::TextWrapped("%s", d.message.c_str());
    ImGui::Unindent();
  }
  ImGui::EndChild();
  if (ImGui::Button(tr("Close"), ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    session_.clear_import_diagnostics();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

// -----------------------------------------------------------------------------------
// 3. Import with warnings
// -----------------------------------------------------------------------------------
void AppUI::import_warnings_dialog() {
  if (session_.pending_import() && !ImGui::IsPopupOpen(tr("Import with warnings?")))
    ImGui::OpenPopup(tr("Import with warnings?"));
  centered(640);
  if (!ImGui::BeginPopupModal(tr("Import with warnings?"), nullptr, kModal)) return;
  if (!session_.pending_import()) {  // replaced by a newer import (see Session::import_text)
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  if (const PendingImport* p = session_.pending_import()) {
    ImGui::TextWrapped(
        "%s", trn("{file} can be opened, but it has {count} warning. Opening it replaces the "
                  "current data.",
                  "{file} can be opened, but it has {count} warnings. Opening it replaces the "
                  "current data.",
                  static_cast<long long>(p->diagnostics.size()), {{"file", p->name}})
                  .c_str());
    ImGui::BeginChild("warnings", ImVec2(0, 200), true);
    for (const auto& d : p->diagnostics) ImGui::TextWrapped("%s", d.to_string().c_str());
    ImGui::EndChild();
  }
  if (ImGui::Button(tr("Open it"), ImVec2(120, 0))) {
    session_.confirm_import();
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr("Cancel"), ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    session_.cancel_import();
    session_.clear_import_diagnostics();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

// -----------------------------------------------------------------------------------
// 4. Changed in another tab: never decide for the user
// -----------------------------------------------------------------------------------
void AppUI::conflict_dialog() {
  if (session_.conflict() && !ImGui::IsPopupOpen(tr("Changed in another tab")))
    ImGui::OpenPopup(tr("Changed in another tab"));
  centered(560);
  if (!ImGui::BeginPopupModal(tr("Changed in another tab"), nullptr, kModal)) return;
  ImGui::TextWrapped(
      "%s", tr("The data was changed and saved in another tab or window, and this one has changes "
               "that are not saved yet. Which should be kept?"));
  if (ImGui::Button(tr("Use the other tab's data"))) {
    session_.take_theirs();
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr("Keep this tab's data"))) {
    session_.keep_mine();
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr("Export this tab's data…"))) export_json();
  ImGui::EndPopup();
}

// -----------------------------------------------------------------------------------
// 5. Replace the data: New and Reset replace everything, so ask
// -----------------------------------------------------------------------------------
void AppUI::replace_dialog() {
  if (confirm_ != Confirm::None && !ImGui::IsPopupOpen(tr("Replace the data?")))
    ImGui::OpenPopup(tr("Replace the data?"));
  centered(480);
  if (!ImGui::BeginPopupModal(tr("Replace the data?"), nullptr, kModal)) return;
  const bool copy = confirm_ == Confirm::Copy;
  ImGui::TextWrapped("%s", copy ? tr("Make this shared link's data your own, to edit? It "
                                     "replaces the data you have in this browser, which is "
                                     "kept: File > Restore previous data brings it back.")
                           : confirm_ == Confirm::New
                               ? tr("Start a new, empty dataset? The current data will be "
                                    "replaced. Export it first if you want to keep a copy.")
                               : tr("Replace the current data with the sample dataset? Export "
                                    "it first if you want to keep a copy."));
  const char* yes = copy                       ? tr("Make the copy")
                    : confirm_ == Confirm::New ? tr("Start empty")
                                               : tr("Reset to sample");
  if (ImGui::Button(yes, ImVec2(150, 0))) {
    if (copy)
      copy_now();
    else if (confirm_ == Confirm::New)
      session_.new_dataset();
    else
      session_.reset_to_sample();
    confirm_ = Confirm::None;
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  // (A shared link's export would be the link's data, not the user's: not offered there.)
  if (!copy && ImGui::Button(tr("Export first…"), ImVec2(130, 0))) export_json();
  if (!copy) ImGui::SameLine();
  if (ImGui::Button(tr("Cancel"), ImVec2(100, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    confirm_ = Confirm::None;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

// -----------------------------------------------------------------------------------
// 6. Quit with a change that could not be stored (the store is full or failing, or another
//    window's save waits for the user's choice): never lose it silently
// -----------------------------------------------------------------------------------
void AppUI::quit_dialog() {
  if (asking_quit_ && !ImGui::IsPopupOpen(tr("Quit without saving?")))
    ImGui::OpenPopup(tr("Quit without saving?"));
  centered(520);
  if (!ImGui::BeginPopupModal(tr("Quit without saving?"), nullptr, kModal)) return;
  ImGui::TextWrapped(
      "%s", tr("Your latest changes could not be saved, so quitting now would lose them. Export "
               "them to a file first, or quit without saving."));
  if (ImGui::Button(tr("Export first…"), ImVec2(130, 0))) export_json();
  ImGui::SameLine();
  if (ImGui::Button(tr("Quit without saving"), ImVec2(170, 0))) {
    quit_confirmed_ = quit_ = true;
    asking_quit_ = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr("Cancel"), ImVec2(100, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    asking_quit_ = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void AppUI::request_copy() {
  if (session_.has_own_data())
    confirm_ = Confirm::Copy;
  else
    copy_now();
}

void AppUI::copy_now() {
  std::string why = session_.make_copy();
  if (!why.empty())
    session_.notices.push_back({Notice::Error, trf("No copy was made: {why}.", {{"why", why}})});
}

void AppUI::restore_previous() {
  std::string why = session_.restore_previous();
  if (!why.empty())
    session_.notices.push_back(
        {Notice::Error, trf("Nothing was restored: {why}.", {{"why", why}})});
}

}  // namespace atlas::ui
