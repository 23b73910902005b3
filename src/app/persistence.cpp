// persistence.cpp — see persistence.hpp.
#include "app/persistence.hpp"

#include <algorithm>
#include <cstdio>

#include "core/i18n.hpp"

namespace atlas {

std::optional<std::string> MemoryStore::get(const std::string& key) {
  for (auto& [k, v] : items_)
    if (k == key) return v;
  return std::nullopt;
}

size_t MemoryStore::used() const {
  size_t n = 0;
  for (auto& [k, v] : items_) n += k.size() + v.size();
  return n;
}

StoreError MemoryStore::put(const std::string& key, const std::string& value) {
  if (fail_next_puts > 0) {
    --fail_next_puts;
    return StoreError::Io;
  }
  auto old = get(key);
  size_t after = used() - (old ? key.size() + old->size() : 0) + key.size() + value.size();
  if (after > quota) return StoreError::Quota;
  for (auto& [k, v] : items_)
    if (k == key) {
      v = value;
      return StoreError::None;
    }
  items_.emplace_back(key, value);
  return StoreError::None;
}

void MemoryStore::remove(const std::string& key) {
  items_.erase(
      std::remove_if(items_.begin(), items_.end(), [&](const auto& kv) { return kv.first == key; }),
      items_.end());
}

Persistence::Pointer Persistence::read_pointer() {
  Pointer p;
  auto v = store_.get("current");
  if (!v || v->size() < 1 || ((*v)[0] != 'a' && (*v)[0] != 'b')) return p;
  p.slot = (*v)[0];
  p.revision = v->size() > 2 ? std::atol(v->c_str() + 2) : 0;
  return p;
}

Restored Persistence::restore() {
  Restored r;
  Pointer p = read_pointer();
  if (!p.slot) return restore_without_pointer();
  revision_ = p.revision;
  std::string key = std::string("data.") + p.slot;
  std::string other = std::string("data.") + (p.slot == 'a' ? 'b' : 'a');
  auto newest = store_.get(key);
  std::string why = newest ? check_(*newest) : "it is missing";
  if (newest && why.empty()) {
    r.text = std::move(newest);
    return r;
  }
  if (store_.pending()) {  // the older copy is not read yet: decide nothing before it is
    r.waiting = true;
    return r;
  }
  // The newest copy is unreadable: keep it for export, fall back to the older one.
  if (newest) {
    r.corrupt_text = *newest;
    store_.put("corrupt", *newest);
  }
  auto older = store_.get(other);
  if (older && check_(*older).empty()) {
    r.text = std::move(older);
    r.fell_back = true;
    r.notice =
        trf("The saved copy of your data could not be read ({why}), so the previous saved copy "
            "was loaded. The unreadable copy is kept: Export it to look at it or to send it for "
            "repair.",
            {{"why", why}});
    // Name the good copy as current again, so the next save overwrites the bad one.
    store_.put("current", std::string(1, other.back()) + " " + std::to_string(p.revision));
    return r;
  }
  r.notice =
      trf("The saved copy of your data could not be read ({why}) and there is no earlier good "
          "copy; the sample dataset was loaded instead. The unreadable copy is kept: Export it to "
          "look at it or to send it for repair.",
          {{"why", why}});
  return r;
}

// The note naming the newest slot is missing or unreadable (a crash between the two
// puts of a first save, a hand-edited store, a browser extension). If a slot holds data,
// this is not a first visit: load the newest readable slot (by the revision each save
// writes beside it), name it current again, and tell the user.
Restored Persistence::restore_without_pointer() {
  Restored r;
  if (store_.pending()) {  // both slots are looked at: both must have been read
    r.waiting = true;
    return r;
  }
  auto slot_revision = [&](char slot) -> long {
    auto v = store_.get(std::string("rev.") + slot);
    return v ? std::atol(v->c_str()) : 0;
  };
  char best = 0;
  long best_revision = -1;
  std::optional<std::string> best_text;
  int unreadable = 0;
  for (char slot : {'a', 'b'}) {
    auto text = store_.get(std::string("data.") + slot);
    if (!text) continue;
    if (!check_(*text).empty()) {
      ++unreadable;
      if (r.corrupt_text.empty()) {
        r.corrupt_text = *text;
        store_.put("corrupt", *text);
      }
      continue;
    }
    long rev = slot_revision(slot);
    if (rev > best_revision) {
      best = slot;
      best_revision = rev;
      best_text = std::move(text);
    }
  }
  if (!best && unreadable == 0) {
    r.first_visit = true;
    return r;
  }
  if (!best) {
    r.notice =
        tr("Your saved data could not be read (the note naming the newest copy is missing and "
           "no copy loads), so the sample dataset was loaded instead. The unreadable copy is "
           "kept: Export it to look at it or to send it for repair.");
    return r;
  }
  revision_ = std::max(best_revision, 0L);
  r.text = std::move(best_text);
  r.fell_back = true;
  r.notice =
      tr("The note saying which saved copy of your data is the newest could not be read, so "
         "the newest copy that loads was opened. Check that your latest changes are there; "
         "File > Export keeps a copy.");
  store_.put("current", std::string(1, best) + " " + std::to_string(revision_));
  return r;
}

bool Persistence::changed_elsewhere() {
  Pointer p = read_pointer();
  return p.slot && p.revision != revision_;
}

std::optional<std::string> Persistence::take_theirs() {
  Pointer p = read_pointer();
  if (!p.slot) return std::nullopt;
  auto text = store_.get(std::string("data.") + p.slot);
  if (text && check_(*text).empty()) {
    revision_ = p.revision;
    return text;
  }
  return std::nullopt;
}

void Persistence::save(const std::string& text, bool users_data, Done done, Also also) {
  if (changed_elsewhere()) {
    SaveOutcome o;
    o.conflict = true;
    o.message = tr("Your data was changed in another tab or window since this one last saved.");
    return done(o);
  }
  write(text, users_data, std::move(done), std::move(also));
}

void Persistence::save_over(const std::string& text, bool users_data, Done done, Also also) {
  revision_ = read_pointer().revision;
  write(text, users_data, std::move(done), std::move(also));
}

void Persistence::write(const std::string& text, bool users_data, Done done, Also also) {
  Pointer p = read_pointer();
  char target = p.slot == 'a' ? 'b' : 'a';
  long next = std::max(p.revision, revision_) + 1;
  Batch batch;
  batch.puts = {{std::string("data.") + target, text},
                // The slot's own revision: only needed if "current" is ever lost (see
                // restore_without_pointer).
                {std::string("rev.") + target, std::to_string(next)}};
  for (auto& kv : also) batch.puts.push_back(std::move(kv));
  batch.puts.push_back({"current", std::string(1, target) + " " + std::to_string(next)});
  batch.expect_current = store_.get("current");
  batch.users_data = users_data;
  store_.commit(std::move(batch), [this, next, done = std::move(done)](StoreError e) {
    if (e == StoreError::None) revision_ = next;
    done(failed(e));
  });
}

SaveOutcome Persistence::failed(StoreError e) const {
  SaveOutcome o;
  if (e == StoreError::None) {
    o.saved = true;
  } else if (e == StoreError::Conflict) {
    o.conflict = true;
    o.message = tr("Your data was changed in another tab or window since this one last saved.");
  } else if (e == StoreError::Quota) {
    // The target slot still holds the previous good copy (a failed put changes nothing):
    // it stays, as a second line of defence.
    o.quota = true;
    o.message =
        trf("Your changes could not be saved: {where} is full. Nothing is lost yet: the data is "
            "still open here, and the last saved copy is intact. Use File > Export to save your "
            "work as a file.",
            {{"where", store_.where()}});
  } else {
    o.message =
        trf("Your changes could not be saved to {where}. The data is still open here and the last "
            "saved copy is intact; use File > Export to keep a copy.",
            {{"where", store_.where()}});
  }
  return o;
}

}  // namespace atlas
