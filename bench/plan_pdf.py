"""Time and memory to render the action plan PDF at about 20 and about 100 pages.

Usage: .venv/bin/python bench/plan_pdf.py [--repeat 3]

Builds workshops of growing size in a scratch SQLite database with the real services,
renders the plan with the app's own PDF path (a warm child process running WeasyPrint)
and prints pages, the first render (which starts the child), the median of the next
runs, and the child's peak memory.
"""

import argparse
import io
import resource
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask import current_app, render_template  # noqa: E402

from ai_workshop import create_app  # noqa: E402
from ai_workshop.contributions import design, destiny, dreams  # noqa: E402
from ai_workshop.extensions import db  # noqa: E402
from ai_workshop.models import Story, Theme  # noqa: E402
from ai_workshop.plan.content import build_plan  # noqa: E402
from ai_workshop.plan.pdf import Renderer  # noqa: E402
from ai_workshop.workshops.services import set_phase  # noqa: E402
from tests.factories import Factories, story_fields  # noqa: E402

SIZES = {
    "about 20 pages": (140, 42, 60),
    "about 100 pages": (900, 290, 380),
}  # stories, actions, dreams


def cid() -> str:
    return str(uuid.uuid4())


def build_workshop(stories: int, actions: int, dream_count: int):
    make = Factories()
    workshop = make.workshop(make.facilitator(), phase="discover", name="Benchmark workshop")
    people = [make.participant(workshop, f"Person {n}") for n in range(max(1, stories // 15))]
    themes = []
    for position in range(6):
        theme = Theme(
            workshop_id=workshop.id, name=f"Theme {position + 1}", position=position, chosen=True
        )
        db.session.add(theme)
        themes.append(theme)
    db.session.flush()
    for n in range(stories):
        from ai_workshop.stories.services import submit_story

        story_id, _ = submit_story(workshop, people[n % len(people)], story_fields(
            headline=f"Story {n}: a customer we helped to the end", consent="named" if n % 3 else "anonymous"))  # fmt: skip
        db.session.get(Story, story_id).theme_id = themes[n % 6].id
    set_phase(workshop, "dream")
    for n in range(dream_count):
        dreams.submit_dream(
            workshop,
            people[n % len(people)],
            {
                "client_id": cid(),
                "text": f"Dream {n}: customers tell their friends we fix things first time",
            },
        )
    set_phase(workshop, "design")
    propositions = [
        design.submit_proposition(workshop, people[0], {"client_id": cid(), "text": f"We own issue {n} to the end", "theme_id": themes[n % 6].id})[0]
        for n in range(12)
    ]  # fmt: skip
    set_phase(workshop, "destiny")
    for n in range(actions):
        destiny.propose_action(workshop, people[n % len(people)], {
            "client_id": cid(), "title": f"Action {n}: start a weekly callback huddle",
            "proposition_id": propositions[n % 12].id, "theme_id": None, "owner": f"Owner {n % 9}",
            "first_step": "Book the first huddle and invite the team.", "due_date": date.today() + timedelta(days=60),
            "help_needed": "Half an hour a week from the team lead", "success_measure": "Callbacks kept on time"})  # fmt: skip
    db.session.commit()
    return workshop


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="aiw-plan-bench-")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{scratch}/bench.sqlite3", "SECRET_KEY": "bench",
                      "RATELIMIT_ENABLED": False})  # fmt: skip
    with app.app_context():
        db.create_all()
        for label, (stories, actions, dream_count) in SIZES.items():
            workshop = build_workshop(stories, actions, dream_count)
            with app.test_request_context():
                html = render_template("plan/document.html", p=build_plan(workshop), paper="a4")
            times, pdf = [], b""
            renderer = Renderer(current_app.static_folder)  # warm, as in the running app
            started = time.perf_counter()
            pdf = renderer.render(html, timeout_seconds=120)
            cold = time.perf_counter() - started
            for _ in range(args.repeat):
                started = time.perf_counter()
                pdf = renderer.render(html, timeout_seconds=120)
                times.append(time.perf_counter() - started)
            renderer.close()
            pages = len(PdfReader(io.BytesIO(pdf)).pages)
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"{label}: {pages} pages, first (child starting) {cold:.2f} s, then median "
                  f"{statistics.median(times):.2f} s over {args.repeat} runs "
                  f"(min {min(times):.2f}, max {max(times):.2f}); peak child memory so far {peak:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
