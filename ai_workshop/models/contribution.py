"""Columns every participant contribution shares: its workshop, its author, its client id."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from ai_workshop.clock import utcnow


class Contribution:
    """Mixin: stored once per (workshop, client_id), so a phone's retry never duplicates."""

    @declared_attr.directive
    def __table_args__(cls):
        return (UniqueConstraint("workshop_id", "client_id"),)

    @declared_attr
    def workshop_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"), index=True)

    @declared_attr
    def participant_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("participant.id", ondelete="SET NULL"))

    @declared_attr
    def participant(cls) -> Mapped["Participant | None"]:  # noqa: F821
        return relationship()

    client_id: Mapped[str] = mapped_column(String(36))
    hidden: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
