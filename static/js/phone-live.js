// The phone's lists of the room's writing (actions to join, the options of a vote) kept
// current without a reload. phone-follow.js says when the room's content moved; the phone
// waits a random moment (a large room spreads its requests), fetches its phase's part once
// and swaps in the marked lists, keeping what the reader sees where it was.
(function () {
  "use strict";
  const body = document.body;
  const liveUrl = body.dataset.liveUrl;
  const note = document.querySelector("[data-live-note]");
  const anchorKey = "aiw-anchor:" + body.dataset.code;
  const MIN_GAP_MS = 5000;
  let wanted = body.dataset.content || "";
  let timer = null;
  let lastFetch = 0;
  let fetching = false;

  function headerBottom() {
    const head = document.querySelector(".phone-head");
    return head ? head.getBoundingClientRect().bottom : 0;
  }

  // The topmost item the reader can see, by a name that survives redrawing.
  function readerAnchor() {
    const top = headerBottom();
    const candidates = document.querySelectorAll(".phone-main [data-key], .phone-main [id]");
    for (let i = 0; i < candidates.length; i += 1) {
      // A form control's id is its place in a list ("strengths-28"), and the strength
      // chips are reordered by use: after a reload that id names another chip.
      if (candidates[i].matches("input, select, textarea, option, label")) continue;
      const rect = candidates[i].getBoundingClientRect();
      if (rect.bottom > top && rect.height > 0) {
        const el = candidates[i];
        return { key: el.dataset.key || "", id: el.id || "", top: rect.top };
      }
    }
    return null;
  }

  function findAnchor(anchor) {
    if (!anchor) return null;
    if (anchor.key) return document.querySelector('[data-key="' + CSS.escape(anchor.key) + '"]');
    return document.getElementById(anchor.id);
  }

  function keepInView(anchor) {
    const el = findAnchor(anchor);
    if (el) window.scrollBy(0, el.getBoundingClientRect().top - anchor.top);
  }

  function announce() {
    if (!note) return;
    note.textContent = "";
    // A fresh text node is read out again by screen readers even when it did not change.
    setTimeout(function () { note.textContent = note.dataset.msgNew; }, 50);
  }

  function keys(root) {
    return Array.from(root.querySelectorAll("[data-key]")).map(function (el) { return el.dataset.key; });
  }

  function swap(html) {
    const fresh = new DOMParser().parseFromString(html, "text/html");
    const wrapper = fresh.querySelector("[data-live-content]");
    const anchor = readerAnchor();
    let added = 0;
    document.querySelectorAll("[data-live-part]").forEach(function (part) {
      const replacement = fresh.querySelector('[data-live-part="' + part.dataset.livePart + '"]');
      if (!replacement || replacement.innerHTML === part.innerHTML) return;
      const before = new Set(keys(part));
      added += keys(replacement).filter(function (key) { return !before.has(key); }).length;
      const focused = part.contains(document.activeElement) && document.activeElement.closest("[data-key]");
      part.replaceWith(document.adoptNode(replacement));
      if (focused) {
        const again = replacement.querySelector('[data-key="' + CSS.escape(focused.dataset.key) + '"] button');
        if (again) again.focus({ preventScroll: true });
      }
    });
    keepInView(anchor);
    if (added) announce();
    if (wrapper) body.dataset.content = wrapper.dataset.liveContent;
  }

  function refresh() {
    if (fetching || !liveUrl) return;
    fetching = true;
    lastFetch = Date.now();
    fetch(liveUrl, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(swap)
      .catch(function () { /* the next change of content tries again */ })
      .finally(function () {
        fetching = false;
        if (wanted !== body.dataset.content) later(0);
      });
  }

  function later(spreadMs) {
    if (timer) return;
    const wait = Math.max(0, lastFetch + MIN_GAP_MS - Date.now()) + Math.random() * Math.max(1000, spreadMs);
    timer = setTimeout(function () { timer = null; refresh(); }, wait);
  }

  document.addEventListener("aiw:content", function (event) {
    wanted = event.detail.content;
    if (wanted !== body.dataset.content) later(event.detail.spreadMs || 0);
  });

  // A new screen of the same phase (the positive core shown, a vote opened) reloads the page:
  // the reader's place is kept across it, and what is new is announced.
  document.addEventListener("aiw:leaving", function () {
    const anchor = readerAnchor();
    if (!anchor || window.scrollY < 1) return;
    if ("scrollRestoration" in history) history.scrollRestoration = "manual";
    try {
      sessionStorage.setItem(anchorKey, JSON.stringify({ phase: body.dataset.phase, anchor: anchor }));
    } catch (e) { /* the page opens at its top */ }
  });

  function restoreReaderPlace() {
    let saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(anchorKey) || "null");
      sessionStorage.removeItem(anchorKey);
    } catch (e) {
      saved = null;
    }
    if (!saved || saved.phase !== body.dataset.phase) return;
    keepInView(saved.anchor);
    // The webfont may arrive after this and reflow the text above the anchor: put the
    // reader back once more then, unless they have scrolled in the meantime.
    const placed = window.scrollY;
    if (document.fonts && document.fonts.ready) {
      document.fonts.ready.then(function () {
        if (Math.abs(window.scrollY - placed) < 2) keepInView(saved.anchor);
      });
    }
    announce();
  }

  restoreReaderPlace();
})();
