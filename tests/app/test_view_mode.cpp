// test_view_mode.cpp — the two modes: a shared link in View mode never writes the store
// (not even on a first visit, not on a failed link); Make a copy keeps the user's data
// as "previous"; Restore previous data swaps it back; the refusal is said in the UI's
// language.
//
// Index
//   1. View mode writes nothing and refuses every edit
//   2. A link that cannot be opened: back to the user's own data, untouched
//   3. Make a copy, Restore previous data (also while the copies are still being read)
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "app/session.hpp"
#include "core/i18n.hpp"

using namespace atlas;

namespace {
const char* kOwn = R"({"format": "coalition-atlas", "version": 1, "title": "Mine"})";
const char* kLink = R"({"format": "coalition-atlas", "version": 1, "title": "Shared",
  "places": [{"id": "sg", "name": "Singapore", "country": "SG", "lat": 1.29, "lon": 103.85}]})";
const char* kWarn =
    R"({"format": "coalition-atlas", "version": 1, "title": "Warned", "x-extra": 1})";
const char* kBad = R"({"format": "coalition-atlas", "version": 1, "title": 3})";
const char* kAddress = "https://example.org/shared.json";

// Every key the session or the persistence may write.
std::map<std::string, std::string> snapshot(MemoryStore& m) {
  std::map<std::string, std::string> out;
  for (const char* k :
       {"current", "data.a", "data.b", "rev.a", "rev.b", "corrupt", "previous", "recent"})
    if (auto v = m.get(k)) out[k] = *v;
  return out;
}

// A store holding the user's own edited data, saved as Edit mode saves it.
MemoryStore own_data() {
  auto* mem = new MemoryStore;
  Session s{std::unique_ptr<KeyValueStore>(mem)};
  s.start();
  s.state.load_json(kOwn, "script");
  s.flush();
  REQUIRE(!s.dirty());
  return *mem;
}

struct Viewer {
  MemoryStore* mem;
  Session s;
  explicit Viewer(const MemoryStore& stored)
      : mem(new MemoryStore(stored)), s(std::unique_ptr<KeyValueStore>(mem)) {
    s.view_link(kAddress);
    s.start();
  }
  // What a later visit (a reload without the link) opens.
  std::string reopened_title() const {
    Session again(std::make_unique<MemoryStore>(*mem));
    again.start();
    return again.state.dataset.title;
  }
};
}  // namespace

// -----------------------------------------------------------------------------------
// 1. View mode
// -----------------------------------------------------------------------------------
TEST_CASE("View mode: the link is shown, read-only, and the store is never written") {
  Viewer v(own_data());
  const auto before = snapshot(*v.mem);
  CHECK(v.s.mode() == Session::Mode::View);
  CHECK(v.s.link_state() == Session::Link::Opening);
  CHECK(v.s.has_own_data());
  CHECK(v.s.state.read_only);
  CHECK(v.s.state.dataset.title != "Mine");  // not the user's data as if it were the link
  v.s.tick(0.0);
  CHECK(v.s.import_text(kLink, kAddress) == Session::ImportResult::Replaced);
  CHECK(v.s.link_state() == Session::Link::Shown);
  CHECK(v.s.state.dataset.title == "Shared");
  CHECK(!v.s.state.history.can_undo());  // the link is not a step back to "Opening…"

  std::string why;
  CHECK(!v.s.state.edit(Command::set_field("", "title", "Changed"), &why));
  CHECK(why == AppState::kReadOnly);
  CHECK(!v.s.state.edit(Command::remove("sg", true)));
  CHECK(!v.s.state.request_pick("sg"));
  CHECK(!v.s.state.undo());
  CHECK(v.s.state.dataset.title == "Shared");
  // Another file dropped or pasted is refused too: nothing replaces the link.
  CHECK(v.s.import_text(kOwn, "dropped.json") == Session::ImportResult::Refused);
  CHECK(v.s.state.dataset.title == "Shared");

  v.s.state.load_json(kOwn, "script");  // even a change behind the session's back
  for (double t = 1; t < 5; t += 0.5) v.s.tick(t);
  v.s.flush();
  v.s.remember_file("/tmp/x.json");
  v.s.storage_changed_elsewhere();
  CHECK(v.s.next_autosave_at() < 0);
  CHECK(snapshot(*v.mem) == before);
  CHECK(v.reopened_title() == "Mine");
}

TEST_CASE("View mode on a first visit stores nothing at all (no sample saved)") {
  Viewer v{MemoryStore()};
  CHECK(!v.s.has_own_data());
  v.s.tick(0.0);
  REQUIRE(v.s.import_text(kLink, kAddress) == Session::ImportResult::Replaced);
  v.s.tick(10.0);
  v.s.flush();
  CHECK(snapshot(*v.mem).empty());
}

TEST_CASE("while the link downloads, a dropped file is not taken for it") {
  Viewer v(own_data());
  CHECK(v.s.import_text(kOwn, "dropped.json") == Session::ImportResult::Refused);
  v.s.import_failed("dropped.json", "the file could not be read");
  CHECK(v.s.mode() == Session::Mode::View);
  CHECK(v.s.link_state() == Session::Link::Opening);
  CHECK(v.s.import_text(kLink, kAddress) == Session::ImportResult::Replaced);
  CHECK(v.s.state.dataset.title == "Shared");
}

// -----------------------------------------------------------------------------------
// 2. A link that cannot be opened
// -----------------------------------------------------------------------------------
TEST_CASE("a link with errors, a failed download or a cancelled warning: own data, untouched") {
  SUBCASE("errors") {
    Viewer v(own_data());
    const auto before = snapshot(*v.mem);
    CHECK(v.s.import_text(kBad, kAddress) == Session::ImportResult::Refused);
    CHECK(!v.s.import_diagnostics().empty());  // what is wrong, shown to the user
    CHECK(v.s.mode() == Session::Mode::Edit);
    CHECK(!v.s.state.read_only);
    CHECK(v.s.state.dataset.title == "Mine");
    v.s.tick(0.0);
    v.s.tick(5.0);
    CHECK(snapshot(*v.mem) == before);
  }
  SUBCASE("a download that failed") {
    Viewer v(own_data());
    const auto before = snapshot(*v.mem);
    v.s.import_failed(kAddress, "the server answered 404 Not Found");
    CHECK(v.s.mode() == Session::Mode::Edit);
    CHECK(v.s.import_diagnostics().at(0).message == "the server answered 404 Not Found");
    CHECK(v.s.state.dataset.title == "Mine");
    v.s.tick(5.0);
    CHECK(snapshot(*v.mem) == before);
  }
  SUBCASE("warnings: cancel goes back, confirm shows the link") {
    Viewer v(own_data());
    REQUIRE(v.s.import_text(kWarn, kAddress) == Session::ImportResult::NeedsConfirmation);
    CHECK(v.s.mode() == Session::Mode::View);
    v.s.cancel_import();
    CHECK(v.s.mode() == Session::Mode::Edit);
    CHECK(v.s.state.dataset.title == "Mine");
    Viewer w(own_data());
    REQUIRE(w.s.import_text(kWarn, kAddress) == Session::ImportResult::NeedsConfirmation);
    w.s.confirm_import();
    CHECK(w.s.mode() == Session::Mode::View);
    CHECK(w.s.state.dataset.title == "Warned");
  }
}

// -----------------------------------------------------------------------------------
// 3. Make a copy, Restore previous data
// -----------------------------------------------------------------------------------
TEST_CASE("Make a copy: Edit mode, saved, the user's data kept as previous, and restorable") {
  Viewer v(own_data());
  CHECK(v.s.make_copy() == "the shared link has not been opened yet");
  REQUIRE(v.s.import_text(kLink, kAddress) == Session::ImportResult::Replaced);
  CHECK(!v.s.take_link_dropped());
  CHECK(v.s.make_copy().empty());
  CHECK(v.s.mode() == Session::Mode::Edit);
  CHECK(!v.s.state.read_only);
  CHECK(v.s.take_link_dropped());  // the address drops ?data=, once
  CHECK(!v.s.take_link_dropped());
  CHECK(!v.s.dirty());  // saved at once, not after the autosave delay
  CHECK(v.reopened_title() == "Shared");
  CHECK(v.s.has_previous());
  CHECK(load_dataset(*v.mem->get("previous")).dataset->title == "Mine");
  CHECK(v.s.make_copy() == "this is already your own data, not a shared link");

  // Now it is editable and saved like any data of the user's.
  CHECK(v.s.state.edit(Command::set_field("", "title", "Shared, edited")));
  v.s.flush();
  CHECK(v.reopened_title() == "Shared, edited");

  // Restore previous data: a swap.
  CHECK(v.s.restore_previous().empty());
  CHECK(v.s.state.dataset.title == "Mine");
  CHECK(v.reopened_title() == "Mine");
  CHECK(load_dataset(*v.mem->get("previous")).dataset->title == "Shared, edited");
  CHECK(v.s.restore_previous().empty());
  CHECK(v.reopened_title() == "Shared, edited");
}

TEST_CASE("Make a copy whose save fails: the user's data stays named, and is kept with the retry") {
  Viewer v(own_data());
  REQUIRE(v.s.import_text(kLink, kAddress) == Session::ImportResult::Replaced);
  const auto before = snapshot(*v.mem);
  v.mem->fail_next_puts = 1;
  // The copy and the data it replaces are one write: it failed, so nothing is stored, and
  // a reload still opens the user's own data.
  CHECK(v.s.make_copy().empty());
  CHECK(v.s.mode() == Session::Mode::Edit);
  CHECK(v.s.dirty());
  CHECK(!v.s.has_previous());
  CHECK(snapshot(*v.mem) == before);
  CHECK(v.reopened_title() == "Mine");
  bool told = false;
  for (const auto& n : v.s.notices) told = told || n.kind == Notice::Error;
  CHECK(told);
  // The next save (after the next change) carries the replaced data again: the user's
  // data is never overwritten without being kept.
  CHECK(v.s.state.edit(Command::set_field("", "title", "Shared, edited")));
  v.s.flush();
  CHECK(!v.s.dirty());
  CHECK(v.s.has_previous());
  CHECK(v.reopened_title() == "Shared, edited");
  CHECK(load_dataset(*v.mem->get("previous")).dataset->title == "Mine");
}

TEST_CASE("a first visitor's copy needs no question and has nothing to restore") {
  Viewer v{MemoryStore()};
  REQUIRE(v.s.import_text(kLink, kAddress) == Session::ImportResult::Replaced);
  CHECK(!v.s.has_own_data());
  CHECK(v.s.make_copy().empty());
  CHECK(!v.s.has_previous());
  CHECK(v.s.restore_previous() == "there is no previous data to restore");
  CHECK(v.reopened_title() == "Shared");
}

// The web's store at start: the copies the first frame does not need are still being
// read (web/store.js readStart). They exist (has()), but get() has none of them yet.
namespace {
struct ReadingStore : MemoryStore {
  explicit ReadingStore(const MemoryStore& m) : MemoryStore(m) {}
  std::set<std::string> later;
  std::optional<std::string> get(const std::string& key) override {
    return later.count(key) ? std::nullopt : MemoryStore::get(key);
  }
  bool has(const std::string& key) override { return MemoryStore::get(key).has_value(); }
  bool pending() const override { return !later.empty(); }
};
}  // namespace

TEST_CASE("the user's copies still being read: Make a copy waits for them, nothing is lost") {
  MemoryStore own = own_data();
  own.put("previous", R"({"format": "coalition-atlas", "version": 1, "title": "Older"})");
  auto* slow = new ReadingStore(own);
  slow->later = {"data.a", "data.b", "previous"};
  Session s{std::unique_ptr<KeyValueStore>(slow)};
  s.view_link(kAddress);
  s.start();
  CHECK(s.has_own_data());  // known without reading them
  CHECK(s.has_previous());
  REQUIRE(s.import_text(kLink, kAddress) == Session::ImportResult::Replaced);
  const auto before = snapshot(own);
  CHECK(s.make_copy() == "your own data is still being read; try again in a moment");
  CHECK(s.mode() == Session::Mode::View);
  CHECK(s.state.read_only);
  slow->later.clear();  // read
  CHECK(snapshot(*slow) == before);
  CHECK(s.make_copy().empty());
  CHECK(load_dataset(*slow->get("previous")).dataset->title == "Mine");
}

TEST_CASE(
    "Restore previous data and the unreadable copy while still being read: said, nothing changes") {
  MemoryStore own = own_data();
  own.put("previous", R"({"format": "coalition-atlas", "version": 1, "title": "Older"})");
  own.put("corrupt", R"({"format": "coalition-atlas", "vers)");
  auto* slow = new ReadingStore(own);
  slow->later = {"previous", "corrupt"};
  Session s{std::unique_ptr<KeyValueStore>(slow)};
  s.start();
  CHECK(s.state.dataset.title == "Mine");
  CHECK(s.has_previous());
  CHECK(s.has_corrupt_copy());
  CHECK(!s.corrupt_copy());
  CHECK(s.restore_previous() == "the previous data is still being read; try again in a moment");
  CHECK(s.state.dataset.title == "Mine");
  slow->later.clear();
  CHECK(s.corrupt_copy());
  CHECK(s.restore_previous().empty());
  CHECK(s.state.dataset.title == "Older");
}

// ---------------------------------------------------------------------------------
// The refusals in the pseudo-locale
// ---------------------------------------------------------------------------------
TEST_CASE("View mode's refusal is the catalog's sentence; the English constant stays English") {
  REQUIRE(i18n::set_locale("pseudo"));
  struct English {
    ~English() { i18n::set_locale("en"); }
  } english;
  Viewer v(own_data());
  // While the link downloads, its placeholder's title is the catalog's too.
  CHECK(v.s.state.dataset.title == tr("Opening a shared link…"));
  CHECK(v.s.state.dataset.title.front() == '[');
  REQUIRE(v.s.import_text(kLink, kAddress) == Session::ImportResult::Replaced);
  const std::string refused = tr(AppState::kReadOnly);
  CHECK(refused.front() == '[');
  CHECK(std::string(AppState::kReadOnly).find("read-only") != std::string::npos);
  std::string why;
  CHECK(!v.s.state.edit(Command::set_field("", "title", "Changed"), &why));
  CHECK(why == refused);
  CHECK(v.s.import_text(kOwn, "dropped.json") == Session::ImportResult::Refused);
  REQUIRE(v.s.import_diagnostics().size() == 1);
  CHECK(v.s.import_diagnostics()[0].message == refused);
  CHECK(v.s.restore_previous() == refused);
}
