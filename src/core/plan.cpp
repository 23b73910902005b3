// plan.cpp — see plan.hpp.
//
// Index
//   1. Status filter
//   2. Which events take part, and their days
//   3. Upcoming and due
//   4. Conflicts: a sweep over events sorted by their first day
//   5. Sentences
#include "core/plan.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/plan_fields.hpp"

namespace atlas {

// ---------------------------------------------------------------------------------
// 1. Status filter
// ---------------------------------------------------------------------------------
StatusFilter StatusFilter::without_cancelled() {
  StatusFilter f = all();
  f.set(EventStatus::Cancelled, false);
  return f;
}

// ---------------------------------------------------------------------------------
// 2. Which events take part
// ---------------------------------------------------------------------------------
namespace {

struct Span {
  size_t index;  // in d.events
  int64_t first, last;
  bool window;
};

bool takes_part(const Event& e, const PlanOptions& o) {
  return o.include_cancelled || e.status != EventStatus::Cancelled;
}

// The event's days, when bounded at both ends.
std::optional<Span> span_of(const Dataset& d, size_t i) {
  const Event& e = d.events[i];
  if (!e.date) return std::nullopt;
  const int64_t first = e.date->earliest(), last = e.date->latest();
  if (first <= edtf::kUnboundedPast || last >= edtf::kUnboundedFuture) return std::nullopt;
  return Span{i, first, last, !is_exact_days(*e.date)};
}

bool by_days(const Span& a, const Span& b) {
  if (a.first != b.first) return a.first < b.first;
  if (a.last != b.last) return a.last < b.last;
  return a.index < b.index;
}

}  // namespace

// ---------------------------------------------------------------------------------
// 3. Upcoming and due
// ---------------------------------------------------------------------------------
namespace {

void find_upcoming(const Dataset& d, const PlanOptions& o, PlanSummary& out) {
  std::vector<Span> spans;
  const int64_t horizon = o.today + std::max(o.upcoming_days, 0);
  for (size_t i = 0; i < d.events.size(); ++i) {
    if (!takes_part(d.events[i], o)) continue;
    std::optional<Span> s = span_of(d, i);
    if (s && s->last >= o.today && s->first <= horizon) spans.push_back(*s);
  }
  std::sort(spans.begin(), spans.end(), by_days);
  for (const Span& s : spans)
    out.upcoming.push_back({d.events[s.index].id, s.first, s.last, s.first - o.today, s.window});
}

void find_due(const Dataset& d, const PlanOptions& o, PlanSummary& out) {
  struct Found {
    DueItem item;
    size_t event;
  };
  std::vector<Found> overdue, soon;
  for (size_t i = 0; i < d.events.size(); ++i) {
    const Event& e = d.events[i];
    if (!takes_part(e, o)) continue;
    for (size_t k = 0; k < e.checklist.size(); ++k) {
      const ChecklistItem& c = e.checklist[k];
      if (c.done || !c.due) continue;
      const int64_t due = c.due->latest();
      if (due >= edtf::kUnboundedFuture) continue;  // "by .." is never late
      DueItem x{e.id, k, due, due - o.today, c.deadline};
      if (due < o.today)
        overdue.push_back({x, i});
      else if (due - o.today <= o.due_soon_days)
        soon.push_back({x, i});
    }
  }
  auto order = [](const Found& a, const Found& b) {
    if (a.item.due_day != b.item.due_day) return a.item.due_day < b.item.due_day;
    if (a.event != b.event) return a.event < b.event;
    return a.item.item < b.item.item;
  };
  std::sort(overdue.begin(), overdue.end(), order);
  std::sort(soon.begin(), soon.end(), order);
  for (auto& f : overdue) out.overdue.push_back(std::move(f.item));
  for (auto& f : soon) out.due_soon.push_back(std::move(f.item));
}

// ---------------------------------------------------------------------------------
// 4. Conflicts
// ---------------------------------------------------------------------------------
void find_conflicts(const Dataset& d, const PlanOptions& o, PlanSummary& out) {
  std::unordered_map<std::string_view, const Place*> places;
  for (const auto& p : d.places) places.emplace(p.id, &p);
  std::vector<Span> spans;
  for (size_t i = 0; i < d.events.size(); ++i) {
    if (!takes_part(d.events[i], o)) continue;
    std::optional<Span> s = span_of(d, i);
    if (s && s->last >= o.today) spans.push_back(*s);
  }
  std::sort(spans.begin(), spans.end(), by_days);
  // Each event's organisations, sorted and without repeats, for a merge-style meet.
  std::vector<std::vector<std::string_view>> orgs(spans.size());
  for (size_t k = 0; k < spans.size(); ++k) {
    for (const auto& p : d.events[spans[k].index].organisations) orgs[k].push_back(p.organisation);
    std::sort(orgs[k].begin(), orgs[k].end());
    orgs[k].erase(std::unique(orgs[k].begin(), orgs[k].end()), orgs[k].end());
  }
  auto country_of = [&](const Event& e) -> std::string_view {
    auto it = places.find(e.place);
    return it == places.end() ? std::string_view() : std::string_view(it->second->country);
  };
  const int64_t reach = std::max(o.same_country_days, 0);
  auto add = [&](ConflictKind kind, const Span& a, const Span& b, std::string_view shared,
                 int64_t gap) {
    if (out.conflicts.size() >= kMaxConflicts) {
      out.conflicts_capped = true;
      return false;
    }
    Conflict c;
    c.kind = kind;
    c.first = d.events[a.index].id;
    c.second = d.events[b.index].id;
    c.shared = std::string(shared);
    c.window = a.window || b.window;
    c.gap_days = gap;
    c.text = conflict_text(d, c);
    out.conflicts.push_back(std::move(c));
    return true;
  };
  for (size_t i = 0; i < spans.size(); ++i) {
    const Event& a = d.events[spans[i].index];
    // Sorted by first day: once one starts beyond reach, every later one does too.
    for (size_t j = i + 1; j < spans.size() && spans[j].first <= spans[i].last + reach; ++j) {
      const Event& b = d.events[spans[j].index];
      const bool overlap = spans[j].first <= spans[i].last && spans[i].first <= spans[j].last;
      bool same_place = false;
      if (overlap) {
        auto x = orgs[i].begin(), y = orgs[j].begin();
        while (x != orgs[i].end() && y != orgs[j].end()) {
          if (*x < *y) {
            ++x;
          } else if (*y < *x) {
            ++y;
          } else {
            if (!add(ConflictKind::SameOrganisation, spans[i], spans[j], *x, 0)) return;
            ++x, ++y;
          }
        }
        if (!a.place.empty() && a.place == b.place) {
          same_place = true;
          if (!add(ConflictKind::SamePlace, spans[i], spans[j], a.place, 0)) return;
        }
      }
      const std::string_view country = country_of(a);
      if (!same_place && !country.empty() && country == country_of(b)) {
        const int64_t gap = std::max<int64_t>(0, spans[j].first - spans[i].last);
        if (gap <= reach && !add(ConflictKind::SameCountry, spans[i], spans[j], country, gap))
          return;
      }
    }
  }
}

}  // namespace

PlanSummary plan_summary(const Dataset& d, const PlanOptions& options) {
  PlanSummary out;
  find_upcoming(d, options, out);
  find_due(d, options, out);
  find_conflicts(d, options, out);
  return out;
}

// ---------------------------------------------------------------------------------
// 5. Sentences
// ---------------------------------------------------------------------------------
std::string conflict_text(const Dataset& d, const Conflict& c) {
  auto title = [&](const std::string& id) {
    const Event* e = d.find_event(id);
    return "'" + (e && !e->title.empty() ? e->title : id) + "'";
  };
  const std::string pair = title(c.first) + " and " + title(c.second);
  const std::string maybe =
      c.window ? " (one is a window of possible dates: they may not clash)" : "";
  switch (c.kind) {
    case ConflictKind::SameOrganisation: {
      const Organisation* o = d.find_organisation(c.shared);
      return pair + " both involve " + (o ? o->name : c.shared) + " on overlapping days" + maybe;
    }
    case ConflictKind::SamePlace: {
      const Place* p = d.find_place(c.shared);
      return pair + " are both at " + (p ? p->name : c.shared) + " on overlapping days" + maybe;
    }
    case ConflictKind::SameCountry:
      break;
  }
  const std::string when = c.gap_days == 0   ? "on overlapping days"
                           : c.gap_days == 1 ? "1 day apart"
                                             : std::to_string(c.gap_days) + " days apart";
  return pair + " are both in " + c.shared + ", " + when + maybe;
}

}  // namespace atlas
