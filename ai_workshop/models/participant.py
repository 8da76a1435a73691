import hashlib
import secrets
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ai_workshop.clock import utcnow
from ai_workshop.extensions import db


def hash_token(token: str) -> str:
    """Tokens are stored hashed so a leaked database does not leak identities."""
    return hashlib.sha256(token.encode()).hexdigest()


class Participant(db.Model):
    """Someone in the room, known only by a token their phone keeps."""

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    display_name: Mapped[str | None] = mapped_column(String(40))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The round table this person sits at, in a workshop with tables; None: none chosen.
    table_number: Mapped[int | None] = mapped_column()
    # Their group from the workshop's max-mix list, if it asks; None: not said.
    group: Mapped[str | None] = mapped_column(String(40))
    # At a summit, from Design on: the theme (opportunity) whose team they chose to join.
    team_theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("theme.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    workshop: Mapped["Workshop"] = relationship(back_populates="participants")  # noqa: F821

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)

    def assign_token(self, token: str) -> None:
        self.token_hash = hash_token(token)
