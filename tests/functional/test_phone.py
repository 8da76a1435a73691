"""The phone pages without JavaScript: plain forms and redirects."""

import re
import uuid

from flask import current_app

from ai_workshop.extensions import db
from ai_workshop.models import Participant, Story


def join(client, code, name="Sam"):
    return client.post(f"/j/{code}", data={"display_name": name})


def story_form(**overrides):
    data = {
        "client_id": str(uuid.uuid4()),
        "headline": "Turning a one-star review around",
        "story": "I listened for twenty minutes and found the real problem in our setup guide.",
        "made_possible": "Time to listen.",
        "strengths": ["active listening", "patience"],
        "other_strengths": "calm under pressure",
        "wish": "Protected time for hard calls.",
        "whose": "partner",
        "consent": "named",
    }
    data.update(overrides)
    return data


def test_join_page_shows_the_topic_and_a_name_box(client, workshop):
    page = client.get(f"/j/{workshop.code}")
    assert page.status_code == 200
    assert workshop.topic.encode() in page.data
    assert b'name="display_name"' in page.data


def test_join_sets_a_cookie_and_rejoining_restores_the_participant(client, workshop):
    response = join(client, workshop.code)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/p/{workshop.code}")
    assert Participant.query.count() == 1
    again = client.get(f"/j/{workshop.code}")
    assert again.status_code == 302  # already joined: straight to the phone page
    assert Participant.query.count() == 1


def test_name_is_optional_and_trimmed(client, workshop):
    join(client, workshop.code, name="   ")
    assert Participant.query.one().display_name is None


def test_too_long_name_gets_a_clear_message(client, workshop):
    response = join(client, workshop.code, name="x" * 80)
    assert response.status_code == 422
    assert b"under 40 characters" in response.data


def test_joining_through_the_page_and_the_api_share_one_limit(app, workshop):
    app.config["RATELIMIT_JOINS_PER_ADDRESS"] = (3, 60)
    phones = [app.test_client() for _ in range(4)]  # each a fresh phone at one address
    assert join(phones[0], workshop.code, "One").status_code == 302
    api = phones[1].post("/api/v1/join", json={"code": workshop.code, "display_name": "Two"})
    assert api.status_code == 201
    assert join(phones[2], workshop.code, "Three").status_code == 302
    limited = join(phones[3], workshop.code, "Four")
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1
    assert "Too many people joined from here just now" in limited.get_data(as_text=True)
    assert 'name="display_name"' in limited.get_data(as_text=True)  # the form, to try again
    assert Participant.query.filter_by(workshop_id=workshop.id).count() == 3


def test_code_box_on_home_page_finds_the_workshop(client, workshop):
    response = client.get(f"/join?code={workshop.code.lower()}")
    assert response.headers["Location"].endswith(f"/j/{workshop.code}")
    assert client.get("/j/NOPE22").status_code == 404


def test_phone_page_without_joining_sends_you_to_join(client, workshop):
    response = client.get(f"/p/{workshop.code}")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/j/{workshop.code}")


def test_submit_a_story_without_javascript(client, workshop):
    join(client, workshop.code)
    response = client.post(f"/p/{workshop.code}/stories", data=story_form())
    assert response.status_code == 302
    story = Story.query.one()
    assert story.strength_names == ["active listening", "patience", "calm under pressure"]
    assert (story.whose, story.consent) == ("partner", "named")
    page = client.get(f"/p/{workshop.code}")
    assert b"Turning a one-star review around" in page.data
    assert b"Your story arrived" in page.data or b"Thank you" in page.data


def test_double_submit_of_one_form_stores_one_story(client, workshop):
    join(client, workshop.code)
    data = story_form()
    client.post(f"/p/{workshop.code}/stories", data=data)
    client.post(f"/p/{workshop.code}/stories", data=data)
    assert Story.query.count() == 1


def test_story_form_validation_messages(client, workshop):
    join(client, workshop.code)
    response = client.post(
        f"/p/{workshop.code}/stories",
        data=story_form(headline="", story="short", strengths=[], other_strengths=""),
    )
    assert response.status_code == 422
    for message in (b"Give your story a headline", b"Tell a little more", b"at least one strength"):
        assert message in response.data
    assert Story.query.count() == 0


def test_more_than_four_strengths_is_refused(client, workshop):
    join(client, workshop.code)
    response = client.post(
        f"/p/{workshop.code}/stories",
        data=story_form(strengths=["patience", "empathy", "respect"], other_strengths="a, b"),
    )
    assert response.status_code == 422
    assert b"at most 4" in response.data


def test_story_outside_discovery_is_refused_with_a_message(client, make, facilitator):
    workshop = make.workshop(facilitator, phase="define")
    join(client, workshop.code)
    response = client.post(f"/p/{workshop.code}/stories", data=story_form())
    assert response.status_code == 409
    assert b"collected during" in response.data


def test_edit_and_delete_own_story(client, workshop):
    join(client, workshop.code)
    client.post(f"/p/{workshop.code}/stories", data=story_form())
    story = Story.query.one()
    form = client.get(f"/p/{workshop.code}/stories/{story.id}/edit")
    assert b"Turning a one-star review around" in form.data
    edited = client.post(
        f"/p/{workshop.code}/stories/{story.id}/edit",
        data=story_form(client_id=story.client_id, headline="A better headline"),
    )
    assert edited.status_code == 302
    db.session.refresh(story)
    assert story.headline == "A better headline"
    client.post(f"/p/{workshop.code}/stories/{story.id}/delete")
    assert Story.query.count() == 0


def test_someone_elses_story_cannot_be_edited(client, app, make, workshop):
    other = make.participant(workshop, "Other")
    story = make.story(workshop, other)
    join(client, workshop.code)
    assert client.get(f"/p/{workshop.code}/stories/{story.id}/edit").status_code == 403
    assert client.post(f"/p/{workshop.code}/stories/{story.id}/delete").status_code == 302
    assert db.session.get(Story, story.id) is not None


def test_phone_page_follows_the_phase(client, make, facilitator):
    workshop = make.workshop(facilitator, phase="define")
    join(client, workshop.code)
    assert b"You're in" in client.get(f"/p/{workshop.code}").data
    workshop.phase = "discover"
    db.session.commit()
    page = client.get(f"/p/{workshop.code}").data
    assert b"data-story-form" in page and b'name="participant-token"' in page


def test_qr_code_is_svg_of_the_join_url(client, workshop):
    response = client.get(f"/j/{workshop.code}/qr.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert response.data.lstrip().startswith(b"<svg")


def picker_sections(page: str) -> tuple[list[str], list[str]]:
    """The chips shown at once and those behind "All strengths", in page order."""
    shown_part, _summary, rest_part = page.partition('<details class="more-strengths"')
    chip = re.compile(r'<input type="checkbox" name="strengths"[^>]* value="([^"]+)"')
    return chip.findall(shown_part), chip.findall(rest_part.partition("</details>")[0])


def test_the_picker_shows_the_rooms_most_named_chips_first(client, make, workshop):
    teller = make.participant(workshop, "Earlier")
    make.story(workshop, teller, strengths=["gratitude", "initiative"])
    make.story(workshop, teller, strengths=["gratitude", "own words nobody listed"])
    make.story(workshop, teller, strengths=["initiative", "gratitude"])
    make.story(workshop, teller, strengths=["warmth"])
    join(client, workshop.code)
    shown, rest = picker_sections(client.get(f"/p/{workshop.code}").get_data(as_text=True))
    vocabulary = workshop.strengths_vocabulary
    assert shown[:3] == ["gratitude", "initiative", "warmth"]
    assert shown[3:] == [name for name in vocabulary if name not in shown[:3]][: len(shown) - 3]
    assert 8 <= len(shown) <= 10
    assert sorted(shown + rest) == sorted(vocabulary)
    assert rest == [name for name in vocabulary if name not in shown]

    # A new story changes the order on a page drawn afresh (the room's copy of the page
    # lasts a few seconds: phone/room_page.py).
    make.story(workshop, teller, strengths=["composure"])
    make.story(workshop, teller, strengths=["composure"])
    make.story(workshop, teller, strengths=["composure"])
    current_app.extensions.pop("aiw_room_pages", None)
    shown, _rest = picker_sections(client.get(f"/p/{workshop.code}").get_data(as_text=True))
    assert shown[:2] == ["composure", "gratitude"]


def test_a_chosen_chip_from_the_rest_is_shown_when_editing(client, workshop):
    join(client, workshop.code)
    client.post(f"/p/{workshop.code}/stories", data=story_form(strengths=["gratitude"]))
    story = Story.query.one()
    page = client.get(f"/p/{workshop.code}/stories/{story.id}/edit").get_data(as_text=True)
    shown, rest = picker_sections(page)
    assert rest and "gratitude" in shown and "gratitude" not in rest
    assert re.search(r'value="gratitude" checked', page)


def test_too_many_strengths_is_said_beside_the_own_words(client, workshop):
    join(client, workshop.code)
    response = client.post(
        f"/p/{workshop.code}/stories",
        data=story_form(strengths=["patience", "empathy"], other_strengths="calm, humour, grit"),
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    own_words = page.index('id="other_strengths"')
    message = page.index('<p class="error-text">Pick at most 4 strengths.</p>')
    picker_end = page.index("</fieldset>", own_words)
    assert own_words < message < picker_end  # right under the own words, inside the picker
    assert page.count('<p class="error-text">Pick at most 4 strengths.</p>') == 1
    own_input = re.search(r'<input[^>]*id="other_strengths"[^>]*>', page).group(0)
    assert 'aria-invalid="true"' in own_input
    assert "strengths-errors" in own_input and "strengths-count" in own_input
    assert re.search(r'id="strengths-count"[^>]*aria-live="polite"[^>]*>5 of 4<', page)


def test_a_partners_name_is_stored_only_with_a_partners_story(client, workshop):
    join(client, workshop.code)
    url = f"/p/{workshop.code}/stories"
    client.post(url, data=story_form(headline="Ben's story", whose="partner", partner_name="Ben"))
    client.post(url, data=story_form(headline="My own story", whose="mine", partner_name="Ben"))
    stored = {story.headline: story.partner_name for story in Story.query}
    assert stored == {"Ben's story": "Ben", "My own story": ""}
