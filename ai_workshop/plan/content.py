"""Everything the action plan says, gathered once for the page, the PDF and the exports.

Each phase hands its own part (see phases/); consent is applied there, before any template
sees a quote, so no template can quote what a teller did not allow.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from ai_workshop.checkins.services import FollowThrough, follow_through
from ai_workshop.extensions import db
from ai_workshop.models import Plan, Workshop
from ai_workshop.phases.plan_parts import Quote, ThemeEntry
from ai_workshop.phases.registry import all_phases
from ai_workshop.workshops.summary import session_numbers

FOLLOW_UP_DAYS = (30, 60, 90)


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
    core_words: str = ""  # the whole positive core in one paragraph
    harvests: list = field(default_factory=list)  # at a summit: each table's harvest
    follow: FollowThrough | None = None  # the check-ins held since the session

    @property
    def since_stories(self) -> list[Quote]:
        """The check-ins' new stories that their tellers let us quote."""
        if self.follow is None:
            return []
        return [
            Quote(text=story.headline, by=story.attribution)
            for story in self.follow.stories
            if story.quotable
        ]

    @property
    def top_themes(self) -> list:
        """The themes the room carried forward into Dream and Design; before it chose,
        the three it voted highest (or the largest)."""
        return [theme for theme in self.themes if theme.carried] or self.themes[:3]

    @property
    def next_check_in(self) -> tuple[str, date] | None:
        upcoming = [item for item in self.followups if item[1] >= date.today()]
        return (upcoming or self.followups or [None])[0]


def check_in_label(days: int, language: str) -> str:
    """'30-day check-in', in the room's language: the plan keeps it as written."""
    with force_locale(language):
        return _("%(days)d-day check-in", days=days)


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
                    "label": check_in_label(days, workshop.language),
                    "date": (start + timedelta(days=days)).isoformat(),
                }
                for days in FOLLOW_UP_DAYS
            ],
        )
        db.session.add(plan)
        db.session.flush()
    return plan


def build_plan(workshop: Workshop) -> PlanContent:
    plan = plan_for(workshop)
    parts = {}
    for phase in all_phases():
        parts.update(phase.context("plan", workshop))
    return PlanContent(
        workshop=workshop,
        plan=plan,
        session_date=workshop.created_at.date(),
        facilitator=workshop.facilitator.display_name,
        numbers=session_numbers(workshop),
        followups=plan.followup_dates(),
        follow=follow_through(workshop),
        **parts,
    )
