// edit.cpp — see edit.hpp.
//
// Index
//   1. Helpers: collections by enum, names for labels and messages, size estimates
//   2. Items as JSON, and back through the loader
//   3. References: clearing, redirecting, and putting them back
//   4. Commands: what each keeps, how each goes forward and back, the factories
//   5. History
//   6. Editor helpers: locate, references_to, new_id, field_json
#include "core/edit.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <utility>
#include <variant>

#include "core/dataset_json.hpp"
#include "core/i18n.hpp"
#include "core/plan_fields.hpp"
#include "core/utf8.hpp"

namespace atlas {

using json = nlohmann::json;

namespace {

using AnyItem = std::variant<Place, Organisation, Event, WorkingGroup, Story>;
// Fields to set, in order; nullopt removes the field. Not a JSON object, because an
// unknown field may legitimately hold null and must be restored as null, not removed.
using Fields = std::vector<std::pair<std::string, std::optional<json>>>;

// Top-level keys that are the file's structure, not fields of the dataset.
constexpr const char* kNotFields[] = {"format", "version",        "places", "organisations",
                                      "events", "working_groups", "stories"};

// ---------------------------------------------------------------------------------
// 1. Helpers
// ---------------------------------------------------------------------------------
std::vector<Place>& items_of(Dataset& d, const Place&) { return d.places; }
std::vector<Organisation>& items_of(Dataset& d, const Organisation&) { return d.organisations; }
std::vector<Event>& items_of(Dataset& d, const Event&) { return d.events; }
std::vector<WorkingGroup>& items_of(Dataset& d, const WorkingGroup&) { return d.working_groups; }
std::vector<Story>& items_of(Dataset& d, const Story&) { return d.stories; }
Collection collection_of(const Place&) { return Collection::Places; }
Collection collection_of(const Organisation&) { return Collection::Organisations; }
Collection collection_of(const Event&) { return Collection::Events; }
Collection collection_of(const WorkingGroup&) { return Collection::WorkingGroups; }
Collection collection_of(const Story&) { return Collection::Stories; }
const std::string& name_of(const Place& x) { return x.name; }
const std::string& name_of(const Organisation& x) { return x.name; }
const std::string& name_of(const Event& x) { return x.title; }
const std::string& name_of(const WorkingGroup& x) { return x.name; }
const std::string& name_of(const Story& x) { return x.title; }

// Calls f on the vector of an item collection. The dataset's own fields are not a
// collection: every caller handles Collection::Dataset before it gets here, and one that
// did not is a defect, refused loudly rather than sent to the places.
template <typename D, typename F>
decltype(auto) with_items(D& d, Collection c, F&& f) {
  switch (c) {
    case Collection::Places:
      return f(d.places);
    case Collection::Organisations:
      return f(d.organisations);
    case Collection::Events:
      return f(d.events);
    case Collection::WorkingGroups:
      return f(d.working_groups);
    case Collection::Stories:
      return f(d.stories);
    case Collection::Dataset:
      break;
  }
  throw std::logic_error("with_items: the dataset's own fields are not a collection of items");
}

// The collections of items (everything but the dataset's own fields), in file order.
constexpr Collection kItemCollections[5] = {Collection::Places, Collection::Organisations,
                                            Collection::Events, Collection::WorkingGroups,
                                            Collection::Stories};

const char* key_of(Collection c) {
  switch (c) {
    case Collection::Places:
      return "places";
    case Collection::Organisations:
      return "organisations";
    case Collection::Events:
      return "events";
    case Collection::WorkingGroups:
      return "working_groups";
    case Collection::Stories:
      return "stories";
    case Collection::Dataset:
      break;
  }
  return "";
}

const char* noun_of(Collection c) {
  switch (c) {
    case Collection::Places:
      return "place";
    case Collection::Organisations:
      return "organisation";
    case Collection::Events:
      return "event";
    case Collection::WorkingGroups:
      return "working group";
    case Collection::Stories:
      return "story";
    case Collection::Dataset:
      break;
  }
  return "dataset";
}

// The undo step's name for a new item of collection c ("new place 'Manila'").
const char* new_label(Collection c) {
  switch (c) {
    case Collection::Places:
      return N_("new place {name}");
    case Collection::Organisations:
      return N_("new organisation {name}");
    case Collection::Events:
      return N_("new event {name}");
    case Collection::WorkingGroups:
      return N_("new working group {name}");
    case Collection::Stories:
      return N_("new story {name}");
    case Collection::Dataset:
      break;
  }
  return N_("new dataset {name}");
}

std::string a_noun(Collection c) {
  std::string noun = noun_of(c);
  return (noun[0] == 'o' || noun[0] == 'e' ? "an " : "a ") + noun;
}

size_t count_of(const Dataset& d, Collection c) {
  return with_items(d, c, [](const auto& v) { return v.size(); });
}
const std::string& id_at(const Dataset& d, ItemRef r) {
  return with_items(d, r.collection,
                    [&](const auto& v) -> const std::string& { return v[r.index].id; });
}
std::string pointer_of(ItemRef r) {
  return std::string("/") + key_of(r.collection) + "/" + std::to_string(r.index);
}

// Cut between characters, "…" when cut: labels and messages stay one line even for a
// 500-character title.
std::string shown(std::string_view name) { return "'" + utf8_truncate(name, 40) + "'"; }
std::string dq(std::string_view s) { return "\"" + utf8_truncate(s, 60) + "\""; }

// What people call the item: its name or title, else its id; the dataset by its title.
std::string name_at(const Dataset& d, ItemRef r) {
  if (r.collection == Collection::Dataset) return d.title;
  return with_items(d, r.collection, [&](const auto& v) {
    const auto& x = v[r.index];
    return name_of(x).empty() ? x.id : name_of(x);
  });
}

// Size estimates for the history's memory limit: text and containers, roughly.
size_t approx(const json& j) {
  size_t n = sizeof(json);
  if (j.is_string()) n += j.get_ref<const std::string&>().size();
  if (j.is_object())
    for (auto it = j.begin(); it != j.end(); ++it) n += it.key().size() + approx(it.value());
  if (j.is_array())
    for (const auto& x : j) n += approx(x);
  return n;
}
size_t approx(const Participation& p) {
  return sizeof p + p.organisation.size() + p.note.size() + approx(p.extra);
}
size_t approx(const Link& l) { return sizeof l + l.url.size() + l.label.size() + approx(l.extra); }
size_t approx(const Place& x);         // the lists below are of these; templates see only
size_t approx(const Organisation& x);  // what is declared before them
size_t approx(const Event& x);
size_t approx(const ChecklistItem& x);
size_t approx(const WorkingGroup& x);
size_t approx(const Story& x);
size_t approx(const StoryStep& x);
// A long list from a sample of its items, evenly spread: walking 100,000 events was a
// twentieth of an import in the browser, and an item's size is capped (its texts are).
template <typename T>
size_t approx(const std::vector<T>& v) {
  constexpr size_t kWhole = 4096, kSample = 1024;
  size_t n = 0;
  if (v.size() <= kWhole) {
    for (const auto& x : v) n += approx(x);
    return n;
  }
  const size_t step = v.size() / kSample;
  size_t seen = 0;
  for (size_t i = 0; i < v.size(); i += step, ++seen) n += approx(v[i]);
  return size_t(double(n) / double(seen) * double(v.size()));
}
size_t approx(const Place& x) {
  return sizeof x + x.id.size() + x.name.size() + x.notes.size() + x.source.size() +
         approx(x.extra);
}
size_t approx(const Organisation& x) {
  return sizeof x + x.id.size() + x.name.size() + x.notes.size() + x.source.size() +
         approx(x.extra);
}
size_t approx(const ChecklistItem& x) {
  return sizeof x + x.text.size() + x.owner.size() + approx(x.extra);
}
size_t approx(const Event& x) {
  return sizeof x + x.id.size() + x.title.size() + x.place.size() + x.notes.size() +
         x.source.size() + x.time_zone.size() + approx(x.organisations) + approx(x.links) +
         approx(x.checklist) + approx(x.extra);
}
size_t approx(const WorkingGroup& x) {
  return sizeof x + x.id.size() + x.name.size() + x.origin.size() + x.notes.size() +
         x.source.size() + approx(x.members) + x.member_sectors.size() * sizeof(Sector) +
         approx(x.extra);
}
size_t approx(const StoryStep& x) {
  return sizeof x + x.item.size() + x.caption.size() + approx(x.extra) +
         (x.map ? approx(x.map->extra) : 0);
}
size_t approx(const Story& x) {
  return sizeof x + x.id.size() + x.title.size() + approx(x.steps) + approx(x.extra);
}
size_t approx(const Dataset& d) {
  return sizeof d + d.title.size() + d.description.size() + d.source.size() + approx(d.places) +
         approx(d.organisations) + approx(d.events) + approx(d.working_groups) + approx(d.stories) +
         approx(d.extra);
}

// ---------------------------------------------------------------------------------
// 2. Items as JSON, and back through the loader
// ---------------------------------------------------------------------------------
// The JSON the saver writes for one item (its canonical form, unknown fields included).
// Throws nlohmann's exception on text that is not UTF-8 (only typed items from the UI
// can hold such text; everything in a loaded dataset is valid).
template <typename T>
json object_of(const T& item) {
  Dataset mini;
  mini.title = "x";
  items_of(mini, item).push_back(item);
  json doc = json::parse(save_dataset(mini));
  return std::move(doc[key_of(collection_of(item))][0]);
}

// The same for an item in place, or for the dataset's own fields (title, description,
// source and its unknown fields).
json object_of(const Dataset& d, ItemRef r) {
  if (r.collection != Collection::Dataset)
    return with_items(d, r.collection, [&](const auto& v) { return object_of(v[r.index]); });
  Dataset mini;
  mini.title = d.title;
  mini.description = d.description;
  mini.source = d.source;
  mini.extra = d.extra;
  json doc = json::parse(save_dataset(mini));
  for (const char* k : kNotFields) doc.erase(k);
  return doc;
}

json stand_in(const std::string& id, const char* k1, const char* v1, const char* k2,
              const char* v2) {
  json o = json::object();
  o["id"] = id;
  o[k1] = v1;
  o[k2] = v2;
  return o;
}

// Reads `obj` — an item of collection `c`, or the dataset's fields — with the loader's
// rules, in a document of its own. The items it refers to that exist in `d` get small
// stand-ins in that document, so a reference to nothing is reported exactly as the
// loader reports it, and everything else about the rest of `d` costs nothing. On
// success `out` holds the item as the first of its collection (or the fields); on
// failure `error` is the loader's first sentence.
bool read_back(const Dataset& d, Collection c, const json& obj, Dataset& out, std::string& error) {
  json doc = json::object();
  if (c == Collection::Dataset) {
    doc = obj;
  } else {
    doc["title"] = "x";
    doc[key_of(c)] = json::array();
    doc[key_of(c)].push_back(obj);
    std::set<std::string> places, orgs, events, any;
    auto text_at = [](const json& o, const char* key) {
      auto it = o.find(key);
      return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    auto entries = [&](const char* key) {
      auto it = obj.find(key);
      if (it == obj.end() || !it->is_array()) return;
      for (const auto& p : *it)
        if (p.is_object()) orgs.insert(text_at(p, "organisation"));
    };
    if (obj.is_object() && c == Collection::Events) {
      places.insert(text_at(obj, "place"));
      entries("organisations");
    }
    if (obj.is_object() && c == Collection::WorkingGroups) {
      events.insert(text_at(obj, "origin"));
      entries("members");
    }
    auto steps = obj.is_object() ? obj.find("steps") : obj.end();
    if (c == Collection::Stories && steps != obj.end() && steps->is_array())
      for (const auto& st : *steps)
        if (st.is_object()) any.insert(text_at(st, "item"));
    // A story step may show any item, the story itself included: a place stand-in will
    // do for the others (only the id is checked).
    std::string self = obj.is_object() ? text_at(obj, "id") : std::string();
    any.erase(self);
    for (const auto& id : any)
      if (!id.empty() && locate(d, id)) places.insert(id);
    // Ids are unique dataset-wide and the item's own id was checked to be free, so a
    // stand-in never shares an id with the item.
    for (const auto& id : places)
      if (!id.empty() && (d.find_place(id) || any.count(id)))
        doc["places"].push_back(stand_in(id, "name", "x", "country", "NZ"));
    for (const auto& id : orgs)
      if (!id.empty() && d.find_organisation(id))
        doc["organisations"].push_back(stand_in(id, "name", "x", "sector", "other"));
    for (const auto& id : events)
      if (!id.empty() && d.find_event(id))
        doc["events"].push_back(stand_in(id, "kind", "roundtable", "title", "x"));
  }
  doc["format"] = kFormatName;
  doc["version"] = kFormatVersion;
  std::string text;
  try {
    text = doc.dump();
  } catch (const json::exception&) {
    error = "the text is not valid UTF-8";
    return false;
  }
  LoadResult r = load_dataset(text);
  if (!r.ok()) {
    error = "the change would not load";
    for (const auto& x : r.diagnostics)
      if (x.severity == Severity::Error) {
        error = x.message;
        break;
      }
    return false;
  }
  out = std::move(*r.dataset);
  return true;
}

// The item `id` would take: refused when another item (not `self`) already has it.
bool id_is_free(const Dataset& d, const std::string& id, std::optional<ItemRef> self,
                std::string& error) {
  auto r = locate(d, id);
  if (!r || r->collection == Collection::Dataset) return true;
  if (self && self->collection == r->collection && self->index == r->index) return true;
  error = "the id " + dq(id) + " is already used by " + pointer_of(*r) + " (" +
          shown(name_at(d, *r)) + "); every item needs its own id";
  return false;
}

AnyItem take(Dataset& d, ItemRef r) {
  return with_items(d, r.collection, [&](auto& v) {
    AnyItem a(std::move(v[r.index]));
    v.erase(v.begin() + std::ptrdiff_t(r.index));
    return a;
  });
}
void put(Dataset& d, size_t index, AnyItem&& a) {
  std::visit(
      [&](auto& x) {
        auto& v = items_of(d, x);
        v.insert(v.begin() + std::ptrdiff_t(std::min(index, v.size())), std::move(x));
      },
      a);
}

// ---------------------------------------------------------------------------------
// 3. References
// ---------------------------------------------------------------------------------
// One reference changed by a deletion or a merge, with what it was: undone in reverse
// order, each puts back exactly what was there.
struct RefChange {
  enum Kind : uint8_t { PlaceRef, OriginRef, StepRef, Erased, Rewritten } kind;
  Collection owner;     // Events, WorkingGroups or Stories
  size_t item;          // index of the owner
  size_t pos;           // StepRef: the step; Erased, Rewritten: the organisation entry
  std::string old_id;   // PlaceRef, OriginRef, StepRef, Rewritten: the id it held
  Participation entry;  // Erased: the entry removed
};

std::vector<Participation>& entries_of(Dataset& d, Collection owner, size_t i) {
  return owner == Collection::Events ? d.events[i].organisations : d.working_groups[i].members;
}

// Calls f(owner, index, list) for every organisations / members list, in file order.
template <typename F>
void each_entry_list(Dataset& d, F&& f) {
  for (size_t i = 0; i < d.events.size(); ++i) f(Collection::Events, i, d.events[i].organisations);
  for (size_t i = 0; i < d.working_groups.size(); ++i)
    f(Collection::WorkingGroups, i, d.working_groups[i].members);
}

// Calls f(story index, step index, step) for every story step that shows `id`.
template <typename F>
void each_step_showing(Dataset& d, const std::string& id, F&& f) {
  for (size_t i = 0; i < d.stories.size(); ++i)
    for (size_t k = 0; k < d.stories[i].steps.size(); ++k)
      if (d.stories[i].steps[k].item == id) f(i, k, d.stories[i].steps[k]);
}

// Deletion with references: an event's place and a group's origin become empty (both
// optional), an organisation's entries leave their lists, and a story step showing the
// item keeps its camera and caption, without the item (an overview step).
void clear_references(Dataset& d, Collection c, const std::string& id,
                      std::vector<RefChange>& log) {
  each_step_showing(d, id, [&](size_t i, size_t k, StoryStep& st) {
    log.push_back({RefChange::StepRef, Collection::Stories, i, k, id, {}});
    st.item.clear();
  });
  if (c == Collection::Places)
    for (size_t i = 0; i < d.events.size(); ++i)
      if (d.events[i].place == id) {
        log.push_back({RefChange::PlaceRef, Collection::Events, i, 0, id, {}});
        d.events[i].place.clear();
      }
  if (c == Collection::Events)
    for (size_t i = 0; i < d.working_groups.size(); ++i)
      if (d.working_groups[i].origin == id) {
        log.push_back({RefChange::OriginRef, Collection::WorkingGroups, i, 0, id, {}});
        d.working_groups[i].origin.clear();
      }
  if (c == Collection::Organisations)
    each_entry_list(d, [&](Collection owner, size_t i, std::vector<Participation>& list) {
      for (size_t k = 0; k < list.size();) {
        if (list[k].organisation != id) {
          ++k;
          continue;
        }
        log.push_back({RefChange::Erased, owner, i, k, {}, std::move(list[k])});
        list.erase(list.begin() + std::ptrdiff_t(k));
      }
    });
}

// Every reference to `from` now names `to`. With a log (a merge), an organisation entry
// that would then repeat another entry of its list exactly is dropped instead; without
// (an id change, where `to` is new) every reference is rewritten as it is.
void redirect_references(Dataset& d, Collection c, const std::string& from, const std::string& to,
                         std::vector<RefChange>* log) {
  each_step_showing(d, from, [&](size_t i, size_t k, StoryStep& st) {
    if (log) log->push_back({RefChange::StepRef, Collection::Stories, i, k, from, {}});
    st.item = to;
  });
  if (c == Collection::Places)
    for (size_t i = 0; i < d.events.size(); ++i)
      if (d.events[i].place == from) {
        if (log) log->push_back({RefChange::PlaceRef, Collection::Events, i, 0, from, {}});
        d.events[i].place = to;
      }
  if (c == Collection::Events)
    for (size_t i = 0; i < d.working_groups.size(); ++i)
      if (d.working_groups[i].origin == from) {
        if (log) log->push_back({RefChange::OriginRef, Collection::WorkingGroups, i, 0, from, {}});
        d.working_groups[i].origin = to;
      }
  if (c == Collection::Organisations)
    each_entry_list(d, [&](Collection owner, size_t i, std::vector<Participation>& list) {
      for (size_t k = 0; k < list.size();) {
        Participation& p = list[k];
        if (p.organisation != from) {
          ++k;
          continue;
        }
        bool twin = log && std::any_of(list.begin(), list.end(), [&](const Participation& q) {
                      return &q != &p && q.organisation == to && q.role == p.role &&
                             q.note == p.note && same_extra(q.extra, p.extra);
                    });
        if (twin) {
          log->push_back({RefChange::Erased, owner, i, k, {}, std::move(p)});
          list.erase(list.begin() + std::ptrdiff_t(k));
          continue;
        }
        if (log) log->push_back({RefChange::Rewritten, owner, i, k, from, {}});
        p.organisation = to;
        ++k;
      }
    });
}

// Undoes a log, newest change first. False when the dataset is not as the log left it.
bool restore_references(Dataset& d, std::vector<RefChange>& log) {
  for (auto it = log.rbegin(); it != log.rend(); ++it) {
    RefChange& x = *it;
    size_t n = x.owner == Collection::Events          ? d.events.size()
               : x.owner == Collection::WorkingGroups ? d.working_groups.size()
                                                      : d.stories.size();
    if (x.item >= n) return false;
    if (x.kind == RefChange::StepRef) {
      if (x.pos >= d.stories[x.item].steps.size()) return false;
      d.stories[x.item].steps[x.pos].item = x.old_id;
    }
    if (x.kind == RefChange::PlaceRef) d.events[x.item].place = x.old_id;
    if (x.kind == RefChange::OriginRef) d.working_groups[x.item].origin = x.old_id;
    if (x.kind == RefChange::Erased || x.kind == RefChange::Rewritten) {
      auto& list = entries_of(d, x.owner, x.item);
      if (x.kind == RefChange::Erased) {
        if (x.pos > list.size()) return false;
        list.insert(list.begin() + std::ptrdiff_t(x.pos), std::move(x.entry));
      } else {
        if (x.pos >= list.size()) return false;
        list[x.pos].organisation = x.old_id;
      }
    }
  }
  log.clear();
  return true;
}

// "rename of 'X'", "change of date of 'X'"… from the fields a step sets. A step's label is
// shown in Edit > Undo: it is written in the UI's language when the step is made.
std::string set_label(const Fields& fields, const std::string& name) {
  std::set<std::string> keys;
  for (const auto& f : fields) keys.insert(f.first);
  const i18n::Args of = {{"name", shown(name)}};
  if (keys.empty()) return trf("no change to {name}", of);
  const bool location = std::all_of(keys.begin(), keys.end(),
                                    [](const std::string& k) { return k == "lat" || k == "lon"; });
  if (location) return trf("change of location of {name}", of);
  if (keys.size() > 1) return trf("changes to {name}", of);
  const std::string& k = *keys.begin();
  // What a change of one field is called, by the field's JSON name.
  static const std::pair<const char*, const char*> kNamed[] = {
      {"name", N_("rename of {name}")},
      {"title", N_("rename of {name}")},
      {"active", N_("change of active dates of {name}")},
      {"member_sectors", N_("change of member sectors of {name}")},
      {"time_zone", N_("change of time zone of {name}")},
      {"starts", N_("change of start time of {name}")},
      {"ends", N_("change of end time of {name}")},
      {"postponed_from", N_("change of the date postponed from of {name}")},
      {"id", N_("change of id of {name}")},
      {"kind", N_("change of kind of {name}")},
      {"date", N_("change of date of {name}")},
      {"place", N_("change of place of {name}")},
      {"organisations", N_("change of organisations of {name}")},
      {"notes", N_("change of notes of {name}")},
      {"links", N_("change of links of {name}")},
      {"source", N_("change of source of {name}")},
      {"country", N_("change of country of {name}")},
      {"sector", N_("change of sector of {name}")},
      {"members", N_("change of members of {name}")},
      {"origin", N_("change of origin of {name}")},
      {"status", N_("change of status of {name}")},
      {"checklist", N_("change of checklist of {name}")},
      {"description", N_("change of description of {name}")},
      {"steps", N_("change of steps of {name}")}};
  for (const auto& [key, pattern] : kNamed)
    if (k == key) return trf(pattern, of);
  return trf("change of {field} of {name}", {{"field", dq(k)}, {"name", shown(name)}});
}

}  // namespace

// ---------------------------------------------------------------------------------
// 4. Commands
// ---------------------------------------------------------------------------------
struct Command::Impl {
  enum class Kind { Set, Add, Remove, Merge, Replace, Sequence, AddAll } kind = Kind::Set;
  std::string refused;  // set by a factory that could not make the command
  std::string label;    // made on the first apply
  size_t bytes = 0;     // estimate of what the step holds

  // Set: the item (its id after the last apply) and the values to install next. Each
  // apply installs them and keeps what they replaced, so undo and redo are the same swap.
  std::string target;
  std::string before;  // the item's id before the last apply: typing merge follows it
  Fields fields;

  // Add (and duplicate): the item as given, until read back on the first apply; then the
  // item itself while undone. Remove, Merge: the deleted item while done.
  Collection collection = Collection::Dataset;
  std::optional<json> fresh;
  std::optional<AnyItem> held;
  std::optional<size_t> index;
  std::string copy_of;  // duplicate: the item copied

  // Remove, Merge: the references changed, to put back.
  bool with_references = false;
  std::string keep;
  std::vector<RefChange> log;

  // Set, made from the dataset on the first apply (the plan commands): fills `fields`
  // and `label`, then is dropped, so redo and undo are the plain swap.
  std::function<bool(const Dataset&, Fields&, std::string& label, std::string& error)> prepare;

  // Replace: the dataset not in use, swapped in on every apply and undo.
  std::unique_ptr<Dataset> other;
  std::optional<uint64_t> checked_ids;  // AddAll: see Command::add_all
  // AddAll, while added: how many of each collection's last items are the step's, and
  // the ids of the first and last of them (undo checks they are still there).
  struct Tail {
    size_t count = 0;
    std::string first, last;
  };
  Tail tails[5];
  bool validated = false, sized = false;
  size_t other_bytes = 0;  // estimate of the dataset in use, held after the next swap

  // Sequence: the commands, in order, and which of them changed the data when last
  // applied (only those are taken back).
  std::vector<Command> parts;
  std::vector<bool> part_changed;

  bool forward(Dataset& d, std::string& error, bool& changed);
  bool back(Dataset& d);

 private:
  bool set(Dataset& d, std::string& error, bool& changed);
  bool add(Dataset& d, std::string& error);
  bool remove(Dataset& d, std::string& error);
  bool merge(Dataset& d, std::string& error);
  bool sequence_forward(Dataset& d, std::string& error, bool& changed);
  bool sequence_back(Dataset& d);
  bool add_all(Dataset& d, std::string& error);
  bool take_all_back(Dataset& d);
  bool restore_held(Dataset& d);
  void count_bytes();
};

bool Command::Impl::forward(Dataset& d, std::string& error, bool& changed) {
  changed = false;
  bool ok = false;
  switch (kind) {
    case Kind::Set:
      return set(d, error, changed);
    case Kind::Sequence:
      return sequence_forward(d, error, changed);
    case Kind::Add:
      ok = add(d, error);
      break;
    case Kind::Remove:
      ok = remove(d, error);
      break;
    case Kind::Merge:
      ok = merge(d, error);
      break;
    case Kind::AddAll: {
      if (!add_all(d, error)) return false;
      size_t total = 0;
      for (const Tail& t : tails) total += t.count;
      changed = total > 0;
      count_bytes();
      return true;
    }
    case Kind::Replace:
      if (!validated) {  // replace(LoadResult) comes checked by the loader already
        std::vector<Diagnostic> problems;
        try {
          problems = validate_dataset(*other);
        } catch (const json::exception&) {
          error = "the new data holds text that is not valid UTF-8";
          return false;
        }
        if (!problems.empty()) {
          error = "the new data would not load: " + problems.front().to_string();
          return false;
        }
        validated = true;
      }
      if (!sized) {
        other_bytes = approx(d);
        bytes = approx(*other);
        sized = true;
      }
      std::swap(d, *other);
      std::swap(bytes, other_bytes);
      ok = true;
      break;
  }
  changed = ok;
  if (ok) count_bytes();
  return ok;
}

bool Command::Impl::back(Dataset& d) {
  bool ok = false;
  switch (kind) {
    case Kind::Set: {
      std::string error;
      bool changed = false;
      return set(d, error, changed);  // the stored values are the old ones: the same swap
    }
    case Kind::Add: {
      ItemRef r{collection, index.value_or(0)};
      if (r.index >= count_of(d, collection) || id_at(d, r) != target) return false;
      held = take(d, r);
      ok = true;
      break;
    }
    case Kind::Remove:
    case Kind::Merge:
      ok = restore_held(d);
      break;
    case Kind::AddAll:
      ok = take_all_back(d);
      break;
    case Kind::Replace:
      std::swap(d, *other);
      std::swap(bytes, other_bytes);
      return true;
    case Kind::Sequence:
      return sequence_back(d);
  }
  if (ok) count_bytes();
  return ok;
}

bool Command::Impl::sequence_forward(Dataset& d, std::string& error, bool& changed) {
  part_changed.assign(parts.size(), false);
  size_t done = 0;
  for (; done < parts.size(); ++done) {
    Impl* p = parts[done].impl_.get();
    bool part = false;
    if (!p) {
      error = "there is no change to make";
      break;
    }
    if (!p->refused.empty()) {
      error = p->refused;
      break;
    }
    if (!p->forward(d, error, part)) break;
    part_changed[done] = part;
  }
  if (done < parts.size()) {  // refused: take back what went before, newest first
    for (size_t k = done; k-- > 0;)
      if (part_changed[k]) parts[k].impl_->back(d);
    part_changed.assign(parts.size(), false);
    return false;
  }
  changed = std::find(part_changed.begin(), part_changed.end(), true) != part_changed.end();
  if (label.empty() && !parts.empty()) label = parts.front().label();
  count_bytes();
  return true;
}

bool Command::Impl::sequence_back(Dataset& d) {
  for (size_t k = parts.size(); k-- > 0;) {
    if (!part_changed[k] || parts[k].impl_->back(d)) continue;
    // This one cannot be taken back: redo those already undone, so the data is as the
    // step left it, and refuse the undo.
    for (size_t j = k + 1; j < parts.size(); ++j) {
      std::string ignored;
      bool again = false;
      if (part_changed[j]) parts[j].impl_->forward(d, ignored, again);
    }
    return false;
  }
  count_bytes();
  return true;
}

void Command::Impl::count_bytes() {
  if (kind == Kind::Replace) return;  // kept up to date by the swaps
  if (kind == Kind::AddAll) {
    bytes = sizeof(Impl) + (other ? approx(*other) : 0);
    return;
  }
  bytes = sizeof(Impl) + target.size() + keep.size();
  for (const auto& x : log) bytes += sizeof x + x.old_id.size() + approx(x.entry);
  for (const auto& f : fields) bytes += f.first.size() + (f.second ? approx(*f.second) : 0);
  if (held) bytes += std::visit([](const auto& x) { return approx(x); }, *held);
  for (const auto& p : parts) bytes += p.impl_ ? p.impl_->bytes : 0;
}

bool Command::Impl::set(Dataset& d, std::string& error, bool& changed) {
  if (prepare && !prepare(d, fields, label, error)) return false;
  std::optional<ItemRef> r = locate(d, target);
  if (!r) {
    error = "there is no item with the id " + dq(target);
    return false;
  }
  Collection c = r->collection;
  if (c == Collection::Dataset)
    for (const auto& f : fields)
      for (const char* k : kNotFields)
        if (f.first == k) {
          error = dq(k) + " is part of the file's structure, not a field that can be set";
          return false;
        }
  json was = object_of(d, *r);
  json obj = was;
  Fields old;
  for (const auto& [key, value] : fields) {
    auto it = obj.find(key);
    old.emplace_back(key, it == obj.end() ? std::nullopt : std::optional<json>(*it));
    if (value)
      obj[key] = *value;
    else
      obj.erase(key);
  }
  std::string id = target;
  if (c != Collection::Dataset) {
    auto it = obj.find("id");
    if (it != obj.end() && it->is_string()) id = it->get<std::string>();
    if (id != target && !id_is_free(d, id, r, error)) return false;
  }
  Dataset out;
  if (!read_back(d, c, obj, out, error)) return false;
  // Compared in canonical form: [] for an absent list, 22 for 22.0, are no change.
  if (object_of(out, ItemRef{c, 0}) == was) return true;

  if (label.empty()) label = set_label(fields, name_at(d, *r));
  if (c == Collection::Dataset) {
    d.title = std::move(out.title);
    d.description = std::move(out.description);
    d.source = std::move(out.source);
    d.extra = std::move(out.extra);
  } else {
    with_items(d, c, [&](auto& v) {
      v[r->index] = std::move(items_of(out, v[r->index]).front());
      return 0;
    });
    if (id != target) redirect_references(d, c, target, id, nullptr);
  }
  before = target;
  target = id;
  fields = std::move(old);
  prepare = nullptr;
  changed = true;
  count_bytes();
  return true;
}

bool Command::Impl::add(Dataset& d, std::string& error) {
  if (held) {  // redo: the item, exactly as it was read back the first time
    put(d, *index, std::move(*held));
    held.reset();
    return true;
  }
  if (!copy_of.empty()) {  // duplicate: becomes an add of the copy, right after it
    auto src = locate(d, copy_of);
    if (!src || src->collection == Collection::Dataset) {
      error = "there is no item with the id " + dq(copy_of);
      return false;
    }
    json copy = object_of(d, *src);
    copy["id"] = target.empty() ? new_id(d, copy_of) : target;
    bool titled = src->collection == Collection::Events || src->collection == Collection::Stories;
    const char* name_key = titled ? "title" : "name";
    std::string name = copy.value(name_key, std::string());
    if (name.size() + 7 <= kMaxNameChars) copy[name_key] = name + " (copy)";
    collection = src->collection;
    index = src->index + 1;
    fresh = std::move(copy);
    label = trf("duplication of {name}", {{"name", shown(name_at(d, *src))}});
    copy_of.clear();
  }
  if (!fresh) return false;
  std::string id;
  if (fresh->is_object()) {
    auto it = fresh->find("id");
    if (it != fresh->end() && it->is_string()) id = it->get<std::string>();
  }
  if (!id.empty() && !id_is_free(d, id, std::nullopt, error)) return false;
  Dataset out;
  if (!read_back(d, collection, *fresh, out, error)) return false;
  AnyItem item = take(out, ItemRef{collection, 0});
  size_t n = count_of(d, collection);
  size_t at = index && *index <= n ? *index : n;
  if (label.empty()) {
    std::string name = std::visit([](const auto& x) { return name_of(x); }, item);
    label = trf(new_label(collection), {{"name", shown(name.empty() ? id : name)}});
  }
  put(d, at, std::move(item));
  index = at;
  target = id;
  fresh.reset();
  return true;
}

bool Command::Impl::remove(Dataset& d, std::string& error) {
  auto r = locate(d, target);
  if (!r || r->collection == Collection::Dataset) {
    error = "there is no item with the id " + dq(target);
    return false;
  }
  std::string name = name_at(d, *r);
  if (!with_references) {
    // A story's own steps showing the story do not keep it from being deleted.
    std::vector<Reference> refs = references_to(d, target);
    refs.erase(std::remove_if(refs.begin(), refs.end(),
                              [&](const Reference& x) { return x.from == target; }),
               refs.end());
    if (!refs.empty()) {
      size_t n = refs.size();
      error = shown(name) + " is still referred to " + std::to_string(n) +
              (n == 1 ? " time" : " times") + " (" + refs.front().to_string() +
              (n > 1 ? ", …" : "") + "): delete it together with those references";
      if (r->collection == Collection::Places || r->collection == Collection::Organisations)
        error += std::string(", or merge it into another ") + noun_of(r->collection);
      return false;
    }
  }
  log.clear();
  clear_references(d, r->collection, target, log);
  held = take(d, *r);
  collection = r->collection;
  index = r->index;
  if (label.empty()) label = trf("deletion of {name}", {{"name", shown(name)}});
  return true;
}

bool Command::Impl::merge(Dataset& d, std::string& error) {
  auto gone = locate(d, target), kept = locate(d, keep);
  if (!gone || gone->collection == Collection::Dataset || !kept ||
      kept->collection == Collection::Dataset) {
    error = "there is no item with the id " + dq(!gone || target.empty() ? target : keep);
    return false;
  }
  Collection c = gone->collection;
  if (target == keep) {
    error = "an item cannot be merged into itself";
    return false;
  }
  if (c != kept->collection || (c != Collection::Places && c != Collection::Organisations)) {
    error = std::string("only two organisations or two places can be merged, not ") +
            (c == kept->collection ? std::string("two ") + noun_of(c) + "s"
                                   : a_noun(c) + " and " + a_noun(kept->collection));
    return false;
  }
  if (label.empty())
    label = trf("merge of {name} into {other}",
                {{"name", shown(name_at(d, *gone))}, {"other", shown(name_at(d, *kept))}});
  log.clear();
  redirect_references(d, c, target, keep, &log);
  held = take(d, *gone);
  collection = c;
  index = gone->index;
  return true;
}

// Calls f(k, list in `a`, the same list in `b`) for the five item collections, k being
// the index into Impl::tails.
template <typename F>
void each_collection(Dataset& a, Dataset& b, F&& f) {
  f(0, a.places, b.places);
  f(1, a.organisations, b.organisations);
  f(2, a.events, b.events);
  f(3, a.working_groups, b.working_groups);
  f(4, a.stories, b.stories);
}

bool Command::Impl::add_all(Dataset& d, std::string& error) {
  if (!other) return false;
  if (!validated && checked_ids && *checked_ids == ids_fingerprint(d)) validated = true;
  if (!validated) {
    std::vector<Diagnostic> problems = check_additions(d, *other);
    if (!problems.empty()) {
      error = "the new items would not load: " + problems.front().to_string();
      if (problems.size() > 1)
        error += " (and " + std::to_string(problems.size() - 1) + " more problems)";
      return false;
    }
    validated = true;
  }
  size_t total = 0;
  each_collection(d, *other, [&](size_t k, auto& to, auto& from) {
    tails[k] = Tail{from.size(), from.empty() ? std::string() : from.front().id,
                    from.empty() ? std::string() : from.back().id};
    total += from.size();
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  });
  if (label.empty())
    label =
        trn("addition of {count} item", "addition of {count} items", static_cast<long long>(total));
  other.reset();
  return true;
}

bool Command::Impl::take_all_back(Dataset& d) {
  Dataset back;
  bool there = true;
  each_collection(d, back, [&](size_t k, auto& from, auto&) {
    const Tail& t = tails[k];
    there = there &&
            (t.count == 0 || (from.size() >= t.count && from[from.size() - t.count].id == t.first &&
                              from.back().id == t.last));
  });
  if (!there) return false;
  each_collection(d, back, [&](size_t k, auto& from, auto& to) {
    auto cut = from.end() - std::ptrdiff_t(tails[k].count);
    to.assign(std::make_move_iterator(cut), std::make_move_iterator(from.end()));
    from.erase(cut, from.end());
  });
  other = std::make_unique<Dataset>(std::move(back));
  return true;
}

// Remove and Merge, undone: the item back in its place, then its references.
bool Command::Impl::restore_held(Dataset& d) {
  if (!held || !index || *index > count_of(d, collection)) return false;
  put(d, *index, std::move(*held));
  held.reset();
  return restore_references(d, log);
}

Command::Command() = default;
Command::Command(Command&&) noexcept = default;
Command& Command::operator=(Command&&) noexcept = default;
Command::~Command() = default;

const std::string& Command::label() const {
  static const std::string none;
  return impl_ ? impl_->label : none;
}

Command Command::set_field(std::string id, std::string field, nlohmann::json value) {
  Command c;
  c.impl_ = std::make_unique<Impl>();
  c.impl_->target = std::move(id);
  std::optional<json> v;
  if (!value.is_null()) v = std::move(value);
  c.impl_->fields.emplace_back(std::move(field), std::move(v));
  return c;
}

Command Command::set_fields(std::string id, nlohmann::json fields) {
  Command c;
  c.impl_ = std::make_unique<Impl>();
  c.impl_->target = std::move(id);
  if (!fields.is_object()) {
    c.impl_->refused = "the changes must be an object of fields ({\"name\": value, …})";
    return c;
  }
  for (auto it = fields.begin(); it != fields.end(); ++it) {
    std::optional<json> v;
    if (!it.value().is_null()) v = std::move(it.value());
    c.impl_->fields.emplace_back(it.key(), std::move(v));
  }
  return c;
}

Command Command::add(Collection collection, nlohmann::json item, std::optional<size_t> index) {
  Command c;
  c.impl_ = std::make_unique<Impl>();
  c.impl_->kind = Impl::Kind::Add;
  c.impl_->collection = collection;
  c.impl_->fresh = std::move(item);
  c.impl_->index = index;
  if (collection == Collection::Dataset)
    c.impl_->refused =
        "an item is added to the places, organisations, events or working groups, not to "
        "the dataset itself";
  return c;
}

namespace {
// A typed item from the UI as the JSON the saver writes; the saver refuses text that is
// not UTF-8, which becomes the command's refusal.
template <typename T>
json typed_object(const T& item, std::string& refusal) {
  try {
    return object_of(item);
  } catch (const json::exception&) {
    refusal = "the text is not valid UTF-8";
    return json::object();
  }
}
}  // namespace

Command Command::add(const Place& item, std::optional<size_t> index) {
  std::string refusal;
  Command c = add(Collection::Places, typed_object(item, refusal), index);
  // The saver writes coordinates only in pairs: one alone would silently vanish.
  if (item.lat.has_value() != item.lon.has_value())
    refusal = "the place has only one coordinate: give both or neither";
  if (!refusal.empty()) c.impl_->refused = refusal;
  return c;
}
Command Command::add(const Organisation& item, std::optional<size_t> index) {
  std::string refusal;
  Command c = add(Collection::Organisations, typed_object(item, refusal), index);
  if (!refusal.empty()) c.impl_->refused = refusal;
  return c;
}
Command Command::add(const Event& item, std::optional<size_t> index) {
  std::string refusal;
  Command c = add(Collection::Events, typed_object(item, refusal), index);
  if (!refusal.empty()) c.impl_->refused = refusal;
  return c;
}
Command Command::add(const WorkingGroup& item, std::optional<size_t> index) {
  std::string refusal;
  Command c = add(Collection::WorkingGroups, typed_object(item, refusal), index);
  if (!refusal.empty()) c.impl_->refused = refusal;
  return c;
}
Command Command::add(const Story& item, std::optional<size_t> index) {
  std::string refusal;
  Command c = add(Collection::Stories, typed_object(item, refusal), index);
  if (!refusal.empty()) c.impl_->refused = refusal;
  return c;
}

Command Command::duplicate(std::string id, std::string new_id) {
  Command c;
  c.impl_ = std::make_unique<Impl>();
  c.impl_->kind = Impl::Kind::Add;
  c.impl_->copy_of = std::move(id);
  c.impl_->target = std::move(new_id);
  if (c.impl_->copy_of.empty()) c.impl_->refused = "only an item can be duplicated";
  return c;
}

Command Command::remove(std::string id, bool with_references) {
  Command c;
  c.impl_ = std::make_unique<Impl>();
  c.impl_->kind = Impl::Kind::Remove;
  c.impl_->target = std::move(id);
  c.impl_->with_references = with_references;
  return c;
}

Command Command::merge(std::string remove_id, std::string keep_id) {
  Command c;
  c.impl_ = std::make_unique<Impl>();
  c.impl_->kind = Impl::Kind::Merge;
  c.impl_->target = std::move(remove_id);
  c.impl_->keep = std::move(keep_id);
  return c;
}

Command Command::sequence(std::vector<Command> steps, std::string label) {
  Command c;
  c.impl_ = std::make_unique<Impl>();
  c.impl_->kind = Impl::Kind::Sequence;
  c.impl_->parts = std::move(steps);
  c.impl_->label = std::move(label);
  if (c.impl_->parts.empty()) c.impl_->refused = "there is no change to make";
  return c;
}

// ---- Plans: status and checklist ------------------------------------------------
namespace {

// Edits a copy of the event's checklist and names the step; false with an error.
using ListEdit = std::function<bool(const Event&, std::vector<ChecklistItem>&, std::string& label,
                                    std::string& error)>;

const Event* event_at(const Dataset& d, const std::string& id, std::string& error) {
  std::optional<ItemRef> r = locate(d, id);
  if (!r || r->collection != Collection::Events) {
    error = "there is no event with the id " + dq(id);
    return nullptr;
  }
  return &d.events[r->index];
}

// What Impl::prepare runs for a checklist command: the new list as the "checklist" field.
std::function<bool(const Dataset&, Fields&, std::string&, std::string&)> checklist_step(
    std::string id, ListEdit edit) {
  return [id = std::move(id), edit = std::move(edit)](const Dataset& d, Fields& fields,
                                                      std::string& label, std::string& error) {
    const Event* e = event_at(d, id, error);
    if (!e) return false;
    std::vector<ChecklistItem> list = e->checklist;
    if (!edit(*e, list, label, error)) return false;
    fields.clear();
    try {  // text typed in the UI may not be UTF-8: the saver refuses it
      fields.emplace_back("checklist",
                          list.empty() ? std::nullopt : std::optional<json>(field_json(list)));
    } catch (const json::exception&) {
      error = "the text is not valid UTF-8";
      return false;
    }
    return true;
  };
}

bool has_item(const Event& e, size_t index, std::string& error) {
  if (index < e.checklist.size()) return true;
  error = "the event " + shown(e.title) + " has no checklist item " + std::to_string(index + 1) +
          " (it has " + std::to_string(e.checklist.size()) + ")";
  return false;
}

std::string item_name(const ChecklistItem& c) { return shown(c.text.empty() ? "item" : c.text); }

}  // namespace

Command Command::set_status(std::string event_id, std::optional<EventStatus> status) {
  Command c = set_field(event_id, "status", nullptr);
  c.impl_->prepare = [id = event_id, status](const Dataset& d, Fields& fields, std::string& label,
                                             std::string& error) {
    const Event* e = event_at(d, id, error);
    if (!e) return false;
    fields.clear();
    fields.emplace_back("status",
                        status ? std::optional<json>(to_json_name(*status)) : std::nullopt);
    label = status ? trf("change of status of {name} to {status}",
                         {{"name", shown(e->title)}, {"status", tr(atlas::label(*status))}})
                   : trf("removal of the status of {name}", {{"name", shown(e->title)}});
    return true;
  };
  return c;
}

Command Command::add_checklist_item(std::string event_id, ChecklistItem item,
                                    std::optional<size_t> index) {
  Command c = set_field(event_id, "checklist", nullptr);
  c.impl_->prepare = checklist_step(
      std::move(event_id), [item = std::move(item), index](const Event& e, auto& list,
                                                           std::string& label, std::string&) {
        const size_t at = index && *index <= list.size() ? *index : list.size();
        list.insert(list.begin() + std::ptrdiff_t(at), item);
        label = trf(item.deadline ? N_("new deadline {item} for {name}")
                                  : N_("new checklist item {item} for {name}"),
                    {{"item", item_name(item)}, {"name", shown(e.title)}});
        return true;
      });
  return c;
}

Command Command::set_checklist_done(std::string event_id, size_t index, bool done) {
  Command c = set_field(event_id, "checklist", nullptr);
  c.impl_->prepare = checklist_step(
      std::move(event_id),
      [index, done](const Event& e, auto& list, std::string& label, std::string& error) {
        if (!has_item(e, index, error)) return false;
        list[index].done = done;
        label = trf(done ? N_("ticking of {item} in {name}") : N_("unticking of {item} in {name}"),
                    {{"item", item_name(list[index])}, {"name", shown(e.title)}});
        return true;
      });
  return c;
}

Command Command::edit_checklist_item(std::string event_id, size_t index, ChecklistItem item) {
  Command c = set_field(event_id, "checklist", nullptr);
  c.impl_->prepare = checklist_step(
      std::move(event_id), [index, item = std::move(item)](const Event& e, auto& list,
                                                           std::string& label, std::string& error) {
        if (!has_item(e, index, error)) return false;
        ChecklistItem& x = list[index];
        x.text = item.text;
        x.owner = item.owner;
        x.due = item.due;
        x.deadline = item.deadline;  // `done` is ticked apart: editing never unticks
        label = trf("change of checklist item {item} in {name}",
                    {{"item", item_name(e.checklist[index])}, {"name", shown(e.title)}});
        return true;
      });
  return c;
}

Command Command::move_checklist_item(std::string event_id, size_t from, size_t to) {
  Command c = set_field(event_id, "checklist", nullptr);
  c.impl_->prepare = checklist_step(
      std::move(event_id),
      [from, to](const Event& e, auto& list, std::string& label, std::string& error) {
        if (!has_item(e, from, error) || !has_item(e, to, error)) return false;
        ChecklistItem moving = std::move(list[from]);
        list.erase(list.begin() + std::ptrdiff_t(from));
        list.insert(list.begin() + std::ptrdiff_t(to), std::move(moving));
        label = trf("reordering of the checklist of {name}", {{"name", shown(e.title)}});
        return true;
      });
  return c;
}

Command Command::remove_checklist_item(std::string event_id, size_t index) {
  Command c = set_field(event_id, "checklist", nullptr);
  c.impl_->prepare = checklist_step(
      std::move(event_id),
      [index](const Event& e, auto& list, std::string& label, std::string& error) {
        if (!has_item(e, index, error)) return false;
        label = trf(list[index].deadline ? N_("deletion of deadline {item} from {name}")
                                         : N_("deletion of checklist item {item} from {name}"),
                    {{"item", item_name(list[index])}, {"name", shown(e.title)}});
        list.erase(list.begin() + std::ptrdiff_t(index));
        return true;
      });
  return c;
}

Command Command::replace(LoadResult loaded, std::string what) {
  if (!loaded.ok()) {
    Command c = replace(Dataset(), std::move(what));
    c.impl_->refused = "the new data would not load";
    for (const auto& x : loaded.diagnostics)
      if (x.severity == Severity::Error) {
        c.impl_->refused += ": " + x.to_string();
        break;
      }
    return c;
  }
  Command c = replace(std::move(*loaded.dataset), std::move(what));
  c.impl_->validated = true;
  return c;
}

Command Command::replace(Dataset d, std::string what) {
  Command c;
  c.impl_ = std::make_unique<Impl>();
  c.impl_->kind = Impl::Kind::Replace;
  c.impl_->other = std::make_unique<Dataset>(std::move(d));
  c.impl_->label = what.empty() ? tr("replacement of the data") : std::move(what);
  return c;
}

Command Command::add_all(Dataset items, std::string what, std::optional<uint64_t> checked_ids) {
  Command c;
  c.impl_ = std::make_unique<Impl>();
  c.impl_->kind = Impl::Kind::AddAll;
  c.impl_->checked_ids = checked_ids;
  c.impl_->other = std::make_unique<Dataset>(std::move(items));
  c.impl_->label = std::move(what);
  return c;
}

// ---------------------------------------------------------------------------------
// 5. History
// ---------------------------------------------------------------------------------
History::History(size_t max_steps, size_t max_bytes)
    : max_steps_(std::max<size_t>(max_steps, 1)), max_bytes_(max_bytes) {}

bool History::apply(Dataset& d, Command cmd, std::string* error, std::string_view merge_key,
                    double now_seconds) {
  Command::Impl* c = cmd.impl_.get();
  std::string why;
  bool changed = false;
  if (!c)
    why = "there is no change to make";
  else if (!c->refused.empty())
    why = c->refused;
  if (!why.empty() || !c->forward(d, why, changed)) {
    if (error) *error = why;
    return false;
  }
  if (!changed) return true;
  ++version_;

  Command::Impl* top =
      position_ > 0 && position_ == steps_.size() ? steps_.back().impl_.get() : nullptr;
  auto keys = [](const Fields& f) {
    std::set<std::string> k;
    for (const auto& x : f) k.insert(x.first);
    return k;
  };
  bool typing = !merge_key.empty() && merge_key == merge_key_ && top &&
                top->kind == Command::Impl::Kind::Set && c->kind == Command::Impl::Kind::Set &&
                top->target == c->before && keys(top->fields) == keys(c->fields) &&
                now_seconds >= merge_time_ && now_seconds - merge_time_ <= kTypingMergeSeconds;
  if (typing) {
    // The step keeps the values from before the first keystroke; it now ends here.
    top->target = c->target;
    merge_time_ = now_seconds;
    auto r = locate(d, top->target);
    json now = r ? object_of(d, *r) : json::object();
    bool back_to_start =
        r && std::all_of(top->fields.begin(), top->fields.end(), [&](const auto& f) {
          auto it = now.find(f.first);
          return f.second ? it != now.end() && *it == *f.second : it == now.end();
        });
    if (back_to_start) {
      steps_.pop_back();
      --position_;
      merge_key_.clear();
    }
    return true;
  }
  steps_.erase(steps_.begin() + std::ptrdiff_t(position_), steps_.end());
  steps_.push_back(std::move(cmd));
  ++position_;
  merge_key_ = std::string(merge_key);
  merge_time_ = now_seconds;
  trim();
  return true;
}

bool History::undo(Dataset& d) {
  if (!can_undo() || !steps_[position_ - 1].impl_->back(d)) return false;
  --position_;
  ++version_;
  merge_key_.clear();
  return true;
}

bool History::redo(Dataset& d) {
  std::string error;
  bool changed = false;
  if (!can_redo() || !steps_[position_].impl_->forward(d, error, changed)) return false;
  ++position_;
  ++version_;
  merge_key_.clear();
  return true;
}

std::string History::undo_label() const {
  return can_undo() ? "Undo " + steps_[position_ - 1].label() : "Undo";
}
std::string History::redo_label() const {
  return can_redo() ? "Redo " + steps_[position_].label() : "Redo";
}

std::vector<std::string> History::labels() const {
  std::vector<std::string> out;
  out.reserve(steps_.size());
  for (const auto& s : steps_) out.push_back(s.label());
  return out;
}

void History::clear() {
  steps_.clear();
  position_ = 0;
  merge_key_.clear();
}

// Called after an apply, when every step is done (position_ == size): the oldest go.
void History::trim() {
  size_t total = 0;
  for (const auto& s : steps_) total += s.impl_->bytes;
  while (steps_.size() > 1 && (steps_.size() > max_steps_ || total > max_bytes_)) {
    total -= steps_.front().impl_->bytes;
    steps_.pop_front();
    --position_;
  }
}

// ---------------------------------------------------------------------------------
// 6. Editor helpers
// ---------------------------------------------------------------------------------
std::optional<ItemRef> locate(const Dataset& d, std::string_view id) {
  if (id.empty()) return ItemRef{Collection::Dataset, 0};
  for (Collection c : {Collection::Places, Collection::Organisations, Collection::Events,
                       Collection::WorkingGroups, Collection::Stories}) {
    std::optional<size_t> at = with_items(d, c, [&](const auto& v) -> std::optional<size_t> {
      for (size_t i = 0; i < v.size(); ++i)
        if (v[i].id == id) return i;
      return std::nullopt;
    });
    if (at) return ItemRef{c, *at};
  }
  return std::nullopt;
}

std::vector<Reference> references_to(const Dataset& d, std::string_view id) {
  // Sentences are built only for the matches: this scans 100,000 events per call.
  std::vector<Reference> out;
  if (id.empty()) return out;
  auto at = [](const char* collection, size_t i, const char* rest) {
    return "/" + std::string(collection) + "/" + std::to_string(i) + rest;
  };
  auto entries = [&](const std::vector<Participation>& list, const char* collection, size_t i,
                     const char* field, const std::string& from, const std::string& name,
                     const char* says) {
    for (size_t k = 0; k < list.size(); ++k)
      if (list[k].organisation == id)
        out.push_back({at(collection, i, field) + std::to_string(k), from,
                       shown(name) + says + " (" + label(list[k].role) + ")"});
  };
  for (size_t i = 0; i < d.events.size(); ++i) {
    const Event& e = d.events[i];
    if (e.place == id)
      out.push_back({at("events", i, "/place"), e.id, shown(e.title) + " takes place here"});
    entries(e.organisations, "events", i, "/organisations/", e.id, e.title, " lists it");
  }
  for (size_t i = 0; i < d.working_groups.size(); ++i) {
    const WorkingGroup& w = d.working_groups[i];
    entries(w.members, "working_groups", i, "/members/", w.id, w.name,
            " lists it among its members");
    if (w.origin == id)
      out.push_back({at("working_groups", i, "/origin"), w.id, shown(w.name) + " grew from it"});
  }
  for (size_t i = 0; i < d.stories.size(); ++i) {
    const Story& s = d.stories[i];
    for (size_t k = 0; k < s.steps.size(); ++k)
      if (s.steps[k].item == id)
        out.push_back({at("stories", i, "/steps/") + std::to_string(k) + "/item", s.id,
                       shown(s.title) + " shows it at step " + std::to_string(k + 1)});
  }
  return out;
}

std::vector<Diagnostic> check_additions(const Dataset& d, const Dataset& items) {
  std::vector<Diagnostic> out;
  // Every id of `d`, once: a lookup per new item, not a scan.
  std::unordered_map<std::string_view, ItemRef> ids;
  ids.reserve(d.places.size() + d.organisations.size() + d.events.size() + d.working_groups.size() +
              d.stories.size());
  for (Collection c : kItemCollections)
    with_items(d, c, [&](const auto& v) {
      for (size_t i = 0; i < v.size(); ++i) ids.emplace(v[i].id, ItemRef{c, i});
      return 0;
    });
  auto taken = [&](Collection c, size_t i, const std::string& id) {
    auto it = ids.find(id);
    if (it == ids.end() || id.empty()) return;
    Diagnostic x;
    x.pointer = pointer_of(ItemRef{c, i}) + "/id";
    x.message = "the id " + dq(id) + " is already used by " + pointer_of(it->second) + " (" +
                shown(name_at(d, it->second)) + "); every item needs its own id";
    out.push_back(std::move(x));
  };
  for (Collection c : kItemCollections)
    with_items(items, c, [&](const auto& v) {
      for (size_t i = 0; i < v.size(); ++i) taken(c, i, v[i].id);
      return 0;
    });

  // The items as a document of their own, with stand-ins for the items of `d` they refer
  // to after them (so the pointers into `items` stay right). A story step may show
  // anything: a place stand-in will do (only its id is checked). Built as a Dataset and
  // saved once: no JSON tree to build, edit and print again.
  Dataset doc = items;
  doc.title = "x";
  std::set<std::string> wanted;
  auto want = [&](const std::string& id) {
    if (!id.empty()) wanted.insert(id);
  };
  for (const auto& e : items.events) {
    want(e.place);
    for (const auto& p : e.organisations) want(p.organisation);
  }
  for (const auto& w : items.working_groups) {
    want(w.origin);
    for (const auto& p : w.members) want(p.organisation);
  }
  for (const auto& st : items.stories)
    for (const auto& step : st.steps) want(step.item);
  for (const auto& id : wanted) {
    auto it = ids.find(id);
    if (it == ids.end()) continue;
    switch (it->second.collection) {
      case Collection::Organisations: {
        Organisation o;
        o.id = id;
        o.name = "x";
        doc.organisations.push_back(std::move(o));
        break;
      }
      case Collection::Events: {
        Event e;
        e.id = id;
        e.kind = EventKind::Roundtable;
        e.title = "x";
        doc.events.push_back(std::move(e));
        break;
      }
      default: {
        Place p;
        p.id = id;
        p.name = "x";
        p.country = "NZ";
        doc.places.push_back(std::move(p));
        break;
      }
    }
  }
  std::string text;
  try {
    text = save_dataset(doc);
  } catch (const json::exception&) {
    Diagnostic x;
    x.message = "the new items hold text that is not valid UTF-8";
    out.push_back(std::move(x));
    return out;
  }
  LoadResult r = load_dataset(text);
  for (auto& x : r.diagnostics)
    if (x.severity == Severity::Error) out.push_back(std::move(x));
  return out;
}

uint64_t ids_fingerprint(const Dataset& d) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  auto mix = [&](unsigned char c) {
    h ^= c;
    h *= 1099511628211ull;
  };
  for (Collection c : kItemCollections)
    with_items(d, c, [&](const auto& v) {
      mix(static_cast<unsigned char>(c));
      for (const auto& x : v) {
        for (char ch : x.id) mix(static_cast<unsigned char>(ch));
        mix(0);
      }
      return 0;
    });
  return h;
}

std::string id_base(std::string_view base) {
  // Letters and digits kept (lower case), '_' and '.' kept, anything else one '-'.
  std::string slug;
  for (char ch : base) {
    unsigned char u = static_cast<unsigned char>(ch);
    bool alnum = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
    if (alnum)
      slug += char(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u);
    else if (!slug.empty() && (u == '_' || u == '.'))
      slug += ch;
    else if (!slug.empty() && slug.back() != '-')
      slug += '-';
  }
  slug.resize(std::min(slug.size(), kMaxIdChars - 10));  // room for "-12345"
  while (!slug.empty() && (slug.back() == '-' || slug.back() == '_' || slug.back() == '.'))
    slug.pop_back();
  if (slug.empty()) slug = "item";
  return slug;
}

std::string new_id(const Dataset& d, std::string_view base) {
  std::string slug = id_base(base);

  // "rt-hk-2" taken goes on to "rt-hk-3", not "rt-hk-2-2". Only a short number counts as
  // a copy number: "campaign-2017" is a year, and gets "campaign-2017-2".
  std::string stem = slug;
  size_t n = 2;
  size_t dash = slug.rfind('-');
  size_t digits = dash == std::string::npos ? 0 : slug.size() - dash - 1;
  if (digits >= 1 && digits <= 2 && slug[dash + 1] != '0' &&
      slug.find_first_not_of("0123456789", dash + 1) == std::string::npos) {
    stem = slug.substr(0, dash);
    n = std::stoul(slug.substr(dash + 1)) + 1;
  }
  // One pass over the ids, no set of them (a dataset may hold 100,000): is the slug taken,
  // and which of the numbers n..n+count are. Among count+1 numbers one is always free.
  size_t count = d.places.size() + d.organisations.size() + d.events.size() +
                 d.working_groups.size() + d.stories.size();
  bool slug_taken = false;
  std::vector<bool> used(count + 1, false);
  std::string prefix = stem + "-";
  auto note = [&](const std::string& id) {
    if (id == slug) slug_taken = true;
    if (id.size() <= prefix.size() || id.size() > prefix.size() + 9 ||
        id.compare(0, prefix.size(), prefix) != 0 || id[prefix.size()] == '0' ||
        id.find_first_not_of("0123456789", prefix.size()) != std::string::npos)
      return;
    size_t k = 0;
    for (size_t i = prefix.size(); i < id.size(); ++i) k = k * 10 + size_t(id[i] - '0');
    if (k >= n && k - n <= count) used[k - n] = true;
  };
  for (const auto& x : d.places) note(x.id);
  for (const auto& x : d.organisations) note(x.id);
  for (const auto& x : d.events) note(x.id);
  for (const auto& x : d.working_groups) note(x.id);
  for (const auto& x : d.stories) note(x.id);
  if (!slug_taken) return slug;
  size_t free = size_t(std::find(used.begin(), used.end(), false) - used.begin());
  return prefix + std::to_string(n + free);
}

json field_json(const std::optional<edtf::Value>& date) {
  return date ? json(edtf::format(*date)) : json(nullptr);
}

json field_json(const std::vector<Participation>& parts) {
  json a = json::array();
  for (const auto& p : parts) {
    json o = p.extra.is_object() ? p.extra : json::object();
    o["organisation"] = p.organisation;
    o["role"] = to_json_name(p.role);
    if (!p.note.empty()) o["note"] = p.note;
    a.push_back(std::move(o));
  }
  return a;
}

json field_json(const std::vector<Link>& links) {
  json a = json::array();
  for (const auto& l : links) {
    json o = l.extra.is_object() ? l.extra : json::object();
    o["url"] = l.url;
    if (!l.label.empty()) o["label"] = l.label;
    a.push_back(std::move(o));
  }
  return a;
}

json field_json(const std::vector<Sector>& sectors) {
  json a = json::array();
  for (Sector s : sectors) a.push_back(to_json_name(s));
  return a;
}

json field_json(const std::vector<ChecklistItem>& checklist) {
  json a = json::array();
  for (const auto& c : checklist) a.push_back(json::parse(checklist_item_json(c).dump()));
  return a;
}

json field_json(const std::vector<StoryStep>& steps) {
  json a = json::array();
  for (const auto& st : steps) {
    json o = st.extra.is_object() ? st.extra : json::object();
    if (!st.item.empty()) o["item"] = st.item;
    if (st.map) {
      json m = st.map->extra.is_object() ? st.map->extra : json::object();
      m["lon"] = st.map->lon;
      m["lat"] = st.map->lat;
      m["zoom"] = st.map->zoom;
      o["map"] = std::move(m);
    }
    if (st.timeline) o["timeline"] = edtf::format(*st.timeline);
    if (!st.caption.empty()) o["caption"] = st.caption;
    a.push_back(std::move(o));
  }
  return a;
}

}  // namespace atlas
