// persistence.hpp — keeping the user's dataset safe in durable storage, the same way on
// the web (IndexedDB, or localStorage where it cannot be used: web/store.js) and the
// desktop (files in the user's data folder).
//
// Index
//   1. KeyValueStore: the few operations each platform provides (one file each)
//   2. Persistence: atomic saves with the previous good copy kept, restore with fallback,
//      and detection of another writer (a second tab) before overwriting its work
//
// A save is one Batch (the slot, its revision and "current") handed to the store's
// commit(), which answers through a callback: at once on the desktop and in tests, later
// on the web, where IndexedDB writes the batch in one transaction while frames go on.

// Layout in the store: two slots "data.a" and "data.b"; "current" names the slot
// holding the newest good copy, with a revision number ("b 17"). A save writes the
// OTHER slot, then flips "current": a failure at any point leaves the last good copy
// untouched and still named. Each slot's revision is also kept beside it ("rev.a"), so
// a lost or garbled "current" still finds the newest good copy. A copy that fails to load falls
// back to the other slot; the unreadable text is kept under "corrupt" so it can still be exported.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace atlas {

// -----------------------------------------------------------------------------------
// 1. KeyValueStore
// -----------------------------------------------------------------------------------
// Conflict: commit() found "current" changed by another writer since it was read.
enum class StoreError { None, Quota, Io, Conflict };

// The writes of one save. A store that can (IndexedDB) writes them in one transaction,
// and only when "current" still holds `expect_current` (what this writer last saw):
// otherwise nothing is written and the answer is Conflict.
struct Batch {
  std::vector<std::pair<std::string, std::string>> puts;
  std::optional<std::string> expect_current;
  bool users_data = false;  // the user's own work, not the sample stored on a first visit
};

class KeyValueStore {
 public:
  virtual ~KeyValueStore() = default;
  virtual std::optional<std::string> get(const std::string& key) = 0;
  // Whether the key holds a value, read yet or not (see pending()): without a copy of a
  // dataset's text where the store can tell.
  virtual bool has(const std::string& key) { return get(key).has_value(); }
  // Each put is atomic on its own: afterwards the key holds the old or the new value.
  virtual StoreError put(const std::string& key, const std::string& value) = 0;
  virtual void remove(const std::string& key) = 0;
  // For messages: "this browser's local storage", or the folder's path. The web's also
  // says how much is used and whether the browser keeps it when space runs low.
  virtual std::string where() const = 0;
  // Writes a save's batch and calls done once with the answer (maybe later, on the web).
  // This default writes the puts in order, which Persistence's layout makes safe (the
  // slot first, "current" last): a failure part way leaves the last good copy named.
  using Done = std::function<void(StoreError)>;
  // (Defined here: the CLI uses the desktop's store without the rest of src/app.)
  virtual void commit(Batch batch, Done done) {
    if (get("current") != batch.expect_current) return done(StoreError::Conflict);
    for (auto& [key, value] : batch.puts)
      if (StoreError e = put(key, value); e != StoreError::None) return done(e);
    done(StoreError::None);
  }
  // How full the store is and whether the browser keeps it ("" where there is nothing
  // to say): the status bar shows it beside where().
  virtual std::string status() const { return ""; }
  // What the user must know about the store itself ("" when all is well): IndexedDB
  // unavailable, so local storage is used; a database of a newer version, left alone.
  virtual std::string notice() const { return ""; }
  // A value is still being read (the web reads the older slot, "previous" and "corrupt"
  // after the app has started, so a start waits only for the copy it shows): until then
  // get() answers as if that key were absent (has() does not), and a restore that needs
  // it waits (Restored::waiting). Asking starts the read if it has not started.
  virtual bool pending() const { return false; }
};

// An in-memory store (tests, and a fallback when no storage is available).
class MemoryStore : public KeyValueStore {
 public:
  std::optional<std::string> get(const std::string& key) override;
  StoreError put(const std::string& key, const std::string& value) override;
  void remove(const std::string& key) override;
  std::string where() const override { return "memory (not saved)"; }
  // Test hooks: refuse puts beyond this many bytes in all, or fail the next N puts.
  size_t quota = size_t(-1);
  int fail_next_puts = 0;

 private:
  std::vector<std::pair<std::string, std::string>> items_;
  size_t used() const;
};

// -----------------------------------------------------------------------------------
// 2. Persistence
// -----------------------------------------------------------------------------------
struct SaveOutcome {
  bool saved = false;
  bool quota = false;     // the store is full: data stays in memory, Export is offered
  bool conflict = false;  // someone else saved since we last read or wrote: not written
  std::string message;    // a sentence for the user when !saved
};

struct Restored {
  std::optional<std::string> text;  // the dataset text to use; none on a first visit
  bool first_visit = false;
  bool fell_back = false;    // the newest copy was unreadable; the older one is used
  std::string notice;        // what to tell the user, "" when all is well
  std::string corrupt_text;  // the unreadable copy, kept for export
  // The newest copy is unreadable and the older one is still being read (the store's
  // pending()): nothing is decided or written; restore again once it is read.
  bool waiting = false;
};

class Persistence {
 public:
  // `check` says whether a stored text loads (empty string) or why not.
  using Check = std::function<std::string(const std::string& text)>;
  Persistence(KeyValueStore& store, Check check) : store_(store), check_(std::move(check)) {}

  Restored restore();
  // Saves unless another writer saved since; `done` gets the outcome (perhaps later).
  using Done = std::function<void(const SaveOutcome&)>;
  // `also`: other keys written in the same batch, before the pointer moves (the data a
  // copy replaces, kept as "previous": both are stored, or neither).
  using Also = std::vector<std::pair<std::string, std::string>>;
  void save(const std::string& text, bool users_data, Done done, Also also = {});
  // Saves even though another writer saved since (the user chose "keep mine").
  void save_over(const std::string& text, bool users_data, Done done, Also also = {});
  // True when the store's revision is not the one we last read or wrote.
  bool changed_elsewhere();
  // The other writer's copy (after changed_elsewhere()), and adopt its revision.
  std::optional<std::string> take_theirs();
  std::optional<std::string> corrupt_copy() { return store_.get("corrupt"); }
  bool has_corrupt_copy() { return store_.has("corrupt"); }
  KeyValueStore& store() { return store_; }
  long revision() const { return revision_; }

 private:
  struct Pointer {
    char slot = 0;  // 'a' or 'b'; 0 when nothing is stored
    long revision = 0;
  };
  Pointer read_pointer();
  Restored restore_without_pointer();
  void write(const std::string& text, bool users_data, Done done, Also also);
  SaveOutcome failed(StoreError e) const;

  KeyValueStore& store_;
  Check check_;
  long revision_ = 0;  // the revision we last read or wrote
};

}  // namespace atlas
