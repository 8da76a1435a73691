"""Personal details in story text: e-mail addresses, phone numbers, account and card numbers.

Customer-service stories easily carry a customer's details. This finds what looks like
them, so the phone can warn while someone types and the facilitator can mask them. It errs
towards leaving ordinary story text alone: years, dates, times, money, percentages, counts
and version numbers are never flagged, at the price of missing a few unusual shapes: a
number grouped like a quantity ("612 345 678"), one written with dots ("555.123.4567"),
and digits other than 0-9.

static/js/personal-data.js mirrors these rules for the warning on the phone.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

PHONE, EMAIL, ACCOUNT = "phone", "email", "account"
KINDS = (PHONE, EMAIL, ACCOUNT)

# Bounded repeats (an address's parts have limits anyway) keep a long word or a long run
# of digits from costing time quadratic in its length.
EMAIL_RE = re.compile(r"\w[\w.%+'-]{0,63}@[\w-]{1,63}(?:\.[\w-]{1,63})*\.[^\W\d_]{2,}")
# Numbers use ASCII digits only (re.ASCII), like the browser's regular expressions.
IBAN_RE = re.compile(
    r"[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?(?![A-Za-z0-9])", re.ASCII
)
ALPHANUMERIC_RE = re.compile(r"[A-Za-z0-9]")
# Dates and amounts are blanked out before numbers are looked for: "2025-03-12" and
# "€12345678" have the digits of a phone or account number but are neither.
DATE_RE = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?![\d-])|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?![\d-])", re.ASCII
)
MONEY_RE = re.compile(
    r"[£$€¥] ?\d[\d,.]*|\d[\d,.]{0,30} ?[£$€¥%]|(?:EUR|USD|GBP|CHF) ?\d[\d,.]*", re.ASCII
)
# A run of digits as people write phone and account numbers: an optional +country code
# (with one single digit after it, as in +33 6 12 34 56 78), an area code in brackets,
# then groups joined by one space or dash. Groups after the first have two digits or more,
# so "call 020 7946 0958 3 times" ends at 0958.
NUMBER_RE = re.compile(
    r"(?:\+ ?\d+(?:[ -]\d(?=[ -]))?|\(\d{1,5}\) ?\d{2,}|\d+)"
    r"(?:[ -]\d{2,}|[ -]?\(\d{1,5}\) ?\d{2,})*",
    re.ASCII,
)
DIGIT_RE = re.compile(r"[0-9]")
BLANK = "_"
DIGITS = "0123456789"
NUMBER_MIN_DIGITS = 8
PHONE_MAX_DIGITS = 15  # the longest international number (E.164)


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str


def iban_checks_out(candidate: str) -> bool:
    """The ISO 13616 check: country and check digits moved to the end, mod 97 is 1."""
    compact = candidate.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34:
        return False
    digits = "".join(str(int(char, 36)) for char in compact[4:] + compact[:4])
    return int(digits) % 97 == 1


def luhn_checks_out(digits: str) -> bool:
    """The card-number checksum: every second digit from the right doubled."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _continues_a_number(text: str, index: int, step: int) -> bool:
    """Whether the character at index, just outside a run, makes the run part of something
    bigger: a digit, a blanked date or amount, or a point, comma, colon or slash followed
    by a digit (3.14159265, 1,250, 14:30, 24/7)."""
    if not 0 <= index < len(text):
        return False
    char = text[index]
    if char in DIGITS or char == BLANK:
        return True
    beyond = index + step
    return char in ".,:/" and 0 <= beyond < len(text) and text[beyond] in DIGITS


def _is_year(group: str) -> bool:
    return len(group) == 4 and group[:2] in ("19", "20")


def _is_clock(group: str) -> bool:
    """0800 or 1730, as in "our 0800-2000 shift"."""
    return len(group) == 4 and int(group[:2]) < 24 and int(group[2:]) < 60


def _is_quantity(run: str, groups: list[str]) -> bool:
    """12 000 000: thousands set apart by spaces."""
    return (
        "-" not in run
        and len(groups[0]) <= 3
        and not groups[0].startswith("0")
        and all(len(group) == 3 for group in groups[1:])
    )


def _dialled(digits: str) -> bool:
    """Unbroken digits that start like a dialled number: 02079460958, 00442079460958."""
    if digits.startswith("00"):
        return digits[2:3] != "0" and 10 <= len(digits) <= PHONE_MAX_DIGITS
    return digits.startswith("0") and digits[1:2] != "0" and 10 <= len(digits) <= 11


def number_kind(run: str) -> str | None:
    """PHONE, ACCOUNT or None (ordinary text) for one run of digit groups."""
    digits = "".join(char for char in run if char in DIGITS)
    if len(digits) < NUMBER_MIN_DIGITS:
        return None
    if run.startswith("+") or "(" in run:
        return PHONE if len(digits) <= PHONE_MAX_DIGITS else ACCOUNT
    if 13 <= len(digits) <= 19 and luhn_checks_out(digits):
        return ACCOUNT  # a card number
    groups = [group for group in re.split(r"[ -]+", run) if group]
    if len(groups) == 1:
        return PHONE if _dialled(digits) else ACCOUNT
    if all(_is_year(group) for group in groups) or _is_quantity(run, groups):
        return None
    if len(groups) == 2 and all(_is_clock(group) for group in groups):
        return None
    return PHONE if len(digits) <= PHONE_MAX_DIGITS else ACCOUNT


def _emails(text: str):
    for match in EMAIL_RE.finditer(text):
        yield Finding(EMAIL, match.start(), match.end(), match.group())


def _ibans(text: str):
    for match in IBAN_RE.finditer(text):
        start = match.start()
        if start and ALPHANUMERIC_RE.match(text[start - 1]):
            continue
        # A short word after the IBAN may have been taken for its last group.
        parts = match.group().split(" ")
        for count in range(len(parts), 0, -1):
            candidate = " ".join(parts[:count])
            if iban_checks_out(candidate):
                yield Finding(ACCOUNT, start, start + len(candidate), candidate)
                break


def _numbers(text: str):
    for match in NUMBER_RE.finditer(text):
        start, end = match.span()
        if _continues_a_number(text, start - 1, -1) or _continues_a_number(text, end, 1):
            continue
        kind = number_kind(match.group())
        if kind:
            yield Finding(kind, start, end, match.group())


def _blank(text: str, start: int, end: int) -> str:
    """Same length, so positions found later still point into the original text."""
    return text[:start] + BLANK * (end - start) + text[end:]


def _taken(found: list[Finding], findings: list[Finding], text: str) -> str:
    """Add findings to found; the text with them blanked, so no later finder sees them."""
    for finding in findings:
        found.append(finding)
        text = _blank(text, finding.start, finding.end)
    return text


def _blank_ordinary_numbers(text: str) -> str:
    for match in DATE_RE.finditer(text):
        # Not the tail of a longer run such as the French phone number 01-23-45-67-89.
        if not match.start() or text[match.start() - 1] not in DIGITS + "-":
            text = _blank(text, *match.span())
    for match in MONEY_RE.finditer(text):
        text = _blank(text, *match.span())
    return text


@lru_cache(maxsize=2048)
def find_personal_data(text: str) -> tuple[Finding, ...]:
    """Everything in text that looks like personal data, in order of position.

    Cached: the console checks the same stories again at every redraw.
    """
    found, working = [], text
    if "@" in working:
        working = _taken(found, list(_emails(working)), working)
    if DIGIT_RE.search(working):
        working = _taken(found, list(_ibans(working)), working)
        found.extend(_numbers(_blank_ordinary_numbers(working)))
    return tuple(sorted(found, key=lambda finding: finding.start))


def kinds_found(text: str) -> list[str]:
    """The kinds of personal data in text, in the order of KINDS."""
    present = {finding.kind for finding in find_personal_data(text)}
    return [kind for kind in KINDS if kind in present]


def mask(text: str, placeholders: dict[str, str]) -> tuple[str, int]:
    """The text with each finding replaced by its kind's placeholder, and how many."""
    findings = find_personal_data(text)
    for finding in reversed(findings):
        text = text[: finding.start] + placeholders[finding.kind] + text[finding.end :]
    return text, len(findings)
