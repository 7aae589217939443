/* The logged-in user's pages on this device: kept for offline use, a queue of reports waiting to
   be sent, and all of it cleared at log-out.

   Loaded on every page of a logged-in user (templates/base.html). What it keeps:
   - the pages the server lists in #offline-urls and marks with the X-Offline-Page header (the
     user's own pages only; see core/offline.py and sw.js), and the page's styles and scripts;
   - reports submitted without a connection, in the cache "samensterk-queue-<user>" (the service
     worker can send them by Background Sync while no page is open; every page sends them on load
     and when the connection returns, with a growing pause after each failure, and "Send now").
   Browser storage keys of a user start with "samensterk.<user>."; log-out removes them and every
   cache, and so does a different user logging in on the same device.

   Every visible word comes from the page (#offline-queue's data attributes); none is written here. */

const body = document.body;
const user = body.dataset.user;
const box = document.getElementById("offline-queue");
const text = box ? box.dataset : {};
const VERSION = box?.dataset.cacheVersion || "v2";
const PAGES = `samensterk-pages-${VERSION}`;
const STATIC = `samensterk-static-${VERSION}`;
const QUEUE = `samensterk-queue-${user}`;
const OWNER = "samensterk.owner";
const SYNC_TAG = "samensterk-reports";
// Whether the worker already controlled this page when it loaded: only then did this page's own
// request pass through it (and get kept). Read now, before prepare() registers the worker: a worker
// that activates and claims the page during the first visit did not see its request.
const controlledAtLoad = Boolean(navigator.serviceWorker?.controller);
const MAX_PAUSE = 5 * 60 * 1000;
const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

// --- whose data is on this device --------------------------------------------------------------

function dropKeys(prefixes) {
  for (let i = localStorage.length - 1; i >= 0; i -= 1) {
    const key = localStorage.key(i);
    if (key && prefixes.some((p) => key.startsWith(p))) localStorage.removeItem(key);
  }
}

/** Remove everything of ``owner`` from this device: drafts, companion data, kept pages, queue. */
async function forget(owner) {
  // Older versions kept drafts and companion state without a user in the key: those go too.
  dropKeys([`samensterk.${owner}.`, "samensterk-report-", "samensterk.companion."]);
  if (!self.caches) return;
  const names = await caches.keys();
  await Promise.all(
    names
      .filter((n) => n === `samensterk-queue-${owner}` || (!n.startsWith("samensterk-queue-") && (n.startsWith("samensterk-") || n.startsWith("companion-"))))
      .map((n) => caches.delete(n)),
  );
}

const previous = localStorage.getItem(OWNER);
const handover = previous && previous !== user ? forget(previous) : Promise.resolve();
localStorage.setItem(OWNER, user);

// --- the queue ---------------------------------------------------------------------------------

const entryUrl = (id) => new URL(`/offline-queue/${encodeURIComponent(id)}`, location.origin).href;

async function queueList() {
  if (!self.caches) return [];
  const cache = await caches.open(QUEUE);
  const entries = [];
  for (const request of await cache.keys()) {
    try {
      entries.push(await (await cache.match(request)).json());
    } catch (error) {
      await cache.delete(request); // a broken entry cannot be sent
    }
  }
  return entries.sort((a, b) => a.queuedAt - b.queuedAt);
}

async function queuePut(entry) {
  const cache = await caches.open(QUEUE);
  await cache.put(entryUrl(entry.id), new Response(JSON.stringify(entry), { headers: { "Content-Type": "application/json" } }));
}

async function queueRemove(id) {
  arrived.add(String(id));
  const cache = await caches.open(QUEUE);
  await cache.delete(entryUrl(id));
}

// Reports that arrived (sent by this page or by the worker): a late failure of a second try
// must not put them back in the queue.
const arrived = new Set();

async function queueUpdate(entry) {
  if (arrived.has(String(entry.id))) return;
  const cache = await caches.open(QUEUE);
  if (await cache.match(entryUrl(entry.id))) await queuePut(entry);
}

function csrfToken(entry) {
  return $("input[name=csrfmiddlewaretoken]")?.value || box?.dataset.csrf || entry?.csrf || "";
}

/** Queue a report for sending: {id, url, title, fields: [[name, value]], csrf}. */
async function queueReport(report) {
  if (!self.caches) return false;
  await handover;
  arrived.delete(String(report.id));
  await queuePut({ ...report, queuedAt: Date.now(), attempts: 0, nextAt: 0, state: "waiting", detail: "" });
  try {
    const registration = await navigator.serviceWorker?.ready;
    await registration?.sync?.register(SYNC_TAG); // Background Sync where the browser has it
  } catch (error) {
    /* no Background Sync: sent on load and on "online" instead */
  }
  await render();
  if (navigator.onLine) flush();
  return true;
}

function announce(message) {
  if (!box) return;
  const sent = $("[data-queue-sent]", box);
  sent.textContent = message;
  sent.hidden = false;
  box.hidden = false;
}

let flushing = false;
let retryTimer = null;

// The Web Locks API where the browser has it (all current ones); without it, no lock.
function withQueueLock(task) {
  return navigator.locks ? navigator.locks.request(QUEUE, task) : task();
}

async function sendOne(entry) {
  const fields = new URLSearchParams(entry.fields);
  fields.set("csrfmiddlewaretoken", csrfToken(entry));
  let response;
  try {
    response = await fetch(entry.url, {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual", // a redirect here is the login page: the session ran out
      headers: { Accept: "application/json", "X-CSRFToken": csrfToken(entry) },
      body: fields,
    });
  } catch (error) {
    return pause(entry);
  }
  let data = {};
  try {
    data = await response.clone().json();
  } catch (error) {
    /* not JSON: judged by the status below */
  }
  if (response.ok && data.ok) {
    await queueRemove(entry.id);
    localStorage.removeItem(`samensterk.${user}.report.${entry.id}`);
    announce(text.msgSent.replace("%(title)s", entry.title));
    document.dispatchEvent(new CustomEvent("samensterk:report-sent", { detail: { id: entry.id, url: data.url } }));
    return;
  }
  if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
    return queueUpdate({ ...entry, state: "login", detail: "" });
  }
  if (response.status === 409) return queueUpdate({ ...entry, state: "conflict", detail: data.detail || "" });
  if (response.status === 422) return queueUpdate({ ...entry, state: "invalid", detail: "" });
  return pause(entry); // a server error or too many requests: try again later
}

function pause(entry) {
  // 10 s, 20 s, 40 s ... up to five minutes between tries; "Send now" does not wait.
  const attempts = entry.attempts + 1;
  const wait = Math.min(MAX_PAUSE, 5000 * 2 ** attempts);
  return queueUpdate({ ...entry, attempts, nextAt: Date.now() + wait, state: "retry", detail: "" });
}

/** Send what waits. ``now``: also what is pausing after a failure or was refused (a new try). */
async function flush({ now = false } = {}) {
  clearTimeout(retryTimer);
  if (flushing || !self.caches) return;
  if (!navigator.onLine) return render();
  flushing = true;
  try {
    await handover;
    // One sender at a time: the worker's Background Sync takes the same lock (sw.js), so a report
    // is never sent twice at once when the connection comes back, and the queue is read inside
    // the lock (a report the worker sent meanwhile is gone from it).
    await withQueueLock(async () => {
      for (const entry of await queueList()) {
        const refused = ["conflict", "invalid"].includes(entry.state);
        if (!now && (refused || (entry.nextAt && entry.nextAt > Date.now()))) continue;
        await sendOne(entry);
      }
    });
  } finally {
    flushing = false;
  }
  await render();
  const next = (await queueList()).filter((e) => e.state === "retry").map((e) => e.nextAt);
  if (next.length) retryTimer = setTimeout(flush, Math.max(1000, Math.min(...next) - Date.now()));
}

async function render() {
  if (!box) return;
  const entries = await queueList();
  const list = $("[data-queue-list]", box);
  const template = $("#offline-queue-item");
  list.replaceChildren(
    ...entries.map((entry) => {
      const item = template.content.firstElementChild.cloneNode(true);
      const link = $("a", item);
      link.textContent = entry.title;
      link.href = entry.url;
      const state = navigator.onLine ? entry.state : "offline";
      $("[data-queue-state]", item).textContent = entry.detail || text[`msg-${state}`.replace(/-(\w)/g, (_, c) => c.toUpperCase())] || "";
      return item;
    }),
  );
  $("[data-queue-waiting]", box).hidden = entries.length === 0;
  box.hidden = entries.length === 0 && $("[data-queue-sent]", box).hidden;
  // "My work": a meeting whose report waits on this device says so on its card.
  const waiting = new Set(entries.map((e) => String(e.id)));
  for (const hint of $$("[data-queued-hint]")) hint.hidden = !waiting.has(hint.dataset.queuedHint);
}

// --- keeping the user's pages ------------------------------------------------------------------

function assetsOf(doc, base = new URL(location.href)) {
  const refs = [
    ...Array.from(doc.querySelectorAll("link[rel=stylesheet][href], link[rel=manifest][href]"), (l) => l.getAttribute("href")),
    ...Array.from(doc.querySelectorAll("script[src]"), (s) => s.getAttribute("src")),
  ];
  return refs.map((ref) => new URL(ref, base)).filter((u) => u.origin === location.origin).map((u) => u.href);
}

async function keepPages() {
  if (!self.caches || !navigator.onLine) return;
  const listed = document.getElementById("offline-urls");
  // This very page was kept by the worker on its way in, if the worker controlled it then.
  const here = new URL(location.href).pathname;
  const urls = (listed ? JSON.parse(listed.textContent) : []).filter(
    (url) => !(controlledAtLoad && new URL(url, location.href).pathname === here),
  );
  const pages = await caches.open(PAGES);
  // The styles (print.css too) and scripts of this page and of the pages kept: public files.
  const files = new Set(assetsOf(document));
  for (const url of urls) {
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      // Only what the server marks as the user's own page is kept (the same rule as sw.js).
      if (response.ok && !response.redirected && response.headers.has("X-Offline-Page")) {
        await pages.put(url, response.clone());
        const html = new DOMParser().parseFromString(await response.text(), "text/html");
        for (const file of assetsOf(html, new URL(url, location.href))) files.add(file);
      }
    } catch (error) {
      /* offline meanwhile: the next visit keeps it */
    }
  }
  const statics = await caches.open(STATIC);
  await Promise.all(
    Array.from(files, async (url) => {
      if (!(await statics.match(url))) await statics.add(url).catch(() => {});
    }),
  );
}

async function prepare() {
  await handover;
  if ("serviceWorker" in navigator && body.dataset.serviceWorker) {
    try {
      await navigator.serviceWorker.register(body.dataset.serviceWorker, { scope: "/" });
    } catch (error) {
      /* no worker (a private window, storage full): the page still works while loaded */
    }
  }
  try {
    await keepPages();
  } catch (error) {
    /* nothing kept this time */
  }
  document.documentElement.dataset.offlineReady = "true";
}

// --- log-out: nothing of this user stays on the device ------------------------------------------

document.addEventListener(
  "submit",
  async (event) => {
    const form = event.target;
    if (!form.matches("form[data-logout]") || form.dataset.cleared) return;
    event.preventDefault();
    const waiting = (await queueList()).length;
    if (waiting && !window.confirm(text.msgLogoutWaiting)) return;
    await forget(user);
    form.dataset.cleared = "true";
    form.submit();
  },
  true,
);

// --- wiring ------------------------------------------------------------------------------------

box?.addEventListener("click", (event) => {
  if (event.target.closest("[data-queue-send]")) flush({ now: true });
});
self.addEventListener("online", () => flush({ now: true }));
self.addEventListener("offline", () => render());
navigator.serviceWorker?.addEventListener("message", (event) => {
  if (event.data?.type === "report-sent") {
    announce(text.msgSent.replace("%(title)s", event.data.title || ""));
    queueRemove(event.data.id).then(render);
    document.dispatchEvent(new CustomEvent("samensterk:report-sent", { detail: { id: event.data.id } }));
  }
});

window.samensterkOffline = { queueReport, flush, user };
render().then(() => flush());
if (navigator.onLine) prepare();
else document.documentElement.dataset.offlineReady = "true";
