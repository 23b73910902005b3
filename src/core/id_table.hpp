// id_table.hpp — a set of ids for the loader's checks: which item first claimed an id.
//
// Index
//   1. IdTable: ids (views into the dataset) -> the first claim's number, open addressing
//
// Why not std::unordered_map: the loader claims every id of a 100,000-event dataset once,
// and a node per id (an allocation, a pointer to follow on each lookup) was a tenth of an
// import in the browser. Here the ids are views into the dataset's strings, the table is
// one array of numbers sized once, and a lookup compares at most a few of them.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace atlas {

// ---------------------------------------------------------------------------------
// 1. IdTable
// ---------------------------------------------------------------------------------
class IdTable {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // Room for `n` ids without growing (it grows anyway when more arrive).
  explicit IdTable(size_t n = 0) { rehash(n); }

  // Claims `id` for claim number `claim`: kNone when it was free, else the number of the
  // claim that has it (which keeps it). `id` must outlive the table.
  uint32_t claim(std::string_view id, uint32_t claim) {
    if (2 * (ids_.size() + 1) > slots_.size()) rehash(2 * (ids_.size() + 1));
    size_t at = find_slot(id);
    if (slots_[at] != kNone) return claims_[slots_[at]];
    slots_[at] = uint32_t(ids_.size());
    ids_.push_back(id);
    claims_.push_back(claim);
    return kNone;
  }

  // The claim number that has `id`, or kNone.
  uint32_t find(std::string_view id) const {
    size_t at = find_slot(id);
    return slots_[at] == kNone ? kNone : claims_[slots_[at]];
  }

  size_t size() const { return ids_.size(); }

 private:
  // FNV-1a: ids are short, and this is the same on 32 and 64 bits.
  static uint32_t hash(std::string_view s) {
    uint32_t h = 2166136261u;
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    return h;
  }
  // The slot holding `id`, or the free slot where it would go (linear probing; the
  // table is never more than half full, so a free slot is always found).
  size_t find_slot(std::string_view id) const {
    const size_t mask = slots_.size() - 1;
    for (size_t at = hash(id) & mask;; at = (at + 1) & mask)
      if (slots_[at] == kNone || ids_[slots_[at]] == id) return at;
  }
  void rehash(size_t n) {
    size_t size = 16;
    while (size < 2 * n) size *= 2;
    slots_.assign(size, kNone);
    for (size_t i = 0; i < ids_.size(); ++i) slots_[find_slot(ids_[i])] = uint32_t(i);
  }

  std::vector<uint32_t> slots_;        // index into ids_, or kNone
  std::vector<std::string_view> ids_;  // in the order claimed
  std::vector<uint32_t> claims_;       // each id's claim number
};

}  // namespace atlas
