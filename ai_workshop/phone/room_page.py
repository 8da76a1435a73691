"""A phone page drawn once per room and screen, and copied for each phone.

After a phase change a whole room asks for its new page within seconds. Most of it is what
every phone shows: the phase's task, the room's lists, empty forms. That page is drawn once
per room, screen and language and kept a few seconds; each phone gets a copy with its own
CSRF token, participant token and client ids written in, and its own parts (its stories,
dreams, propositions, commitments, its dots on the open vote: phases/own_lists.py) drawn
into the holes left for them. A phone with a message to show, or whose teams and actions
mark the room's list of actions, or whose name Welcome greets (phases/own.py), is drawn in
full.

The copy is the same page, byte for byte, as the full drawing would be (the tests compare
them in every phase); the few seconds bound how late a room-wide change the key does not
name (another phone's dream, a renamed theme) can show on a newly opened page.
"""

import functools
import re
import secrets
import time
import uuid
from collections.abc import Callable

from flask import current_app, g, session
from flask_babel import get_locale
from flask_wtf.csrf import generate_csrf
from jinja2 import pass_context
from markupsafe import Markup, escape

from ai_workshop.contributions import votes
from ai_workshop.live.one_at_a_time import OnePerKey
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
        self._drawing = OnePerKey(most)

    def get_or_draw(self, key: tuple, draw: Callable[[], str]) -> str:
        def drawn() -> str:
            page = draw()
            if len(self._pages) >= self._most:
                self._pages.clear()
            self._pages[key] = (time.monotonic() + self._lifetime, page)
            return page

        return self._drawing.get_or_make(key, lambda: self._fresh(key), drawn)

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
        workshop.table_count,
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
    vote = votes.current_vote(workshop)
    key = (
        what,
        workshop.id,
        workshop.phase,
        screen_key(workshop, vote),
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

    page = _pages().get_or_draw(key, draw_for_the_room)
    return personalised(page, workshop, participant, vote)


@pass_context
def yours(context, name: str) -> Markup:
    """For the phone templates: the phone's own list `name`, or its hole in the room's copy."""
    participant = context["participant"]
    if participant is ROOM_PHONE:
        return Markup(f"<!--yours{_MARK}:{name}-->")
    page_confirm = context["confirm"]
    vote = context.get("vote")
    return Markup(_own_list(name, context["workshop"], participant, vote, lambda: page_confirm))


def _own_list(name: str, workshop, participant, vote, confirm) -> str:
    """`confirm()` gives the page's ConfirmForm, made only when a list needs it."""
    own = OWN_LISTS[name]
    values = own.values(workshop, participant, vote)
    if not values[own.listed]:
        return ""
    template = current_app.jinja_env.get_template(own.template)
    return template.render(workshop=workshop, participant=participant, confirm=confirm(), **values)


def personalised(page: str, workshop, participant, vote) -> str:
    """The room's copy for this phone; `vote` is the room's current vote."""
    if "<!--yours" in page:
        confirm = functools.cache(ConfirmForm)
        page = _HOLE.sub(
            lambda hole: _own_list(hole[1], workshop, participant, vote, confirm), page
        )
    page = page.replace(TOKEN_MARK, str(escape(token_for(workshop) or "")))
    if CSRF_MARK in page:
        page = page.replace(CSRF_MARK, generate_csrf())
    parts = page.split(CLIENT_ID_MARK)
    return "".join(part if i == 0 else str(uuid.uuid4()) + part for i, part in enumerate(parts))
