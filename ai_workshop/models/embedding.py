from sqlalchemy import ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ai_workshop.extensions import db


class StoryEmbedding(db.Model):
    """A story's text vectors for one engine, kept so clustering never re-embeds a story."""

    __table_args__ = (UniqueConstraint("story_id", "engine"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("story.id", ondelete="CASCADE"), index=True)
    engine: Mapped[str] = mapped_column(String(20))
    text_hash: Mapped[str] = mapped_column(String(64))  # re-embed only when the text changed
    story_vector: Mapped[bytes] = mapped_column(LargeBinary)
    made_possible_vector: Mapped[bytes] = mapped_column(LargeBinary)
