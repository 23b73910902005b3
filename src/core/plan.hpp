// plan.hpp — what comes next: upcoming events, checklist items due and overdue, and
// conflicts between plans, against a given "today"; and the status filter the views
// share. Pure queries: the Plan pane draws their results, each naming the event (and
// checklist item) to select.
//
// Index
//   1. Status filter
//   2. Options: today, and the windows the user sets
//   3. Results: upcoming, due, conflicts
//   4. plan_summary
//
// What counts (the README's "Plans" says the same):
//   - Dates are days. An event's days are its EDTF earliest..latest days; a window of
//     possible dates ("2026-05", "2026-03/2026-04-XX") takes part as its whole window,
//     marked `window`, since it may or may not fall where it meets another. Windows with
//     an open or unknown end ("2015-07/") take no part: they meet everything.
//   - Cancelled events take no part (unless include_cancelled); neither do their items.
//   - Upcoming: events whose days meet [today, today + upcoming_days]; an event under
//     way today is upcoming with days_until <= 0.
//   - Due: unticked checklist items with a due date, by the due date's latest day:
//     overdue when it is before today, due soon within due_soon_days from today.
//   - Conflicts, between events whose days do not end before today: the same
//     organisation, or the same place, on days that overlap; two events in one country
//     (their places' country) within same_country_days of each other (a pair at the same
//     place that overlaps is listed once, as the same place).
// Results are in a fixed order (by day, then file order), whatever the file order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace atlas {

// ---------------------------------------------------------------------------------
// 1. Status filter
// ---------------------------------------------------------------------------------
// Which statuses the views show; "unknown" (no status) is one more choice. The default
// shows everything; without_cancelled() is what the filter's "hide cancelled" sets.
class StatusFilter {
 public:
  static StatusFilter all() { return StatusFilter(kAll); }
  static StatusFilter without_cancelled();
  bool shows(const Event& e) const { return shows(e.status); }
  bool shows(std::optional<EventStatus> s) const { return (bits_ & bit(s)) != 0; }
  void set(std::optional<EventStatus> s, bool shown) {
    bits_ = shown ? (bits_ | bit(s)) : (bits_ & ~bit(s));
  }
  bool shows_all() const { return bits_ == kAll; }
  bool operator==(const StatusFilter& o) const { return bits_ == o.bits_; }

 private:
  static constexpr uint32_t kUnknownBit = 1u << size_t(EventStatus::Count);
  static constexpr uint32_t kAll = (kUnknownBit << 1) - 1;
  explicit StatusFilter(uint32_t bits) : bits_(bits) {}
  static uint32_t bit(std::optional<EventStatus> s) { return s ? 1u << size_t(*s) : kUnknownBit; }
  uint32_t bits_;
};

// ---------------------------------------------------------------------------------
// 2. Options
// ---------------------------------------------------------------------------------
struct PlanOptions {
  int64_t today = 0;           // days since 1970-01-01 on the viewer's clock (day_in_zone)
  int upcoming_days = 30;      // "the next N days"
  int due_soon_days = 7;       // an item due within this many days is due soon
  int same_country_days = 14;  // two events in one country this close are a conflict
  bool include_cancelled = false;
};

// ---------------------------------------------------------------------------------
// 3. Results
// ---------------------------------------------------------------------------------
struct Upcoming {
  std::string event;      // id, to select
  int64_t first_day = 0;  // the event's days (a window's whole span)
  int64_t last_day = 0;
  int64_t days_until = 0;  // first_day - today: 0 today, negative when under way
  bool window = false;     // a window of possible dates, not exact days
};

struct DueItem {
  std::string event;      // id, to select
  size_t item = 0;        // index in the event's checklist
  int64_t due_day = 0;    // the due date's latest day
  int64_t days_left = 0;  // due_day - today: negative when overdue
  bool deadline = false;
};

enum class ConflictKind { SameOrganisation, SamePlace, SameCountry };

struct Conflict {
  ConflictKind kind = ConflictKind::SamePlace;
  std::string first, second;  // event ids, the earlier first
  std::string shared;         // the organisation id, place id or country code
  bool window = false;        // one of them is a window: they may not clash after all
  int64_t gap_days = 0;       // SameCountry: days between them (0 when they overlap)
  std::string text;           // a sentence for the Plan pane
};

struct PlanSummary {
  std::vector<Upcoming> upcoming;   // by first day, last day, file order
  std::vector<DueItem> overdue;     // by due day (oldest first), file order, item order
  std::vector<DueItem> due_soon;    // the same order
  std::vector<Conflict> conflicts;  // by the first event's days, then the second's, kind
  bool conflicts_capped = false;    // more than kMaxConflicts: the rest are not listed
};

inline constexpr size_t kMaxConflicts = 1000;

// ---------------------------------------------------------------------------------
// 4. plan_summary
// ---------------------------------------------------------------------------------
PlanSummary plan_summary(const Dataset& d, const PlanOptions& options);

// "Thailand Roundtable and ASEAN Forum both involve PayPal on overlapping days" and the
// like; names looked up in d.
std::string conflict_text(const Dataset& d, const Conflict& c);

}  // namespace atlas
