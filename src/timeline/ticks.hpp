// ticks.hpp — the time axis's ticks and labels: which calendar unit to show at the
// current zoom, where its ticks fall (real month lengths, leap years) and where each
// label goes, so that no two labels ever overlap.
//
// Index
//   1. TextWidth: how the caller measures text (a borrowed callable or a fixed advance)
//   2. Levels: the ladder of units, days to millennia
//   3. Tick, TickSet, TickStyle
//   4. generate_ticks
//
// How a level is chosen. The ladder runs 1, 2, 5, 10, 15 days; 1, 2, 3, 6 months; 1, 2, 5,
// 10, 20, 50, 100… years. Each level has a smallest possible distance between two of its
// ticks (in days: a 10-day level puts ticks on the 1st, 11th and 21st, so February's
// 21st is 8 days from 1 March). The finest level whose smallest distance, in pixels, holds
// the widest label it can produce plus a gap wins. The test depends on the zoom only,
// never on what happens to be in view, so the labels do not change unit while the user
// pans (no flicker when February scrolls in). A last pass drops any label that would
// still overlap its neighbour (a font wider than its samples, a pane too narrow even for
// centuries): the no-overlap promise holds for any width function.
//
// Labels, why these: a label names the period that starts at its tick and sits just
// right of it, inside that period. The tick on a coarser boundary names the coarser unit,
// as d3's multi-scale format does: in a month axis January reads "2015" (not "Jan"), in
// a day axis 1 January reads "2015"; other ticks read "Jul" or "12 Jul". Those
// boundary ticks are flagged so the UI can draw them stronger. `context` names the
// coarser period at the pane's left edge ("Jul 2015" over days, "2015" over months) for
// a corner label, since the nearest boundary tick may be off screen. Years up to 0 read
// as BC like edtf::describe: 0 is "1 BC".
//
// Weeks are left out on purpose: week starts do not align with months, so a week level
// could not share minor ticks with the month levels and would jump between week and
// month boundaries as the user zooms.
#pragma once

#include <cstdint>
#include <string_view>
#include <type_traits>
#include <vector>

#include "timeline/time_scale.hpp"

namespace atlas::timeline {

// ---------------------------------------------------------------------------------
// 1. TextWidth
// ---------------------------------------------------------------------------------
// A non-owning reference to "float width(std::string_view)" (ImGui::CalcTextSize in the
// app), or a fixed advance per byte. Why not std::function: building one may allocate,
// and this is called every frame; a borrowed callable never does. Pass a lambda straight
// into the call (it lives until the call returns); do not keep a TextWidth made from a
// temporary.
class TextWidth {
 public:
  explicit TextWidth(float px_per_char) : per_char_(px_per_char) {}
  TextWidth(float (*fn)(std::string_view)) : fn_(fn) {}  // NOLINT: plain functions too

  template <class F, class G = std::remove_reference_t<F>,
            class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, TextWidth> &&
                                     !std::is_function_v<G> && !std::is_pointer_v<G> &&
                                     std::is_invocable_r_v<float, G&, std::string_view>>>
  TextWidth(F&& f)  // NOLINT(google-explicit-constructor): lambdas pass straight in
      : object_(const_cast<void*>(static_cast<const void*>(&f))),
        call_([](void* o, std::string_view s) -> float { return (*static_cast<G*>(o))(s); }) {}

  float operator()(std::string_view s) const {
    if (call_) return call_(object_, s);
    if (fn_) return fn_(s);
    return per_char_ * static_cast<float>(s.size());
  }

 private:
  void* object_ = nullptr;
  float (*call_)(void*, std::string_view) = nullptr;
  float (*fn_)(std::string_view) = nullptr;
  float per_char_ = 0.0f;
};

// ---------------------------------------------------------------------------------
// 2. Levels
// ---------------------------------------------------------------------------------
enum class TickUnit : uint8_t { Day, Month, Year };

struct TickLevel {
  TickUnit unit = TickUnit::Year;
  int64_t step = 1;  // days 1,2,5,10,15; months 1,2,3,6; years 1,2,5,10,20,50,...
};

// The smallest distance, in days, between two ticks of the level (see the top).
double min_tick_gap_days(TickLevel level);

// ---------------------------------------------------------------------------------
// 3. Tick, TickSet, TickStyle
// ---------------------------------------------------------------------------------
struct Tick {
  int64_t day = 0;  // the tick is at the start of this day: x = scale.x(day)
  float x = 0.0f;
  bool major = false;
  // How coarse a boundary the tick is on, for the UI to draw it stronger: 0 plain;
  // 1 the first of a month (day axis); 2 the start of a year; 3 a year-axis tick on a
  // multiple of ten steps (decades over years, centuries over decades).
  uint8_t boundary = 0;
  float label_x = 0.0f;  // left edge of the label (major ticks with a label)
  float label_w = 0.0f;  // its width as the TextWidth measured it; 0 when no label
  char label[20] = {};   // NUL-terminated; empty for minor ticks and dropped labels

  std::string_view text() const { return std::string_view(label); }
};

struct TickSet {
  std::vector<Tick> ticks;  // sorted by x; majors and minors interleaved
  TickLevel major;          // the chosen level
  TickLevel minor;          // equal to major when there are no minor ticks
  bool has_minor = false;
  char context[24] = {};  // the coarser period at the left edge ("Jul 2015", "2015"), or ""
  float context_w = 0.0f;

  std::string_view context_text() const { return std::string_view(context); }
};

struct TickStyle {
  float label_pad = 3.0f;      // label starts this far right of its tick
  float label_gap = 10.0f;     // least free space between two labels
  float minor_min_px = 6.0f;   // minor ticks only where they are at least this far apart
  float major_min_px = 24.0f;  // and majors at least this far, even for short labels
};

// ---------------------------------------------------------------------------------
// 4. generate_ticks
// ---------------------------------------------------------------------------------
// Fills `out` with the ticks whose x lies in [x0, x1] (pane-local pixels). `out.ticks` is
// cleared and its capacity reused: after the first frames no allocation happens.
// Labels: for consecutive labelled ticks a, b: a.label_x + a.label_w + label_gap <=
// b.label_x, whatever `width` returns.
void generate_ticks(const TimeScale& scale, double x0, double x1, TextWidth width,
                    const TickStyle& style, TickSet& out);

// The level generate_ticks would pick at this zoom (exposed for tests and tooltips).
TickLevel choose_level(const TimeScale& scale, TextWidth width, const TickStyle& style);

// Writes the label for a tick of `level` on `day` into buf (NUL-terminated, truncated to
// size); returns its length. Also gives the boundary kind (see Tick::boundary).
int format_tick_label(TickLevel level, int64_t day, char* buf, int size, uint8_t* boundary);

}  // namespace atlas::timeline
