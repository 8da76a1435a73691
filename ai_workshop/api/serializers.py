"""Plain-dict views of models for JSON responses."""

import hashlib
import json
from datetime import datetime

from flask import current_app

from ai_workshop.clock import to_iso, utcnow
from ai_workshop.models import Story, Workshop
from ai_workshop.phases import PHASES
from ai_workshop.phases.live_content import content_version
from ai_workshop.phases.voting import screen_key
from ai_workshop.stories.fields import TEXTS, stored_values
from ai_workshop.stories.personal_data import kinds_found
from ai_workshop.workshops.services import participant_count


def workshop_public(workshop: Workshop) -> dict:
    return {
        "code": workshop.code,
        "name": workshop.name,
        "topic": workshop.topic,
        "why_it_matters": workshop.why_it_matters,
        "questions": list(workshop.questions),
        "dream_prompt": workshop.dream_prompt,
        "strengths_vocabulary": list(workshop.strengths_vocabulary),
        "phase_vocabulary": workshop.phase_vocabulary,
        "phase": workshop.phase,
        "phases": [{"key": key, "label": workshop.label_of(key)} for key in PHASES],
        "tables": workshop.table_count,
        "mix_groups": list(workshop.mix_groups or []),
    }


MAX_REDRAW_SPREAD_MS = 5_000


def workshop_state(workshop: Workshop) -> dict:
    now = utcnow()
    return {
        "screen": screen_key(workshop),
        "code": workshop.code,
        "phase": workshop.phase,
        "phase_label": workshop.phase_label,
        "version": workshop.version,
        "content": content_version(workshop),
        "accepts_stories": workshop.accepts_stories,
        "timer": workshop.timer_snapshot(now),
        "server_time": to_iso(now),
        "redraw_spread_ms": redraw_spread_ms(participant_count(workshop)),
    }


def redraw_spread_ms(participants: int) -> int:
    """How long phones spread their page reloads over after a change of screen.

    A room would otherwise reload all at once, and every story sent meanwhile would wait
    behind two thousand pages. Spread out, the pages arrive about as fast as they can be
    served (PHONE_PAGES_PER_SECOND): under 3 s for 2,000 phones on two workers, a blink for
    a small room. The phones say at once that the room has moved on.
    """
    per_second = current_app.config["PHONE_PAGES_PER_SECOND"]
    return min(MAX_REDRAW_SPREAD_MS, int(participants * 1000 / per_second))


def with_current_clock(state: dict) -> dict:
    """A remembered state with the server's clock and a running timer brought up to now."""
    now = utcnow()
    timer = dict(state["timer"])
    if timer["state"] == "running" and timer["ends_at"]:
        ends_at = datetime.fromisoformat(timer["ends_at"]).replace(tzinfo=None)
        left = (ends_at - now).total_seconds()
        timer["remaining_seconds"] = max(0, int(left))
    return {**state, "timer": timer, "server_time": to_iso(now)}


def stage_etag(state: dict) -> str:
    """Names what phones draw from: it ignores the clock and the version, which moves with
    every story, and changes with the phase, screen, labels or timer, or what phones list of
    the room's writing (phases/live_content.py)."""
    timer = state["timer"]
    stage = [
        state["screen"],
        state["content"],
        state["phase"],
        state["phase_label"],
        state["accepts_stories"],
        timer["state"],
        timer["ends_at"],
        timer["duration_seconds"],
        timer["remaining_seconds"] if timer["state"] == "paused" else None,
    ]
    digest = hashlib.sha256(json.dumps(stage).encode()).hexdigest()[:20]
    return f"s{digest}"


def story_own(story: Story) -> dict:
    return {
        "id": story.id,
        "client_id": story.client_id,
        **stored_values(story),
        "created_at": to_iso(story.created_at),
        "updated_at": to_iso(story.updated_at),
    }


def personal_data_warnings(fields: dict) -> list[dict]:
    """What looks like a customer's phone number, e-mail or account number, field by field.
    A hint for the client to pass on: the story is stored all the same."""
    return [
        {"field": name, "kind": kind}
        for name in TEXTS
        for kind in kinds_found(fields.get(name) or "")
    ]
