"""Dot voting on dreams, themes or propositions, with ties shown as ties."""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import bindparam, func, select

from ai_workshop.clock import utcnow
from ai_workshop.db.insert_once import upsert
from ai_workshop.db.serialize import one_write_at_a_time
from ai_workshop.domain_errors import Conflict, NotAllowedNow, NotFound, ValidationFailed
from ai_workshop.extensions import db
from ai_workshop.live import mark_changed
from ai_workshop.models import Dream, Proposition, Theme, Vote, VoteDot, Workshop
from ai_workshop.models.vote import VOTE_TARGETS

MAX_DOTS = 20


@dataclass
class Option:
    id: int
    label: str


@dataclass
class Tally:
    option: Option
    dots: int
    rank: int
    tied: bool


_OPTIONS = {
    "dreams": select(Dream.id, Dream.text)
    .where(Dream.workshop_id == bindparam("workshop_id"), Dream.hidden.is_(False))
    .order_by(Dream.id),
    "themes": select(Theme.id, Theme.name)
    .where(Theme.workshop_id == bindparam("workshop_id"))
    .order_by(Theme.position, Theme.id),
    "propositions": select(Proposition.id, Proposition.text)
    .join(Theme, Proposition.theme_id == Theme.id)
    .where(
        Proposition.workshop_id == bindparam("workshop_id"),
        Proposition.hidden.is_(False),
        Proposition.merged_into_id.is_(None),
    )
    .order_by(Theme.position, Proposition.id),
}


def options_for(workshop: Workshop, target: str) -> list[Option]:
    """Ids and labels only: voting phones ask for these with every dot and every page."""
    rows = db.session.execute(_OPTIONS[target], {"workshop_id": workshop.id})
    return [Option(row[0], row[1]) for row in rows]


def default_dots(option_count: int) -> int:
    """About a third of the options, at least one: the practitioners' rule of thumb."""
    return max(1, round(option_count / 3))


_CURRENT = (
    select(Vote)
    .where(Vote.workshop_id == bindparam("workshop_id"))
    .order_by(Vote.id.desc())
    .limit(1)
)


def current_vote(workshop: Workshop) -> Vote | None:
    return db.session.scalar(_CURRENT, {"workshop_id": workshop.id})


def open_vote(
    workshop: Workshop,
    target: str,
    dots: int | None = None,
    cap: int | None = None,
    hidden: bool = False,
) -> Vote:
    if target not in VOTE_TARGETS:
        raise ValidationFailed(_("Choose what to vote on."))
    options = options_for(workshop, target)
    if len(options) < 2:
        raise ValidationFailed(_("A vote needs at least two options."))
    for vote in db.session.scalars(
        select(Vote).where(Vote.workshop_id == workshop.id, Vote.is_open.is_(True))
    ):
        vote.is_open, vote.closed_at = False, utcnow()
    dots = dots or default_dots(len(options))
    if not 1 <= dots <= MAX_DOTS or (cap is not None and not 1 <= cap <= dots):
        raise ValidationFailed(
            _("Give each person 1 to %(n)d dots, and a cap no higher than that.", n=MAX_DOTS)
        )
    vote = Vote(
        workshop_id=workshop.id,
        target=target,
        dots_per_person=dots,
        max_per_option=cap,
        revealed=not hidden,
    )
    db.session.add(vote)
    db.session.flush()
    mark_changed(workshop, stage=True)
    return vote


def close_vote(workshop: Workshop, vote: Vote) -> None:
    vote.is_open, vote.closed_at = False, utcnow()
    mark_changed(workshop, stage=True)


def reveal(workshop: Workshop, vote: Vote, shown: bool = True) -> None:
    vote.revealed = shown
    mark_changed(workshop, stage=True)


_MY_DOTS = select(VoteDot.option_id, VoteDot.dots).where(
    VoteDot.vote_id == bindparam("vote_id"), VoteDot.participant_id == bindparam("participant_id")
)


def my_dots(vote: Vote, participant) -> dict[int, int]:
    rows = db.session.execute(_MY_DOTS, {"vote_id": vote.id, "participant_id": participant.id})
    return {option_id: dots for option_id, dots in rows if dots}


def set_dots(
    workshop: Workshop, vote: Vote, participant, option_id: int, dots: int
) -> tuple[dict[int, int], list[Option]]:
    """Put exactly `dots` dots on one option (idempotent).

    Returns all of this person's dots, and the vote's options, which the phone redraws.
    """
    if not vote.is_open:
        raise NotAllowedNow(_("This vote is closed."))
    options = options_for(workshop, vote.target)
    if option_id not in {option.id for option in options}:
        raise NotFound(_("That option is not part of this vote."))
    if dots < 0 or (vote.max_per_option and dots > vote.max_per_option):
        raise ValidationFailed(
            _("At most %(n)d dots on one option.", n=vote.max_per_option or vote.dots_per_person)
        )
    one_write_at_a_time(participant.id)  # the budget must count the dots placed a moment ago
    mine = my_dots(vote, participant)
    if sum(mine.values()) - mine.get(option_id, 0) + dots > vote.dots_per_person:
        raise Conflict(_("You have no dots left. Take one back from another option first."))
    upsert(
        VoteDot,
        {"vote_id": vote.id, "participant_id": participant.id, "option_id": option_id,
         "dots": dots},
        ("vote_id", "participant_id", "option_id"),
        ("dots",),
    )  # fmt: skip
    mark_changed(workshop)
    mine[option_id] = dots
    return {key: value for key, value in mine.items() if value}, options


def tally(workshop: Workshop, vote: Vote) -> list[Tally]:
    """Options by dots, most first; equal dots share a rank and are marked as a tie."""
    counts = dict(
        db.session.execute(
            select(VoteDot.option_id, func.sum(VoteDot.dots))
            .where(VoteDot.vote_id == vote.id)
            .group_by(VoteDot.option_id)
        ).all()
    )
    options = sorted(
        options_for(workshop, vote.target), key=lambda o: (-(counts.get(o.id) or 0), o.id)
    )
    values = [int(counts.get(option.id) or 0) for option in options]
    result = []
    for option, value in zip(options, values, strict=True):
        rank = 1 + sum(1 for other in values if other > value)
        result.append(Tally(option, value, rank, values.count(value) > 1 and value > 0))
    return result


def voters(vote: Vote) -> int:
    return db.session.scalar(
        select(func.count(func.distinct(VoteDot.participant_id))).where(
            VoteDot.vote_id == vote.id, VoteDot.dots > 0
        )
    )
