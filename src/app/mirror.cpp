// mirror.cpp — the words of the semantic mirror (see mirror.hpp).
//
// Index
//   1. Words for one item
//   2. The mirror
#include "app/mirror.hpp"

#include <algorithm>

#include "core/countries.hpp"
#include "core/i18n.hpp"

namespace atlas {

namespace {

void add_part(std::string& out, const std::string& part) {
  if (part.empty()) return;
  if (!out.empty()) out += ", ";
  out += part;
}

std::string place_words(const AppState& state, const std::string& place_id) {
  const Place* p = state.place(place_id);
  if (!p) return "";
  const Country* c = find_country(p->country);
  if (!c || p->name == c->name) return p->name;
  return p->name + " (" + c->name + ")";
}

std::string organisation_names(const AppState& state, const std::vector<Participation>& ps) {
  std::string out;
  for (const Participation& p : ps) {
    const Organisation* o = state.organisation(p.organisation);
    add_part(out, o ? o->name : p.organisation);
  }
  return out;
}

}  // namespace

// -----------------------------------------------------------------------------------
// 1. Words for one item
// -----------------------------------------------------------------------------------
std::string event_option_text(const AppState& state, const Event& e) {
  std::string out = e.title.empty() ? e.id : e.title;
  add_part(out, tr(label(e.kind)));
  add_part(out, e.date ? edtf::describe(*e.date) : tr("date unknown"));
  add_part(out, place_words(state, e.place));
  if (e.status) add_part(out, tr(label(*e.status)));
  return out;
}

std::string group_option_text(const WorkingGroup& g) {
  std::string out = g.name.empty() ? g.id : g.name;
  add_part(out, tr("working group"));
  if (g.active) add_part(out, trf("active {dates}", {{"dates", edtf::describe(*g.active)}}));
  return out;
}

std::string selection_details(const AppState& state) {
  const std::string& id = state.selection();
  if (id.empty()) return "";
  if (const Event* e = state.event(id)) {
    std::string out = trf("Selected: {item}.", {{"item", event_option_text(state, *e)}});
    if (!e->organisations.empty())
      out += "\n" + trf("With: {names}.", {{"names", organisation_names(state, e->organisations)}});
    if (!e->notes.empty()) out += "\n" + e->notes;
    return out;
  }
  if (const WorkingGroup* g = state.working_group(id)) {
    std::string out = trf("Selected: {item}.", {{"item", group_option_text(*g)}});
    if (!g->members.empty())
      out += "\n" + trf("Members: {names}.", {{"names", organisation_names(state, g->members)}});
    if (!g->notes.empty()) out += "\n" + g->notes;
    return out;
  }
  if (state.place(id)) return trf("Selected place: {place}.", {{"place", place_words(state, id)}});
  if (const Organisation* o = state.organisation(id))
    return trf("Selected organisation: {name}, {sector}.",
               {{"name", o->name}, {"sector", tr(label(o->sector))}});
  return "";
}

std::string step_announcement(const AppState& state, int step, int count, const std::string& item,
                              const std::string& caption) {
  std::string what;
  if (const Event* e = state.event(item))
    what = event_option_text(state, *e);
  else if (const WorkingGroup* g = state.working_group(item))
    what = group_option_text(*g);
  else if (!item.empty() && state.place(item))
    what = place_words(state, item);
  else
    what = tr("overview");
  const i18n::Args args = {{"step", i18n::format_number(step + 1)},
                           {"count", i18n::format_number(count)},
                           {"item", what},
                           {"caption", caption}};
  return caption.empty() ? trf("Step {step} of {count}: {item}", args)
                         : trf("Step {step} of {count}: {item}. {caption}", args);
}

// -----------------------------------------------------------------------------------
// 2. The mirror
// -----------------------------------------------------------------------------------
bool Mirror::operator==(const Mirror& o) const {
  auto same_options = [](const std::vector<MirrorOption>& a, const std::vector<MirrorOption>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const MirrorOption& x, const MirrorOption& y) {
                        return x.id == y.id && x.text == y.text;
                      });
  };
  auto same_commands = [](const std::vector<MirrorCommand>& a,
                          const std::vector<MirrorCommand>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const MirrorCommand& x, const MirrorCommand& y) {
                        return x.id == y.id && x.label == y.label && x.enabled == y.enabled;
                      });
  };
  return label == o.label && first == o.first && total == o.total && active == o.active &&
         details == o.details && live == o.live && same_options(options, o.options) &&
         same_commands(commands, o.commands) && whole_name == o.whole_name &&
         commands_name == o.commands_name && details_name == o.details_name &&
         input_name == o.input_name;
}

namespace {

// The visible events and working groups in time order (the timeline's): by earliest
// day, then latest; undated last, in the file's order.
struct Entry {
  const edtf::Value* when;
  bool group;
  size_t index;
  int64_t first = 0, last = 0;  // when's earliest and latest day, worked out once
};

std::vector<Entry> time_ordered(const AppState& state) {
  std::vector<Entry> items;
  const Dataset& d = state.dataset;
  auto add = [&](const std::optional<edtf::Value>& when, bool group, size_t i) {
    if (when)
      items.push_back({&*when, group, i, when->earliest(), when->latest()});
    else
      items.push_back({nullptr, group, i});
  };
  for (size_t i = 0; i < d.events.size(); ++i)
    if (state.event_visible(d.events[i])) add(d.events[i].date, false, i);
  for (size_t i = 0; i < d.working_groups.size(); ++i)
    if (state.group_visible(d.working_groups[i])) add(d.working_groups[i].active, true, i);
  // edtf::compare's order, with the days from the entries: compare works them out again
  // for each of the 1.7 million comparisons that sorting 100,000 events takes.
  std::stable_sort(items.begin(), items.end(), [](const Entry& a, const Entry& b) {
    if (!a.when || !b.when) return a.when && !b.when;
    if (a.first != b.first) return a.first < b.first;
    if (a.last != b.last) return a.last < b.last;
    return edtf::compare_text(*a.when, *b.when) < 0;
  });
  return items;
}

std::vector<MirrorCommand> commands(const MirrorContext& c) {
  std::vector<MirrorCommand> out;
  if (c.presenting) {
    out.push_back({"previous-step", tr("Previous step"), true});
    out.push_back({"next-step", tr("Next step"), true});
    out.push_back({"stop-presenting", tr("Stop presenting"), true});
    return out;
  }
  out.push_back({"present", tr("Start presenting"), true});
  if (!c.read_only) {
    out.push_back({"undo", c.undo_label, c.can_undo});
    out.push_back({"redo", c.redo_label, c.can_redo});
  }
  out.push_back({"clear-selection", tr("Clear selection"), true});
  out.push_back({"keyboard", tr("Keyboard shortcuts"), true});
  return out;
}

}  // namespace

std::vector<std::string> items_in_time_order(const AppState& state) {
  std::vector<std::string> out;
  for (const Entry& e : time_ordered(state))
    out.push_back(e.group ? state.dataset.working_groups[e.index].id
                          : state.dataset.events[e.index].id);
  return out;
}

std::string neighbour_in_time_order(const AppState& state, int step, bool on_map) {
  std::vector<std::string> ids = items_in_time_order(state);
  if (on_map) {
    ids.erase(std::remove_if(ids.begin(), ids.end(),
                             [&](const std::string& id) {
                               const Event* e = state.event(id);
                               const Place* p = e ? state.place(e->place) : nullptr;
                               return !p || !p->lat || !p->lon;
                             }),
              ids.end());
  }
  if (ids.empty() || step == 0) return "";
  auto at = std::find(ids.begin(), ids.end(), state.selection());
  if (at == ids.end()) return step > 0 ? ids.front() : ids.back();
  const long to = long(at - ids.begin()) + (step > 0 ? 1 : -1);
  return to < 0 || to >= long(ids.size()) ? "" : ids[size_t(to)];
}

Mirror build_mirror(const AppState& state, const MirrorContext& context) {
  Mirror m;
  const std::vector<Entry> items = time_ordered(state);
  const Dataset& d = state.dataset;
  m.total = items.size();
  m.label = trn("Events and working groups in time order, {shown} shown of {count}",
                "Events and working groups in time order, {shown} shown of {count}",
                static_cast<long long>(d.events.size() + d.working_groups.size()),
                {{"shown", i18n::format_number(static_cast<long long>(items.size()))}});
  // The window: centred on the active item, clamped to the list.
  size_t at = 0;
  bool found = false;
  for (size_t i = 0; i < items.size() && !found; ++i) {
    const Entry& e = items[i];
    const std::string& id = e.group ? d.working_groups[e.index].id : d.events[e.index].id;
    if (id == state.selection()) {
      at = i;
      found = true;
      m.active = id;
    }
  }
  const size_t n = std::min(items.size(), kMirrorWindow);
  m.first = found && at >= n / 2 ? std::min(at - n / 2, items.size() - n) : 0;
  for (size_t i = m.first; i < m.first + n; ++i) {
    const Entry& e = items[i];
    if (e.group)
      m.options.push_back(
          {d.working_groups[e.index].id, group_option_text(d.working_groups[e.index])});
    else
      m.options.push_back({d.events[e.index].id, event_option_text(state, d.events[e.index])});
  }
  m.details = selection_details(state);
  if (m.details.empty()) m.details = tr("Nothing selected.");
  m.whole_name = tr("Coalition Atlas as text");
  m.commands_name = tr("Commands");
  m.details_name = tr("Selection");
  m.input_name = tr("Text input for Coalition Atlas");
  m.live = context.presenting ? context.step_text : context.notice;
  m.commands = commands(context);
  return m;
}

}  // namespace atlas
