from datetime import datetime, timedelta

from sqlalchemy import JSON, ForeignKey, String, Text, bindparam, false, update
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ai_workshop.clock import to_iso, utcnow
from ai_workshop.extensions import db
from ai_workshop.models.phase_names import PHASES, phase_label

MAX_TIMER_SECONDS = 4 * 60 * 60


class PhaseError(ValueError):
    """Raised when a phase name is unknown or an action is not open in this phase."""


class Workshop(db.Model):
    """One live session: its settings, its current phase, its timer and a change counter."""

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(6), unique=True)
    facilitator_id: Mapped[int] = mapped_column(
        ForeignKey("facilitator.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    topic: Mapped[str] = mapped_column(String(200))
    why_it_matters: Mapped[str] = mapped_column(Text, default="")
    template_key: Mapped[str] = mapped_column(String(40), default="blank")
    questions: Mapped[list[str]] = mapped_column(JSON, default=list)
    dream_prompt: Mapped[str] = mapped_column(String(500), default="")
    strengths_vocabulary: Mapped[list[str]] = mapped_column(JSON, default=list)
    phase_vocabulary: Mapped[str] = mapped_column(String(2), default="4d")
    # The room's language: the projector, the plan, its PDF and the exports speak it.
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")
    # An IANA zone name ("Europe/Berlin"): the check-ins' calendar invitations keep the room's
    # local time. Empty in rooms made before it existed: read as UTC.
    time_zone: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # A summit's round tables, numbered from 1, each with its own QR code; 0: no tables.
    table_count: Mapped[int] = mapped_column(default=0, server_default="0")
    # Max-mix: the groups a summit's join form asks for (frontline, team lead, customer…),
    # so that each table mixes them; empty: not asked.
    mix_groups: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    # Minutes each partner of an interview pair has before the phones say to swap.
    interview_minutes: Mapped[int] = mapped_column(default=10, server_default="10")
    # The table whose harvest the projector shows large for its report-out; None: the map.
    spotlight_table: Mapped[int | None] = mapped_column()
    # The workshop whose check-ins and open actions this one's cycle started from.
    follows_workshop_id: Mapped[int | None] = mapped_column(
        ForeignKey("workshop.id", ondelete="SET NULL")
    )
    phase: Mapped[str] = mapped_column(String(16), default="define")
    # Bumped on every change a screen could show; ETags and live streams compare it.
    version: Mapped[int] = mapped_column(default=1)
    # The version of the last change that was not only an arrival (a new story, someone
    # joining): since it, a screen that inserts pushed stories must redraw instead.
    redraw_version: Mapped[int] = mapped_column(default=1, server_default="1")
    # Bumped when the facilitator edits or hides an item phones list: counts and last ids
    # do not move then, and phones must still redraw (phases/live_content.py).
    content_edits: Mapped[int] = mapped_column(default=0, server_default="0")
    # The projector shows the positive-core map instead of the Discovery screen.
    themes_shown: Mapped[bool] = mapped_column(default=False, server_default=false())
    # One paragraph on the whole positive core, kept once the facilitator edits it.
    core_summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    core_summary_edited: Mapped[bool] = mapped_column(default=False, server_default=false())
    timer_duration_seconds: Mapped[int] = mapped_column(default=0)
    timer_ends_at: Mapped[datetime | None] = mapped_column()
    timer_remaining_seconds: Mapped[int | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    facilitator: Mapped["Facilitator"] = relationship(back_populates="workshops")  # noqa: F821
    participants: Mapped[list["Participant"]] = relationship(  # noqa: F821
        back_populates="workshop", cascade="all, delete-orphan", passive_deletes=True
    )
    stories: Mapped[list["Story"]] = relationship(  # noqa: F821
        back_populates="workshop", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def phase_label(self) -> str:
        return phase_label(self.phase, self.phase_vocabulary)

    def has_table(self, number: int | None) -> bool:
        return number is not None and 1 <= number <= self.table_count

    def label_of(self, phase: str) -> str:
        return phase_label(phase, self.phase_vocabulary)

    @property
    def accepts_stories(self) -> bool:
        return self.phase == "discover"

    def set_phase(self, phase: str) -> None:
        if phase not in PHASES:
            raise PhaseError(phase)
        self.phase = phase

    def bump_version(self, arrival: bool = False) -> None:
        """Increment in SQL, at once and outside the unit of work: concurrent writers never
        lose a bump, and the busiest write paths skip a flush of the workshop row.
        arrival=True for a change that only adds (see redraw_version)."""
        if self.id is None:
            db.session.flush()
        db.session.connection().execute(
            _BUMP_ARRIVAL if arrival else _BUMP, {"workshop_id": self.id}
        )
        db.session.expire(self, ["version", "redraw_version"])

    def bump_content_edits(self) -> None:
        """As bump_version, for the count of edits to what phones list."""
        db.session.connection().execute(_BUMP_CONTENT, {"workshop_id": self.id})
        db.session.expire(self, ["content_edits"])

    # The countdown timer: running (ends_at set), paused (remaining set) or idle.

    def timer_state(self, now: datetime) -> str:
        if self.timer_ends_at is not None:
            return "running" if self.timer_ends_at > now else "finished"
        if self.timer_remaining_seconds is not None:
            return "paused"
        return "idle"

    def start_timer(self, seconds: int, now: datetime) -> None:
        seconds = max(1, min(int(seconds), MAX_TIMER_SECONDS))
        self.timer_duration_seconds = seconds
        self.timer_ends_at = now + timedelta(seconds=seconds)
        self.timer_remaining_seconds = None

    def pause_timer(self, now: datetime) -> None:
        if self.timer_state(now) == "running":
            self.timer_remaining_seconds = int((self.timer_ends_at - now).total_seconds())
            self.timer_ends_at = None

    def resume_timer(self, now: datetime) -> None:
        if self.timer_state(now) == "paused":
            self.timer_ends_at = now + timedelta(seconds=self.timer_remaining_seconds)
            self.timer_remaining_seconds = None

    def extend_timer(self, seconds: int, now: datetime) -> None:
        state = self.timer_state(now)
        if state == "running":
            self.timer_ends_at += timedelta(seconds=seconds)
            self.timer_duration_seconds += seconds
        elif state == "paused":
            self.timer_remaining_seconds += seconds
            self.timer_duration_seconds += seconds
        else:
            self.start_timer(seconds, now)

    def reset_timer(self) -> None:
        self.timer_ends_at = None
        self.timer_remaining_seconds = None
        self.timer_duration_seconds = 0

    def timer_snapshot(self, now: datetime) -> dict:
        state = self.timer_state(now)
        if state == "running":
            remaining = int((self.timer_ends_at - now).total_seconds())
        elif state == "paused":
            remaining = self.timer_remaining_seconds
        else:
            remaining = 0
        return {
            "state": state,
            "ends_at": to_iso(self.timer_ends_at),
            "remaining_seconds": max(0, remaining),
            "duration_seconds": self.timer_duration_seconds,
        }


_BUMP_ARRIVAL = (
    update(Workshop)
    .where(Workshop.id == bindparam("workshop_id"))
    .values(version=Workshop.version + 1)
)
# Both right-hand sides read the row as it was, so redraw_version becomes the new version.
_BUMP = (
    update(Workshop)
    .where(Workshop.id == bindparam("workshop_id"))
    .values(version=Workshop.version + 1, redraw_version=Workshop.version + 1)
)
_BUMP_CONTENT = (
    update(Workshop)
    .where(Workshop.id == bindparam("workshop_id"))
    .values(content_edits=Workshop.content_edits + 1)
)
