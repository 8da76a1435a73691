from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ai_workshop.extensions import db
from ai_workshop.models.contribution import Contribution


class Dream(Contribution, db.Model):
    """A dream statement: the team a year from now, as if the peak moments were the norm."""

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(400))
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="SET NULL"))

    theme: Mapped["Theme | None"] = relationship()  # noqa: F821


class Proposition(Contribution, db.Model):
    """A provocative proposition for a chosen theme: present tense, grounded, stretching."""

    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("theme.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(String(400))
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("proposition.id", ondelete="SET NULL")
    )
    edited_by_facilitator: Mapped[bool] = mapped_column(default=False)

    theme: Mapped["Theme | None"] = relationship()  # noqa: F821
