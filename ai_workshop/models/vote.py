from datetime import datetime

from flask_babel import lazy_pgettext
from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ai_workshop.clock import utcnow
from ai_workshop.extensions import db

VOTE_TARGETS = ("dreams", "themes", "propositions")
# What a vote is on, as a sentence names it: "Open · on themes".
VOTE_TARGET_LABELS = {
    "dreams": lazy_pgettext("what a vote is on", "dreams"),
    "themes": lazy_pgettext("what a vote is on", "themes"),
    "propositions": lazy_pgettext("what a vote is on", "propositions"),
}


class Vote(db.Model):
    """A dot vote: each person spends a few dots on the options that energise them."""

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    target: Mapped[str] = mapped_column(String(16))
    dots_per_person: Mapped[int] = mapped_column(default=3)
    max_per_option: Mapped[int | None] = mapped_column()
    is_open: Mapped[bool] = mapped_column(default=True)
    revealed: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column()

    @property
    def target_label(self) -> str:
        return str(VOTE_TARGET_LABELS.get(self.target, self.target))


class VoteDot(db.Model):
    """How many dots one person put on one option of one vote."""

    __table_args__ = (UniqueConstraint("vote_id", "participant_id", "option_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("vote.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))
    option_id: Mapped[int] = mapped_column()
    dots: Mapped[int] = mapped_column(default=0)
