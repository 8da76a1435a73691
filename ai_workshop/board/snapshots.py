"""Undo for the theme board: the board's state is saved before each change."""

from sqlalchemy import delete, select

from ai_workshop.extensions import db
from ai_workshop.models import BoardSnapshot, Story, Theme, Workshop

KEEP = 30
THEME_FIELDS = (
    "name",
    "position",
    "pinned",
    "origin",
    "strengths",
    "cohesion",
    "representative_story_id",
    "summary",
    "summary_story_ids",
    "summary_edited",
    "name_edited",
)
# Snapshots saved before a field existed restore it as it was then: at its default.
FIELD_DEFAULTS = {
    "summary": "",
    "summary_story_ids": [],
    "summary_edited": False,
    "name_edited": False,
}


def board_state(workshop: Workshop) -> dict:
    themes = db.session.scalars(select(Theme).where(Theme.workshop_id == workshop.id))
    stories = db.session.scalars(select(Story).where(Story.workshop_id == workshop.id))
    return {
        "themes": [{"id": t.id, **{f: getattr(t, f) for f in THEME_FIELDS}} for t in themes],
        "core_summary": [workshop.core_summary, workshop.core_summary_edited],
        "stories": {
            str(s.id): [s.theme_id, s.secondary_theme_id, s.theme_locked, s.parked] for s in stories
        },
    }


def save_snapshot(workshop: Workshop, label: str) -> None:
    db.session.flush()
    db.session.add(
        BoardSnapshot(workshop_id=workshop.id, label=label[:120], state=board_state(workshop))
    )
    db.session.flush()
    old = db.session.scalars(
        select(BoardSnapshot.id)
        .where(BoardSnapshot.workshop_id == workshop.id)
        .order_by(BoardSnapshot.id.desc())
        .offset(KEEP)
    ).all()
    if old:
        db.session.execute(delete(BoardSnapshot).where(BoardSnapshot.id.in_(old)))


def last_snapshot(workshop: Workshop) -> BoardSnapshot | None:
    return db.session.scalar(
        select(BoardSnapshot)
        .where(BoardSnapshot.workshop_id == workshop.id)
        .order_by(BoardSnapshot.id.desc())
        .limit(1)
    )


def restore(workshop: Workshop, snapshot: BoardSnapshot) -> None:
    """Put themes and story placements back exactly as the snapshot saw them."""
    saved = {entry["id"]: entry for entry in snapshot.state["themes"]}
    current = {
        t.id: t for t in db.session.scalars(select(Theme).where(Theme.workshop_id == workshop.id))
    }
    for theme_id, theme in current.items():
        if theme_id not in saved:
            db.session.delete(theme)
    db.session.flush()
    story_ids = set(db.session.scalars(select(Story.id).where(Story.workshop_id == workshop.id)))
    for theme_id, entry in saved.items():
        theme = current.get(theme_id) or Theme(id=theme_id, workshop_id=workshop.id)
        for field in THEME_FIELDS:
            setattr(theme, field, entry.get(field, FIELD_DEFAULTS.get(field)))
        if theme.representative_story_id not in story_ids:
            theme.representative_story_id = None  # that story was deleted since
        db.session.add(theme)
    db.session.flush()
    if "core_summary" in snapshot.state:
        workshop.core_summary, workshop.core_summary_edited = snapshot.state["core_summary"]
    placements = snapshot.state["stories"]
    for story in db.session.scalars(select(Story).where(Story.workshop_id == workshop.id)):
        if str(story.id) in placements:
            story.theme_id, story.secondary_theme_id, story.theme_locked, story.parked = placements[
                str(story.id)
            ]
    db.session.delete(snapshot)
