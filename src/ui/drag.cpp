// drag.cpp — see drag.hpp.
#include "ui/drag.hpp"

#include <imgui.h>

namespace atlas::ui {

bool dragged() { return ImGui::GetIO().MouseDragMaxDistanceSqr[0] > 9.0f; }

bool item_drag(float& dx, float& dy) {
  if (!ImGui::IsItemActive() || !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) return false;
  dx = ImGui::GetIO().MouseDelta.x;
  dy = ImGui::GetIO().MouseDelta.y;
  return true;
}

}  // namespace atlas::ui
