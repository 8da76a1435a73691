// Countdown display for every [data-timer] element, corrected for the server's clock.
(function () {
  "use strict";
  const AIW = (window.AIW = window.AIW || {});

  function format(seconds) {
    const s = Math.max(0, Math.round(seconds));
    const minutes = Math.floor(s / 60);
    return minutes + ":" + String(s % 60).padStart(2, "0");
  }

  function offsetOf(el) {
    const serverTime = Date.parse(el.dataset.serverTime || "");
    if (Number.isNaN(serverTime)) return 0;
    if (el.dataset.offsetFor !== el.dataset.serverTime) {
      el.dataset.offsetFor = el.dataset.serverTime;
      el.dataset.offset = String(serverTime - Date.now());
    }
    return Number(el.dataset.offset || 0);
  }

  function render(el) {
    const state = el.dataset.state;
    let remaining = Number(el.dataset.remaining || 0);
    if (state === "running") {
      const endsAt = Date.parse(el.dataset.endsAt || "");
      remaining = (endsAt - (Date.now() + offsetOf(el))) / 1000;
      if (remaining <= 0) el.dataset.state = "finished";
    }
    // Once run out, a timer reads 0:00 whatever the page was drawn with: the remaining
    // seconds it carries are those of the moment it was drawn.
    if (el.dataset.state === "finished") remaining = 0;
    const text = format(remaining);
    if (el.textContent !== text) el.textContent = text;
  }

  function tick() {
    document.querySelectorAll("[data-timer]").forEach(render);
  }

  AIW.timers = { format: format, tick: tick };
  tick();
  setInterval(tick, 250);
})();
