"""Dream, Design and Destiny workflows against the database."""

import uuid
from datetime import date

import pytest

from ai_workshop.contributions import design, destiny, dreams, votes
from ai_workshop.domain_errors import Conflict, NotAllowedNow, NotFound, ValidationFailed
from ai_workshop.extensions import db
from ai_workshop.models import Dream, Theme


def cid():
    return str(uuid.uuid4())


@pytest.fixture
def dreaming(make, facilitator):
    workshop = make.workshop(facilitator, phase="dream", name="Dreaming")
    for position, name in enumerate(["Ownership", "Warmth", "Learning"]):
        db.session.add(Theme(workshop_id=workshop.id, name=name, position=position))
    db.session.commit()
    return workshop


def themes(workshop):
    return Theme.query.filter_by(workshop_id=workshop.id).order_by(Theme.position).all()


def test_a_dream_is_stored_once_per_client_id(make, dreaming):
    person = make.participant(dreaming)
    fields = {
        "client_id": cid(),
        "text": "Customers rave about us",
        "theme_id": themes(dreaming)[0].id,
    }
    first, created = dreams.submit_dream(dreaming, person, fields)
    again, created_again = dreams.submit_dream(dreaming, person, dict(fields))
    db.session.commit()
    assert (created, created_again, first.id) == (True, False, again.id)
    assert Dream.query.count() == 1


def test_dreams_only_in_the_dream_phase(make, facilitator):
    workshop = make.workshop(facilitator, phase="design")
    with pytest.raises(NotAllowedNow):
        dreams.submit_dream(
            workshop, make.participant(workshop), {"client_id": cid(), "text": "x" * 10}
        )


def test_default_dots_are_about_a_third_of_the_options():
    assert [votes.default_dots(n) for n in (1, 2, 3, 4, 9, 10, 15)] == [1, 1, 1, 1, 3, 3, 5]


def test_vote_rules_dots_left_cap_and_idempotent_set(make, dreaming):
    vote = votes.open_vote(dreaming, "themes", dots=3, cap=2)
    db.session.commit()
    person = make.participant(dreaming)
    one, two, three = (theme.id for theme in themes(dreaming))
    assert votes.set_dots(dreaming, vote, person, one, 2)[0] == {one: 2}
    assert votes.set_dots(dreaming, vote, person, one, 2)[0] == {one: 2}  # same call, same result
    with pytest.raises(ValidationFailed):
        votes.set_dots(dreaming, vote, person, two, 3)  # over the cap per option
    votes.set_dots(dreaming, vote, person, two, 1)
    with pytest.raises(Conflict):
        votes.set_dots(dreaming, vote, person, three, 1)  # no dots left
    votes.set_dots(dreaming, vote, person, one, 1)  # take one back
    mine, options = votes.set_dots(dreaming, vote, person, three, 1)
    assert mine == {one: 1, two: 1, three: 1}
    assert {option.id for option in options} >= {one, two, three}
    with pytest.raises(NotFound):
        votes.set_dots(dreaming, vote, person, 999999, 1)
    votes.close_vote(dreaming, vote)
    with pytest.raises(NotAllowedNow):
        votes.set_dots(dreaming, vote, person, one, 0)


def test_tally_shows_ties_as_ties(make, dreaming):
    vote = votes.open_vote(dreaming, "themes", dots=2)
    one, two, three = (theme.id for theme in themes(dreaming))
    for option in (one, two):
        votes.set_dots(dreaming, vote, make.participant(dreaming), option, 2)
    votes.set_dots(dreaming, vote, make.participant(dreaming), three, 1)
    db.session.commit()
    rows = [(row.option.id, row.dots, row.rank, row.tied) for row in votes.tally(dreaming, vote)]
    assert rows == [(one, 2, 1, True), (two, 2, 1, True), (three, 1, 3, False)]


def test_a_vote_needs_two_options(make, facilitator):
    workshop = make.workshop(facilitator, phase="dream")
    with pytest.raises(ValidationFailed):
        votes.open_vote(workshop, "dreams")


def test_top_voted_themes_are_suggested_for_design(make, dreaming):
    vote = votes.open_vote(dreaming, "themes", dots=3)
    one, two, three = (theme.id for theme in themes(dreaming))
    votes.set_dots(dreaming, vote, make.participant(dreaming), two, 3)
    votes.set_dots(dreaming, vote, make.participant(dreaming), three, 1)
    db.session.commit()
    assert dreams.suggested_choice(dreaming) == [two, three]
    dreams.choose_themes(dreaming, [two])
    assert [theme.id for theme in dreams.chosen_themes(dreaming)] == [two]


def test_propositions_need_design_and_a_chosen_theme(make, dreaming):
    person = make.participant(dreaming)
    chosen, other = themes(dreaming)[:2]
    dreams.choose_themes(dreaming, [chosen.id])
    dreaming.phase = "design"
    db.session.commit()
    with pytest.raises(ValidationFailed):
        design.submit_proposition(
            dreaming, person, {"client_id": cid(), "text": "We own it", "theme_id": other.id}
        )
    item, created = design.submit_proposition(
        dreaming, person, {"client_id": cid(), "text": "We own it", "theme_id": chosen.id}
    )
    assert created and item.theme_id == chosen.id
    twin, _ = design.submit_proposition(
        dreaming, person, {"client_id": cid(), "text": "Same", "theme_id": chosen.id}
    )
    design.merge_propositions(dreaming, twin, item)
    db.session.commit()
    assert [p.id for p in design.propositions_of(dreaming, visible_only=True)] == [item.id]


def test_actions_volunteers_and_commitments(make, dreaming):
    chosen = themes(dreaming)[0]
    dreams.choose_themes(dreaming, [chosen.id])
    dreaming.phase = "design"
    proposer, helper = make.participant(dreaming, "Ana"), make.participant(dreaming, "Bo")
    proposition, _ = design.submit_proposition(
        dreaming, proposer, {"client_id": cid(), "text": "We own it", "theme_id": chosen.id}
    )
    dreaming.phase = "destiny"
    db.session.commit()
    action, created = destiny.propose_action(
        dreaming, proposer,
        {"client_id": cid(), "title": "Start a callback rota", "proposition_id": proposition.id, "theme_id": None,
         "owner": "Ana", "first_step": "Draft it", "due_date": date(2027, 1, 31), "help_needed": "",
         "success_measure": "callbacks kept"},
    )  # fmt: skip
    db.session.commit()
    assert created and action.theme_id == chosen.id  # the theme follows the proposition
    assert [v.participant_id for v in action.volunteers] == [proposer.id]
    destiny.volunteer(dreaming, action, helper, True)
    destiny.volunteer(dreaming, action, helper, True)  # idempotent
    db.session.commit()
    assert len(action.volunteers) == 2
    destiny.volunteer(dreaming, action, helper, False)
    db.session.commit()
    assert len(action.volunteers) == 1
    with pytest.raises(ValidationFailed):
        destiny.update_action(
            dreaming, action, {"start_date": date(2027, 2, 1), "due_date": date(2027, 1, 1)}
        )
    item, created = destiny.submit_commitment(
        dreaming,
        helper,
        {"client_id": cid(), "kind": "offer", "text": "I can coach", "consent": "named"},
    )
    assert created and item.attribution == "Bo"
    with pytest.raises(ValidationFailed):
        destiny.submit_commitment(
            dreaming, helper, {"client_id": cid(), "kind": "wish", "text": "x"}
        )
