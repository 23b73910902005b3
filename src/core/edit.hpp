// edit.hpp — every change to the dataset as a command that can be undone: the undo
// history, and what the editor needs around it (who refers to an item, fresh ids).
//
// Index
//   1. Addressing items: Collection, ItemRef, locate
//   2. Command: the kinds of change, made by the factories
//   3. History: apply (refusing what the loader would refuse), undo, redo, labels,
//      typing merged into one step, limits
//   4. Editor helpers: references_to, check_additions, id_base, new_id, JSON values for
//      list and date fields
//
// One rule book. A command builds the changed item as JSON and reads it back through
// load_dataset's own rules, in a small document of its own with stand-ins for the items
// it refers to. So the editor cannot make a file that would not load, its refusals are
// the loader's sentences, and fields this version does not know survive every edit.
// Checking one item (not the whole dataset) keeps a keystroke cheap at 100,000 events.
//
// Little is stored. A step keeps only what takes it back and forth: the values of the
// fields it set (it swaps them on each undo and redo), the item it removed, the
// references it rewrote. A replaced dataset is the one exception, kept whole.
//
// The history assumes the dataset changes only through it: a change made any other way
// (a load outside the history) must be followed by clear(). Undo and redo check that the
// items they touch are where they left them, and refuse when they can tell they are not.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset_json.hpp"
#include "core/model.hpp"

namespace atlas {

// ---------------------------------------------------------------------------------
// 1. Addressing items
// ---------------------------------------------------------------------------------
// Ids are unique across the whole dataset, so an id alone names an item; the collection
// is needed only to add one. `Dataset` stands for the dataset's own fields (title,
// description, source), addressed by the empty id "".
enum class Collection { Dataset, Places, Organisations, Events, WorkingGroups, Stories };

struct ItemRef {
  Collection collection = Collection::Dataset;
  size_t index = 0;
};

// Where the item with this id is; nullopt for an unknown id. "" is the dataset itself.
std::optional<ItemRef> locate(const Dataset& d, std::string_view id);

// ---------------------------------------------------------------------------------
// 2. Command
// ---------------------------------------------------------------------------------
// Made by the factories, handed to History::apply, then owned by the history. A field
// value is the JSON the file would hold ("2015-07" for a date, "HK" for a country, a
// list of {"organisation", "role"} for organisations); field_json() below converts.
class Command {
 public:
  // Sets one field of the item `id` ("" for the dataset's title, description, source).
  // A null value removes the field. Changing "id" rewrites every reference to the item.
  // "format", "version" and the collections ("events"…) are not fields: refused.
  static Command set_field(std::string id, std::string field, nlohmann::json value);
  // Several fields in one step, e.g. {"lat": 22.3, "lon": 114.2} (both or neither:
  // the loader refuses one coordinate alone).
  static Command set_fields(std::string id, nlohmann::json fields);

  // Adds an item at `index` of its collection (the end when nullopt or past the end).
  static Command add(Collection c, nlohmann::json item, std::optional<size_t> index = {});
  static Command add(const Place& item, std::optional<size_t> index = {});
  static Command add(const Organisation& item, std::optional<size_t> index = {});
  static Command add(const Event& item, std::optional<size_t> index = {});
  static Command add(const WorkingGroup& item, std::optional<size_t> index = {});
  static Command add(const Story& item, std::optional<size_t> index = {});
  // Adds every place, organisation, event, working group and story of `items` at the end
  // of its collection, in one step (an import: one undo takes it all back). The items may
  // refer to each other and to items already there. Refused, with the first of
  // check_additions' problems, when any would not load; nothing is added then. `what`
  // completes the label: "import of events.csv". `checked_ids`: the ids_fingerprint of
  // the dataset that check_additions found these items (or a superset of them) clean
  // against; while the dataset's ids are still those, the check is not run again (it is
  // the cost of an import: a second of a 100,000-row one).
  static Command add_all(Dataset items, std::string what,
                         std::optional<uint64_t> checked_ids = std::nullopt);
  // A copy of the item `id` right after it, with `new_id` (new_id(d, id) when empty)
  // and " (copy)" after its name or title.
  static Command duplicate(std::string id, std::string new_id = {});

  // Deletes the item `id`. While other items refer to it (references_to), the command
  // is refused unless `with_references`: then those references go in the same step (an
  // event's place or a group's origin is cleared, the organisation's entries in
  // organisations and members lists are removed, a story step showing the item keeps its
  // camera and caption but no longer names it). The UI shows references_to() and asks
  // before passing true; one undo brings back the item and every reference.
  static Command remove(std::string id, bool with_references = false);

  // Two organisations or two places: every reference to `remove_id` (story steps
  // included) is rewritten to `keep_id`, then `remove_id` is deleted (its own fields are
  // not carried over). An organisation entry that becomes identical to another in the
  // same list (same organisation, role, note) is dropped rather than listed twice.
  static Command merge(std::string remove_id, std::string keep_id);

  // Several commands as one step, so one undo takes them all back ("a new place, and the
  // event now takes place there"). Applied in order; when one is refused, those before
  // it are taken back and the whole is refused with that one's sentence. The label is
  // `label`, or else the first command's ("new place 'Manila'").
  static Command sequence(std::vector<Command> steps, std::string label = {});
  // Plans: an event's status and its checklist. Each is one step with its own label
  // ("ticking of 'Book the venue' in 'Thailand Roundtable'"); underneath each is a set of
  // the event's "status" or "checklist" field, so undo, redo and the loader's rules are
  // those of set_field, and editing an item's text with a merge key merges keystrokes.
  // An index past the checklist is refused with a sentence.
  static Command set_status(std::string event_id, std::optional<EventStatus> status);
  static Command add_checklist_item(std::string event_id, ChecklistItem item,
                                    std::optional<size_t> index = {});
  static Command set_checklist_done(std::string event_id, size_t index, bool done);
  // Replaces the item's text, owner, due date and deadline flag (its unknown fields kept).
  static Command edit_checklist_item(std::string event_id, size_t index, ChecklistItem item);
  // The item at `from` moves to `to` (both indices in the list as it is).
  static Command move_checklist_item(std::string event_id, size_t from, size_t to);
  static Command remove_checklist_item(std::string event_id, size_t index);

  // Replaces the whole dataset (import, atlas.loadJSON, reset), keeping the old one to
  // restore. `what` completes the label: "import of sample.json", "reset to the sample".
  // It is checked like any edit (validate_dataset: 1.5 s at 100,000 events), except when
  // it comes as the LoadResult of load_dataset, which has just checked it: refused if
  // that has errors, taken as it is otherwise.
  static Command replace(Dataset d, std::string what);
  static Command replace(LoadResult loaded, std::string what);

  Command();
  Command(Command&&) noexcept;
  Command& operator=(Command&&) noexcept;
  ~Command();

  // "rename of 'Hong Kong Roundtable'"; empty until applied.
  const std::string& label() const;

 private:
  friend class History;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ---------------------------------------------------------------------------------
// 3. History
// ---------------------------------------------------------------------------------
inline constexpr size_t kHistoryMaxSteps = 500;
// Steps are dropped from the oldest while the history holds more than this (an
// estimate; the newest step is always kept). Replaced datasets are what make it large.
inline constexpr size_t kHistoryMaxBytes = size_t(64) << 20;
// Edits with the same merge key less than this apart (seconds) make one step.
inline constexpr double kTypingMergeSeconds = 1.0;

class History {
 public:
  explicit History(size_t max_steps = kHistoryMaxSteps, size_t max_bytes = kHistoryMaxBytes);

  // Applies `cmd` and records it as the newest step (dropping what could be redone).
  // Refused, returning false with a sentence in *error and the dataset untouched, when
  // the result would not load: a duplicate or malformed id, a reference to nothing, a bad
  // date, country, latitude or longitude, an empty required text. A command that changes
  // nothing returns true and records nothing (what could be redone stays redoable).
  //
  // Typing: pass a `merge_key` naming what is being edited (e.g. "rt-hk/title") and the
  // time in seconds from a steady clock. The edit joins the newest step instead of making
  // its own when that step was applied with the same key, sets the same fields of the
  // same item, nothing was undone since, and the previous edit is at most
  // kTypingMergeSeconds older. Typing back to where the step began removes the step.
  bool apply(Dataset& d, Command cmd, std::string* error = nullptr, std::string_view merge_key = {},
             double now_seconds = 0);
  bool undo(Dataset& d);
  bool redo(Dataset& d);
  bool can_undo() const { return position_ > 0; }
  bool can_redo() const { return position_ < steps_.size(); }

  // Menu items: "Undo rename of 'Hong Kong Roundtable'", "Redo deletion of 'PayPal'";
  // plain "Undo" / "Redo" when there is nothing to undo or redo.
  std::string undo_label() const;
  std::string redo_label() const;
  // Every step's label, oldest first. The first position() are done (undo goes back
  // from position() - 1), the rest undone (redo goes forward from position()).
  std::vector<std::string> labels() const;
  size_t position() const { return position_; }

  void clear();
  // Changes on every apply, undo and redo that changes the dataset (views and autosave
  // compare it).
  uint64_t version() const { return version_; }

 private:
  void trim();
  std::deque<Command> steps_;
  size_t position_ = 0;
  size_t max_steps_, max_bytes_;
  uint64_t version_ = 0;
  std::string merge_key_;  // of the newest step, while it may still absorb typing
  double merge_time_ = 0;
};

// ---------------------------------------------------------------------------------
// 4. Editor helpers
// ---------------------------------------------------------------------------------
// One place in the data that names an item by its id.
struct Reference {
  std::string pointer;  // JSON Pointer of the referring field: "/events/3/place"
  std::string from;     // id of the item that refers
  std::string text;     // "'Hong Kong Roundtable' takes place here"
  std::string to_string() const { return pointer + ": " + text; }
};

// Everything that refers to the item `id`, in file order (events, working groups,
// stories).
std::vector<Reference> references_to(const Dataset& d, std::string_view id);

// What add_all checks: `items` read with the loader's rules as if added to `d` (their
// references to items of `d` resolve, their ids are new to `d` and to each other). The
// pointers are into `items` ("/events/3/date" is items.events[3]). Empty when all is well.
// One pass over `d` and one load of the items: 100,000 new events in about a second.
std::vector<Diagnostic> check_additions(const Dataset& d, const Dataset& items);

// A hash of every item's collection and id, in order: all check_additions depends on.
uint64_t ids_fingerprint(const Dataset& d);

// Text made into the start of an id: "Hong Kong Roundtable" -> "hong-kong-roundtable"
// (letters and digits lower case, '_' and '.' kept, anything else one '-', at most
// kMaxIdChars - 10 characters); "item" when nothing of `text` is usable.
std::string id_base(std::string_view text);

// A valid id no item has: `base` made into an id ("Hong Kong Roundtable" ->
// "hong-kong-roundtable"), then "-2", "-3"… while taken ("rt-hk" -> "rt-hk-2", and
// "rt-hk-2" -> "rt-hk-3"). "item" when nothing of `base` is usable.
std::string new_id(const Dataset& d, std::string_view base);

// Field values in their file form, for set_field. A missing date is null (removes it).
// A story's "steps" are edited as a list too: field_json(story.steps).
nlohmann::json field_json(const std::optional<edtf::Value>& date);
nlohmann::json field_json(const std::vector<Participation>& parts);
nlohmann::json field_json(const std::vector<Link>& links);
nlohmann::json field_json(const std::vector<Sector>& sectors);
nlohmann::json field_json(const std::vector<StoryStep>& steps);
nlohmann::json field_json(const std::vector<ChecklistItem>& checklist);

}  // namespace atlas
