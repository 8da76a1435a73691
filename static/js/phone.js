// The phone's story form: keep drafts; send stories through the API with a client id so a
// retry never duplicates. Following the session is phone-follow.js.
(function () {
  "use strict";
  const body = document.body;
  const code = body.dataset.code;
  const tokenMeta = document.querySelector('meta[name="participant-token"]');
  const token = tokenMeta ? tokenMeta.content : "";
  const draftKey = "aiw-draft:" + code;
  const savedKey = "aiw-saved:" + code;

  // ---------- The story form ----------

  const form = document.querySelector("[data-story-form]");
  const isCreate = form && form.dataset.mode === "create";
  // From the story's field table: its free-text fields, each choice with its default, and
  // the most strengths a story may name.
  const fields = form ? JSON.parse(form.dataset.fields) : { texts: [], choices: {} };
  const statusEl = form && form.querySelector("[data-submit-status]");
  let submitted = false; // once stored, the typed text must not come back as a draft

  function setStatus(message, kind) {
    if (!statusEl) return;
    statusEl.textContent = message || "";
    statusEl.dataset.kind = kind || "";
  }

  function fieldValues() {
    const data = new FormData(form);
    const values = {
      client_id: data.get("client_id"),
      other_strengths: data.get("other_strengths") || "",
      strengths: data.getAll("strengths"),
    };
    fields.texts.forEach(function (name) { values[name] = data.get(name) || ""; });
    Object.keys(fields.choices).forEach(function (name) {
      values[name] = data.get(name) || fields.choices[name];
    });
    return values;
  }

  function saveDraft() {
    if (!isCreate || submitted) return;
    try {
      localStorage.setItem(draftKey, JSON.stringify(fieldValues()));
    } catch (e) {
      /* storage full or blocked: the form still works */
    }
  }

  function restoreDraft() {
    let draft = null;
    try {
      draft = JSON.parse(localStorage.getItem(draftKey) || "null");
    } catch (e) {
      draft = null;
    }
    if (!draft) return;
    ["client_id", "other_strengths"].concat(fields.texts).forEach(function (name) {
      const input = form.elements[name];
      if (input && !input.value && draft[name]) input.value = draft[name];
    });
    if (draft.client_id) form.elements.client_id.value = draft.client_id;
    Object.keys(fields.choices).forEach(function (name) {
      const radio = form.querySelector('input[name="' + name + '"][value="' + draft[name] + '"]');
      if (radio) radio.checked = true;
    });
    (draft.strengths || []).forEach(function (value) {
      form.querySelectorAll('input[name="strengths"]').forEach(function (box) {
        if (box.value === value) box.checked = true;
      });
    });
    if (draft.headline || draft.story) setStatus(form.dataset.msgDraft, "");
  }

  // A field that applies to one value of a choice only (a partner's name) shows only while
  // that value is chosen; without this script it stays in sight with its hint, and the
  // server stores it empty whenever it does not apply.
  function showApplicable() {
    const rules = fields.applies_when || {};
    Object.keys(rules).forEach(function (name) {
      const input = form.elements[name];
      const box = input && input.closest(".field");
      if (!box) return;
      const chosen = form.querySelector('input[name="' + rules[name][0] + '"]:checked');
      box.hidden = !chosen || chosen.value !== rules[name][1];
    });
  }

  function typedStrengths(text) {
    return text.split(/[,;\n、，،؛]+/).map(function (s) { return s.trim(); }).filter(Boolean);
  }

  // ---------- The strength picker ----------
  // The most named chips show at once, the rest behind "All strengths" and the search box;
  // the counter and the limit's message count the teller's own words too.

  const picker = form && form.querySelector("[data-strength-picker]");
  const query = picker && picker.querySelector("[data-strength-query]");
  const more = picker && picker.querySelector("[data-more-strengths]");
  const addOwn = picker && picker.querySelector("[data-add-own]");
  const searchResult = picker && picker.querySelector("[data-strength-result]");
  let picksTouched = false; // the server's message on the picks stays until they change
  let moreOpenedBySearch = false;
  let lastCount = null;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_all, key) { return values[key]; });
  }

  function strengthTotal() {
    const other = form.elements.other_strengths;
    const typed = other ? typedStrengths(other.value).length : 0;
    return form.querySelectorAll('input[name="strengths"]:checked').length + typed;
  }

  function showLimit(total) {
    const box = picker.querySelector("[data-strength-errors]");
    const over = total > fields.max_strengths;
    if (over) {
      box.textContent = "";
      const p = document.createElement("p");
      p.className = "error-text";
      p.textContent = picker.dataset.msgTooMany;
      box.appendChild(p);
    } else if (picksTouched) {
      box.textContent = "";
    }
    picker.classList.toggle("has-error", box.childElementCount > 0);
    const other = form.elements.other_strengths;
    if (other && over) other.setAttribute("aria-invalid", "true");
    else if (other && picksTouched) other.removeAttribute("aria-invalid");
  }

  function updateChips() {
    const max = fields.max_strengths;
    const total = strengthTotal();
    form.querySelectorAll('input[name="strengths"]').forEach(function (box) {
      box.disabled = !box.checked && total >= max;
    });
    if (!picker) return;
    const count = picker.querySelector("[data-selection-count]");
    // Announced on a change of the count only, not on each letter typed.
    if (total !== lastCount) {
      count.textContent = fill(picker.dataset.msgCount, { count: total, max: max });
      count.classList.toggle("over", total > max);
      count.classList.toggle("full", total === max);
      lastCount = total;
    }
    showLimit(total);
  }

  function openForCheckedChips() {
    if (more && more.querySelector("input:checked")) more.open = true;
  }

  function filterChips() {
    const text = query.value.trim().toLowerCase();
    let matches = 0;
    let exact = false;
    picker.querySelectorAll(".chip").forEach(function (chip) {
      const name = chip.querySelector("input").value.toLowerCase();
      const match = !text || name.indexOf(text) !== -1 || chip.querySelector("input").checked;
      chip.hidden = !match;
      if (text && name.indexOf(text) !== -1) matches += 1;
      if (name === text) exact = true;
    });
    if (text && !more.open) {
      more.open = true;
      moreOpenedBySearch = true;
    } else if (!text && moreOpenedBySearch) {
      more.open = false;
      moreOpenedBySearch = false;
      openForCheckedChips();
    }
    picker.classList.toggle("searching", Boolean(text));
    searchResult.textContent = text && !matches ? searchResult.dataset.msgNone : "";
    addOwn.hidden = !text || exact;
    addOwn.textContent = fill(picker.dataset.msgAdd, { words: query.value.trim() });
  }

  function addOwnWords() {
    const other = form.elements.other_strengths;
    const words = query.value.trim();
    if (!words) return;
    other.value = typedStrengths(other.value).concat([words]).join(", ");
    query.value = "";
    filterChips();
    other.dispatchEvent(new Event("input", { bubbles: true }));
    query.focus();
  }

  function overLimitBeforeSending(event) {
    if (!picker || strengthTotal() <= fields.max_strengths) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    picksTouched = true;
    updateChips();
    const other = form.elements.other_strengths;
    (other && other.value ? other : picker).scrollIntoView({ block: "center" });
    if (other && other.value) other.focus();
  }

  // Chromium scrolls a focused field only until some of it shows, so a chip or a box may
  // stay half under the sticky Send bar; bring the whole of it into sight.
  function keepFocusInSight(event) {
    const bar = form.querySelector(".submit-bar");
    const target = event.target.closest(".chip, .choice") || event.target;
    if (!bar || bar.contains(target)) return;
    const box = target.getBoundingClientRect();
    const head = document.querySelector(".phone-head");
    const top = head ? head.getBoundingClientRect().bottom : 0;
    if (box.bottom > bar.getBoundingClientRect().top || box.top < top) {
      target.scrollIntoView({ block: "nearest" });
    }
  }

  function setUpPicker() {
    if (!picker) return;
    form.addEventListener("focusin", keepFocusInSight);
    form.addEventListener("submit", overLimitBeforeSending);
    function touched(event) { if (event.target !== query) picksTouched = true; }
    picker.addEventListener("input", touched);
    picker.addEventListener("change", touched);
    openForCheckedChips();
    if (!query) return;
    picker.querySelector("[data-strength-search]").hidden = false;
    query.addEventListener("input", filterChips);
    query.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      // Enter in the search box must never send the story.
      event.preventDefault();
      if (!addOwn.hidden) addOwnWords();
    });
    addOwn.addEventListener("click", addOwnWords);
  }

  function updateCounters() {
    form.querySelectorAll("[data-counter-for]").forEach(function (counter) {
      const input = document.getElementById(counter.dataset.counterFor);
      const max = Number(input.getAttribute("maxlength"));
      const length = input.value.length;
      counter.textContent = length > max * 0.7 ? length + " / " + max : "";
      counter.classList.toggle("over", length >= max);
    });
  }

  function clearFieldErrors() {
    form.querySelectorAll(".js-error").forEach(function (el) { el.remove(); });
    form.querySelectorAll(".has-error").forEach(function (el) { el.classList.remove("has-error"); });
  }

  function showFieldErrors(fields) {
    let first = null;
    Object.keys(fields || {}).forEach(function (name) {
      const input = form.elements[name === "strengths" ? "other_strengths" : name];
      const box = name === "strengths" ? picker : input && input.closest(".field");
      if (!box) return;
      box.classList.add("has-error");
      const p = document.createElement("p");
      p.className = "error-text js-error";
      p.textContent = fields[name].join(" ");
      (box.querySelector("[data-strength-errors]") || box).appendChild(p);
      first = first || box;
    });
    if (first) first.scrollIntoView({ behavior: "smooth", block: "center" });
  }

  function payload() {
    const values = fieldValues();
    const sent = { client_id: values.client_id };
    fields.texts.concat(Object.keys(fields.choices)).forEach(function (name) { sent[name] = values[name]; });
    sent.strengths = values.strengths.concat(typedStrengths(values.other_strengths));
    return sent;
  }

  function newClientId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }

  function send(attempt) {
    const button = form.querySelector("[data-submit]");
    button.disabled = true;
    setStatus(form.dataset.msgSaving, "");
    fetch(body.dataset.storiesUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer " + token },
      body: JSON.stringify(payload()),
    })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          return { status: response.status, data: data };
        });
      })
      .then(function (result) {
        button.disabled = false;
        if (result.status === 200 || result.status === 201) {
          submitted = true;
          localStorage.removeItem(draftKey);
          sessionStorage.setItem(savedKey, "1");
          form.reset();
          form.elements.client_id.value = newClientId();
          window.location.replace(body.dataset.homeUrl + "?sent=" + result.data.id + "#my-stories");
          return;
        }
        const error = result.data.error || {};
        if (result.status === 422) showFieldErrors(error.fields);
        if (result.status >= 500) throw new Error("server");
        setStatus(error.message || form.dataset.msgError, "error");
      })
      .catch(function () {
        button.disabled = false;
        saveDraft();
        setStatus(form.dataset.msgOffline, "error");
        if (attempt < 6) setTimeout(function () { send(attempt + 1); }, Math.min(2000 * Math.pow(2, attempt), 30000));
      });
  }

  function setUpForm() {
    if (!form) return;
    setUpPicker();
    if (isCreate) restoreDraft();
    showApplicable();
    openForCheckedChips();
    updateChips();
    updateCounters();
    form.addEventListener("input", function () {
      updateChips();
      updateCounters();
      saveDraft();
    });
    form.addEventListener("change", function () {
      showApplicable();
      updateChips();
      saveDraft();
    });
    if (isCreate && token && window.fetch) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        clearFieldErrors();
        send(0);
      });
    }
    window.addEventListener("pagehide", saveDraft);
    // The browser may put back a choice made before a reload after this script has run.
    window.addEventListener("pageshow", showApplicable);
  }

  function showSavedNotice() {
    if (sessionStorage.getItem(savedKey)) {
      sessionStorage.removeItem(savedKey);
      const main = document.querySelector(".phone-main");
      const note = document.createElement("div");
      note.className = "flashes";
      note.setAttribute("role", "status");
      const inner = document.createElement("div");
      inner.className = "flash success";
      inner.textContent = form ? form.dataset.msgSaved : "✓";
      note.appendChild(inner);
      main.insertBefore(note, main.firstChild);
    }
  }

  document.addEventListener("submit", function (event) {
    const confirmText = event.target.dataset && event.target.dataset.confirm;
    if (confirmText && !window.confirm(confirmText)) event.preventDefault();
  });

  // phone-follow.js is about to reload the page for the room's next step.
  document.addEventListener("aiw:leaving", saveDraft);

  setUpForm();
  showSavedNotice();
})();

// A check-in's progress slider says its value beside it as it moves.
(function () {
  "use strict";
  document.addEventListener("input", function (event) {
    const target = event.target;
    if (!target.dataset || !target.dataset.rangeOutput) return;
    const output = document.getElementById(target.dataset.rangeOutput);
    if (output) output.textContent = target.value + "%";
  });
})();
