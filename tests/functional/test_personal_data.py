"""Personal data in stories: the console's badge, Mask and Mask all, and the API's hint."""

import re
import uuid

import pytest

from ai_workshop.extensions import db
from ai_workshop.models import Story

PHONE, EMAIL, CARD = "020 7946 0958", "jo.bloggs@example.com", "4111 1111 1111 1111"


@pytest.fixture
def teller(make, workshop):
    return make.participant(workshop, "Priya")


@pytest.fixture
def flagged(make, workshop, teller):
    """A story with a customer's details in every text field."""
    return make.story(
        workshop,
        teller,
        headline=f"Called back on {PHONE}",
        story=f"The customer, {EMAIL}, was charged twice on card {CARD} in 2024.",
        made_possible="A colleague who knew order 12345678 by heart.",
        wish=f"Never again read {PHONE} aloud.",
        consent="named",
        strengths=["patience", "follow-through"],
    )


@pytest.fixture
def clean(make, workshop, teller):
    return make.story(
        workshop, teller, headline="Night shift hero", story="We fixed it in 10 minutes, 24/7."
    )


def mask_url(workshop, story) -> str:
    return f"/workshops/{workshop.code}/stories/{story.id}/mask"


def stored(story_id: int) -> Story:
    db.session.expire_all()
    return db.session.get(Story, story_id)


def test_console_marks_stories_with_personal_data(
    client, facilitator, workshop, flagged, clean, login
):
    login(facilitator)
    page = client.get(f"/workshops/{workshop.code}/console").data.decode()
    badges = re.findall(r'<span class="badge privacy" data-personal-data>(.*?)</span>', page)
    assert badges == ["<strong>Personal data?</strong> phone number, e-mail, account number"]
    assert page.count(f'action="{mask_url(workshop, flagged)}"') == 1
    assert mask_url(workshop, clean) not in page
    assert f'action="/workshops/{workshop.code}/stories/mask-all"' in page
    assert "1 story below may hold" in page
    assert f'on <mark class="personal">{PHONE}</mark></h3>' in page
    assert f'<mark class="personal">{EMAIL}</mark>' in page


def test_console_marks_details_in_hostile_text_without_running_it(
    client, make, facilitator, workshop, teller, login
):
    make.story(workshop, teller, headline=f"<script>alert(1)</script> {{{{7*7}}}} {PHONE}")
    login(facilitator)
    page = client.get(f"/workshops/{workshop.code}/console/panel").data.decode()
    expected = (
        f'&lt;script&gt;alert(1)&lt;/script&gt; {{{{7*7}}}} <mark class="personal">{PHONE}</mark>'
    )
    assert expected in page
    assert "<script>alert" not in page


def test_console_without_personal_data_offers_no_masking(
    client, facilitator, workshop, clean, login
):
    login(facilitator)
    page = client.get(f"/workshops/{workshop.code}/console/panel").data.decode()
    assert "Personal data?" not in page
    assert "mask-all" not in page and "/mask" not in page


def test_mask_replaces_the_details_and_keeps_the_rest_of_the_story(
    client, facilitator, workshop, flagged, login
):
    version = workshop.version
    login(facilitator)
    response = client.post(mask_url(workshop, flagged))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/workshops/{workshop.code}/console")
    story = stored(flagged.id)
    assert story.headline == "Called back on [phone number]"
    assert story.story == (
        "The customer, [e-mail], was charged twice on card [account number] in 2024."
    )
    assert story.made_possible == "A colleague who knew order [account number] by heart."
    assert story.wish == "Never again read [phone number] aloud."
    assert story.edited_by_facilitator is True
    assert (story.consent, story.whose, story.hidden, story.parked) == (
        "named",
        "mine",
        False,
        False,
    )
    assert story.strength_names == ["patience", "follow-through"]
    assert story.participant.display_name == "Priya"
    assert story.workshop.version > version  # the projector and console redraw
    page = client.get(f"/workshops/{workshop.code}/console").data.decode()
    assert "Masked 5 personal details in “Called back on [phone number]”." in page
    assert "Personal data?" not in page


def test_masked_text_is_what_the_projector_and_plan_show(
    client, facilitator, workshop, flagged, login
):
    login(facilitator)
    client.post(mask_url(workshop, flagged))
    projector = client.get(f"/projector/{workshop.code}/panel").data.decode()
    plan = client.get(f"/plan/{workshop.code}").data.decode()
    for page in (projector, plan):
        assert "Called back on [phone number]" in page
        assert PHONE not in page


def test_mask_from_the_console_script_answers_with_a_message(
    client, facilitator, workshop, flagged, login
):
    login(facilitator)
    response = client.post(mask_url(workshop, flagged), headers={"X-Requested-With": "fetch"})
    assert response.status_code == 200
    assert response.json == {
        "message": "Masked 5 personal details in “Called back on [phone number]”."
    }


def test_mask_leaves_a_clean_story_untouched(client, facilitator, workshop, clean, login):
    login(facilitator)
    response = client.post(mask_url(workshop, clean), headers={"X-Requested-With": "fetch"})
    assert response.json == {"message": "Nothing to mask in this story."}
    story = stored(clean.id)
    assert story.story == "We fixed it in 10 minutes, 24/7."
    assert story.edited_by_facilitator is False


def test_mask_refuses_anonymous_visitors(client, workshop, flagged):
    response = client.post(mask_url(workshop, flagged))
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    assert client.post(f"/workshops/{workshop.code}/stories/mask-all").status_code == 302
    assert PHONE in stored(flagged.id).headline


def test_mask_refuses_another_facilitator(client, make, workshop, flagged, login):
    login(make.facilitator())
    assert client.post(mask_url(workshop, flagged)).status_code == 403
    assert client.post(f"/workshops/{workshop.code}/stories/mask-all").status_code == 403
    assert PHONE in stored(flagged.id).headline


def test_mask_finds_no_story_of_another_workshop(client, make, facilitator, workshop, login):
    elsewhere = make.workshop(facilitator, phase="discover")
    story = make.story(elsewhere, make.participant(elsewhere), headline=f"Call {PHONE}")
    login(facilitator)
    assert client.post(mask_url(workshop, story)).status_code == 404
    assert client.post(f"/workshops/{workshop.code}/stories/999999/mask").status_code == 404
    assert client.post("/workshops/NOPE42/stories/mask-all").status_code == 404
    assert PHONE in stored(story.id).headline


def test_mask_needs_the_csrf_token(app, client, facilitator, workshop, flagged, login):
    login(facilitator)
    app.config["WTF_CSRF_ENABLED"] = True
    refused = client.post(mask_url(workshop, flagged))
    assert refused.status_code == 400
    assert client.post(f"/workshops/{workshop.code}/stories/mask-all").status_code == 400
    assert PHONE in stored(flagged.id).headline
    page = client.get(f"/workshops/{workshop.code}/console").data.decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert client.post(mask_url(workshop, flagged), data={"csrf_token": token}).status_code == 302
    assert stored(flagged.id).headline == "Called back on [phone number]"


def test_mask_all_masks_only_flagged_stories_and_counts_them(
    client, make, facilitator, workshop, teller, flagged, clean, login
):
    second = make.story(workshop, teller, headline="Mail from jo@example.org", consent="private")
    elsewhere = make.workshop(facilitator, phase="discover")
    other = make.story(elsewhere, make.participant(elsewhere), headline=f"Call {PHONE}")
    login(facilitator)
    response = client.post(f"/workshops/{workshop.code}/stories/mask-all", follow_redirects=True)
    assert "Masked personal details in 2 stories." in response.data.decode()
    assert stored(flagged.id).headline == "Called back on [phone number]"
    assert stored(second.id).headline == "Mail from [e-mail]"
    assert stored(second.id).edited_by_facilitator is True
    untouched = stored(clean.id)
    assert (untouched.story, untouched.edited_by_facilitator) == (
        "We fixed it in 10 minutes, 24/7.",
        False,
    )
    assert stored(other.id).headline == f"Call {PHONE}"
    again = client.post(
        f"/workshops/{workshop.code}/stories/mask-all", headers={"X-Requested-With": "fetch"}
    )
    assert again.json == {"message": "No story has personal details to mask."}


def test_api_story_answer_lists_personal_data_by_field(client, workshop, teller):
    def send(**fields):
        payload = {
            "client_id": str(uuid.uuid4()),
            "headline": "The refund that became a referral",
            "story": "A customer called about a double charge in 2024 and I stayed with it.",
            "strengths": ["patience"],
        } | fields
        headers = {"Authorization": f"Bearer {teller.token}"}
        return client.post(
            f"/api/v1/workshops/{workshop.code}/stories", json=payload, headers=headers
        )

    clean_answer = send()
    assert clean_answer.status_code == 201 and clean_answer.json["personal_data"] == []
    answer = send(story=f"She gave me {EMAIL} and {PHONE} on the phone.", wish=f"Card {CARD}.")
    assert answer.status_code == 201
    assert answer.json["personal_data"] == [
        {"field": "story", "kind": "phone"},
        {"field": "story", "kind": "email"},
        {"field": "wish", "kind": "account"},
    ]
    assert db.session.get(Story, answer.json["id"]).story.startswith(f"She gave me {EMAIL}")


def test_a_masked_headline_stays_within_its_column(client, make, facilitator, workshop, login):
    """Placeholders are longer than the numbers they replace; the column holds 200."""
    story = make.story(workshop, make.participant(workshop), headline="#12345678 " * 12)
    login(facilitator)
    assert client.post(mask_url(workshop, story)).status_code == 302
    headline = stored(story.id).headline
    assert len(headline) == 200 and headline.startswith("#[account number] #[account number]")
    assert not re.search(r"\d", headline)
