// session.hpp — the open dataset's life: start (restore the saved copy, or the sample on a
// first visit), import (all or nothing, asking first when there are warnings), autosave
// after every change, conflicts with another tab, new/reset, export names, and the
// notices the user must see. Pure logic; the platform supplies the store and the clock.
#pragma once

#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/persistence.hpp"
#include "app/state.hpp"

namespace atlas {

struct Notice {
  enum Kind { Info, Warning, Error } kind = Info;
  std::string text;
  bool offer_export = false;    // show an Export button beside it
  bool export_corrupt = false;  // ... which exports the unreadable stored copy
};

// An import that has warnings and waits for the user's yes: read once, kept as read.
struct PendingImport {
  std::string name;
  LoadResult loaded;
  std::vector<Diagnostic> diagnostics;
};

class Session {
 public:
  // Autosave waits this long after the last change, so typing does not save per key.
  static constexpr double kAutosaveDelay = 0.5;

  explicit Session(std::unique_ptr<KeyValueStore> store);

  AppState state;

  // Loads the saved copy (or the sample on a first visit), reporting what happened.
  void start();

  // 1. Import from a file, a drop, a paste, a URL or a script.
  enum class ImportResult { Replaced, NeedsConfirmation, Refused };
  ImportResult import_text(std::string_view text, const std::string& name);
  const PendingImport* pending_import() const { return pending_.get(); }
  void confirm_import();
  void cancel_import();
  // The diagnostics of the last import that failed or warned (the panel shows them).
  const std::vector<Diagnostic>& import_diagnostics() const { return import_diags_; }
  const std::string& import_name() const { return import_name_; }
  void clear_import_diagnostics() { import_diags_.clear(); }
  void import_failed(const std::string& name, const std::string& why);  // e.g. a fetch error

  // 2. New and reset (the UI confirms first).
  void new_dataset();
  void reset_to_sample();

  // 3. Saving: tick() every frame; flush() when the page hides or the app quits. A save
  // may finish later (the web's IndexedDB): one at a time, and the data stays dirty
  // until the store has answered.
  void tick(double now_seconds);
  void flush();
  bool saving() const { return saving_; }
  // The last save failed (not a conflict): the open data is not stored.
  bool save_failed() const { return failed_version_ != ~uint64_t(0); }
  bool dirty() const { return state.data_version != saved_version_; }
  bool autosave_due(double now_seconds) const;
  // When the next autosave is due (seconds, the clock tick() gets), or -1 for none.
  double next_autosave_at() const;

  // 4. Another tab or window saved: the user chooses.
  void storage_changed_elsewhere();
  bool conflict() const { return conflict_; }
  void keep_mine();
  void take_theirs();

  // 5. What to tell the user.
  std::vector<Notice> notices;
  void dismiss_notice(size_t i);
  std::string export_filename(std::time_t now) const;
  std::optional<std::string> corrupt_copy() { return persistence_.corrupt_copy(); }
  const std::string& storage_where() const { return where_; }
  std::string storage_status() const { return store_->status(); }
  bool quota_exceeded() const { return quota_; }

  // 6. Recent files (desktop), newest first, kept in the store between runs.
  const std::vector<std::string>& recent_files() const { return recent_; }
  void remember_file(const std::string& path);
  static constexpr size_t kMaxRecent = 8;

 private:
  void replace(LoadResult loaded, const std::string& name);
  void notify(Notice::Kind kind, std::string text, bool offer_export = false);
  void after_save(const SaveOutcome& o, uint64_t version);
  std::string check(const std::string& text);
  void open_stored(const std::string& text, bool undoable);
  // Runs save_over or save (see keep_mine) for what is open now; after_save gets the answer.
  void save_now(bool over);

  // The model check() built for the last stored copy that loads, and which text it was.
  struct Checked {
    size_t size = 0;
    size_t hash = 0;
    LoadResult loaded;
  };
  std::optional<Checked> checked_;
  std::unique_ptr<KeyValueStore> store_;
  Persistence persistence_;
  std::string where_;
  std::unique_ptr<PendingImport> pending_;
  std::vector<Diagnostic> import_diags_;
  std::string import_name_;
  uint64_t saved_version_ = 0;
  uint64_t seen_version_ = 0;
  uint64_t failed_version_ = ~uint64_t(0);  // the version whose save failed
  double changed_at_ = 0.0;
  bool force_save_ = false;   // store what is open even though it is unchanged
  bool saving_ = false;       // a save is with the store, not answered yet
  bool flush_again_ = false;  // flush() was asked for while saving_
  bool conflict_ = false;
  bool quota_ = false;
  std::vector<std::string> recent_;
};

// "Asia-Pacific Financial Coalition: …" -> "asia-pacific-financial-coalition"
std::string slug(const std::string& title, size_t max_chars = 60);

}  // namespace atlas
