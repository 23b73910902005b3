// test_session.cpp — the dataset's life in the app: start, import, autosave, conflicts.
#include <doctest/doctest.h>

#include <algorithm>

#include "app/session.hpp"
#include "core/i18n.hpp"

using namespace atlas;

namespace {
const char* kSmall = R"({"format": "coalition-atlas", "version": 1, "title": "Small"})";
const char* kWarn =
    R"({"format": "coalition-atlas", "version": 1, "title": "Warned", "x-extra": 1})";
const char* kBad = R"({"format": "coalition-atlas", "version": 1, "title": 3})";

struct Fixture {
  MemoryStore* mem = new MemoryStore;
  Session s{std::unique_ptr<KeyValueStore>(mem)};
};
}  // namespace

TEST_CASE("a first visit opens the sample and stores it") {
  Fixture f;
  f.s.start();
  CHECK(f.s.state.origin == "sample");
  CHECK(f.s.notices.empty());
  f.s.tick(0.0);
  CHECK(f.mem->get("current"));
}

TEST_CASE("changes are saved after a quiet half second, then survive a restart") {
  Fixture f;
  f.s.start();
  f.s.tick(0.0);
  f.s.state.load_json(kSmall, "script");
  f.s.tick(1.0);  // the change is seen now
  CHECK(f.s.dirty());
  f.s.tick(1.2);
  CHECK(f.s.dirty());  // not yet: debounced
  f.s.tick(1.6);
  CHECK(!f.s.dirty());
  Session again(std::make_unique<MemoryStore>(*f.mem));
  again.start();
  CHECK(again.state.dataset.title == "Small");
}

TEST_CASE("import: errors refuse, warnings ask, clean files open") {
  Fixture f;
  f.s.start();
  std::string before = f.s.state.export_json();
  CHECK(f.s.import_text(kBad, "bad.json") == Session::ImportResult::Refused);
  CHECK(f.s.state.export_json() == before);
  REQUIRE(f.s.import_diagnostics().size() == 1);
  CHECK(f.s.import_diagnostics()[0].pointer == "/title");
  CHECK(f.s.import_name() == "bad.json");

  CHECK(f.s.import_text(kWarn, "warn.json") == Session::ImportResult::NeedsConfirmation);
  CHECK(f.s.state.export_json() == before);
  REQUIRE(f.s.pending_import());
  f.s.cancel_import();
  CHECK(f.s.state.export_json() == before);
  f.s.import_text(kWarn, "warn.json");
  f.s.confirm_import();
  CHECK(f.s.state.dataset.title == "Warned");
  CHECK(f.s.state.export_json().find("x-extra") != std::string::npos);

  CHECK(f.s.import_text(kSmall, "small.json") == Session::ImportResult::Replaced);
  CHECK(f.s.state.dataset.title == "Small");
  CHECK(f.s.import_diagnostics().empty());
}

TEST_CASE("import: spreadsheets and TimelineJS wait for the import dialog; our JSON never does") {
  Fixture f;
  f.s.start();
  std::string before = f.s.state.export_json();
  CHECK(f.s.import_text("Title;Date\r\nA;2015\r\n", "events.csv") ==
        Session::ImportResult::Spreadsheet);
  auto sheet = f.s.take_spreadsheet();
  REQUIRE(sheet);
  CHECK(sheet->name == "events.csv");
  CHECK(sheet->bytes == "Title;Date\r\nA;2015\r\n");
  CHECK_FALSE(f.s.take_spreadsheet());  // taken once
  CHECK(f.s.import_text(R"({"events":[{"start_date":{"year":2015}}]})", "t.json") ==
        Session::ImportResult::Spreadsheet);
  CHECK(f.s.take_spreadsheet());
  // Ours without its "format" line is ours, with the loader's error: not TimelineJS.
  CHECK(f.s.import_text(R"({"version":1,"title":"x","events":[]})", "mine.json") ==
        Session::ImportResult::Refused);
  CHECK_FALSE(f.s.take_spreadsheet());
  CHECK(f.s.state.export_json() == before);
}

TEST_CASE("a second import while the first waits for 'Open it?' cancels the first, and says so") {
  Fixture f;
  f.s.start();
  std::string before = f.s.state.export_json();
  REQUIRE(f.s.import_text(kWarn, "first.json") == Session::ImportResult::NeedsConfirmation);
  // A refused second file: the first no longer waits, the data is as it was.
  CHECK(f.s.import_text(kBad, "second.json") == Session::ImportResult::Refused);
  CHECK_FALSE(f.s.pending_import());
  f.s.confirm_import();  // a late "Open it" opens nothing
  CHECK(f.s.state.export_json() == before);
  REQUIRE_FALSE(f.s.notices.empty());
  CHECK(f.s.notices.back().text ==
        "The import of first.json was cancelled: second.json was opened after it.");
  // A clean second file opens; the older one is never offered over it.
  REQUIRE(f.s.import_text(kWarn, "third.json") == Session::ImportResult::NeedsConfirmation);
  CHECK(f.s.import_text(kSmall, "fourth.json") == Session::ImportResult::Replaced);
  f.s.confirm_import();
  CHECK(f.s.state.dataset.title == "Small");
  // Another file with warnings: it is the one asked about.
  REQUIRE(f.s.import_text(kWarn, "fifth.json") == Session::ImportResult::NeedsConfirmation);
  REQUIRE(f.s.import_text(kWarn, "sixth.json") == Session::ImportResult::NeedsConfirmation);
  CHECK(f.s.pending_import()->name == "sixth.json");
}

TEST_CASE("a full store: the user is told, the data stays, nothing retried every frame") {
  Fixture f;
  f.s.start();
  f.s.tick(0.0);
  f.mem->quota = 100;
  f.s.state.load_json(kSmall, "script");
  f.s.tick(1.0);
  f.s.tick(2.0);
  CHECK(f.s.quota_exceeded());
  CHECK(f.s.dirty());
  REQUIRE(f.s.notices.size() == 1);
  CHECK(f.s.notices[0].kind == Notice::Error);
  CHECK(f.s.notices[0].offer_export);
  CHECK(f.s.state.dataset.title == "Small");
  Session again(std::make_unique<MemoryStore>(*f.mem));
  again.start();
  CHECK(again.state.origin == "saved copy");  // the sample saved at the first visit
  CHECK(again.state.dataset.title != "Small");
  // Space again: the next change saves.
  f.mem->quota = size_t(-1);
  f.s.state.load_json(R"({"format": "coalition-atlas", "version": 1, "title": "S2"})", "x");
  f.s.tick(3.0);
  f.s.tick(4.0);
  CHECK(!f.s.dirty());
  CHECK(!f.s.quota_exceeded());
}

TEST_CASE(
    "two tabs: a change elsewhere with nothing unsaved here is shown; else the user chooses") {
  MemoryStore* shared = new MemoryStore;
  Session a{std::unique_ptr<KeyValueStore>(shared)};
  a.start();
  a.tick(0.0);
  // Tab b shares the store (a copy of the pointer: same items).
  struct Alias : KeyValueStore {
    MemoryStore& m;
    explicit Alias(MemoryStore& x) : m(x) {}
    std::optional<std::string> get(const std::string& k) override { return m.get(k); }
    StoreError put(const std::string& k, const std::string& v) override { return m.put(k, v); }
    void remove(const std::string& k) override { m.remove(k); }
    std::string where() const override { return "shared"; }
  };
  Session b(std::make_unique<Alias>(*shared));
  b.start();
  b.state.load_json(kSmall, "b");
  b.tick(1.0);
  b.tick(2.0);
  REQUIRE(!b.dirty());
  a.storage_changed_elsewhere();
  CHECK(!a.conflict());
  CHECK(a.state.dataset.title == "Small");

  // Now both have unsaved work: b saves first, a must not overwrite it silently.
  a.state.load_json(R"({"format": "coalition-atlas", "version": 1, "title": "A"})", "a");
  b.state.load_json(R"({"format": "coalition-atlas", "version": 1, "title": "B"})", "b");
  b.tick(3.0);
  b.tick(4.0);
  a.tick(3.0);
  a.storage_changed_elsewhere();
  CHECK(a.conflict());
  a.tick(5.0);
  Session c(std::make_unique<Alias>(*shared));
  c.start();
  CHECK(c.state.dataset.title == "B");
  a.keep_mine();
  Session d(std::make_unique<Alias>(*shared));
  d.start();
  CHECK(d.state.dataset.title == "A");
}

TEST_CASE("a start that needs the older copy waits for it, saving nothing meanwhile") {
  // The web's store at start: the older slot still being read.
  struct SlowStore : MemoryStore {
    std::string later;
    std::optional<std::string> get(const std::string& key) override {
      return key == later ? std::nullopt : MemoryStore::get(key);
    }
    bool pending() const override { return !later.empty(); }
  };
  auto* mem = new SlowStore;
  {
    Session first{std::unique_ptr<KeyValueStore>(new MemoryStore)};
    first.start();
    first.flush();
    std::string good = first.state.export_json();
    mem->put("data.a", good);
    mem->put("rev.a", "1");
    mem->put("data.b", "{\"format\": \"coalition-atlas\", \"ver");  // the newest, cut
    mem->put("rev.b", "2");
    mem->put("current", "b 2");
  }
  mem->later = "data.a";
  Session s{std::unique_ptr<KeyValueStore>(mem)};
  s.start();
  CHECK(s.waiting());
  CHECK(s.state.dataset.events.empty());
  s.tick(0.0);
  s.tick(10.0);  // long past the autosave delay: nothing is written while waiting
  s.flush();
  CHECK(s.waiting());
  CHECK(*mem->MemoryStore::get("current") == "b 2");
  CHECK_FALSE(mem->MemoryStore::get("corrupt"));
  mem->later.clear();  // the older copy has been read
  s.tick(11.0);
  CHECK_FALSE(s.waiting());
  CHECK_FALSE(s.state.dataset.events.empty());
  REQUIRE(!s.notices.empty());
  CHECK(s.notices.back().text.find("previous saved copy was loaded") != std::string::npos);
  CHECK(mem->MemoryStore::get("corrupt"));
}

TEST_CASE("export names come from the title and the date") {
  Fixture f;
  f.s.start();
  std::tm t{};
  t.tm_year = 126;
  t.tm_mon = 10;
  t.tm_mday = 28;
  t.tm_hour = 12;
  std::string name = f.s.export_filename(std::mktime(&t));
  CHECK(name == "asia-pacific-financial-coalition-country-roundtables-working-2026-11-28.json");
  CHECK(slug("Hà Nội — 2019!") == "h-n-i-2019");
  CHECK(slug("") == "");
}

TEST_CASE("recent files: newest first, no duplicates, at most eight, kept between runs") {
  Fixture f;
  f.s.start();
  CHECK(f.s.recent_files().empty());
  for (int i = 0; i < 10; ++i) f.s.remember_file("/data/f" + std::to_string(i) + ".json");
  f.s.remember_file("/data/f5.json");
  REQUIRE(f.s.recent_files().size() == Session::kMaxRecent);
  CHECK(f.s.recent_files()[0] == "/data/f5.json");
  CHECK(f.s.recent_files()[1] == "/data/f9.json");
  CHECK(std::count(f.s.recent_files().begin(), f.s.recent_files().end(), "/data/f5.json") == 1);
  Session again(std::make_unique<MemoryStore>(*f.mem));
  again.start();
  CHECK(again.recent_files() == f.s.recent_files());
}

TEST_CASE("View > Reduce motion is kept in the store for the next run") {
  Fixture f;
  f.s.start();
  CHECK_FALSE(f.s.reduce_motion());
  f.s.set_reduce_motion(true);
  Session again(std::make_unique<MemoryStore>(*f.mem));
  again.start();
  CHECK(again.reduce_motion());
  f.s.set_reduce_motion(false);
  Session third(std::make_unique<MemoryStore>(*f.mem));
  third.start();
  CHECK_FALSE(third.reduce_motion());
}

TEST_CASE("an import with warnings opens as it was read when confirmed, as one undoable step") {
  Fixture f;
  f.s.start();
  std::string before = f.s.state.export_json();
  {
    // The text the import read is gone by the time the user says yes.
    std::string text = kWarn;
    REQUIRE(f.s.import_text(text, "warn.json") == Session::ImportResult::NeedsConfirmation);
    text.assign(text.size(), ' ');
  }
  REQUIRE(f.s.pending_import());
  REQUIRE(f.s.pending_import()->diagnostics.size() == f.s.import_diagnostics().size());
  CHECK(f.s.pending_import()->diagnostics[0].to_string() ==
        f.s.import_diagnostics()[0].to_string());
  f.s.confirm_import();
  CHECK(!f.s.pending_import());
  CHECK(f.s.state.dataset.title == "Warned");
  CHECK(f.s.state.origin == "warn.json");
  CHECK(f.s.state.history.undo_label() == "Undo opening of warn.json");
  REQUIRE(f.s.state.undo());
  CHECK(f.s.state.export_json() == before);
  REQUIRE(f.s.state.redo());
  CHECK(f.s.state.dataset.title == "Warned");
}

namespace {
// Answers commits later, as the web's IndexedDB does.
struct LaterStore : MemoryStore {
  std::vector<std::pair<Batch, Done>> held;
  void commit(Batch batch, Done done) override { held.emplace_back(std::move(batch), done); }
  void answer() {
    auto [batch, done] = std::move(held.front());
    held.erase(held.begin());
    MemoryStore::commit(std::move(batch), std::move(done));
  }
};
}  // namespace

TEST_CASE("a save the store answers later: one at a time, and a change meanwhile stays unsaved") {
  auto* later = new LaterStore;
  Session s{std::unique_ptr<KeyValueStore>(later)};
  s.start();
  s.tick(0.0);  // the first visit stores the sample
  REQUIRE(later->held.size() == 1);
  CHECK(!later->held[0].first.users_data);  // the sample, not the user's work
  CHECK(s.saving());
  later->answer();
  CHECK(!s.saving());
  CHECK(!s.dirty());

  s.state.load_json(kSmall, "script");
  s.tick(1.0);
  s.tick(2.0);
  REQUIRE(later->held.size() == 1);
  CHECK(later->held[0].first.users_data);
  CHECK(s.next_autosave_at() < 0);  // nothing to do until the store answers
  s.state.load_json(R"({"format": "coalition-atlas", "version": 1, "title": "Later"})", "x");
  s.tick(3.0);
  s.tick(4.0);
  CHECK(later->held.size() == 1);  // no second save while the first is out
  s.flush();                       // the page is hiding: saved as soon as the store answers
  later->answer();
  CHECK(s.dirty());  // "Later" came after the saved version
  REQUIRE(later->held.size() == 1);
  CHECK(later->held[0].first.puts[0].second.find("Later") != std::string::npos);
  later->answer();
  CHECK(!s.dirty());
  CHECK(s.notices.empty());
}

TEST_CASE("the store's own notice (IndexedDB unavailable) is shown at start, with Export") {
  struct Noted : MemoryStore {
    std::string notice() const override { return "IndexedDB cannot be used here."; }
  };
  Session s{std::make_unique<Noted>()};
  s.start();
  REQUIRE(s.notices.size() == 1);
  CHECK(s.notices[0].text == "IndexedDB cannot be used here.");
  CHECK(s.notices[0].offer_export);
}

TEST_CASE("File > New in the pseudo-locale: the new dataset's title is the catalog's") {
  REQUIRE(i18n::set_locale("pseudo"));
  struct English {
    ~English() { i18n::set_locale("en"); }
  } english;
  Fixture f;
  f.s.start();
  f.s.new_dataset();
  CHECK(f.s.state.dataset.title == tr("Untitled dataset"));
  CHECK(f.s.state.dataset.title.front() == '[');
  // Data from now on: it stays as written whatever language the UI is in next.
  i18n::set_locale("en");
  CHECK(f.s.state.dataset.title == i18n::pseudo("Untitled dataset"));
}
