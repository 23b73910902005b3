// test_persistence.cpp — nothing is lost: atomic saves, the previous good copy kept,
// corrupt copies fall back, full stores and other writers never destroy saved work.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "app/persistence.hpp"
#include "platform/file_store.hpp"

using namespace atlas;

namespace {
// A "dataset" is valid here when it starts with '{' (the real check is the loader's).
std::string check(const std::string& t) { return !t.empty() && t[0] == '{' ? "" : "not JSON"; }

// Saves as the session does, through the store's commit, which answers at once here.
SaveOutcome save(Persistence& p, const std::string& text) {
  std::optional<SaveOutcome> out;
  p.save(text, true, [&](const SaveOutcome& o) { out = o; });
  REQUIRE(out);
  return *out;
}
SaveOutcome save_over(Persistence& p, const std::string& text) {
  std::optional<SaveOutcome> out;
  p.save_over(text, true, [&](const SaveOutcome& o) { out = o; });
  REQUIRE(out);
  return *out;
}

std::string temp_dir(const char* name) {
  auto d = std::filesystem::temp_directory_path() /
           ("atlas-test-" + std::string(name) + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(d);
  return d.string();
}
}  // namespace

TEST_CASE("first visit, then saves alternate slots and restore the newest") {
  MemoryStore m;
  Persistence p(m, check);
  Restored r = p.restore();
  CHECK(r.first_visit);
  CHECK(!r.text);
  REQUIRE(save(p, "{1}").saved);
  REQUIRE(save(p, "{2}").saved);
  CHECK(*m.get("data.a") == "{1}");
  CHECK(*m.get("data.b") == "{2}");
  Persistence again(m, check);
  r = again.restore();
  CHECK(*r.text == "{2}");
  CHECK(!r.fell_back);
}

TEST_CASE("a corrupt newest copy falls back to the previous one and is kept for export") {
  MemoryStore m;
  Persistence p(m, check);
  save(p, "{good}");
  save(p, "{newer}");
  m.put("data.b", "garbage");  // the newest copy, damaged by hand
  Persistence again(m, check);
  Restored r = again.restore();
  REQUIRE(r.text);
  CHECK(*r.text == "{good}");
  CHECK(r.fell_back);
  CHECK(r.notice.find("could not be read") != std::string::npos);
  CHECK(*again.corrupt_copy() == "garbage");
  // The next save overwrites the bad slot, never the good one.
  REQUIRE(save(again, "{next}").saved);
  CHECK(*m.get("data.a") == "{good}");
  CHECK(*m.get("data.b") == "{next}");
}

// The web's store at start: the older slot is still being read (get() says it is absent).
namespace {
struct SlowStore : MemoryStore {
  std::string later;  // the key still being read, or ""
  std::optional<std::string> get(const std::string& key) override {
    return key == later ? std::nullopt : MemoryStore::get(key);
  }
  bool pending() const override { return !later.empty(); }
};
}  // namespace

TEST_CASE("the older copy still being read: a good newest loads; a bad one waits for it") {
  SlowStore m;
  {
    Persistence p(m, check);
    save(p, "{good}");
    save(p, "{newer}");  // data.b, the newest
  }
  m.later = "data.a";
  Restored r = Persistence(m, check).restore();  // the newest is good: no waiting
  REQUIRE(r.text);
  CHECK(*r.text == "{newer}");
  CHECK_FALSE(r.waiting);

  m.put("data.b", "garbage");
  Persistence again(m, check);
  r = again.restore();
  CHECK(r.waiting);  // never "no earlier copy" while the older one is being read
  CHECK_FALSE(r.text);
  CHECK_FALSE(m.MemoryStore::get("corrupt"));  // nothing written yet
  CHECK(*m.MemoryStore::get("current") == "b 2");
  m.later.clear();  // read
  r = again.restore();
  CHECK_FALSE(r.waiting);
  REQUIRE(r.text);
  CHECK(*r.text == "{good}");
  CHECK(r.fell_back);
  // A lost pointer looks at both slots: it waits for the older one too.
  m.later = "data.a";
  m.remove("current");
  CHECK(Persistence(m, check).restore().waiting);
}

TEST_CASE("a lost or garbled pointer: the newest good copy loads, the user is told") {
  for (const char* damage : {"", "garbage", "z 9"}) {
    CAPTURE(damage);
    MemoryStore m;
    Persistence p(m, check);
    save(p, "{1}");
    save(p, "{2}");
    save(p, "{3}");  // data.a = {3} (revision 3), data.b = {2}
    if (*damage)
      m.put("current", damage);
    else
      m.remove("current");
    Persistence again(m, check);
    Restored r = again.restore();
    REQUIRE(r.text);
    CHECK(*r.text == "{3}");
    CHECK(!r.first_visit);
    CHECK(r.fell_back);
    CHECK(r.notice.find("newest") != std::string::npos);
    // The pointer names the loaded copy again: the next save keeps it, overwriting {2}.
    REQUIRE(save(again, "{4}").saved);
    CHECK(*m.get("data.a") == "{3}");
    CHECK(*m.get("data.b") == "{4}");
  }
}

TEST_CASE("a lost pointer with one copy damaged: the readable one loads, the other is kept") {
  MemoryStore m;
  Persistence p(m, check);
  save(p, "{1}");
  save(p, "{2}");
  m.put("data.b", "garbage");
  m.remove("current");
  Persistence again(m, check);
  Restored r = again.restore();
  REQUIRE(r.text);
  CHECK(*r.text == "{1}");
  CHECK(*again.corrupt_copy() == "garbage");
  // Both damaged: the sample is used, told, and the text kept.
  m.put("data.a", "junk");
  Persistence third(m, check);
  r = third.restore();
  CHECK(!r.text);
  CHECK(!r.first_visit);
  CHECK(r.notice.find("could not be read") != std::string::npos);
  // Nothing stored at all is a first visit, with no notice.
  MemoryStore empty;
  Persistence fresh(empty, check);
  r = fresh.restore();
  CHECK(r.first_visit);
  CHECK(r.notice.empty());
}

TEST_CASE("quota exceeded: not saved, the last good copy intact, the message offers export") {
  MemoryStore m;
  Persistence p(m, check);
  REQUIRE(save(p, "{small}").saved);
  m.quota = 40;
  SaveOutcome o = save(p, "{" + std::string(100, 'x') + "}");
  CHECK(!o.saved);
  CHECK(o.quota);
  CHECK(o.message.find("Export") != std::string::npos);
  Persistence again(m, check);
  CHECK(*again.restore().text == "{small}");
}

TEST_CASE("a failing write never damages the current copy") {
  MemoryStore m;
  Persistence p(m, check);
  REQUIRE(save(p, "{one}").saved);
  m.fail_next_puts = 1;
  CHECK(!save(p, "{two}").saved);
  m.fail_next_puts = 0;
  Persistence again(m, check);
  CHECK(*again.restore().text == "{one}");
}

TEST_CASE("another writer: detected, never overwritten silently") {
  MemoryStore m;
  Persistence mine(m, check), theirs(m, check);
  mine.restore();
  theirs.restore();
  REQUIRE(save(mine, "{mine}").saved);
  CHECK(theirs.changed_elsewhere());
  SaveOutcome o = save(theirs, "{theirs}");
  CHECK(o.conflict);
  CHECK(!o.saved);
  CHECK(*theirs.take_theirs() == "{mine}");
  CHECK(!theirs.changed_elsewhere());
  REQUIRE(save(theirs, "{theirs}").saved);
  CHECK(mine.changed_elsewhere());
  REQUIRE(save_over(mine, "{mine again}").saved);
  Persistence fresh(m, check);
  CHECK(*fresh.restore().text == "{mine again}");
}

TEST_CASE("desktop files: atomic writes; a write that fails halfway leaves the old file") {
  std::string dir = temp_dir("files");
  std::string path = dir + "/x.json";
  std::filesystem::create_directories(dir);
  REQUIRE(write_file_atomic(path, "{old}") == "");
  std::string err = write_file_atomic(path, "{new and longer}", 5);
  CHECK(err.find("stopped after 5 bytes") != std::string::npos);
  std::string text;
  REQUIRE(read_file(path, text));
  CHECK(text == "{old}");
  CHECK(!std::filesystem::exists(path + ".tmp"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("desktop store: a save failing halfway, then a corrupt file, then the backup") {
  std::string dir = temp_dir("store");
  {
    FileStore fs(dir);
    Persistence p(fs, check);
    CHECK(p.restore().first_visit);
    REQUIRE(save(p, "{first}").saved);
    REQUIRE(save(p, "{second}").saved);
    fs.fail_after = 3;
    CHECK(!save(p, "{third}").saved);
  }
  {
    FileStore fs(dir);
    Persistence p(fs, check);
    CHECK(*p.restore().text == "{second}");
  }
  // Damage the newest file by hand: the older one loads, the damaged text is kept.
  std::string current;
  REQUIRE(read_file(dir + "/current.txt", current));
  std::string newest = dir + "/data." + current.substr(0, 1) + ".json";
  REQUIRE(write_file_atomic(newest, "\x01\x02 not json") == "");
  {
    FileStore fs(dir);
    Persistence p(fs, check);
    Restored r = p.restore();
    CHECK(*r.text == "{first}");
    CHECK(r.fell_back);
    CHECK(*p.corrupt_copy() == "\x01\x02 not json");
  }
  std::filesystem::remove_all(dir);
}

namespace {
// A store that answers later, as the web's IndexedDB does: commits wait in `held` until
// the test lets them through (through MemoryStore's own commit and its guard).
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

TEST_CASE("a save is one batch: the slot, its revision and the pointer, guarded by the pointer") {
  LaterStore m;
  Persistence p(m, check);
  p.restore();
  std::optional<SaveOutcome> out;
  p.save("{1}", true, [&](const SaveOutcome& o) { out = o; });
  REQUIRE(m.held.size() == 1);
  CHECK(!out);  // not answered yet: nothing waits for the store
  const Batch& b = m.held[0].first;
  CHECK(b.users_data);
  CHECK(!b.expect_current);  // nothing stored yet
  REQUIRE(b.puts.size() == 3);
  CHECK(b.puts[0] == std::pair<std::string, std::string>("data.a", "{1}"));
  CHECK(b.puts[1] == std::pair<std::string, std::string>("rev.a", "1"));
  CHECK(b.puts[2] == std::pair<std::string, std::string>("current", "a 1"));
  CHECK(!m.get("current"));
  m.answer();
  REQUIRE(out);
  CHECK(out->saved);
  CHECK(p.revision() == 1);
  CHECK(*m.get("current") == "a 1");
}

TEST_CASE("another writer saves while our batch waits: ours is refused whole, theirs kept") {
  LaterStore m;
  Persistence mine(m, check), theirs(m, check);
  mine.restore();
  theirs.restore();
  std::optional<SaveOutcome> out;
  mine.save("{mine}", false, [&](const SaveOutcome& o) { out = o; });
  std::optional<SaveOutcome> refused;
  theirs.save("{theirs}", true, [&](const SaveOutcome& o) { refused = o; });
  m.answer();  // mine: written
  m.answer();  // theirs: it read the pointer before mine was written
  REQUIRE(out);
  CHECK(out->saved);
  CHECK(*m.get("data.a") == "{mine}");
  CHECK(!m.get("data.b"));
  CHECK(*m.get("current") == "a 1");
  REQUIRE(refused);
  CHECK(refused->conflict);
  CHECK(!refused->saved);
  CHECK(theirs.changed_elsewhere());
}

TEST_CASE("keep mine: a save over an unseen write reads the pointer again and saves") {
  MemoryStore m;
  Persistence p(m, check);
  REQUIRE(save(p, "{one}").saved);
  m.put("current", "a 7");                // another writer, unseen
  SaveOutcome o = save_over(p, "{two}");  // over: reads the pointer again, so it saves
  CHECK(o.saved);
  CHECK(*m.get("current") == "b 8");
}
