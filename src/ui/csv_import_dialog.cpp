// csv_import_dialog.cpp — File > Import CSV… (see csv_import_dialog.hpp).
//
// Index
//   1. Opening: a file's bytes read (or why not), the mapping guessed
//   2. The dialog: what the file was read as, then its parts, then Import / Cancel
//   3. Mapping: a combo per field, a column serving one field at most
//   4. The day/month question
//   5. Preview of the first rows, each with its state
//   6. Problems, each with its row and column
#include "ui/csv_import_dialog.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <string>

#include "core/i18n.hpp"
#include "geo/city_lookup.hpp"
#include "ui/widget_probe.hpp"

namespace atlas::ui {

namespace {

constexpr const char* kTitle = N_("Import spreadsheet");
constexpr int kPreviewRows = 5;            // with the rest, the dialog fits a 1280×800 window
constexpr size_t kMaxProblemsShown = 400;  // a 100,000-row file of errors stays drawable
const ImVec4 kErrorColour(0.85f, 0.2f, 0.2f, 1), kWarningColour(0.85f, 0.55f, 0.1f, 1);

// "A", "B"… "AA": the column as the spreadsheet names it.
std::string column_letters(int c) {
  std::string s;
  for (++c; c > 0; c = (c - 1) / 26) s.insert(s.begin(), char('A' + (c - 1) % 26));
  return s;
}

std::string column_label(const std::vector<std::string>& header, int c) {
  if (c < 0) return tr("(none)");
  std::string name = size_t(c) < header.size() ? header[size_t(c)] : "";
  return column_letters(c) + ": " + (name.empty() ? tr("(no header)") : name);
}

// What an import adds, each count in its own plural form.
i18n::Args counts(size_t events, size_t places, size_t organisations) {
  return {
      {"events", trn("{count} event", "{count} events", static_cast<long long>(events))},
      {"places", trn("{count} new place", "{count} new places", static_cast<long long>(places))},
      {"organisations", trn("{count} new organisation", "{count} new organisations",
                            static_cast<long long>(organisations))}};
}

}  // namespace

// -----------------------------------------------------------------------------------
// 1. Opening
// -----------------------------------------------------------------------------------
void CsvImportDialog::open(const std::string& name, const std::string& bytes,
                           const AppState& state) {
  ImportOptions o;
  cities_given_ = gazetteer_ && use_cities_;
  if (cities_given_) o.cities = geo::city_lookup(*gazetteer_);
  import_ = std::make_unique<SpreadsheetImport>(name, bytes, state, std::move(o));
  opening_ = true;
}

// -----------------------------------------------------------------------------------
// 2. The dialog
// -----------------------------------------------------------------------------------
void CsvImportDialog::draw(Session& session) {
  AppState& state = session.state;
  if (opening_) {
    ImGui::OpenPopup(tr(kTitle));
    opening_ = false;
  }
  if (!import_) return;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(900, 0), ImGuiCond_Appearing);
  // Never taller than the window: on a small screen it scrolls instead of losing Import.
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0),
                                      ImVec2(FLT_MAX, ImGui::GetMainViewport()->WorkSize.y - 16));
  if (!ImGui::BeginPopupModal(tr(kTitle), nullptr,
                              ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize))
    return;
  SpreadsheetImport& im = *import_;
  if (gazetteer_ && !gazetteer_->empty() && use_cities_ && !cities_given_) {
    im.set_cities(geo::city_lookup(*gazetteer_), state);  // the list arrived after opening
    cities_given_ = true;
  }
  bool close = false;
  ImGui::TextWrapped("%s", im.name().c_str());
  if (im.error()) {
    // Not readable at all: nothing of it is shown as if it were data.
    ImGui::TextColored(kErrorColour, "%s",
                       tr("This file cannot be imported. Your data is unchanged."));
    ImGui::TextWrapped("%s", im.error()->to_string().c_str());
  } else {
    const char* what = im.kind() == SpreadsheetImport::Kind::TimelineJs ? "TimelineJS JSON"
                       : im.kind() == SpreadsheetImport::Kind::TimelineSheet
                           ? tr("TimelineJS sheet")
                           : "CSV";
    if (im.table())
      ImGui::TextDisabled(
          "%s", trn("{format}, read as {encoding}; {count} row",
                    "{format}, read as {encoding}; {count} rows",
                    static_cast<long long>(im.table()->rows() ? im.table()->rows() - 1 : 0),
                    {{"format", what}, {"encoding", im.read_as()}})
                    .c_str());
    else
      ImGui::TextDisabled("%s", what);
    if (im.kind() == SpreadsheetImport::Kind::Csv && im.table()) {
      ImGui::SeparatorText(tr("Columns"));
      mapping(state);
      cities(state);
      day_month(state);
      ImGui::SeparatorText(tr("First rows"));
      preview();
    }
    problems();
    if (size_t bad = im.error_rows()) {
      bool skip = im.options().skip_bad_rows;
      std::string label = trn("Skip the {count} row with errors",
                              "Skip the {count} rows with errors", static_cast<long long>(bad)) +
                          "##skip-bad-rows";  // one id whatever the count and the language
      if (ImGui::Checkbox(label.c_str(), &skip)) im.set_skip_bad_rows(skip);
    }
  }
  ImGui::Separator();
  const ImportResult& r = im.summary();
  if (r.error.empty()) {
    i18n::Args args = counts(r.events, r.places, r.organisations);
    args.emplace_back("rows",
                      trn("{count} row", "{count} rows", static_cast<long long>(r.skipped_rows)));
    std::string what =
        r.skipped_rows ? trf("Import adds {events}, {places} and {organisations} (skipping {rows} "
                             "with errors), as one step: Edit > Undo takes it all back.",
                             args)
                       : trf("Import adds {events}, {places} and {organisations}, as one step: "
                             "Edit > Undo takes it all back.",
                             args);
    ImGui::TextWrapped("%s", what.c_str());
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColour);
    ImGui::TextWrapped("%s", (char(std::toupper(r.error[0])) + r.error.substr(1)).c_str());
    ImGui::PopStyleColor();
  }
  ImGui::BeginDisabled(!r.error.empty());
  if (ImGui::Button(tr("Import"), ImVec2(120, 0))) {
    std::string why;
    size_t events = r.events, places = r.places, orgs = r.organisations;
    if (im.apply(state, &why)) {
      i18n::Args args = counts(events, places, orgs);
      args.emplace_back("file", im.name());
      session.notices.push_back(
          {Notice::Info,
           trf("Imported {events}, {places} and {organisations} from {file}. Edit > Undo takes "
               "the whole import back.",
               args),
           false});
      close = true;
    } else {
      session.notices.push_back(
          {Notice::Error,
           trf("Nothing was imported from {file}: {why}", {{"file", im.name()}, {"why", why}}),
           false});
    }
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr("Cancel"), ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape))
    close = true;
  if (close) {
    import_.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

// Whether new places get coordinates from the offline city list: the checkbox once the
// list is here; until then that it is loading, or why it is not available.
void CsvImportDialog::cities(const AppState& state) {
  if (!gazetteer_ || gazetteer_->empty()) {
    const bool failed = gazetteer_error_ && !gazetteer_error_->empty();
    ImGui::TextDisabled("%s",
                        failed ? trf("New places get no coordinates: the offline city list is not "
                                     "available ({why}).",
                                     {{"why", *gazetteer_error_}})
                                     .c_str()
                               : tr("Loading the offline city list (coordinates for new places)…"));
  } else if (ImGui::Checkbox(tr("Give new places coordinates from the offline city list"),
                             &use_cities_)) {
    import_->set_cities(use_cities_ ? geo::city_lookup(*gazetteer_) : CityLookup(), state);
    cities_given_ = use_cities_;
  }
}

// -----------------------------------------------------------------------------------
// 3. Mapping
// -----------------------------------------------------------------------------------
void CsvImportDialog::mapping(const AppState& state) {
  SpreadsheetImport& im = *import_;
  const std::vector<std::string>& header = im.table()->header();
  if (!ImGui::BeginTable("mapping", 4, ImGuiTableFlags_SizingStretchSame)) return;
  for (size_t i = 0; i < size_t(ImportField::Count); ++i) {
    auto f = ImportField(i);
    ImGui::TableNextColumn();
    ImGui::PushID(int(i));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(field_label(f));
    ImGui::SameLine(110);
    ImGui::SetNextItemWidth(-1);
    int current = im.mapping()[f];
    std::string preview = column_label(header, current);
    // Found by automation as "<Field> column" (a combo's box has no label of its own).
    std::string probe_label = std::string(field_label(f)) + " column";
    if (ImGui::BeginCombo("##column", preview.c_str())) {
      for (int c = -1; c < int(header.size()); ++c) {
        std::string item = column_label(header, c) + "##" + std::to_string(c);
        if (ImGui::Selectable(item.c_str(), c == current) && c != current)
          im.set_column(f, c, state);
      }
      ImGui::EndCombo();
    } else {
      probe::name_last_item(probe_label.c_str());
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

// -----------------------------------------------------------------------------------
// 4. The day/month question: asked when a date reads both ways and no date settles it
// -----------------------------------------------------------------------------------
void CsvImportDialog::day_month(const AppState& state) {
  SpreadsheetImport& im = *import_;
  const ImportPlan* plan = im.plan();
  if (!plan) return;
  DayMonthOrder chosen = im.options().day_month;
  if (chosen == DayMonthOrder::Unknown && !plan->needs_day_month_choice()) {
    if (plan->day_month_evidence_row > 0)
      ImGui::TextDisabled("%s",
                          trf(plan->day_month == DayMonthOrder::DayFirst
                                  ? "Dates read day first: row {row} can only be read that way."
                                  : "Dates read month first: row {row} can only be read that way.",
                              {{"row", std::to_string(plan->day_month_evidence_row)}})
                              .c_str());
    return;
  }
  if (plan->needs_day_month_choice())
    ImGui::TextColored(kWarningColour, "%s",
                       trn("{count} date could be day/month or month/day (the first: "
                           "\"{text}\", row {row}). Which does this file use?",
                           "{count} dates could be day/month or month/day (the first: "
                           "\"{text}\", row {row}). Which does this file use?",
                           plan->ambiguous_rows,
                           {{"text", plan->first_ambiguous_text},
                            {"row", std::to_string(plan->first_ambiguous_row)}})
                           .c_str());
  else
    ImGui::TextUnformatted(tr("Dates like 03/04/2015 are read:"));
  if (ImGui::RadioButton(tr("Day first (14/07/2015)"), chosen == DayMonthOrder::DayFirst))
    im.set_day_month(DayMonthOrder::DayFirst, state);
  ImGui::SameLine();
  if (ImGui::RadioButton(tr("Month first (07/14/2015)"), chosen == DayMonthOrder::MonthFirst))
    im.set_day_month(DayMonthOrder::MonthFirst, state);
}

// -----------------------------------------------------------------------------------
// 5. Preview
// -----------------------------------------------------------------------------------
void CsvImportDialog::preview() {
  const SpreadsheetImport& im = *import_;
  const CsvTable& t = *im.table();
  const ImportPlan* plan = im.plan();
  int columns = int(std::min<size_t>(t.header().size(), 60));
  ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX |
                          ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
  // The header and kPreviewRows rows, and the horizontal scroll bar under them.
  const ImGuiStyle& style = ImGui::GetStyle();
  float row_h = ImGui::GetTextLineHeight() + style.CellPadding.y * 2 + 1;
  float height = row_h * (kPreviewRows + 1) + style.ScrollbarSize + 4;
  if (!ImGui::BeginTable("preview", columns + 2, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(2, 1);
  ImGui::TableSetupColumn(tr("Row"));
  ImGui::TableSetupColumn(tr("State"));
  for (int c = 0; c < columns; ++c) ImGui::TableSetupColumn(t.header()[size_t(c)].c_str());
  ImGui::TableHeadersRow();
  for (size_t i = 1; i < t.rows() && i <= size_t(kPreviewRows); ++i) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%zu", i + 1);
    ImGui::TableNextColumn();
    const PlannedRow* row = nullptr;
    if (plan) {  // the plan's rows are in order, blank ones left out
      auto it = std::lower_bound(plan->rows.begin(), plan->rows.end(), int(i + 1),
                                 [](const PlannedRow& r, int n) { return r.row < n; });
      if (it != plan->rows.end() && it->row == int(i + 1)) row = &*it;
    }
    if (!row)
      ImGui::TextDisabled("%s", tr("blank"));
    else if (row->has_errors())
      ImGui::TextColored(
          kErrorColour, "%s",
          trn("{count} problem", "{count} problems", static_cast<long long>(row->problems.size()))
              .c_str());
    else if (!row->problems.empty())
      ImGui::TextColored(
          kWarningColour, "%s",
          trn("{count} warning", "{count} warnings", static_cast<long long>(row->problems.size()))
              .c_str());
    else
      ImGui::TextUnformatted(tr("ok"));
    for (int c = 0; c < columns; ++c) {
      ImGui::TableNextColumn();
      const auto& record = t.records[i];
      if (size_t(c) < record.size()) {
        // One line per cell: a quoted cell's line breaks would stretch the row.
        std::string cell = record[size_t(c)].substr(0, 60);
        std::replace(cell.begin(), cell.end(), '\n', ' ');
        ImGui::TextUnformatted(cell.c_str());
      }
    }
  }
  ImGui::EndTable();
}

// -----------------------------------------------------------------------------------
// 6. Problems
// -----------------------------------------------------------------------------------
void CsvImportDialog::problems() {
  const std::vector<ImportProblem>& all = import_->problems();
  if (all.empty()) return;
  ImGui::SeparatorText(trf("Problems ({count})",
                           {{"count", i18n::format_number(static_cast<long long>(all.size()))}})
                           .c_str());
  ImGui::BeginChild("problems", ImVec2(0, 130), true);
  for (size_t i = 0; i < all.size() && i < kMaxProblemsShown; ++i) {
    const ImportProblem& p = all[i];
    bool error = p.severity == Severity::Error;
    ImGui::TextColored(error ? kErrorColour : kWarningColour, "%s",
                       error ? tr("Error") : tr("Warning"));
    ImGui::SameLine();
    std::string where = p.where();
    ImGui::TextDisabled("%s", where.empty() ? tr("the file") : where.c_str());
    ImGui::SameLine();
    ImGui::TextWrapped("%s", p.message.c_str());
  }
  if (all.size() > kMaxProblemsShown)
    ImGui::TextDisabled("%s", trn("… and {count} more", "… and {count} more",
                                  static_cast<long long>(all.size() - kMaxProblemsShown))
                                  .c_str());
  ImGui::EndChild();
}

}  // namespace atlas::ui
