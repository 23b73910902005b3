// file_dialog.hpp — a file dialog drawn with Dear ImGui, for the desktop (the web uses
// the browser's own picker): folders, a filter by extension (.json, .csv), recent files, open,
// save, and a new folder to write into (File > Publish).
#pragma once

#include <string>
#include <vector>

namespace atlas::ui {

class FileDialog {
 public:
  // NewFolder: the path of a folder to create (or an empty one); one that holds files is
  // refused there and then, so the caller never writes into someone's folder.
  enum class Mode { Open, Save, NewFolder };
  // Opens the dialog on the next draw(). `name` is the suggested file name (Save) or
  // folder name (NewFolder);
  // `extension` the files listed (".csv"; else the name's, else ".json").
  void open(Mode mode, const std::string& name = "", const std::string& extension = "");
  // Draws it while open; returns true once when the user chose a path (then path()).
  bool draw();
  const std::string& path() const { return chosen_; }
  bool is_open() const { return visible_; }
  Mode mode() const { return mode_; }
  // Recent files, newest first: the caller fills them (Session keeps them between runs).
  std::vector<std::string> recent;

 private:
  void list_folder();
  Mode mode_ = Mode::Open;
  bool visible_ = false;
  bool open_request_ = false;
  std::string folder_;
  char folder_buf_[1024] = "";
  char name_buf_[256] = "";
  std::string chosen_;
  std::string extension_ = ".json";
  std::string error_;
  struct Entry {
    std::string name;
    bool folder;
  };
  std::vector<Entry> entries_;
  bool show_all_ = false;
  std::string confirm_overwrite_;  // Save: an existing file the user must agree to replace
};

}  // namespace atlas::ui
