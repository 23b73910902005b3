// drag.hpp — one rule, for the map and the timeline alike, for telling a drag from a
// click and for the pointer's movement while a view is dragged.
#pragma once

namespace atlas::ui {

// Whether the left button's current (or just finished) press moved far enough to be a
// drag rather than a click (more than 3 px from where it went down).
bool dragged();

// While the last item drawn is held with the left button and the pointer has moved more
// than 2 px since the press: this frame's movement in px, and true. False otherwise (a
// press that has not moved yet may still become a click).
bool item_drag(float& dx, float& dy);

}  // namespace atlas::ui
