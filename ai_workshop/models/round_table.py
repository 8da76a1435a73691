from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from ai_workshop.clock import utcnow
from ai_workshop.extensions import db

HARVEST_CAUSES = 3


class RoundTable(db.Model):
    """One of a summit's round tables, kept from the moment anything happens at it: its host,
    the facilitator's nudge and the table's harvest of what its stories found."""

    __table_args__ = (UniqueConstraint("workshop_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column()
    host_participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL")
    )
    # The harvest: the root causes of success found (each {"text", "strengths"}), the
    # table's best quote (only with its teller's agreement), its wish and its dream.
    causes: Mapped[list[dict]] = mapped_column(JSON, default=list)
    best_quote: Mapped[str] = mapped_column(Text, default="", server_default="")
    quote_agreed: Mapped[bool] = mapped_column(default=False, server_default=false())
    wish: Mapped[str] = mapped_column(Text, default="", server_default="")
    dream: Mapped[str] = mapped_column(Text, default="", server_default="")
    harvest_done: Mapped[bool] = mapped_column(default=False, server_default=false())
    harvested_at: Mapped[datetime | None] = mapped_column()
    # A note from the facilitator that the table's phones show until it is replaced.
    nudge: Mapped[str] = mapped_column(String(200), default="", server_default="")
    nudged_at: Mapped[datetime | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def has_harvest(self) -> bool:
        return bool(self.causes or self.best_quote or self.wish or self.dream)

    @property
    def quote(self) -> str:
        """The best quote as far as anyone may see it: only once its teller agreed."""
        return self.best_quote if self.quote_agreed else ""
