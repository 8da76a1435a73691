// What a phone sends in the background: a request that keeps trying while the server or the
// network is away. The callers keep what was typed on the phone until the server answers, and
// send a client id with it, so a repeated request never stores anything twice.
(function () {
  "use strict";
  const AIW = (window.AIW = window.AIW || {});
  const LONGEST_PAUSE_MS = 15000;

  function newClientId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }

  function readJson(key) {
    try {
      return JSON.parse(localStorage.getItem(key) || "null");
    } catch (e) {
      return null;
    }
  }

  function writeJson(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
    } catch (e) {
      /* storage full or blocked: the page still sends */
    }
  }

  function retryAfterMs(response) {
    const seconds = Number(response.headers.get("Retry-After"));
    return seconds > 0 ? seconds * 1000 : 0;
  }

  // Sends `body` to `url` until the server answers for good: a 5xx, a 429 or no answer at all
  // means "not yet". handlers.waiting() is called on each failed try, handlers.answered({status,
  // data}) once. Returns a handle whose cancel() stops the retries.
  function deliver(options, handlers) {
    let attempt = 0;
    let timer = null;
    let stopped = false;
    let inFlight = false;

    function stop() {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener("online", tryNow);
    }

    function tryNow() {
      if (stopped || inFlight) return;
      clearTimeout(timer);
      inFlight = true;
      const controller = window.AbortController ? new AbortController() : null;
      // A connection that died without a word (a killed server) would otherwise never end.
      const deadline = controller && setTimeout(function () { controller.abort(); }, 20000);
      fetch(options.url, {
        method: options.method || "POST",
        headers: { "Content-Type": "application/json", Authorization: "Bearer " + options.token },
        body: JSON.stringify(options.body),
        cache: "no-store",
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          const later = response.status >= 500 || response.status === 429 || response.status === 408;
          if (later) return { retry: true, wait: retryAfterMs(response) };
          return response.json().catch(function () { return {}; }).then(function (data) {
            return { status: response.status, data: data };
          });
        }, function () {
          return { retry: true, wait: 0 };
        })
        .then(function (result) {
          clearTimeout(deadline);
          inFlight = false;
          if (stopped) return;
          if (!result.retry) {
            stop();
            handlers.answered(result);
            return;
          }
          attempt += 1;
          if (handlers.waiting) handlers.waiting(attempt);
          // Spread a room's retries so a server coming back is not met by all phones at once.
          const pause = Math.min(1000 * Math.pow(2, attempt - 1), LONGEST_PAUSE_MS);
          timer = setTimeout(tryNow, Math.max(result.wait, pause * (0.75 + Math.random() / 2)));
        });
    }

    window.addEventListener("online", tryNow);
    tryNow();
    return { cancel: stop, now: tryNow };
  }

  AIW.offline = {
    deliver: deliver,
    newClientId: newClientId,
    readJson: readJson,
    writeJson: writeJson,
  };
})();
