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

// A node while building: position and what it holds.
struct Work {
  double x, y;
  std::uint32_t items, stacks;
};

std::uint64_t mix(std::uint64_t k) {  // splitmix64's finaliser: spreads grid keys
  k ^= k >> 30;
  k *= 0xbf58476d1ce4e5b9ull;
  k ^= k >> 27;
  k *= 0x94d049bb133111ebull;
  return k ^ (k >> 31);
}

// Grid cells -> the run of nodes in them, for the neighbour search of one level. Open
// addressing over the sorted (cell, node) pairs; built once per level, dropped after.
class CellGrid {
 public:
  void build(const std::vector<Work>& nodes, double radius) {
    // Whole cells per world, each at least `radius` wide, so every neighbour within the
    // radius is in the 3 x 3 cells around a node (x wraps: the last column touches the first).
    n_ = static_cast<std::uint64_t>(std::clamp(std::floor(1.0 / radius), 1.0, 1e9));
    pairs_.resize(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      pairs_[i] = {key(col(nodes[i].x), row(nodes[i].y)), static_cast<std::uint32_t>(i)};
    }
    std::sort(pairs_.begin(), pairs_.end());
    std::size_t cap = 16;
    while (cap < 2 * nodes.size()) cap *= 2;
    slots_.assign(cap, Slot{kEmpty, 0, 0});
    for (std::size_t i = 0; i < pairs_.size();) {
      std::size_t j = i;
      while (j < pairs_.size() && pairs_[j].first == pairs_[i].first) ++j;
      std::size_t h = mix(pairs_[i].first) & (cap - 1);
      while (slots_[h].key != kEmpty) h = (h + 1) & (cap - 1);
      slots_[h] = {pairs_[i].first, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)};
      i = j;
    }
  }
  std::uint64_t cells() const { return n_; }
  std::uint64_t col(double x) const {
    return std::min(n_ - 1, static_cast<std::uint64_t>(std::max(0.0, x) * static_cast<double>(n_)));
  }
  std::uint64_t row(double y) const { return col(y); }
  // Calls f(node) for every node in cell (c, r).
  template <class F>
  void each(std::uint64_t c, std::uint64_t r, F&& f) const {
    const std::uint64_t k = key(c, r);
    for (std::size_t h = mix(k) & (slots_.size() - 1);; h = (h + 1) & (slots_.size() - 1)) {
      if (slots_[h].key == kEmpty) return;
      if (slots_[h].key == k) {
        for (std::uint32_t i = slots_[h].begin; i < slots_[h].end; ++i) f(pairs_[i].second);
        return;
      }
    }
  }

 private:
  static constexpr std::uint64_t kEmpty = std::numeric_limits<std::uint64_t>::max();
  struct Slot {
    std::uint64_t key;
    std::uint32_t begin, end;
  };
  std::uint64_t key(std::uint64_t c, std::uint64_t r) const { return r * n_ + c; }
  std::uint64_t n_ = 1;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> pairs_;
  std::vector<Slot> slots_;
};

// One level from the one below: each node, biggest first, takes every not yet taken node
// within `radius` (x across the 180° meridian too); the cluster sits at their weighted mean.
// parent[i] is the new index of input node i. Returns the clusters.
std::vector<Work> cluster_level(const std::vector<Work>& in, double radius, CellGrid& grid,
                                std::vector<std::uint32_t>& parent) {
  grid.build(in, radius);
  std::vector<std::uint32_t> order(in.size());
  std::iota(order.begin(), order.end(), 0u);
  // Big stacks first, so a busy place keeps its position and gathers the small ones.
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return in[a].items > in[b].items; });
  parent.assign(in.size(), kNone);
  std::vector<Work> out;
  const double r2 = radius * radius;
  const std::uint64_t n = grid.cells();
  const std::uint64_t ncols = std::min<std::uint64_t>(3, n);
  for (std::uint32_t seed : order) {
    if (parent[seed] != kNone) continue;
    const Work& s = in[seed];
    const auto id = static_cast<std::uint32_t>(out.size());
    double sx = 0, sy = 0, weight = 0;
    std::uint32_t items = 0, stacks = 0, members = 0;
    const std::uint64_t c = grid.col(s.x), r = grid.row(s.y);
    for (std::uint64_t dr = 0; dr < 3; ++dr) {
      if (r + dr < 1 || r + dr - 1 >= n) continue;
      for (std::uint64_t dc = 0; dc < ncols; ++dc) {
        const std::uint64_t col = n < 3 ? dc : (c + n + dc - 1) % n;
        grid.each(col, r + dr - 1, [&](std::uint32_t j) {
          if (parent[j] != kNone) return;
          const Work& p = in[j];
          const double dx = wrap_delta(s.x, p.x), dy = p.y - s.y;
          if (dx * dx + dy * dy > r2) return;
          parent[j] = id;
          sx += dx * p.items;  // relative to the seed: a mean that wraps correctly
          sy += dy * p.items;
          weight += p.items;
          items += p.items;
          stacks += p.stacks;
          ++members;
        });
      }
    }
    // A cluster of one keeps its position bit for bit: a level where nothing merges is then
    // exactly the level below, and shares its storage.
    Work w = s;
    if (members > 1) w = {wrap_x(s.x + sx / weight), std::clamp(s.y + sy / weight, 0.0, 1.0), 0, 0};
    w.items = items;
    w.stacks = stacks;
    out.push_back(w);
  }
  return out;
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

void ClusterIndex::build(const MarkerPoint* points, std::size_t count,
                         const ClusterOptions& options) {
  clear();
  options_ = options;
  if (!(options_.radius_px > 0) || !std::isfinite(options_.radius_px)) options_.radius_px = 40;
  options_.min_zoom = std::clamp(options_.min_zoom, -8, 24);
  options_.max_zoom = std::clamp(options_.max_zoom, options_.min_zoom, 24);
  const int level_count = options_.max_zoom - options_.min_zoom + 2;  // + the stacks level

  // Stacks: valid points grouped by place key, in input order within a place.
  std::vector<std::uint32_t> valid;
  valid.reserve(count);
  for (std::size_t i = 0; i < count && i < kNone; ++i) {
    if (std::isfinite(points[i].world.x) && std::isfinite(points[i].world.y)) {
      valid.push_back(static_cast<std::uint32_t>(i));
    }
  }
  std::stable_sort(valid.begin(), valid.end(), [&](std::uint32_t a, std::uint32_t b) {
    return points[a].place < points[b].place;
  });
  std::vector<Work> stacks;
  std::vector<std::uint32_t> stack_begin;  // into `valid`
  for (std::size_t i = 0; i < valid.size();) {
    std::size_t j = i;
    while (j < valid.size() && points[valid[j]].place == points[valid[i]].place) ++j;
    const Vec2 p = points[valid[i]].world;
    stacks.push_back({wrap_x(p.x), std::clamp(p.y, 0.0, 1.0), static_cast<std::uint32_t>(j - i), 1});
    stack_begin.push_back(static_cast<std::uint32_t>(i));
    i = j;
  }
  stack_begin.push_back(static_cast<std::uint32_t>(valid.size()));

  // Levels, finest first. work[li] holds level li (zoom min_zoom + li) only when it differs
  // from level li + 1; src[li] says which stored level it equals; parent[li + 1] maps the
  // nodes of level li + 1 to those of level li where they differ.
  std::vector<std::vector<Work>> work(level_count);
  std::vector<std::vector<std::uint32_t>> parent(level_count);
  std::vector<int> src(level_count);
  work[level_count - 1] = std::move(stacks);
  src[level_count - 1] = level_count - 1;
  CellGrid grid;
  for (int li = level_count - 2; li >= 0; --li) {
    const std::vector<Work>& below = work[src[li + 1]];
    const double radius = options_.radius_px / (kTileSize * std::exp2(options_.min_zoom + li));
    std::vector<std::uint32_t> par;
    std::vector<Work> here = cluster_level(below, radius, grid, par);
    if (here.size() == below.size()) {
      src[li] = src[li + 1];  // nothing merged: the same nodes, same positions, same order
    } else {
      src[li] = li;
      work[li] = std::move(here);
      parent[li + 1] = std::move(par);
    }
  }

  // Depth-first order, top down: each level's nodes sorted (stably) by their parent's rank
  // keeps every cluster's descendants contiguous at every level below.
  std::vector<std::vector<std::uint32_t>> rank(level_count);  // for stored levels only
  {
    const std::size_t top = work[src[0]].size();
    rank[src[0]].resize(top);
    std::iota(rank[src[0]].begin(), rank[src[0]].end(), 0u);
  }
  for (int li = 1; li < level_count; ++li) {
    if (src[li] == src[li - 1]) continue;  // level li - 1 is this level: ranks carry over
    const std::vector<std::uint32_t>& pr = rank[src[li - 1]];
    const std::vector<std::uint32_t>& par = parent[li];
    // Counting sort of the children by parent rank.
    std::vector<std::uint32_t> start(pr.size() + 1, 0);
    for (std::uint32_t p : par) ++start[pr[p] + 1];
    for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    std::vector<std::uint32_t>& rk = rank[src[li]];
    rk.resize(par.size());
    for (std::size_t j = 0; j < par.size(); ++j) rk[j] = start[pr[par[j]]]++;
  }

  // Items in stack order (the stacks level's ranks).
  const std::vector<std::uint32_t>& stack_rank = rank[level_count - 1];
  const std::size_t nstacks = stack_rank.size();
  std::vector<std::uint32_t> stack_at(nstacks);
  for (std::size_t s = 0; s < nstacks; ++s) stack_at[stack_rank[s]] = static_cast<std::uint32_t>(s);
  items_.reserve(valid.size());
  stack_first_item_.reserve(nstacks + 1);
  for (std::size_t k = 0; k < nstacks; ++k) {
    stack_first_item_.push_back(static_cast<std::uint32_t>(items_.size()));
    for (std::uint32_t i = stack_begin[stack_at[k]]; i < stack_begin[stack_at[k] + 1]; ++i) {
      items_.push_back(points[valid[i]].item);
    }
  }
  stack_first_item_.push_back(static_cast<std::uint32_t>(items_.size()));

  // Stored levels: nodes in rank order (their stack ranges are prefix sums), then the tree.
  std::vector<int> physical(level_count, -1);
  level_of_.assign(level_count, -1);
  for (int li = level_count - 1; li >= 0; --li) {
    const int s = src[li];
    if (physical[s] < 0) {
      physical[s] = static_cast<int>(levels_.size());
      levels_.emplace_back();
      Level& lv = levels_.back();
      const std::vector<Work>& w = work[s];
      const std::vector<std::uint32_t>& rk = rank[s];
      lv.nodes.resize(w.size());
      for (std::size_t i = 0; i < w.size(); ++i) {
        lv.nodes[rk[i]] = {w[i].x, w[i].y, 0, w[i].stacks, w[i].items};
      }
      std::uint32_t first = 0;
      for (Node& n : lv.nodes) {
        n.first_stack = first;
        first += n.stack_count;
      }
      lv.kd.resize(lv.nodes.size());
      for (std::size_t i = 0; i < lv.nodes.size(); ++i) {
        lv.kd[i] = {lv.nodes[i].x, lv.nodes[i].y, static_cast<std::uint32_t>(i)};
      }
      // kdbush's layout: the median of each range splits it, alternating x and y.
      struct Span {
        std::size_t lo, hi;
        int axis;
      };
      std::vector<Span> todo{{0, lv.kd.size(), 0}};
      while (!todo.empty()) {
        const Span sp = todo.back();
        todo.pop_back();
        if (sp.hi - sp.lo <= kKdLeaf) continue;
        const std::size_t mid = (sp.lo + sp.hi) / 2;
        std::nth_element(lv.kd.begin() + sp.lo, lv.kd.begin() + mid, lv.kd.begin() + sp.hi,
                         [&](const KdEntry& a, const KdEntry& b) {
                           return sp.axis == 0 ? a.x < b.x : a.y < b.y;
                         });
        todo.push_back({sp.lo, mid, 1 - sp.axis});
        todo.push_back({mid + 1, sp.hi, 1 - sp.axis});
      }
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
                                      std::size_t capacity, std::size_t written,
                                      int level) const {
  const KdEntry* kd = lv.kd.data();
  // Each pop pushes at most two ranges, one level deeper: 2 x depth (< 64) entries suffice.
  struct Span {
    std::size_t lo, hi;
    int axis;
  } stack[128];
  int top = 0;
  if (!lv.kd.empty()) stack[top++] = {0, lv.kd.size(), 0};
  auto emit = [&](const KdEntry& e) {
    if (written < capacity) {
      const Node& n = lv.nodes[e.node];
      VisibleMarker& m = out[written];
      m.world = {e.x + shift, e.y};
      m.screen = cam.world_to_screen(m.world);
      m.count = n.item_count;
      m.places = n.stack_count;
      m.node = e.node;
      m.level = level;
    }
    ++written;
  };
  while (top > 0) {
    const Span sp = stack[--top];
    if (sp.hi - sp.lo <= kKdLeaf) {
      for (std::size_t i = sp.lo; i < sp.hi; ++i) {
        if (kd[i].x >= x0 && kd[i].x <= x1 && kd[i].y >= y0 && kd[i].y <= y1) emit(kd[i]);
      }
      continue;
    }
    const std::size_t mid = (sp.lo + sp.hi) / 2;
    const KdEntry& m = kd[mid];
    if (m.x >= x0 && m.x <= x1 && m.y >= y0 && m.y <= y1) emit(m);
    const double v = sp.axis == 0 ? m.x : m.y;
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
  if (lv == nullptr || lv->kd.empty()) return 0;
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
  const std::uint32_t b = stack_first_item_[n.first_stack + n.stack_count];
  return {items_.data() + a, b - a};
}

int ClusterIndex::expansion_zoom(int level, std::uint32_t node) const {
  const Level* lv = level_ptr(level);
  if (lv == nullptr || node >= lv->nodes.size()) return options_.max_zoom + 1;
  const Node& n = lv->nodes[node];
  for (int z = level + 1; z <= options_.max_zoom + 1; ++z) {
    const Level* below = level_ptr(z);
    // The node holding this one's first stack: the last whose first_stack <= it.
    auto it = std::upper_bound(below->nodes.begin(), below->nodes.end(), n.first_stack,
                               [](std::uint32_t s, const Node& m) { return s < m.first_stack; });
    if (it != below->nodes.begin() && std::prev(it)->stack_count < n.stack_count) return z;
  }
  return options_.max_zoom + 1;
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
  m.count = n.item_count;
  m.places = n.stack_count;
  m.node = node;
  m.level = level;
  return m;
}

std::size_t ClusterIndex::memory_bytes() const {
  std::size_t b = items_.capacity() * 4 + stack_first_item_.capacity() * 4 + level_of_.capacity() * 4;
  for (const Level& lv : levels_) b += lv.nodes.capacity() * sizeof(Node) + lv.kd.capacity() * sizeof(KdEntry);
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
