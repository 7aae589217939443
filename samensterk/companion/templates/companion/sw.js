/* The session companion's service worker. Scope: the companion's own path, nothing else of the site.
   It caches nothing by itself: the companion pages put their own URLs and files in the cache
   (see companion.js). Strategy: network first, so a facilitator online always gets the current
   page; the cached copy when the network is gone, so a reload in a room without Wi-Fi still works.
   Only URLs already in the cache are refreshed: other pages (a report, say) are never stored. */
const CACHE = "{{ cache_name }}";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("companion-") && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

// The companion's pages (under the scope) and the static files they load; nothing else is touched.
const STATIC = "{{ static_prefix }}";

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (!url.href.startsWith(self.registration.scope) && !url.pathname.startsWith(STATIC)) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(request, { ignoreVary: true, ignoreSearch: true });
      try {
        const response = await fetch(request);
        if (cached && response.ok && !response.redirected) {
          await cache.put(request, response.clone());
        }
        return response;
      } catch (error) {
        if (cached) return cached;
        throw error;
      }
    }),
  );
});
