// Console controls: buttons post in the background and the live panel redraws itself.
(function () {
  "use strict";
  const AIW = (window.AIW = window.AIW || {});
  let feedFilter = "all";

  function applyFilter() {
    const feed = document.querySelector("[data-feed]");
    if (feed) feed.dataset.filter = feedFilter;
    document.querySelectorAll("[data-filter]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.filter === feedFilter));
    });
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-filter]");
    if (!button) return;
    feedFilter = button.dataset.filter;
    applyFilter();
  });

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!form.matches("form[data-async]")) return;
    event.preventDefault();
    const buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "text/html", "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        if (AIW.live) AIW.live.refresh();
      })
      .catch(function () {
        form.submit(); // fall back to a plain post, which shows the server's message
      })
      .finally(function () {
        buttons.forEach(function (b) { b.disabled = false; });
      });
  });

  document.addEventListener("live:updated", applyFilter);
  applyFilter();
})();
