// Drag and drop on the theme board: dropping a card posts the same move as its menu.
(function () {
  "use strict";
  const AIW = (window.AIW = window.AIW || {});
  const csrf = function () {
    const input = document.querySelector('input[name="csrf_token"]');
    return input ? input.value : "";
  };

  function hold(on) {
    if (on) document.body.dataset.liveHold = "1";
    else delete document.body.dataset.liveHold;
  }

  function enableDragging() {
    if (!window.Sortable) return;
    document.querySelectorAll(".column-stories").forEach(function (list) {
      if (list.dataset.sortable) return;
      list.dataset.sortable = "1";
      window.Sortable.create(list, {
        group: "stories",
        animation: 150,
        filter: "input, select, button, summary, label",
        preventOnFilter: false,
        onStart: function () { hold(true); },
        onEnd: function (event) {
          hold(false);
          if (event.from === event.to) return;
          const body = new FormData();
          body.append("csrf_token", csrf());
          body.append("target", event.to.dataset.target);
          AIW.post(event.item.dataset.moveUrl, body).catch(function () {
            if (AIW.live) AIW.live.refresh(); // put the card back where the server has it
          });
        },
      });
    });
  }

  function countSelected() {
    const count = document.querySelectorAll('input[name="story_ids"]:checked').length;
    const label = document.querySelector("[data-selected-count]");
    if (label) label.textContent = count ? "(" + count + ")" : "";
  }

  // Enter in a theme name saves it; the name box wraps long names instead of hiding them.
  document.addEventListener("keydown", function (event) {
    const box = event.target;
    if (event.key !== "Enter" || event.shiftKey || !box.matches("[data-submit-on-enter]")) return;
    event.preventDefault();
    box.form.requestSubmit();
  });

  document.addEventListener("change", function (event) {
    if (event.target.name === "story_ids") countSelected();
  });
  document.addEventListener("live:updated", function () {
    enableDragging();
    countSelected();
  });
  window.addEventListener("load", enableDragging);
  enableDragging();
})();
