"""The phone's one page, for the phase the room is in, and the answer of the forms on it.

Every form a participant sends from this page (a story, a dream, a proposition, an action,
a commitment) comes back to it: drawn again with the form's errors, or redirected to it with
a thank-you, so the phone always shows the room's current task.
"""

from flask import flash, redirect, render_template, url_for

from ai_workshop.contributions import votes
from ai_workshop.phases.live_content import content_version
from ai_workshop.phases.registry import phase_of
from ai_workshop.phases.voting import screen_key
from ai_workshop.phone.room_page import is_for_the_room, room_page
from ai_workshop.web.forms import ConfirmForm
from ai_workshop.web.phone_identity import token_for
from ai_workshop.web.write_views import Answer, Write


def render_home(workshop, participant, form=None, status=200, **overrides):
    """The page; `form` is the story form, `overrides` replace what the phase shows (a form
    sent back with its errors)."""
    context = home_context(workshop, participant)
    if form is not None:
        context["form"] = form
    context.update(overrides)
    return render_template("phone/home.html", **context), status


def render_live_part(workshop, participant, **overrides):
    """The phase's part of the page alone, which phones fetch when the room's writing moved."""
    context = home_context(workshop, participant)
    context.update(overrides)
    return render_template("phone/live_part.html", **context)


def home_page(workshop, participant) -> str:
    """The phone's page as it opens: the room's copy when nothing on it is the phone's own."""
    if is_for_the_room(workshop, participant):
        return room_page(
            "home", workshop, participant, lambda *args, **kw: render_home(*args, **kw)[0]
        )
    return render_home(workshop, participant)[0]


def live_part_page(workshop, participant) -> str:
    if is_for_the_room(workshop, participant):
        return room_page("live", workshop, participant, render_live_part)
    return render_live_part(workshop, participant)


def home_context(workshop, participant) -> dict:
    vote = votes.current_vote(workshop)
    return {
        "workshop": workshop,
        "participant": participant,
        "token": token_for(workshop),
        "confirm": ConfirmForm(),
        "screen": screen_key(workshop, vote),
        "content_version": content_version(workshop),
        **phase_of(workshop.phase).context("phone", workshop, participant, vote),
    }


class OnHomePage(Answer):
    """A form on the phone's page: drawn again there with its errors or the refusal, or back
    to the page at `anchor` with the message flashed.

    `context(workshop, participant, form)` is what the page shows in place of its own for
    the form sent back; `query` goes into the page's address (which draft is now stored).
    """

    def __init__(self, anchor: str, context, **query):
        self.anchor = anchor
        self.context = context
        self.query = query

    def _page(self, write: Write, status: int):
        workshop, participant = write.workshop, write.values["participant"]
        overrides = self.context(workshop, participant, write.form)
        return render_home(workshop, participant, status=status, **overrides)

    def invalid(self, write: Write):
        return self._page(write, 422)

    def failed(self, write: Write, error):
        flash(error.message, "error")
        return self._page(write, error.status)

    def done(self, write: Write, message: str):
        flash(message, "success")
        home = url_for("phone.home", code=write.workshop.code, **self.query)
        return redirect(home + self.anchor)
