"""Cleaning of free text typed on phones, shared by every form and API field."""

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
