from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ai_workshop.clock import utcnow
from ai_workshop.extensions import db


class Theme(db.Model):
    """A theme of the positive core: suggested by the engine or made by the facilitator."""

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(default=0)
    pinned: Mapped[bool] = mapped_column(default=False)
    # Carried into Design: the room writes provocative propositions for these themes.
    chosen: Mapped[bool] = mapped_column(default=False, server_default=false())
    origin: Mapped[str] = mapped_column(String(12), default="suggested")  # or "manual"
    strengths: Mapped[list[str]] = mapped_column(JSON, default=list)
    cohesion: Mapped[float | None] = mapped_column()
    # A few sentences from the theme's own stories; summary_story_ids cites those quoted.
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    summary_story_ids: Mapped[list[int] | None] = mapped_column(JSON, default=list)
    # What the facilitator wrote by hand is never overwritten by a new suggestion.
    summary_edited: Mapped[bool] = mapped_column(default=False, server_default=false())
    name_edited: Mapped[bool] = mapped_column(default=False, server_default=false())
    representative_story_id: Mapped[int | None] = mapped_column(
        ForeignKey("story.id", ondelete="SET NULL", use_alter=True)
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    stories: Mapped[list["Story"]] = relationship(  # noqa: F821
        foreign_keys="Story.theme_id", back_populates="theme", order_by="Story.id"
    )


class BoardSnapshot(db.Model):
    """The theme board as it was before a change, so the facilitator can undo it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(120))
    state: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
