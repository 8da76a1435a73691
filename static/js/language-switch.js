// The language switch sends itself when a language is picked; its button stays for
// browsers without scripts.
(function () {
  document.querySelectorAll("[data-language-switch]").forEach(function (form) {
    const select = form.querySelector("select");
    const go = form.querySelector("[data-language-go]");
    if (go) go.hidden = true;
    select.addEventListener("change", function () { form.submit(); });
  });
})();
