"""A story drawn once per process: the console's card and the projector's ticker line.

Under a room's load each new story is drawn for the live push (live/pushed.py) and then
again in every refetch of the console's feed, a few dozen cards each time. A card only
changes when the story, its teller's name, the language or the workshop's code does, so the
drawing is kept under a key made of exactly those, and the viewer's CSRF token is written
into the kept drawing when it is served (the mark is unguessable, as in phone/room_page.py).
"""

import secrets
import threading
from collections import OrderedDict

from flask import current_app, g, render_template
from flask_babel import get_locale
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from ai_workshop.models import Story
from ai_workshop.stories.masking import personal_data_labels

KEPT = 4096
_CSRF_MARK = f"csrf{secrets.token_hex(12)}"
_COLUMNS = tuple(column.key for column in Story.__table__.columns)


class Drawings:
    """Least recently used drawings, shared by every request and stream of the process (one
    per app: app.extensions)."""

    def __init__(self, kept: int = KEPT) -> None:
        self.kept = kept
        self._lock = threading.Lock()
        self._drawn: OrderedDict[tuple, Markup] = OrderedDict()

    def get(self, key: tuple) -> Markup | None:
        with self._lock:
            found = self._drawn.get(key)
            if found is not None:
                self._drawn.move_to_end(key)
            return found

    def put(self, key: tuple, drawing: Markup) -> None:
        with self._lock:
            self._drawn[key] = drawing
            while len(self._drawn) > self.kept:
                self._drawn.popitem(last=False)


def _drawings() -> Drawings:
    return current_app.extensions["aiw_story_drawings"]


def _story_key(story: Story) -> tuple:
    """Everything of the story a drawing can show: every column, its strengths, its teller's
    name. A new column is part of the key without anyone remembering to add it."""
    teller = story.participant.display_name if story.participant else None
    return (
        *(getattr(story, name) for name in _COLUMNS),
        tuple(story.strength_names),
        teller,
    )


def story_card(story: Story, workshop) -> Markup:
    """The console's card for the story, with the viewer's CSRF token in its forms."""
    key = ("card", str(get_locale()), workshop.code, *_story_key(story))
    drawing = _drawings().get(key)
    if drawing is None:
        drawing = _without_csrf(
            lambda: render_template(
                "workshops/_story_card.html",
                story=story,
                workshop=workshop,
                personal_data={story.id: personal_data_labels(story)},
            )
        )
        _drawings().put(key, drawing)
    if _CSRF_MARK in drawing:
        return Markup(drawing.replace(_CSRF_MARK, generate_csrf()))
    return drawing


def ticker_line(story: Story) -> Markup:
    """The projector's ticker line for the story, in the language in force."""
    key = ("ticker", str(get_locale()), *_story_key(story))
    drawing = _drawings().get(key)
    if drawing is None:
        drawing = Markup(render_template("phases/discover/_ticker_item.html", story=story).strip())
        _drawings().put(key, drawing)
    return drawing


def _without_csrf(draw) -> Markup:
    """Draw with the mark where Flask-WTF's token of this request would go."""
    saved = g.pop("csrf_token", None)
    g.csrf_token = _CSRF_MARK
    try:
        return Markup(draw().strip())
    finally:
        g.pop("csrf_token", None)
        if saved is not None:
            g.csrf_token = saved


def init_story_drawings(app) -> None:
    app.extensions["aiw_story_drawings"] = Drawings()
    app.jinja_env.globals.update(story_card=story_card, ticker_line=ticker_line)
