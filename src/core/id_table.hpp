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
#include <cstring>
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
  explicit IdTable(size_t n = 0) {
    entries_.reserve(n);
    rehash(n);
  }

  // Claims `id` for claim number `claim`: kNone when it was free, else the number of the
  // claim that has it (which keeps it). `id` must outlive the table.
  uint32_t claim(std::string_view id, uint32_t claim) {
    if (2 * (entries_.size() + 1) > slots_.size()) rehash(2 * (entries_.size() + 1));
    const uint32_t h = hash(id);
    const size_t at = find_slot(id, h);
    if (slots_[at].index != kNone) return entries_[slots_[at].index].claim;
    slots_[at] = {h, uint32_t(entries_.size())};
    entries_.push_back({id, claim});
    return kNone;
  }

  // The claim number that has `id`, or kNone.
  uint32_t find(std::string_view id) const {
    const size_t at = find_slot(id, hash(id));
    return slots_[at].index == kNone ? kNone : entries_[slots_[at].index].claim;
  }

  size_t size() const { return entries_.size(); }

  // The slot's hash (public for the tests). Eight bytes at a time, mixed by multiplying:
  // an id is one or two steps, where a byte at a time (FNV-1a) took a dozen multiplies in
  // a chain. Only ever kept in memory, so it may differ with the byte order.
  static uint32_t hash(std::string_view s) {
    // The length first, mixed: XORed in plainly it cancelled against the last bytes ("b"
    // and "a\0" were one hash).
    uint64_t h = (0x9E3779B97F4A7C15ull + s.size()) * 0xFF51AFD7ED558CCDull;
    size_t i = 0;
    for (; s.size() - i > 8; i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    }
    uint64_t w = 0;
    std::memcpy(&w, s.data() + i, s.size() - i);
    // MurmurHash3's finish: the low bits (the slot) depend on every byte. One multiply
    // less left ids that differ in their last digits in neighbouring slots.
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return uint32_t(h);
  }

 private:
  // A slot keeps its id's hash beside the id's number, so a probe passes a slot of
  // another id without reading that id (a miss in cache each time, most of a claim).
  struct Slot {
    uint32_t hash;
    uint32_t index;  // into entries_, or kNone
  };
  // The slot holding `id`, or the free slot where it would go (linear probing; the
  // table is never more than half full, so a free slot is always found).
  size_t find_slot(std::string_view id, uint32_t h) const {
    const size_t mask = slots_.size() - 1;
    for (size_t at = h & mask;; at = (at + 1) & mask) {
      const Slot& s = slots_[at];
      if (s.index == kNone || (s.hash == h && entries_[s.index].id == id)) return at;
    }
  }
  void rehash(size_t n) {
    size_t size = 16;
    while (size < 2 * n) size *= 2;
    slots_.assign(size, Slot{0, kNone});
    const size_t mask = size - 1;
    for (size_t i = 0; i < entries_.size(); ++i) {
      const uint32_t h = hash(entries_[i].id);
      size_t at = h & mask;
      while (slots_[at].index != kNone) at = (at + 1) & mask;
      slots_[at] = {h, uint32_t(i)};
    }
  }

  std::vector<Slot> slots_;
  // In the order claimed: the id and its claim number side by side, so a lookup that
  // has found its slot reads one more place in memory, not two.
  struct Entry {
    std::string_view id;
    uint32_t claim;
  };
  std::vector<Entry> entries_;
};

}  // namespace atlas
