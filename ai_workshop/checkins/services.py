"""Check-ins: the facilitator opens one of the plan's follow-ups, owners report on their
actions, anyone tells a story from since the workshop, and the facilitator closes it."""

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select

from ai_workshop.clock import utcnow
from ai_workshop.contributions.destiny import actions_of
from ai_workshop.contributions.once import create_once
from ai_workshop.domain_errors import Conflict, NotAllowedNow, NotFound, ValidationFailed
from ai_workshop.extensions import db
from ai_workshop.live import mark_changed
from ai_workshop.models import (
    Action,
    ActionReport,
    ActionVolunteer,
    CheckIn,
    CheckInStory,
    Plan,
    Workshop,
)
from ai_workshop.models.check_in import ACTION_STATUS_OF_REPORT, REPORT_STATUSES


def open_check_in(workshop: Workshop) -> CheckIn | None:
    return db.session.scalar(
        select(CheckIn).where(CheckIn.workshop_id == workshop.id, CheckIn.closed_at.is_(None))
    )


def check_ins_of(workshop: Workshop) -> list[CheckIn]:
    return list(
        db.session.scalars(
            select(CheckIn).where(CheckIn.workshop_id == workshop.id).order_by(CheckIn.number)
        )
    )


def check_in_of(workshop: Workshop, check_in_id: int) -> CheckIn:
    check_in = db.session.get(CheckIn, check_in_id)
    if check_in is None or check_in.workshop_id != workshop.id:
        raise NotFound(_("This workshop has no such check-in."))
    return check_in


def _followup(plan: Plan, number: int):
    dates = plan.followup_dates()
    if not 1 <= number <= len(dates):
        raise ValidationFailed(_("Choose one of the plan's check-ins."))
    return dates[number - 1]


def start_check_in(workshop: Workshop, plan: Plan, number: int) -> CheckIn:
    """Open the plan's `number`th follow-up (again, if it was held before): the room's
    code works again and phones show it. Only after the session, one at a time."""
    if workshop.phase != "closed":
        raise NotAllowedNow(_("Check-ins open after the session is closed."))
    current = open_check_in(workshop)
    if current is not None and current.number != number:
        raise Conflict(_("Close “%(label)s” before opening another check-in.", label=current.label))
    label, when = _followup(plan, number)
    check_in = db.session.scalar(
        select(CheckIn).where(CheckIn.workshop_id == workshop.id, CheckIn.number == number)
    )
    if check_in is None:
        check_in = CheckIn(workshop_id=workshop.id, number=number)
        db.session.add(check_in)
    check_in.label, check_in.planned_for = label, when
    check_in.closed_at = None
    db.session.flush()
    mark_changed(workshop, stage=True)
    return check_in


def close_check_in(workshop: Workshop) -> CheckIn:
    check_in = open_check_in(workshop)
    if check_in is None:
        raise NotAllowedNow(_("No check-in is open."))
    check_in.closed_at = utcnow()
    mark_changed(workshop, stage=True)
    return check_in


def _require_open(workshop: Workshop) -> CheckIn:
    check_in = open_check_in(workshop) if workshop.phase == "closed" else None
    if check_in is None:
        raise NotAllowedNow(
            _("No check-in is open. Your facilitator opens it when the team meets.")
        )
    return check_in


def report_progress(workshop: Workshop, participant, action: Action, fields: dict):
    """(report, created): an owner's word on an action; its status follows the report."""

    def build():
        check_in = _require_open(workshop)
        if fields.get("status") not in REPORT_STATUSES:
            raise ValidationFailed(_("Choose how the action is going."))
        stuck = fields["status"] == "stuck"
        if fields["status"] == "done":
            fields["progress"] = 100
        return ActionReport(
            check_in_id=check_in.id,
            action_id=action.id,
            status=fields["status"],
            progress=max(0, min(100, int(fields.get("progress") or 0))),
            note=fields.get("note") or "",
            would_help=(fields.get("would_help") or "") if stuck else "",
        )

    report, created = create_once(ActionReport, workshop, participant, fields["client_id"], build)
    if created and action.status != "celebrated":
        action.status = ACTION_STATUS_OF_REPORT[report.status]
        mark_changed(workshop, content=True)
    return report, created


def tell_story(workshop: Workshop, participant, fields: dict):
    """(story, created): a success story from since the workshop."""

    def build():
        check_in = _require_open(workshop)
        return CheckInStory(
            check_in_id=check_in.id,
            headline=fields["headline"],
            story=fields.get("story") or "",
            consent=fields.get("consent") or "anonymous",
        )

    return create_once(CheckInStory, workshop, participant, fields["client_id"], build)


def set_story_hidden(workshop: Workshop, story_id: int, hidden: bool) -> None:
    story = db.session.get(CheckInStory, story_id)
    if story is None or story.workshop_id != workshop.id:
        raise NotFound(_("This workshop has no such story."))
    story.hidden = hidden
    mark_changed(workshop)


def actions_for_check_in(workshop: Workshop) -> list[Action]:
    return actions_of(workshop, include_hidden=False)


def owned_action_ids(workshop: Workshop, participant) -> set[int]:
    """The actions this person proposed or joined the team of."""
    proposed = select(Action.id).where(
        Action.workshop_id == workshop.id, Action.participant_id == participant.id
    )
    joined = (
        select(ActionVolunteer.action_id)
        .join(Action, Action.id == ActionVolunteer.action_id)
        .where(Action.workshop_id == workshop.id, ActionVolunteer.participant_id == participant.id)
    )
    return set(db.session.scalars(proposed.union(joined)))


@dataclass
class ActionProgress:
    """One action across the check-ins: its latest report at each (None: no word)."""

    action: Action
    reports: list[ActionReport | None]

    @property
    def latest(self) -> ActionReport | None:
        return next((report for report in reversed(self.reports) if report), None)


@dataclass
class FollowThrough:
    """Everything the check-ins found, for the console, the projector, the plan and the PDF."""

    check_ins: list[CheckIn]
    progress: list[ActionProgress]
    stories: list[CheckInStory] = field(default_factory=list)

    @property
    def held(self) -> bool:
        return bool(self.check_ins)

    def counts(self, index: int = -1) -> dict[str, int]:
        """How many actions stand at each status at a check-in (the latest by default)."""
        counts = dict.fromkeys(REPORT_STATUSES, 0)
        counts["silent"] = 0
        for item in self.progress:
            report = item.reports[index] if item.reports else None
            counts[report.status if report else "silent"] += 1
        return counts

    @property
    def help_asked(self) -> list[tuple[Action, str]]:
        """What the stuck actions say would help, at the latest check-in."""
        return [
            (item.action, item.reports[-1].would_help)
            for item in self.progress
            if item.reports and item.reports[-1] and item.reports[-1].would_help
        ]


def follow_through(workshop: Workshop, include_hidden_stories: bool = False) -> FollowThrough:
    check_ins = check_ins_of(workshop)
    actions = actions_for_check_in(workshop)
    latest: dict[tuple[int, int], ActionReport] = {}
    if check_ins:
        reports = db.session.scalars(
            select(ActionReport)
            .where(ActionReport.workshop_id == workshop.id, ActionReport.hidden.is_(False))
            .order_by(ActionReport.id)
        )
        for report in reports:
            latest[(report.check_in_id, report.action_id)] = report
    progress = [
        ActionProgress(action, [latest.get((c.id, action.id)) for c in check_ins])
        for action in actions
    ]
    stories = select(CheckInStory).where(CheckInStory.workshop_id == workshop.id)
    if not include_hidden_stories:
        stories = stories.where(CheckInStory.hidden.is_(False))
    return FollowThrough(
        check_ins, progress, list(db.session.scalars(stories.order_by(CheckInStory.id)))
    )
