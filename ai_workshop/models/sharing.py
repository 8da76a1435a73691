from datetime import datetime

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ai_workshop.clock import utcnow
from ai_workshop.extensions import db


class CoFacilitator(db.Model):
    """Another facilitator the owner shares a workshop with: they run it, they do not own it."""

    __tablename__ = "co_facilitator"
    __table_args__ = (UniqueConstraint("workshop_id", "facilitator_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    facilitator_id: Mapped[int] = mapped_column(
        ForeignKey("facilitator.id", ondelete="CASCADE"), index=True
    )
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    facilitator: Mapped["Facilitator"] = relationship()  # noqa: F821
