"""Cleaning of free text typed on phones, shared by every form and API field.

Control characters, NUL among them, are removed rather than refused, on the pages and the
API alike (the phone's own script posts to the API): they arrive by pasting, not by intent,
and a person should not lose a story to an invisible character. Removing them here, where
every text field comes in, also keeps them out of the database: PostgreSQL refuses NUL in
text. Text that is not Unicode at all (a lone surrogate escaped in JSON) is refused by the
API instead: see api/payloads.py.
"""

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str | None) -> str:
    """Strip surrounding space, control characters and NULs; keep newlines and emoji."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n")
    return _CONTROL.sub("", text).strip()


def clean_line(value: str | None) -> str:
    """A single line: like clean_text, with runs of white space folded to one space."""
    return " ".join(clean_text(value).split())
