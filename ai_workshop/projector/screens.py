"""What the projector shows in Dream, Design, Destiny and Closed."""

from ai_workshop.board.queries import theme_summaries
from ai_workshop.contributions import design, destiny, dreams, votes
from ai_workshop.workshops.summary import session_numbers

PHASE_TARGETS = {"dream": ("dreams", "themes"), "design": ("propositions",)}
WALL_SIZE = 12


def vote_context(workshop) -> dict:
    """The vote on screen: live bars when open and shown, results once revealed."""
    vote = votes.current_vote(workshop)
    if vote is None or vote.target not in PHASE_TARGETS.get(workshop.phase, ()):
        return {}
    if not vote.is_open and not vote.revealed:
        return {}
    rows = votes.tally(workshop, vote)
    top = max((row.dots for row in rows), default=0)
    return {"vote": vote, "tally": rows, "top_dots": top or 1, "voters": votes.voters(vote)}


def dream_screen(workshop) -> dict:
    return {
        "cards": theme_summaries(workshop),
        "dream_wall": dreams.dreams_of(workshop, include_hidden=False, limit=WALL_SIZE),
        **vote_context(workshop),
    }


def design_screen(workshop) -> dict:
    chosen = dreams.chosen_themes(workshop)
    by_theme = {theme.id: [] for theme in chosen}
    for proposition in reversed(design.propositions_of(workshop, visible_only=True)):
        if proposition.theme_id in by_theme:
            by_theme[proposition.theme_id].append(proposition)
    return {"chosen": chosen, "by_theme": by_theme, **vote_context(workshop)}


def destiny_screen(workshop) -> dict:
    commitments = [c for c in destiny.commitments_of(workshop) if not c.hidden][:6]
    return {
        "actions": destiny.actions_of(workshop, include_hidden=False),
        "commitments": commitments,
    }


def closed_screen(workshop) -> dict:
    return {"numbers": session_numbers(workshop)}


SCREENS = {
    "dream": dream_screen,
    "design": design_screen,
    "destiny": destiny_screen,
    "closed": closed_screen,
}


def phase_screen(workshop) -> dict:
    builder = SCREENS.get(workshop.phase)
    return builder(workshop) if builder else {}
