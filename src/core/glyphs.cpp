// glyphs.cpp — see glyphs.hpp.
#include "core/glyphs.hpp"

#include "core/utf8.hpp"

namespace atlas {

namespace {
constexpr char32_t kMaxCodePoint = 0x10FFFF;
}

CodePointSet::CodePointSet() : bits_((kMaxCodePoint + 64) / 64, 0) {}

void CodePointSet::add(char32_t cp) {
  if (cp > kMaxCodePoint) return;
  uint64_t& word = bits_[cp / 64];
  const uint64_t bit = uint64_t(1) << (cp % 64);
  if (!(word & bit)) {
    word |= bit;
    ++count_;
  }
}

bool CodePointSet::has(char32_t cp) const {
  return cp <= kMaxCodePoint && (bits_[cp / 64] >> (cp % 64) & 1);
}

void CodePointSet::add_text(std::string_view text, char32_t from, char32_t last) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  // The smallest lead byte that can start a code point >= from: most text is skipped by
  // one compare per byte.
  const unsigned lead_min = from < 0x80 ? 0 : from < 0x800 ? 0xC2 : from < 0x10000 ? 0xE0 : 0xF0;
  for (size_t i = 0; i < n;) {
    if (p[i] < lead_min) {  // below the bound: ASCII, continuation bytes, short sequences
      ++i;
      continue;
    }
    const char32_t cp = next_code_point(text, i);  // ill-formed: kInvalidCodePoint, one byte
    if (cp >= from && cp <= last) add(cp);
  }
}

bool CodePointSet::contains_all(const CodePointSet& other) const {
  for (size_t w = 0; w < bits_.size(); ++w)
    if (other.bits_[w] & ~bits_[w]) return false;
  return true;
}

std::vector<char32_t> CodePointSet::missing_from(const CodePointSet& other) const {
  std::vector<char32_t> out;
  for (size_t w = 0; w < bits_.size(); ++w) {
    uint64_t m = other.bits_[w] & ~bits_[w];
    for (unsigned b = 0; m; ++b, m >>= 1)
      if (m & 1) out.push_back(char32_t(w * 64 + b));
  }
  return out;
}

std::vector<char32_t> CodePointSet::list() const {
  std::vector<char32_t> out;
  out.reserve(count_);
  for (size_t w = 0; w < bits_.size(); ++w) {
    uint64_t m = bits_[w];
    for (unsigned b = 0; m; ++b, m >>= 1)
      if (m & 1) out.push_back(char32_t(w * 64 + b));
  }
  return out;
}

void collect_cjk(const Dataset& d, CodePointSet& out) {
  auto text = [&](const std::string& s) { out.add_text(s, kCjkFirst, kCjkLast); };
  auto parts = [&](const std::vector<Participation>& ps) {
    for (const Participation& p : ps) text(p.note);
  };
  text(d.title);
  text(d.description);
  text(d.source);
  for (const Place& p : d.places) {
    text(p.id);
    text(p.name);
    text(p.notes);
    text(p.source);
  }
  for (const Organisation& o : d.organisations) {
    text(o.id);
    text(o.name);
    text(o.notes);
    text(o.source);
  }
  for (const Event& e : d.events) {
    text(e.id);
    text(e.title);
    text(e.notes);
    text(e.source);
    parts(e.organisations);
    for (const Link& l : e.links) {
      text(l.url);
      text(l.label);
    }
  }
  for (const WorkingGroup& w : d.working_groups) {
    text(w.id);
    text(w.name);
    text(w.notes);
    text(w.source);
    parts(w.members);
  }
  for (const Story& s : d.stories) {
    text(s.id);
    text(s.title);
    for (const StoryStep& st : s.steps) text(st.caption);
  }
}

}  // namespace atlas
