// Forms marked data-async post in the background; live.js redraws what changed.
(function () {
  "use strict";
  const AIW = (window.AIW = window.AIW || {});
  let toastTimer = null;

  function toast(message, kind) {
    const el = document.querySelector("[data-toast]");
    if (!el || !message) return;
    el.textContent = message;
    el.dataset.kind = kind || "";
    el.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { el.hidden = true; }, 4000);
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-Requested-With": "fetch" },
    }).then(function (response) {
      return response.text().then(function (text) {
        let data = {};
        try { data = text ? JSON.parse(text) : {}; } catch (e) { data = {}; }
        if (!response.ok) {
          const message = (data.error && data.error.message) || "HTTP " + response.status;
          toast(message, "error");
          throw new Error(message);
        }
        if (data.redirect) { // the server wants a page of its own, e.g. a preview
          window.location.assign(data.redirect);
          return data;
        }
        if (data.message) toast(data.message, "");
        if (AIW.live) AIW.live.refresh();
        return data;
      });
    });
  }

  document.addEventListener("submit", function (event) {
    const form = event.target;
    const confirmText = form.dataset.confirm;
    if (confirmText && !window.confirm(confirmText)) {
      event.preventDefault();
      return;
    }
    if (!form.matches("form[data-async]")) return;
    event.preventDefault();
    const buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    // getAttribute: an input named "action" would shadow form.action.
    post(form.getAttribute("action"), new FormData(form))
      .catch(function () { /* the toast already says what went wrong */ })
      .finally(function () { buttons.forEach(function (b) { b.disabled = false; }); });
  });

  AIW.post = post;
  AIW.toast = toast;
})();
