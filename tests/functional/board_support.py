"""A room of labelled stories for the theme board's HTTP tests."""

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "ai_stories.json"


def labelled_rows(count: int = 24) -> list[dict]:
    return json.loads(DATA.read_text())["stories"][:count]


def add_labelled_stories(make, workshop, count: int = 24) -> list:
    """The first `count` labelled stories, told by three tellers, quotable by name."""
    tellers = [make.participant(workshop, "Teller") for _ in range(3)]
    return [
        make.story(
            workshop,
            tellers[number % 3],
            headline=row["headline"],
            story=row["story"],
            made_possible=row["made_possible"],
            strengths=row["strengths"][:4],
            consent="named",
        )
        for number, row in enumerate(labelled_rows(count))
    ]
