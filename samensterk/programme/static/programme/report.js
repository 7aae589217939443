// The session report keeps everything typed: in this browser on every keystroke (under a key of
// this user, see programme/views.report_storage_key), on the server whenever there is a
// connection. Submitting without a connection (or with one that fails) puts the report in this
// device's queue (core/offline.js), which sends it once the connection is back, from any page.
// The submission key travels with the draft, so every retry is the same report.
//
// Two status lines: the autosave's at the top ("saved on this device"), the submission's next
// to the button ("will be sent"), so that one never hides the other.

const offline = window.samensterkOffline;

const done = document.getElementById("report-done");
if (done) {
  // The report reached the server: the copy on this device is no longer needed.
  localStorage.removeItem(done.dataset.clearDraft);
}

const form = document.getElementById("report-form");
if (form) {
  const key = form.dataset.storageKey;
  const session = form.dataset.session;
  const draftStatus = document.getElementById("draft-status");
  const submitStatus = document.getElementById("submit-status");
  const sendNow = document.getElementById("report-send-now");
  let timer = null;
  let sending = false;
  let queued = false;

  const sayDraft = (message) => {
    draftStatus.textContent = message;
  };
  const saySubmit = (message, { retry = false } = {}) => {
    submitStatus.textContent = message;
    sendNow.hidden = !retry;
  };

  const fields = () => {
    const data = {};
    for (const [name, value] of new FormData(form)) {
      if (name === "csrfmiddlewaretoken") continue;
      (data[name] ||= []).push(String(value));
    }
    return data;
  };

  const pairs = () =>
    Array.from(new FormData(form))
      .filter(([name]) => name !== "csrfmiddlewaretoken")
      .map(([name, value]) => [name, String(value)]);

  const restore = (data) => {
    for (const el of form.elements) {
      if (!el.name || el.name === "csrfmiddlewaretoken") continue;
      const values = data[el.name] || [];
      if (el.type === "checkbox" || el.type === "radio") el.checked = values.includes(el.value);
      else if (el.name in data) el.value = values[0] ?? "";
    }
  };

  const saveLocal = () => {
    localStorage.setItem(key, JSON.stringify({ fields: fields(), savedAt: Date.now(), queued }));
  };

  const saveServer = async () => {
    if (queued) return; // the queued report is what counts now, not a draft
    if (!navigator.onLine) {
      sayDraft(form.dataset.msgLocal);
      return;
    }
    try {
      const response = await fetch(form.dataset.draftUrl, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      });
      sayDraft(response.ok ? form.dataset.msgSaved : form.dataset.msgLocal);
    } catch {
      sayDraft(form.dataset.msgLocal);
    }
  };

  const enqueue = async () => {
    queued = true;
    saveLocal();
    const csrf = form.querySelector("input[name=csrfmiddlewaretoken]")?.value || "";
    const ok = await offline?.queueReport({
      id: session,
      url: form.action || window.location.pathname,
      title: form.dataset.queueTitle,
      fields: pairs(),
      csrf,
    });
    if (!ok) {
      queued = false;
      saySubmit(form.dataset.msgNoQueue);
      return;
    }
    saySubmit(form.dataset.msgQueued, { retry: navigator.onLine });
  };

  const submit = async () => {
    if (sending) return;
    if (!navigator.onLine) {
      await enqueue();
      return;
    }
    sending = true;
    saySubmit(form.dataset.msgSending);
    try {
      const response = await fetch(form.action || window.location.href, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { Accept: "application/json", "X-Report-Form": "1" },
      });
      const result = await response.json().catch(() => ({}));
      if (response.ok && result.ok) {
        localStorage.removeItem(key);
        saySubmit(form.dataset.msgSent);
        window.location.assign(result.url);
      } else if (response.status === 409) {
        saySubmit(result.detail || form.dataset.msgRefused);
      } else if (response.status === 422) {
        // The server has something to say about a field: submit normally so the page shows it,
        // with everything typed kept.
        HTMLFormElement.prototype.submit.call(form);
      } else {
        await enqueue(); // a server error or a login that ran out: queued, tried again later
      }
    } catch {
      await enqueue(); // the connection failed on the way: queued, tried again with backoff
    } finally {
      sending = false;
    }
  };

  const countChosen = () => {
    for (const out of form.querySelectorAll("[data-chosen-count]")) {
      out.textContent = String(form.querySelectorAll(`input[name="${out.dataset.chosenCount}"]:checked`).length);
    }
  };

  // A draft kept before keys were per user (samensterk-report-<session>) moves to this user's key.
  const legacy = `samensterk-report-${session}`;
  if (localStorage.getItem(legacy) && !localStorage.getItem(key)) localStorage.setItem(key, localStorage.getItem(legacy));
  localStorage.removeItem(legacy);
  localStorage.removeItem(`${legacy}:queued`);
  const saved = JSON.parse(localStorage.getItem(key) || "null");
  if (saved && saved.fields) {
    restore(saved.fields);
    countChosen();
    sayDraft(form.dataset.msgRestored);
    if (saved.queued) {
      queued = true;
      saySubmit(form.dataset.msgQueued, { retry: navigator.onLine });
    }
  }

  form.addEventListener("input", () => {
    saveLocal();
    clearTimeout(timer);
    timer = setTimeout(saveServer, 1200);
  });
  form.addEventListener("change", () => {
    countChosen();
    saveLocal();
    if (queued) enqueue(); // a change after submitting offline: the queued report follows it
  });

  if (offline) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      saveLocal();
      submit();
    });
  }
  sendNow.addEventListener("click", () => offline?.flush({ now: true }));

  document.addEventListener("samensterk:report-sent", (event) => {
    if (String(event.detail.id) !== String(session)) return;
    queued = false;
    localStorage.removeItem(key);
    saySubmit(form.dataset.msgSent);
    window.location.assign(event.detail.url || window.location.pathname);
  });

  window.addEventListener("online", () => {
    // Not at once: the connection often comes back with a reload or a queue being sent.
    clearTimeout(timer);
    if (!queued) timer = setTimeout(saveServer, 1200);
  });
  window.addEventListener("offline", () => sayDraft(form.dataset.msgLocal));
}
