// Live pages (projector, console): an EventSource says "version N". When the event carries
// the new stories, drawn, and starts at or before the version on screen, they are inserted at
// once and the whole fragment is refetched a little later to catch up on the rest (the
// strengths cloud); otherwise, or after a gap or a reconnect, it is refetched now. Stories
// pushed while a refetch is on its way are inserted into what it brings.
(function () {
  "use strict";
  const AIW = (window.AIW = window.AIW || {});
  const body = document.body;
  const eventsUrl = body.dataset.liveEvents;
  const fragmentUrl = body.dataset.liveFragment;
  if (!eventsUrl || !fragmentUrl) return;

  const WATCHDOG_MS = 40000;
  // After inserting pushed stories, the rest of the page catches up within this long.
  const CATCH_UP_MS = 2000;
  let catchUp = null;
  let source = null;
  let lastMessageAt = Date.now();
  let retryDelay = 1000;
  let inFlight = false;
  let pending = false;
  let pushedMeanwhile = [];

  function shownVersion() {
    const part = document.querySelector("[data-live-part][data-version]");
    return part ? Number(part.dataset.version) : null;
  }

  function setShownVersion(version) {
    document.querySelectorAll("[data-live-part][data-version]").forEach(function (part) {
      part.dataset.version = String(version);
    });
  }

  // Insert pushed items where the page has a place for them; false (nothing inserted) when
  // it has none, so the page refetches instead.
  function insertItems(items, counts, labels) {
    const places = {};
    for (let i = 0; i < items.length; i++) {
      const name = items[i].into;
      places[name] = places[name] || document.querySelector('[data-push-into="' + name + '"]');
      if (!places[name] || isEditing(places[name])) return false;
    }
    items.forEach(function (item) {
      const place = places[item.into];
      if (place.querySelector('[data-story-id="' + item.id + '"]')) return;
      const fresh = new DOMParser().parseFromString(item.html, "text/html").body.firstElementChild;
      if (!fresh) return;
      place.querySelectorAll(".placeholder").forEach(function (el) { el.remove(); });
      place.insertBefore(document.importNode(fresh, true), place.firstChild);
      const keep = Number(place.dataset.pushKeep || 0);
      if (keep) {
        const shown = place.querySelectorAll("[data-story-id]");
        for (let k = keep; k < shown.length; k++) shown[k].remove();
      }
    });
    Object.keys(counts || {}).forEach(function (name) {
      document.querySelectorAll('[data-push-count="' + name + '"]').forEach(function (el) {
        el.textContent = String(counts[name]);
      });
    });
    Object.keys(labels || {}).forEach(function (name) {
      document.querySelectorAll('[data-push-label="' + name + '"]').forEach(function (el) {
        el.textContent = labels[name];
      });
    });
    return true;
  }

  // A push covers every story since its `previous` version: on a page at that version or
  // later it brings the page to its own. False when the page is further behind (a gap).
  function applyPush(data) {
    const shown = shownVersion();
    if (shown === null || data.previous > shown) return false;
    if (data.version <= shown) return true;
    if (!insertItems(data.items, data.counts, data.labels)) return false;
    setShownVersion(data.version);
    AIW.lastUpdate = { version: data.version, at: Date.now() };
    document.dispatchEvent(new CustomEvent("live:updated"));
    scheduleCatchUp();
    return true;
  }

  function scheduleCatchUp() {
    if (catchUp !== null) return;
    catchUp = setTimeout(function () {
      catchUp = null;
      refresh();
    }, CATCH_UP_MS);
  }

  function setConnection(state) {
    document.querySelectorAll("[data-connection]").forEach(function (el) {
      el.dataset.state = state;
      const label = state === "online" ? el.dataset.labelOnline : el.dataset.labelOffline;
      if (label) el.textContent = label;
    });
  }

  function isEditing(part) {
    const active = document.activeElement;
    return active && part.contains(active) && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName);
  }

  // Ticked boxes and open menus survive a redraw, so live updates never undo a selection.
  function keepUserState(current, fresh) {
    current.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
      fresh.querySelectorAll("input[type=checkbox]").forEach(function (other) {
        if (other.name === box.name && other.value === box.value) other.setAttribute("checked", "");
      });
    });
    // A choice made in a list but not sent yet (say "6 themes") is not reset by a redraw,
    // nor is a list marked data-keep-choice (the number of themes a preview shows).
    current.querySelectorAll("select[id]").forEach(function (list) {
      const chosen = list.selectedOptions[0];
      if (!chosen || (chosen.defaultSelected && !list.hasAttribute("data-keep-choice"))) return;
      const twin = fresh.querySelector("select#" + CSS.escape(list.id));
      if (!twin) return;
      twin.querySelectorAll("option").forEach(function (option) {
        if (option.value === chosen.value) option.setAttribute("selected", "");
        else option.removeAttribute("selected");
      });
    });
    current.querySelectorAll("details[open][id]").forEach(function (menu) {
      const twin = fresh.querySelector("#" + CSS.escape(menu.id));
      if (twin) twin.setAttribute("open", "");
    });
  }

  // Where keyboard focus sits, as "the Nth <tag> inside the element with this id", so the
  // same control can take focus again in the redrawn part.
  function focusSpot(part) {
    const active = document.activeElement;
    if (!active || !part.contains(active)) return null;
    const anchor = active.closest("[id]");
    const tag = active.tagName.toLowerCase();
    const index = anchor === active ? -1 : Array.prototype.indexOf.call(anchor.querySelectorAll(tag), active);
    return { id: anchor.id, tag: tag, index: index };
  }

  function restoreFocus(spot) {
    const anchor = spot && document.getElementById(spot.id);
    if (!anchor) return;
    const target = spot.index < 0 ? anchor : anchor.querySelectorAll(spot.tag)[spot.index];
    if (target) target.focus({ preventScroll: true });
  }

  function swapParts(html) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    let deferred = false;
    doc.querySelectorAll("[data-live-part][id]").forEach(function (fresh) {
      const current = document.getElementById(fresh.id);
      if (!current) return;
      if (isEditing(current) || document.body.dataset.liveHold) {
        deferred = true;
        return;
      }
      // Only items new since the last draw get the arrival animation.
      const known = new Set();
      current.querySelectorAll("[data-story-id]").forEach(function (el) { known.add(el.dataset.storyId); });
      fresh.querySelectorAll("[data-story-id]").forEach(function (el) {
        if (known.has(el.dataset.storyId)) el.classList.add("seen");
      });
      keepUserState(current, fresh);
      const spot = focusSpot(current);
      current.replaceWith(document.importNode(fresh, true));
      restoreFocus(spot);
    });
    setConnection(source && source.readyState === 1 ? "online" : "offline");
    if (AIW.timers) AIW.timers.tick();
    AIW.lastUpdate = { version: shownVersion(), at: Date.now() };
    document.dispatchEvent(new CustomEvent("live:updated"));
    return deferred;
  }

  function refresh() {
    if (catchUp !== null) {
      clearTimeout(catchUp);
      catchUp = null;
    }
    if (inFlight) {
      pending = true;
      return;
    }
    inFlight = true;
    let drawn = false;
    fetch(fragmentUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok || response.redirected) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) {
        if (swapParts(html)) setTimeout(refresh, 1500);
        else drawn = true;
      })
      .catch(function () {
        setConnection("offline");
        setTimeout(refresh, 3000);
      })
      .finally(function () {
        inFlight = false;
        const meanwhile = pushedMeanwhile;
        pushedMeanwhile = [];
        // A queued refetch reads after every push that came meanwhile; else they are
        // replayed onto what was drawn. Not drawn (held, offline): a retry is on its way.
        if (!pending && drawn && !meanwhile.every(applyPush)) pending = true;
        if (pending) {
          pending = false;
          refresh();
        }
      });
  }

  function connect() {
    if (source) source.close();
    source = new EventSource(eventsUrl);
    source.addEventListener("open", function () {
      retryDelay = 1000;
      lastMessageAt = Date.now();
      setConnection("online");
      refresh(); // resync: anything may have changed while we were away
    });
    source.addEventListener("version", function (event) {
      lastMessageAt = Date.now();
      const data = JSON.parse(event.data);
      if (data.version === shownVersion()) return;
      if (data.items && inFlight) pushedMeanwhile.push(data);
      else if (!data.items || !applyPush(data)) refresh();
    });
    source.addEventListener("ping", function () {
      lastMessageAt = Date.now();
    });
    // The workshop was deleted, or this viewer no longer runs it (removed as a
    // co-facilitator, logged out everywhere): stop, and let the server's page say so.
    ["gone", "denied"].forEach(function (name) {
      source.addEventListener(name, function () {
        source.close();
        window.location.reload();
      });
    });
    source.addEventListener("error", function () {
      setConnection("offline");
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(connect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 15000);
      }
    });
  }

  // A laptop that slept may hold a dead connection that never errors: replace it.
  setInterval(function () {
    if (Date.now() - lastMessageAt > WATCHDOG_MS) {
      lastMessageAt = Date.now();
      connect();
    }
  }, 5000);

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") refresh();
  });
  window.addEventListener("online", connect);

  AIW.live = { refresh: refresh, reconnect: connect };
  connect();
})();
