// session.hpp — the open dataset's life: start (restore the saved copy, or the sample on a
// first visit), import (all or nothing, asking first when there are warnings), autosave
// after every change, conflicts with another tab, new/reset, export names, the notices
// the user must see, and the two modes: Edit (the user's own data) and View (a shared
// link, read-only, never written to the store) with "Make a copy to edit" and
// "Restore previous data". Pure logic; the platform supplies the store and the clock.
#pragma once

#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <utility>
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

  // Loads the saved copy (or the sample on a first visit), reporting what happened. In
  // View mode (view_link() first) it only reads the store: whether the user has data.
  // When the newest copy is unreadable and the store is still reading the older one,
  // the start waits (waiting(): nothing shown is saved) and tick() finishes it once the
  // store has it.
  void start();
  bool waiting() const { return waiting_; }

  // 1. Import from a file, a drop, a paste, a URL or a script.
  // A spreadsheet or another tool's file (CSV, TimelineJS: core/formats' sniffing) is
  // not opened: it waits, as Spreadsheet, for the UI's File > Import CSV dialog
  // (mapping, problems, one undo step), which takes it with take_spreadsheet().
  enum class ImportResult { Replaced, NeedsConfirmation, Refused, Spreadsheet };
  ImportResult import_text(std::string_view text, const std::string& name);
  struct SpreadsheetFile {
    std::string name, bytes;
  };
  std::optional<SpreadsheetFile> take_spreadsheet() { return std::exchange(spreadsheet_, {}); }
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
  // The unreadable copy kept for export: none while it is still being read (pending()).
  std::optional<std::string> corrupt_copy() { return persistence_.corrupt_copy(); }
  bool has_corrupt_copy() { return persistence_.has_corrupt_copy(); }
  const std::string& storage_where() const { return where_; }
  std::string storage_status() const { return store_->status(); }
  bool quota_exceeded() const { return quota_; }

  // 6. Recent files (desktop), newest first, kept in the store between runs.
  const std::vector<std::string>& recent_files() const { return recent_; }
  void remember_file(const std::string& path);
  static constexpr size_t kMaxRecent = 8;
  // View > Reduce motion, kept in the store between runs like the recent files (not in
  // View mode, which stores nothing).
  bool reduce_motion() const { return reduce_motion_; }
  void set_reduce_motion(bool on);

  // 7. Modes. Edit: the user's own data, saved as it changes. View: a shared link shown
  // read-only (state.read_only), where the store is never written: no autosave, no
  // pointer change, no slot, not even a repair. The link arrives later (a download) as
  // an import; if it cannot be opened the session falls back to Edit with the user's own
  // data, untouched, and the import's problems to show.
  enum class Mode { Edit, View };
  enum class Link { None, Opening, Shown };
  Mode mode() const { return mode_; }
  Link link_state() const { return link_; }
  // Before start(): open in View mode for the shared link at `address` (?data=URL).
  void view_link(std::string address);
  const std::string& link_address() const { return link_address_; }
  // Whether the store holds data of the user's own (Make a copy asks before replacing it).
  bool has_own_data() const { return own_data_; }
  // Copies the first frame did not need are still being read (the store's pending()):
  // Make a copy waits for the user's own data.
  bool store_reading() const { return store_->pending(); }
  // View -> Edit with the link's data, saved now; the user's own data is kept in the store
  // as "previous". "" when done, else why not (nothing changed then).
  std::string make_copy();
  // True once after make_copy(): the address should drop its ?data= (so a reload keeps
  // the copy instead of opening the link again).
  bool take_link_dropped() { return std::exchange(link_dropped_, false); }
  // File > Restore previous data: the previous data becomes the open (and saved) data, and
  // what was open becomes the previous one, so restoring again swaps back. "" or why not.
  bool has_previous() const { return has_previous_; }
  std::string restore_previous();

 private:
  void start_view();
  void leave_view();
  bool writes() const { return mode_ == Mode::Edit && !waiting_; }
  void replace(LoadResult loaded, const std::string& name);
  void notify(Notice::Kind kind, std::string text, bool offer_export = false);
  void after_save(const SaveOutcome& o, uint64_t version);
  std::string check(const std::string& text);
  static std::string first_error(const LoadResult& r);
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
  std::optional<SpreadsheetFile> spreadsheet_;  // for the import dialog (import_text)
  std::vector<Diagnostic> import_diags_;
  std::string import_name_;
  uint64_t saved_version_ = 0;
  uint64_t seen_version_ = 0;
  uint64_t failed_version_ = ~uint64_t(0);  // the version whose save failed
  double changed_at_ = 0.0;
  bool force_save_ = false;   // store what is open even though it is unchanged
  bool waiting_ = false;      // start() waits for the store's older copy (pending())
  bool saving_ = false;       // a save is with the store, not answered yet
  bool flush_again_ = false;  // flush() was asked for while saving_
  bool conflict_ = false;
  bool quota_ = false;
  std::vector<std::string> recent_;
  bool reduce_motion_ = false;
  Mode mode_ = Mode::Edit;
  Link link_ = Link::None;
  std::string link_address_;
  bool own_data_ = false;
  std::string store_notice_;  // what the store said last (where the data is kept, and why)
  bool link_dropped_ = false;
  bool has_previous_ = false;
  // Data a copy or a restore displaced, written with the next save (in its batch) until
  // one succeeds.
  std::optional<std::string> keep_previous_;
};

// "Asia-Pacific Financial Coalition: …" -> "asia-pacific-financial-coalition"
std::string slug(const std::string& title, size_t max_chars = 60);

}  // namespace atlas
