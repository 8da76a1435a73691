"""Theme board workflows. Each change saves an undo snapshot first and bumps the version."""

from flask_babel import gettext as _
from sqlalchemy import func, select

from ai_workshop.board.snapshots import last_snapshot, restore, save_snapshot
from ai_workshop.board.summaries import refresh_before_commit
from ai_workshop.db.ids import ID_MAX
from ai_workshop.domain_errors import NotFound, ValidationFailed
from ai_workshop.extensions import db
from ai_workshop.live import mark_changed
from ai_workshop.models import Story, Theme, Workshop

NAME_MAX = 80
UNASSIGNED = "unassigned"
PARKING = "parking"


def themes_of(workshop: Workshop) -> list[Theme]:
    return list(
        db.session.scalars(
            select(Theme).where(Theme.workshop_id == workshop.id).order_by(Theme.position, Theme.id)
        )
    )


def theme_of(workshop: Workshop, theme_id: int) -> Theme:
    # The board's move and second-theme forms carry the id as digits of any length.
    theme = db.session.get(Theme, theme_id) if 0 < theme_id <= ID_MAX else None
    if theme is None or theme.workshop_id != workshop.id:
        raise NotFound(_("That theme does not exist any more."))
    return theme


def story_of(workshop: Workshop, story_id: int) -> Story:
    story = db.session.get(Story, story_id)
    if story is None or story.workshop_id != workshop.id:
        raise NotFound(_("That story does not exist."))
    return story


def _clean_name(name: str) -> str:
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise ValidationFailed(_("Give the theme a name."))
    if len(cleaned) > NAME_MAX:
        raise ValidationFailed(_("Keep theme names under %(n)d characters.", n=NAME_MAX))
    return cleaned


def _next_position(workshop: Workshop) -> int:
    highest = db.session.scalar(
        select(func.max(Theme.position)).where(Theme.workshop_id == workshop.id)
    )
    return (highest or 0) + 1


def _changed(workshop: Workshop) -> None:
    mark_changed(workshop)
    refresh_before_commit(workshop)  # the words of unedited summaries follow the board


# ---------- Suggestions: see proposals.py ----------


# ---------- Manual curation ----------


def move_story(workshop: Workshop, story: Story, target: str) -> None:
    """Place a story in a theme, back among the unassigned, or in the parking lot."""
    save_snapshot(workshop, _("Move “%(headline)s”", headline=story.headline[:60]))
    if target == PARKING:
        story.parked, story.theme_id, story.secondary_theme_id = True, None, None
    elif target == UNASSIGNED:
        story.parked, story.theme_id = False, None
    else:
        theme = theme_of(workshop, int(target))
        story.parked, story.theme_id = False, theme.id
        if story.secondary_theme_id == theme.id:
            story.secondary_theme_id = None
    story.theme_locked = target != UNASSIGNED
    _changed(workshop)


def set_secondary(workshop: Workshop, story: Story, theme_id: int | None) -> None:
    save_snapshot(workshop, _("Second theme for “%(headline)s”", headline=story.headline[:60]))
    if theme_id is not None:
        theme = theme_of(workshop, theme_id)
        if theme.id == story.theme_id:
            raise ValidationFailed(_("That is already the story's main theme."))
    story.secondary_theme_id = theme_id
    _changed(workshop)


def create_theme(workshop: Workshop, name: str) -> Theme:
    name = _clean_name(name)
    save_snapshot(workshop, _("New theme “%(name)s”", name=name))
    theme = Theme(
        workshop_id=workshop.id, name=name, origin="manual", position=_next_position(workshop)
    )
    db.session.add(theme)
    db.session.flush()
    _changed(workshop)
    return theme


def rename_theme(workshop: Workshop, theme: Theme, name: str) -> None:
    name = _clean_name(name)
    save_snapshot(workshop, _("Rename “%(name)s”", name=theme.name))
    if name != theme.name:
        theme.name_edited = True  # a new suggestion keeps it, and the name
    theme.name = name
    _changed(workshop)


def set_pinned(workshop: Workshop, theme: Theme, pinned: bool) -> None:
    save_snapshot(
        workshop,
        _("Pin “%(name)s”", name=theme.name) if pinned else _("Unpin “%(name)s”", name=theme.name),
    )
    theme.pinned = pinned
    _changed(workshop)


def delete_theme(workshop: Workshop, theme: Theme) -> None:
    """The theme goes; its stories wait among the unassigned."""
    save_snapshot(workshop, _("Delete “%(name)s”", name=theme.name))
    for story in list(theme.stories):
        story.theme_id, story.theme_locked = None, False
    for story in db.session.scalars(select(Story).where(Story.secondary_theme_id == theme.id)):
        story.secondary_theme_id = None
    db.session.delete(theme)
    _changed(workshop)


def merge_themes(workshop: Workshop, source: Theme, target: Theme) -> None:
    if source.id == target.id:
        raise ValidationFailed(_("Choose another theme to merge into."))
    save_snapshot(workshop, _("Merge “%(a)s” into “%(b)s”", a=source.name, b=target.name))
    for story in list(source.stories):
        # Through the relationship: deleting source must not orphan what just moved.
        story.theme, story.theme_locked = target, True
        if story.secondary_theme_id == target.id:
            story.secondary_theme_id = None
    for story in db.session.scalars(select(Story).where(Story.secondary_theme_id == source.id)):
        story.secondary_theme_id = None if story.theme_id == target.id else target.id
    target.strengths = list(dict.fromkeys(target.strengths + source.strengths))[:3]
    db.session.delete(source)
    _changed(workshop)


def split_theme(workshop: Workshop, stories: list[Story], name: str) -> Theme:
    """Selected stories leave for a new theme of their own."""
    if not stories:
        raise ValidationFailed(_("Select the stories that should form the new theme."))
    name = _clean_name(name)
    save_snapshot(workshop, _("Split into “%(name)s”", name=name))
    theme = Theme(
        workshop_id=workshop.id, name=name, origin="manual", position=_next_position(workshop)
    )
    db.session.add(theme)
    db.session.flush()
    for story in stories:
        story.theme_id, story.theme_locked, story.parked = theme.id, True, False
    _changed(workshop)
    return theme


def undo(workshop: Workshop) -> str | None:
    """Undo the last board change; returns its label, or None when there is nothing to undo."""
    snapshot = last_snapshot(workshop)
    if snapshot is None:
        return None
    label = snapshot.label
    restore(workshop, snapshot)
    _changed(workshop)
    return label


def show_on_projector(workshop: Workshop, shown: bool) -> None:
    workshop.themes_shown = shown
    mark_changed(workshop, stage=True)
