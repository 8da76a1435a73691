from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ai_workshop.clock import utcnow
from ai_workshop.extensions import db


class Facilitator(UserMixin, db.Model):
    """A person who runs workshops; the only kind of account."""

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(80), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Part of the id the session cookie carries: raising it ends every session issued
    # before, wherever the cookie was copied (logout, "log out other sessions").
    session_epoch: Mapped[int] = mapped_column(default=0, server_default="0")
    # The console's language, chosen by the facilitator; None follows the browser.
    language: Mapped[str | None] = mapped_column(String(8))

    workshops: Mapped[list["Workshop"]] = relationship(  # noqa: F821
        back_populates="facilitator", order_by="Workshop.created_at.desc()"
    )

    @staticmethod
    def normalise_email(email: str) -> str:
        return email.strip().lower()

    def get_id(self) -> str:
        return f"{self.id}.{self.session_epoch}"

    def end_sessions(self) -> None:
        self.session_epoch += 1

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def display_name(self) -> str:
        return self.name or self.email.split("@")[0]
