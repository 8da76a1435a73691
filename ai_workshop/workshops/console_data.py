"""What the console shows for the current phase, beside the stories of Discovery."""

from ai_workshop.board.queries import theme_summaries
from ai_workshop.contributions import design, destiny, dreams, votes
from ai_workshop.contributions.forms import OpenVoteForm
from ai_workshop.contributions.tense import tense_hint
from ai_workshop.workshops.summary import session_numbers

# The newest dreams to moderate live; the plan and exports hold them all.
CONSOLE_DREAMS = 40


def _vote_panel(workshop, default_target: str) -> dict:
    vote = votes.current_vote(workshop)
    form = OpenVoteForm(target=default_target)
    context = {"open_vote_form": form, "vote": vote}
    if vote is not None:
        context.update(tally=votes.tally(workshop, vote), voters=votes.voters(vote))
    return context


def dream_panel(workshop) -> dict:
    cards = theme_summaries(workshop)
    chosen = {theme.id for theme in dreams.chosen_themes(workshop)}
    return {
        "dreams": dreams.dreams_of(workshop, limit=CONSOLE_DREAMS),
        "dream_total": dreams.dream_count(workshop),
        "theme_cards": cards,
        "chosen_ids": chosen or set(dreams.suggested_choice(workshop)),
        "choice_saved": bool(chosen),
        **_vote_panel(workshop, "themes" if cards else "dreams"),
    }


def design_panel(workshop) -> dict:
    chosen = dreams.chosen_themes(workshop)
    propositions = design.propositions_of(workshop)
    return {
        "chosen": chosen,
        "propositions": propositions,
        "hints": {item.id: tense_hint(item.text) for item in propositions},
        **_vote_panel(workshop, "propositions"),
    }


def destiny_panel(workshop) -> dict:
    return {
        "actions": destiny.actions_of(workshop),
        "commitments": destiny.commitments_of(workshop),
    }


def closed_panel(workshop) -> dict:
    return {"numbers": session_numbers(workshop)}


PANELS = {
    "dream": dream_panel,
    "design": design_panel,
    "destiny": destiny_panel,
    "closed": closed_panel,
}


def phase_panel(workshop) -> dict:
    builder = PANELS.get(workshop.phase)
    return builder(workshop) if builder else {}
