// plan_pane.hpp — the Plan window (View > Plan): what comes next, from core/plan against
// the viewer's today (the host's clock): events in the next N days, checklist items
// overdue and due soon (each with a box to tick it), and conflicts, each row with a button that
// selects its event; and the status filter the map, the timeline and the list share (hide
// cancelled).
#pragma once

#include <cstdint>
#include <string>

#include "app/state.hpp"
#include "core/plan.hpp"

namespace atlas::ui {

class PlanPane {
 public:
  // Draws the window while *open; `today` is days since 1970-01-01 on the viewer's clock.
  void draw(AppState& state, int64_t today, bool* open);
  // The summary as last drawn (for tests and automation).
  const PlanSummary& summary() const { return summary_; }
  PlanOptions& options() { return options_; }

 private:
  void refresh(const AppState& state, int64_t today);
  void status_filter(AppState& state);
  void upcoming(AppState& state);
  void due(AppState& state, const char* heading, const std::vector<DueItem>& items, bool overdue);
  void conflicts(AppState& state);

  PlanOptions options_;
  PlanSummary summary_;
  // The summary is recomputed when the data, today or an option changes, not every frame.
  uint64_t data_version_ = ~uint64_t(0);
  PlanOptions computed_for_;
  bool computed_ = false;
};

}  // namespace atlas::ui
