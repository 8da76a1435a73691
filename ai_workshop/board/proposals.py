"""Suggest again without losing curation: plan what a new suggestion would change, show the
plan, and apply it only as it was shown.

`propose()` writes nothing on the board (it may store story vectors it had to compute). It
clusters every story on the board, so the engine sees the whole room, then matches each new
cluster one to one to the theme it mostly repeats, so that an unchanged grouping keeps its
theme and the plan stays small. What the facilitator shaped stays as it is:

- a curated theme (pinned, made by hand, renamed, its summary edited, or holding a story
  placed by hand) keeps every story it holds; a cluster it matches may add free stories,
  except to a pinned theme, which takes none;
- a story placed by hand never moves;
- a story's second theme stays while that theme stays and differs from its main theme; the
  engine's second themes only fill empty ones;
- a suggested theme nobody edited keeps its id and name when a cluster matches it, and is
  removed when none does: its stories go where their clusters go.

When the engine declines (too few stories) the proposal says so and nothing changes. The
engine is deterministic, so nothing is stored between the preview and Apply: Apply computes
the proposal again and applies it only if its fingerprint is the one the preview showed.
"""

import hashlib
import json

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from ai_workshop.board.embeddings import story_input, unembedded, vectors_for
from ai_workshop.board.planner import Planner
from ai_workshop.board.proposed import NewTheme, Proposal, Ref, changes_in_words, summary
from ai_workshop.board.services import _changed, _next_position, themes_of
from ai_workshop.board.snapshots import board_state, save_snapshot
from ai_workshop.domain_errors import Conflict, ValidationFailed
from ai_workshop.extensions import db
from ai_workshop.models import Story, Theme, Workshop
from ai_workshop.themes import suggest_themes
from ai_workshop.themes.embedders import STATIC, available_engines, resolve_engine
from ai_workshop.themes.engine import MIN_STORIES

__all__ = ["StalePreview", "apply", "apply_previewed", "propose", "suggest", "summary"]


class StalePreview(Conflict):
    """Apply was pressed on a preview the board no longer matches; carries the new one."""

    def __init__(self, proposal: Proposal, message: str | None = None):
        super().__init__(message or _("The board changed since the preview — here is the new one."))
        self.proposal = proposal


def _board_stories(workshop: Workshop) -> list[Story]:
    """The stories a suggestion groups: all but the parking lot's."""
    return list(
        db.session.scalars(
            select(Story)
            .where(Story.workshop_id == workshop.id, Story.parked.is_(False))
            .order_by(Story.id)
        )
    )


def _fingerprint(workshop: Workshop, proposal: Proposal) -> str:
    state = board_state(workshop)
    state["themes"] = sorted(state["themes"], key=lambda entry: entry["id"])
    plan = {
        "k": proposal.k,
        "refused": proposal.refused,
        "placements": {str(key): value for key, value in proposal.placements.items()},
        "new": [
            [new.key, new.name, new.strengths, new.story_ids, new.representative_id]
            for new in proposal.new_themes
        ],
        "removed": [removal.theme_id for removal in proposal.removed],
        "updates": {str(key): value for key, value in proposal.updates.items()},
    }
    text = json.dumps([state, plan], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _engine_for(stories: list[Story], requested: str | None, language: str) -> tuple[str, int]:
    """(engine, stories it has not read): the configured engine, unless too many stories
    arrived since the background embedder last ran; then the static one, which needs no
    stored vectors. An engine named by the caller (Apply repeats its preview's) is used as is."""
    if requested in available_engines():
        return requested, 0
    engine = resolve_engine(current_app.config.get("THEMES_ENGINE"), language)
    if engine == STATIC or len(stories) < MIN_STORIES:
        return engine, 0
    unread = unembedded(stories, engine)
    if unread > current_app.config.get("THEMES_INLINE_STORIES", 24):
        return STATIC, unread
    return engine, 0


def propose(workshop: Workshop, k: int | None = None, engine: str | None = None) -> Proposal:
    """What suggesting themes again would change on this board. Writes nothing on it."""
    proposal = Proposal(k=k)
    themes = themes_of(workshop)
    stories = _board_stories(workshop)
    engine, proposal.unread = _engine_for(stories, engine, workshop.language)
    proposal.engine = engine
    proposal.story_count = len(stories)
    result = suggest_themes(
        [story_input(story) for story in stories],
        k=k,
        engine=engine,
        vocabulary=workshop.strengths_vocabulary,
        vectors=vectors_for(stories, engine) if len(stories) >= MIN_STORIES else None,
    )
    if result.too_few or not result.themes:
        proposal.refused = True
        proposal.message = _(
            "%(n)d stories are too few to suggest themes: group them by hand. "
            "Nothing on the board changed.",
            n=len(stories),
        )
        proposal.fingerprint = _fingerprint(workshop, proposal)
        return proposal
    Planner(proposal, themes, stories, result.themes).plan()
    proposal.fingerprint = _fingerprint(workshop, proposal)
    return proposal


def _create(workshop: Workshop, new_themes: list[NewTheme]) -> dict[str, int]:
    created = {}
    position = _next_position(workshop)
    for offset, new in enumerate(new_themes):
        theme = Theme(
            workshop_id=workshop.id,
            name=new.name,
            position=position + offset,
            origin="suggested",
            strengths=new.strengths,
            cohesion=new.cohesion,
            representative_story_id=new.representative_id,
        )
        db.session.add(theme)
        db.session.flush()
        created[new.key] = theme.id
    return created


def _remove(workshop: Workshop, theme_ids: list[int]) -> None:
    """Themes whose stories have all gone elsewhere (the proposal moved them first)."""
    if not theme_ids:
        return
    for story in db.session.scalars(
        select(Story).where(
            Story.workshop_id == workshop.id, Story.secondary_theme_id.in_(theme_ids)
        )
    ):
        story.secondary_theme_id = None
    for theme_id in theme_ids:
        theme = db.session.get(Theme, theme_id)
        db.session.expire(theme, ["stories"])  # load what is left in it now: nothing
        db.session.delete(theme)


def apply(workshop: Workshop, proposal: Proposal) -> str:
    """Make the board what the proposal says, after an undo snapshot; returns the message."""
    if proposal.refused:
        raise ValidationFailed(proposal.message)
    if not proposal.changed:
        return _("The suggestion matches the board: nothing to change.")
    first = not themes_of(workshop)
    save_snapshot(workshop, _("Suggest themes"))
    created = _create(workshop, proposal.new_themes)

    def resolve(ref: Ref) -> int | None:
        if ref is None:
            return None
        return created[ref] if ref.startswith("n") else int(ref[1:])

    for story_id, (main, second) in proposal.placements.items():
        story = db.session.get(Story, story_id)
        story.theme_id, story.secondary_theme_id = resolve(main), resolve(second)
    for theme_id, fields in proposal.updates.items():
        theme = db.session.get(Theme, theme_id)
        for name, value in fields.items():
            setattr(theme, name, value)
    db.session.flush()
    _remove(workshop, [removal.theme_id for removal in proposal.removed])
    _changed(workshop)
    if first and proposal.unread:
        return _(
            "%(n)d themes suggested from %(m)d stories. %(unread)d stories were still being "
            "read by the language model, so the quick engine grouped them: suggest again in "
            "a minute for the closer grouping.",
            n=len(proposal.new_themes),
            m=proposal.story_count,
            unread=proposal.unread,
        )
    if first:
        return _(
            "%(n)d themes suggested from %(m)d stories.",
            n=len(proposal.new_themes),
            m=proposal.story_count,
        )
    return _("Suggestion applied: %(what)s.", what=changes_in_words(proposal))


def suggest(workshop: Workshop, k: int | None = None, engine: str | None = None) -> str:
    """Suggest and apply at once (an empty board, the demo); returns the message."""
    proposal = propose(workshop, k=k, engine=engine)
    if proposal.refused:
        return proposal.message
    return apply(workshop, proposal)


def apply_previewed(
    workshop: Workshop, k: int | None, fingerprint: str, engine: str | None = None
) -> str:
    """Apply the proposal the facilitator saw, if the board and the suggestion still match."""
    proposal = propose(workshop, k=k, engine=engine)
    if proposal.fingerprint == fingerprint:
        return apply(workshop, proposal)
    if proposal.refused:
        raise StalePreview(proposal, proposal.message)
    if not proposal.changed:
        raise StalePreview(
            proposal,
            _("The board changed since the preview; a new suggestion would change nothing now."),
        )
    raise StalePreview(proposal)
