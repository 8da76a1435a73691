"""The positive core's words as a screen may show them now: the stored words checked
against the stories they quote (board/summaries.py writes and refreshes them)."""

from dataclasses import dataclass

from flask_babel import gettext as _

from ai_workshop.board.summaries import quoted_in, stories_by_id, suggest_words, summary_input
from ai_workshop.models import Story, Theme, Workshop
from ai_workshop.themes.summaries import quotable_sentences


@dataclass
class ThemeWords:
    """What a screen shows of a theme's words: the text and the stories it quotes."""

    text: str
    cited: list[Story]
    edited: bool


def _without(text: str, story: Story) -> str:
    """The text with every sentence of this story taken out, quotation marks and all."""
    for sentence in quotable_sentences(summary_input(story)):
        text = text.replace(_("“%(sentence)s”", sentence=sentence), "").replace(sentence, "")
    return " ".join(text.split())


def _showable(story: Story | None, theme: Theme) -> bool:
    return story is not None and story.on_projector and story.theme_id == theme.id


def _current(theme: Theme, cited: list[Story | None]) -> bool:
    """Suggested words still stand while every story they quote may be quoted, still says
    what was quoted (masking changes it) and still belongs to the theme."""
    if theme.summary_story_ids is None:  # a theme from before summaries existed
        return False
    return all(_showable(story, theme) and quoted_in(story, theme.summary) for story in cited)


def positive_core_words(
    workshop: Workshop, themes: list[Theme]
) -> tuple[dict[int, ThemeWords], str]:
    """Each theme's words and the core paragraph, as the screens may show them now.

    The stored words are checked against the few stories they quote (cheap enough for the
    projector's redraws); should a quote no longer be allowed (a story hidden, made
    private, masked or moved since), suggested words are worked out afresh for the screen,
    and hand-written words lose that story's sentences.
    """
    stories = stories_by_id([i for theme in themes for i in theme.summary_story_ids or []])
    words: dict[int, ThemeWords] = {}
    stale = []
    for theme in themes:
        cited = [stories.get(story_id) for story_id in theme.summary_story_ids or []]
        if not theme.summary_edited and not _current(theme, cited):
            stale.append(theme)
            continue
        text = theme.summary
        for story in cited:
            if story is not None and not _showable(story, theme):
                text = _without(text, story)
        shown = [story for story in cited if _showable(story, theme)]
        words[theme.id] = ThemeWords(text, shown, theme.summary_edited)
    core = workshop.core_summary
    if stale or not (core or workshop.core_summary_edited):
        suggested = suggest_words(workshop)
        fresh = stories_by_id([i for t in stale for i in suggested.themes[t.id][1]])
        for theme in stale:
            text, ids = suggested.themes[theme.id]
            words[theme.id] = ThemeWords(text, [fresh[i] for i in ids if i in fresh], False)
        if not workshop.core_summary_edited:
            core = suggested.core
    return words, core
