"""Stories from a file: JSON (a list of objects) or CSV with the same columns.

The columns are the story's fields under their names in the field table (fields.py):
headline, story, made_possible, strengths (CSV: separated by ';'), and for imports
optionally wish, whose, consent.
"""

import csv
import json
from pathlib import Path

from ai_workshop.stories.fields import CHOICE, STORY_FIELDS, STRENGTHS, TEXT, StoryField
from ai_workshop.text import clean_line, clean_text

MAX_ROWS = 10_000
# A story typed in from paper is not quoted unless its row says so.
PAPER_DEFAULTS = {"consent": "private"}


class StoryFileError(ValueError):
    """The file cannot be read as stories; the message says what to fix."""


def _strengths(value) -> list[str]:
    if isinstance(value, list):
        return [clean_line(str(item)) for item in value if clean_line(str(item))]
    return [clean_line(part) for part in str(value or "").split(";") if clean_line(part)]


def _value(field: StoryField, raw):
    if field.kind == STRENGTHS:
        return _strengths(raw)
    if field.kind == TEXT:
        return clean_text(raw)
    if field.kind == CHOICE:
        return clean_line(raw) or PAPER_DEFAULTS.get(field.name, field.default)
    return clean_line(raw)


def _row(raw: dict, number: int) -> dict:
    if not isinstance(raw, dict):
        raise StoryFileError(f"Item {number} is not an object with story fields.")
    row = {field.name: _value(field, raw.get(field.name)) for field in STORY_FIELDS}
    if not row["headline"] and not row["story"]:
        raise StoryFileError(f"Story {number} has neither a headline nor a story.")
    return row


def _raw_rows(path: Path) -> list:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json" or text.lstrip().startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise StoryFileError(f"Not valid JSON: {error.msg} (line {error.lineno}).") from error
        if isinstance(data, dict) and isinstance(data.get("stories"), list):
            data = data["stories"]  # also accept {"stories": [...]}, as an export holds them
        if not isinstance(data, list):
            raise StoryFileError("The JSON file must hold a list of stories.")
        return data
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or not {"headline", "story"} & set(reader.fieldnames):
        raise StoryFileError("The CSV needs a header row with at least headline or story.")
    return list(reader)


def read_story_file(path: str | Path) -> list[dict]:
    path = Path(path)
    try:
        raw = _raw_rows(path)
    except (OSError, UnicodeDecodeError) as error:
        raise StoryFileError(f"Cannot read {path.name}: {error}") from error
    if len(raw) > MAX_ROWS:
        raise StoryFileError(f"At most {MAX_ROWS} stories per file.")
    return [_row(item, number) for number, item in enumerate(raw, start=1)]
