/* The site's one service worker: the facilitator's evening without a network.

   Cache policy, deliberately narrow:
   - Pages: only those the server marks with the header "X-Offline-Page" (My work, the report of
     the user's own meeting, the session companion: the user's own pages, never another person's
     data). Network first, so an online facilitator always gets the current page; the kept copy
     when the network is gone. Every other page passes through untouched and is never stored.
   - Static files (styles, scripts, print.css): network first as well, kept for offline use. They
     hold no user data.
   - The reports waiting to be sent (see companion/offline.js) sit in a cache of their own, so that
     this worker can send them by Background Sync when no page is open.
   All of it is deleted when the user logs out (offline.js), or when another user logs in. */
const VERSION = "{{ cache_version }}";
const PAGES = `samensterk-pages-${VERSION}`;
const STATIC = `samensterk-static-${VERSION}`;
const QUEUE_PREFIX = "samensterk-queue-";
const STATIC_PREFIX = "{{ static_prefix }}";
const OFFLINE_HEADER = "X-Offline-Page";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  // Drop the caches of earlier versions (and the companion's old "companion-v1"); keep the queue.
  const ours = new Set([PAGES, STATIC]);
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((n) => !ours.has(n) && !n.startsWith(QUEUE_PREFIX) && (n.startsWith("samensterk-") || n.startsWith("companion-")))
            .map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, cacheName, keep) {
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) {
      if (keep(response)) await (await caches.open(cacheName)).put(request, response.clone());
      // A page that is no longer marked (the report was submitted and is read now) is dropped.
      else if (cacheName === PAGES && (await caches.has(PAGES))) {
        await (await caches.open(PAGES)).delete(request, { ignoreSearch: true });
      }
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName, ignoreVary: true, ignoreSearch: cacheName === PAGES });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith(STATIC_PREFIX)) {
    event.respondWith(networkFirst(request, STATIC, () => true));
  } else if (request.mode === "navigate" || request.headers.get("Accept")?.includes("text/html")) {
    event.respondWith(networkFirst(request, PAGES, (response) => response.headers.has(OFFLINE_HEADER)));
  }
});

// --- the reports waiting on this device -------------------------------------------------------

async function sendQueued() {
  const names = (await caches.keys()).filter((n) => n.startsWith(QUEUE_PREFIX));
  for (const name of names) {
    // The page's own sender takes the same lock (offline.js): one sender of a queue at a time.
    if (self.navigator.locks) await self.navigator.locks.request(name, () => sendQueue(name));
    else await sendQueue(name);
  }
}

async function sendQueue(name) {
  const cache = await caches.open(name);
  for (const key of await cache.keys()) {
    const entry = await (await cache.match(key)).json();
    // A network error rejects the sync, and the browser tries it again later.
    const response = await fetch(entry.url, {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual",
      headers: { Accept: "application/json", "X-CSRFToken": entry.csrf },
      body: new URLSearchParams(entry.fields),
    });
    // Anything but a clear success stays queued: the page shows why and offers "send now".
    if (response.ok && (await response.json()).ok) {
      await cache.delete(key);
      for (const client of await self.clients.matchAll()) client.postMessage({ type: "report-sent", id: entry.id, title: entry.title });
    }
  }
}

self.addEventListener("sync", (event) => {
  if (event.tag === "samensterk-reports") event.waitUntil(sendQueued());
});
