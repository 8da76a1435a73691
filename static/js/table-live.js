// The table's people, host and harvest, fetched every few seconds so that every phone at
// the table watches the host's harvest grow; left alone while the reader uses a control in it.
(function () {
  "use strict";
  const part = document.querySelector("[data-table-live]");
  if (!part) return;
  const url = part.dataset.liveUrl;
  const everyMs = Number(part.dataset.pollSeconds || 5) * 1000;

  function refresh() {
    if (document.hidden || part.contains(document.activeElement)) return;
    fetch(url, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) { return response.status === 200 ? response.text() : null; })
      .then(function (html) {
        if (html !== null && html !== part.innerHTML && !part.contains(document.activeElement)) {
          part.innerHTML = html;
        }
      })
      .catch(function () { /* offline for a moment: the next round tries again */ });
  }

  setInterval(refresh, everyMs + Math.random() * 1000);
})();
