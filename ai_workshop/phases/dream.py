"""Dream: dream statements on the wall, a dot vote, and the themes carried into Design."""

from flask_babel import gettext as _
from sqlalchemy import func

from ai_workshop.board.queries import theme_summaries
from ai_workshop.board.services import themes_of
from ai_workshop.contributions import dreams
from ai_workshop.contributions.forms import DreamForm, OpenVoteForm
from ai_workshop.extensions import db
from ai_workshop.models import Dream
from ai_workshop.phases import own
from ai_workshop.phases.base import Phase
from ai_workshop.phases.plan_parts import latest_tally
from ai_workshop.phases.voting import UNKNOWN, console_vote, phone_vote, projector_vote

VOTES_ON = ("dreams", "themes")
# The newest dreams on the projector's wall (paged a few at a time, so a full turn of the
# pages stays a few minutes long) and to moderate live on the console; the plan and
# exports hold them all.
WALL_SIZE = 36
CONSOLE_DREAMS = 40


def theme_choices(themes) -> list[tuple]:
    return [("", _("No particular theme"))] + [(theme.id, theme.name) for theme in themes]


def phone(workshop, participant, vote=UNKNOWN, dream_form=None) -> dict:
    themes = themes_of(workshop)
    form = dream_form or DreamForm()
    form.theme_id.choices = theme_choices(themes)
    return {
        "themes": themes,
        "dream_form": form,
        **phone_vote(workshop, VOTES_ON, vote),
    }


def projector(workshop) -> dict:
    wall = dreams.dreams_of(workshop, include_hidden=False, limit=WALL_SIZE)
    return {
        "cards": theme_summaries(workshop),
        "dream_wall": wall,
        "dream_rest": max(0, _shown_dreams(workshop) - len(wall)),
        **projector_vote(workshop, VOTES_ON),
    }


def _shown_dreams(workshop) -> int:
    return db.session.scalar(
        db.select(func.count(Dream.id)).where(
            Dream.workshop_id == workshop.id, Dream.hidden.is_(False)
        )
    )


def console(workshop) -> dict:
    cards = theme_summaries(workshop)
    chosen = {theme.id for theme in dreams.chosen_themes(workshop)}
    return {
        "dreams": dreams.dreams_of(workshop, limit=CONSOLE_DREAMS),
        "dream_total": dreams.dream_count(workshop),
        "theme_cards": cards,
        "chosen_ids": chosen or set(dreams.suggested_choice(workshop)),
        "choice_saved": bool(chosen),
        **console_vote(workshop, "themes" if cards else "dreams"),
    }


def plan(workshop) -> dict:
    tally = latest_tally(workshop, "dreams")
    rows = [
        (d.text, tally.get(d.id) if tally else None)
        for d in dreams.dreams_of(workshop, include_hidden=False)
    ]
    rows.sort(key=lambda row: -(row[1] or 0))
    return {"dreams": rows, "dream_votes": bool(tally)}


PHASE = Phase(
    name="dream",
    folder="dream",
    phone=phone,
    projector=projector,
    console=console,
    plan=plan,
    forms=(DreamForm, OpenVoteForm),
    personal_on_phone=own.nothing_of_their_own,
)
