// The phone follows the session: one held poll of a cheap state endpoint, answered when
// the phase, screen or timer changes; on a new phase it says so at once and reloads.
(function () {
  "use strict";
  const body = document.body;

  function followState() {
    const stateUrl = body.dataset.stateUrl;
    if (!stateUrl) return;
    // The server holds an unchanged poll up to holdSeconds, so a phone learns of a change
    // about a second after it happens while asking only a few times a minute.
    const holdSeconds = Number(body.dataset.holdSeconds || 0);
    const pollMs = Number(body.dataset.pollSeconds || 3) * 1000;
    const minGapMs = 1000;
    let etag = null;
    let failures = 0;
    let timer = null;
    let inFlight = null;
    let reloading = false;

    function applyTimer(state) {
      const chip = document.querySelector("[data-timer-chip]");
      const el = chip && chip.querySelector("[data-timer]");
      if (!el) return;
      el.dataset.state = state.timer.state;
      el.dataset.endsAt = state.timer.ends_at || "";
      el.dataset.remaining = String(state.timer.remaining_seconds);
      el.dataset.serverTime = state.server_time;
      chip.hidden = state.timer.state === "idle";
      if (window.AIW && window.AIW.timers) window.AIW.timers.tick();
    }

    function showMovingOn(state) {
      const notice = document.querySelector("[data-moving-on]");
      const pill = document.querySelector("[data-phase-label]");
      const head = document.querySelector(".phone-head");
      if (pill) pill.textContent = state.phase_label;
      if (head) head.dataset.phase = state.phase;
      if (!notice) return;
      notice.dataset.phase = state.phase;
      notice.querySelector("[data-moving-phase]").textContent = state.phase_label;
      notice.hidden = false;
      body.classList.add("is-moving-on");
    }

    function schedule(delay) {
      clearTimeout(timer);
      timer = setTimeout(poll, delay + Math.random() * 500);
    }

    function pollUrl() {
      if (!etag || !holdSeconds) return stateUrl;
      return stateUrl + (stateUrl.indexOf("?") < 0 ? "?" : "&") + "wait=" + holdSeconds;
    }

    function poll() {
      // Waking up or coming back online: a held poll may be dead; start afresh.
      if (inFlight) inFlight.abort();
      const controller = window.AbortController ? new AbortController() : null;
      const mine = { abort: function () { if (controller) controller.abort(); } };
      inFlight = mine;
      const startedAt = Date.now();
      // A connection that died without a word (a killed server, a dropped network) would
      // otherwise leave the phone waiting for ever.
      const deadline = controller && setTimeout(function () { controller.abort(); },
        (holdSeconds + 10) * 1000);
      const headers = etag ? { "If-None-Match": etag } : {};
      fetch(pollUrl(), {
        headers: headers,
        cache: "no-store",
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          if (response.status === 304) return null;
          if (!response.ok) throw new Error("HTTP " + response.status);
          etag = response.headers.get("ETag");
          return response.json();
        })
        .then(function (state) {
          failures = 0;
          if (!state) return;
          const screenChanged = body.dataset.screen && state.screen !== body.dataset.screen;
          if (state.phase !== body.dataset.phase || screenChanged) {
            // Say so at once; a large room then spreads its reloads so the pages arrive
            // about as fast as they can be served.
            reloading = true;
            document.dispatchEvent(new Event("aiw:leaving")); // drafts are kept
            if (state.phase !== body.dataset.phase) showMovingOn(state);
            setTimeout(function () { window.location.reload(); },
              Math.random() * (state.redraw_spread_ms || 0));
            return;
          }
          applyTimer(state);
          if (state.content !== undefined) {
            document.dispatchEvent(new CustomEvent("aiw:content", {
              detail: { content: state.content, spreadMs: state.redraw_spread_ms || 0 },
            }));
          }
        })
        .catch(function () {
          if (inFlight === mine) failures += 1;
        })
        .finally(function () {
          clearTimeout(deadline);
          if (inFlight !== mine || reloading) return; // a newer poll schedules itself
          inFlight = null;
          if (failures) {
            schedule(Math.min(pollMs * Math.pow(2, failures - 1), 15000));
          } else {
            schedule(Math.max(0, minGapMs - (Date.now() - startedAt)));
          }
        });
    }

    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") schedule(0);
    });
    window.addEventListener("online", function () { schedule(0); });
    poll();
  }

  followState();
})();
