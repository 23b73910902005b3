// state.cpp — see state.hpp.
#include "app/state.hpp"

#include <chrono>
#include <functional>

#include "core/i18n.hpp"

extern "C" const unsigned char atlas_sample_json[];
extern "C" const unsigned long atlas_sample_json_size;

namespace atlas {

std::string_view sample_dataset_text() {
  return {reinterpret_cast<const char*>(atlas_sample_json), atlas_sample_json_size};
}

std::vector<Diagnostic> AppState::load_json(std::string_view text, const std::string& from,
                                            bool undoable) {
  return adopt(load_dataset(text), from, undoable);
}

std::vector<Diagnostic> AppState::adopt(LoadResult r, const std::string& from, bool undoable) {
  std::vector<Diagnostic> diagnostics = r.diagnostics;
  if (r.ok()) {
    const std::shared_ptr<LoadedIds> ids = std::move(r.ids);
    if (undoable) {
      // The loader has just checked it: the command need not check it again.
      history.apply(dataset,
                    Command::replace(std::move(r), trf("opening of {what}", {{"what", from}})));
    } else {
      dataset = std::move(*r.dataset);
      history.clear();
    }
    origin = from;
    changed(ids.get());  // first: the id index must describe the new data before it is used
    if (!id_exists(selection_)) {
      selection_.clear();
      index_selection();
    }
    if (!place(pick_)) pick_.clear();
  }
  return diagnostics;
}

void AppState::load_sample(bool undoable) {
  // The sample is tested to load cleanly; a failure here is a build defect.
  load_json(sample_dataset_text(), tr("sample"), undoable);
}

bool AppState::edit(Command cmd, std::string* error, std::string_view merge_key) {
  if (read_only) {
    if (error) *error = tr(kReadOnly);
    return false;
  }
  double now =
      std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  uint64_t before = history.version();
  if (!history.apply(dataset, std::move(cmd), error, merge_key, now)) return false;
  if (history.version() != before) after_history();
  return true;
}

bool AppState::undo() {
  if (read_only || !history.undo(dataset)) return false;
  after_history();
  return true;
}

bool AppState::redo() {
  if (read_only || !history.redo(dataset)) return false;
  after_history();
  return true;
}

void AppState::after_history() {
  changed();
  if (!id_exists(selection_)) {
    selection_.clear();
    index_selection();
  }
  if (!place(pick_)) pick_.clear();  // the place went (undo of its addition, a deletion)
}

bool AppState::id_exists(const std::string& id) const {
  Kind kind;
  size_t i;
  return indexed(id, kind, i);
}

bool AppState::select(const std::string& id) {
  if (!id.empty() && !id_exists(id)) return false;
  selection_ = id;
  index_selection();
  return true;
}

bool AppState::request_pick(const std::string& place_id) {
  if (!place_id.empty() && (read_only || !place(place_id))) return false;
  pick_ = place_id;
  return true;
}

bool AppState::complete_pick(double lon, double lat, std::string* error) {
  const std::string id = std::exchange(pick_, std::string());
  if (id.empty()) {
    if (error) *error = "no place is waiting for a click on the map";
    return false;
  }
  return edit(Command::set_fields(id, {{"lat", lat}, {"lon", lon}}), error);
}

void AppState::changed(LoadedIds* loaded) {
  ++data_version;
  // Each event's earliest and latest day, once per change: the filters ask for them for
  // every event on every filter change (every frame while the timeline plays).
  event_days_.resize(dataset.events.size());
  for (size_t i = 0; i < dataset.events.size(); ++i) {
    const auto& d = dataset.events[i].date;
    event_days_[i] = d ? std::pair(d->earliest(), d->latest()) : std::pair<int64_t, int64_t>(0, 0);
  }
  event_days_version_ = data_version;
  summary = summarize(dataset, event_days_);
  index_counts_[0] = dataset.places.size();
  index_counts_[1] = dataset.organisations.size();
  index_counts_[2] = dataset.events.size();
  index_counts_[3] = dataset.working_groups.size();
  if (loaded && loaded->describes(dataset)) {
    // The loader's table: the same claims, and the stories' after them.
    index_ = std::move(loaded->table);
    loaded->taken = true;
  } else {
    index_ = IdTable(index_counts_[0] + index_counts_[1] + index_counts_[2] + index_counts_[3]);
    uint32_t claim = 0;
    for (const auto& x : dataset.places) index_.claim(x.id, claim++);
    for (const auto& x : dataset.organisations) index_.claim(x.id, claim++);
    for (const auto& x : dataset.events) index_.claim(x.id, claim++);
    for (const auto& x : dataset.working_groups) index_.claim(x.id, claim++);
  }
  index_selection();
}

bool AppState::indexed(std::string_view id, Kind& kind, size_t& i) const {
  static constexpr Kind kOrder[4] = {Kind::Place, Kind::Organisation, Kind::Event, Kind::Group};
  const uint32_t claim = index_.find(id);
  if (claim == IdTable::kNone) return false;
  size_t k = 0;
  i = claim;
  while (k < 4 && i >= index_counts_[k]) i -= index_counts_[k++];
  if (k == 4) return false;  // a story's (the loader's table has them): not an item here
  kind = kOrder[k];
  return true;
}

void AppState::index_selection() {
  selected_event_ = selected_group_ = -1;
  Kind kind;
  size_t i;
  if (!indexed(selection_, kind, i)) return;
  if (kind == Kind::Event) selected_event_ = int(i);
  if (kind == Kind::Group) selected_group_ = int(i);
}

template <typename T>
const T* AppState::lookup(const std::string& id, Kind kind, const std::vector<T>& items) const {
  Kind found;
  size_t i;
  return indexed(id, found, i) && found == kind ? &items[i] : nullptr;
}
const Event* AppState::event(const std::string& id) const {
  return lookup(id, Kind::Event, dataset.events);
}
const WorkingGroup* AppState::working_group(const std::string& id) const {
  return lookup(id, Kind::Group, dataset.working_groups);
}
const Place* AppState::place(const std::string& id) const {
  return lookup(id, Kind::Place, dataset.places);
}
const Organisation* AppState::organisation(const std::string& id) const {
  return lookup(id, Kind::Organisation, dataset.organisations);
}

size_t AppState::visible_event_count() const {
  if (counted_data_ != data_version || counted_filters_ != filter_version) {
    visible_count_ = 0;
    for (const auto& e : dataset.events) visible_count_ += event_visible(e);
    counted_data_ = data_version;
    counted_filters_ = filter_version;
  }
  return visible_count_;
}

bool Filters::operator==(const Filters& o) const {
  for (size_t k = 0; k < size_t(EventKind::Count); ++k)
    if (kinds[k] != o.kinds[k]) return false;
  return window_on == o.window_on && window_first == o.window_first &&
         window_last == o.window_last && playhead_on == o.playhead_on && playhead == o.playhead &&
         statuses == o.statuses;
}

bool AppState::event_visible(const Event& e) const {
  if (!filters_.kinds[size_t(e.kind)] || !filters_.statuses.shows(e)) return false;
  if (!e.date) return !filters_.window_on && !filters_.playhead_on;
  if (!filters_.window_on && !filters_.playhead_on) return true;
  int64_t first, last;
  // An event of the dataset (the usual case) has its days computed already.
  const Event* begin = dataset.events.data();
  const Event* end = begin + dataset.events.size();
  const std::less<const Event*> before;
  if (event_days_version_ == data_version && event_days_.size() == dataset.events.size() &&
      !before(&e, begin) && before(&e, end)) {
    const size_t i = size_t(&e - begin);
    first = event_days_[i].first;
    last = event_days_[i].second;
  } else {
    first = e.date->earliest();
    last = e.date->latest();
  }
  if (filters_.window_on && (last < filters_.window_first || first > filters_.window_last))
    return false;
  if (filters_.playhead_on && first > filters_.playhead) return false;
  return true;
}

bool AppState::group_visible(const WorkingGroup& g) const {
  if (!g.active) return !filters_.window_on && !filters_.playhead_on;
  int64_t first = g.active->earliest(), last = g.active->latest();
  if (filters_.window_on && (last < filters_.window_first || first > filters_.window_last))
    return false;
  if (filters_.playhead_on && first > filters_.playhead) return false;
  return true;
}

void AppState::set_filters(const Filters& f) {
  if (f == filters_) return;
  filters_ = f;
  ++filter_version;
}

std::string diagnostics_json(const std::vector<Diagnostic>& ds) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& d : ds) {
    nlohmann::json o = {{"severity", d.severity == Severity::Error ? "error" : "warning"},
                        {"pointer", d.pointer},
                        {"message", d.message},
                        {"text", d.to_string()}};
    if (d.line > 0) {
      o["line"] = d.line;
      o["column"] = d.column;
    }
    a.push_back(std::move(o));
  }
  return a.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string stats_json(const AppState& s) {
  return nlohmann::json{{"events", s.summary.events},
                        {"working_groups", s.summary.working_groups},
                        {"places", s.summary.places},
                        {"organisations", s.summary.organisations}}
      .dump();
}

}  // namespace atlas
