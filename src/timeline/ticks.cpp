// ticks.cpp — level choice, tick positions and labels for the time axis (contract and
// the reasons for the level ladder in ticks.hpp).
//
// Index
//   1. The ladder and the keep rule for day ticks
//   2. Labels
//   3. Which days carry a tick of a level
//   4. choose_level, generate_ticks
#include "timeline/ticks.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/date_edtf.hpp"

namespace atlas::timeline {

namespace {

// ---------------------------------------------------------------------------------
// 1. The ladder
// ---------------------------------------------------------------------------------
constexpr int64_t kDaySteps[] = {1, 2, 5, 10, 15};
constexpr int64_t kMonthSteps[] = {1, 2, 3, 6};
constexpr int kYearDecades = 10;  // 1, 2, 5 × 10^0 … 10^9 years
constexpr int kLevelCount = 5 + 4 + 3 * kYearDecades;

TickLevel level_at(int i) {
  if (i < 5) return {TickUnit::Day, kDaySteps[i]};
  if (i < 9) return {TickUnit::Month, kMonthSteps[i - 5]};
  i -= 9;
  int64_t p = 1;
  for (int k = 0; k < i / 3; ++k) p *= 10;
  static constexpr int64_t kMantissa[] = {1, 2, 5};
  return {TickUnit::Year, kMantissa[i % 3] * p};
}

// A day tick d = 1 + j*step of a month is kept only if at least this many days remain
// to the next month's 1st: the month-end gap never drops below ~70% of the step (so the
// 10-day level keeps February's 21st, 8 days from 1 March, and drops a 31st).
int64_t day_keep_days(int64_t step) { return (7 * step + 9) / 10; }

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// ---------------------------------------------------------------------------------
// 2. Labels
// ---------------------------------------------------------------------------------
constexpr const char* kMonthAbbrev[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Appends into a fixed buffer without ever overflowing it; labels are short, and a
// truncated label is better than an allocation every frame.
struct Writer {
  char* buf;
  int size;
  int len = 0;

  void put(std::string_view s) {
    for (char c : s) {
      if (len + 1 >= size) break;
      buf[len++] = c;
    }
    if (size > 0) buf[len] = '\0';
  }
  void put_int(int64_t v) {
    char tmp[24];
    const auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
    put(std::string_view(tmp, static_cast<size_t>(r.ptr - tmp)));
  }
  void put_year(int64_t year) {
    if (year >= 1) {
      put_int(year);
    } else {
      put_int(1 - year);  // astronomical 0 is 1 BC
      put(" BC");
    }
  }
};

int64_t year_of_day(int64_t day) {
  int64_t y;
  int m, d;
  edtf::civil_from_days(day, y, m, d);
  return y;
}

float year_label_width(int64_t year, TextWidth width) {
  char buf[24];
  Writer w{buf, sizeof buf};
  w.put_year(year);
  return width(std::string_view(buf, static_cast<size_t>(w.len)));
}

// ---------------------------------------------------------------------------------
// 3. Which days carry a tick of a level
// ---------------------------------------------------------------------------------
bool on_level(TickLevel level, int64_t year, int month, int day) {
  switch (level.unit) {
    case TickUnit::Day:
      if (day == 1) return true;
      return (day - 1) % level.step == 0 &&
             edtf::days_in_month(year, month) - day + 1 >= day_keep_days(level.step);
    case TickUnit::Month:
      return day == 1 && (month - 1) % level.step == 0;
    case TickUnit::Year:
      return day == 1 && month == 1 && floor_div(year, level.step) * level.step == year;
  }
  return false;
}

// Every level's ticks are a subset of `fine`'s ticks when this holds, which makes `fine`
// usable as the minor ticks of `coarse`.
bool nests(TickLevel coarse, TickLevel fine) {
  if (static_cast<int>(fine.unit) < static_cast<int>(coarse.unit)) return true;
  return coarse.unit == fine.unit && coarse.step % fine.step == 0;
}

// Calls f(day) for each tick of `level` on days [first, last], in order. The caller has
// chosen a level whose ticks are far enough apart that their count is bounded by the
// pane's width.
template <class F>
void for_each_tick(TickLevel level, int64_t first, int64_t last, F&& f) {
  int64_t y;
  int m, d;
  edtf::civil_from_days(first, y, m, d);
  switch (level.unit) {
    case TickUnit::Day: {
      const int64_t keep = day_keep_days(level.step);
      for (;;) {
        const int64_t month_start = edtf::days_from_civil(y, m, 1);
        if (month_start > last) return;
        const int dim = edtf::days_in_month(y, m);
        for (int64_t dd = 1; dd <= dim; dd += level.step) {
          if (dd != 1 && dim - dd + 1 < keep) break;
          const int64_t day = month_start + dd - 1;
          if (day > last) return;
          if (day >= first) f(day);
        }
        if (++m > 12) m = 1, ++y;
      }
    }
    case TickUnit::Month: {
      m = static_cast<int>((m - 1) / level.step * level.step + 1);
      for (;;) {
        const int64_t day = edtf::days_from_civil(y, m, 1);
        if (day > last) return;
        if (day >= first) f(day);
        m += static_cast<int>(level.step);
        if (m > 12) m -= 12, ++y;
      }
    }
    case TickUnit::Year: {
      for (int64_t yy = floor_div(y, level.step) * level.step;; yy += level.step) {
        const int64_t day = edtf::days_from_civil(yy, 1, 1);
        if (day > last) return;
        if (day >= first) f(day);
      }
    }
  }
}

// The widest label each level can produce around the view, measured once per call.
struct LabelWidths {
  float day = 0.0f;      // "28 Sep", widest month
  float month[12] = {};  // "Jan".."Dec"
  float quarter = 0.0f;  // "Q2".."Q4"
  float year = 0.0f;     // widest year label at either end of the view
};

LabelWidths measure(int64_t first_day, int64_t last_day, TextWidth width) {
  LabelWidths lw;
  for (int i = 0; i < 12; ++i) {
    char buf[16];
    Writer w{buf, sizeof buf};
    w.put("28 ");
    w.put(kMonthAbbrev[i]);
    lw.day = std::max(lw.day, width(std::string_view(buf, static_cast<size_t>(w.len))));
    lw.month[i] = width(kMonthAbbrev[i]);
  }
  for (const char* q : {"Q2", "Q3", "Q4"}) lw.quarter = std::max(lw.quarter, width(q));
  lw.year = std::max(year_label_width(year_of_day(first_day), width),
                     year_label_width(year_of_day(last_day), width));
  return lw;
}

float widest_label(TickLevel level, const LabelWidths& lw) {
  switch (level.unit) {
    case TickUnit::Day:
      return std::max(lw.day, lw.year);
    case TickUnit::Month: {
      float w = lw.year;  // January reads as the year
      if (level.step == 3) return std::max(w, lw.quarter);
      for (int m = 1 + static_cast<int>(level.step); m <= 12; m += static_cast<int>(level.step))
        w = std::max(w, lw.month[m - 1]);
      return w;
    }
    case TickUnit::Year:
      return lw.year;
  }
  return lw.year;
}

struct DayRange {
  int64_t first, last;
};

DayRange days_of(const TimeScale& scale, double x0, double x1) {
  const auto to_day = [&](double x) {
    const double d = std::clamp(scale.day_at(x), TimeScale::kMinDay, TimeScale::kMaxDay);
    return static_cast<int64_t>(std::floor(d));
  };
  return {to_day(std::min(x0, x1)), to_day(std::max(x0, x1))};
}

int choose_level_index(const TimeScale& scale, const LabelWidths& lw, const TickStyle& style) {
  for (int i = 0; i < kLevelCount; ++i) {
    const TickLevel level = level_at(i);
    const double gap_px = min_tick_gap_days(level) * scale.px_per_day;
    const double need =
        std::max<double>(widest_label(level, lw) + style.label_gap, style.major_min_px);
    if (gap_px >= need) return i;
  }
  return kLevelCount - 1;
}

}  // namespace

// ---------------------------------------------------------------------------------
// 4. choose_level, generate_ticks
// ---------------------------------------------------------------------------------
double min_tick_gap_days(TickLevel level) {
  switch (level.unit) {
    case TickUnit::Day:
      return static_cast<double>(std::min(level.step, day_keep_days(level.step)));
    case TickUnit::Month:
      // The shortest run of `step` months starting on a tick: February in it, not leap.
      switch (level.step) {
        case 1:
          return 28.0;
        case 2:
          return 59.0;  // Jan + Feb
        case 3:
          return 90.0;  // Jan..Mar
        default:
          return 181.0;  // Jan..Jun
      }
    case TickUnit::Year:
      return 365.0 * static_cast<double>(level.step);
  }
  return 1.0;
}

int format_tick_label(TickLevel level, int64_t day, char* buf, int size, uint8_t* boundary) {
  int64_t y;
  int m, d;
  edtf::civil_from_days(day, y, m, d);
  Writer w{buf, size};
  if (size > 0) buf[0] = '\0';
  uint8_t b = 0;
  if (level.unit == TickUnit::Year) {
    w.put_year(y);
    b = floor_div(y, level.step * 10) * level.step * 10 == y ? 3 : 2;
  } else if (m == 1 && d == 1) {
    w.put_year(y);
    b = 2;
  } else if (level.unit == TickUnit::Month && level.step == 3) {
    // Quarters: "Q2", "Q3", "Q4" (the first quarter's tick reads as the year).
    w.put("Q");
    w.put_int((m - 1) / 3 + 1);
  } else if (level.unit == TickUnit::Month) {
    w.put(kMonthAbbrev[m - 1]);
  } else {
    w.put_int(d);
    w.put(" ");
    w.put(kMonthAbbrev[m - 1]);
    b = d == 1 ? 1 : 0;
  }
  if (boundary) *boundary = b;
  return w.len;
}

TickLevel choose_level(const TimeScale& scale, TextWidth width, const TickStyle& style) {
  const DayRange r = days_of(scale, 0.0, scale.width_px);
  return level_at(choose_level_index(scale, measure(r.first, r.last, width), style));
}

void generate_ticks(const TimeScale& scale, double x0, double x1, TextWidth width,
                    const TickStyle& style, TickSet& out) {
  out.ticks.clear();
  out.context[0] = '\0';
  out.context_w = 0.0f;
  if (x1 < x0) std::swap(x0, x1);
  const DayRange r = days_of(scale, x0, x1);
  const LabelWidths lw = measure(r.first, r.last, width);
  const int major_index = choose_level_index(scale, lw, style);
  out.major = level_at(major_index);

  // Minor ticks: the finest level nested in the major one that is not too dense.
  out.has_minor = false;
  out.minor = out.major;
  for (int i = 0; i < major_index; ++i) {
    const TickLevel level = level_at(i);
    if (nests(out.major, level) &&
        min_tick_gap_days(level) * scale.px_per_day >= static_cast<double>(style.minor_min_px)) {
      out.minor = level;
      out.has_minor = true;
      break;
    }
  }

  // One walk over the finer level, in x order; a day that is also on the major level
  // becomes a major tick (majors are a subset of minors, so nothing needs sorting).
  const double eps = 1e-6;
  for_each_tick(out.minor, r.first, r.last + 1, [&](int64_t day) {
    const double x = scale.x(static_cast<double>(day));
    if (x < x0 - eps || x > x1 + eps) return;
    Tick t;
    t.day = day;
    t.x = static_cast<float>(x);
    if (out.has_minor) {
      int64_t y;
      int m, d;
      edtf::civil_from_days(day, y, m, d);
      t.major = on_level(out.major, y, m, d);
    } else {
      t.major = true;
    }
    if (t.major) {
      const int n = format_tick_label(out.major, day, t.label, sizeof t.label, &t.boundary);
      t.label_x = t.x + style.label_pad;
      t.label_w = width(std::string_view(t.label, static_cast<size_t>(n)));
    }
    out.ticks.push_back(t);
  });

  // The guarantee: drop any label that would still touch the previous one.
  float last_end = -INFINITY;
  for (Tick& t : out.ticks) {
    if (!t.major || t.label[0] == '\0') continue;
    if (t.label_x < last_end + style.label_gap) {
      t.label[0] = '\0';
      t.label_w = 0.0f;
      continue;
    }
    last_end = t.label_x + t.label_w;
  }

  // The coarser period at the left edge, for a corner label.
  if (out.major.unit != TickUnit::Year) {
    int64_t y;
    int m, d;
    edtf::civil_from_days(r.first, y, m, d);
    Writer w{out.context, sizeof out.context};
    if (out.major.unit == TickUnit::Day) {
      w.put(kMonthAbbrev[m - 1]);
      w.put(" ");
    }
    w.put_year(y);
    out.context_w = width(out.context_text());
  }
}

}  // namespace atlas::timeline
