"""The phone page drawn once for the room is the page each phone would have been drawn.

In every phase and screen, a phone with nothing of its own gets the room's copy: the same
bytes as its full drawing but for its own CSRF token and fresh client ids. A phone with
something of its own on the screen is drawn in full and sees it.
"""

import re

import pytest
from flask import g

from ai_workshop.contributions import design, destiny, dreams, votes
from ai_workshop.extensions import db
from ai_workshop.phone import home_page, room_page

from ..support.rooms import (
    CSRF_VALUE,
    SCREENS,
    UUID,
    action_fields,
    comparable,
    fields,
    room_with_writing,
    set_screen,
)


def join(client, code, name=""):
    response = client.post(f"/j/{code}", data={"display_name": name})
    assert response.status_code == 302


def drawn_in_full(client, monkeypatch, path: str) -> str:
    with monkeypatch.context() as patch:
        patch.setattr(home_page, "is_for_the_room", lambda *_args: False)
        response = client.get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.mark.parametrize(("phase", "screen"), SCREENS)
def test_the_rooms_copy_is_the_phones_own_drawing(
    app, client, make, facilitator, monkeypatch, phase, screen
):
    workshop, ada = room_with_writing(make, facilitator, phase)
    set_screen(workshop, ada, screen)
    join(client, workshop.code)
    path = f"/p/{workshop.code}"

    drawn = []
    original = home_page.render_home
    monkeypatch.setattr(
        home_page,
        "render_home",
        lambda *args, **kwargs: drawn.append(args[1]) or original(*args, **kwargs),
    )
    served = client.get(path).get_data(as_text=True)
    assert drawn and drawn[-1] is room_page.ROOM_PHONE, "served from the room's copy"
    assert comparable(served) == comparable(drawn_in_full(client, monkeypatch, path))

    # The live part too, where the phase has one.
    live = client.get(f"{path}/live").get_data(as_text=True)
    assert comparable(live) == comparable(drawn_in_full(client, monkeypatch, f"{path}/live"))

    # What the phone wrote is drawn into the room's copy, where its list goes.
    text = write_to_own_list(make, workshop, workshop.participants[-1])
    if text:
        # Discovery's strength chips follow the room's stories: a copy a moment old may not.
        app.extensions.pop("aiw_room_pages", None)
        drawn.clear()
        served = client.get(path).get_data(as_text=True)
        assert all(phone is room_page.ROOM_PHONE for phone in drawn), "still the room's copy"
        assert text in served
        assert comparable(served) == comparable(drawn_in_full(client, monkeypatch, path))


def write_to_own_list(make, workshop, phone) -> str | None:
    """Something the phone writes that its page lists under the phase's task."""
    if workshop.phase == "discover":
        make.story(workshop, phone, headline="My night-shift story")
        return "My night-shift story"
    if workshop.phase == "dream":
        dreams.submit_dream(workshop, phone, fields(text="My dream of calm queues", theme_id=None))
    elif workshop.phase == "design":
        theme = dreams.chosen_themes(workshop)[0]
        design.submit_proposition(workshop, phone, fields(text="My proposition", theme_id=theme.id))
    elif workshop.phase == "destiny":
        destiny.submit_commitment(
            workshop, phone, fields(kind="commitment", text="My commitment", consent="named")
        )
    else:
        return None
    db.session.commit()
    return {"dream": "My dream of calm queues", "design": "My proposition"}.get(
        workshop.phase, "My commitment"
    )


def test_each_phone_gets_its_own_tokens_and_client_ids(app, make, facilitator):
    workshop, _ada = room_with_writing(make, facilitator, "dream")
    app.config["WTF_CSRF_ENABLED"] = True
    pages = []
    for _ in range(2):
        phone = app.test_client()
        g.pop("csrf_token", None)  # the tests' requests share one application context
        join_page = phone.get(f"/j/{workshop.code}").get_data(as_text=True)
        csrf = CSRF_VALUE.search(join_page).group(0).split('value="')[1][:-1]
        phone.post(f"/j/{workshop.code}", data={"display_name": "", "csrf_token": csrf})
        page = phone.get(f"/p/{workshop.code}").get_data(as_text=True)
        pages.append((phone, page))

    ids = [set(re.findall(r'name="client_id" type="hidden" value="([^"]+)"', p)) for _, p in pages]
    assert ids[0] and ids[1] and not ids[0] & ids[1]
    assert all(UUID.fullmatch(value) for value in ids[0] | ids[1])
    tokens = [
        re.search(r'name="participant-token" content="([^"]+)"', p).group(1) for _, p in pages
    ]
    assert tokens[0] != tokens[1]

    # Each phone's form carries a CSRF token its own session accepts.
    for phone, page in pages:
        csrf = CSRF_VALUE.search(page).group(0).split('value="')[1][:-1]
        client_id = re.search(r'name="client_id" type="hidden" value="([^"]+)"', page).group(1)
        sent = phone.post(
            f"/p/{workshop.code}/dreams",
            data={"csrf_token": csrf, "client_id": client_id, "text": "Callers know our names"},
        )
        assert sent.status_code == 302, sent.get_data(as_text=True)[:500]
    assert len(dreams.dreams_of(workshop)) == 5


def test_a_page_marked_for_the_room_never_leaks_its_marks(app, make, facilitator):
    workshop, _ada = room_with_writing(make, facilitator, "destiny")
    phone = app.test_client()
    join(phone, workshop.code)
    page = phone.get(f"/p/{workshop.code}").get_data(as_text=True)
    for mark in (room_page.CSRF_MARK, room_page.TOKEN_MARK, room_page.CLIENT_ID_MARK):
        assert mark not in page


@pytest.mark.parametrize(
    ("phase", "write", "shown"),
    [
        ("define", None, "You're in, Bea!"),
        ("discover", "story", "Your stories"),
        ("dream", "dream", "Your dreams"),
        ("dream", "dots", 'data-my-dots aria-label="your dots">1<'),
        ("design", "proposition", "Your propositions"),
        ("destiny", "action", "You proposed this action."),
        ("destiny", "team", "Leave the team"),
        ("destiny", "commitment", "What you said"),
    ],
)
def test_a_phone_with_its_own_writing_sees_it(app, client, make, facilitator, phase, write, shown):
    workshop, ada = room_with_writing(make, facilitator, phase)
    join(client, workshop.code, "Bea")
    client.get(f"/p/{workshop.code}")  # the room's copy is drawn and kept
    bea = workshop.participants[-1]
    assert bea.display_name == "Bea"
    if write == "story":
        make.story(workshop, bea)
    elif write == "dream":
        dreams.submit_dream(workshop, bea, fields(text="Calls answered by name", theme_id=None))
    elif write == "dots":
        vote = votes.open_vote(workshop, "dreams")
        db.session.commit()
        client.get(f"/p/{workshop.code}")
        votes.set_dots(workshop, vote, bea, votes.options_for(workshop, "dreams")[0].id, 1)
    elif write == "proposition":
        theme = dreams.chosen_themes(workshop)[0]
        design.submit_proposition(workshop, bea, fields(text="We call back", theme_id=theme.id))
    elif write == "action":
        destiny.propose_action(workshop, bea, action_fields("Bea's huddle"))
    elif write == "team":
        action = destiny.actions_of(workshop)[0]
        destiny.volunteer(workshop, action, bea, joining=True)
    elif write == "commitment":
        destiny.submit_commitment(
            workshop, bea, fields(kind="commitment", text="I will call back", consent="named")
        )
    db.session.commit()
    assert shown in client.get(f"/p/{workshop.code}").get_data(as_text=True)


def test_a_message_to_show_is_drawn_for_the_phone(client, workshop):
    join(client, workshop.code)
    client.get(f"/p/{workshop.code}")
    with client.session_transaction() as session:
        session["_flashes"] = [("success", "A note for this phone alone.")]
    page = client.get(f"/p/{workshop.code}").get_data(as_text=True)
    assert "A note for this phone alone." in page
    assert "A note for this phone alone." not in client.get(f"/p/{workshop.code}").get_data(
        as_text=True
    )


@pytest.mark.parametrize("phase", ["define", "discover", "dream", "destiny"])
def test_a_seated_phone_gets_the_rooms_copy_with_its_own_table(
    app, client, make, facilitator, monkeypatch, phase
):
    workshop, _ada = room_with_writing(make, facilitator, phase)
    workshop.table_count = 8
    db.session.commit()
    response = client.post(f"/j/{workshop.code}/t/6", data={"display_name": ""})
    assert response.status_code == 302
    path = f"/p/{workshop.code}"
    assert "You&#39;re at table 6." in client.get(path).get_data(as_text=True)
    served = client.get(path).get_data(as_text=True)
    # From Design on, a summit's tables become self-chosen teams on the phone.
    assert ("Choose your team" if phase == "destiny" else "Table 6") in served
    assert comparable(served) == comparable(drawn_in_full(client, monkeypatch, path))


def test_an_unseated_phone_in_a_room_with_tables_gets_the_copy_with_its_choice(
    app, client, make, facilitator, monkeypatch
):
    workshop, _ada = room_with_writing(make, facilitator, "dream")
    workshop.table_count = 8
    db.session.commit()
    join(client, workshop.code)
    path = f"/p/{workshop.code}"
    served = client.get(path).get_data(as_text=True)
    assert "Choose your table" in served
    assert comparable(served) == comparable(drawn_in_full(client, monkeypatch, path))
