// about.cpp — Help > About: the version, where the app runs, and the credits the licences
// of its parts ask for (AppUI; see app_ui.hpp).
#include <imgui.h>

#include "core/i18n.hpp"
#include "ui/app_ui.hpp"

#ifndef ATLAS_VERSION
#define ATLAS_VERSION "dev"
#endif

namespace atlas::ui {

void AppUI::about_popup() {
  if (open_about_) {
    ImGui::OpenPopup(tr("About Coalition Atlas"));
    open_about_ = false;
  }
  ImVec2 center = ImGui::GetMainViewport()->GetCenter();
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(460, 0));
  if (!ImGui::BeginPopupModal(tr("About Coalition Atlas"), nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
    return;
  ImGui::PushFont(fonts_.heading);
  ImGui::TextUnformatted(trf("Coalition Atlas {version}", {{"version", ATLAS_VERSION}}).c_str());
  ImGui::PopFont();
  ImGui::TextWrapped(
      "%s",
      tr("The story of a regional coalition — its roundtables, working groups and forum "
         "appearances — on a map and a timeline. One C++ program for the web and the desktop."));
  ImGui::Spacing();
  ImGui::TextUnformatted(
      trf("Running on: {platform}", {{"platform", host_.abilities().name}}).c_str());
  ImGui::TextUnformatted(
      trf("Dataset format version: {version}", {{"version", std::to_string(kFormatVersion)}})
          .c_str());
  ImGui::TextUnformatted(trf("Dear ImGui {version}", {{"version", IMGUI_VERSION}}).c_str());
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped(
      "%s",
      tr("Built with Dear ImGui (MIT), SDL2 (zlib), nlohmann/json (MIT). Fonts: Noto Sans and "
         "Noto Sans Thai (SIL Open Font License 1.1). Basemap: Natural Earth (public domain), via "
         "world-atlas. Place names and positions: GeoNames (geonames.org), CC BY 4.0 — "
         "https://creativecommons.org/licenses/by/4.0/ On the web, File > Publish uses fflate "
         "(MIT) and js-sha256 (MIT)."));
  ImGui::PopStyleColor();
  ImGui::Spacing();
  if (ImGui::Button(tr("Close"), ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace atlas::ui
