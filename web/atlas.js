// atlas.js — the page's glue around the WebAssembly app.
//
//   1. Start-up: WebGL 2 check, download with a progress bar (while the stored dataset
//      is read: web/store.js), compile, first frame
//   2. The canvas: follows the window's size and devicePixelRatio
//   3. Waking the frame loop: the app pauses its loop when idle; input wakes it
//   4. Files in and out: picker, drag and drop, paste, downloads; storage events from
//      other tabs; saving when the page is hidden; ?data=URL, a shared link: checked
//      (http(s) only, a size cap, a clear word for a server that refuses other sites) and
//      opened in View mode, where nothing is written to this browser's storage; File >
//      Publish's files gathered and zipped
//   4b. The semantic mirror: hidden DOM (listbox, details, live region, commands) that
//       screen readers read, sent by the app when what it shows changes
//   5. window.atlas: the JavaScript API (documented in README.md)
//
// Kept small on purpose: everything the app does lives in C++; this file only carries
// things between the browser and it.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const canvas = $('canvas');

  // The page's own words before the app (and its catalog) is there: the loading card and
  // what is shown when the app cannot start. t('…') marks them (tools/i18n/extract puts
  // them in po/en.po); the build fills SHELL_TEXT with each language's forms of them
  // (tools/i18n/shell_text.mjs, the pseudo-locale's too). English is the key itself.
  const SHELL_TEXT = {}; // stamped by tools/i18n/shell_text.mjs
  const shellWords = SHELL_TEXT[new URLSearchParams(location.search).get('lang')] || {};
  const t = (msgid, args = {}) =>
    (shellWords[msgid] || msgid).replace(/\{([a-z_]+)\}/g, (m, name) => (Object.hasOwn(args, name) ? String(args[name]) : m));
  if (Object.keys(shellWords).length) {
    $('status').textContent = t('Downloading…');
    $('error-title').textContent = t('Coalition Atlas cannot start');
    $('ime').setAttribute('aria-label', t('Text input for Coalition Atlas'));
  }
  // The build's version, from this script's own address (atlas.js?v=…, stamped into the
  // page by the build): the page asks for the app's files of that same version, so the
  // service worker never pairs this page with another version's app (web/sw.js).
  const build = new URL(document.currentScript.src).searchParams.get('v');
  const versioned = (name) => (build ? `${name}?v=${build}` : name);
  let started = false;
  let presentingFullscreen = false; // the presenter asked for full screen
  // ?data=URL: the app starts in View mode for it (read by platform_web.cpp at start). A
  // published site (atlas publish) names its own dataset in the page instead, and may
  // name a story to open on.
  const meta = (name) => {
    const m = document.querySelector(`meta[name="${name}"]`);
    return m ? m.getAttribute('content') : null;
  };
  const sharedLink = new URLSearchParams(location.search).get('data') ?? meta('atlas-data');
  const publishedStory = meta('atlas-story');
  // A published page is titled for its dataset: kept when the app names its window.
  const publishedTitle = meta('atlas-data') !== null ? document.title : null;
  // Whether the address came with a view of its own (#…); the app writes one later.
  const openedWithView = location.hash.length > 1;
  // The link's data is asked for before anything else the script does (fetchLink, in 4.,
  // and the functions it calls are declarations; the values they use are here), beside
  // the app's own files, which the page asked for already (index.html).
  const LINK_LIMIT = 60 * 1024 * 1024;
  const LINK_WAIT_MS = 200;  // how long the app's start waits for a link still on its way
  const MB = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;
  const tooBig = (bytes) => `the file is larger than the ${MB(LINK_LIMIT)} a shared link may ` +
    `be (${MB(bytes)}${bytes > LINK_LIMIT + 1 ? '' : ' or more'}); download it and open it with File > Open instead`;
  const linkFetched = sharedLink === null ? null : fetchLink();
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // A failed start is shown on the page; the promise rejection is for scripts that wait.
  ready.catch(() => {});

  function fail(message, hint) {
    $('loading').classList.add('hidden');
    $('error').style.display = 'block';
    $('error-text').textContent = message;
    $('error-hint').textContent = hint || t('Reload the page to try again.');
    rejectReady(new Error(message));
  }

  function status(text, fraction) {
    $('status').textContent = text;
    if (fraction !== undefined) $('progress').style.width = Math.round(fraction * 100) + '%';
  }

  // ---------------------------------------------------------------------------------
  // 1. Start-up
  // ---------------------------------------------------------------------------------
  const probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    fail(t('This browser cannot show WebGL 2 graphics, which Coalition Atlas needs.'),
         t('Use a current version of Chrome, Edge, Firefox or Safari, and check that hardware acceleration is turned on in its settings.'));
    window.atlas = { ready };
    return;
  }
  const lose = probe.getExtension('WEBGL_lose_context');
  if (lose) lose.loseContext();
  // The stored dataset is read (IndexedDB, web/store.js) while the app downloads: the app
  // starts with it in memory, and its reads of the store answer at once.
  const store = window.atlasStore;
  if (!store) {
    fail(t('The app could not be downloaded ({file}).', { file: 'store.js' }),
         t('Check the network connection, then reload the page.'));
    window.atlas = { ready };
    return;
  }
  // In View mode the store is only read: a visitor with no data here gets no database.
  const storeOpened = store.open({ view: sharedLink !== null });

  // The app's code compiles while it downloads (WebAssembly.compileStreaming: the server
  // sends application/wasm), from now on: it needs nothing from the app's JavaScript half
  // (coalition-atlas.js, which downloads meanwhile) until it is instantiated. A copy of
  // the stream drives the progress bar. A host that sends another type gets the old way:
  // the whole file, then compile.
  async function compile(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: the server answered ${response.status}`);
    const total = Number(response.headers.get('Content-Length')) || 0;
    if (WebAssembly.compileStreaming && /^application\/wasm\b/.test(response.headers.get('Content-Type') || '')) {
      if (response.body && total) progress(response.clone(), total);
      return WebAssembly.compileStreaming(response);
    }
    return WebAssembly.compile(await response.arrayBuffer());
  }
  const compiled = compile(versioned('coalition-atlas.wasm'));
  compiled.catch(() => {});  // said when the app asks for it (instantiateWasm)
  async function progress(response, total) {
    const reader = response.body.getReader();
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (started) return reader.cancel();
      received += value.length;
      status(t('Downloading… {size} MB', { size: (received / 1048576).toFixed(1) }), 0.9 * Math.min(1, received / total));
    }
  }

  // The basemap (basemap.bin, ~1 MB: ~300 KB on the wire) comes beside the wasm, not in
  // it, fetched at once in parallel; the app starts once both are here. A failure is not
  // the app's: the map says why and the rest works. {bytes} or {why}.
  const basemapFetched = fetch(versioned('basemap.bin'))
    .then(async (r) => {
      if (!r.ok) return { why: `basemap.bin: the server answered ${r.status}` };
      return { bytes: new Uint8Array(await r.arrayBuffer()) };
    })
    .catch((e) => ({ why: `basemap.bin could not be fetched (${e.message})` }));

  // The viewer's time zone, read now (Intl's first use takes a while: better while the
  // app downloads than in its first frame) and again when the page is shown (the
  // device may have travelled).
  let timeZone = '';
  const readTimeZone = () => {
    try {
      timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
    } catch (e) { /* no Intl: the app says the zone is unknown */ }
  };
  readTimeZone();
  document.addEventListener('visibilitychange', () => document.hidden || readTimeZone());

  const Module = {
    canvas,
    timeZone: () => timeZone,
    sharedLink,
    // ?embed: in another site's page (an <iframe>): no menu bar (the app reads it).
    embedded: new URLSearchParams(location.search).has('embed'),
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    instantiateWasm(imports, receive) {
      // A shared link on its way is waited for a moment once the rest is here, so the
      // first frame shows its data: the app's start is one long task, and a link's bytes
      // that arrive during it are handed to the page only after that frame. A slower link
      // is opened when it comes (loadFromQuery), the app saying meanwhile that it opens.
      const linkSoon = linkFetched &&
        Promise.race([linkFetched, compiled.then(() => new Promise((resolve) => setTimeout(resolve, LINK_WAIT_MS)))]);
      Promise.all([compiled, storeOpened, basemapFetched, linkSoon])
        .then(async ([module, , basemap]) => {
          performance.mark('atlas-wasm-compiled');
          const instance = await WebAssembly.instantiate(module, imports);
          Module.basemap = basemap;  // taken by the app as it starts (platform_web.cpp)
          status(t('Starting…'), 0.95);
          receive(instance, module);
        })
        .catch((e) => fail(t('The app could not be downloaded or started: {why}', { why: e.message }),
                           t('Check the network connection, then reload the page.')));
      return {};
    },
    store,
    // Called by the app (src/platform/platform_web.cpp).
    onReady() {
      performance.mark('atlas-app-started');
      started = true;
      if (matchMedia('(prefers-color-scheme: dark)').matches) Module._atlas_api_set_theme(1);
      resize();
      loadFromQuery();
    },
    onFirstFrame() {
      // Called as the first frame is drawn; the timer runs once it has been painted.
      performance.mark('atlas-first-frame-drawn');
      setTimeout(() => performance.mark('atlas-first-frame'));
      if (publishedTitle !== null) document.title = publishedTitle;
      store.started();  // the app shows what was read: a migrated copy has served
      status(t('Ready'), 1);
      $('loading').classList.add('hidden');
      focusKeys();
      resolveReady(api);
      restoreFromHash();
      setTimeout(() => whenIdle(registerWorker));  // once this frame is painted
    },
    // A copy of the shared link was made: the address loses ?data=, so a reload keeps the
    // copy (and does not open the link again).
    dropLink() {
      const url = new URL(location.href);
      if (!url.searchParams.has('data')) return;
      url.searchParams.delete('data');
      history.replaceState(null, '', url.pathname + url.search + url.hash);
    },
    onViewChanged(hash) {
      // The URL follows the view (selection, story step, map camera): a deep link.
      if (location.hash.slice(1) !== hash) history.replaceState(null, '', '#' + hash);
    },
    setFullscreen(on) {
      // Needs a recent user gesture (F5, a click): when the browser says no, the
      // presentation still runs in the window.
      const el = document.documentElement;
      presentingFullscreen = on;
      if (on && !document.fullscreenElement && el.requestFullscreen) el.requestFullscreen().catch(() => {});
      if (!on && document.fullscreenElement) document.exitFullscreen().catch(() => {});
    },
    openFilePicker() {
      $('file-input').value = '';
      $('file-input').click();
    },
    download(name, bytes) {
      const type = name.endsWith('.png') ? 'image/png' : name.endsWith('.csv') ? 'text/csv'
        : name.endsWith('.zip') ? 'application/zip'
        : name.endsWith('.kml') ? 'application/vnd.google-earth.kml+xml' : 'application/json';
      const url = URL.createObjectURL(new Blob([bytes], { type }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30000);
    },
    fail(message) {
      fail(message);
    },
    onAbort(what) {
      fail(t('The app stopped unexpectedly: {why}', { why: what }));
    },
  };
  window.Module = Module;

  // ---------------------------------------------------------------------------------
  // 2. The canvas
  // ---------------------------------------------------------------------------------
  function resize() {
    if (!started) return;
    Module._atlas_resize(window.innerWidth, window.innerHeight, window.devicePixelRatio || 1);
  }
  window.addEventListener('resize', resize);
  // devicePixelRatio changes (browser zoom, a move to another screen) fire no resize
  // event everywhere: watch the media query for the current ratio.
  (function watchRatio() {
    const query = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    query.addEventListener('change', () => {
      resize();
      watchRatio();
    }, { once: true });
  })();

  // ---------------------------------------------------------------------------------
  // 3. Waking the frame loop
  // ---------------------------------------------------------------------------------
  function wake() {
    if (started) Module._atlas_wake();
  }
  for (const type of ['pointerdown', 'pointermove', 'pointerup', 'pointerleave', 'wheel',
                      'keydown', 'keyup', 'touchstart', 'touchmove', 'touchend', 'focus',
                      'blur']) {
    window.addEventListener(type, wake, { capture: true, passive: true });
  }
  document.addEventListener('visibilitychange', wake);
  // Keys go to the hidden text element (#ime), where SDL listens for them: it can take
  // an input method's composition, which a canvas cannot.
  const ime = $('ime');
  function focusKeys() {
    if (document.activeElement !== ime) ime.focus({ preventScroll: true });
  }
  canvas.addEventListener('pointerdown', focusKeys);
  // The right button belongs to the app (no browser menu over the map).
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  let composing = false;
  function sendText(text) {
    if (started && text) withString(text, (t) => Module._atlas_text_input(t));
  }
  ime.addEventListener('compositionstart', () => {
    composing = true;
    ime.classList.add('composing');
  });
  ime.addEventListener('compositionend', (e) => {
    composing = false;
    ime.classList.remove('composing');
    sendText(e.data || ime.value);
    ime.value = '';
  });
  // Text that arrives without a key press SDL saw: an input method's result, a virtual
  // keyboard, dictation, automation's insertText. Typed keys never land here (SDL
  // consumes their keypress), so nothing is entered twice.
  ime.addEventListener('input', (e) => {
    if (composing || e.isComposing) return;
    sendText(ime.value);
    ime.value = '';
  });
  // Keys that belong to a composition (229 = "the IME is handling it") stay with the
  // input method: Enter there picks a candidate, it must not also leave the field.
  for (const type of ['keydown', 'keyup']) {
    window.addEventListener(type, (e) => {
      if (e.target === ime && (composing || e.isComposing || e.keyCode === 229))
        e.stopImmediatePropagation();
    }, { capture: true });
  }
  // The app tells where its text caret is (logical pixels = CSS pixels) and whether it
  // takes text: the composition box appears there; phones show their keyboard then.
  Module.imeAt = (x, y, lineHeight, wantsText) => {
    // Offset by the box's border and padding, so composed text sits on the line.
    ime.style.left = Math.max(0, x - 5) + 'px';
    ime.style.top = Math.max(0, y - 2) + 'px';
    const mode = wantsText ? 'text' : 'none';
    if (ime.inputMode !== mode) {
      ime.inputMode = mode;
      // Phones read inputmode when the element gains focus: focus it again, so their
      // keyboard opens for a field (and closes after).
      if (document.activeElement === ime) {
        ime.blur();
        ime.focus({ preventScroll: true });
      }
    }
  };
  // F5 starts presenting (as in slide software), not a reload; the app sees the key too.
  window.addEventListener('keydown', (e) => {
    if (e.key === 'F5' && started) e.preventDefault();
    // Ctrl+V: keep the key from SDL (which would cancel the browser's paste); the paste
    // event below brings the system clipboard's text. Always, not only when a field is
    // already active: a field clicked a moment before has not been drawn active yet.
    if (started && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'v')
      e.stopImmediatePropagation();
    // Ctrl+O: the browser opens a file picker only soon after the key (the app's own
    // frame can come too late), and not from inside a Ctrl key's own handler: right after.
    if (started && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'o' &&
        api.mode() === 'edit') {
      e.preventDefault();
      e.stopImmediatePropagation();
      setTimeout(() => Module.openFilePicker(), 0);
    }
  }, { capture: true });
  // Browsers keep Esc for leaving full screen and never pass it to the page: when full
  // screen ends while presenting (Esc, the browser's own button), presenting ends too.
  document.addEventListener('fullscreenchange', () => {
    if (document.fullscreenElement || !presentingFullscreen || !started) return;
    presentingFullscreen = false;
    if (api.story().presenting) api.present(false);
  });

  // ---------------------------------------------------------------------------------
  // 4. Files in and out
  // ---------------------------------------------------------------------------------
  // A file's bytes (a Uint8Array: the picker, a drop, ?data=) go to the loader as they
  // are, so it judges the encoding itself (not UTF-8, a byte order mark, a NUL) exactly as
  // the desktop does; text (a paste, atlas.importJSON with a string) is encoded once.
  let lastImport = { count: 0, name: null, result: null };
  function importText(data, name) {
    const run = (t, length) =>
      withString(name, (n) => Module.UTF8ToString(Module._atlas_import(t, length, n)));
    const result = typeof data === 'string' ? withBytes(data, run) : withFileBytes(data, run);
    lastImport = { count: lastImport.count + 1, name, result };
    return result;
  }
  function importFailed(name, why) {
    withString(name, (n) => withString(why, (w) => Module._atlas_import_failed(n, w)));
  }
  async function importFile(file) {
    if (!started || !file) return;
    try {
      importText(new Uint8Array(await file.arrayBuffer()), file.name);
    } catch (e) {
      importFailed(file.name, 'the file could not be read: ' + e.message);
    }
  }
  $('file-input').addEventListener('change', (e) => importFile(e.target.files[0]));
  window.addEventListener('dragover', (e) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) importFile(e.dataTransfer.files[0]);
  });
  // Paste: into the field being typed in (any script: Thai, Vietnamese, Chinese…);
  // JSON text pasted anywhere else opens it, like a file. Other text goes to the app,
  // which hands it to the field the user has just clicked, if any.
  window.addEventListener('paste', (e) => {
    const text = e.clipboardData && e.clipboardData.getData('text/plain');
    if (!started || !text) return;
    e.preventDefault();
    if (!Module._atlas_wants_text() && /^\s*\{/.test(text)) importText(text, 'pasted text');
    else withString(text, (t) => Module._atlas_text_input(t));
  });
  // A deep link (#item=…&step=…&map=lon,lat,zoom) restores the view it was taken from.
  function restoreFromHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    const map = (p.get('map') || '').split(',').map(Number);
    if (map.length === 3 && map.every(Number.isFinite)) api.setMapView(map[0], map[1], map[2]);
    if (p.has('step')) api.present(true, Number(p.get('step')) | 0);
    else if (p.has('item')) api.select(p.get('item'));
    if (map.length === 3 && map.every(Number.isFinite)) api.setMapView(map[0], map[1], map[2]);
  }
  window.addEventListener('hashchange', () => started && restoreFromHash());

  // ?data=URL, a shared link: the app is in View mode (nothing is written to storage)
  // until the user makes a copy. The response is only ever parsed as data. Anything that
  // keeps it from opening goes to the app as an import failure: the app shows why and
  // falls back to the user's own data, untouched.
  // (LINK_LIMIT, LINK_WAIT_MS and tooBig are defined with linkFetched, at the top.)
  // Fetched at once, while the app downloads and compiles (not after its first frame):
  // {bytes} or {why}. Opened as soon as the app has started, so a link that has arrived by
  // then is in the first frame. (Called at the top of this script: see linkFetched.)
  async function fetchLink() {
    if (!sharedLink.trim()) return { why: 'the link gives no address after ?data=' };
    let url;
    try {
      url = new URL(sharedLink, location.href);
    } catch (e) {
      return { why: 'it is not a web address' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return { why: `only http:// and https:// addresses can be opened, not ${url.protocol} ones` };
    const crossOrigin = url.origin !== location.origin;
    if (crossOrigin && url.protocol !== 'https:')  // (the page's CSP: connect-src 'self' https:)
      return { why: 'data from another site must come over https://, not plain http://' };
    let response;
    try {
      response = await fetch(url, { credentials: 'omit' });
    } catch (e) {
      return { why: await whyUnreachable(url, crossOrigin, e) };
    }
    if (!response.ok) return { why: `the server answered ${response.status} ${response.statusText}`.trim() };
    const size = Number(response.headers.get('Content-Length')) || 0;
    if (size > LINK_LIMIT) return { why: tooBig(size) };
    try {
      return { bytes: await readLimited(response) };
    } catch (e) {
      return { why: e.message };
    }
  }
  async function loadFromQuery() {
    if (linkFetched === null) return;
    const got = await linkFetched;
    // (the app knows the link by its address)
    if (got.why !== undefined) return importFailed(sharedLink, got.why);
    if (importText(got.bytes, sharedLink) !== 'replaced') return;
    // A published story opens presenting, unless the address asks for a view of its own.
    if (publishedStory && !openedWithView) api.present(true, 0);
    // The frame that shows the link's data has been painted (the app draws in an
    // animation frame; the timer runs once it is painted): what a visitor waits for
    // (tools/bench). The mark says what that frame drew (the benchmark checks the events
    // are in it), and how many frames came before the data (tests/e2e/firstvisit.test.mjs).
    const frames = api.frameStats().frames;
    const shown = () => {
      if (api.frameStats().frames === frames) return requestAnimationFrame(shown);
      setTimeout(() => performance.mark('atlas-data-shown', { detail: { ...api.visible(), framesBefore: frames } }));
    };
    requestAnimationFrame(shown);
  }
  // A fetch fails the same way for a server that is down and one that does not let other
  // sites read its files (CORS): an opaque request tells them apart.
  async function whyUnreachable(url, crossOrigin, error) {
    if (crossOrigin) {
      try {
        await fetch(url, { mode: 'no-cors', credentials: 'omit' });
        return `the server at ${url.host} answered, but it does not allow other sites to read ` +
               'its files (CORS: its answer has no Access-Control-Allow-Origin header for this page): ' +
               'ask its owner to allow it, or download the file and open it with File > Open';
      } catch (e) { /* not reachable at all: said below */ }
      return `the server at ${url.host} could not be reached (${error.message}): check the address and the network connection`;
    }
    return `the address could not be fetched (${error.message}): check it and the network connection`;
  }
  // The body's bytes, read up to the cap: a server need not send Content-Length, or may send a
  // wrong one.
  async function readLimited(response) {
    if (!response.body) {
      const buffer = await response.arrayBuffer();
      if (buffer.byteLength > LINK_LIMIT) throw new Error(tooBig(buffer.byteLength));
      return new Uint8Array(buffer);
    }
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.length;
      if (received > LINK_LIMIT) {
        reader.cancel().catch(() => {});
        throw new Error(tooBig(received));
      }
      chunks.push(value);
    }
    // Joined here: a Blob's arrayBuffer() is a round trip through the browser, which
    // answered only after the app's first frames while the app was starting.
    if (chunks.length === 1) return chunks[0];
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    return bytes;
  }
  // Another tab saved (web/store.js has read its copy): let the app decide what to tell
  // the user.
  store.onChange = () => started && Module._atlas_storage_changed();
  // The copies read after the start have arrived: a start that waits for one goes on.
  store.onSettled = () => started && Module._atlas_wake();
  // Save at once when the page goes away, not after the autosave delay.
  const flush = () => started && Module._atlas_flush();
  document.addEventListener('visibilitychange', () => document.hidden && flush());
  window.addEventListener('pagehide', flush);
  // File > Publish (platform_web.cpp): the built app's files, as its service worker lists
  // them, each to _atlas_site_file, then _atlas_site_done(0 or why not); the published
  // folder comes back file by file (zipAdd) and leaves as one .zip (fflate). The two
  // libraries (js-sha256 for the worker's stamp, fflate) are loaded only when publishing.
  const loadScript = (name) => new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = versioned(name);
    s.onload = resolve;
    s.onerror = () => reject(new Error(`${name} could not be loaded`));
    document.head.appendChild(s);
  });
  const toHeapBytes = (bytes) => {
    const ptr = Module._malloc(Math.max(1, bytes.length));
    Module.HEAPU8.set(bytes, ptr);
    return ptr;
  };
  Module.loadSite = async () => {
    try {
      if (!window.sha256 || !window.fflate) await Promise.all(['js-sha256.min.js', 'fflate.min.js'].map(loadScript));
      // (A network failure says only "Failed to fetch": say what it means here.)
      const get = (name, options) => fetch(name, options).catch(() => {
        throw new Error(`${name.split('?')[0]} could not be fetched: publishing needs the connection to the site`);
      });
      const r = await get('sw.js', { cache: 'no-cache' });
      if (!r.ok) throw new Error(`the server answered ${r.status} for sw.js`);
      const worker = await r.text();
      const line = worker.split('\n').find((l) => l.startsWith('const BUILD = {'));
      if (!line) throw new Error('sw.js has no build stamp');
      const b = JSON.parse(line.slice('const BUILD = '.length).replace(/;\s*$/, ''));
      const names = [...Object.keys(b.files), ...Object.keys(b.optional || {})];
      const files = [['sw.js', new TextEncoder().encode(worker)]];
      for (const name of names) {
        const f = await get(`${name}?v=${b.version}`);
        if (!f.ok) throw new Error(`the server answered ${f.status} for ${name}`);
        files.push([name, new Uint8Array(await f.arrayBuffer())]);
      }
      for (const [name, bytes] of files)
        Module._atlas_site_file(Module.toHeap(name), toHeapBytes(bytes), bytes.length);
      Module._atlas_site_done(0);
    } catch (e) {
      Module._atlas_site_done(Module.toHeap(String((e && e.message) || e)));
    }
  };
  let zipFiles = {};
  Module.zipAdd = (name, bytes) => {
    zipFiles[name] = bytes;
  };
  Module.zipSave = (folder) => {
    const files = zipFiles;
    zipFiles = {};
    if (!window.fflate) return 'the zip library (fflate) is not loaded';
    try {
      const tree = {};
      for (const [name, bytes] of Object.entries(files)) tree[`${folder}/${name}`] = bytes;
      Module.download(`${folder}.zip`, window.fflate.zipSync(tree));
      return '';
    } catch (e) {
      return `the .zip could not be made (${(e && e.message) || e})`;
    }
  };
  // Closing or leaving with a change that could not be stored: the browser asks first.
  window.addEventListener('beforeunload', (e) => {
    if (!started || Module._atlas_flush() === 1) return;
    e.preventDefault();
    e.returnValue = '';  // older browsers ask only when this is set
  });

  // ---------------------------------------------------------------------------------
  // 4b. The semantic mirror: what the canvas shows, as DOM a screen reader reads
  //     (src/app/mirror builds the words; the app sends them only when they change). Kept
  //     out of sight by clipping, not display:none, which would hide it from readers too.
  //     The key element (#ime) points at the selected option (aria-activedescendant).
  // ---------------------------------------------------------------------------------
  const mirror = {};
  function buildMirror() {
    const root = document.createElement('section');
    root.id = 'mirror';
    root.className = 'visually-hidden';
    const commands = document.createElement('div');
    commands.setAttribute('role', 'toolbar');
    const list = document.createElement('div');
    list.id = 'mirror-items';
    list.setAttribute('role', 'listbox');
    const details = document.createElement('div');
    details.id = 'mirror-details';
    details.setAttribute('role', 'region');
    const live = document.createElement('div');
    live.id = 'mirror-live';
    live.setAttribute('aria-live', 'polite');
    root.append(commands, list, details, live);
    document.body.append(root);
    // A click on an option (a screen reader's "activate") selects its item.
    list.addEventListener('click', (e) => {
      const option = e.target.closest('[role=option]');
      if (option && started) api.select(option.dataset.item);
    });
    commands.addEventListener('click', (e) => {
      const button = e.target.closest('button');
      if (button && started) withString(button.dataset.command, (p) => Module._atlas_api_command(p));
    });
    ime.setAttribute('aria-controls', list.id);
    Object.assign(mirror, { root, commands, list, details, live });
  }
  const optionId = (item) => 'item-' + item;
  Module.updateMirror = (m) => {
    if (!mirror.root) buildMirror();
    // Every word comes from the app, in its language (src/app/mirror.cpp).
    mirror.root.setAttribute('aria-label', m.names.whole);
    mirror.commands.setAttribute('aria-label', m.names.commands);
    mirror.details.setAttribute('aria-label', m.names.details);
    ime.setAttribute('aria-label', m.names.input);
    mirror.list.setAttribute('aria-label', m.label);
    const options = document.createDocumentFragment();
    m.options.forEach((o, i) => {
      const el = document.createElement('div');
      el.setAttribute('role', 'option');
      el.id = optionId(o.id);
      el.dataset.item = o.id;
      el.setAttribute('aria-selected', String(o.id === m.active));
      el.setAttribute('aria-setsize', String(m.total));
      el.setAttribute('aria-posinset', String(m.first + i + 1));
      el.textContent = o.text;
      options.append(el);
    });
    mirror.list.replaceChildren(options);
    // An empty list says so (a listbox must own options).
    mirror.list.hidden = m.options.length === 0;
    if (m.active) ime.setAttribute('aria-activedescendant', optionId(m.active));
    else ime.removeAttribute('aria-activedescendant');
    mirror.details.replaceChildren(...m.details.split('\n')
      .map((line) => Object.assign(document.createElement('p'), { textContent: line })));
    // Only a new text is announced (the same text set again is not news).
    if (mirror.live.textContent !== m.live) mirror.live.textContent = m.live;
    mirror.commands.replaceChildren(...m.commands.map((c) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = c.label;
      b.dataset.command = c.id;
      b.disabled = !c.enabled;
      return b;
    }));
  };

  // ---------------------------------------------------------------------------------
  // 5. window.atlas
  // ---------------------------------------------------------------------------------
  function need() {
    if (!started) throw new Error('Coalition Atlas is still loading: await atlas.ready first');
  }
  // Strings go in through the heap (not the stack: a dataset can be many megabytes).
  function withString(text, fn) {
    const size = Module.lengthBytesUTF8(text) + 1;
    const ptr = Module._malloc(size);
    try {
      Module.stringToUTF8(text, ptr, size);
      return fn(ptr);
    } finally {
      Module._free(ptr);
    }
  }
  // A dataset's text: copied into the heap once, by the browser's own UTF-8 encoder, and
  // passed with its length: fn(ptr, length). Most datasets are mostly ASCII, one byte a
  // character: a buffer of the text's length is tried first, and only the rest of a text
  // with other characters is measured, into a buffer of the exact size.
  const encoder = new TextEncoder();
  function utf8Length(text, from) {  // what TextEncoder writes for text.slice(from)
    let n = 0;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) n += 4, i++;
      else n += 3;  // lone surrogates become U+FFFD
    }
    return n;
  }
  function heap(size) {
    const ptr = Module._malloc(size);
    if (!ptr) throw new Error(`not enough memory for ${size} bytes of text`);
    return ptr;
  }
  function withFileBytes(bytes, fn) {
    const ptr = heap(bytes.length + 1);
    Module.HEAPU8.set(bytes, ptr);
    Module.HEAPU8[ptr + bytes.length] = 0;
    try {
      return fn(ptr, bytes.length);
    } finally {
      Module._free(ptr);
    }
  }
  function withBytes(text, fn) {
    const { ptr, length } = copyIn(text);
    try {
      return fn(ptr, length);
    } finally {
      Module._free(ptr);
    }
  }
  // The text in the heap, NUL-terminated: {ptr, length}; the caller frees ptr.
  function copyIn(text) {
    // Room for the text plus a little: most text is nearly all ASCII, one byte a
    // character, and then one encodeInto does it all. More than that costs a second
    // buffer, a copy and the rest encoded there.
    const room = text.length + Math.min(1 << 20, (text.length >> 6) + 64);
    let ptr = heap(room + 1);
    let { read, written } = encoder.encodeInto(text, Module.HEAPU8.subarray(ptr, ptr + room));
    if (read < text.length) {
      const size = written + utf8Length(text, read);
      let bigger;
      try {
        bigger = heap(size + 1);
      } catch (e) {
        Module._free(ptr);
        throw e;
      }
      Module.HEAPU8.copyWithin(bigger, ptr, ptr + written);
      Module._free(ptr);
      ptr = bigger;
      written += encoder.encodeInto(text.substring(read), Module.HEAPU8.subarray(ptr + written, ptr + size)).written;
    }
    Module.HEAPU8[ptr + written] = 0;
    return { ptr, length: written };
  }
  // For the store's calls from C++ (platform_web.cpp): a stored text into the heap (the
  // app frees it), and a save's bytes out of it.
  Module.toHeap = (text) => copyIn(text).ptr;
  const decoder = new TextDecoder();
  Module.fromHeap = (ptr, size) => decoder.decode(Module.HEAPU8.subarray(ptr, ptr + size));

  const api = {
    /** The app's version (from the build: CMake's project version); null until started. */
    get version() {
      return Module.atlasVersion || null;
    },
    ready,
    /** Replaces the dataset with `text` when it loads without errors; returns the
     *  diagnostics ([{severity, pointer, message, text, line?, column?}]) either way.
     *  Refused (an error diagnostic) in View mode: a shared link is read-only. */
    loadJSON(text, origin = 'loaded by script') {
      need();
      if (typeof text !== 'string') throw new TypeError('loadJSON takes the JSON text');
      const out = withBytes(text, (t, length) =>
        withString(String(origin), (o) => Module._atlas_api_load_json(t, length, o)));
      return JSON.parse(Module.UTF8ToString(out));
    },
    /** The current dataset as canonical JSON text. */
    exportJSON() {
      need();
      return Module.UTF8ToString(Module._atlas_api_export_json());
    },
    /** Counts: {events, working_groups, places, organisations}. */
    stats() {
      need();
      return JSON.parse(Module.UTF8ToString(Module._atlas_api_stats()));
    },
    /** Selects an item by id (null or '' clears); false for an unknown id. */
    select(id) {
      need();
      return withString(id == null ? '' : String(id), (p) => Module._atlas_api_select(p)) === 1;
    },
    /** The selected item's id, or null. */
    selection() {
      need();
      return Module.UTF8ToString(Module._atlas_api_selection()) || null;
    },
    /** Frames drawn since start, the last frame's CPU time in milliseconds, its two
     *  parts (uiMs: building every pane; glMs: handing it to WebGL, where a software GPU
     *  makes the page wait), and the map's and the timeline's share of uiMs. */
    frameStats() {
      need();
      return {
        frames: Module._atlas_api_frames_drawn(),
        lastFrameMs: Module._atlas_api_last_frame_ms(),
        uiMs: Module._atlas_api_last_ui_ms(),
        glMs: Module._atlas_api_last_gl_ms(),
        mapMs: Module._atlas_api_map_ms(),
        timelineMs: Module._atlas_api_timeline_ms(),
      };
    },
    /** Where the panes are, in CSS pixels: {map, timeline, list, inspector}, each
     *  {x, y, width, height}. */
    panes() {
      need();
      return JSON.parse(Module.UTF8ToString(Module._atlas_api_panes()));
    },
    /** The pane with the keyboard (Tab / Shift+Tab move it): 'map', 'timeline', 'list',
     *  'inspector', or null. */
    focusedPane() {
      need();
      return Module.UTF8ToString(Module._atlas_api_focused_pane()) || null;
    },
    /** Opens `data` as File > Open would: {result: 'replaced' | 'needs-confirmation' |
     *  'refused' | 'spreadsheet', diagnostics}. Errors leave the data as it was; warnings
     *  ask the user; a CSV or TimelineJS file goes to File > Import CSV's dialog.
     *  `data` is text, or a file's bytes (an ArrayBuffer or a typed array), which are
     *  judged as bytes: not UTF-8, a byte order mark, a NUL are found as on the desktop. */
    importJSON(data, name = 'imported text') {
      need();
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data)
        : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : null;
      const result = importText(bytes || String(data), String(name));
      return { result, diagnostics: api.diagnostics() };
    },
    /** Interchange (File > Import CSV without its dialog): a CSV or TimelineJS file
     *  (text or bytes, as importJSON takes them) added with the guessed mapping as one
     *  undoable step, or nothing when it cannot be: {imported, error, events, places,
     *  organisations, skippedRows, readAs, problems: [{severity, row, column, columnName,
     *  pointer, message, text}]}. options: {dayMonth: 'day-first' | 'month-first',
     *  skipBadRows, cities (new places from the offline city list, once it has arrived:
     *  findCity() returning non-null says it has; default true)}. */
    importCSV(data, options = {}, name = 'imported.csv') {
      need();
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data)
        : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : null;
      const run = (t, length) => withString(String(name), (n) =>
        withString(JSON.stringify(options || {}), (o) =>
          Module.UTF8ToString(Module._atlas_api_import_csv(t, length, n, o))));
      return JSON.parse(bytes ? withFileBytes(bytes, run) : withBytes(String(data), run));
    },
    /** The data as File > Export writes it: {text, notes, error}. format: 'csv',
     *  'timelinejs', 'geojson', 'kml', 'storymap', 'ics', 'atlas'; options: {table:
     *  'events' | 'places' | 'organisations' | 'working-groups', excel}. */
    exportAs(format, options = {}) {
      need();
      return JSON.parse(withString(String(format), (f) => withString(JSON.stringify(options || {}),
        (o) => Module.UTF8ToString(Module._atlas_api_export_as(f, o)))));
    },
    /** The last import by any path (picker, drop, paste, ?data=, importJSON), for
     *  automation: {count (imports so far), name, result ('replaced' |
     *  'needs-confirmation' | 'refused' | 'spreadsheet')}; count 0 and nulls before the first. */
    lastImport() {
      return { ...lastImport };
    },
    /** The diagnostics panel's contents: the last import's problems. */
    diagnostics() {
      need();
      return JSON.parse(Module.UTF8ToString(Module._atlas_api_diagnostics()));
    },
    /** Messages shown to the user: [{kind: 'info' | 'warning' | 'error', text, export}]
     *  (export: an Export button is offered beside it). */
    notices() {
      need();
      return JSON.parse(Module.UTF8ToString(Module._atlas_api_notices()));
    },
    /** {saved, saving, quotaExceeded, conflict, where, backend, persisted, usage, quota,
     *  status}: whether the data is safely stored, and where (see README.md). */
    storageStatus() {
      need();
      const { notice, ...facts } = store.info();  // (the notice reaches atlas.notices(), worded)
      return { ...JSON.parse(Module.UTF8ToString(Module._atlas_api_storage_status())), ...facts };
    },
    /** 'view' (a shared link, ?data=URL: read-only, nothing written to storage) or
     *  'edit' (the user's own data, saved as it changes). */
    mode() {
      need();
      return JSON.parse(Module.UTF8ToString(Module._atlas_api_mode())).mode;
    },
    /** {mode, link, opening, ownData, previous}: the mode, the shared link's address
     *  (null in Edit mode), whether it is still downloading, whether this browser holds
     *  data of the user's own (a copy replaces it), and whether File > Restore previous
     *  data has something to restore. */
    linkStatus() {
      need();
      return JSON.parse(Module.UTF8ToString(Module._atlas_api_mode()));
    },
    /** Make a copy to edit, without asking: the shared link's data becomes the user's
     *  (saved, with the data it replaces kept as the previous data in the same write), the app goes to
     *  Edit mode and the address drops ?data=. '' when done, else why not. */
    makeCopy() {
      need();
      const why = Module.UTF8ToString(Module._atlas_api_make_copy());
      if (!why) Module.dropLink();
      return why;
    },
    /** File > Restore previous data: the data a copy (or the last restore) replaced comes
     *  back, and what was open becomes the previous data. '' when done, else why not. */
    restorePrevious() {
      need();
      return Module.UTF8ToString(Module._atlas_api_restore_previous());
    },
    /** Saves now instead of after the autosave delay; true when nothing is left unsaved
     *  or its save is under way (storageStatus().saved says when the store has it), false
     *  when a change could not be stored. */
    flush() {
      need();
      return Module._atlas_flush() === 1;
    },
    /** Where a longitude/latitude is on the page now (CSS px): {x, y}. */
    mapProject(lon, lat) {
      need();
      return JSON.parse(Module.UTF8ToString(Module._atlas_api_map_project(lon, lat)));
    },
    /** Moves the map: centre and zoom (the world is 256 × 2^zoom px wide). */
    setMapView(lon, lat, zoom) {
      need();
      Module._atlas_api_map_set_view(lon, lat, zoom);
    },
    /** {lon, lat, zoom, markers}: the map's centre, zoom and markers drawn. */
    mapView() {
      need();
      return JSON.parse(Module.UTF8ToString(Module._atlas_api_map_view()));
    },
    /** Where an item is drawn on the timeline (CSS px), or null. */
    timelineLocate(id) {
      need();
      return JSON.parse(withString(String(id), (p) => Module.UTF8ToString(Module._atlas_api_timeline_locate(p))));
    },
    /** The timeline's date axis (CSS px): {x, y, width, height, dateX}, where dateX is the
     *  x of the start of the EDTF `date`, when given. */
    timelineAxis(date = '') {
      need();
      return JSON.parse(withString(String(date), (p) => Module.UTF8ToString(Module._atlas_api_timeline_axis(p))));
    },
    /** Zooms the timeline by `factor` about x (px from its left edge), or pans by dx px. */
    timelineZoom(factor, x = 0) {
      need();
      Module._atlas_api_timeline_zoom(factor, x);
    },
    timelinePan(dx) {
      need();
      Module._atlas_api_timeline_pan(dx);
    },
    /** Shows only what happened between two EDTF dates (the brush); no arguments clear it.
     *  Returns '' or what is wrong with a date. */
    setRange(first = '', last = '') {
      need();
      return withString(String(first), (a) => withString(String(last),
        (b) => Module.UTF8ToString(Module._atlas_api_set_range(a, b))));
    },
    /** {events, timelineItems, mapMarkers}: events passing the filters, items drawn on
     *  the timeline, markers drawn on the map. */
    visible() {
      need();
      return JSON.parse(Module.UTF8ToString(Module._atlas_api_visible()));
    },
    /** Presenter mode on or off (at a step of the story). */
    present(on = true, step = 0) {
      need();
      Module._atlas_api_present(on ? 1 : 0, step | 0);
    },
    /** {presenting, step, count, item, autoplay}: where the story is. */
    story() {
      need();
      return JSON.parse(Module.UTF8ToString(Module._atlas_api_story()));
    },
    /** Goes to a step of the story (presenter mode). */
    storyGo(step) {
      need();
      Module._atlas_api_story_go(step | 0);
    },
    /** Autoplay every `seconds` (0 stops), looping at the end if `loop`. */
    autoplay(seconds, loop = true) {
      need();
      Module._atlas_api_autoplay(seconds, loop ? 1 : 0);
    },
    /** The current view as a PNG (bytes) at `scale` × the window's size. */
    exportPNG(scale = 2) {
      need();
      const ptr = Module._atlas_api_export_png(scale);
      return Module.HEAPU8.slice(ptr, ptr + Module._atlas_api_png_size());
    },
    /** The view as a URL fragment (what the address bar's #… holds): a deep link. */
    viewHash() {
      need();
      return Module.UTF8ToString(Module._atlas_api_view_hash());
    },
    /** Undo and redo the last edit; false when there is nothing to undo or redo. */
    undo() {
      need();
      return Module._atlas_api_undo() === 1;
    },
    redo() {
      need();
      return Module._atlas_api_redo() === 1;
    },
    /** {labels, position, undo, redo}: every step's label, oldest first; the first
     *  `position` are done. undo/redo are the menu items' words. */
    history() {
      need();
      return JSON.parse(Module.UTF8ToString(Module._atlas_api_history()));
    },
    /** Sets one field of one item as the editor does (an undoable step): '' or why not.
     *  setField('rt-hk', 'title', 'Hong Kong Roundtable 2015') */
    setField(id, field, value) {
      need();
      return withString(String(id), (i) => withString(String(field), (f) =>
        withString(JSON.stringify(value === undefined ? null : value),
          (v) => Module.UTF8ToString(Module._atlas_api_set_field(i, f, v)))));
    },
    /** Puts the map in "pick on map" mode for a place: the next click on the map gives
     *  it coordinates (as the Inspector's Pick on map button does). */
    pickOnMap(placeId) {
      need();
      return withString(String(placeId), (p) => Module._atlas_api_pick_on_map(p)) === 1;
    },
    /** Where a widget with this label ("Open it", "File") was drawn in the last frame:
     *  {x, y, width, height} in CSS px, or null. Of several with one label, `index` picks
     *  one in drawing order (-1: the last, on top). The first call starts the recording,
     *  so wait for it: await page.waitForFunction(() => atlas.widgetRect('Open it')). */
    widgetRect(label, index = -1) {
      need();
      return JSON.parse(withString(String(label),
        (l) => Module.UTF8ToString(Module._atlas_api_widget_rect(l, index | 0))));
    },
    /** Whether a text field has the keyboard (typing goes into it), for automation: a
     *  click on a field is seen a frame or two later. */
    typing() {
      need();
      return Module._atlas_wants_text() === 1;
    },
    /** Every labelled widget drawn in the last frame: [{label, x, y, width, height,
     *  textWidth, visibleWidth}] (starts the recording, like widgetRect). */
    widgets() {
      need();
      return JSON.parse(Module.UTF8ToString(Module._atlas_api_widgets()));
    },
    /** The narrow layout's pane ('map' | 'timeline' | 'list' | 'story'), or null when the
     *  window is wide enough for all four panes. */
    phonePane() {
      need();
      return JSON.parse(Module.UTF8ToString(Module._atlas_api_phone_tab()));
    },
    /** Where the Inspector drew a field last frame ("rt-hk/title"), or null. */
    fieldRect(key) {
      need();
      return JSON.parse(withString(String(key), (k) => Module.UTF8ToString(Module._atlas_api_field_rect(k))));
    },
    /** The offline city list, as the Inspector's city search uses it: [{name, country,
     *  lat, lon}], best first; null until it has arrived (the first call, or the first
     *  place field or spreadsheet import, starts its download). */
    findCity(query, limit = 8) {
      need();
      return JSON.parse(withString(String(query), (q) => Module.UTF8ToString(Module._atlas_api_find_city(q, limit | 0))));
    },
    /** The fonts: {cjk: 'none' | 'loading' | 'ready' | 'failed', cjkGlyphs, missing, texture:
     *  [width, height] of the glyph atlas in pixels}, where
     *  `missing` lists the code points of `text` the app has no glyph for (drawn as boxes).
     *  The CJK font is fetched only once the data (or typing) has Chinese text. */
    fonts(text = '') {
      need();
      return JSON.parse(withString(String(text), (t) => Module.UTF8ToString(Module._atlas_api_fonts(t))));
    },
    /** 'light' or 'dark'. */
    setTheme(name) {
      need();
      Module._atlas_api_set_theme(name === 'dark' ? 1 : 0);
    },
  };
  window.atlas = api;

  // Offline after the first visit (web/sw.js). Only over http(s): not from a file.
  // Registered once the first frame is on screen and the page is idle: the worker's
  // install reads every file of the app again (from the browser's cache, web/sw.js) and
  // hashes each, work a first visit should not wait for.
  function registerWorker() {
    if (!('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;
    navigator.serviceWorker.register('sw.js').catch((e) => console.log('offline support is off: ' + e.message));
  }
  const whenIdle = (fn) => ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 200));

  // The Emscripten runtime, after Module is in place.
  const script = document.createElement('script');
  script.src = versioned('coalition-atlas.js');
  script.onerror = () => fail(t('The app could not be downloaded ({file}).', { file: 'coalition-atlas.js' }),
                              t('Check the network connection, then reload the page.'));
  document.body.appendChild(script);
})();
