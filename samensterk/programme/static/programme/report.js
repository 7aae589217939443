// The session report keeps everything typed: in this browser on every keystroke, on the server
// whenever there is a connection, and a submit made offline is queued and sent once, when the
// connection is back. The submission key travels with the draft, so a retry is the same report.

const done = document.getElementById("report-done");
if (done) {
  // The report reached the server: the copy on this device is no longer needed.
  localStorage.removeItem(done.dataset.clearDraft);
  localStorage.removeItem(`${done.dataset.clearDraft}:queued`);
}

const form = document.getElementById("report-form");
if (form) {
  const key = form.dataset.storageKey;
  const queuedKey = `${key}:queued`;
  const status = document.getElementById("draft-status");
  const say = (message) => { status.textContent = message; };
  let timer = null;
  let sending = false;

  const fields = () => {
    const data = {};
    for (const [name, value] of new FormData(form)) {
      if (name === "csrfmiddlewaretoken") continue;
      (data[name] ||= []).push(String(value));
    }
    return data;
  };

  const restore = (data) => {
    for (const el of form.elements) {
      if (!el.name || el.name === "csrfmiddlewaretoken") continue;
      const values = data[el.name] || [];
      if (el.type === "checkbox" || el.type === "radio") el.checked = values.includes(el.value);
      else if (el.name in data) el.value = values[0] ?? "";
    }
  };

  const saveLocal = () => {
    localStorage.setItem(key, JSON.stringify({ fields: fields(), savedAt: Date.now() }));
  };

  const saveServer = async () => {
    if (!navigator.onLine) { say(form.dataset.msgLocal); return; }
    try {
      const response = await fetch(form.dataset.draftUrl, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      });
      say(response.ok ? form.dataset.msgSaved : form.dataset.msgLocal);
    } catch {
      say(form.dataset.msgLocal);
    }
  };

  const send = async () => {
    if (sending || !navigator.onLine) return;
    sending = true;
    try {
      const response = await fetch(window.location.href, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      if (response.ok) {
        const result = await response.json();
        localStorage.removeItem(key);
        localStorage.removeItem(queuedKey);
        say(form.dataset.msgSent);
        window.location.assign(result.url);
        return;
      }
      // The server has something to say about a field: submit normally so the page shows it,
      // with everything typed kept.
      localStorage.removeItem(queuedKey);
      HTMLFormElement.prototype.submit.call(form);
    } catch {
      say(form.dataset.msgQueued);
    } finally {
      sending = false;
    }
  };

  const saved = JSON.parse(localStorage.getItem(key) || "null");
  if (saved && saved.fields) {
    restore(saved.fields);
    say(form.dataset.msgRestored);
  }

  form.addEventListener("input", () => {
    saveLocal();
    clearTimeout(timer);
    timer = setTimeout(saveServer, 1200);
  });
  form.addEventListener("change", saveLocal);

  form.addEventListener("submit", (event) => {
    saveLocal();
    if (!navigator.onLine) {
      event.preventDefault();
      localStorage.setItem(queuedKey, "1");
      say(form.dataset.msgQueued);
      return;
    }
    if (sending) { event.preventDefault(); return; }
    sending = true;  // one tap is one submission; the key makes a second one harmless anyway
  });

  window.addEventListener("online", () => {
    if (localStorage.getItem(queuedKey)) send();
    else saveServer();
  });
  window.addEventListener("offline", () => say(form.dataset.msgLocal));
  if (localStorage.getItem(queuedKey) && navigator.onLine) send();
}
