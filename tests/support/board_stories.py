"""A workshop filled with sixteen of the bench's stories, for the browser tests that need a
board worth grouping."""

import json
from pathlib import Path

from ai_workshop.extensions import db
from ai_workshop.stories.importer import import_stories
from ai_workshop.workshops.services import find_workshop, set_phase

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "ai_stories.json"


def fill_workshop(app, code: str, count: int = 16) -> None:
    rows = json.loads(DATA.read_text())["stories"][:count]
    for row in rows:
        row.update(consent="anonymous", whose="mine", wish="")
    with app.app_context():
        workshop = find_workshop(code)
        set_phase(workshop, "discover")
        import_stories(workshop, rows)
        db.session.commit()
        db.session.remove()
