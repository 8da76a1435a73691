"""A theme's suggested name, in the room's own words.

The name is a phrase one of the theme's stories gave for what made it possible, chosen
because it sits at the theme's centre and shares its words with the other stories there
("Authority to refund on the spot"). With no usable phrase, the most central headline
stands in; with neither, the strengths that set the theme apart.
"""

import re
from collections import Counter

from ai_workshop.themes.text import content_words

NAME_MAX = 60  # a name must fit a board column's header in two lines
IDEAL_WORDS = 6
# "my", "I": a name is the room's, so a phrase that speaks for the whole theme reads better.
_FIRST_PERSON = frozenset({"i", "i'm", "i'd", "i've", "my", "me", "myself", "mine"})
# Openings that carry no meaning of their own in a name ("Honestly, just trusting me").
_FILLER = re.compile(
    r"^(?:(?:honestly|really|mostly|probably|basically|simply|just|i think|i guess|"
    r"i'd say|i would say|the fact that|the way that)\b[\s,:-]*)+",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<=[.!?;])\s+")
# Casual words at the end of a phrase ("the friday sessions honestly").
_TRAILING_FILLER = re.compile(
    r"(?:[\s,]+(?:honestly|really|tbh|basically|probably|i think|i guess|though|to be honest))+$",
    re.IGNORECASE,
)
# "his", "her": a person the phrase's own story introduced, a stranger to the rest of the room.
_SOMEONE = frozenset({"he", "him", "his", "she", "her", "hers"})
# "and" starts a second cause only when a new noun phrase follows ("... and a team that
# knew the drill"); "asking and sharing" is one cause and stays whole.
_AND = re.compile(
    r"\s+(?:and|but|plus|as well as)\s+(?=(?:a|an|the|our|my|their|his|her|its|your|no|"
    r"nobody|everyone|everybody|someone|every|each|all)\b)",
    re.IGNORECASE,
)
_BREAKS = re.compile(r"\s*(?:,|\s-\s|\s–\s|\s—\s|:|\(|\bbecause\b|\bso that\b|\bwhich\b)\s*")
# What follows these only qualifies the cause ("Being trusted to remove fees under £25
# | without a second approval"), so a long phrase may end before them.
_ADJUNCTS = re.compile(
    r"\s+(?:without|instead of|rather than|whenever|when|even when|even though|even if|"
    r"before|after|while|until|unless)\s+",
    re.IGNORECASE,
)


def distinctive_strengths(
    members: list[int], per_story: list[list[str]], totals: Counter, limit: int = 3
) -> list[str]:
    """Strengths frequent in this theme and rare elsewhere, most telling first."""
    counts = Counter(term for index in members for term in per_story[index])
    minimum = 2 if len(members) >= 4 else 1
    scored = [
        (count * (count / totals[term]) ** 0.5, term)
        for term, count in counts.items()
        if count >= minimum
    ]
    return [term for _score, term in sorted(scored, key=lambda item: (-item[0], item[1]))[:limit]]


def phrase(text: str) -> str:
    """The first clause of a sentence, trimmed to a name's length; '' when nothing is left."""
    first = _SENTENCE_END.split(" ".join((text or "").split()), maxsplit=1)[0]
    first = _FILLER.sub("", first).strip(" .!?;,:-–—\"'“”")
    first = _TRAILING_FILLER.sub("", first)
    words = first.split()
    if len(words) > IDEAL_WORDS + 2:
        # Only the head of a long sentence: a clause from its middle reads as a fragment.
        for breaks, shortest in ((_BREAKS, 3), (_AND, 3), (_ADJUNCTS, 4)):
            head = breaks.split(first, maxsplit=1)[0]
            first = head if len(head.split()) >= shortest else first
            if len(first.split()) <= IDEAL_WORDS + 2:
                break
        words = first.split()
    if len(words) > IDEAL_WORDS + 4:
        return ""
    name = " ".join(words).strip(" .!?;,:-–—\"'“”")
    if name.count('"') % 2 or name.count("“") != name.count("”"):
        return ""
    # A quotation opened in the phrase and closed after the cut ("Saying 'I don't know").
    opened = len(re.findall(r"(?:^|\s)['‘]\w", name))
    if opened > len(re.findall(r"\w[.!?]?['’](?=\s|$|[,;:])", name)):
        return ""
    if len(name) > NAME_MAX or len(content_words(name)) < 1:
        return ""
    return name[:1].upper() + name[1:]


def _shared(words: list[str], others: Counter, members: int) -> float:
    """The share of a phrase's words that other stories of the theme use too."""
    if not words:
        return 0.0
    return sum(min(others[word], members) / members for word in set(words)) / len(set(words))


def proper_nouns(texts: list[str]) -> set[str]:
    """Words written with a capital inside a sentence: most often people's and places' names."""
    found = set()
    for text in texts:
        for sentence in _SENTENCE_END.split(text or ""):
            for word in re.findall(r"[A-Za-z][\w'’]*", sentence)[1:]:
                if word[:1].isupper() and word != "I" and not word.isupper():
                    found.add(re.sub(r"['’]s$", "", word))
    return found


def ranked_phrases(
    candidates: list[tuple[str, float]],
    theme_words: Counter,
    members: int,
    names_of_people: frozenset[str] | set[str] = frozenset(),
) -> tuple[list[str], list[str]]:
    """Names from candidate texts, best first: (phrases fit for the room, phrases that name
    a colleague). candidates: (text, fit to the theme's centre)."""
    scored, naming_someone = {}, set()
    for text, fit in candidates:
        name = phrase(text)
        if not name:
            continue
        words = content_words(name)
        others = theme_words.copy()
        others.subtract(Counter(set(words)))  # the phrase's own story does not vote for itself
        plain = [word.lower().strip('.,;:!?"“”') for word in name.split()]
        length_penalty = 0.05 * max(0, len(name.split()) - IDEAL_WORDS)
        personal = 0.1 * any(word in _FIRST_PERSON for word in plain)
        personal += 0.15 * any(word in _SOMEONE for word in plain)
        score = fit + 0.5 * _shared(words, others, max(members - 1, 1)) - length_penalty - personal
        scored[name] = max(score, scored.get(name, float("-inf")))
        # A theme is the room's pattern, not one colleague's moment ("Lucy going beyond the
        # script"): such a phrase names the theme only when nothing else can.
        named = {re.sub(r"['’]s$", "", word.strip('.,;:!?"“”')) for word in name.split()}
        if named & names_of_people or re.match(r"[A-Z][a-z]+['’]s\b", name):
            naming_someone.add(name)
    ranked = sorted(scored, key=lambda name: (-scored[name], name))
    return (
        [name for name in ranked if name not in naming_someone],
        [name for name in ranked if name in naming_someone],
    )


def strengths_name(strengths: list[str]) -> str:
    """'Patience · warmth': a middle dot reads the same in every language the room may
    write in, where an English "and" would not."""
    if not strengths:
        return ""
    words = strengths[:2]
    name = " · ".join(words)
    return name[:1].upper() + name[1:]


def theme_names(
    phrases: list[tuple[str, float]],
    headlines: list[tuple[str, float]],
    theme_words: Counter,
    members: int,
    strengths: list[str],
    fallback_index: int,
    names_of_people: frozenset[str] | set[str] = frozenset(),
) -> list[str]:
    """Possible names, best first: phrases of what made it possible, then headlines, then
    the theme's strengths; phrases naming a colleague only after those; then a number."""
    phrase_names, phrases_naming = ranked_phrases(phrases, theme_words, members, names_of_people)
    headline_names, headlines_naming = ranked_phrases(
        headlines, theme_words, members, names_of_people
    )
    names = phrase_names + headline_names
    names += [name for name in (strengths_name(strengths),) if name]
    return [*names, *phrases_naming, *headlines_naming, f"Theme {fallback_index + 1}"]


def unique_names(names: list[str], alternatives: list[list[str]]) -> list[str]:
    """A name two themes share goes to the first; the other takes its next best phrase."""
    taken: set[str] = set()
    result = []
    for name, others in zip(names, alternatives, strict=True):
        if name.lower() in taken:
            name = next((other for other in others if other.lower() not in taken), name)
        taken.add(name.lower())
        result.append(name)
    return result
