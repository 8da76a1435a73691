// Phone pages for Dream, Design and Destiny: drafts for the simple forms, the
// present-tense hint, and dot voting through the API without reloading.
(function () {
  "use strict";
  const body = document.body;
  const code = body.dataset.code;
  const tokenMeta = document.querySelector('meta[name="participant-token"]');
  const token = tokenMeta ? tokenMeta.content : "";

  // ---------- Simple forms (dream, proposition, action, commitment): kept and sent ----------
  // What is typed is kept on the phone (with the form's client id) until the server has
  // stored it; sending goes through the API in the background and tries again by itself
  // while the server or the network is away. Without JavaScript the forms post as pages.

  const offline = window.AIW && window.AIW.offline;
  const flashKey = "aiw-flash:" + code;

  function formValues(draftForm) {
    const values = {};
    new FormData(draftForm).forEach(function (value, name) {
      if (name !== "csrf_token") values[name] = value;
    });
    return values;
  }

  function restoreValues(draftForm, values) {
    Object.keys(values).forEach(function (name) {
      const input = draftForm.elements[name];
      if (!input || !values[name]) return;
      if (input instanceof RadioNodeList || input.type === "radio") {
        draftForm.querySelectorAll('input[name="' + name + '"]').forEach(function (radio) {
          radio.checked = radio.value === values[name];
        });
      } else if (name === "client_id" || !input.value) {
        input.value = values[name];
      }
    });
  }

  function keptForm(draftForm) {
    const kind = draftForm.dataset.draft;
    const key = "aiw-draft:" + code + ":" + kind;
    const statusEl = draftForm.querySelector("[data-submit-status]");
    const button = draftForm.querySelector("[type=submit]");
    let sending = false;

    function setStatus(message, kindOfMessage) {
      if (!statusEl) return;
      statusEl.textContent = message || "";
      statusEl.dataset.kind = kindOfMessage || "";
    }

    function keep(values, isSending) {
      offline.writeJson(key, { values: values, sending: isSending });
    }

    function lock(locked) {
      sending = locked;
      if (button) button.disabled = locked;
      draftForm.querySelectorAll("input, textarea, select").forEach(function (input) {
        if (input.type === "hidden") return;
        if (input.tagName === "SELECT" || input.type === "radio") input.disabled = locked;
        else input.readOnly = locked;
      });
    }

    function clearFieldErrors() {
      draftForm.querySelectorAll(".js-error").forEach(function (el) { el.remove(); });
      draftForm.querySelectorAll(".has-error").forEach(function (el) { el.classList.remove("has-error"); });
    }

    function showFieldErrors(fieldErrors) {
      Object.keys(fieldErrors || {}).forEach(function (name) {
        const input = draftForm.elements[name];
        const element = input && (input.length && !input.tagName ? input[0] : input);
        const box = element && element.closest(".field");
        if (!box) return;
        box.classList.add("has-error");
        const p = document.createElement("p");
        p.className = "error-text js-error";
        p.textContent = fieldErrors[name].join(" ");
        box.appendChild(p);
      });
    }

    function answered(result, values) {
      lock(false);
      if (result.status === 200 || result.status === 201) {
        offline.writeJson(key, null);
        try { sessionStorage.setItem(flashKey, draftForm.dataset.msgSaved); } catch (e) { /* no notice */ }
        const home = body.dataset.homeUrl + "?sent=" + encodeURIComponent(kind) + "&item=" + result.data.id;
        window.location.replace(home + (draftForm.dataset.anchor || ""));
        return;
      }
      keep(values, false);
      const error = result.data.error || {};
      if (result.status === 422) showFieldErrors(error.fields);
      setStatus(error.message || draftForm.dataset.msgError, "error");
    }

    function send(values) {
      clearFieldErrors();
      keep(values, true);
      lock(true);
      setStatus(draftForm.dataset.msgSaving, "");
      offline.deliver({ url: draftForm.dataset.sendUrl, token: token, body: values }, {
        waiting: function () { setStatus(draftForm.dataset.msgOffline, "error"); },
        answered: function (result) { answered(result, values); },
      });
    }

    const stored = offline.readJson(key);
    // The server redirects with ?sent=<form> only after it stored the submission.
    if (new URLSearchParams(location.search).get("sent") === kind) {
      offline.writeJson(key, null);
    } else if (stored && stored.values) {
      restoreValues(draftForm, stored.values);
      if (stored.sending) send(formValues(draftForm));
      else setStatus(draftForm.dataset.msgDraft, "");
    }

    draftForm.addEventListener("input", function () {
      if (!sending) keep(formValues(draftForm), false);
    });
    draftForm.addEventListener("change", function () {
      if (!sending) keep(formValues(draftForm), false);
    });
    draftForm.addEventListener("submit", function (event) {
      if (!token || !window.fetch || !draftForm.dataset.sendUrl) return; // a plain page post
      event.preventDefault();
      if (!sending) send(formValues(draftForm));
    });
  }

  function setUpDrafts() {
    if (!offline) return;
    document.querySelectorAll("form[data-draft]").forEach(keptForm);
  }

  function showSentNotice() {
    let message = null;
    try {
      message = sessionStorage.getItem(flashKey);
      sessionStorage.removeItem(flashKey);
    } catch (e) {
      message = null;
    }
    const main = document.querySelector(".phone-main");
    if (!message || !main) return;
    const note = document.createElement("div");
    note.className = "flashes";
    note.setAttribute("role", "status");
    const inner = document.createElement("div");
    inner.className = "flash success";
    inner.textContent = message;
    note.appendChild(inner);
    main.insertBefore(note, main.firstChild);
  }

  // ---------- Present-tense hint for propositions (never blocks) ----------

  const FUTURE = /\b(will|won't|\w+'ll|should|would|could|might|going to|we want to|we hope|hopefully|we need to|in the future|one day)\b/gi;

  function setUpTenseCheck() {
    const tenseForm = document.querySelector("form[data-tense-check]");
    if (!tenseForm) return;
    const output = tenseForm.querySelector("[data-tense-output]");
    const text = tenseForm.querySelector("textarea");
    function check() {
      const found = Array.from(new Set((text.value.match(FUTURE) || []).map(function (w) { return w.toLowerCase(); })));
      output.hidden = found.length === 0;
      output.textContent = found.length ? tenseForm.dataset.tenseHint + " (" + found.join(", ") + ")" : "";
    }
    text.addEventListener("input", check);
    check();
  }

  // ---------- Dot voting through the API, without reloading ----------

  function setUpVote() {
    const vote = document.querySelector("[data-vote]");
    if (!vote || !token || !offline || !window.fetch) return;
    const statusLine = vote.querySelector("[data-vote-status]");
    function render(data) {
      vote.querySelector("[data-dots-left]").textContent = data.dots_left;
      const cap = data.max_per_option || data.dots_per_person;
      data.options.forEach(function (option) {
        const row = vote.querySelector('[data-option-id="' + option.id + '"]');
        if (!row) return;
        row.querySelector("[data-my-dots]").textContent = option.my_dots;
        row.querySelector('[data-dot="-1"]').disabled = option.my_dots === 0;
        row.querySelector('[data-dot="1"]').disabled = data.dots_left === 0 || option.my_dots >= cap;
      });
    }
    vote.addEventListener("click", function (event) {
      const button = event.target.closest("[data-dot]");
      if (!button) return;
      event.preventDefault();
      const row = button.closest("[data-option-id]");
      const current = Number(row.querySelector("[data-my-dots]").textContent);
      const url = body.dataset.dotsUrl.replace("/votes/0/", "/votes/" + vote.dataset.voteId + "/")
        .replace(/\/options\/0$/, "/options/" + row.dataset.optionId);
      // Exactly this many dots: repeating the request changes nothing, so it is sent again
      // by itself while the connection is away; the row waits for the answer.
      row.querySelectorAll("[data-dot]").forEach(function (b) { b.disabled = true; });
      offline.deliver({ url: url, method: "PUT", token: token, body: { dots: current + Number(button.dataset.dot) } }, {
        waiting: function () { statusLine.textContent = vote.dataset.msgOffline; statusLine.dataset.kind = "error"; },
        answered: function (result) {
          if (result.status === 200) { render(result.data); statusLine.textContent = ""; return; }
          statusLine.textContent = (result.data.error || {}).message || "";
          statusLine.dataset.kind = "error";
          row.querySelector('[data-dot="-1"]').disabled = current === 0;
          row.querySelector('[data-dot="1"]').disabled = false;
        },
      });
    });
  }


  // ---------- A summit team's forms start at its theme ----------
  // After the drafts: a theme a kept draft chose stays chosen.
  function setUpTeamTheme() {
    const team = document.querySelector("[data-team-theme]");
    if (!team) return;
    document.querySelectorAll('form select[name="theme_id"]').forEach(function (select) {
      const draftChose = select.selectedIndex > 0;
      const offered = Array.prototype.some.call(select.options, function (option) {
        return option.value === team.dataset.teamTheme;
      });
      if (!draftChose && offered) select.value = team.dataset.teamTheme;
    });
  }

  showSentNotice();
  setUpDrafts();
  setUpTenseCheck();
  setUpVote();
  setUpTeamTheme();
})();
