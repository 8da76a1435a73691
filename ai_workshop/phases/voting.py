"""The dot vote as Dream and Design show it: on phones, on the projector, on the console."""

from ai_workshop.checkins.services import open_check_in
from ai_workshop.contributions import votes
from ai_workshop.contributions.forms import OpenVoteForm

# "Not looked up yet": a page looks the current vote up once and hands it around.
UNKNOWN = object()


def phone_vote(workshop, targets, vote=UNKNOWN) -> dict:
    """The open vote on a phone, when it is about what this phase votes on."""
    vote = votes.current_vote(workshop) if vote is UNKNOWN else vote
    if vote is None or vote.target not in targets:
        return {}
    if not vote.is_open:
        return (
            {"vote_results": votes.tally(workshop, vote), "results_of": vote}
            if vote.revealed
            else {}
        )
    return {"vote": vote}  # the phone's own dots on it: own_lists.py


def my_vote(workshop, participant, vote) -> dict:
    """The open vote's options with this phone's dots on them."""
    mine = votes.my_dots(vote, participant)
    return {
        "vote": vote,
        "vote_options": votes.options_for(workshop, vote.target),
        "my_dots": mine,
        "dots_left": vote.dots_per_person - sum(mine.values()),
    }


def projector_vote(workshop, targets) -> dict:
    """The vote on screen: live bars when open and shown, results once revealed."""
    vote = votes.current_vote(workshop)
    if vote is None or vote.target not in targets:
        return {}
    if not vote.is_open and not vote.revealed:
        return {}
    rows = votes.tally(workshop, vote)
    top = max((row.dots for row in rows), default=0)
    return {"vote": vote, "tally": rows, "top_dots": top or 1, "voters": votes.voters(vote)}


def console_vote(workshop, default_target: str) -> dict:
    """The console's vote controls and, once a vote exists, its live count."""
    vote = votes.current_vote(workshop)
    context = {"open_vote_form": OpenVoteForm(target=default_target), "vote": vote}
    if vote is not None:
        context.update(tally=votes.tally(workshop, vote), voters=votes.voters(vote))
    return context


def screen_key(workshop, vote=UNKNOWN) -> str:
    """Changes whenever phones should redraw: a new phase, a vote opening, closing or its
    results shown, themes shown, a check-in opening or closing."""
    vote = votes.current_vote(workshop) if vote is UNKNOWN else vote
    if vote is None:
        vote_part = "novote"
    elif vote.is_open:
        vote_part = f"vote{vote.id}"
    else:
        vote_part = f"results{vote.id}" if vote.revealed else "novote"
    key = f"{workshop.phase}/{vote_part}/{'themes' if workshop.themes_shown else 'stories'}"
    if workshop.phase == "closed":
        check_in = open_check_in(workshop)
        key += f"/check-in{check_in.id}" if check_in else ""
    return key
