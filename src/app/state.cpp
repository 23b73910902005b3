// state.cpp — see state.hpp.
#include "app/state.hpp"

extern "C" const unsigned char atlas_sample_json[];
extern "C" const unsigned long atlas_sample_json_size;

namespace atlas {

std::string_view sample_dataset_text() {
  return {reinterpret_cast<const char*>(atlas_sample_json), atlas_sample_json_size};
}

std::vector<Diagnostic> AppState::load_json(std::string_view text, const std::string& from) {
  LoadResult r = load_dataset(text);
  if (r.ok()) {
    dataset = std::move(*r.dataset);
    origin = from;
    if (!id_exists(selection)) selection.clear();
    changed();
  }
  return std::move(r.diagnostics);
}

void AppState::load_sample() {
  // The sample is tested to load cleanly; a failure here is a build defect.
  load_json(sample_dataset_text(), "sample");
}

bool AppState::id_exists(const std::string& id) const {
  return !id.empty() && (dataset.find_event(id) || dataset.find_working_group(id) ||
                         dataset.find_place(id) || dataset.find_organisation(id));
}

bool AppState::select(const std::string& id) {
  if (!id.empty() && !id_exists(id)) return false;
  selection = id;
  return true;
}

void AppState::changed() {
  summary = summarize(dataset);
  ++data_version;
}

bool Filters::operator==(const Filters& o) const {
  for (size_t k = 0; k < size_t(EventKind::Count); ++k)
    if (kinds[k] != o.kinds[k]) return false;
  return window_on == o.window_on && window_first == o.window_first &&
         window_last == o.window_last && playhead_on == o.playhead_on && playhead == o.playhead;
}

bool AppState::event_visible(const Event& e) const {
  if (!filters.kinds[size_t(e.kind)]) return false;
  if (!e.date) return !filters.window_on && !filters.playhead_on;
  int64_t first = e.date->earliest(), last = e.date->latest();
  if (filters.window_on && (last < filters.window_first || first > filters.window_last))
    return false;
  if (filters.playhead_on && first > filters.playhead) return false;
  return true;
}

void AppState::set_filters(const Filters& f) {
  if (f == filters) return;
  filters = f;
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
