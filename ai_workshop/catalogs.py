"""Compiled catalogs (.mo) built from the translations (.po) where they are missing or older.

`make` builds them with pybabel; the app checks again when it starts (and the tests when
they start), so no page falls back to English for want of a build step.
"""

import os
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parent / "translations"


def compile_stale_catalogs(directory: Path = TRANSLATIONS) -> list[str]:
    """The languages compiled now."""
    compiled = []
    for source in sorted(directory.glob("*/LC_MESSAGES/messages.po")):
        target = source.with_suffix(".mo")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        try:
            with source.open("rb") as file:
                catalog = read_po(file, locale=source.parent.parent.name)
        except (OSError, ValueError):
            continue  # tests/unit/test_catalogs.py names a broken catalog; pages stay up
        partial = target.with_name(f"messages.{os.getpid()}.mo.part")
        try:
            with partial.open("wb") as file:
                write_mo(file, catalog)
            os.replace(partial, target)  # whole or not at all: workers may start together
        except OSError:
            partial.unlink(missing_ok=True)
            continue  # a read-only install keeps what it shipped with
        compiled.append(source.parent.parent.name)
    return compiled
