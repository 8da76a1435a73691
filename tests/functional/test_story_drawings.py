"""A story's console card and ticker line are drawn once per process and kept until the story,
its teller's name or the language changes; each viewer still gets their own CSRF token."""

import re

import pytest
from flask import g, template_rendered
from flask_babel import force_locale

from ai_workshop.extensions import db
from ai_workshop.models import Participant, Story
from ai_workshop.stories.drawn import story_card, ticker_line
from ai_workshop.stories.services import set_hidden

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def drawn(app):
    """The names of the templates drawn while the test runs."""
    names = []

    def record(_sender, template, **_extra):
        names.append(template.name)

    template_rendered.connect(record, app)
    yield names
    template_rendered.disconnect(record, app)


def card_in_a_request(app, story_id, workshop):
    """As a viewer's request draws it (tests share one app context, and so Flask-WTF's
    token of the last request: each request here starts without one)."""
    with app.test_request_context("/"):
        g.pop("csrf_token", None)
        return str(story_card(db.session.get(Story, story_id), workshop))


def test_a_card_is_drawn_once_and_each_request_gets_its_own_token(app, make, workshop, drawn):
    app.config["WTF_CSRF_ENABLED"] = True
    story = make.story(workshop, make.participant(workshop, "Priya"), headline="Kept card")
    first = card_in_a_request(app, story.id, workshop)
    second = card_in_a_request(app, story.id, workshop)
    assert drawn.count("workshops/_story_card.html") == 1
    tokens = {TOKEN.findall(first)[0], TOKEN.findall(second)[0]}
    assert len(tokens) == 2 and all(len(token) > 20 for token in tokens)
    assert TOKEN.sub("", first) == TOKEN.sub("", second)
    assert not re.search(r"csrf[0-9a-f]{24}", first + second)  # the kept mark never shows


def test_a_change_to_the_story_or_its_teller_draws_it_again(app, make, workshop, drawn):
    teller = make.participant(workshop, "Priya")
    story = make.story(workshop, teller, headline="Moderated card")
    assert "Hide from projector" in card_in_a_request(app, story.id, workshop)
    set_hidden(db.session.get(Story, story.id), True)
    db.session.commit()
    assert "Show on projector" in card_in_a_request(app, story.id, workshop)
    db.session.get(Participant, teller.id).display_name = "Priya S."
    db.session.commit()
    assert "Priya S." in card_in_a_request(app, story.id, workshop)
    assert drawn.count("workshops/_story_card.html") == 3


def test_a_ticker_line_is_kept_per_language(app, make, workshop, drawn):
    story = make.story(
        workshop, make.participant(workshop, "Priya"), headline="Quoted", consent="named"
    )
    with app.test_request_context("/"):
        story = db.session.get(Story, story.id)
        english = str(ticker_line(story))
        assert str(ticker_line(story)) == english
        with force_locale("de"):
            german = str(ticker_line(story))
    assert drawn.count("phases/discover/_ticker_item.html") == 2
    assert "“Quoted”" in english and "„Quoted“" in german
