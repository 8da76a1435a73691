"""What each phone shows in each phase: one clear task at a time."""

from flask_babel import gettext as _

from ai_workshop.board.services import themes_of
from ai_workshop.contributions import design, destiny, dreams, votes
from ai_workshop.contributions.forms import (
    ActionProposalForm,
    CommitmentForm,
    DreamForm,
    PropositionForm,
)
from ai_workshop.extensions import db
from ai_workshop.models import Dream, Proposition
from ai_workshop.workshops.summary import session_numbers

# "Not looked up yet": a page looks the current vote up once and hands it around.
UNKNOWN = object()


def screen_key(workshop, vote=UNKNOWN) -> str:
    """Changes whenever phones should redraw: a new phase, a vote opening or closing, themes shown."""
    vote = votes.current_vote(workshop) if vote is UNKNOWN else vote
    vote_part = f"vote{vote.id}" if vote is not None and vote.is_open else "novote"
    return f"{workshop.phase}/{vote_part}/{'themes' if workshop.themes_shown else 'stories'}"


def _open_vote_context(workshop, participant, targets, vote=UNKNOWN) -> dict:
    vote = votes.current_vote(workshop) if vote is UNKNOWN else vote
    if vote is None or not vote.is_open or vote.target not in targets:
        return {}
    mine = votes.my_dots(vote, participant)
    return {
        "vote": vote,
        "vote_options": votes.options_for(workshop, vote.target),
        "my_dots": mine,
        "dots_left": vote.dots_per_person - sum(mine.values()),
    }


def _theme_choices(themes) -> list[tuple]:
    return [("", _("No particular theme"))] + [(theme.id, theme.name) for theme in themes]


def dream_context(workshop, participant, form=None, vote=UNKNOWN) -> dict:
    themes = themes_of(workshop)
    form = form or DreamForm()
    form.theme_id.choices = _theme_choices(themes)
    mine = db.session.scalars(
        db.select(Dream).where(Dream.participant_id == participant.id).order_by(Dream.id.desc())
    ).all()
    return {
        "themes": themes,
        "dream_form": form,
        "my_dreams": mine,
        **_open_vote_context(workshop, participant, ("dreams", "themes"), vote),
    }


def design_context(workshop, participant, form=None, vote=UNKNOWN) -> dict:
    chosen = dreams.chosen_themes(workshop)
    form = form or PropositionForm()
    form.theme_id.choices = [(theme.id, theme.name) for theme in chosen]
    mine = db.session.scalars(
        db.select(Proposition)
        .where(Proposition.participant_id == participant.id)
        .order_by(Proposition.id.desc())
    ).all()
    return {
        "chosen": chosen,
        "proposition_form": form,
        "my_propositions": mine,
        **_open_vote_context(workshop, participant, ("propositions",), vote),
    }


def destiny_context(workshop, participant, action_form=None, commitment_form=None) -> dict:
    chosen = dreams.chosen_themes(workshop)
    propositions = [p for p in design.propositions_of(workshop, visible_only=True)]
    action_form = action_form or ActionProposalForm()
    action_form.proposition_id.choices = [("", _("Choose a proposition"))] + [
        (p.id, p.text[:80]) for p in propositions
    ]
    action_form.theme_id.choices = _theme_choices(chosen or themes_of(workshop))
    actions = destiny.actions_of(workshop, include_hidden=False)
    mine = {a.id for a in actions if any(v.participant_id == participant.id for v in a.volunteers)}
    my_commitments = [
        c for c in destiny.commitments_of(workshop) if c.participant_id == participant.id
    ]
    return {
        "actions": actions,
        "my_actions": mine,
        "action_form": action_form,
        "commitment_form": commitment_form or CommitmentForm(),
        "my_commitments": my_commitments,
    }


def closed_context(workshop, participant) -> dict:
    return {"numbers": session_numbers(workshop)}


def phase_context(workshop, participant, vote=UNKNOWN) -> dict:
    builders = {
        "dream": lambda: dream_context(workshop, participant, vote=vote),
        "design": lambda: design_context(workshop, participant, vote=vote),
        "destiny": lambda: destiny_context(workshop, participant),
        "closed": lambda: closed_context(workshop, participant),
    }
    builder = builders.get(workshop.phase)
    return builder() if builder else {}
