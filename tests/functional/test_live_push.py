"""Live events carry new stories drawn for the projector and console (live/pushed.py); any
change but an arrival makes the screens redraw instead."""

import re
import time

from sqlalchemy import event

from ai_workshop.extensions import db
from ai_workshop.live.pushed import MOST_PUSHED, TICKER_SHOWN, read_state, rooms
from ai_workshop.models import Story, Workshop
from ai_workshop.stories.services import set_hidden
from ai_workshop.workshops.services import set_phase

from ..support.sse import afresh, next_version

CSRF_VALUE = re.compile(r'(name="csrf_token" value=")[^"]+(")')


def open_stream(client, workshop, screen):
    response = client.get(f"/live/{workshop.code}/events?screen={screen}", buffered=False)
    return response, iter(response.response)


def test_a_new_story_comes_drawn_in_the_event_for_the_projector(
    client, make, facilitator, workshop, login
):
    teller = make.participant(workshop, "Priya")
    login(facilitator)
    response, chunks = open_stream(client, workshop, "projector")
    first = next_version(chunks)
    assert "items" not in first  # the page drew itself: nothing to insert yet
    workshop, teller = afresh(workshop, teller)  # the stream closed the shared session
    story = make.story(workshop, teller, headline="Named headline", consent="named")
    pushed = next_version(chunks)
    workshop, teller = afresh(workshop, teller)
    assert pushed["previous"] == first["version"] and pushed["version"] > first["version"]
    assert pushed["newest"] == story.id
    assert [item["id"] for item in pushed["items"]] == [story.id]
    assert "Named headline" in pushed["items"][0]["html"] and "Priya" in pushed["items"][0]["html"]
    assert pushed["counts"] == {"stories": 1, "joined": 1}
    assert pushed["labels"] == {
        "stories": "story shared", "joined": "person here", "joined_footer": "1 joined"
    }  # fmt: skip
    make.story(workshop, teller, headline="Secret headline", consent="private")
    private = next_version(chunks)
    assert private["items"] == [] and private["counts"]["stories"] == 2  # never on screen
    assert private["labels"]["stories"] == "stories shared"
    workshop, teller = afresh(workshop, teller)
    several = [make.story(workshop, teller, headline=f"Win {n}").id for n in range(6)]
    burst = next_version(chunks)
    # The ticker holds four: only the newest four are drawn, the event covers all six.
    assert [item["id"] for item in burst["items"]] == several[-TICKER_SHOWN:]
    assert burst["newest"] == several[-1] and burst["counts"]["stories"] == 8
    response.close()


def test_someone_joining_comes_as_counts_without_a_redraw(
    client, make, facilitator, workshop, login
):
    login(facilitator)
    response, chunks = open_stream(client, workshop, "projector")
    first = next_version(chunks)
    make.participant(afresh(workshop)[0], "Amira")
    joined = next_version(chunks)
    assert joined["previous"] == first["version"] and joined["items"] == []
    assert joined["counts"] == {"stories": 0, "joined": 1}
    make.participant(afresh(workshop)[0], "Jonas")
    assert next_version(chunks)["labels"]["joined"] == "people here"
    response.close()


def test_hiding_a_story_makes_the_screens_redraw_at_once(
    client, make, facilitator, workshop, login
):
    """A hide, a correction or a deletion is not an arrival: the projector must not go on
    showing what the facilitator just took off it until the next catch-up."""
    teller = make.participant(workshop, "Priya")
    login(facilitator)
    response, chunks = open_stream(client, workshop, "projector")
    next_version(chunks)
    workshop, teller = afresh(workshop, teller)
    story = make.story(workshop, teller, headline="A customer's phone number")
    assert next_version(chunks)["items"]
    set_hidden(afresh(story)[0], True)
    db.session.commit()
    hidden = next_version(chunks)
    assert "items" not in hidden  # refetch
    workshop, teller = afresh(workshop, teller)
    make.story(workshop, teller, headline="After the hide")
    after = next_version(chunks)
    assert [item["id"] for item in after["items"]] != [story.id]  # pushes resume
    assert "After the hide" in after["items"][0]["html"]
    response.close()


def test_the_console_gets_the_card_its_feed_draws(client, make, facilitator, workshop, login):
    teller = make.participant(workshop, "Priya")
    login(facilitator)
    response, chunks = open_stream(client, workshop, "console")
    next_version(chunks)
    workshop, teller = afresh(workshop, teller)
    story = make.story(
        workshop, teller, headline="Secret headline", consent="private",
        story="Call me back on 0161 496 0000 about the refund, she said.",
    )  # fmt: skip
    (card,) = next_version(chunks)["items"]
    response.close()
    assert "Secret headline" in card["html"] and "Hide from projector" in card["html"]
    assert "Mask personal data" in card["html"]  # the phone number was found
    panel = client.get(f"/workshops/{workshop.code}/console/panel").text
    drawn = re.search(rf'<article[^>]*data-story-id="{story.id}".*?</article>', panel, re.S)
    # Byte for byte the feed's card, but for the CSRF token of each request.
    assert CSRF_VALUE.sub(r"\1\2", card["html"]) == CSRF_VALUE.sub(r"\1\2", drawn.group(0))


def test_a_burst_larger_than_a_push_or_another_phase_asks_for_a_refetch(
    app, client, make, facilitator, workshop, login
):
    # Sixty-one stories take longer than the tests' two-second stream on a busy machine.
    app.config["LIVE_STREAM_MAX_SECONDS"] = 60
    teller = make.participant(workshop, "Priya")
    login(facilitator)
    response, chunks = open_stream(client, workshop, "projector")
    next_version(chunks)
    workshop, teller = afresh(workshop, teller)
    tellers = [teller] + [make.participant(workshop, f"Teller {n}") for n in range(4)]
    for number in range(MOST_PUSHED + 1):
        make.story(workshop, tellers[number % len(tellers)], headline=f"Story {number}")
    # Stored while the stream waited: more than a push holds, so the screen refetches.
    assert "items" not in next_version(chunks)
    set_phase(db.session.get(Workshop, workshop.id), "dream")
    db.session.commit()
    assert "items" not in next_version(chunks)
    response.close()


def test_without_push_the_event_only_says_the_version(
    app, client, make, facilitator, workshop, login
):
    app.config["LIVE_PUSH"] = False
    teller = make.participant(workshop, "Priya")
    login(facilitator)
    response, chunks = open_stream(client, workshop, "projector")
    next_version(chunks)
    workshop, teller = afresh(workshop, teller)
    make.story(workshop, teller, headline="Named headline")
    assert "items" not in next_version(chunks)
    response.close()


class Statements:
    """Counts the SQL statements sent while it is open."""

    def __enter__(self):
        self.count = 0
        event.listen(db.engine, "before_cursor_execute", self._seen)
        return self

    def _seen(self, *_args):
        self.count += 1

    def __exit__(self, *_exc):
        event.remove(db.engine, "before_cursor_execute", self._seen)


def test_the_newest_stories_are_read_once_per_version_for_every_stream(make, workshop):
    teller = make.participant(workshop, "Priya")
    first = make.story(workshop, teller, headline="First")
    state = read_state(workshop.id)
    with Statements() as reading:
        stories, counts = rooms().of(state.id, state.code).since(state, 0)
    assert [s.id for s in stories] == [first.id] and counts == {"stories": 1, "joined": 1}
    assert reading.count >= 1
    with Statements() as again:  # another stream, same version
        assert [s.id for s in rooms().of(state.id, state.code).since(state, 0)[0]] == [first.id]
        assert rooms().of(state.id, state.code).since(state, first.id)[0] == []
    assert again.count == 0
    second = make.story(afresh(workshop)[0], afresh(teller)[0], headline="Second")
    newer = read_state(workshop.id)
    stories, counts = rooms().of(newer.id, newer.code).since(newer, first.id)
    assert [s.id for s in stories] == [second.id] and counts["stories"] == 2


def test_streams_woken_by_one_change_share_one_read_of_the_room(make, workshop):
    teller = make.participant(workshop, "Priya")
    opening = make.story(workshop, teller, headline="First")
    view = rooms().of(workshop.id, workshop.code)
    woke = time.monotonic()
    with Statements() as reading:
        first = view.state(not_before=woke)
        again = view.state(not_before=woke)  # a second stream woken by the same change
    assert again is first and reading.count == 1
    assert (first.stories, first.joined, first.newest) == (1, 1, opening.id)
    story = make.story(afresh(workshop)[0], afresh(teller)[0], headline="Second")
    # A stream woken after that read began needs a new one: it would miss the second story.
    later = view.state(not_before=time.monotonic())
    assert later.version > first.version and later.stories == 2 and later.newest == story.id


def test_a_stream_further_behind_than_is_kept_is_told_to_refetch(make, workshop):
    tellers = [make.participant(workshop, f"Teller {n}") for n in range(4)]
    ids = [
        make.story(afresh(workshop)[0], tellers[n % 4], headline=f"Story {n}").id
        for n in range(MOST_PUSHED + 5)
    ]
    state = read_state(workshop.id)
    kept = rooms().of(state.id, state.code)
    assert kept.since(state, ids[0]) is None  # 64 newer than it, 60 kept
    assert [s.id for s in kept.since(state, ids[4])[0]] == ids[5:]


def test_after_a_hide_the_kept_stories_are_read_afresh(make, workshop):
    teller = make.participant(workshop, "Priya")
    story = make.story(workshop, teller, headline="To hide")
    state = read_state(workshop.id)
    assert not rooms().of(state.id, state.code).since(state, 0)[0][0].hidden
    set_hidden(db.session.get(Story, story.id), True)
    db.session.commit()
    hidden = read_state(workshop.id)
    assert hidden.redraw_version == hidden.version
    assert rooms().of(hidden.id, hidden.code).since(hidden, 0)[0][0].hidden


def test_a_new_workshop_on_a_deleted_ones_id_never_sees_its_stories(make, facilitator):
    from ai_workshop.workshops.sharing import delete_workshop

    gone = make.workshop(facilitator, phase="discover")
    make.story(gone, make.participant(gone, "Priya"), headline="From the deleted room")
    state = read_state(gone.id)
    assert rooms().of(state.id, state.code).since(state, 0)[0]
    delete_workshop(db.session.get(Workshop, gone.id))
    db.session.commit()
    fresh = make.workshop(facilitator, phase="discover")
    state = read_state(fresh.id)
    assert rooms().of(state.id, state.code).since(state, 0)[0] == []
