"""Everything the action plan says, gathered once for the page, the PDF and the exports.

Consent is applied here, so no template can quote what a teller did not allow.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from ai_workshop.board.queries import theme_cards
from ai_workshop.contributions import design, destiny, dreams, votes
from ai_workshop.extensions import db
from ai_workshop.models import Plan, Story, Vote, Workshop
from ai_workshop.stories.queries import strengths_cloud
from ai_workshop.workshops.summary import session_numbers

FOLLOW_UP_DAYS = (30, 60, 90)


@dataclass
class Quote:
    text: str
    by: str | None


@dataclass
class ThemeEntry:
    name: str
    count: int
    strengths: list[str]
    quotes: list[Quote]
    votes: int | None


@dataclass
class PlanContent:
    workshop: Workshop
    plan: Plan
    session_date: date
    facilitator: str
    numbers: dict
    themes: list[ThemeEntry]
    dreams: list[tuple[str, int | None]]
    dream_votes: bool
    propositions: list[tuple[str, list[tuple[str, int | None]]]]
    actions: list
    owners: int
    commitments: dict[str, list[Quote]]
    measures: list[dict]
    followups: list[tuple[str, date]]
    stories: list[Quote]
    wishes: list[str]
    parking_lot: list[Quote] = field(default_factory=list)
    strengths: list[dict] = field(default_factory=list)

    @property
    def next_check_in(self) -> tuple[str, date] | None:
        upcoming = [item for item in self.followups if item[1] >= date.today()]
        return (upcoming or self.followups or [None])[0]


def plan_for(workshop: Workshop) -> Plan:
    """The workshop's plan record, created with 30/60/90-day check-ins on first use."""
    plan = db.session.scalar(select(Plan).where(Plan.workshop_id == workshop.id))
    if plan is None:
        start = workshop.created_at.date()
        plan = Plan(
            workshop_id=workshop.id,
            summary="",
            keep="",
            measures_note="",
            followups=[
                {
                    "label": f"{days}-day check-in",
                    "date": (start + timedelta(days=days)).isoformat(),
                }
                for days in FOLLOW_UP_DAYS
            ],
        )
        db.session.add(plan)
        db.session.flush()
    return plan


def _quote(story: Story) -> Quote:
    return Quote(text=story.headline, by=story.attribution)


def _latest_tally(workshop: Workshop, target: str) -> dict[int, int]:
    vote = db.session.scalar(
        select(Vote)
        .where(Vote.workshop_id == workshop.id, Vote.target == target)
        .order_by(Vote.id.desc())
        .limit(1)
    )
    return {} if vote is None else {row.option.id: row.dots for row in votes.tally(workshop, vote)}


def _themes(workshop: Workshop) -> list[ThemeEntry]:
    tally = _latest_tally(workshop, "themes")
    entries = []
    for card in theme_cards(workshop):
        quotable = [s for s in card.stories if s.quotable and not s.hidden][:2]
        entries.append(
            ThemeEntry(
                name=card.theme.name,
                count=len(card.stories),
                strengths=card.strengths,
                quotes=[_quote(s) for s in quotable],
                votes=tally.get(card.theme.id) if tally else None,
            )
        )
    if tally:
        entries.sort(key=lambda entry: -(entry.votes or 0))
    return entries


def _propositions(workshop: Workshop) -> list[tuple[str, list[tuple[str, int | None]]]]:
    tally = _latest_tally(workshop, "propositions")
    visible = design.propositions_of(workshop, visible_only=True)
    grouped = []
    for theme in dreams.chosen_themes(workshop):
        items = [
            (p.text, tally.get(p.id) if tally else None) for p in visible if p.theme_id == theme.id
        ]
        items.sort(key=lambda item: -(item[1] or 0))
        grouped.append((theme.name, items))
    return grouped


def _commitments(workshop: Workshop) -> dict[str, list[Quote]]:
    grouped: dict[str, list[Quote]] = {"commitment": [], "offer": [], "request": []}
    for item in destiny.commitments_of(workshop):
        if not item.hidden:
            grouped[item.kind].append(Quote(text=item.text, by=item.attribution))
    return grouped


def _measures(actions) -> list[dict]:
    return [
        {"action": a.title, "measure": a.success_measure, "baseline": a.baseline, "target": a.target,
         "review": a.review_date}
        for a in actions
        if a.success_measure
    ]  # fmt: skip


def build_plan(workshop: Workshop) -> PlanContent:
    plan = plan_for(workshop)
    stories = list(
        db.session.scalars(select(Story).where(Story.workshop_id == workshop.id).order_by(Story.id))
    )
    actions = destiny.actions_of(workshop, include_hidden=False)
    dream_tally = _latest_tally(workshop, "dreams")
    dream_rows = [
        (d.text, dream_tally.get(d.id) if dream_tally else None)
        for d in dreams.dreams_of(workshop, include_hidden=False)
    ]
    dream_rows.sort(key=lambda row: -(row[1] or 0))
    return PlanContent(
        workshop=workshop,
        plan=plan,
        session_date=workshop.created_at.date(),
        facilitator=workshop.facilitator.display_name,
        numbers=session_numbers(workshop),
        themes=_themes(workshop),
        dreams=dream_rows,
        dream_votes=bool(dream_tally),
        propositions=_propositions(workshop),
        actions=actions,
        owners=len({a.owner.strip().lower() for a in actions if a.owner.strip()}),
        commitments=_commitments(workshop),
        measures=_measures(actions),
        followups=plan.followup_dates(),
        stories=[_quote(s) for s in stories if s.quotable and not s.hidden and not s.parked],
        wishes=[s.wish for s in stories if s.wish and s.quotable and not s.parked],
        parking_lot=[
            _quote(s) if s.quotable else Quote(_("A story its teller asked us not to quote"), None)
            for s in stories
            if s.parked
        ],
        strengths=sorted(strengths_cloud(workshop, limit=12), key=lambda item: -item["count"]),
    )
