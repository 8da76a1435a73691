"""Theme names in the room's own words: from what made the stories possible, never from a
private story, and sensible with no chips or no phrases at all."""

from ai_workshop.themes import StoryInput, suggest_themes
from ai_workshop.themes.naming import phrase


def room(made_possible: list[str], strengths=(), quotable=True, headline="A good day"):
    refund = "We could refund on the spot without asking a manager."
    slow = "The outage went on all night and we kept every caller informed."
    stories = []
    for index, text in enumerate(made_possible):
        body = refund if index % 2 == 0 else slow
        stories.append(
            StoryInput(f"{headline} {index}", body, text, tuple(strengths), quotable=quotable)
        )
    return stories


def test_a_phrase_is_the_head_of_the_sentence_without_filler():
    assert phrase("Honestly, just trusting us to decide. Nothing else.") == "Trusting us to decide"
    long = (
        "Authority to refund on the spot, which our manager gave us after the review "
        "last spring because the queue was too long"
    )
    assert phrase(long) == "Authority to refund on the spot"
    assert phrase("Clear leadership under pressure and a team that trusted the plan.") == (
        "Clear leadership under pressure"
    )
    assert phrase("A team culture where asking and sharing is normal") == (
        "A team culture where asking and sharing is normal"
    )
    assert phrase("") == ""
    assert phrase("the") == ""


def test_a_long_phrase_may_end_before_what_only_qualifies_it():
    assert phrase("Being trusted to remove fees under £25 without a second signature.") == (
        "Being trusted to remove fees under £25"
    )
    assert phrase("A team lead who told us to use judgement whenever the process would hurt") == (
        "A team lead who told us to use judgement"
    )
    # A short phrase keeps its qualifier, and a head too short to stand alone is not cut.
    assert phrase("Calling back before lunch") == "Calling back before lunch"
    assert phrase("Waiting until the customer had finished every single sentence and thought") == ""


def test_names_come_from_what_made_the_stories_possible():
    stories = room(
        ["Authority to refund on the spot"] * 2
        + ["Keeping people updated every hour"] * 2
        + ["Authority to refund customers on the spot", "Updating callers every hour"] * 3
    )
    result = suggest_themes(stories, k=2)
    names = {theme.name for theme in result.themes}
    texts = {story.made_possible for story in stories}
    assert names <= texts  # verbatim phrases, not invented words
    assert len(names) == 2
    assert not any("&" in name for name in names)


def test_a_private_story_lends_no_words_to_a_name():
    secret = "My divorce made me kinder to callers"
    stories = [
        StoryInput(s.headline, s.story, s.made_possible, s.strengths, quotable=False)
        if s.made_possible == secret
        else s
        for s in room([secret] * 4 + ["Trust from our team leader"] * 6)
    ]
    result = suggest_themes(stories, k=2)
    assert all("divorce" not in theme.name.lower() for theme in result.themes)


def test_with_no_phrases_a_headline_or_the_strengths_name_the_theme():
    stories = room([""] * 10, strengths=("patience",))
    result = suggest_themes(stories, k=2)
    assert all(theme.name.startswith("A good day") for theme in result.themes)

    nameless = [
        StoryInput("", s.story, "", ("patience", "warmth"), quotable=False) for s in stories
    ]
    result = suggest_themes(nameless, k=2)
    names = [theme.name for theme in result.themes]
    assert "Patience · warmth" in names
    assert len(set(names)) == len(names)


def test_a_phrase_naming_a_colleague_gives_way_to_one_that_does_not():
    stories = room(
        ["Lucy going beyond the script"]
        + ["Going beyond the script for people"] * 4
        + ["Keeping people updated every hour"] * 5
    )
    stories = [
        StoryInput(s.headline, s.story + " Lucy stayed late.", s.made_possible, s.strengths)
        for s in stories
    ]
    result = suggest_themes(stories, k=2)
    assert all("Lucy" not in theme.name for theme in result.themes)
