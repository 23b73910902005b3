// csv_import_dialog.hpp — File > Import CSV…: a spreadsheet (or a TimelineJS file) on
// its way in, shown before anything changes. The columns each field is read from
// (guessed, changeable), a preview of the first rows, every problem with its row and
// column, the day/month question when dates are ambiguous, and "skip the rows with
// errors"; Import adds everything as one undo step (app/spreadsheet_import).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/session.hpp"
#include "app/spreadsheet_import.hpp"
#include "geo/gazetteer.hpp"

namespace atlas::ui {

class CsvImportDialog {
 public:
  // The offline city list, once the host has it: new places get its coordinates (also
  // when it arrives after the dialog opened). `why`: why it is not available, or "".
  void set_gazetteer(const geo::Gazetteer* g, const std::string* why) {
    gazetteer_ = g;
    gazetteer_error_ = why;
  }
  // Starts on a file's bytes (the picker's, a drop's, the desktop dialog's).
  void open(const std::string& name, const std::string& bytes, const AppState& state);
  bool is_open() const { return import_ != nullptr; }
  // Draws the dialog while open; Import changes `session.state` (one step) and says so
  // in its notices.
  void draw(Session& session);
  // What the dialog holds (tests, window.atlas): null when closed.
  const SpreadsheetImport* current() const { return import_.get(); }

 private:
  void mapping(const AppState& state);
  void cities(const AppState& state);
  void day_month(const AppState& state);
  void preview();
  void problems();
  std::unique_ptr<SpreadsheetImport> import_;
  const geo::Gazetteer* gazetteer_ = nullptr;
  const std::string* gazetteer_error_ = nullptr;
  bool use_cities_ = true;
  bool cities_given_ = false;  // the import has the city list's lookup
  bool opening_ = false;       // the popup opens on the next draw
};

}  // namespace atlas::ui
