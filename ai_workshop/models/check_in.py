"""The follow-through after the room: check-ins at 30, 60 and 90 days, what action owners
report at each, the new success stories, and who asked to be reminded."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ai_workshop.clock import utcnow
from ai_workshop.extensions import db
from ai_workshop.models.contribution import Contribution

# What an owner says of an action at a check-in; "stuck" asks what would help.
REPORT_STATUSES = ("not_started", "on_track", "done", "stuck")
# The action's own status, from its latest report: a stuck action is still under way.
ACTION_STATUS_OF_REPORT = {
    "not_started": "not_started",
    "on_track": "in_progress",
    "stuck": "in_progress",
    "done": "done",
}


class CheckIn(db.Model):
    """One of the plan's follow-up dates, opened when the team meets: the room's code
    works again and phones report progress."""

    __table_args__ = (UniqueConstraint("workshop_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    # Which of the plan's follow-ups (1: the first, the 30-day one in a new plan).
    number: Mapped[int] = mapped_column()
    label: Mapped[str] = mapped_column(String(80))
    planned_for: Mapped[date | None] = mapped_column()
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column()
    invitations_sent_at: Mapped[datetime | None] = mapped_column()

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class ActionReport(Contribution, db.Model):
    """An owner's word on an action at a check-in; the latest per action counts, the
    earlier ones stay as its history."""

    id: Mapped[int] = mapped_column(primary_key=True)
    check_in_id: Mapped[int] = mapped_column(
        ForeignKey("check_in.id", ondelete="CASCADE"), index=True
    )
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(12))
    progress: Mapped[int] = mapped_column(default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    would_help: Mapped[str] = mapped_column(Text, default="")

    action: Mapped["Action"] = relationship()  # noqa: F821


class CheckInStory(Contribution, db.Model):
    """A success story that happened since the workshop, told at a check-in."""

    id: Mapped[int] = mapped_column(primary_key=True)
    check_in_id: Mapped[int] = mapped_column(
        ForeignKey("check_in.id", ondelete="CASCADE"), index=True
    )
    headline: Mapped[str] = mapped_column(String(200))
    story: Mapped[str] = mapped_column(Text)
    consent: Mapped[str] = mapped_column(String(10), default="anonymous")

    @property
    def quotable(self) -> bool:
        return self.consent != "private"

    @property
    def attribution(self) -> str | None:
        if self.consent != "named" or self.participant is None:
            return None
        return self.participant.display_name or None


class ReminderAddress(db.Model):
    """An e-mail address a participant gave, with their consent, to be invited to the
    check-ins; it goes with their other data when they or the workshop are deleted."""

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), unique=True
    )
    email: Mapped[str] = mapped_column(String(254))
    consented_at: Mapped[datetime] = mapped_column(default=utcnow)
