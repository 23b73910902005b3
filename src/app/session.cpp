// session.cpp — see session.hpp.
#include "app/session.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <nlohmann/json.hpp>

#include "core/formats.hpp"
#include "core/i18n.hpp"

namespace atlas {

Session::Session(std::unique_ptr<KeyValueStore> store)
    : store_(store ? std::move(store) : std::make_unique<MemoryStore>()),
      persistence_(*store_, [this](const std::string& text) { return check(text); }),
      where_(store_->where()) {}

// Persistence's check of a stored copy. The model it builds is kept, so the copy that is
// then opened is not parsed a second time (a large stored dataset: half the start-up).
std::string Session::check(const std::string& text) {
  LoadResult r = load_dataset(text);
  if (r.ok()) {
    checked_ = Checked{text.size(), std::hash<std::string>{}(text), std::move(r)};
    return "";
  }
  return first_error(r);
}

std::string Session::first_error(const LoadResult& r) {
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::Error) return d.to_string();
  return "it is not a valid dataset";
}

namespace {
// An empty dataset titled in the UI's language (the title is shown, and is data: it stays
// as written whatever language opens the file later).
std::string empty_dataset(const char* title) {
  return nlohmann::json{{"format", "coalition-atlas"}, {"version", 1}, {"title", title}}.dump();
}
}  // namespace

void Session::open_stored(const std::string& text, bool undoable) {
  std::optional<Checked> kept = std::move(checked_);
  checked_.reset();
  if (kept && kept->size == text.size() && kept->hash == std::hash<std::string>{}(text))
    state.adopt(std::move(kept->loaded), tr("saved copy"), undoable);
  else
    state.load_json(text, tr("saved copy"), undoable);
}

void Session::start() {
  if (mode_ == Mode::View) {
    start_view();
    return;
  }
  state.read_only = false;
  has_previous_ = store_->has("previous");
  reduce_motion_ = store_->get("reduce-motion") == std::optional<std::string>("1");
  recent_.clear();
  if (auto list = store_->get("recent")) {
    size_t at = 0;
    while (at < list->size() && recent_.size() < kMaxRecent) {
      size_t end = list->find('\n', at);
      if (end == std::string::npos) end = list->size();
      if (end > at) recent_.push_back(list->substr(at, end - at));
      at = end + 1;
    }
  }
  Restored r = persistence_.restore();
  waiting_ = r.waiting;
  if (waiting_) {  // nothing is decided yet: an empty dataset, never saved, until tick()
    state.load_json(empty_dataset(""), "", false);
    saved_version_ = seen_version_ = state.data_version;
    force_save_ = false;
    return;
  }
  // What was open last time is where work resumes: not an undoable step.
  if (r.text) {
    open_stored(*r.text, false);
  } else {
    state.load_sample(false);
  }
  store_notice_ = store_->notice();
  if (!store_notice_.empty()) notify(Notice::Warning, store_notice_, true);
  if (!r.notice.empty()) {
    notify(Notice::Warning, r.notice, !r.corrupt_text.empty());
    notices.back().export_corrupt = !r.corrupt_text.empty();
  }
  saved_version_ = seen_version_ = state.data_version;
  // A first visit, or a fallback: store what is now open, so a reload shows it.
  if (r.first_visit || r.fell_back || !r.text) force_save_ = true;
}

void Session::remember_file(const std::string& path) {
  if (!writes() || path.empty() || path.find('\n') != std::string::npos) return;
  recent_.erase(std::remove(recent_.begin(), recent_.end(), path), recent_.end());
  recent_.insert(recent_.begin(), path);
  if (recent_.size() > kMaxRecent) recent_.resize(kMaxRecent);
  std::string list;
  for (const auto& r : recent_) list += r + "\n";
  store_->put("recent", list);  // a list that cannot be stored is only a convenience lost
}

void Session::set_reduce_motion(bool on) {
  reduce_motion_ = on;
  if (writes())
    store_->put("reduce-motion", on ? "1" : "0");  // a convenience: a failure is not said
}

void Session::notify(Notice::Kind kind, std::string text, bool offer_export) {
  // One notice of a kind of text at a time: a repeated failure does not pile up.
  for (const auto& n : notices)
    if (n.text == text) return;
  notices.push_back({kind, std::move(text), offer_export, false});
}

void Session::dismiss_notice(size_t i) {
  if (i < notices.size()) notices.erase(notices.begin() + long(i));
}

Session::ImportResult Session::import_text(std::string_view text, const std::string& name) {
  // In View mode only the link itself is taken (a file dropped while it downloads is not
  // the link), and nothing once it is shown.
  if (mode_ == Mode::View && (link_ != Link::Opening || name != link_address_)) {
    import_name_ = name;
    import_diags_ = {{Severity::Error, "", tr(AppState::kReadOnly), 0, 0}};
    return ImportResult::Refused;
  }
  // A new import while one waits for "Open it?": the waiting one is cancelled, and said,
  // so the question never offers an older file over a newer one.
  if (pending_) {
    notify(Notice::Info, trf("The import of {name} was cancelled: {other} was opened after it.",
                             {{"name", pending_->name}, {"other", name}}));
    pending_.reset();
  }
  // Another tool's file goes to the import dialog. JSON is sniffed only once our loader
  // has refused it (sniffing parses it: a big file of ours is not parsed twice). A shared
  // link (View mode) must be a dataset of ours: anything else is refused.
  auto to_dialog = [&] {
    if (mode_ == Mode::View) return false;
    const Format* f = guess_format(name, text, true);
    if (!f || std::string_view(f->name) == "atlas") return false;
    spreadsheet_ = SpreadsheetFile{name, std::string(text)};
    return true;
  };
  size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  bool json = first != std::string_view::npos && text[first] == '{';
  if (!json && to_dialog()) return ImportResult::Spreadsheet;
  LoadResult r = load_dataset(text);
  if (!r.ok() && json && to_dialog()) return ImportResult::Spreadsheet;
  import_name_ = name;
  if (!r.ok()) {
    import_diags_ = std::move(r.diagnostics);
    if (mode_ == Mode::View) leave_view();
    return ImportResult::Refused;
  }
  if (!r.diagnostics.empty()) {
    import_diags_ = r.diagnostics;
    std::vector<Diagnostic> diagnostics = r.diagnostics;
    pending_ =
        std::make_unique<PendingImport>(PendingImport{name, std::move(r), std::move(diagnostics)});
    return ImportResult::NeedsConfirmation;
  }
  import_diags_.clear();
  replace(std::move(r), name);
  return ImportResult::Replaced;
}

void Session::confirm_import() {
  if (!pending_) return;
  auto p = std::move(pending_);
  replace(std::move(p->loaded), p->name);
  import_diags_.clear();
}

void Session::cancel_import() {
  pending_.reset();
  if (mode_ == Mode::View && link_ == Link::Opening) leave_view();
}

void Session::import_failed(const std::string& name, const std::string& why) {
  if (mode_ == Mode::View && link_ == Link::Opening && name == link_address_) leave_view();
  import_name_ = name.empty() ? "?data=" : name;
  import_diags_ = {{Severity::Error, "", why, 0, 0}};
}

void Session::replace(LoadResult loaded, const std::string& name) {
  if (mode_ == Mode::View) {
    // The link is what is shown, not a step to undo back to "Opening…".
    state.adopt(std::move(loaded), name, false);
    saved_version_ = seen_version_ = state.data_version;
    link_ = Link::Shown;  // (the bar at the top says what is shown, and how to copy it)
    return;
  }
  state.adopt(std::move(loaded), name);
  notify(Notice::Info, trf("Opened {name}.", {{"name", name}}));
}

void Session::new_dataset() {
  state.load_json(empty_dataset(tr("Untitled dataset")), tr("new dataset"));
}

void Session::reset_to_sample() { state.load_sample(); }

bool Session::autosave_due(double now_seconds) const {
  // (dirty and quiet for kAutosaveDelay seconds)
  return dirty() && now_seconds - changed_at_ >= kAutosaveDelay;
}

double Session::next_autosave_at() const {
  if (conflict_ || saving_ || !writes()) return -1;  // the store's answer wakes the app
  if (force_save_) return 0;
  if (!dirty() || state.data_version == failed_version_) return -1;
  // A change not yet seen by tick() is due a full delay after tick() sees it.
  return state.data_version != seen_version_ ? 0 : changed_at_ + kAutosaveDelay;
}

void Session::tick(double now_seconds) {
  if (waiting_ && !store_->pending()) start();  // the older copy has been read
  if (state.data_version != seen_version_) {
    seen_version_ = state.data_version;
    changed_at_ = now_seconds;
  }
  if (conflict_ || saving_ || !writes()) return;
  if (force_save_ || (autosave_due(now_seconds) && state.data_version != failed_version_)) flush();
}

void Session::flush() {
  if (!writes()) return;
  if (saving_) {
    flush_again_ = true;  // once the store answers: the page may be closing
    return;
  }
  if (conflict_ || (!dirty() && !force_save_)) return;
  force_save_ = false;
  save_now(false);
}

void Session::save_now(bool over) {
  // The version being saved: the data may change again before the store answers.
  const uint64_t version = state.data_version;
  const bool users_data = dirty();  // not the sample stored unchanged on a first visit
  saving_ = true;
  Persistence::Also also;
  if (keep_previous_) also.push_back({"previous", *keep_previous_});
  auto done = [this, version, keeping = bool(keep_previous_)](const SaveOutcome& o) {
    saving_ = false;
    if (o.saved && keeping) {
      keep_previous_.reset();
      has_previous_ = true;
    }
    after_save(o, version);
    if (flush_again_) {
      flush_again_ = false;
      flush();
    }
  };
  if (over)
    persistence_.save_over(state.export_json(), users_data, done, std::move(also));
  else
    persistence_.save(state.export_json(), users_data, done, std::move(also));
}

void Session::after_save(const SaveOutcome& o, uint64_t version) {
  if (o.saved) {
    saved_version_ = version;
    failed_version_ = ~uint64_t(0);
    // The store moved elsewhere to keep this save (the web: IndexedDB failed, local
    // storage took it): the user is told where their data now is.
    if (std::string why = store_->notice(); !why.empty() && why != store_notice_) {
      store_notice_ = why;
      notify(Notice::Warning, why, true);
    }
    if (quota_) {
      quota_ = false;
      notify(Notice::Info, tr("Your changes are saved again."));
    }
    return;
  }
  if (o.conflict) {
    conflict_ = true;
    return;
  }
  // Still dirty: the data stays open and unsaved. Retry after the next change (or an
  // explicit flush), not on every frame.
  quota_ = o.quota;
  failed_version_ = version;
  notify(Notice::Error, o.message, true);
}

void Session::storage_changed_elsewhere() {
  if (!writes()) {
    // Nothing of this tab's is stored; only whether a copy would replace data changes.
    own_data_ = own_data_ || store_->has("current");
    return;
  }
  if (!persistence_.changed_elsewhere()) return;
  if (!dirty()) {
    // Nothing of ours would be lost: show theirs, and say so.
    if (auto theirs = persistence_.take_theirs()) {
      open_stored(*theirs, true);
      saved_version_ = seen_version_ = state.data_version;
      notify(Notice::Info, tr("The data was changed in another tab or window; this view now shows "
                              "those changes."));
    }
    return;
  }
  conflict_ = true;
}

void Session::keep_mine() {
  conflict_ = false;
  if (!saving_ && writes()) save_now(true);
}

void Session::take_theirs() {
  conflict_ = false;
  if (auto theirs = persistence_.take_theirs()) {
    open_stored(*theirs, true);
    saved_version_ = seen_version_ = state.data_version;
  }
}

// -----------------------------------------------------------------------------------
// Modes: View (a shared link) and Edit
// -----------------------------------------------------------------------------------
void Session::view_link(std::string address) {
  mode_ = Mode::View;
  link_ = Link::Opening;
  link_address_ = std::move(address);
}

void Session::start_view() {
  // Only whether the user has data of their own (Make a copy asks before replacing it):
  // nothing is read in full, parsed, repaired or written.
  own_data_ = store_->has("current") || store_->has("data.a") || store_->has("data.b");
  has_previous_ = store_->has("previous");
  state.read_only = true;
  // What View mode shows while the link downloads.
  state.load_json(empty_dataset(tr("Opening a shared link…")), tr("shared link"), false);
  saved_version_ = seen_version_ = state.data_version;
  force_save_ = false;
}

// The link could not be opened: the user's own data, in Edit mode, as if no link had
// been given (the address keeps ?data=, so a reload tries the link again).
void Session::leave_view() {
  mode_ = Mode::Edit;
  link_ = Link::None;
  pending_.reset();
  start();
  notify(Notice::Warning,
         trf("The shared link {address} could not be opened. Your own data is shown, unchanged.",
             {{"address", link_address_}}));
}

std::string Session::make_copy() {
  if (mode_ != Mode::View) return tr("this is already your own data, not a shared link");
  if (link_ != Link::Shown) return tr("the shared link has not been opened yet");
  // The user's own copies are read after the first frame (the store's pending()).
  if (store_->pending()) return tr("your own data is still being read; try again in a moment");
  // Now the store is ours to write: read it properly (revision, repairs). What the copy
  // replaces is written as "previous" in the same batch as the copy, and again with every
  // save until one succeeds: both are stored, or neither, and the user's data is never
  // one save away from being overwritten unkept.
  Restored r = persistence_.restore();
  checked_.reset();
  if (r.text) keep_previous_ = std::move(*r.text);
  mode_ = Mode::Edit;
  link_ = Link::None;
  state.read_only = false;
  link_dropped_ = true;
  own_data_ = true;
  // Not saved yet (and still "not saved" if the save below fails: it is retried).
  saved_version_ = ~uint64_t(0);
  seen_version_ = state.data_version;
  force_save_ = false;
  notify(Notice::Info, keep_previous_ ? tr("This is now your own copy. Your previous data is kept: "
                                           "File > Restore previous data brings it back.")
                                      : tr("This is now your own copy."));
  save_now(false);
  return "";
}

std::string Session::restore_previous() {
  if (mode_ != Mode::Edit) return tr(AppState::kReadOnly);
  if (keep_previous_ || saving_) return tr("a save is under way; try again in a moment");
  if (!store_->has("previous")) return tr("there is no previous data to restore");
  auto previous = store_->get("previous");
  if (!previous) return tr("the previous data is still being read; try again in a moment");
  LoadResult r = load_dataset(*previous);
  if (!r.ok()) return trf("the previous data could not be read: {why}", {{"why", first_error(r)}});
  // Swap: restoring again brings back what was open. Both are written in one batch.
  keep_previous_ = state.export_json();
  state.adopt(std::move(r), tr("previous data"));
  notify(Notice::Info, tr("Restored the previous data. What was open is now the previous data: "
                          "restore again to swap back."));
  flush();
  return "";
}

std::string Session::export_filename(std::time_t now) const {
  char date[16] = "";
  if (std::tm* t = std::localtime(&now)) std::strftime(date, sizeof date, "%Y-%m-%d", t);
  std::string base = slug(state.dataset.title);
  if (base.empty()) base = "coalition-atlas";
  return base + "-" + date + ".json";
}

std::string slug(const std::string& title, size_t max_chars) {
  std::string out;
  for (char c : title) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80)
      out += char(std::tolower(u));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  if (out.size() > max_chars) {
    // Cut at a word boundary, not inside a word.
    size_t cut = out[max_chars] == '-' ? max_chars : out.rfind('-', max_chars);
    out.resize(cut == std::string::npos ? max_chars : cut);
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace atlas
