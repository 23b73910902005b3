// cluster.hpp — map markers: stacking events at one place, clustering per zoom level,
// the per-frame query of what is in view, and hit testing.
//
// Index
//   1. Input, options, what a frame gets
//   2. ClusterIndex: build once per data change, query every frame
//   3. Hit testing and marker size
//
// Why precomputed: the map must stay under 8 ms a frame with 100,000 markers in
// WebAssembly. Like supercluster (Mapbox), the clusters of every integer zoom are built
// once, greedily merging neighbours within a screen radius, each zoom from the finer one
// below it (so clusters nest: a cluster is a union of the next zoom's); a frame only asks
// a static k-d tree for the clusters of its zoom inside the view, writing into a buffer
// the caller owns: no allocation per frame, cost ~ log n + what is visible. Measured with
// 100,000 markers (tests/geo/bench_geo.cpp, -O2): build 110-220 ms natively, 140-260 ms in
// WebAssembly (node); a frame's query ~1 us median, ~10 us p99, in both.
//
// Stacks: markers with the same place key are one stack, always together at every zoom
// (several events at one place show as one marker with a count). Clusters are sets of
// whole stacks. Stacks and items are stored in the tree's depth-first order, so every
// cluster at every zoom owns one contiguous range of stacks and of items.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/projection.hpp"

namespace atlas::geo {

// ---------------------------------------------------------------------------------
// 1. Input, options, output
// ---------------------------------------------------------------------------------
struct MarkerPoint {
  Vec2 world;           // projection.hpp world coordinates (x any copy; y in [0, 1])
  std::uint32_t item;   // the caller's handle (an event index), returned by items()
  std::uint32_t place;  // items with equal keys stack; the first one's position is used
};

struct ClusterOptions {
  double radius_px = 40;  // markers closer than this on screen merge
  int min_zoom = 0;       // clusters are built for min_zoom .. max_zoom; beyond max_zoom
  int max_zoom = 16;      // every stack shows on its own (level max_zoom + 1)
};

// One marker to draw: a cluster of several places, or one place (a stack of `count`).
struct VisibleMarker {
  Vec2 screen;           // px in the camera's viewport
  Vec2 world;            // the drawn copy: x may be outside [0, 1)
  std::uint32_t count;   // items inside (events)
  std::uint32_t places;  // stacks inside: 1 = one place (a stack when count > 1)
  std::uint32_t node;    // with level: the handle for items() and expansion_zoom()
  std::int32_t level;
};

struct ItemSpan {
  const std::uint32_t* data = nullptr;  // the MarkerPoint::item values
  std::size_t size = 0;
  const std::uint32_t* begin() const { return data; }
  const std::uint32_t* end() const { return data + size; }
};

// ---------------------------------------------------------------------------------
// 2. ClusterIndex
// ---------------------------------------------------------------------------------
class ClusterIndex {
 public:
  // Builds every level. O(n log n) time per level that changes (levels where nothing merges
  // share the one below: their storage and their k-d tree). Points with a non-finite
  // position are skipped. Replaces whatever was built before.
  void build(const MarkerPoint* points, std::size_t count, const ClusterOptions& options = {});
  void clear();

  // The level a camera zoom draws: floor(zoom), clamped to [min_zoom, max_zoom + 1]; floor,
  // so on screen clusters are never closer than the radius they were built with.
  int level_for_zoom(double zoom) const;

  // The markers of level_for_zoom(camera.zoom) whose centre lies in the viewport widened by
  // margin_px (pass the largest marker radius so edge markers do not pop), once per visible
  // world copy. Writes the first `capacity` to `out` and returns how many there are, which
  // can be larger: then grow the buffer and ask again. Allocates nothing.
  std::size_t query(const Camera& camera, VisibleMarker* out, std::size_t capacity,
                    double margin_px = 0) const;

  // The items of a marker (of any level), contiguous, stack by stack.
  ItemSpan items(const VisibleMarker& m) const { return items(m.level, m.node); }
  ItemSpan items(int level, std::uint32_t node) const;
  // The zoom at which this marker splits into several (a click on a cluster flies there);
  // for one place (it never splits), max_zoom + 1.
  int expansion_zoom(const VisibleMarker& m) const { return expansion_zoom(m.level, m.node); }
  int expansion_zoom(int level, std::uint32_t node) const;

  std::size_t item_count() const { return items_.size(); }
  std::size_t place_count() const {
    return stack_first_item_.empty() ? 0 : stack_first_item_.size() - 1;
  }
  int min_zoom() const { return options_.min_zoom; }
  int max_zoom() const { return options_.max_zoom; }
  // Inspection (tests, statistics): the markers of one level, all of them.
  std::size_t level_size(int level) const;
  VisibleMarker level_marker(int level, std::uint32_t node) const;  // screen = {0, 0}
  std::size_t distinct_levels() const { return levels_.size(); }    // storage actually built
  std::size_t memory_bytes() const;  // ~25 bytes a marker a distinct level, + 8 an item

 private:
  // A marker of one level. Its items are the stacks first_stack .. + stack_count - 1.
  struct Node {
    double x, y;  // world, x in [0, 1)
    std::uint32_t first_stack, stack_count;
  };
  struct Level {
    std::vector<Node> nodes;           // in k-d tree order (kdbush's layout): the handle
    std::vector<std::uint8_t> expand;  // per node: the level (- min_zoom) where it splits
  };
  const Level* level_ptr(int level) const;
  // build's phases (cluster.cpp): stacks, each zoom from the finest up, depth-first
  // order, the items in that order, the stored levels as k-d trees.
  struct Build;
  static void make_stacks(const MarkerPoint* points, std::size_t count, Build& b);
  void cluster_levels(Build& b) const;
  static void depth_first_ranks(Build& b);
  void store_items(const MarkerPoint* points, const Build& b);
  void store_levels(Build& b);
  std::uint32_t item_count_of(const Node& n) const {
    return stack_first_item_[n.first_stack + n.stack_count] - stack_first_item_[n.first_stack];
  }
  std::size_t range_query(const Level& lv, double x0, double y0, double x1, double y1,
                          const Camera& cam, double shift, VisibleMarker* out, std::size_t capacity,
                          std::size_t written, int level) const;

  ClusterOptions options_;
  std::vector<Level> levels_;           // distinct levels only
  std::vector<std::int32_t> level_of_;  // level - min_zoom -> index in levels_
  std::vector<std::uint32_t> items_;    // item handles, stack by stack in depth-first order
  std::vector<std::uint32_t> stack_first_item_;  // per stack, + 1: offsets into items_
};

// ---------------------------------------------------------------------------------
// 3. Hit testing and marker size
// ---------------------------------------------------------------------------------
struct MarkerStyle {
  double base_radius_px = 7;  // one event
  double growth_px = 5;       // added per factor of 10 in the count
  double max_radius_px = 26;
};

// The radius a marker of `count` items is drawn with: grows with log10(count), so 100,000
// events stay a readable disc.
double marker_radius(std::uint32_t count, const MarkerStyle& style = {});

// The marker under the screen point: among those whose disc (plus slop_px, for touch)
// contains it, the one whose centre is nearest; ties go to the later one (drawn on top).
// Returns its index in `markers`, or -1.
int hit_test(const VisibleMarker* markers, std::size_t count, Vec2 screen,
             const MarkerStyle& style = {}, double slop_px = 0);

}  // namespace atlas::geo
