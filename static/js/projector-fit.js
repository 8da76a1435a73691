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
    // A word wider than the whole box never fits ("Verantwortungsbewusstsein" in large
    // type): set it aside at once rather than hide every smaller word after it.
    const inner = box.clientWidth;
    items.slice(1).forEach(function (item) {
      // A block as wide as the box measures a fraction wider than its rounded clientWidth.
      if (item.getBoundingClientRect().width > inner + 1) {
        item.hidden = true;
        hidden += 1;
      }
    });
    setMore(box, hidden);
    const shown = items.filter(function (item) { return !item.hidden; });
    let dropped = 0;
    // The first item always stays: a wall of "+30 more" alone says nothing.
    while (!fits(box) && dropped < shown.length - 1) {
      dropped += 1;
      shown[shown.length - dropped].hidden = true;
      setMore(box, hidden + dropped);
    }
  }

  function fit(box) {
    if (box.dataset.fit !== "drop") shrink(box, Number(box.dataset.fitFloor || 0.6));
    if (box.dataset.fit === "shrink") return;
    drop(box);
    if (!fits(box)) shrink(box, 0.4);
  }

  function showOnly(items, group) {
    items.forEach(function (item) { item.hidden = group.indexOf(item) < 0; });
  }

  function scaleTo(box, base, scale) {
    box.style.fontSize = scale === 1 ? "" : base * scale + "px";
  }

  // The largest scale, from top down to the floor, at which every group fits on its own.
  function largestScale(box, base, floor, items, groups, top) {
    function allFit(scale) {
      scaleTo(box, base, scale);
      return groups.every(function (group) {
        showOnly(items, group);
        return fits(box);
      });
    }
    top = top || 1;
    if (allFit(top)) return top;
    let low = floor;
    let high = top;
    if (top > 1 && allFit(1)) low = 1;
    // Clipped words are worse than small ones: below the floor only when nothing else fits.
    else if (!allFit(floor)) {
      low = 0.4;
      high = floor;
    }
    for (let step = 0; step < 7; step++) {
      const middle = (low + high) / 2;
      if (allFit(middle)) low = middle;
      else high = middle;
    }
    return low;
  }

  // Pages filled in order, each with as many items as fit at the current size.
  function fillPages(box, items) {
    const pages = [];
    showOnly(items, []);
    items.forEach(function (item) {
      const page = pages[pages.length - 1];
      item.hidden = false;
      if (page && !fits(box)) {
        page.forEach(function (other) { other.hidden = true; });
        pages.push([item]);
      } else if (page) {
        page.push(item);
      } else {
        pages.push([item]);
      }
    });
    return pages;
  }

  // Without a floor, items page at the size they have. With data-pages-floor, the type
  // shrinks (to that floor) only as far as the longest item needs to fit a page alone,
  // then pages; data-pages="together" shrinks to show every item at once (or grows, up to
  // data-pages-grow, to use the room), and pages at even counts ("4 and 4", not "7 and 1")
  // only when the floor is reached.
  function paginate(box) {
    const items = Array.prototype.slice.call(box.querySelectorAll("[data-page-item]"));
    const floor = Number(box.dataset.pagesFloor || 1);
    box.style.fontSize = "";
    // Measured with the "1 of N" label showing: it takes room from the box when it shows.
    setLabel(box, items.length, items.length);
    items.forEach(function (item) { delete item.dataset.page; });
    let pages;
    if (floor < 1 && items.length) {
      const base = parseFloat(getComputedStyle(box).fontSize);
      if (box.dataset.pages === "together") {
        let scale = largestScale(box, base, floor, items, [items], Number(box.dataset.pagesGrow || 1));
        pages = [items];
        if (scale < floor) {
          scaleTo(box, base, floor);
          const size = Math.ceil(items.length / fillPages(box, items).length);
          pages = [];
          for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
          scale = largestScale(box, base, floor, items, pages);
        }
        scaleTo(box, base, scale);
      } else {
        const alone = items.map(function (item) { return [item]; });
        scaleTo(box, base, largestScale(box, base, floor, items, alone));
        pages = fillPages(box, items);
      }
    } else {
      pages = fillPages(box, items);
    }
    pages.forEach(function (page, number) {
      page.forEach(function (item) { item.dataset.page = String(number); });
    });
    box.dataset.pageCount = String(Math.max(pages.length, 1));
    const key = box.id || "pages";
    show(box, Math.min(shownPage[key] || 0, Math.max(pages.length - 1, 0)), false);
  }

  function setLabel(box, page, count) {
    const label = document.querySelector('[data-page-label="' + box.id + '"]');
    if (!label) return;
    label.hidden = count < 2;
    label.textContent = (label.dataset.label || "{page} / {pages}")
      .replace("{page}", page)
      .replace("{pages}", count);
  }

  function show(box, page, animate) {
    const count = Number(box.dataset.pageCount || 1);
    shownPage[box.id || "pages"] = page;
    box.querySelectorAll("[data-page-item]").forEach(function (item) {
      item.hidden = Number(item.dataset.page) !== page;
    });
    setLabel(box, page + 1, count);
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
  // An arriving item is measured where its animation starts, lower down: fit again once it
  // has arrived, or a pushed headline would leave the ticker smaller than it needs to be.
  let refit = null;
  document.addEventListener("animationend", function (event) {
    if (event.animationName !== "arrive" || refit !== null) return;
    refit = requestAnimationFrame(function () {
      refit = null;
      fitAll();
    });
  });
  window.addEventListener("resize", fitAll);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(fitAll);
  fitAll();
})();
