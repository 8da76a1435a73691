// Console: filter the story feed; the filter survives live redraws.
(function () {
  "use strict";
  let feedFilter = "all";

  function applyFilter() {
    const feed = document.querySelector("[data-feed]");
    if (feed) feed.dataset.filter = feedFilter;
    document.querySelectorAll("button[data-filter]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.filter === feedFilter));
    });
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest("button[data-filter]");
    if (!button) return;
    feedFilter = button.dataset.filter;
    applyFilter();
  });

  document.addEventListener("live:updated", applyFilter);
  applyFilter();
})();
