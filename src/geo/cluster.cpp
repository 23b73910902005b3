// cluster.cpp — stacks, greedy grid clustering per zoom, static k-d trees, the frame query.
//
// Index
//   1. Building: stacks, then each zoom from the finest up (greedy merge within the radius,
//      neighbours found through a grid of radius-sized cells), depth-first order, k-d trees
//   2. The frame query (k-d range search with a fixed stack: no allocation)
//   3. Items, expansion zoom, inspection
//   4. Hit testing
#include "geo/cluster.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace atlas::geo {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kKdLeaf = 16;  // below this, a linear scan beats splitting further

// A node while building: position, stacks and items inside.
struct Work {
  double x, y;
  std::uint32_t stacks, items;
};
using CellPairs = std::vector<std::pair<std::uint64_t, std::uint32_t>>;  // (cell key, node)
struct KdPoint {
  double x, y;
  std::uint32_t index;
};

// One level from the one below: greedy, like supercluster. Nodes are visited in grid-cell
// order; each one not yet taken takes every node not yet taken within `radius` (across the
// 180° meridian too) and the cluster sits at their mean weighted by items.
//
// Neighbours: cells of side >= radius (whole cells per world, so x wraps cleanly), the
// nodes sorted by cell, row-major. Everything within the radius of a node is in the 3 x 3
// cells around it, and because seeds come in cell order, the start of each of those three
// rows' runs only moves forward: one pointer per row, no hashing, no search (except the
// column that wraps round at the world's edge). O(n log n) for the sort, O(n) after.
std::vector<Work> cluster_level(const std::vector<Work>& in, double radius,
                                std::vector<std::uint32_t>& parent, CellPairs& pairs) {
  const auto n = static_cast<std::uint64_t>(std::clamp(std::floor(1.0 / radius), 1.0, 1e9));
  const auto cell = [&](double v) {
    return std::min(n - 1, static_cast<std::uint64_t>(std::max(0.0, v) * static_cast<double>(n)));
  };
  pairs.resize(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    pairs[i] = {cell(in[i].y) * n + cell(in[i].x), static_cast<std::uint32_t>(i)};
  }
  std::sort(pairs.begin(), pairs.end());
  const std::size_t m = pairs.size();

  parent.assign(in.size(), kNone);
  std::vector<Work> out;
  const double r2 = radius * radius;
  std::size_t row_ptr[3] = {0, 0, 0};
  for (std::size_t p = 0; p < m; ++p) {
    const std::uint32_t seed = pairs[p].second;
    if (parent[seed] != kNone) continue;
    const Work& s = in[seed];
    const auto id = static_cast<std::uint32_t>(out.size());
    double sx = 0, sy = 0, weight = 0;
    std::uint32_t items = 0, stacks = 0, members = 0;
    const auto take = [&](std::uint32_t j) {
      if (parent[j] != kNone) return;
      const Work& q = in[j];
      const double dx = wrap_delta(s.x, q.x), dy = q.y - s.y;
      if (dx * dx + dy * dy > r2) return;
      parent[j] = id;
      sx += dx * q.items;  // relative to the seed: a mean that wraps correctly
      sy += dy * q.items;
      weight += q.items;
      items += q.items;
      stacks += q.stacks;
      ++members;
    };
    const std::uint64_t c = pairs[p].first % n, r = pairs[p].first / n;
    for (int dr = 0; dr < 3; ++dr) {
      if (r + dr < 1 || r + dr - 1 >= n) continue;
      const std::uint64_t row = (r + dr - 1) * n;
      const std::uint64_t lo = row + (c > 0 ? c - 1 : 0), hi = row + std::min(c + 1, n - 1);
      std::size_t& q = row_ptr[dr];
      while (q < m && pairs[q].first < lo) ++q;
      for (std::size_t k = q; k < m && pairs[k].first <= hi; ++k) take(pairs[k].second);
      if (n >= 3 && (c == 0 || c == n - 1)) {  // the column on the other side of 180°
        const std::uint64_t other = row + (c == 0 ? n - 1 : 0);
        auto it = std::lower_bound(pairs.begin(), pairs.end(), std::make_pair(other, 0u));
        for (; it != pairs.end() && it->first == other; ++it) take(it->second);
      }
    }
    // A cluster of one keeps its position bit for bit: a level where nothing merges is then
    // exactly the level below, and shares its storage.
    Work w = s;
    if (members > 1) {
      w.x = wrap_x(s.x + sx / weight);
      w.y = std::clamp(s.y + sy / weight, 0.0, 1.0);
    }
    w.items = items;
    w.stacks = stacks;
    out.push_back(w);
  }
  return out;
}

// The points laid out as a k-d tree: the median of each range splits it, alternating x
// and y. Sorted by value, not through an index: nth_element on a permutation spends its
// time in cache misses (it was half the build).
void kd_order(std::vector<KdPoint>& kd) {
  struct Range {
    std::size_t lo, hi;
    int axis;
  };
  std::vector<Range> todo{{0, kd.size(), 0}};
  while (!todo.empty()) {
    const Range r = todo.back();
    todo.pop_back();
    if (r.hi - r.lo <= kKdLeaf) continue;
    const std::size_t mid = (r.lo + r.hi) / 2;
    const auto lo = kd.begin() + r.lo, at = kd.begin() + mid, hi = kd.begin() + r.hi;
    if (r.axis == 0) {  // one comparator per axis: no branch in the inner loop
      std::nth_element(lo, at, hi, [](const KdPoint& a, const KdPoint& b) { return a.x < b.x; });
    } else {
      std::nth_element(lo, at, hi, [](const KdPoint& a, const KdPoint& b) { return a.y < b.y; });
    }
    todo.push_back({r.lo, mid, 1 - r.axis});
    todo.push_back({mid + 1, r.hi, 1 - r.axis});
  }
}

}  // namespace

// ---------------------------------------------------------------------------------
// 1. Building
// ---------------------------------------------------------------------------------
void ClusterIndex::clear() {
  levels_.clear();
  level_of_.clear();
  items_.clear();
  stack_first_item_.clear();
}

// What build's phases hand on to each other.
struct ClusterIndex::Build {
  int level_count = 0;  // max_zoom - min_zoom + 2: every zoom, and the stacks level
  int finest = 0;
  // Stacks: the valid points (indices) grouped by place key, in input order within a
  // place; stack k holds valid[stack_begin[k] .. stack_begin[k + 1]).
  std::vector<std::uint32_t> valid, stack_begin;
  // Levels, finest first. work[li] holds level li (zoom min_zoom + li) only when it
  // differs from level li + 1; src[li] names the stored level it equals; parent[li + 1]
  // maps the nodes of level li + 1 to those of level li where they differ. expand[li]
  // gives, per node, the level where it first splits: the next level down if it has
  // several children, else its only child's.
  std::vector<std::vector<Work>> work;
  std::vector<std::vector<std::uint32_t>> parent;
  std::vector<std::vector<std::uint8_t>> expand;
  std::vector<int> src;
  // Depth-first rank of each node, for the stored levels only.
  std::vector<std::vector<std::uint32_t>> rank;
};

void ClusterIndex::build(const MarkerPoint* points, std::size_t count,
                         const ClusterOptions& options) {
  clear();
  options_ = options;
  if (!(options_.radius_px > 0) || !std::isfinite(options_.radius_px)) options_.radius_px = 40;
  options_.min_zoom = std::clamp(options_.min_zoom, -8, 24);
  options_.max_zoom = std::clamp(options_.max_zoom, options_.min_zoom, 24);
  Build b;
  b.level_count = options_.max_zoom - options_.min_zoom + 2;  // + the stacks level
  b.finest = b.level_count - 1;
  make_stacks(points, count, b);
  cluster_levels(b);
  depth_first_ranks(b);
  store_items(points, b);
  store_levels(b);
}

// Stacks: valid points grouped by place key, in input order within a place; the finest
// level's nodes.
void ClusterIndex::make_stacks(const MarkerPoint* points, std::size_t count, Build& b) {
  b.valid.reserve(count);
  for (std::size_t i = 0; i < count && i < kNone; ++i) {
    if (std::isfinite(points[i].world.x) && std::isfinite(points[i].world.y)) {
      b.valid.push_back(static_cast<std::uint32_t>(i));
    }
  }
  std::stable_sort(b.valid.begin(), b.valid.end(), [&](std::uint32_t x, std::uint32_t y) {
    return points[x].place < points[y].place;
  });
  std::vector<Work> stacks;
  for (std::size_t i = 0; i < b.valid.size();) {
    std::size_t j = i;
    while (j < b.valid.size() && points[b.valid[j]].place == points[b.valid[i]].place) ++j;
    const Vec2 p = points[b.valid[i]].world;
    stacks.push_back(
        {wrap_x(p.x), std::clamp(p.y, 0.0, 1.0), 1, static_cast<std::uint32_t>(j - i)});
    b.stack_begin.push_back(static_cast<std::uint32_t>(i));
    i = j;
  }
  b.stack_begin.push_back(static_cast<std::uint32_t>(b.valid.size()));
  b.work.assign(b.level_count, {});
  b.parent.assign(b.level_count, {});
  b.expand.assign(b.level_count, {});
  b.src.assign(b.level_count, 0);
  b.expand[b.finest].assign(stacks.size(), static_cast<std::uint8_t>(b.finest));  // one place
  b.work[b.finest] = std::move(stacks);                                           // never splits
  b.src[b.finest] = b.finest;
}

// Each zoom from the finest up: a level where nothing merges is the one below.
void ClusterIndex::cluster_levels(Build& b) const {
  CellPairs scratch;
  for (int li = b.level_count - 2; li >= 0; --li) {
    const int below_at = b.src[li + 1];
    const double radius = options_.radius_px / (kTileSize * std::exp2(options_.min_zoom + li));
    std::vector<std::uint32_t> par;
    std::vector<Work> here = cluster_level(b.work[below_at], radius, par, scratch);
    if (here.size() == b.work[below_at].size()) {
      b.src[li] = below_at;  // nothing merged: the same nodes, same positions
      continue;
    }
    b.src[li] = li;
    std::vector<std::uint32_t> children(here.size(), 0), only(here.size(), 0);
    for (std::size_t j = 0; j < par.size(); ++j) {
      ++children[par[j]];
      only[par[j]] = static_cast<std::uint32_t>(j);
    }
    b.expand[li].resize(here.size());
    for (std::size_t k = 0; k < here.size(); ++k) {
      b.expand[li][k] =
          children[k] > 1 ? static_cast<std::uint8_t>(li + 1) : b.expand[below_at][only[k]];
    }
    b.work[li] = std::move(here);
    b.parent[li + 1] = std::move(par);
  }
}

// Depth-first order, top down: each level's nodes sorted (stably) by their parent's rank
// keeps every cluster's descendants contiguous at every level below.
void ClusterIndex::depth_first_ranks(Build& b) {
  b.rank.assign(b.level_count, {});
  b.rank[b.src[0]].resize(b.work[b.src[0]].size());
  std::iota(b.rank[b.src[0]].begin(), b.rank[b.src[0]].end(), 0u);
  for (int li = 1; li < b.level_count; ++li) {
    if (b.src[li] == b.src[li - 1]) continue;  // level li - 1 is this level: ranks carry over
    const std::vector<std::uint32_t>& pr = b.rank[b.src[li - 1]];
    const std::vector<std::uint32_t>& par = b.parent[li];
    std::vector<std::uint32_t> start(pr.size() + 1, 0);  // counting sort by parent rank
    for (std::uint32_t p : par) ++start[pr[p] + 1];
    for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    std::vector<std::uint32_t>& rk = b.rank[b.src[li]];
    rk.resize(par.size());
    for (std::size_t j = 0; j < par.size(); ++j) rk[j] = start[pr[par[j]]]++;
  }
  b.parent = {};
}

// Items in stack order (the finest level's ranks).
void ClusterIndex::store_items(const MarkerPoint* points, const Build& b) {
  const std::vector<std::uint32_t>& stack_rank = b.rank[b.finest];
  const std::size_t nstacks = stack_rank.size();
  std::vector<std::uint32_t> stack_at(nstacks);
  for (std::size_t s = 0; s < nstacks; ++s) stack_at[stack_rank[s]] = static_cast<std::uint32_t>(s);
  items_.reserve(b.valid.size());
  stack_first_item_.reserve(nstacks + 1);
  for (std::size_t k = 0; k < nstacks; ++k) {
    stack_first_item_.push_back(static_cast<std::uint32_t>(items_.size()));
    for (std::uint32_t i = b.stack_begin[stack_at[k]]; i < b.stack_begin[stack_at[k] + 1]; ++i) {
      items_.push_back(points[b.valid[i]].item);
    }
  }
  stack_first_item_.push_back(static_cast<std::uint32_t>(items_.size()));
}

// Stored levels: in rank order each node's stacks start where the previous node's end;
// then the nodes are laid out as a k-d tree (the median of each range splits it,
// alternating x and y), which is the order the handles refer to.
void ClusterIndex::store_levels(Build& b) {
  std::vector<int> physical(b.level_count, -1);
  level_of_.assign(b.level_count, -1);
  std::vector<std::uint32_t> by_rank;
  std::vector<KdPoint> kd;
  for (int li = b.level_count - 1; li >= 0; --li) {
    const int s = b.src[li];
    if (physical[s] < 0) {
      const std::vector<Work>& w = b.work[s];
      const std::vector<std::uint32_t>& rk = b.rank[s];
      by_rank.resize(w.size());
      for (std::size_t i = 0; i < w.size(); ++i) by_rank[rk[i]] = static_cast<std::uint32_t>(i);
      std::vector<std::uint32_t> first(w.size());
      std::uint32_t next = 0;
      for (std::uint32_t i : by_rank) {
        first[i] = next;
        next += w[i].stacks;
      }
      kd.resize(w.size());
      for (std::size_t i = 0; i < w.size(); ++i)
        kd[i] = {w[i].x, w[i].y, static_cast<std::uint32_t>(i)};
      kd_order(kd);
      physical[s] = static_cast<int>(levels_.size());
      levels_.emplace_back();
      Level& lv = levels_.back();
      lv.nodes.resize(w.size());
      lv.expand.resize(w.size());
      for (std::size_t k = 0; k < kd.size(); ++k) {
        const std::uint32_t i = kd[k].index;
        lv.nodes[k] = {w[i].x, w[i].y, first[i], w[i].stacks};
        lv.expand[k] = b.expand[s][i];
      }
      b.work[s] = {};  // done with it: the peak stays near the final size
      b.rank[s] = {};
      b.expand[s] = {};
    }
    level_of_[li] = physical[s];
  }
}

// ---------------------------------------------------------------------------------
// 2. The frame query
// ---------------------------------------------------------------------------------
int ClusterIndex::level_for_zoom(double zoom) const {
  if (!std::isfinite(zoom)) return options_.min_zoom;
  const double z = std::clamp(std::floor(zoom), static_cast<double>(options_.min_zoom),
                              static_cast<double>(options_.max_zoom + 1));
  return static_cast<int>(z);
}

const ClusterIndex::Level* ClusterIndex::level_ptr(int level) const {
  const int li = level - options_.min_zoom;
  if (li < 0 || li >= static_cast<int>(level_of_.size())) return nullptr;
  return &levels_[level_of_[li]];
}

std::size_t ClusterIndex::range_query(const Level& lv, double x0, double y0, double x1, double y1,
                                      const Camera& cam, double shift, VisibleMarker* out,
                                      std::size_t capacity, std::size_t written, int level) const {
  const Node* kd = lv.nodes.data();
  // Each pop pushes at most two ranges, one level deeper: 2 x depth (< 64) entries suffice.
  struct Span {
    std::size_t lo, hi;
    int axis;
  } stack[128];
  int top = 0;
  if (!lv.nodes.empty()) stack[top++] = {0, lv.nodes.size(), 0};
  const auto emit = [&](std::size_t i) {
    if (written < capacity) {
      const Node& n = kd[i];
      VisibleMarker& m = out[written];
      m.world = {n.x + shift, n.y};
      m.screen = cam.world_to_screen(m.world);
      m.count = item_count_of(n);
      m.places = n.stack_count;
      m.node = static_cast<std::uint32_t>(i);
      m.level = level;
    }
    ++written;
  };
  const auto inside = [&](const Node& n) {
    return n.x >= x0 && n.x <= x1 && n.y >= y0 && n.y <= y1;
  };
  while (top > 0) {
    const Span sp = stack[--top];
    if (sp.hi - sp.lo <= kKdLeaf) {
      for (std::size_t i = sp.lo; i < sp.hi; ++i) {
        if (inside(kd[i])) emit(i);
      }
      continue;
    }
    const std::size_t mid = (sp.lo + sp.hi) / 2;
    if (inside(kd[mid])) emit(mid);
    const double v = sp.axis == 0 ? kd[mid].x : kd[mid].y;
    const double lo = sp.axis == 0 ? x0 : y0, hi = sp.axis == 0 ? x1 : y1;
    if (lo <= v) stack[top++] = {sp.lo, mid, 1 - sp.axis};
    if (hi >= v) stack[top++] = {mid + 1, sp.hi, 1 - sp.axis};
  }
  return written;
}

std::size_t ClusterIndex::query(const Camera& cam, VisibleMarker* out, std::size_t capacity,
                                double margin_px) const {
  const int level = level_for_zoom(cam.zoom);
  const Level* lv = level_ptr(level);
  if (lv == nullptr || lv->nodes.empty()) return 0;
  if (out == nullptr) capacity = 0;
  const double s = cam.scale();
  const double hw = (cam.viewport.x / 2 + margin_px) / s, hh = (cam.viewport.y / 2 + margin_px) / s;
  const double y0 = cam.center.y - hh, y1 = cam.center.y + hh;
  int first = 0, last = -1;
  cam.visible_copies(first, last, margin_px);
  std::size_t written = 0;
  for (int k = first; k <= last; ++k) {
    // The view in copy k's own coordinates; its nodes have x in [0, 1), so the copies'
    // ranges never overlap and no marker is reported twice for one copy.
    const double x0 = std::max(0.0, cam.center.x - hw - k);
    const double x1 = std::min(1.0, cam.center.x + hw - k);
    if (x1 < x0) continue;
    written = range_query(*lv, x0, y0, x1, y1, cam, k, out, capacity, written, level);
  }
  return written;
}

// ---------------------------------------------------------------------------------
// 3. Items, expansion zoom, inspection
// ---------------------------------------------------------------------------------
ItemSpan ClusterIndex::items(int level, std::uint32_t node) const {
  const Level* lv = level_ptr(level);
  if (lv == nullptr || node >= lv->nodes.size()) return {};
  const Node& n = lv->nodes[node];
  const std::uint32_t a = stack_first_item_[n.first_stack];
  return {items_.data() + a, item_count_of(n)};
}

int ClusterIndex::expansion_zoom(int level, std::uint32_t node) const {
  const Level* lv = level_ptr(level);
  if (lv == nullptr || node >= lv->nodes.size()) return options_.max_zoom + 1;
  return options_.min_zoom + lv->expand[node];
}

std::size_t ClusterIndex::level_size(int level) const {
  const Level* lv = level_ptr(level);
  return lv ? lv->nodes.size() : 0;
}

VisibleMarker ClusterIndex::level_marker(int level, std::uint32_t node) const {
  VisibleMarker m{};
  const Level* lv = level_ptr(level);
  if (lv == nullptr || node >= lv->nodes.size()) return m;
  const Node& n = lv->nodes[node];
  m.world = {n.x, n.y};
  m.count = item_count_of(n);
  m.places = n.stack_count;
  m.node = node;
  m.level = level;
  return m;
}

std::size_t ClusterIndex::memory_bytes() const {
  std::size_t b = (items_.capacity() + stack_first_item_.capacity() + level_of_.capacity()) * 4;
  for (const Level& lv : levels_) b += lv.nodes.capacity() * sizeof(Node) + lv.expand.capacity();
  return b;
}

// ---------------------------------------------------------------------------------
// 4. Hit testing
// ---------------------------------------------------------------------------------
double marker_radius(std::uint32_t count, const MarkerStyle& style) {
  const double r = style.base_radius_px + style.growth_px * std::log10(std::max(1u, count));
  return std::min(r, style.max_radius_px);
}

int hit_test(const VisibleMarker* markers, std::size_t count, Vec2 p, const MarkerStyle& style,
             double slop_px) {
  int best = -1;
  double best_d2 = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const double dx = markers[i].screen.x - p.x, dy = markers[i].screen.y - p.y;
    const double r = marker_radius(markers[i].count, style) + slop_px;
    const double d2 = dx * dx + dy * dy;
    if (d2 <= r * r && (best < 0 || d2 <= best_d2)) {
      best = static_cast<int>(i);
      best_d2 = d2;
    }
  }
  return best;
}

}  // namespace atlas::geo
