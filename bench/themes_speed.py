"""Time from stories to themes at 50, 400, 500 and 2,000 stories, on this machine.

Usage: .venv/bin/python bench/themes_speed.py [--repeat 5] [--engine minilm|static]

Stories are drawn from the labelled set with their sentences recombined, so texts differ.
'warm' reuses stored vectors, as the app does: each story is embedded once, in the
background as it arrives (ai_workshop/board/embedding_worker.py). 'cold' includes embedding
every story; for MiniLM it is reported once per size (it is what the background spends).
"""

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ai_workshop.themes import suggest_themes  # noqa: E402
from ai_workshop.themes.embedders import get_embedder  # noqa: E402
from ai_workshop.themes.engine import embed_stories  # noqa: E402
from ai_workshop.themes.summaries import SummaryStory, summarise_themes  # noqa: E402
from ai_workshop.themes.types import StoryInput  # noqa: E402
from ai_workshop.workshops.template_library import CUSTOMER_SERVICE_STRENGTHS  # noqa: E402

DATA = ROOT / "bench" / "data" / "ai_stories.json"


def synthetic_stories(n: int, seed: int = 7) -> list[StoryInput]:
    source = json.loads(DATA.read_text())["stories"]
    rng = random.Random(seed)
    stories = []
    for _ in range(n):
        a, b = rng.sample(source, 2)
        sentences = a["story"].split(". ")
        extra = b["story"].split(". ")[: rng.randint(0, 2)]
        stories.append(
            StoryInput(
                headline=a["headline"],
                story=". ".join(sentences + extra),
                made_possible=rng.choice([a["made_possible"], b["made_possible"]]),
                strengths=tuple(rng.sample(a["strengths"], k=len(a["strengths"]))),
            )
        )
    return stories


def timed(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--engine", default="static")
    args = parser.parse_args()
    started = time.perf_counter()
    get_embedder(args.engine)
    print(
        f"engine {args.engine}: model load {time.perf_counter() - started:.2f} s (once per process)"
    )
    for n in (50, 400, 500, 2000):
        stories = synthetic_stories(n)
        vectors = embed_stories(stories, args.engine)

        def cold(stories=stories):
            return suggest_themes(
                stories, engine=args.engine, vocabulary=CUSTOMER_SERVICE_STRENGTHS
            )

        def warm(stories=stories, vectors=vectors):
            return suggest_themes(
                stories, engine=args.engine, vocabulary=CUSTOMER_SERVICE_STRENGTHS, vectors=vectors
            )

        result = warm()
        grouped = [
            [
                SummaryStory(i, stories[i].headline, stories[i].story, stories[i].made_possible)
                for i in theme.members
            ]
            for theme in result.themes
        ]

        def summaries(grouped=grouped):
            return summarise_themes(grouped)

        cold_repeat = args.repeat if args.engine == "static" else 1
        print(
            f"{n:5d} stories: cold {timed(cold, cold_repeat):.3f} s, "
            f"warm {timed(warm, args.repeat):.3f} s "
            f"(median of {args.repeat}); {result.k} themes; "
            f"summaries {timed(summaries, args.repeat) * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
