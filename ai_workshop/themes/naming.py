"""A suggested name for a theme, from the strengths that set it apart."""

from collections import Counter


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


def theme_name(strengths: list[str], fallback_index: int) -> str:
    if not strengths:
        return f"Theme {fallback_index + 1}"
    words = strengths[:2]
    name = " & ".join(words)
    return name[:1].upper() + name[1:]


def unique_names(names: list[str], strengths: list[list[str]]) -> list[str]:
    """Two themes named alike get their third strength added to tell them apart."""
    seen: Counter = Counter(names)
    result = []
    for name, own in zip(names, strengths, strict=True):
        if seen[name] > 1 and len(own) > 2:
            name = f"{name} & {own[2]}"
        result.append(name)
    return result
