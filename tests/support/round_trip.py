"""An export imported into a fresh database of its own, and exported again from there."""

import json

from ai_workshop import create_app
from ai_workshop.extensions import db
from ai_workshop.workshops.exports import workshop_data
from ai_workshop.workshops.importer import import_workshop

from ..conftest import config_for_tests
from ..factories import Factories


def exported_again_elsewhere(original: dict, tmp_path) -> dict:
    """`original` (as JSON would carry it) imported into a new SQLite app, then exported."""
    other = create_app(config_for_tests(f"sqlite:///{tmp_path / 'restored.sqlite3'}"))
    with other.app_context():
        db.create_all()
        owner = Factories().facilitator(email=original["facilitator"])
        restored = import_workshop(json.loads(json.dumps(original)), owner)
        db.session.commit()
        again = workshop_data(restored)
        db.session.remove()
        db.engine.dispose()
    return again
