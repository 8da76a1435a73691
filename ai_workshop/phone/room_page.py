"""A phone page drawn once per room and screen, for every phone with nothing of its own on it.

After a phase change a whole room asks for its new page within seconds. Most phones show
exactly what the others show: the phase's task, the room's lists, empty forms. That page is
drawn once per room, screen and language, kept a few seconds, and each phone
gets a copy with its own CSRF token and participant token written in: a dictionary lookup
and two string replacements instead of queries and a template. A phone with anything of its
own on the screen (its stories, dreams, dots or teams, a message to show, its name to greet)
is drawn in full, as before.

The copy is the same page, byte for byte, as the full drawing would be (the tests compare
them in every phase); the few seconds bound how late a room-wide edit the key does not name
(a renamed theme on the phones' list) can show on a newly opened page.
"""

import re
import secrets
import threading
import time
import uuid
from collections.abc import Callable

from flask import current_app, g, session
from flask_babel import get_locale
from flask_wtf.csrf import generate_csrf
from jinja2 import pass_context
from markupsafe import Markup, escape

from ai_workshop.phases.own_lists import OWN_LISTS
from ai_workshop.phases.registry import phase_of
from ai_workshop.phases.voting import screen_key
from ai_workshop.web.forms import ConfirmForm
from ai_workshop.web.phone_identity import token_for

# Unguessable, so that no text a participant writes can contain them.
_MARK = secrets.token_hex(12)
CSRF_MARK = f"csrf{_MARK}"
TOKEN_MARK = f"token{_MARK}"
CLIENT_ID_MARK = f"client{_MARK}"
# Where a phone's own list goes (phases/own_lists.py), in the room's copy.
_HOLE = re.compile(rf"<!--yours{_MARK}:(\w+)-->")
# A form's client id makes its retries safe (contributions/forms.py), so each copy needs its
# own: the room's copy keeps a mark where the drawing put one.
_CLIENT_ID = re.compile(r'(name="client_id" type="hidden" value=")[0-9a-f-]{36}(")')


class RoomPhone:
    """Who the room's page is drawn for: a phone that has written nothing and has no name."""

    id = 0  # no participant has it; an item the facilitator added has None
    display_name = None


ROOM_PHONE = RoomPhone()


class RoomPages:
    """The drawn pages, by key, each for `lifetime` seconds; drawn once while others wait."""

    def __init__(self, lifetime: float, most: int = 256) -> None:
        self._lifetime = lifetime
        self._most = most
        self._pages: dict[tuple, tuple[float, str]] = {}
        self._lock = threading.Lock()
        self._drawing: dict[tuple, threading.Lock] = {}

    def get_or_draw(self, key: tuple, draw: Callable[[], str]) -> str:
        page = self._fresh(key)
        if page is not None:
            return page
        with self._lock:
            drawing = self._drawing.setdefault(key, threading.Lock())
        with drawing:
            page = self._fresh(key)
            if page is None:
                page = draw()
                with self._lock:
                    if len(self._pages) >= self._most:
                        self._pages.clear()
                        self._drawing.clear()
                    self._pages[key] = (time.monotonic() + self._lifetime, page)
        return page

    def _fresh(self, key: tuple) -> str | None:
        entry = self._pages.get(key)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]


def _pages() -> RoomPages:
    pages = current_app.extensions.get("aiw_room_pages")
    if pages is None:
        pages = RoomPages(current_app.config["ROOM_PAGE_SECONDS"])
        current_app.extensions["aiw_room_pages"] = pages
    return pages


def _settings(workshop) -> tuple:
    """What a phone's page shows of the workshop's own row, besides its phase."""
    return (
        workshop.name,
        workshop.topic,
        workshop.phase_vocabulary,
        workshop.dream_prompt,
        tuple(workshop.questions or ()),
        tuple(workshop.strengths_vocabulary or ()),
    )


def is_for_the_room(workshop, participant) -> bool:
    """Whether this phone's page is the room's: no message waiting, nothing of its own."""
    if session.get("_flashes") or not current_app.config["ROOM_PAGE_SECONDS"]:
        return False
    return not phase_of(workshop.phase).phone_is_personal(workshop, participant)


def room_page(what: str, workshop, participant, draw: Callable[..., str]) -> str:
    """The room's copy of the page `what` (its template's name), personalised for the phone
    asking. `draw(workshop, participant, token=…)` draws the page in full."""
    # The room's lists (others' dreams, the actions to join, the strength chips in their
    # order of use) are not in the key: a room adds to them every second, and a copy would
    # then serve nobody. A copy shows them as they were at most ROOM_PAGE_SECONDS ago, and
    # phone-live.js brings the lists up to date as it does on any page.
    key = (
        what,
        workshop.id,
        workshop.phase,
        screen_key(workshop),
        str(get_locale()),
        _settings(workshop),
    )

    def draw_for_the_room() -> str:
        g.csrf_token = CSRF_MARK  # Flask-WTF's token of this request, as it names it
        try:
            page = draw(workshop, ROOM_PHONE, token=TOKEN_MARK)
        finally:
            g.pop("csrf_token", None)
        return _CLIENT_ID.sub(rf"\g<1>{CLIENT_ID_MARK}\g<2>", page)

    return personalised(_pages().get_or_draw(key, draw_for_the_room), workshop, participant)


@pass_context
def yours(context, name: str) -> Markup:
    """For the phone templates: the phone's own list `name`, or its hole in the room's copy."""
    participant = context["participant"]
    if participant is ROOM_PHONE:
        return Markup(f"<!--yours{_MARK}:{name}-->")
    page_confirm = context["confirm"]
    return Markup(_own_list(name, context["workshop"], participant, lambda: page_confirm))


def _own_list(name: str, workshop, participant, confirm) -> str:
    """`confirm()` gives the page's ConfirmForm, made only when a list needs it."""
    own = OWN_LISTS[name]
    values = own.values(workshop, participant)
    if not values[own.listed]:
        return ""
    template = current_app.jinja_env.get_template(own.template)
    return template.render(workshop=workshop, confirm=confirm(), **values)


def personalised(page: str, workshop, participant) -> str:
    if "<!--yours" in page:
        made = []

        def confirm() -> ConfirmForm:
            if not made:
                made.append(ConfirmForm())
            return made[0]

        page = _HOLE.sub(lambda hole: _own_list(hole[1], workshop, participant, confirm), page)
    page = page.replace(TOKEN_MARK, str(escape(token_for(workshop) or "")))
    if CSRF_MARK in page:
        page = page.replace(CSRF_MARK, generate_csrf())
    parts = page.split(CLIENT_ID_MARK)
    return "".join(part if i == 0 else str(uuid.uuid4()) + part for i, part in enumerate(parts))
