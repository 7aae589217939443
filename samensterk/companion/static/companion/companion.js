/* The session companion: one script for the control view (the tablet) and the projector view.

   State lives in this browser only (localStorage, one key per session) and the two windows keep
   in step through a BroadcastChannel, so nothing needs the server while the session runs. Only
   the totals (counts and seconds, statement codes) are POSTed to the report: after a change,
   when the connection comes back, and at the end. Seats and initials never leave the device
   and are removed when the session ends.

   Every visible word comes from the page (rendered and translated by Django); this file holds
   no user-facing text. */

const config = JSON.parse(document.getElementById("companion-config").textContent);
const role = document.querySelector("[data-companion]")?.dataset.companion || "control";
// Per user (log-out clears "samensterk.<user>." keys, core/offline.js) and per session.
const USER_PREFIX = `samensterk.${config.user}.companion.`;
const KEY = `${USER_PREFIX}${config.session}`;
const rtl = document.documentElement.dir === "rtl";
const FORGET_SEATS_AFTER = 12 * 60 * 60 * 1000;
const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

// --- state -----------------------------------------------------------------------------------

function newRun() {
  if (self.crypto?.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(16)}-${Math.random().toString(16).slice(2, 14)}`;
}

function freshState() {
  return {
    run: newRun(),
    revision: 0, // grows with every change to the totals
    sent: 0, // the last revision the server confirmed (revision 0 has nothing to send)
    sendStatus: "",
    // The meeting opens with the group's agreements on the wall, when it has them.
    projector: config.hasAgreements ? "agreements" : "blank", // blank | agreements | deck
    deck: "statements",
    index: { statements: 0, questions: 0 },
    used: [], // statement codes shown in this session
    seats: [], // {id, label}: this device only, cleared at the end
    passes: [], // seat ids in the order the ball went
    turns: [], // {who: "man"|"woman", start, end}
    current: null, // {who, start} while someone speaks
    interruptions: 0,
    undo: [], // snapshots of the balance before each tap
    timer: { minutes: 5, perSpeaker: false, endsAt: null, remaining: 5 * 60 * 1000 },
    ended: false,
  };
}

function load() {
  // State kept before keys were per user (samensterk.companion.<session>) moves to this user's key.
  const legacy = `samensterk.companion.${config.session}`;
  if (localStorage.getItem(legacy) && !localStorage.getItem(KEY)) localStorage.setItem(KEY, localStorage.getItem(legacy));
  localStorage.removeItem(legacy);
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) || "null");
    if (stored && stored.run) {
      // Forgotten to end the session? Seats and initials do not outlive the evening on this device.
      if (!stored.touched || Date.now() - stored.touched > FORGET_SEATS_AFTER) {
        stored.seats = [];
        stored.passes = (stored.passes || []).map(() => "");
        stored.touched = Date.now();
        localStorage.setItem(KEY, JSON.stringify(stored));
      }
      return { ...freshState(), ...stored };
    }
  } catch (error) {
    /* a broken entry is replaced by a fresh state */
  }
  return freshState();
}

let state = load();
const channel = "BroadcastChannel" in self ? new BroadcastChannel(`samensterk-companion-${config.session}`) : null;

// The control and projector windows both change the state, and each tells the other by sending
// its whole state. A logical clock orders the changes: every change a person makes (and a move
// from the other device) ticks it; background writes (a send confirmed, the live sequence) do not
// tick and are not broadcast. A window takes another's state only when it is newer, so a state
// sent before a change the window has already seen (messages and storage events can cross) never
// undoes that change: a turn tapped or a card moved stays.
const WINDOW = newRun();
const clockOf = (s) => [s?.clock || 0, s?.writer || ""];
function newerThan(a, b) {
  const [ca, wa] = clockOf(a);
  const [cb, wb] = clockOf(b);
  return ca > cb || (ca === cb && wa > wb);
}

function save({ totals = false } = {}) {
  if (totals) state.revision += 1;
  state.clock = (state.clock || 0) + 1;
  state.writer = WINDOW;
  state.touched = Date.now();
  localStorage.setItem(KEY, JSON.stringify(state));
  channel?.postMessage(state);
  render();
  if (totals) scheduleSend();
  keepAwake();
  if (positionChanged()) sendPosition();
}

// A background write of the fields ``keys`` only, onto the stored state (which may hold a newer
// change of another window, or its own send status), without a tick and without a broadcast.
const SEND_FIELDS = ["sent", "sendStatus"];
const LIVE_FIELDS = ["liveSeq", "livePending"];
function persistQuiet(keys) {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) || "null");
    const base = stored?.run === state.run ? stored : state;
    const quiet = Object.fromEntries(keys.map((key) => [key, state[key]]));
    if ("sent" in quiet) quiet.sent = Math.max(base.sent || 0, state.sent || 0);
    localStorage.setItem(KEY, JSON.stringify({ ...base, ...quiet }));
  } catch (error) {
    /* a broken entry is replaced at the next save */
  }
}

function adopt(next) {
  if (!next || !next.run) return;
  const sameRun = next.run === state.run;
  // Same run: an older state (or this window's own) changes nothing but what a send confirmed.
  if (sameRun && !newerThan(next, state)) {
    if ((next.sent || 0) > state.sent) {
      state.sent = next.sent;
      state.sendStatus = next.sendStatus;
      renderStatus();
    }
    return;
  }
  const sent = sameRun ? Math.max(state.sent, next.sent || 0) : next.sent;
  state = { ...freshState(), ...next, sent };
  lastPosition = JSON.stringify(positionOf()); // the other window shared it already
  render();
  if (state.sent < state.revision) scheduleSend();
}

if (channel) channel.onmessage = (event) => adopt(event.data);
// Without BroadcastChannel the storage event still tells the other window.
self.addEventListener("storage", (event) => {
  if (event.key === KEY && event.newValue) adopt(JSON.parse(event.newValue));
});

// --- two devices in step (a tablet for control, a laptop on the projector) --------------------
// Within one browser the BroadcastChannel does it. Between devices the position (projector view,
// deck, card) goes through the server while online: each device sends its own moves and polls for
// the other's while visible; offline each works alone and sends its position again once back.

const positionOf = () => ({ projector: state.projector, deck: state.deck, index: { ...state.index } });
let lastPosition = JSON.stringify(positionOf());
let liveSending = false;

// One token per browser, shared by its windows. A position this browser sent comes back from the
// server a poll later; taking it then would undo a newer move (or a tap) made meanwhile in this
// browser, whose windows already share everything through the BroadcastChannel.
// Not under USER_PREFIX: forgetOtherSeats reads every key there as a session state.
const DEVICE_KEY = `samensterk.${config.user}.companion-device`;
function deviceId() {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id || !/^[A-Za-z0-9-]{1,64}$/.test(id)) {
    id = newRun();
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}
const device = deviceId();

function positionChanged() {
  const now = JSON.stringify(positionOf());
  if (now === lastPosition) return false;
  lastPosition = now;
  return true;
}

async function sendPosition() {
  if (!config.liveUrl) return;
  state.livePending = true;
  if (liveSending || !navigator.onLine) return;
  liveSending = true;
  // Moves made while a send is on its way are sent right after it, the latest position only.
  while (state.livePending && navigator.onLine) {
    state.livePending = false;
    try {
      const response = await fetch(config.liveUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
        body: JSON.stringify({ ...positionOf(), device }),
      });
      if (!response.ok) throw new Error(String(response.status));
      state.liveSeq = (await response.json()).seq;
    } catch (error) {
      state.livePending = true; // offline or refused: sent again by the next poll
      break;
    }
  }
  liveSending = false;
  persistQuiet(LIVE_FIELDS);
}

// Polled often only while another device is active (it moved in the last ten minutes); a device
// used alone asks rarely, which is the usual evening.
let otherActiveAt = 0;
const OTHER_ACTIVE_MS = 10 * 60 * 1000;

function applyRemote(position) {
  otherActiveAt = Date.now();
  state.liveSeq = position.seq;
  const same =
    position.projector === state.projector &&
    position.deck === state.deck &&
    JSON.stringify({ ...state.index, ...position.index }) === JSON.stringify(state.index);
  if (same) return persistQuiet(LIVE_FIELDS);
  state.projector = position.projector;
  state.deck = position.deck;
  state.index = { ...state.index, ...position.index };
  lastPosition = JSON.stringify(positionOf()); // not sent back: it came from there
  save({ totals: role === "control" && state.projector === "deck" && markUsed() });
}

async function poll() {
  if (config.liveUrl && document.visibilityState === "visible" && navigator.onLine) {
    try {
      if (state.livePending) await sendPosition();
      else if (!liveSending) {
        const before = lastPosition;
        const response = await fetch(config.liveUrl, { credentials: "same-origin", cache: "no-store" });
        const position = response.ok ? await response.json() : null;
        // A move made here while the answer was on its way is newer than the answer: keep it.
        const movedMeanwhile = lastPosition !== before || liveSending || state.livePending;
        if (position && !movedMeanwhile) {
          if (position.seq > (state.liveSeq || 0) && position.device === device) state.liveSeq = position.seq;
          else if (position.seq > (state.liveSeq || 0) && position.projector) applyRemote(position);
          else if (position.seq < (state.liveSeq || 0)) state.liveSeq = position.seq; // the server forgot
        }
      }
    } catch (error) {
      /* offline meanwhile: this device goes on alone */
    }
  }
  // Every 2 s while visible and another device is active, else every 8 s; a hidden page asks
  // rarely (STYLE.md: live screens back off).
  const together = Date.now() - otherActiveAt < OTHER_ACTIVE_MS;
  setTimeout(poll, document.visibilityState !== "visible" ? 30000 : together ? 2000 : 8000);
}

// --- totals ----------------------------------------------------------------------------------

function elapsed(turn, now = Date.now()) {
  return Math.max(0, (turn.end ?? now) - turn.start);
}

function allTurns(now = Date.now()) {
  const turns = state.turns.slice();
  if (state.current) turns.push({ ...state.current, end: now });
  return turns;
}

function totals(now = Date.now()) {
  const t = { turns_men: 0, turns_women: 0, ms_men: 0, ms_women: 0 };
  for (const turn of allTurns(now)) {
    t[`turns_${turn.who === "man" ? "men" : "women"}`] += 1;
    t[`ms_${turn.who === "man" ? "men" : "women"}`] += elapsed(turn, now);
  }
  return {
    turns_men: t.turns_men,
    turns_women: t.turns_women,
    seconds_men: Math.round(t.ms_men / 1000),
    seconds_women: Math.round(t.ms_women / 1000),
    interruptions: state.interruptions,
    checkin_turns: state.passes.length,
    statements: state.used.slice(),
  };
}

function payload() {
  return { ...totals(), run: state.run, revision: state.revision };
}

// --- sending (control view only) -------------------------------------------------------------

let sendTimer = null;
let sending = false;
let failures = 0;

function csrfToken() {
  return $("input[name=csrfmiddlewaretoken]")?.value || "";
}

function scheduleSend(delay = 1500) {
  if (role !== "control" || !config.canSend) return;
  clearTimeout(sendTimer);
  sendTimer = setTimeout(send, delay);
}

async function send() {
  if (role !== "control" || !config.canSend || sending || state.sent >= state.revision) return;
  if (!navigator.onLine) {
    renderStatus();
    return;
  }
  sending = true;
  const body = payload();
  let retry = false;
  try {
    const response = await fetch(config.totalsUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(body),
    });
    if (response.ok) {
      if (state.run === body.run) state.sent = Math.max(state.sent, body.revision);
      state.sendStatus = "sent";
      failures = 0;
    } else if (response.status >= 500 || response.status === 429) {
      state.sendStatus = "pending"; // the server is busy or down for a moment
      retry = true;
    } else if (response.status === 409) {
      state.sendStatus = "closed";
      state.sent = state.revision; // nothing more to send to a submitted report
    } else if (response.status === 401 || response.status === 403) {
      state.sendStatus = "login";
    } else {
      state.sendStatus = "refused";
    }
  } catch (error) {
    state.sendStatus = "pending"; // bad wifi or none: tried again below and on "online"
    retry = true;
  } finally {
    sending = false;
  }
  persistQuiet(SEND_FIELDS); // what the server said, not a change to broadcast (see newerThan)
  render();
  if (state.sent < state.revision && state.sendStatus === "sent") scheduleSend(500);
  // Bad wifi: try again without waiting for an "online" event, 10 s, 20 s, 40 s ... up to 5 min.
  if (retry) {
    failures += 1;
    scheduleSend(Math.min(5 * 60 * 1000, 5000 * 2 ** failures));
  }
}

self.addEventListener("online", () => {
  renderStatus();
  failures = 0;
  scheduleSend(200);
});
self.addEventListener("offline", renderStatus);

// --- actions ---------------------------------------------------------------------------------

function snapshotBalance() {
  state.undo.push(JSON.stringify({ turns: state.turns, current: state.current, interruptions: state.interruptions }));
  if (state.undo.length > 100) state.undo.shift();
}

function stopSpeaker(now = Date.now()) {
  if (state.current) state.turns.push({ ...state.current, end: now });
  state.current = null;
}

function speak(who) {
  const now = Date.now();
  if (who === "stop" && !state.current) return;
  snapshotBalance();
  stopSpeaker(now);
  state.ended = false; // tapping after "end" means the session goes on
  if (who !== "stop") {
    state.current = { who, start: now };
    if (state.timer.perSpeaker) startTimer(true);
  }
  save({ totals: true });
}

function undoBalance() {
  const last = state.undo.pop();
  if (!last) return;
  Object.assign(state, JSON.parse(last));
  save({ totals: true });
}

function correctTurn(index, action) {
  const turn = state.turns[index];
  if (!turn) return;
  snapshotBalance();
  if (action === "swap") turn.who = turn.who === "man" ? "woman" : "man";
  else state.turns.splice(index, 1);
  save({ totals: true });
}

function cards(deck = state.deck) {
  return $$(`[data-deck="${deck}"] [data-card]`);
}

// A statement counts as used once it was on the projector or the facilitator moved to or past it.
function markUsed(index = state.index.statements) {
  if (state.deck !== "statements") return false;
  const card = cards("statements")[index];
  if (card && !state.used.includes(card.dataset.card)) {
    state.used.push(card.dataset.card);
    return true;
  }
  return false;
}

function move(step) {
  const count = cards().length;
  if (!count) return;
  const next = Math.min(count - 1, Math.max(0, state.index[state.deck] + step));
  const previous = state.index[state.deck];
  if (next === previous) return;
  state.index[state.deck] = next;
  const left = markUsed(previous);
  save({ totals: markUsed() || left });
}

function showOnProjector(what) {
  state.projector = what;
  save({ totals: state.projector === "deck" && markUsed() });
}

function addSeats(labels) {
  for (const label of labels) {
    const clean = label.trim().slice(0, 6);
    if (!clean || state.seats.some((s) => s.label.toLowerCase() === clean.toLowerCase())) continue;
    state.seats.push({ id: newRun().slice(0, 8), label: clean });
  }
  save();
}

function passBall(id) {
  state.passes.push(id);
  save({ totals: true });
}

// Timer: an end time, not a counter, so it survives a reload and a sleeping tablet.
function remaining(now = Date.now()) {
  const t = state.timer;
  return t.endsAt ? Math.max(0, t.endsAt - now) : t.remaining;
}

function startTimer(restart = false) {
  const t = state.timer;
  if (restart || t.remaining <= 0) t.remaining = t.minutes * 60 * 1000;
  t.endsAt = Date.now() + t.remaining;
}

function toggleTimer() {
  const t = state.timer;
  if (t.endsAt) {
    t.remaining = remaining();
    t.endsAt = null;
  } else {
    startTimer();
  }
  save();
}

function resetTimer() {
  state.timer.endsAt = null;
  state.timer.remaining = state.timer.minutes * 60 * 1000;
  save();
}

function endSession() {
  stopSpeaker();
  state.timer.endsAt = null;
  state.seats = []; // privacy: seats and initials go when the session ends
  state.passes = state.passes.map(() => ""); // keep the count, lose the seats
  state.undo = [];
  state.ended = true;
  save({ totals: true });
  scheduleSend(0);
}

// --- rendering -------------------------------------------------------------------------------

function clock(ms) {
  const s = Math.round(ms / 1000);
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, "0")}`;
}

function out(name, value) {
  for (const el of $$(`[data-out="${name}"]`)) el.textContent = value;
}

function renderStatus() {
  if (role !== "control") return;
  const online = navigator.onLine;
  $('[data-net="online"]').hidden = !online;
  $('[data-net="offline"]').hidden = online;
  let status = state.sendStatus;
  if (!config.canSend) status = "readonly";
  else if (state.sent < state.revision && !["login", "refused"].includes(status)) status = "pending";
  else if (state.revision === 0) status = "";
  for (const el of $$("[data-send]")) el.hidden = el.dataset.send !== status;
}

function renderDecks() {
  for (const deck of $$("[data-deck]")) {
    deck.hidden = deck.dataset.deck !== state.deck;
    const list = cards(deck.dataset.deck);
    list.forEach((card, i) => (card.hidden = i !== (state.index[deck.dataset.deck] || 0)));
  }
  const position = $("[data-position]");
  if (position) {
    position.textContent = String(Math.min(cards().length, state.index[state.deck] + 1));
    $("[data-count]").textContent = String(cards().length);
  }
  for (const radio of $$('input[name="deck"]')) radio.checked = radio.value === state.deck;
}

function renderProjector() {
  for (const view of $$("[data-view]")) view.hidden = view.dataset.view !== state.projector;
}

function renderSeats() {
  const list = $("[data-seats]");
  if (!list) return;
  const had = new Set(state.passes);
  const ball = state.passes[state.passes.length - 1];
  const template = $("#seat-template");
  list.replaceChildren(
    ...state.seats.map((seat) => {
      const item = template.content.firstElementChild.cloneNode(true);
      const button = $("button", item);
      button.textContent = seat.label;
      button.dataset.seat = seat.id;
      button.setAttribute("aria-pressed", String(seat.id === ball));
      button.classList.toggle("had-turn", had.has(seat.id));
      return item;
    }),
  );
  const holder = state.seats.find((s) => s.id === ball);
  $("[data-ball]").textContent = holder ? holder.label : "—";
  const waiting = state.seats.filter((s) => !had.has(s.id)).map((s) => s.label);
  $("[data-waiting]").textContent = waiting.length ? waiting.join(", ") : state.seats.length ? "" : "—";
  $("[data-waiting]").hidden = state.seats.length > 0 && waiting.length === 0;
  $("[data-all-had]").hidden = !(state.seats.length > 0 && waiting.length === 0);
}

function renderTurns() {
  const list = $("[data-turns]");
  if (!list) return;
  const template = $("#turn-template");
  list.replaceChildren(
    ...state.turns.map((turn, index) => {
      const item = template.content.firstElementChild.cloneNode(true);
      $(`[data-who-${turn.who}]`, item).hidden = false;
      $("[data-turn-time]", item).textContent = clock(elapsed(turn));
      $("[data-turn-swap]", item).dataset.index = String(index);
      $("[data-turn-remove]", item).dataset.index = String(index);
      return item;
    }),
  );
  $("[data-turns-empty]").hidden = state.turns.length > 0;
}

function renderBalance(now = Date.now()) {
  if (role !== "control") return;
  const t = totals(now);
  const total = t.seconds_men + t.seconds_women;
  out("turns_men", t.turns_men);
  out("turns_women", t.turns_women);
  out("time_men", clock(t.seconds_men * 1000));
  out("time_women", clock(t.seconds_women * 1000));
  out("share_men", total ? `${Math.round((100 * t.seconds_men) / total)}%` : "—");
  out("share_women", total ? `${Math.round((100 * t.seconds_women) / total)}%` : "—");
  out("interruptions", t.interruptions);
  out("checkin_turns", t.checkin_turns);
  out("statements_used", t.statements.length);
  const meter = $("[data-share-meter]");
  if (meter) {
    // Before the first turn there is no share: a sentence instead of a meter that looks "good".
    meter.hidden = !total;
    $("[data-share-none]").hidden = Boolean(total);
    meter.value = total ? Math.round((100 * t.seconds_women) / total) : 50;
    meter.textContent = total ? `${meter.value}%` : "—";
  }
  const who = state.current?.who || "none";
  for (const el of $$("[data-now]")) el.hidden = el.dataset.now !== who;
  $("[data-now-time]").textContent = state.current ? clock(elapsed(state.current, now)) : "";
  for (const button of $$("[data-speak]")) {
    if (button.dataset.speak !== "stop") button.setAttribute("aria-pressed", String(button.dataset.speak === who));
  }
}

let timerWasRunning = false;

function renderTimer(now = Date.now()) {
  const display = $("[data-timer-display]");
  if (!display) return;
  const left = remaining(now);
  display.textContent = clock(left);
  const running = Boolean(state.timer.endsAt) && left > 0;
  $('[data-timer-label="start"]').hidden = running;
  $('[data-timer-label="pause"]').hidden = !running;
  const done = Boolean(state.timer.endsAt) && left === 0;
  $("[data-timer-done]").hidden = !done;
  $("#timer").classList.toggle("timer-ended", done);
  if (done && timerWasRunning) navigator.vibrate?.(200); // the gentle signal: a pulse, a short buzz
  timerWasRunning = running;
  $("[data-timer-minutes]").value = String(state.timer.minutes);
  $("[data-timer-per-speaker]").checked = state.timer.perSpeaker;
}

function render() {
  renderDecks();
  renderProjector();
  if (role === "control") {
    renderSeats();
    renderTurns();
    renderBalance();
    renderTimer();
    renderStatus();
    for (const button of $$("[data-show]")) {
      button.setAttribute("aria-pressed", String(button.dataset.show === state.projector));
    }
    $("[data-ended]").hidden = !state.ended;
  }
}

// --- input -----------------------------------------------------------------------------------

// Wiping (end the session, clear the seats) asks first, in the page: one tap never wipes.
function ask(button) {
  const panel = $(`[data-confirm="${button.dataset.ask}"]`);
  panel.hidden = false;
  button.setAttribute("aria-expanded", "true");
  $("button", panel).focus();
}

function closeAsk(panel) {
  if (!panel) return;
  panel.hidden = true;
  const button = $(`[data-ask="${panel.dataset.confirm}"]`);
  button?.setAttribute("aria-expanded", "false");
  button?.focus();
}

// The screen stays on while the session runs (Screen Wake Lock, where the browser has it).
let wakeLock = null;
async function keepAwake() {
  if (role !== "control" || !("wakeLock" in navigator) || document.visibilityState !== "visible") return;
  const running =
    !state.ended && (state.turns.length > 0 || state.current || state.timer.endsAt || state.passes.length > 0);
  try {
    if (running && !wakeLock) {
      wakeLock = await navigator.wakeLock.request("screen");
      wakeLock.addEventListener("release", () => (wakeLock = null));
    } else if (!running && wakeLock) {
      await wakeLock.release();
    }
  } catch (error) {
    wakeLock = null; /* refused (battery saver): the session works without it */
  }
}
document.addEventListener("visibilitychange", keepAwake);

document.addEventListener("click", (event) => {
  const target = event.target.closest("button");
  if (!target) return;
  const { action, speak: who, show, seat } = target.dataset;
  if (who) speak(who);
  else if (show) showOnProjector(show);
  else if (seat) passBall(seat);
  else if (target.hasAttribute("data-turn-swap")) correctTurn(Number(target.dataset.index), "swap");
  else if (target.hasAttribute("data-turn-remove")) correctTurn(Number(target.dataset.index), "remove");
  else if (action === "next") move(1);
  else if (action === "prev") move(-1);
  else if (action === "undo") undoBalance();
  else if (action === "interrupt") {
    snapshotBalance();
    state.interruptions += 1;
    save({ totals: true });
  } else if (action === "checkin-undo") {
    if (state.passes.length) {
      state.passes.pop();
      save({ totals: true });
    }
  } else if (action === "ask") ask(target);
  else if (action === "ask-cancel") closeAsk(target.closest("[data-confirm]"));
  else if (action === "seats-clear") {
    closeAsk(target.closest("[data-confirm]"));
    state.seats = [];
    state.passes = state.passes.map(() => "");
    save();
  } else if (action === "timer-toggle") toggleTimer();
  else if (action === "timer-reset") resetTimer();
  else if (action === "end") {
    closeAsk(target.closest("[data-confirm]"));
    endSession();
  }
  else if (action === "fullscreen") document.documentElement.requestFullscreen?.();
});

document.addEventListener("change", (event) => {
  const el = event.target;
  if (el.name === "deck") {
    state.deck = el.value;
    save({ totals: state.projector === "deck" && markUsed() });
  } else if (el.matches("[data-timer-minutes]")) {
    state.timer.minutes = Number(el.value) || 5;
    if (!state.timer.endsAt) state.timer.remaining = state.timer.minutes * 60 * 1000;
    save();
  } else if (el.matches("[data-timer-per-speaker]")) {
    state.timer.perSpeaker = el.checked;
    save();
  }
});

$("[data-seat-form]")?.addEventListener("submit", (event) => {
  event.preventDefault();
  const input = $("#seat-input");
  addSeats([input.value]);
  input.value = "";
  input.focus();
});

$("[data-seat-count-form]")?.addEventListener("submit", (event) => {
  event.preventDefault();
  const count = Math.min(40, Math.max(0, Number($("#seat-count").value) || 0));
  addSeats(Array.from({ length: count }, (_, i) => String(i + 1)));
});

// Arrow keys and a presenter's clicker (it sends PageUp/PageDown; "b" or "." blanks the screen).
document.addEventListener("keydown", (event) => {
  if (event.target.closest("input, select, textarea") || event.altKey || event.ctrlKey || event.metaKey) return;
  const forward = rtl ? "ArrowLeft" : "ArrowRight";
  const back = rtl ? "ArrowRight" : "ArrowLeft";
  if (event.key === "PageDown" || event.key === forward) move(1);
  else if (event.key === "PageUp" || event.key === back) move(-1);
  else if ((event.key === "b" || event.key === ".") && role === "projector") showOnProjector("blank");
  else return;
  event.preventDefault();
});

// Swipe over a card (or the whole projector): towards the reading direction's start is "next".
let swipeStart = null;
document.addEventListener("pointerdown", (event) => {
  if (event.target.closest("[data-deck], [data-swipe]")) swipeStart = { x: event.clientX, y: event.clientY };
});
document.addEventListener("pointerup", (event) => {
  if (!swipeStart) return;
  const dx = event.clientX - swipeStart.x;
  const dy = event.clientY - swipeStart.y;
  swipeStart = null;
  if (Math.abs(dx) < 60 || Math.abs(dx) < Math.abs(dy)) return;
  move((dx < 0) !== rtl ? 1 : -1);
});

// --- offline ---------------------------------------------------------------------------------

// The site's service worker keeps this page, the other view and the report (core/offline.js).

// Seats and initials of other meetings do not wait on this device until their companion opens
// again: whichever companion page opens wipes them (counts and totals stay).
function forgetOtherSeats() {
  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i);
    if (!key?.startsWith(USER_PREFIX) || key === KEY) continue;
    try {
      const other = JSON.parse(localStorage.getItem(key));
      if (other?.seats?.length || other?.passes?.some(Boolean)) {
        other.seats = [];
        other.passes = (other.passes || []).map(() => "");
        localStorage.setItem(key, JSON.stringify(other));
      }
    } catch (error) {
      localStorage.removeItem(key);
    }
  }
}

forgetOtherSeats();
render();
poll();
setInterval(() => {
  if (role === "control") {
    renderBalance();
    renderTimer();
  }
}, 500);
if (role === "control" && state.sent < state.revision) scheduleSend(300);
