"""A small but complete session for plan, export and backup tests: stories with each
consent, a theme with hand-written words, a dream, voted propositions, an action with its
team, and commitments."""

import uuid
from datetime import date

from ai_workshop.contributions import design, destiny, dreams, votes
from ai_workshop.extensions import db
from ai_workshop.models import Theme
from ai_workshop.workshops.services import set_phase


def cid():
    return str(uuid.uuid4())


def fill_session(make, workshop):
    """A small but complete session: stories with each consent, themes, votes, actions."""
    named, shy = make.participant(workshop, "Priya"), make.participant(workshop, "Hidden Name")
    stories = [
        make.story(
            workshop, named, headline="Named headline", consent="named", wish="More time to listen"
        ),
        make.story(workshop, shy, headline="Anonymous headline", consent="anonymous"),
        make.story(
            workshop, shy, headline="Private headline", consent="private", wish="Secret wish"
        ),
    ]
    theme = Theme(workshop_id=workshop.id, name="Owning it", position=1, strengths=["patience"])
    db.session.add(theme)
    db.session.flush()
    for story in stories:
        story.theme_id = theme.id
    # Words the facilitator wrote by hand travel with an export, quotes cited by story.
    theme.summary, theme.summary_story_ids = "We own it: “we call back”.", [stories[0].id]
    theme.summary_edited = theme.name_edited = True
    workshop.core_summary, workshop.core_summary_edited = "Our core is ownership.", True
    set_phase(workshop, "dream")
    dreams.submit_dream(workshop, named, {"client_id": cid(), "text": "Customers rave about us"})
    dreams.choose_themes(workshop, [theme.id])
    set_phase(workshop, "design")
    proposition, _ = design.submit_proposition(
        workshop, named, {"client_id": cid(), "text": "We own every issue", "theme_id": theme.id}
    )
    other, _ = design.submit_proposition(
        workshop, shy, {"client_id": cid(), "text": "We call back on time", "theme_id": theme.id}
    )
    vote = votes.open_vote(workshop, "propositions", dots=2)
    votes.set_dots(workshop, vote, named, proposition.id, 2)
    votes.set_dots(workshop, vote, shy, other.id, 1)
    set_phase(workshop, "destiny")
    action, _ = destiny.propose_action(
        workshop,
        named,
        {
            "client_id": cid(),
            "title": "Start a callback rota",
            "proposition_id": proposition.id,
            "theme_id": None,
            "owner": "Priya",
            "first_step": "Draft the rota",
            "due_date": date(2027, 1, 31),
            "help_needed": "Team lead",
            "success_measure": "Callbacks kept on time",
        },
    )
    destiny.update_action(workshop, action, {"baseline": "70%", "target": "95%"})
    destiny.volunteer(workshop, action, shy, True)
    destiny.submit_commitment(
        workshop,
        named,
        {"client_id": cid(), "kind": "offer", "text": "I can coach", "consent": "named"},
    )
    destiny.submit_commitment(
        workshop,
        shy,
        {
            "client_id": cid(),
            "kind": "request",
            "text": "I need quiet time",
            "consent": "anonymous",
        },
    )
    db.session.commit()
