// While someone writes a story, a calm note under a field that seems to hold a customer's
// phone number, e-mail address or account/card number. It never blocks sending.
//
// The rules mirror ai_workshop/stories/personal_data.py, which explains them; the
// regular expressions are the same. Where they differ: no lookbehind here (older phone
// browsers lack it), so the character before a match is checked by hand, as the server
// does too; the server's \w in e-mail addresses is written [\p{L}\p{N}_] here.
(function () {
  "use strict";
  const EMAIL_RE = /[\p{L}\p{N}_][\p{L}\p{N}_.%+'-]{0,63}@[\p{L}\p{N}_-]{1,63}(?:\.[\p{L}\p{N}_-]{1,63})*\.\p{L}{2,}/gu;
  const IBAN_RE = /[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?(?![A-Za-z0-9])/g;
  const DATE_RE = /\d{4}-\d{1,2}-\d{1,2}(?![\d-])|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?![\d-])/g;
  const MONEY_RE = /[£$€¥] ?\d[\d,.]*|\d[\d,.]{0,30} ?[£$€¥%]|(?:EUR|USD|GBP|CHF) ?\d[\d,.]*/g;
  const NUMBER_RE = /(?:\+ ?\d+(?:[ -]\d(?=[ -]))?|\(\d{1,5}\) ?\d{2,}|\d+)(?:[ -]\d{2,}|[ -]?\(\d{1,5}\) ?\d{2,})*/g;
  const BLANK = "_";
  const NUMBER_MIN_DIGITS = 8;
  const PHONE_MAX_DIGITS = 15;

  function isDigit(char) { return char >= "0" && char <= "9"; }

  function ibanChecksOut(candidate) {
    const compact = candidate.replace(/ /g, "").toUpperCase();
    if (compact.length < 15 || compact.length > 34) return false;
    const moved = compact.slice(4) + compact.slice(0, 4);
    let remainder = 0;
    for (const char of moved) {
      const value = String(parseInt(char, 36));
      for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
    }
    return remainder === 1;
  }

  function luhnChecksOut(digits) {
    let total = 0;
    for (let index = 0; index < digits.length; index += 1) {
      let value = Number(digits[digits.length - 1 - index]) * (index % 2 ? 2 : 1);
      total += value > 9 ? value - 9 : value;
    }
    return total % 10 === 0;
  }

  function continuesANumber(text, index, step) {
    if (index < 0 || index >= text.length) return false;
    const char = text[index];
    if (isDigit(char) || char === BLANK) return true;
    const beyond = text[index + step];
    return ".,:/".indexOf(char) >= 0 && beyond !== undefined && isDigit(beyond);
  }

  function isYear(group) { return group.length === 4 && (group.startsWith("19") || group.startsWith("20")); }

  function isClock(group) {
    return group.length === 4 && Number(group.slice(0, 2)) < 24 && Number(group.slice(2)) < 60;
  }

  function isQuantity(run, groups) {
    return run.indexOf("-") < 0 && groups[0].length <= 3 && !groups[0].startsWith("0") &&
      groups.slice(1).every(function (group) { return group.length === 3; });
  }

  function dialled(digits) {
    if (digits.startsWith("00")) return digits[2] !== "0" && digits.length >= 10 && digits.length <= PHONE_MAX_DIGITS;
    return digits.startsWith("0") && digits[1] !== "0" && digits.length >= 10 && digits.length <= 11;
  }

  function numberKind(run) {
    const digits = run.replace(/[^0-9]/g, "");
    if (digits.length < NUMBER_MIN_DIGITS) return null;
    const tooLong = digits.length > PHONE_MAX_DIGITS;
    if (run.startsWith("+") || run.indexOf("(") >= 0) return tooLong ? "account" : "phone";
    if (digits.length >= 13 && digits.length <= 19 && luhnChecksOut(digits)) return "account";
    const groups = run.split(/[ -]+/).filter(Boolean);
    if (groups.length === 1) return dialled(digits) ? "phone" : "account";
    if (groups.every(isYear) || isQuantity(run, groups)) return null;
    if (groups.length === 2 && groups.every(isClock)) return null;
    return tooLong ? "account" : "phone";
  }

  function blank(text, start, end) {
    return text.slice(0, start) + BLANK.repeat(end - start) + text.slice(end);
  }

  function matches(re, text) {
    re.lastIndex = 0;
    return Array.from(text.matchAll(re));
  }

  // [{kind, start, end}] in order of position; kinds are "phone", "email", "account".
  function findPersonalData(text) {
    const found = [];
    let working = text || "";
    function take(kind, start, end) {
      found.push({ kind: kind, start: start, end: end });
      working = blank(working, start, end);
    }
    if (working.indexOf("@") >= 0) {
      matches(EMAIL_RE, working).forEach(function (m) { take("email", m.index, m.index + m[0].length); });
    }
    if (!/[0-9]/.test(working)) return found;
    matches(IBAN_RE, working).forEach(function (m) {
      if (m.index && /[A-Za-z0-9]/.test(working[m.index - 1])) return;
      const parts = m[0].split(" ");
      for (let count = parts.length; count > 0; count -= 1) {
        const candidate = parts.slice(0, count).join(" ");
        if (ibanChecksOut(candidate)) { take("account", m.index, m.index + candidate.length); break; }
      }
    });
    matches(DATE_RE, working).forEach(function (m) {
      const before = working[m.index - 1];
      if (!m.index || (!isDigit(before) && before !== "-")) working = blank(working, m.index, m.index + m[0].length);
    });
    matches(MONEY_RE, working).forEach(function (m) { working = blank(working, m.index, m.index + m[0].length); });
    matches(NUMBER_RE, working).forEach(function (m) {
      const start = m.index;
      const end = start + m[0].length;
      if (continuesANumber(working, start - 1, -1) || continuesANumber(working, end, 1)) return;
      const kind = numberKind(m[0]);
      if (kind) found.push({ kind: kind, start: start, end: end });
    });
    return found.sort(function (a, b) { return a.start - b.start; });
  }

  // ---------- The note under each text field of the story form ----------

  const form = document.querySelector("[data-story-form]");
  if (!form) return;
  const FIELDS = JSON.parse(form.dataset.fields).texts; // every free-text field of the story
  const MESSAGES = {
    phone: form.dataset.msgPersonalPhone,
    email: form.dataset.msgPersonalEmail,
    account: form.dataset.msgPersonalAccount,
  };

  function noteFor(input) {
    const id = input.id + "-personal";
    let note = document.getElementById(id);
    if (!note) {
      note = document.createElement("p");
      note.id = id;
      note.className = "personal-note";
      note.setAttribute("aria-live", "polite");
      note.hidden = true;
      input.insertAdjacentElement("afterend", note);
    }
    return note;
  }

  function describe(input, id, on) {
    const ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (x) {
      return x && x !== id;
    });
    if (on) ids.push(id);
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  }

  function check(input) {
    const note = noteFor(input);
    const found = findPersonalData(input.value);
    const message = found.length ? MESSAGES[found[0].kind] : "";
    if (note.textContent !== message) note.textContent = message;
    note.hidden = !message;
    describe(input, note.id, Boolean(message));
  }

  const inputs = FIELDS.map(function (name) { return form.elements[name]; }).filter(Boolean);
  inputs.forEach(function (input) {
    input.addEventListener("input", function () { check(input); });
    check(input); // a restored draft, or a story being edited
  });

  window.AIW = window.AIW || {};
  window.AIW.findPersonalData = findPersonalData;
})();
