/* The calculator page: the hours control (slider and +/- buttons) moves the chart's marker at once;
   htmx posts the form for the new sentence. "I don't know" disables the field it replaces.
   No inline script (CSP); nothing is stored in the browser either. */
(function () {
  "use strict";

  function marker(hours) {
    document.querySelectorAll("svg.curve").forEach(function (svg) { moveMarker(svg, hours); });
  }

  function moveMarker(svg, hours) {
    var xs = JSON.parse(svg.getAttribute("data-x") || "[]");
    var ys = JSON.parse(svg.getAttribute("data-y") || "[]");
    var g = svg.querySelector(".hours-marker");
    var dot = svg.querySelector(".hours-dot");
    if (!g || xs[hours] === undefined) return;
    g.setAttribute("transform", "translate(" + xs[hours] + " 0)");
    if (dot) dot.setAttribute("cy", ys[hours]);
    svg.setAttribute("data-selected", String(hours));
  }

  function setupHours() {
    var range = document.getElementById("id_hours");
    if (!range) return;
    var output = document.getElementById("hours-output");
    function show() {
      var v = parseInt(range.value, 10);
      if (output) output.textContent = String(v);
      // "16 hours a week" for screen readers, from the server's translated one/other forms.
      var one = range.getAttribute("data-valuetext-one");
      var other = range.getAttribute("data-valuetext-other");
      if (one && other) range.setAttribute("aria-valuetext", v === 1 ? one : other.replace("40", String(v)));
      marker(v);
    }
    range.addEventListener("input", show);
    document.querySelectorAll("button.step").forEach(function (btn) {
      btn.hidden = false; // they need this script; without it the slider and "Update" remain
      btn.addEventListener("click", function () {
        var v = parseInt(range.value, 10) + parseInt(btn.getAttribute("data-step"), 10);
        v = Math.max(parseInt(range.min, 10), Math.min(parseInt(range.max, 10), v));
        if (String(v) === range.value) return;
        range.value = String(v);
        range.dispatchEvent(new Event("input", { bubbles: true }));
      });
    });
    show();
  }

  function setupUnknown() {
    document.querySelectorAll("input[data-unknown-for]").forEach(function (box) {
      var id = box.getAttribute("data-unknown-for");
      var target = document.getElementById(id);
      var inputs = target ? (target.matches("input, select") ? [target] : target.querySelectorAll("input, select")) : [];
      function sync() {
        Array.prototype.forEach.call(inputs, function (el) { el.disabled = box.checked; });
      }
      box.addEventListener("change", sync);
      sync();
    });
  }

  function setupPartner() {
    var wage = document.querySelector("[data-show-when-partner]");
    var radios = document.querySelectorAll("input[name='partner']");
    if (!wage || !radios.length) return;
    function sync() {
      var checked = document.querySelector("input[name='partner']:checked");
      wage.hidden = !!checked && checked.value !== wage.getAttribute("data-show-when-partner");
    }
    radios.forEach(function (r) { r.addEventListener("change", sync); });
    sync();
  }

  function setupCareRows() {
    var ages = document.getElementById("id_children");
    var rows = document.querySelectorAll(".care-row");
    if (!ages || !rows.length) return;
    function sync() {
      var n = ages.value.split(/[,;\/\s]+/).filter(function (s) { return s.length; }).length;
      rows.forEach(function (row, i) { row.hidden = i >= Math.max(n, 1); });
    }
    ages.addEventListener("input", sync);
    sync();
  }

  // An answer changed below a result: the chart was drawn for the old answers, so say so.
  function setupStale() {
    var note = document.getElementById("stale-note");
    var questions = document.querySelector(".questions");
    if (!note || !questions) return;
    function stale() {
      note.hidden = false;
      document.getElementById("result").classList.add("is-stale");
    }
    questions.addEventListener("input", stale);
    questions.addEventListener("change", stale);
  }

  // A 422 (an answer that cannot be used) is shown where the sentence was, not dropped.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // The header's language links would open an empty form: on a page with answers they post the
  // answers to that language's page instead (nothing is stored, so the answers travel in the POST).
  function setupLanguageLinks() {
    var form = document.getElementById("calc-form");
    if (!form || !document.getElementById("result")) return;
    document.querySelectorAll(".lang-switch a[hreflang]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (link.getAttribute("aria-current") === "true") return;
        event.preventDefault();
        var url = link.getAttribute("href").split("?")[0].split("#")[0];
        var action = form.getAttribute("action") || "";
        var lang = link.getAttribute("hreflang");
        // Same view, other language: swap the language prefix of the form's own action.
        var target = action.replace(/^\/(nl|en|ar|tr)\//, "/").replace(/#.*$/, "");
        var prefix = url.match(/^\/(en|ar|tr)\//) ? "/" + lang : "";
        form.setAttribute("action", prefix + target + "#result");
        form.submit();
      });
    });
  }

  function setupErrors() {
    var summary = document.getElementById("errors");
    if (summary) summary.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupHours();
    setupUnknown();
    setupPartner();
    setupCareRows();
    setupStale();
    setupErrors();
    setupLanguageLinks();
  });
})();
