from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ai_workshop.clock import utcnow
from ai_workshop.extensions import db
from ai_workshop.models.contribution import Contribution

ACTION_STATUSES = ("not_started", "in_progress", "done", "celebrated")
COMMITMENT_KINDS = ("commitment", "offer", "request")


class Action(Contribution, db.Model):
    """An inspired action: who does what first, by when, and how we will know it works."""

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(160))
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="SET NULL"))
    proposition_id: Mapped[int | None] = mapped_column(
        ForeignKey("proposition.id", ondelete="SET NULL")
    )
    strength: Mapped[str] = mapped_column(String(60), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(80), default="")
    first_step: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[date | None] = mapped_column()
    due_date: Mapped[date | None] = mapped_column()
    help_needed: Mapped[str] = mapped_column(Text, default="")
    success_measure: Mapped[str] = mapped_column(String(200), default="")
    baseline: Mapped[str] = mapped_column(String(80), default="")
    target: Mapped[str] = mapped_column(String(80), default="")
    review_date: Mapped[date | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(16), default="not_started")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    theme: Mapped["Theme | None"] = relationship()  # noqa: F821
    proposition: Mapped["Proposition | None"] = relationship()  # noqa: F821
    volunteers: Mapped[list["ActionVolunteer"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )


class ActionVolunteer(db.Model):
    """Someone who joins an action team."""

    __table_args__ = (UniqueConstraint("action_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    participant: Mapped["Participant"] = relationship(lazy="joined")  # noqa: F821


class Commitment(Contribution, db.Model):
    """What I will do (commitment), what I give (offer), or what I need (request)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), default="commitment")
    text: Mapped[str] = mapped_column(String(400))
    consent: Mapped[str] = mapped_column(String(10), default="anonymous")

    @property
    def attribution(self) -> str | None:
        if self.consent != "named" or self.participant is None:
            return None
        return self.participant.display_name or None
