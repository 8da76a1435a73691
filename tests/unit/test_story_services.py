"""Story workflows against a real database (SQLite, and PostgreSQL when configured)."""

import pytest

from ai_workshop.domain_errors import Conflict, Forbidden, NotAllowedNow, NotFound
from ai_workshop.extensions import db
from ai_workshop.models import Story
from ai_workshop.stories import services
from ai_workshop.stories.queries import strengths_cloud, ticker_stories

from ..factories import story_fields


def test_submitting_twice_with_one_client_id_stores_one_story(make, workshop):
    participant = make.participant(workshop)
    fields = story_fields()
    first, created_first = services.submit_story(workshop, participant, fields)
    db.session.commit()
    again, created_again = services.submit_story(workshop, participant, dict(fields))
    db.session.commit()
    assert (created_first, created_again) == (True, False)
    assert again == first
    assert db.session.query(Story).count() == 1


def test_a_client_id_used_by_someone_else_is_a_conflict(make, workshop):
    alice, bob = make.participant(workshop, "Alice"), make.participant(workshop, "Bob")
    fields = story_fields()
    make.story(workshop, alice, client_id=fields["client_id"])
    with pytest.raises(Conflict):
        services.submit_story(workshop, bob, fields)


def test_stories_are_only_collected_during_discovery(make, facilitator):
    workshop = make.workshop(facilitator, phase="dream")
    participant = make.participant(workshop)
    with pytest.raises(NotAllowedNow):
        services.submit_story(workshop, participant, story_fields())


def test_a_retry_after_the_phase_closed_still_gets_its_story_back(make, workshop):
    participant = make.participant(workshop)
    fields = story_fields()
    story = make.story(workshop, participant, **fields)
    workshop.phase = "dream"
    db.session.commit()
    again, created = services.submit_story(workshop, participant, fields)
    assert (again, created) == (story.id, False)


def test_each_change_bumps_the_workshop_version(make, workshop):
    participant = make.participant(workshop)
    before = workshop.version
    story = make.story(workshop, participant)
    db.session.refresh(workshop)
    assert workshop.version == before + 1
    services.set_hidden(story, True)
    db.session.commit()
    db.session.refresh(workshop)
    assert workshop.version == before + 2


def test_only_the_teller_may_edit_or_delete(make, workshop):
    alice, bob = make.participant(workshop, "Alice"), make.participant(workshop, "Bob")
    story = make.story(workshop, alice)
    with pytest.raises(Forbidden):
        services.own_story(bob, story.id)
    with pytest.raises(NotFound):
        services.own_story(alice, story.id + 999)


def test_the_tellers_delete_removes_the_story(make, workshop):
    participant = make.participant(workshop)
    story = make.story(workshop, participant)
    services.delete_own_story(participant, story)
    db.session.commit()
    assert db.session.get(Story, story.id) is None


def test_per_person_story_limit(make, workshop, monkeypatch):
    monkeypatch.setattr(services, "MAX_STORIES_PER_PARTICIPANT", 2)
    participant = make.participant(workshop)
    make.story(workshop, participant)
    make.story(workshop, participant)
    with pytest.raises(Conflict):
        services.submit_story(workshop, participant, story_fields())


def test_ticker_respects_consent_and_moderation(make, workshop):
    named = make.participant(workshop, "Priya")
    make.story(workshop, named, headline="Named one", consent="named")
    make.story(workshop, named, headline="Private one", consent="private")
    hidden = make.story(workshop, named, headline="Hidden one")
    parked = make.story(workshop, named, headline="Parked one")
    services.set_hidden(hidden, True)
    services.set_parked(parked, True)
    db.session.commit()
    ticker = ticker_stories(workshop)
    assert [story.headline for story in ticker] == ["Named one"]
    assert ticker[0].attribution == "Priya"


def test_anonymous_stories_never_carry_a_name(make, workshop):
    story = make.story(workshop, make.participant(workshop, "Priya"), consent="anonymous")
    assert story.attribution is None


def test_strengths_cloud_counts_private_stories_but_not_parked_ones(make, workshop):
    teller = make.participant(workshop)
    make.story(workshop, teller, strengths=["patience"], consent="private")
    make.story(workshop, teller, strengths=["patience", "empathy"])
    parked = make.story(workshop, teller, strengths=["honesty"])
    services.set_parked(parked, True)
    db.session.commit()
    cloud = {item["name"]: item for item in strengths_cloud(workshop)}
    assert cloud["patience"]["count"] == 2
    assert cloud["empathy"]["count"] == 1
    assert "honesty" not in cloud
    assert cloud["patience"]["step"] > cloud["empathy"]["step"]


def test_facilitator_correction_keeps_consent_and_marks_the_story(make, workshop):
    story = make.story(workshop, make.participant(workshop), consent="private")
    services.correct_text(story, {"headline": "Fixed headline"})
    db.session.commit()
    assert (story.headline, story.consent, story.edited_by_facilitator) == (
        "Fixed headline",
        "private",
        True,
    )


def test_a_correction_never_names_a_partner_on_the_tellers_own_story(make, workshop):
    participant = make.participant(workshop)
    mine = make.story(workshop, participant, whose="mine")
    partners = make.story(workshop, participant, whose="partner", partner_name="Ben")
    services.correct_text(mine, {"headline": "Fixed", "partner_name": "Ben"})
    services.correct_text(partners, {"headline": "Fixed", "partner_name": "Benjamin"})
    db.session.commit()
    assert (mine.partner_name, partners.partner_name) == ("", "Benjamin")
