// Phone pages for Dream, Design and Destiny: drafts for the simple forms, the
// present-tense hint, and dot voting through the API without reloading.
(function () {
  "use strict";
  const body = document.body;
  const code = body.dataset.code;
  const tokenMeta = document.querySelector('meta[name="participant-token"]');
  const token = tokenMeta ? tokenMeta.content : "";

  // ---------- Simple forms (dream, proposition, action, commitment): drafts ----------

  function setUpDrafts() {
    document.querySelectorAll("form[data-draft]").forEach(function (draftForm) {
      const key = "aiw-draft:" + code + ":" + draftForm.dataset.draft;
      const fields = draftForm.querySelectorAll("textarea, input[type=text], input:not([type]), input[type=date], select");
      let stored = {};
      try { stored = JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { stored = {}; }
      fields.forEach(function (input) {
        if (!input.value && stored[input.name]) input.value = stored[input.name];
      });
      draftForm.addEventListener("input", function () {
        const values = {};
        fields.forEach(function (input) { values[input.name] = input.value; });
        try { localStorage.setItem(key, JSON.stringify(values)); } catch (e) { /* full */ }
      });
      // The server redirects with ?sent=<form> only after it stored the submission.
      if (new URLSearchParams(location.search).get("sent") === draftForm.dataset.draft) {
        localStorage.removeItem(key);
        fields.forEach(function (input) { if (input.tagName !== "SELECT") input.value = ""; });
      }
    });
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
    if (!vote || !token) return;
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
      button.disabled = true;
      fetch(url, {
        method: "PUT",
        headers: { "Content-Type": "application/json", Authorization: "Bearer " + token },
        body: JSON.stringify({ dots: current + Number(button.dataset.dot) }),
      })
        .then(function (response) { return response.json().then(function (data) { return { ok: response.ok, data: data }; }); })
        .then(function (result) {
          if (result.ok) { render(result.data); statusLine.textContent = ""; }
          else { statusLine.textContent = (result.data.error || {}).message || ""; statusLine.dataset.kind = "error"; button.disabled = false; }
        })
        .catch(function () { statusLine.textContent = vote.dataset.msgOffline; button.disabled = false; });
    });
  }


  setUpDrafts();
  setUpTenseCheck();
  setUpVote();
})();
