from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ai_workshop.clock import utcnow
from ai_workshop.extensions import db


class Story(db.Model):
    """A high-point story from Discovery: the raw material of the positive core."""

    # Stories are counted by workshop and parking lot at every live change (live/pushed.py):
    # from the index alone. Its first column serves every other lookup by workshop.
    __table_args__ = (
        UniqueConstraint("workshop_id", "client_id"),
        Index("ix_story_workshop_id_parked", "workshop_id", "parked"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"))
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"), index=True
    )
    client_id: Mapped[str] = mapped_column(String(36))
    headline: Mapped[str] = mapped_column(String(200))
    story: Mapped[str] = mapped_column(Text)
    made_possible: Mapped[str] = mapped_column(Text, default="")
    wish: Mapped[str] = mapped_column(Text, default="")
    whose: Mapped[str] = mapped_column(String(8), default="mine")
    partner_name: Mapped[str] = mapped_column(String(40), default="", server_default="")
    consent: Mapped[str] = mapped_column(String(10), default="anonymous")
    hidden: Mapped[bool] = mapped_column(default=False)
    parked: Mapped[bool] = mapped_column(default=False)
    edited_by_facilitator: Mapped[bool] = mapped_column(default=False)
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("theme.id", ondelete="SET NULL"), index=True
    )
    secondary_theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("theme.id", ondelete="SET NULL")
    )
    # Set when the facilitator places the story by hand: suggestions never move it again.
    theme_locked: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    workshop: Mapped["Workshop"] = relationship(back_populates="stories")  # noqa: F821
    participant: Mapped["Participant | None"] = relationship()  # noqa: F821
    theme: Mapped["Theme | None"] = relationship(  # noqa: F821
        foreign_keys=[theme_id], back_populates="stories"
    )
    secondary_theme: Mapped["Theme | None"] = relationship(foreign_keys=[secondary_theme_id])  # noqa: F821
    strengths: Mapped[list["StoryStrength"]] = relationship(
        back_populates="story",
        cascade="all, delete-orphan",
        order_by="StoryStrength.position",
        lazy="selectin",
    )

    @property
    def strength_names(self) -> list[str]:
        return [strength.name for strength in self.strengths]

    @property
    def quotable(self) -> bool:
        """Private stories count in themes but are never quoted anywhere."""
        return self.consent != "private"

    @property
    def on_projector(self) -> bool:
        return self.quotable and not self.hidden and not self.parked

    @property
    def attribution(self) -> str | None:
        """The name to show beside a quote, only when the teller consented to it.

        A partner's story is the partner's: it is never quoted under the name of the
        participant who wrote it down, only under the partner's own first name, if given.
        """
        if self.consent != "named":
            return None
        if self.whose == "partner":
            return self.partner_name or None
        return (self.participant.display_name or None) if self.participant else None

    def set_strengths(self, names: list[str], vocabulary: list[str]) -> None:
        known = set(vocabulary)
        self.strengths = [
            StoryStrength(name=name, from_vocabulary=name in known, position=index)
            for index, name in enumerate(names)
        ]


class StoryStrength(db.Model):
    """One strength named in a story: a chip from the vocabulary or the teller's own words."""

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("story.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    from_vocabulary: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(default=0)

    story: Mapped[Story] = relationship(back_populates="strengths")
