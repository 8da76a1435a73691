"""Story workflows: idempotent submission, the teller's own edits, moderation."""

from functools import cache

from flask_babel import gettext as _
from sqlalchemy import Integer, bindparam, func, select

from ai_workshop.contributions.once import stored_id
from ai_workshop.db.insert_once import dialect_insert, insert_rows
from ai_workshop.db.serialize import one_write_at_a_time
from ai_workshop.domain_errors import Conflict, Forbidden, NotAllowedNow, NotFound
from ai_workshop.extensions import db
from ai_workshop.live import mark_changed
from ai_workshop.models import Participant, Story, StoryStrength, Workshop
from ai_workshop.stories.fields import COLUMNS, CORRECTABLE, blank_inapplicable

MAX_STORIES_PER_PARTICIPANT = 20


def _check_open(workshop: Workshop) -> None:
    if not workshop.accepts_stories:
        raise NotAllowedNow(
            _("Stories are collected during %(phase)s.", phase=workshop.label_of("discover"))
        )


def submit_story(workshop: Workshop, participant: Participant, fields: dict) -> tuple[int, bool]:
    """Store a story once per client_id; returns (story id, created).

    The hot path of a room under load, so it inserts with single statements rather than
    through the unit of work: a few hundred stories a second share one SQLite writer.
    """
    client_id = fields["client_id"]
    story_id = None
    if workshop.accepts_stories:
        values = {name: fields[name] for name in COLUMNS if name in fields}
        one_write_at_a_time(participant.id)  # the cap's count must see the teller's last story
        story_id = _insert_under_cap(
            {"workshop_id": workshop.id, "participant_id": participant.id, "client_id": client_id}
            | values
        )
    if story_id is None:
        # Already stored (a retry: it gets its story back, never a copy), or refused.
        existing = stored_id(Story, workshop, participant, client_id)
        if existing is not None:
            return existing, False
        _check_open(workshop)
        raise Conflict(
            _(
                "You have shared %(n)d stories, the most one person can.",
                n=MAX_STORIES_PER_PARTICIPANT,
            )
        )
    names = fields.get("strengths") or []
    if names:
        known = set(workshop.strengths_vocabulary)
        insert_rows(
            StoryStrength,
            [{"story_id": story_id, "name": name, "from_vocabulary": name in known,
              "position": index} for index, name in enumerate(names)],
        )  # fmt: skip
    mark_changed(workshop, arrival=True)
    return story_id, True


def _insert_under_cap(values: dict) -> int | None:
    """The new story's id; None when this client_id is stored already or the teller has
    reached the cap. One statement: the count rides along with the insert."""
    connection = db.session.connection()
    statement = _insert_under_cap_statement(tuple(values), connection.dialect.name)
    return connection.execute(statement, values | {"cap": MAX_STORIES_PER_PARTICIPANT}).scalar()


@cache
def _insert_under_cap_statement(columns: tuple[str, ...], dialect: str):
    table = Story.__table__
    params = {name: bindparam(name, type_=table.c[name].type) for name in columns}
    stories_told = (
        select(func.count(Story.id))
        .where(Story.participant_id == params["participant_id"])
        .scalar_subquery()
    )
    row = select(*params.values()).where(stories_told < bindparam("cap", type_=Integer))
    return (
        dialect_insert(dialect)(Story)
        .from_select(list(columns), row)
        .on_conflict_do_nothing(index_elements=["workshop_id", "client_id"])
        .returning(Story.id)
    )


def _apply(story: Story, fields: dict, workshop: Workshop) -> None:
    for name in COLUMNS:
        if name in fields:
            setattr(story, name, fields[name])
    if "strengths" in fields:
        story.set_strengths(fields["strengths"], workshop.strengths_vocabulary)


def own_story(participant: Participant, story_id: int) -> Story:
    story = db.session.get(Story, story_id)
    if story is None or story.workshop_id != participant.workshop_id:
        raise NotFound(_("That story does not exist."))
    if story.participant_id != participant.id:
        raise Forbidden(_("You can only change your own stories."))
    return story


def update_own_story(participant: Participant, story: Story, fields: dict) -> None:
    _check_open(story.workshop)
    fields = {key: value for key, value in fields.items() if key != "client_id"}
    _apply(story, fields, story.workshop)
    mark_changed(story.workshop)


def delete_own_story(participant: Participant, story: Story) -> None:
    """The teller's own delete is honoured: the story is removed, not hidden."""
    _check_open(story.workshop)
    workshop = story.workshop
    db.session.delete(story)
    mark_changed(workshop)


_OWN_STORIES = (
    select(Story)
    .where(Story.participant_id == bindparam("participant_id"))
    .order_by(Story.created_at.desc(), Story.id.desc())
)


def own_stories(participant: Participant) -> list[Story]:
    return list(db.session.scalars(_OWN_STORIES, {"participant_id": participant.id}))


# Moderation by the facilitator: nothing is deleted, everything can be undone.


def set_hidden(story: Story, hidden: bool) -> None:
    story.hidden = hidden
    mark_changed(story.workshop)


def set_parked(story: Story, parked: bool) -> None:
    story.parked = parked
    mark_changed(story.workshop)


def correct_text(story: Story, fields: dict) -> None:
    """Fix a typo; the teller's consent and strengths stay theirs."""
    fields = blank_inapplicable(fields, story)
    for name in CORRECTABLE:
        if fields.get(name) is not None:
            setattr(story, name, fields[name])
    story.edited_by_facilitator = True
    mark_changed(story.workshop)
