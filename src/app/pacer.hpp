// pacer.hpp — how often a view may rebuild its index when the filters change every
// frame (the timeline playing through time). A rebuild that is cheap happens at once;
// one that is expensive (clustering 100,000 markers takes tens to hundreds of
// milliseconds in WebAssembly) waits a few of its own durations after the last one, and
// at least a fifth of a second, so the frames keep coming (the playhead moves smoothly)
// and the view catches up a few times a second. New data always rebuilds.
#pragma once

#include <algorithm>
#include <chrono>

namespace atlas {

// Seconds on a steady clock, for pacing (not the frame clock: a rebuild's real cost).
inline double steady_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

class RebuildPacer {
 public:
  static constexpr double kCheap = 0.004;  // s: rebuilds this fast are never held back
  static constexpr double kFactor = 3.0;   // wait this many times the last rebuild's cost
  static constexpr double kMinWait = 0.2;  // s: an expensive one waits at least this
  static constexpr double kMaxWait = 0.5;  // s: but never longer than this

  // May the view rebuild at `now` (seconds, a steady clock)?
  bool may_rebuild(double now, bool data_changed) const {
    if (data_changed || last_cost_ < kCheap) return true;
    return now - last_end_ >= std::clamp(last_cost_ * kFactor, kMinWait, kMaxWait);
  }
  // A rebuild ran from `start` to `end`.
  void rebuilt(double start, double end) {
    last_cost_ = std::max(0.0, end - start);
    last_end_ = end;
  }
  double last_cost() const { return last_cost_; }

 private:
  double last_cost_ = 0;
  double last_end_ = -1e9;
};

}  // namespace atlas
