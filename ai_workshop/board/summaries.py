"""The positive core in words: a short summary per theme and one paragraph for them all.

Suggested words come from the stories (themes/summaries.py quotes them, consent first) and
are kept current by every board change; what the facilitator writes by hand stays until
they ask for the suggested words again. The screens read the stored words through
board/core_words.py, which never show a quote its story no longer allows.
"""

from collections import Counter
from dataclasses import dataclass, field

from babel.lists import format_list
from flask_babel import force_locale, get_locale, ngettext
from flask_babel import gettext as _
from sqlalchemy import event, select
from sqlalchemy.orm import selectinload

from ai_workshop.board.snapshots import save_snapshot
from ai_workshop.domain_errors import ValidationFailed
from ai_workshop.extensions import db
from ai_workshop.live import mark_changed
from ai_workshop.models import Story, Theme, Workshop
from ai_workshop.text import clean_line
from ai_workshop.themes.summaries import SummaryStory, quotable_sentences, summarise_themes

THEME_MAX = 600
CORE_MAX = 1200
CORE_STRENGTHS = 4
_PENDING_KEY = "aiw_summaries_pending"


@dataclass
class Suggested:
    """Suggested words for a workshop: per theme id (text, cited story ids), and the core."""

    themes: dict[int, tuple[str, list[int]]] = field(default_factory=dict)
    core: str = ""


# ---------- Suggesting ----------


def _themes(workshop: Workshop) -> list[Theme]:
    return list(
        db.session.scalars(
            select(Theme).where(Theme.workshop_id == workshop.id).order_by(Theme.position, Theme.id)
        )
    )


def _members(workshop: Workshop) -> dict[int, list[Story]]:
    """Each theme's primary stories that speak for it: neither hidden nor parked."""
    members: dict[int, list[Story]] = {}
    for story in db.session.scalars(
        select(Story)
        .where(
            Story.workshop_id == workshop.id,
            Story.theme_id.is_not(None),
            Story.hidden.is_(False),
            Story.parked.is_(False),
        )
        .order_by(Story.id)
    ):
        members.setdefault(story.theme_id, []).append(story)
    return members


def summary_input(story: Story) -> SummaryStory:
    return SummaryStory(
        id=story.id,
        headline=story.headline,
        story=story.story,
        made_possible=story.made_possible or "",
        strengths=tuple(story.strength_names),
        quotable=story.quotable,
    )


def top_strengths(stories: list[Story], limit: int = 3) -> list[str]:
    counts = Counter(name for story in stories for name in story.strength_names)
    return [name for name, _count in sorted(counts.items(), key=lambda i: (-i[1], i[0]))[:limit]]


def joined(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c', as the page's language joins a list ('a、b、c')."""
    if len(items) <= 1:
        return "".join(items)
    return format_list(items, locale=get_locale() or "en")


def theme_text(count: int, strengths: list[str], sentences: tuple[str, ...], private: int) -> str:
    """A framing sentence in the app's words, then the quotes in quotation marks."""
    if count == 0:
        return ""
    if strengths:
        framing = ngettext(
            "%(num)d story shows this: %(strengths)s.",
            "%(num)d stories share this: %(strengths)s.",
            count,
            strengths=joined(strengths),
        )
    else:
        framing = ngettext("%(num)d story tells of this.", "%(num)d stories tell of this.", count)
    parts = [framing] + [_("“%(sentence)s”", sentence=sentence) for sentence in sentences]
    if not sentences and private == count:
        parts.append(_("Their tellers keep their words private, so they are not quoted."))
    return " ".join(parts)


def core_text(entries: list[tuple[str, int, list[str]]]) -> str:
    """One paragraph on the whole positive core: the themes, largest first, their story
    counts, and the strengths that run through more than one of them."""
    entries = [entry for entry in entries if entry[1] > 0]
    if not entries:
        return ""
    entries.sort(key=lambda entry: -entry[1])  # stable: the board's order breaks ties
    total = sum(count for _name, count, _strengths in entries)
    # Names are phrases in the room's own words, so each is quoted whole with its count.
    named = [_("“%(name)s” (%(count)d)", name=name, count=count) for name, count, _s in entries]
    first = ngettext(
        "Across %(num)d story, our positive core holds %(themes)s.",
        "Across %(num)d stories, our positive core holds %(themes)s.",
        total,
        themes=joined(named),
    )
    spread = Counter(name for _n, _c, strengths in entries for name in dict.fromkeys(strengths))
    weight = Counter()
    for _name, count, strengths in entries:
        for name in strengths:
            weight[name] += count
    shared = [name for name in spread if spread[name] > 1] or list(spread)
    shared.sort(key=lambda name: (-spread[name], -weight[name], name))
    if not shared:
        return first
    if len(entries) == 1:
        second = _(
            "What runs through it: %(strengths)s.", strengths=joined(shared[:CORE_STRENGTHS])
        )
    else:
        second = _(
            "What runs through them: %(strengths)s.", strengths=joined(shared[:CORE_STRENGTHS])
        )
    return f"{first} {second}"


def suggest_words(workshop: Workshop) -> Suggested:
    """The words the stories suggest now, for every theme and the core; changes nothing.

    Written in the room's language, whoever's page asked: the projector and the plan show
    them."""
    with force_locale(workshop.language):
        return _suggested_words(workshop)


def _suggested_words(workshop: Workshop) -> Suggested:
    themes = _themes(workshop)
    members = _members(workshop)
    groups = [members.get(theme.id, []) for theme in themes]
    extracts = summarise_themes([[summary_input(s) for s in group] for group in groups])
    suggested = Suggested()
    entries = []
    for theme, group, extract in zip(themes, groups, extracts, strict=True):
        strengths = list(theme.strengths or []) or top_strengths(group)
        private = sum(1 for story in group if not story.quotable)
        text = theme_text(len(group), strengths, extract.sentences, private)
        suggested.themes[theme.id] = (text[:THEME_MAX], list(extract.story_ids))
        entries.append((theme.name, len(group), strengths))
    suggested.core = core_text(entries)[:CORE_MAX]
    return suggested


def refresh_summaries(workshop: Workshop) -> None:
    """Suggest the words again wherever the facilitator has not written their own."""
    suggested = suggest_words(workshop)
    for theme in _themes(workshop):
        if not theme.summary_edited:
            theme.summary, theme.summary_story_ids = suggested.themes[theme.id]
    if not workshop.core_summary_edited:
        workshop.core_summary = suggested.core


def refresh_before_commit(workshop: Workshop) -> None:
    """Refresh the workshop's suggested words once, just before this transaction commits:
    after everything the change does (a suggestion creates its themes last)."""
    if not event.contains(db.session, "before_commit", _refresh_pending):
        event.listen(db.session, "before_commit", _refresh_pending)
        event.listen(db.session, "after_rollback", _forget_pending)
    db.session.info.setdefault(_PENDING_KEY, set()).add(workshop.id)


def _refresh_pending(session) -> None:
    for workshop_id in sorted(session.info.pop(_PENDING_KEY, ())):
        workshop = session.get(Workshop, workshop_id)
        if workshop is not None:
            refresh_summaries(workshop)


def _forget_pending(session) -> None:
    session.info.pop(_PENDING_KEY, None)


# ---------- The facilitator's own words ----------


def _cleaned(text: str, most: int) -> str:
    cleaned = clean_line(text)
    if not cleaned:
        raise ValidationFailed(_("Write a few words, or use the suggested words again."))
    if len(cleaned) > most:
        raise ValidationFailed(_("Keep this under %(n)d characters.", n=most))
    return cleaned


def stories_by_id(ids) -> dict[int, Story]:
    if not ids:
        return {}
    return {
        story.id: story
        for story in db.session.scalars(
            select(Story).where(Story.id.in_(set(ids))).options(selectinload(Story.participant))
        )
    }


def quoted_in(story: Story, text: str) -> bool:
    return any(sentence in text for sentence in quotable_sentences(summary_input(story)))


def edit_theme_summary(workshop: Workshop, theme: Theme, text: str) -> None:
    text = _cleaned(text, THEME_MAX)
    save_snapshot(workshop, _("Edit the words for “%(name)s”", name=theme.name))
    theme.summary, theme.summary_edited = text, True
    # Cited are the stories whose words the new text still quotes.
    cited = stories_by_id(theme.summary_story_ids or [])
    theme.summary_story_ids = [
        story_id
        for story_id in theme.summary_story_ids or []
        if story_id in cited and quoted_in(cited[story_id], text)
    ]
    mark_changed(workshop)


def reset_theme_summary(workshop: Workshop, theme: Theme) -> None:
    save_snapshot(workshop, _("Suggested words for “%(name)s”", name=theme.name))
    theme.summary_edited = False
    theme.summary, theme.summary_story_ids = suggest_words(workshop).themes[theme.id]
    mark_changed(workshop)


def edit_core_summary(workshop: Workshop, text: str) -> None:
    text = _cleaned(text, CORE_MAX)
    save_snapshot(workshop, _("Edit the positive core in words"))
    workshop.core_summary, workshop.core_summary_edited = text, True
    mark_changed(workshop)


def reset_core_summary(workshop: Workshop) -> None:
    save_snapshot(workshop, _("Suggested words for the positive core"))
    workshop.core_summary_edited = False
    workshop.core_summary = suggest_words(workshop).core
    mark_changed(workshop)
