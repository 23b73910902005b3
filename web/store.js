// store.js — where the page keeps the dataset: IndexedDB, read into memory at start (so
// the app's reads answer at once; the copies the first frame does not need once the app
// has drawn, or when it asks) and written one save at a time, each save in one transaction.
// localStorage where IndexedDB cannot be used, as earlier versions did. Plain IndexedDB
// calls (no library: the page's scripts are served as they are, unbundled).
// The app's rules (two slots, the pointer, revisions, fallbacks) stay in C++
// (src/app/persistence.cpp); this file only keeps keys and texts, and reports facts
// (src/app/store_words.cpp words them).
//
//   1. Opening: IndexedDB; a newer version's database refused; localStorage as fallback
//   2. Migration from the localStorage keys of earlier versions
//   3. Reads and writes: get/put/remove, and a save's batch committed in one transaction
//   4. Other tabs: a BroadcastChannel message after each save
//   5. What the user is told: which store, how full, whether the browser keeps it (as facts)
//
// window.atlasStore: open() (before the app starts), get, has, put, remove, add + commit
// (a save), pending() (a value still being read), started() (the app has shown what was
// read), info() (the facts the app words).
(function () {
  'use strict';

  const NAME = 'coalition-atlas';
  // The layout this app writes. A database of a larger version was made by a newer app:
  // opening it fails (VersionError) and it is left alone, never overwritten.
  const VERSION = 1;
  const KV = 'kv';  // one object store: key → text
  const LEGACY = 'atlas.';  // earlier versions' localStorage keys: atlas.current, …
  const LEGACY_KEYS = ['current', 'data.a', 'data.b', 'rev.a', 'rev.b', 'corrupt'];

  let db = null;
  let backend = 'indexeddb';  // or 'localstorage', or 'refused' (a newer app's database)
  let notice = null;  // what went wrong, for the app to word: {kind, why} (see facts())
  let migrated = false;  // the legacy keys were copied and read back; removed once shown
  const cache = new Map();
  const later = new Set();  // keys whose values are still being read (readStart)
  let readLater = null;  // reads them (readStart), once wanted
  let onSettled = () => {};
  let batch = [];  // the save being handed over by add()
  let persisted = null;  // navigator.storage.persisted()'s answer, once known
  let asked = false;
  let estimate = null;  // {usage, quota}
  let onChange = () => {};
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(NAME + '.store') : null;
  // The page is going away (a reload, a link, the tab closing): saves are committed at
  // once (see commit). Registered before atlas.js's own pagehide, which saves.
  let leaving = false;
  window.addEventListener('pagehide', () => (leaving = true));
  // Before the page asks whether to leave (atlas.js saves then): if the user stays, the
  // timer puts it back.
  window.addEventListener('beforeunload', () => {
    leaving = true;
    setTimeout(() => (leaving = false), 0);
  });
  window.addEventListener('pageshow', () => (leaving = false));

  const done = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const finished = (tx) => new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error || new Error('the transaction was aborted'));
  });
  const revisionOf = (pointer) => (pointer && /^[ab] \d+$/.test(pointer) ? Number(pointer.slice(2)) : -1);
  const codeOf = (e) => (e && (e.name === 'QuotaExceededError' || e.code === 22) ? 1 : 2);

  // ---------------------------------------------------------------------------------
  // 1. Opening
  // ---------------------------------------------------------------------------------
  function openDatabase() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(NAME, VERSION);
      request.onupgradeneeded = () => request.result.createObjectStore(KV);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      // Another tab holds an older version open and will not close it.
      request.onblocked = () => reject(new Error('another tab of an older version keeps the database open'));
    });
  }

  async function readAll() {
    const tx = db.transaction(KV, 'readonly');
    const kv = tx.objectStore(KV);
    const [keys, values] = await Promise.all([done(kv.getAllKeys()), done(kv.getAll())]);
    cache.clear();
    later.clear();
    readLater = null;
    keys.forEach((k, i) => cache.set(String(k), String(values[i])));
  }

  // At start: only what the first frame needs. The older of the two slots is needed only
  // when the newest copy cannot be read; "previous" (what a copy or a restore replaced)
  // and "corrupt" (an unreadable copy kept for export) only when the user asks for them,
  // and until then only whether they exist (has()); in View mode (a shared link) the
  // user's own copies are needed only by Make a copy. Each can be as large as a dataset.
  // They are read in one transaction once the app has drawn its first frame (a
  // 100,000-event slot takes 100-250 ms to read, and its arrival would otherwise land
  // between the app's start and that frame), or at once when the app asks whether
  // anything is pending (it does when the newest copy is unreadable, then waits for it).
  // Until then get() answers as if they were absent. A pointer the app would not follow
  // (missing, garbled) has both slots read at start, as the app then looks at both.
  const kick = () => {
    const read = readLater;
    readLater = null;
    if (read) read();
  };
  async function readStart(view) {
    const first = db.transaction(KV, 'readonly').objectStore(KV);
    const [keys, current] = await Promise.all([done(first.getAllKeys()), done(first.get('current'))]);
    const names = keys.map(String);
    const slot = typeof current === 'string' && (current[0] === 'a' || current[0] === 'b') ? current[0] : null;
    const wait = view ? ['data.a', 'data.b'] : slot ? ['data.' + (slot === 'a' ? 'b' : 'a')] : [];
    const deferred = names.filter((k) => k === 'previous' || k === 'corrupt' || wait.includes(k));
    const now = names.filter((k) => !deferred.includes(k));
    const kv = db.transaction(KV, 'readonly').objectStore(KV);
    const values = await Promise.all(now.map((k) => done(kv.get(k))));
    cache.clear();
    later.clear();
    now.forEach((k, i) => values[i] !== undefined && cache.set(k, String(values[i])));
    deferred.forEach((k) => later.add(k));
    performance.mark('atlas-store-read', { detail: { later: deferred } });
    readLater = deferred.length ? () => readDeferred(deferred) : null;
  }
  function readDeferred(keys) {
    // (A test holds the read back here to see the app wait for it: storage.test.mjs.)
    Promise.resolve(window.__atlasHoldDeferredRead).then(() => {
      const kv = db.transaction(KV, 'readonly').objectStore(KV);
      return Promise.all(keys.map((k) => done(kv.get(k))));
    }).then((values) => {
      // Each unless a save or another tab's news has set it since.
      keys.forEach((k, i) => later.delete(k) && values[i] !== undefined && cache.set(k, String(values[i])));
      onSettled();
    }, (e) => {
      // Left pending: an app that needs them waits (a reload tries again), and never takes
      // them for missing, which could overwrite the last good copy.
      console.log(`storage: the copies read after the start could not be read (${e && e.message})`);
    });
  }

  function useLocalStorage(why) {
    db = null;
    backend = 'localstorage';
    notice = { kind: 'unavailable', why };
  }

  // View mode (a shared link, a published site) found no database: none is made until the
  // first save (Make a copy), so a visitor's browser keeps nothing of a visit.
  let deferred = false;
  async function hasDatabase() {
    if (!indexedDB.databases) return true;  // cannot tell: open (an empty one at worst)
    const list = await indexedDB.databases();
    if (list.some((d) => d.name === NAME)) return true;
    try {
      return LEGACY_KEYS.some((k) => localStorage.getItem(LEGACY + k) !== null);
    } catch {
      return false;
    }
  }

  async function openAndRead(view = false) {
    db = await openDatabase();
    // A newer version of the app (in another tab) wants to upgrade: let it, and stop
    // writing here (saves then fail with a message; nothing is overwritten).
    db.onversionchange = () => {
      db.close();
      db = null;
    };
    db.onclose = () => {
      db = null;
    };
    await readStart(view);
    await migrate();
  }

  /** Opens the store and reads it into memory; never rejects (a failure is the notice).
   *  {view: true}: only reading is expected, and no database is made where none is. */
  async function open({ view = false } = {}) {
    try {
      if (typeof indexedDB === 'undefined' || !indexedDB) throw new Error('this browser has none');
      if (view && !(await hasDatabase())) {
        deferred = true;
        return;
      }
      await openAndRead(view);
    } catch (e) {
      if (e && e.name === 'VersionError') {
        db = null;
        backend = 'refused';
        cache.clear();
        notice = { kind: 'newer', why: '' };
      } else {
        useLocalStorage(String((e && e.message) || e));
      }
    }
    if (navigator.storage && navigator.storage.persisted)
      navigator.storage.persisted().then((p) => (persisted = p), () => {});
    refreshEstimate();
  }

  // ---------------------------------------------------------------------------------
  // 2. Migration: earlier versions kept the two slots in localStorage ("atlas." keys).
  // They are copied in one transaction when they are newer than what IndexedDB holds
  // (nothing, on the first start of this version), read back and compared, and left in
  // localStorage until the app has started on the copy (started()).
  // ---------------------------------------------------------------------------------
  async function migrate() {
    const old = new Map();
    try {
      for (const k of LEGACY_KEYS) {
        const v = localStorage.getItem(LEGACY + k);
        if (v !== null) old.set(k, v);
      }
    } catch {
      return;  // no localStorage: nothing to migrate
    }
    if (!old.has('data.a') && !old.has('data.b')) return;
    if (cache.has('current') && revisionOf(old.get('current')) <= revisionOf(cache.get('current'))) return;
    const tx = db.transaction(KV, 'readwrite');
    const kv = tx.objectStore(KV);
    // Keys localStorage lacks are left: after a fallback mid-session (fallBack) it holds
    // only the newest copy, and IndexedDB's other slot is still the last good one.
    for (const k of LEGACY_KEYS) if (old.has(k)) kv.put(old.get(k), k);
    await finished(tx);
    await readAll();
    for (const [k, v] of old)
      if (cache.get(k) !== v) throw new Error(`the copy of ${k} read back differs from localStorage`);
    migrated = true;
  }

  /** The app has started on what was read: the migrated copy has served, so the old keys go. */
  function started() {
    kick();  // the first frame is on screen: now the older copy
    if (!migrated) return;
    migrated = false;
    try {
      for (const k of LEGACY_KEYS) localStorage.removeItem(LEGACY + k);
    } catch {
      // Left behind: a later start sees them as older than IndexedDB's copy.
    }
  }

  // ---------------------------------------------------------------------------------
  // 3. Reads and writes
  // ---------------------------------------------------------------------------------
  function get(key) {
    if (backend === 'localstorage') {
      try {
        return localStorage.getItem(LEGACY + key);
      } catch {
        return null;
      }
    }
    return cache.has(key) ? cache.get(key) : null;
  }

  // Whether the key holds a value, read yet or not (without copying a dataset's text).
  function has(key) {
    if (backend === 'localstorage') {
      try {
        return localStorage.getItem(LEGACY + key) !== null;
      } catch {
        return false;
      }
    }
    return cache.has(key) || later.has(key);
  }

  // A small note outside a save (the pointer repaired at start, the corrupt copy kept):
  // written in the background.
  function put(key, value) {
    if (backend === 'localstorage') {
      try {
        localStorage.setItem(LEGACY + key, value);
      } catch (e) {
        console.log(`storage: ${key} was not kept (${e.message})`);
      }
      return;
    }
    if (!db) return;
    cache.set(key, value);
    later.delete(key);
    try {
      db.transaction(KV, 'readwrite').objectStore(KV).put(value, key);
    } catch (e) {
      console.log(`storage: ${key} was not kept (${e.message})`);
    }
  }

  function remove(key) {
    if (backend === 'localstorage') {
      try {
        localStorage.removeItem(LEGACY + key);
      } catch {
        // Nothing to remove where nothing can be stored.
      }
      return;
    }
    cache.delete(key);
    later.delete(key);
    if (db) {
      try {
        db.transaction(KV, 'readwrite').objectStore(KV).delete(key);
      } catch (e) {
        console.log(`storage: ${key} was not removed (${e.message})`);
      }
    }
  }

  function add(key, text) {
    batch.push([key, text]);
  }

  /** Writes the batch built by add() when the pointer ("current") still holds `expect`
   *  (null: nothing stored); answer(code): 0 saved, 1 full, 2 failed, 3 changed by
   *  another writer (nothing written). Asks for persistent storage on the user's first
   *  own save. */
  function commit(expect, usersData, answer) {
    if (deferred) {
      // The first save of a visit that found no database (Make a copy): make it now.
      deferred = false;
      const items = batch;
      batch = [];
      openAndRead().catch((e) => useLocalStorage(String((e && e.message) || e))).then(() => {
        batch = items;
        commit(expect, usersData, answer);
      });
      return;
    }
    const items = batch;
    batch = [];
    if (usersData && !asked) askPersist();
    if (backend === 'localstorage') return answer(commitLocal(items, expect));
    if (backend === 'refused') return answer(2);  // a newer app's database: never written
    if (!db) return fallBack(items, new Error('it was closed or deleted while the page was open'), answer);
    // The pointer is checked inside the transaction, so another tab's save between our
    // read and this write is never overwritten. While the page is being hidden (it may
    // be closing), the transaction is committed at once instead, so the browser finishes
    // it without this page; the pointer is then checked against what we last saw.
    const closing = leaving || document.visibilityState === 'hidden';
    let conflict = false;
    let tx;
    try {
      if (closing && get('current') !== expect) return answer(3);
      tx = db.transaction(KV, 'readwrite', { durability: 'strict' });
      const kv = tx.objectStore(KV);
      if (!closing) {
        const pointer = kv.get('current');
        pointer.onsuccess = () => {
          const now = pointer.result === undefined ? null : String(pointer.result);
          if (now !== expect) {
            conflict = true;
            tx.abort();
          }
        };
      }
      for (const [k, v] of items) kv.put(v, k);
      if (closing && tx.commit) tx.commit();
    } catch (e) {
      console.log(`storage: the save failed (${e.message})`);
      if (tx) {
        try {
          tx.abort();
        } catch {
          // Already finished.
        }
      }
      return fallBack(items, e, answer);
    }
    tx.oncomplete = () => {
      for (const [k, v] of items) {
        cache.set(k, v);
        later.delete(k);  // a late read of the older slot must not undo this save
      }
      if (channel) channel.postMessage({ current: cache.get('current') });
      refreshEstimate();
      answer(0);
    };
    tx.onabort = () => {
      if (!conflict) {
        console.log(`storage: the save was aborted (${tx.error && tx.error.message})`);
        return fallBack(items, tx.error || new Error('the save was aborted'), answer);
      }
      // Read what the other writer stored, so "keep mine" and "take theirs" see it.
      readAll().then(() => answer(3), () => answer(3));
    };
  }

  // IndexedDB failed in the middle of a session (deleted or closed by the browser, full,
  // an I/O error): the save goes to localStorage where it fits, and the user is told. The
  // next start copies it back into IndexedDB (migrate(): it is newer than what is there).
  // Where it does not fit, nothing is left half-written there and the failure stands.
  function fallBack(items, e, answer) {
    const written = [];
    try {
      for (const [k, v] of items) {
        localStorage.setItem(LEGACY + k, v);
        written.push(k);
      }
    } catch {
      for (const k of written) {
        try {
          localStorage.removeItem(LEGACY + k);
        } catch {
          // Nothing more can be done here.
        }
      }
      return answer(codeOf(e));
    }
    const why = String((e && e.message) || e);
    if (db) {
      try {
        db.close();
      } catch {
        // Already closed.
      }
    }
    useLocalStorage(why);
    notice = { kind: 'failed', why };
    answer(0);
  }

  // localStorage: one key at a time, the slot first and the pointer last (the C++ layout
  // keeps the last good copy named whatever fails part way).
  function commitLocal(items, expect) {
    try {
      if (localStorage.getItem(LEGACY + 'current') !== expect) return 3;
      for (const [k, v] of items) localStorage.setItem(LEGACY + k, v);
      return 0;
    } catch (e) {
      return codeOf(e);
    }
  }

  // ---------------------------------------------------------------------------------
  // 4. Other tabs: after a save, the others read the slot it names, then hear of it
  // ---------------------------------------------------------------------------------
  async function heard(message) {
    if (!db || !message || !message.current) return;
    const slot = message.current[0];
    const tx = db.transaction(KV, 'readonly');
    const kv = tx.objectStore(KV);
    const keys = ['current', 'data.' + slot, 'rev.' + slot];
    const values = await Promise.all(keys.map((k) => done(kv.get(k))));
    keys.forEach((k, i) => {
      later.delete(k);
      if (values[i] === undefined) cache.delete(k);
      else cache.set(k, String(values[i]));
    });
    onChange();
  }
  if (channel) channel.onmessage = (e) => heard(e.data).catch((err) => console.log('storage: ' + err.message));
  // The localStorage fallback hears other tabs as before.
  window.addEventListener('storage', (e) => {
    if (backend === 'localstorage' && e.key === LEGACY + 'current') onChange();
  });

  // ---------------------------------------------------------------------------------
  // 5. What the user is told
  // ---------------------------------------------------------------------------------
  function askPersist() {
    asked = true;
    if (!navigator.storage || !navigator.storage.persist) return;
    navigator.storage.persist().then((p) => {
      persisted = p;
      refreshEstimate();
    }, () => {});
  }

  function refreshEstimate() {
    if (!navigator.storage || !navigator.storage.estimate) return;
    navigator.storage.estimate().then((e) => (estimate = { usage: e.usage, quota: e.quota }), () => {});
  }

  // The facts; the app words them in the user's language (src/app/store_words.cpp).
  const info = () => ({
    backend,
    persisted,
    askedToPersist: asked,
    usage: estimate ? estimate.usage : null,
    quota: estimate ? estimate.quota : null,
    notice,
  });

  window.atlasStore = {
    open, started, get, has, put, remove, add, commit,
    /** Whether a value is still being read (see readStart). */
    pending: () => {
      kick();  // asked for: it is wanted now
      return later.size > 0;
    },
    /** Called when the last pending value has been read. */
    set onSettled(fn) {
      onSettled = fn;
    },
    /** {backend, persisted, askedToPersist, usage, quota, notice}: for the app, and for
     *  window.atlas.storageStatus(). */
    info,
    set onChange(fn) {
      onChange = fn;
    },
  };
})();
