// export_menu.cpp — File > Import CSV… and File > Export: the dataset in other tools'
// formats, through core/formats (the registry `atlas convert` uses), saved as Export JSON
// is (a download on the web, the save dialog on the desktop). Each export says what it
// left out (the registry's notes). (AppUI; see app_ui.hpp.)
//
// Index
//   1. Import CSV: the picker or the file dialog; the file goes to CsvImportDialog
//   2. The Export submenu
//   3. One export: write, say what was left out, save
#include <imgui.h>

#include <ctime>

#include "core/formats.hpp"
#include "core/i18n.hpp"
#include "ui/app_ui.hpp"

namespace atlas::ui {

// -----------------------------------------------------------------------------------
// 1. Import CSV
// -----------------------------------------------------------------------------------
// The chosen file arrives as any import does (Session::import_text), which hands a
// spreadsheet or a TimelineJS file to the import dialog instead of opening it.
void AppUI::import_csv() {
  if (!host_.abilities().browser_files || !host_.open_file_picker()) {
    file_dialog_.recent.clear();
    file_dialog_.open(FileDialog::Mode::Open, "", ".csv");
  }
}

// -----------------------------------------------------------------------------------
// 2. The Export submenu
// -----------------------------------------------------------------------------------
void AppUI::export_menu() {
  if (!ImGui::BeginMenu(tr("Export"))) return;
  const CsvTableKind tables[] = {CsvTableKind::Events, CsvTableKind::Places,
                                 CsvTableKind::Organisations, CsvTableKind::WorkingGroups};
  const char* labels[] = {"CSV: events", "CSV: places", "CSV: organisations",
                          "CSV: working groups"};
  for (size_t i = 0; i < 4; ++i)
    if (ImGui::MenuItem(labels[i])) export_as("csv", ".csv", tables[i]);
  ImGui::MenuItem(tr("CSV for Excel (UTF-8 with BOM)"), nullptr, &export_excel_);
  ImGui::Separator();
  if (ImGui::MenuItem(tr("TimelineJS JSON"))) export_as("timelinejs", ".timeline.json", {});
  if (ImGui::MenuItem(tr("GeoJSON"))) export_as("geojson", ".geojson", {});
  if (ImGui::MenuItem(tr("KML"))) export_as("kml", ".kml", {});
  if (ImGui::MenuItem(tr("StoryMapJS (the story)"), nullptr, false,
                      !state_.dataset.stories.empty()))
    export_as("storymap", ".storymap.json", {});
  ImGui::EndMenu();
}

// -----------------------------------------------------------------------------------
// 3. One export
// -----------------------------------------------------------------------------------
void AppUI::export_as(const char* format, const char* extension, CsvTableKind table) {
  const Format* f = find_format(format);
  if (!f || !f->write) return;
  ConvertOptions o;
  o.table = table;
  o.excel = export_excel_;
  WriteOutcome w = f->write(state_.dataset, o);
  if (!w.error.empty()) {
    session_.notices.push_back(
        {Notice::Error, trf("Export failed: {why}", {{"why", w.error}}), false});
    return;
  }
  std::string name = session_.export_filename(std::time(nullptr));  // "….json"
  name = name.substr(0, name.size() - 5);
  if (std::string(format) == "csv") name += std::string("-") + csv_table_name(table);
  name += extension;
  std::string notes;
  for (const auto& n : w.notes)
    notes += " " + std::string(1, char(std::toupper(n[0]))) + n.substr(1) + ".";
  export_text_ = std::move(w.bytes);
  export_notes_ = notes;
  save_or_download(name);
  if (host_.abilities().browser_files && !file_dialog_.is_open()) {
    session_.notices.push_back(
        {Notice::Info, trf("Exported {name}.", {{"name", name}}) + notes, false});
    export_notes_.clear();
  }
}

}  // namespace atlas::ui
