import secrets
from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ai_workshop.clock import utcnow
from ai_workshop.extensions import db


class Plan(db.Model):
    """The facilitator's own words for the action plan, and the leaders' secret link."""

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), unique=True
    )
    summary: Mapped[str] = mapped_column(Text, default="")
    keep: Mapped[str] = mapped_column(Text, default="")
    measures_note: Mapped[str] = mapped_column(Text, default="")
    # [{"label": "30-day check-in", "date": "2027-01-31"}, ...]
    followups: Mapped[list[dict]] = mapped_column(JSON, default=list)
    share_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    shared_at: Mapped[datetime | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    workshop_ref: Mapped["Workshop"] = relationship()  # noqa: F821

    def regenerate_link(self) -> str:
        """A new unguessable link; the old one stops working at once."""
        self.share_token = secrets.token_urlsafe(24)
        self.shared_at = utcnow()
        return self.share_token

    def revoke_link(self) -> None:
        self.share_token = None
        self.shared_at = None

    def followup_dates(self) -> list[tuple[str, date]]:
        result = []
        for item in self.followups or []:
            try:
                result.append((item["label"], date.fromisoformat(item["date"])))
            except (KeyError, TypeError, ValueError):
                continue
        return result
