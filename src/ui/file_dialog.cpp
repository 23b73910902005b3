// file_dialog.cpp — see file_dialog.hpp.
#include "ui/file_dialog.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "core/i18n.hpp"

namespace fs = std::filesystem;

namespace atlas::ui {

void FileDialog::open(Mode mode, const std::string& name, const std::string& extension) {
  mode_ = mode;
  open_request_ = true;
  visible_ = true;
  chosen_.clear();
  error_.clear();
  confirm_overwrite_.clear();
  if (folder_.empty()) {
    std::error_code ec;
    const char* home = std::getenv("HOME");
    folder_ = home ? home : fs::current_path(ec).string();
  }
  std::snprintf(name_buf_, sizeof name_buf_, "%s", name.c_str());
  extension_ = extension.empty() ? fs::path(name).extension().string() : extension;
  if (extension_.empty()) extension_ = ".json";
  list_folder();
}

void FileDialog::list_folder() {
  entries_.clear();
  std::snprintf(folder_buf_, sizeof folder_buf_, "%s", folder_.c_str());
  std::error_code ec;
  for (fs::directory_iterator it(folder_, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // hidden files stay hidden
    bool folder = it->is_directory(ec);
    bool listed = mode_ != Mode::NewFolder && fs::path(name).extension() == extension_;
    if (folder || listed || show_all_) entries_.push_back({name, folder});
  }
  if (ec) error_ = trf("This folder cannot be read: {why}", {{"why", ec.message()}});
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    return a.folder != b.folder ? a.folder : a.name < b.name;
  });
}

bool FileDialog::draw() {
  const char* title = mode_ == Mode::Open   ? tr("Open a dataset")
                      : mode_ == Mode::Save ? tr("Export the dataset")
                                            : tr("A new folder for the site");
  if (open_request_) {
    ImGui::OpenPopup(title);
    open_request_ = false;
  }
  ImVec2 center = ImGui::GetMainViewport()->GetCenter();
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(640, 460), ImGuiCond_Appearing);
  bool chosen = false;
  if (!ImGui::BeginPopupModal(title, &visible_)) return false;

  if (ImGui::Button(tr("Up")) && fs::path(folder_).has_parent_path()) {
    folder_ = fs::path(folder_).parent_path().string();
    list_folder();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputText("##folder", folder_buf_, sizeof folder_buf_,
                       ImGuiInputTextFlags_EnterReturnsTrue)) {
    folder_ = folder_buf_;
    error_.clear();
    list_folder();
  }
  float footer = ImGui::GetFrameHeightWithSpacing() * 2 + 8;
  if (!recent.empty() && mode_ == Mode::Open) {
    ImGui::BeginChild("recent", ImVec2(200, -footer), true);
    ImGui::TextDisabled("%s", tr("Recent files"));
    for (const auto& r : recent) {
      if (ImGui::Selectable(fs::path(r).filename().string().c_str())) {
        chosen_ = r;
        chosen = true;
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.c_str());
    }
    ImGui::EndChild();
    ImGui::SameLine();
  }
  ImGui::BeginChild("entries", ImVec2(0, -footer), true);
  for (const auto& e : entries_) {
    std::string label = (e.folder ? "[folder]  " : "") + e.name;
    bool selected = !e.folder && e.name == name_buf_;
    if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
      if (e.folder) {
        if (ImGui::IsMouseDoubleClicked(0)) {
          folder_ = (fs::path(folder_) / e.name).string();
          list_folder();
          break;
        }
      } else {
        std::snprintf(name_buf_, sizeof name_buf_, "%s", e.name.c_str());
        if (ImGui::IsMouseDoubleClicked(0)) {
          chosen_ = (fs::path(folder_) / e.name).string();
          chosen = true;
        }
      }
    }
  }
  if (entries_.empty())
    ImGui::TextDisabled(
        "%s", mode_ == Mode::NewFolder
                  ? tr("No folders here.")
                  : trf("No {extension} files here.", {{"extension", extension_}}).c_str());
  ImGui::EndChild();
  if (!error_.empty()) ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.2f, 1), "%s", error_.c_str());
  bool agreed = false;  // the user already said "Replace"
  if (!confirm_overwrite_.empty()) {
    // Save over an existing file only when the user says so.
    ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1), "%s",
                       trf("{file} already exists. Replace it?",
                           {{"file", fs::path(confirm_overwrite_).filename().string()}})
                           .c_str());
    ImGui::SameLine();
    if (ImGui::Button(tr("Replace"))) {
      chosen_ = confirm_overwrite_;
      chosen = agreed = true;
      confirm_overwrite_.clear();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel"))) confirm_overwrite_.clear();
  } else {
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 220);
    ImGui::InputText("##name", name_buf_, sizeof name_buf_);
    ImGui::SameLine();
    if (mode_ != Mode::NewFolder && ImGui::Checkbox(tr("All files"), &show_all_)) list_folder();
    ImGui::SameLine();
    const char* action = mode_ == Mode::Open   ? tr("Open")
                         : mode_ == Mode::Save ? tr("Save")
                                               : tr("Choose");
    if (ImGui::Button(action, ImVec2(80, 0)) && name_buf_[0]) {
      chosen_ = (fs::path(folder_) / name_buf_).string();
      chosen = true;
    }
  }
  if (ImGui::IsKeyPressed(ImGuiKey_Escape)) visible_ = false;
  if (chosen && mode_ == Mode::NewFolder) {
    std::error_code ec;
    if (fs::exists(chosen_, ec) && (!fs::is_directory(chosen_, ec) || !fs::is_empty(chosen_, ec))) {
      const i18n::Args name = {{"name", fs::path(chosen_).filename().string()}};
      error_ = fs::is_directory(chosen_, ec)
                   ? trf("{name} holds files: give a new or empty folder's name.", name)
                   : trf("{name} is a file: give a new or empty folder's name.", name);
      chosen = false;
    }
  }
  if (chosen && mode_ == Mode::Save) {
    // Save keeps the suggested name's extension (.json, .png) when the user leaves it off.
    if (fs::path(chosen_).extension().empty()) chosen_ += extension_;
    std::error_code ec;
    if (!agreed && fs::exists(chosen_, ec)) {
      confirm_overwrite_ = chosen_;
      chosen = false;
    }
  }
  if (chosen) visible_ = false;
  if (!visible_) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return chosen;
}

}  // namespace atlas::ui
