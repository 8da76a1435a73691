// The projector fits any volume: [data-fit] boxes shrink their type (down to a floor),
// then hide their last [data-fit-item]s and count them in [data-more]; [data-pages] boxes
// split their items into pages that fit and turn them slowly, "1 of 3".
(function () {
  "use strict";
  const TURN_MS = 9000;
  const calm = window.matchMedia("(prefers-reduced-motion: reduce)");
  const shownPage = {};
  let timer = null;

  function overflows(el) {
    return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
  }

  // The box and every clipping box inside it show all they hold.
  function fits(box) {
    if (overflows(box)) return false;
    const bottom = box.getBoundingClientRect().bottom + 1;
    const last = box.lastElementChild;
    if (last && last.getClientRects().length && last.getBoundingClientRect().bottom > bottom) return false;
    const inner = box.querySelectorAll("[data-clip]");
    for (let i = 0; i < inner.length; i++) {
      if (inner[i].getClientRects().length && overflows(inner[i])) return false;
    }
    return true;
  }

  function shrink(box, floor) {
    box.style.fontSize = "";
    if (fits(box)) return;
    const base = parseFloat(getComputedStyle(box).fontSize);
    let low = floor;
    let high = 1;
    for (let step = 0; step < 7; step++) {
      const middle = (low + high) / 2;
      box.style.fontSize = base * middle + "px";
      if (fits(box)) low = middle;
      else high = middle;
    }
    box.style.fontSize = base * low + "px";
  }

  function setMore(box, hidden) {
    const more = box.querySelector("[data-more]") || box.parentElement.querySelector("[data-more]");
    if (!more) return;
    const total = hidden + Number(more.dataset.moreBase || 0);
    more.dataset.more = String(total);
    more.textContent = (more.dataset.label || "+{n}").replace("{n}", total);
    more.hidden = total === 0;
  }

  function drop(box) {
    const items = Array.prototype.slice.call(box.querySelectorAll("[data-fit-item]"));
    items.forEach(function (item) { item.hidden = false; });
    setMore(box, 0);
    let hidden = 0;
    // The first item always stays: a wall of "+30 more" alone says nothing.
    while (!fits(box) && hidden < items.length - 1) {
      hidden += 1;
      items[items.length - hidden].hidden = true;
      setMore(box, hidden);
    }
  }

  function fit(box) {
    if (box.dataset.fit !== "drop") shrink(box, Number(box.dataset.fitFloor || 0.6));
    if (box.dataset.fit === "shrink") return;
    drop(box);
    if (!fits(box)) shrink(box, 0.4);
  }

  // Pages are filled in order, each with as many items as fit.
  function paginate(box) {
    const items = Array.prototype.slice.call(box.querySelectorAll("[data-page-item]"));
    let page = 0;
    let onPage = 0;
    items.forEach(function (item) {
      item.hidden = true;
      delete item.dataset.page;
    });
    items.forEach(function (item) {
      item.hidden = false;
      if (onPage > 0 && !fits(box)) {
        items.forEach(function (other) {
          if (Number(other.dataset.page) === page) other.hidden = true;
        });
        page += 1;
        onPage = 0;
      }
      item.dataset.page = String(page);
      onPage += 1;
    });
    box.dataset.pageCount = String(page + 1);
    const key = box.id || "pages";
    show(box, Math.min(shownPage[key] || 0, page), false);
  }

  function show(box, page, animate) {
    const count = Number(box.dataset.pageCount || 1);
    shownPage[box.id || "pages"] = page;
    box.querySelectorAll("[data-page-item]").forEach(function (item) {
      item.hidden = Number(item.dataset.page) !== page;
    });
    const label = document.querySelector('[data-page-label="' + box.id + '"]');
    if (label) {
      label.hidden = count < 2;
      label.textContent = (label.dataset.label || "{page} / {pages}")
        .replace("{page}", page + 1)
        .replace("{pages}", count);
    }
    if (animate && !calm.matches) {
      box.classList.remove("turning");
      void box.offsetWidth; // restarts the fade-in on the next page
      box.classList.add("turning");
    }
  }

  function turn() {
    document.querySelectorAll("[data-pages]").forEach(function (box) {
      const count = Number(box.dataset.pageCount || 1);
      if (count > 1) show(box, ((shownPage[box.id || "pages"] || 0) + 1) % count, true);
    });
  }

  function fitAll() {
    document.querySelectorAll("[data-fit]").forEach(fit);
    document.querySelectorAll("[data-pages]").forEach(paginate);
    if (timer === null && document.querySelector("[data-pages]")) timer = setInterval(turn, TURN_MS);
  }

  document.addEventListener("live:updated", fitAll);
  window.addEventListener("resize", fitAll);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(fitAll);
  fitAll();
})();
