"""The workshop a load run plays in, and the final count of what the database holds.

Both talk to the database directly through the app's own models, so the check does not
trust the server it is checking.
"""

import os
import secrets
from contextlib import contextmanager

import psycopg
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

THEMES = ["Owning the whole problem", "Calm under pressure", "Teams that share",
          "Keeping promises", "Listening first", "Small kindnesses"]  # fmt: skip
DOTS_PER_PERSON = 4


def ensure_postgres_database(url: str) -> None:
    """Create the benchmark's own database beside the server's default one."""
    parsed = make_url(url)
    admin = parsed.set(drivername="postgresql", database="postgres")
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (parsed.database,)
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{parsed.database}"')


@contextmanager
def app_context(database_url: str):
    os.environ["DATABASE_URL"] = database_url
    from ai_workshop import create_app

    app = create_app({"LIVE_CHANNEL": "local"})
    with app.app_context():
        yield app
        from ai_workshop.extensions import db

        db.session.remove()
        db.engine.dispose()


def prepare_room(database_url: str, tables: int = 0) -> dict:
    """A facilitator, a workshop in Discovery (at `tables` round tables) and an open dot vote
    on six themes."""
    from ai_workshop.auth.services import create_facilitator
    from ai_workshop.contributions import votes
    from ai_workshop.extensions import db
    from ai_workshop.models import Theme
    from ai_workshop.workshops.services import create_workshop, set_phase
    from ai_workshop.workshops.template_library import DEFAULT_TEMPLATE

    with app_context(database_url):
        email, password = f"load-{secrets.token_hex(4)}@example.com", secrets.token_urlsafe(12)
        facilitator = create_facilitator(email, password, name="Load test")
        workshop = create_workshop(facilitator, DEFAULT_TEMPLATE, name="Load test")
        workshop.table_count = tables
        set_phase(workshop, "discover")
        for position, name in enumerate(THEMES):
            db.session.add(Theme(workshop_id=workshop.id, name=name, position=position))
        db.session.flush()
        vote = votes.open_vote(workshop, "themes", dots=DOTS_PER_PERSON)
        db.session.commit()
        return {
            "code": workshop.code,
            "email": email,
            "password": password,
            "vote_id": vote.id,
            "option_ids": [option.id for option in votes.options_for(workshop, "themes")],
            "strengths": list(workshop.strengths_vocabulary),
        }


def stored(database_url: str, code: str) -> dict:
    """client_id → row count for stories and dreams; (participant, option) → dots."""
    from ai_workshop.extensions import db
    from ai_workshop.models import Dream, RoundTable, Story, Vote, VoteDot, Workshop

    with app_context(database_url):
        workshop_id = db.session.scalar(select(Workshop.id).where(Workshop.code == code))
        counts = {}
        for name, model in (("story", Story), ("dream", Dream)):
            rows = db.session.execute(
                select(model.client_id, func.count())
                .where(model.workshop_id == workshop_id)
                .group_by(model.client_id)
            )
            counts[name] = dict(rows.all())
        dots = db.session.execute(
            select(VoteDot.participant_id, VoteDot.option_id, VoteDot.dots)
            .join(Vote, VoteDot.vote_id == Vote.id)
            .where(Vote.workshop_id == workshop_id)
        )
        counts["dots"] = {(row[0], row[1]): row[2] for row in dots if row[2]}
        harvests = db.session.scalars(
            select(RoundTable).where(RoundTable.workshop_id == workshop_id)
        )
        counts["harvest"] = {
            table.number: table.causes[0]["text"] for table in harvests if table.causes
        }
        return counts


def exactly_once(acknowledged: dict, held: dict) -> dict:
    """Compare what the server acknowledged with what the database holds."""
    report = {}
    for kind in ("story", "dream"):
        acked, rows = acknowledged[kind], held[kind]
        report[kind] = {
            "acknowledged": len(acked),
            "lost": sum(1 for client_id in acked if client_id not in rows),
            "duplicated": sum(1 for count in rows.values() if count > 1),
            "stored_unacknowledged": sum(1 for client_id in rows if client_id not in acked),
        }
    expected, actual = acknowledged["dots"], held["dots"]
    keys = expected.keys() | actual.keys()
    report["dots"] = {
        "acknowledged": sum(expected.values()),
        "mismatched": sum(1 for key in keys if expected.get(key, 0) != actual.get(key, 0)),
    }
    # A host sends one harvest at a time, so the last one acknowledged is the one stored.
    expected, actual = acknowledged.get("harvest", {}), held.get("harvest", {})
    report["harvest"] = {
        "tables": len(expected),
        "mismatched": sum(1 for table, text in expected.items() if actual.get(table) != text),
    }
    return report
