// The site's service worker: the site's own files, kept for speed and offline
// use. scripts/site/offline.py writes it into the site as sw.js with the build's
// precache manifest in place of the marker below, so every deploy that changes
// a file changes this script, and the browser installs the new one.
//
// What it keeps: only the files the manifest lists (same origin, inside the
// scope), each checked against its sha256 before it goes into the cache, never
// a URL with a query string. Nothing a visitor types is ever a request here:
// the letter is made on the page, and the pages send nothing.
//
// How it serves: a listed page, style or script from the cache if it is there
// (one consistent version of the site from one build), otherwise from the
// network, and kept if its hash matches; the versioned runtime and engine
// through the browser's HTTP cache first (respondVersioned says why), from
// the cache when that fails. Every navigation
// makes the browser check sw.js for a new build; a new one installs at once
// (skipWaiting), carries over what the visitor had (copied when unchanged,
// fetched when changed), takes over (clients.claim) and deletes the old
// cache, so a new deploy reaches a returning visitor within two visits.
//
// What it caches beyond the pages visited is asked for by the pages
// (assets/javascripts/offline.js): the pages of the visitor's language, and
// the letter page's runtime and engine, in idle time, never when the visitor
// asked to save data.
//
// To retire it, see "Offline use" on the organizers' page (retire.js).

const OFFLINE = /*OFFLINE_MANIFEST*/ { version: "", files: {}, groups: {}, prefixes: {} };

const SCOPE = new URL(self.registration.scope);
// One origin may host several sites under subpaths (GitHub Pages): the cache
// name carries the scope, and only this site's caches are ever deleted.
const PREFIX = `site-files:${SCOPE.pathname}:`;
const CACHE = PREFIX + OFFLINE.version;

// The manifest's key for a URL in scope: "write/" for /write/ and
// /write/index.html, "" for the root page; null if not a listed file.
function keyOf(url) {
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return null;
  let key = decodeURIComponent(url.pathname.slice(SCOPE.pathname.length));
  if (key === "index.html" || key.endsWith("/index.html")) key = key.slice(0, -"index.html".length);
  return Object.hasOwn(OFFLINE.files, key) ? key : null;
}

const requestFor = (key) => new Request(new URL(key, SCOPE).href);

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

// Put `response` under `key` if its body is the file the manifest names.
async function keep(cache, key, response) {
  if (!response.ok || response.status !== 200 || response.redirected) return false;
  if ((await sha256(await response.clone().arrayBuffer())) !== OFFLINE.files[key]) return false;
  await cache.put(requestFor(key), response);
  return true;
}

// The versioned folders (runtime, engine) may come from the HTTP cache; other
// files are revalidated, so a host's short max-age cannot hand back last
// build's page under this build's hash.
const versioned = (key) => OFFLINE.prefixes.versioned.some((prefix) => key.startsWith(prefix));
const fetchFresh = (key) => fetch(requestFor(key), { cache: versioned(key) ? "default" : "no-cache" });

// Cache every file of `groups` not cached yet: copied from an older cache of
// this site when its bytes are unchanged, else fetched. A file that fails
// (offline, or a host midway through a deploy) is left out; the next request
// for a group tries again. Resolves to whether every file is now cached.
// Files being kept right now: a page that asks again (a second tab, the
// next visit) waits for them rather than fetching them twice.
const keeping = new Map();

async function cacheGroups(groups, { from = [] } = {}) {
  const cache = await caches.open(CACHE);
  const keys = [...new Set(groups.flatMap((group) => OFFLINE.groups[group] || []))];
  const cached = new Set((await cache.keys()).map((request) => keyOf(new URL(request.url))));
  const results = await Promise.all(keys.filter((key) => !cached.has(key)).map((key) => {
    if (!keeping.has(key)) {
      keeping.set(key, (async () => {
        try {
          for (const name of from) {
            const old = await (await caches.open(name)).match(requestFor(key));
            if (old && await keep(cache, key, old)) return true;
          }
          return await keep(cache, key, await fetchFresh(key));
        } catch {
          return false;
        } finally {
          keeping.delete(key);
        }
      })());
    }
    return keeping.get(key);
  }));
  return results.every(Boolean);
}

// The groups an older cache held (a file that only that group lists, or one
// under its folders: the engine's folder names change with its version), so
// an update keeps what the visitor had: offline after one visit stays
// offline after a deploy.
async function groupsHeld(names) {
  const owners = new Map();
  for (const [group, keys] of Object.entries(OFFLINE.groups)) {
    for (const key of keys) owners.set(key, owners.has(key) ? null : group);
  }
  const held = new Set();
  for (const name of names) {
    for (const request of await (await caches.open(name)).keys()) {
      const path = decodeURIComponent(new URL(request.url).pathname.slice(SCOPE.pathname.length));
      if (owners.get(path)) held.add(owners.get(path));
      for (const [group, prefixes] of Object.entries(OFFLINE.prefixes)) {
        if (group in OFFLINE.groups && prefixes.some((prefix) => path.startsWith(prefix))) held.add(group);
      }
    }
  }
  return [...held];
}

const olderCaches = async () => (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);

self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil((async () => {
    const older = await olderCaches();
    if (older.length) await cacheGroups(await groupsHeld(older), { from: older });
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    await Promise.all((await olderCaches()).map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

// {type: "cache", groups: [...]} from a page: cache those groups, one after
// the other in the page's order (the letter page's engine first, so that a
// visitor who follows a link to it soon finds it whole), then reply
// {type: "cached", groups, complete} to that page.
self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type !== "cache" || !Array.isArray(message.groups)) return;
  const groups = message.groups.filter((group) => Object.hasOwn(OFFLINE.groups, group));
  event.waitUntil((async () => {
    let complete = true;
    for (const group of groups) complete = (await cacheGroups([group])) && complete;
    event.source?.postMessage({ type: "cached", groups, complete, version: OFFLINE.version });
  })());
});

// A response the browser can take as its own for `request`: a cached response
// keeps the URL it was stored under, and a worker or page reads its own URL
// (the letter worker's boot config is in its query string), so a request that
// differs from its key gets the cached body and headers in a new response.
function asResponseTo(request, response, key) {
  if (request.url === requestFor(key).url) return response;
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

// The runtime and engine folders are versioned by name, so the browser's
// HTTP cache keeps them for a year; fetched through it, the browser also
// finds its compiled code for them (V8's code cache for the loader and the
// wasm), which responses out of Cache Storage come without: measured
// (scripts/bench/browser.py), a second visit was ~30 % slower served from
// Cache Storage than through the HTTP cache. So these go to the HTTP cache
// (the network only if it lost them), and Cache Storage answers when that
// fails: offline, or a connection that gives no answer within a few seconds.
const ANSWER_WITHIN_MS = 4000;

async function respondVersioned(event, key) {
  const network = fetch(event.request);
  network.catch(() => {}); // answered from the cache instead: not an error
  const cache = await caches.open(CACHE);
  const cached = cache.match(requestFor(key));
  const slow = new Promise((resolve) => setTimeout(resolve, ANSWER_WITHIN_MS, "slow"));
  try {
    const first = await Promise.race([network, slow]);
    if (first !== "slow") {
      // Not kept yet (a visitor who saves data, on the letter page): keep it now.
      if (!(await cached) && new URL(event.request.url).search === "") {
        event.waitUntil(keep(cache, key, first.clone()).catch(() => false));
      }
      return first;
    }
    const hit = await cached;
    return hit ? asResponseTo(event.request, hit, key) : await network;
  } catch (error) {
    const hit = await cached;
    if (hit) return asResponseTo(event.request, hit, key);
    throw error;
  }
}

async function respond(event, key) {
  if (versioned(key)) return respondVersioned(event, key);
  const cache = await caches.open(CACHE);
  const hit = await cache.match(requestFor(key));
  if (hit) return asResponseTo(event.request, hit, key);
  const response = await fetch(event.request);
  if (new URL(event.request.url).search === "") {
    event.waitUntil(keep(cache, key, response.clone()).catch(() => false));
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || request.headers.has("range")) return;
  const key = keyOf(new URL(request.url));
  if (key === null) return; // not one of the site's files: the browser's own way
  event.respondWith(respond(event, key));
});
