"""A theme in its own words: a few sentences quoted verbatim from its stories.

Extractive and offline. Each quotable story offers the sentences of its "what made it
possible" and of its story; a sentence scores by how much of the rest of the theme it
echoes (content words the theme's other stories share), each word weighted by how much
more the theme uses it than all the stories do, so what sets the theme apart counts most. The best are picked
greedily: at most one per story, none close to one already picked, short ones preferred.
Private stories count towards what the theme is about but are never quoted.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass

from ai_workshop.themes.text import content_words

MOST = 2  # with the framing sentence, a summary of three sentences
# Sentences longer than this are cut at a clause boundary ("…") or left out.
LONGEST_WORDS = 28
LONGEST_CHARS = 200
SHORTEST_WORDS = 5
# Quotes together stay under this, so a summary reads in a breath.
TOTAL_CHARS = 420
# Content words shared with a sentence already picked: above this, it says the same again.
NEAR_DUPLICATE = 0.5
MADE_POSSIBLE_WEIGHT = 4.0  # the root causes of success are what Discovery is after
ELLIPSIS = "…"

# Not after a title or a common abbreviation: "Mr. Haddad stays with us" is one sentence.
_SENTENCE_END = re.compile(
    r"(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\be\.g\.)(?<!\bi\.e\.)"
    r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+"
)
_CLAUSE_BREAK = re.compile(r"[,;:—–]\s|\s-\s")


@dataclass(frozen=True)
class SummaryStory:
    """One story of a theme, as the summariser sees it."""

    id: int
    headline: str
    story: str
    made_possible: str = ""
    strengths: tuple[str, ...] = ()
    quotable: bool = True


@dataclass(frozen=True)
class Extract:
    sentences: tuple[str, ...]  # verbatim (a long one cut short ends with "…")
    story_ids: tuple[int, ...]  # the story each sentence quotes, in the same order


@dataclass(frozen=True)
class _Candidate:
    text: str
    story_id: int
    order: tuple[int, int]  # field (made possible first), sentence
    words: frozenset[str]
    weight: float


def split_sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text or "") if part and part.strip()]


def _shortened(sentence: str) -> tuple[str, float] | None:
    """The sentence as quoted, with a penalty for length; None when it cannot be cut well."""
    words = sentence.split()
    if len(words) <= LONGEST_WORDS and len(sentence) <= LONGEST_CHARS:
        return sentence, 1.0 if len(words) <= 20 else 0.9
    head = " ".join(words[:LONGEST_WORDS])[:LONGEST_CHARS]
    breaks = [match.start() for match in _CLAUSE_BREAK.finditer(head)]
    cut = next((end for end in reversed(breaks) if len(head[:end].split()) >= 8), None)
    if cut is None:
        return None
    return head[:cut].rstrip(" ,;:—–-") + ELLIPSIS, 0.8


def quotable_sentences(story: SummaryStory) -> list[str]:
    """Every sentence the story could be quoted by, as it would be quoted."""
    return [candidate.text for candidate in _prepare(story)[1]]


def _prepare(story: SummaryStory) -> tuple[set[str], list[_Candidate]]:
    """The story's content words, and its quotable sentences (none for a private story).

    Each sentence is tokenised once: the story's words are the union of its sentences'.
    """
    words = set(content_words(" ".join((story.headline, *story.strengths))))
    candidates = []
    for field, text in enumerate((story.made_possible, story.story)):
        for index, sentence in enumerate(split_sentences(text)):
            own = frozenset(content_words(sentence))
            words |= own
            if not story.quotable or len(sentence.split()) < SHORTEST_WORDS:
                continue
            shortened = _shortened(sentence)
            if shortened is None:
                continue
            quoted, weight = shortened
            if quoted != sentence:
                own = frozenset(content_words(quoted))
            if len(own) >= 2:
                weight *= MADE_POSSIBLE_WEIGHT if field == 0 else 1.0
                candidates.append(_Candidate(quoted, story.id, (field, index), own, weight))
    return words, candidates


def _score(candidate: _Candidate, own: set[str], theme: Counter, rest: int, lift: dict) -> float:
    """Echo of the rest of the theme, words the theme has more than others counting most,
    per word of the sentence."""
    total = 0.0
    for word in candidate.words:
        shared = theme[word] - (word in own)
        if shared > 0:
            total += shared * lift[word]
    return candidate.weight * total / (rest * math.sqrt(len(candidate.words)))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def _pick(ranked: list[tuple[float, _Candidate]], most: int) -> list[_Candidate]:
    picked: list[_Candidate] = []
    for score, candidate in ranked:
        # A sentence that echoes nothing else in the theme speaks only when nothing else does.
        if len(picked) == most or (score <= 0 and picked):
            break
        if any(candidate.story_id == other.story_id for other in picked):
            continue
        if any(_overlap(candidate.words, other.words) >= NEAR_DUPLICATE for other in picked):
            continue
        if sum(len(other.text) for other in picked) + len(candidate.text) > TOTAL_CHARS:
            continue
        picked.append(candidate)
    return picked


def _extract(prepared: list[tuple[int, set[str], list[_Candidate]]], everywhere, most) -> Extract:
    theme = Counter(word for _id, words, _c in prepared for word in words)
    lift = _lift(theme, len(prepared), everywhere)
    own_words = {story_id: words for story_id, words, _c in prepared}
    rest = max(1, len(prepared) - 1)
    scored = [
        (_score(candidate, own_words[candidate.story_id], theme, rest, lift), candidate)
        for _id, _words, candidates in prepared
        for candidate in candidates
    ]
    # Rounded, so that float noise never reorders equal scores; then by story and place.
    scored.sort(key=lambda item: (-round(item[0], 9), item[1].story_id, item[1].order))
    picked = _pick(scored, most)
    return Extract(tuple(c.text for c in picked), tuple(c.story_id for c in picked))


def _lift(theme: Counter, size: int, everywhere: tuple[Counter, int]) -> dict[str, float]:
    """How much more often the theme's stories use each word than all the stories do,
    squared: 1 for a word everyone uses, up to (all stories / the theme's)² for a word only
    the theme uses. Squared, so a sentence the whole room could have said ranks low."""
    counts, total = everywhere
    return {word: ((count / size) / (counts[word] / total)) ** 2 for word, count in theme.items()}


def _everywhere(groups: list[list[tuple[int, set[str], list]]]) -> tuple[Counter, int]:
    counts = Counter(word for group in groups for _id, words, _c in group for word in words)
    return counts, sum(len(group) for group in groups)


def _prepared(stories: list[SummaryStory]) -> list[tuple[int, set[str], list[_Candidate]]]:
    return [(story.id, *_prepare(story)) for story in stories]


def summarise_themes(themes: list[list[SummaryStory]], most: int = MOST) -> list[Extract]:
    """An extract per theme, each contrasted with all the others; same input, same output."""
    groups = [_prepared(stories) for stories in themes]
    everywhere = _everywhere(groups)
    return [_extract(group, everywhere, most) for group in groups]


def summarise(
    stories: list[SummaryStory], others: list[SummaryStory] | None = None, most: int = MOST
) -> Extract:
    """One theme's extract; `others` are the other themes' stories, for contrast."""
    group = _prepared(stories)
    return _extract(group, _everywhere([group, _prepared(others or [])]), most)
