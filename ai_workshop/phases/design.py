"""Design: provocative propositions for each theme carried forward, and a vote on them."""

from ai_workshop.contributions import design, dreams
from ai_workshop.contributions.forms import OpenVoteForm, PropositionForm
from ai_workshop.contributions.tense import tense_hint
from ai_workshop.participants.teams import teams, teams_on
from ai_workshop.phases import own
from ai_workshop.phases.base import Phase
from ai_workshop.phases.plan_parts import latest_tally
from ai_workshop.phases.voting import UNKNOWN, console_vote, phone_vote, projector_vote

VOTES_ON = ("propositions",)
# Each theme's newest propositions, paged on the projector a few at a time.
PROJECTOR_PER_THEME = 12


def phone(workshop, participant, vote=UNKNOWN, proposition_form=None) -> dict:
    chosen = dreams.chosen_themes(workshop)
    form = proposition_form or PropositionForm()
    form.theme_id.choices = [(theme.id, theme.name) for theme in chosen]
    return {
        "chosen": chosen,
        "proposition_form": form,
        **phone_vote(workshop, VOTES_ON, vote),
    }


def projector(workshop) -> dict:
    chosen = dreams.chosen_themes(workshop)
    by_theme = {theme.id: [] for theme in chosen}
    for proposition in reversed(design.propositions_of(workshop, visible_only=True)):
        shown = by_theme.get(proposition.theme_id)
        if shown is not None and len(shown) < PROJECTOR_PER_THEME:
            shown.append(proposition)
    return {
        "chosen": chosen,
        "by_theme": by_theme,
        "teams": teams(workshop) if teams_on(workshop) else [],
        **projector_vote(workshop, VOTES_ON),
    }


def console(workshop) -> dict:
    propositions = design.propositions_of(workshop)
    return {
        "chosen": dreams.chosen_themes(workshop),
        "teams": teams(workshop) if teams_on(workshop) else [],
        "propositions": propositions,
        "hints": {item.id: tense_hint(item.text, workshop.language) for item in propositions},
        **console_vote(workshop, "propositions"),
    }


def plan(workshop) -> dict:
    tally = latest_tally(workshop, "propositions")
    visible = design.propositions_of(workshop, visible_only=True)
    grouped = []
    for theme in dreams.chosen_themes(workshop):
        items = [
            (p.text, tally.get(p.id) if tally else None) for p in visible if p.theme_id == theme.id
        ]
        items.sort(key=lambda item: -(item[1] or 0))
        grouped.append((theme.name, items))
    return {"propositions": grouped}


PHASE = Phase(
    name="design",
    folder="design",
    phone=phone,
    projector=projector,
    console=console,
    plan=plan,
    forms=(PropositionForm, OpenVoteForm),
    personal_on_phone=own.nothing_of_their_own,
)
