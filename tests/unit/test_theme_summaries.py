"""The theme summariser: verbatim, consent first, cited exactly, deterministic and quick."""

import json
from collections import defaultdict
from pathlib import Path

import pytest

from ai_workshop.themes.summaries import (
    ELLIPSIS,
    SummaryStory,
    split_sentences,
    summarise,
    summarise_themes,
)

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "ai_stories.json"


def _story(row, quotable=True, id_offset=0):
    return SummaryStory(
        id=row["id"] + id_offset,
        headline=row["headline"],
        story=row["story"],
        made_possible=row["made_possible"],
        strengths=tuple(row["strengths"]),
        quotable=quotable,
    )


@pytest.fixture(scope="module")
def themes():
    """The labelled stories by intended theme; every third story of a theme private."""
    groups = defaultdict(list)
    for row in json.loads(DATA.read_text())["stories"]:
        group = groups[row["theme"]]
        group.append(_story(row, quotable=len(group) % 3 != 2))
    return [groups[name] for name in sorted(groups)]


def _source(story: SummaryStory) -> str:
    return story.made_possible + "\n" + story.story


def test_sentences_are_verbatim_from_the_stories_they_cite(themes):
    for stories, extract in zip(themes, summarise_themes(themes), strict=True):
        by_id = {story.id: story for story in stories}
        assert 2 <= len(extract.sentences) <= 3
        assert len(extract.sentences) == len(extract.story_ids)
        for sentence, story_id in zip(extract.sentences, extract.story_ids, strict=True):
            assert story_id in by_id
            assert sentence.removesuffix(ELLIPSIS) in _source(by_id[story_id])


def test_private_stories_are_never_quoted(themes):
    for stories, extract in zip(themes, summarise_themes(themes), strict=True):
        private = [story for story in stories if not story.quotable]
        assert private  # the fixture makes some in every theme
        assert not {story.id for story in private} & set(extract.story_ids)
        for story in private:
            for sentence in extract.sentences:
                assert sentence.removesuffix(ELLIPSIS) not in _source(story)


def test_at_most_one_sentence_per_story_and_no_near_duplicates():
    base = "Sharing the screen with the customer made the fix clear to everyone involved."
    stories = [
        SummaryStory(1, "A", f"{base} Sharing the screen made the fix clear to everyone."),
        SummaryStory(2, "B", base + " We laughed about it afterwards over coffee together."),
        SummaryStory(3, "C", "Walking through the screen together made the fix clear at once."),
        SummaryStory(4, "D", "Nobody had to wait for a callback because the answer came live."),
    ]
    extract = summarise(stories)
    assert len(set(extract.story_ids)) == len(extract.story_ids)
    assert extract.sentences.count(base) <= 1
    assert len(set(extract.sentences)) == len(extract.sentences)


def test_same_input_same_summary_in_any_order(themes):
    first = summarise_themes(themes)
    assert summarise_themes(themes) == first
    shuffled = [list(reversed(stories)) for stories in themes]
    assert [set(e.story_ids) for e in summarise_themes(shuffled)] == [
        set(e.story_ids) for e in first
    ]


def test_contrast_prefers_what_sets_a_theme_apart():
    shared = "Everyone in the office was friendly and helpful that morning."
    theme = [
        SummaryStory(1, "a", f"{shared} The spreadsheet macro saved hours on Friday."),
        SummaryStory(2, "b", f"{shared} Our spreadsheet macro filled every refund form."),
        SummaryStory(
            3, "c", f"{shared} Nobody retyped addresses once the spreadsheet macro existed."
        ),
    ]
    others = [
        SummaryStory(10 + n, "x", f"{shared} They were friendly and helpful.") for n in range(5)
    ]
    extract = summarise(theme, others)
    assert shared not in extract.sentences
    assert len(extract.sentences) == 2
    assert all("macro" in sentence for sentence in extract.sentences)
    # Alone, the sentence every story shares is the theme's most central.
    assert shared in summarise(theme).sentences


def test_a_theme_with_only_private_stories_quotes_nothing():
    stories = [
        SummaryStory(
            n, "h", "A long enough sentence that is private to the teller.", quotable=False
        )
        for n in range(4)
    ]
    extract = summarise(stories)
    assert extract.sentences == () and extract.story_ids == ()
    assert summarise([]).sentences == ()


def test_long_sentences_are_cut_at_a_clause_or_left_out():
    long = (
        "We stayed on the line with the customer for the whole afternoon, "
        + "checking every single setting one by one " * 4
        + "until it worked."
    )
    unbroken = "word " * 40 + "end."
    stories = [
        SummaryStory(1, "a", long, made_possible=unbroken),
        SummaryStory(2, "b", "The customer stayed on the line and every setting worked."),
    ]
    extract = summarise(stories)
    for sentence in extract.sentences:
        assert len(sentence.split()) <= 28
        assert sentence.removesuffix(ELLIPSIS) in long + " " + stories[1].story
    assert unbroken.strip() not in extract.sentences


def test_sentence_splitting():
    assert split_sentences("Mr. Haddad came back. Dr. Lee too.") == [
        "Mr. Haddad came back.",
        "Dr. Lee too.",
    ]
    assert split_sentences("One here. Two there! “Three,” she said? Four\nFive.") == [
        "One here.",
        "Two there!",
        "“Three,” she said?",
        "Four",
        "Five.",
    ]
