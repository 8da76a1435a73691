// The interview pairs' timer at a round table: each partner's minutes, then "swap", round
// after round. Kept on the phone, so a reload or a locked screen does not lose its place.
(function () {
  "use strict";
  const box = document.querySelector("[data-pair-timer]");
  if (!box) return;
  const rounds = JSON.parse(box.dataset.rounds);
  const roundMs = Number(box.dataset.minutes) * 60000;
  const key = box.dataset.key;
  const label = box.querySelector("[data-round-label]");
  const line = box.querySelector("[data-round-line]");
  const countdown = box.querySelector("[data-countdown]");
  const swap = box.querySelector("[data-swap]");
  const start = box.querySelector("[data-start]");
  const next = box.querySelector("[data-next]");
  const restart = box.querySelector("[data-restart]");
  let tick = null;
  let shownRound = -1;

  function startedAt() {
    try { return Number(localStorage.getItem(key)) || 0; } catch (e) { return 0; }
  }

  function setStartedAt(value) {
    try {
      if (value) localStorage.setItem(key, String(value));
      else localStorage.removeItem(key);
    } catch (e) { /* private browsing: the timer still runs while the page is open */ }
    memory = value;
  }

  let memory = startedAt();

  function clock(ms) {
    const seconds = Math.max(0, Math.ceil(ms / 1000));
    return Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
  }

  function draw() {
    if (!memory) {
      start.hidden = false;
      next.hidden = true;
      restart.hidden = true;
      return;
    }
    const elapsed = Date.now() - memory;
    const round = Math.floor(elapsed / roundMs);
    start.hidden = true;
    restart.hidden = false;
    if (round >= rounds.length) {
      label.textContent = "";
      line.textContent = box.dataset.msgDone;
      countdown.textContent = "0:00";
      next.hidden = true;
      box.dataset.state = "done";
      stop();
      return;
    }
    if (round !== shownRound) {
      if (shownRound >= 0) {
        swap.textContent = box.dataset.msgSwap;
        if (navigator.vibrate) navigator.vibrate([200, 100, 200]);
        setTimeout(function () { swap.textContent = ""; }, 8000);
      }
      shownRound = round;
      label.textContent = box.dataset.msgRound.replace("{n}", round + 1).replace("{of}", rounds.length);
      line.textContent = rounds[round];
    }
    next.hidden = round >= rounds.length - 1;
    box.dataset.state = "running";
    countdown.textContent = clock(roundMs - (elapsed - round * roundMs));
  }

  function run() {
    stop();
    draw();
    tick = setInterval(draw, 500);
  }

  function stop() {
    if (tick) clearInterval(tick);
    tick = null;
  }

  start.addEventListener("click", function () {
    setStartedAt(Date.now());
    shownRound = -1;
    run();
  });
  // Swapping early moves the start back so that the next round begins now.
  next.addEventListener("click", function () {
    const elapsed = Date.now() - memory;
    const round = Math.floor(elapsed / roundMs);
    setStartedAt(Date.now() - (round + 1) * roundMs);
    run();
  });
  restart.addEventListener("click", function () {
    setStartedAt(0);
    shownRound = -1;
    stop();
    label.textContent = "";
    line.textContent = rounds[0];
    countdown.textContent = clock(roundMs);
    swap.textContent = "";
    box.dataset.state = "idle";
    draw();
  });
  if (memory) run(); else draw();
})();
