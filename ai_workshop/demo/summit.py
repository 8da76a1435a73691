"""`flask demo --summit`: a finished AI Summit of 240 people at 30 round tables.

Filled through the real services as a summit would fill them: everyone sits at a table by
its card, interviews a partner and writes down the partner's story, each table's host
records its harvest, the room votes on the themes, each table writes its dream, and the
room designs and commits. The stories come from the demo's own, in the summit's language,
each told by a different pair.
"""

import uuid

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from ai_workshop.auth.services import find_facilitator
from ai_workshop.board.proposals import suggest
from ai_workshop.board.services import show_on_projector
from ai_workshop.contributions import destiny, dreams, votes
from ai_workshop.demo.content import demo_content
from ai_workshop.demo.seed import (
    DEMO_EMAIL,
    Room,
    add_story,
    design_phase,
    destiny_phase,
    spend,
)
from ai_workshop.extensions import db
from ai_workshop.i18n import DEFAULT_LANGUAGE
from ai_workshop.models import RoundTable, Workshop
from ai_workshop.participants.pairs import interview_groups
from ai_workshop.participants.teams import join_team
from ai_workshop.plan.content import plan_for
from ai_workshop.themes.embedders import resolve_engine
from ai_workshop.workshops.services import create_workshop, set_phase

SUMMIT_TABLES = 30
SEATS = 8
SUMMIT_THEMES = 6
# First names from the many places a service centre hires from; each person is the name
# and an initial, so 240 of them stay distinct.
FIRST_NAMES = [
    "Amira",
    "Jonas",
    "Priya",
    "Tomás",
    "Aiko",
    "Kofi",
    "Lea",
    "Mateo",
    "Nadia",
    "Oskar",
    "Ines",
    "Ravi",
    "Sofia",
    "Yusuf",
    "Chen",
    "Elena",
    "Malik",
    "Hana",
    "Lucas",
    "Zara",
    "Diego",
    "Freya",
    "Omar",
    "Mei",
    "Pedro",
    "Anja",
    "Samir",
    "Yuki",
    "Carla",
    "Idris",
    "Noor",
    "Felix",
    "Rosa",
    "Kwame",
    "Ingrid",
    "Arjun",
    "Lina",
    "Bruno",
    "Aylin",
    "Hugo",
    "Fatima",
    "Emil",
    "Julia",
    "Tariq",
    "Sakura",
    "Nico",
    "Amara",
    "Luis",
    "Greta",
    "Hamza",
    "Paula",
    "Kenji",
    "Maya",
    "Rafael",
    "Selin",
    "Theo",
    "Leila",
    "Marco",
    "Asha",
    "Dmitri",
]
INITIALS = "ABCDEFGHJKLMNPRSTVW"


def _name(index: int) -> str:
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    return f"{first} {INITIALS[(index // len(FIRST_NAMES)) % len(INITIALS)]}"


def _cid() -> str:
    return str(uuid.uuid4())


def summit_name(content, language: str) -> str:
    with force_locale(language):
        return _("%(name)s: the summit", name=content["workshop_name"])


def _seat_everyone(room: Room) -> list[list]:
    """240 people, eight to a table in the order they sat; returns each table's people."""
    tables = []
    for number in range(1, SUMMIT_TABLES + 1):
        seated = []
        for seat in range(SEATS):
            person = room.person(_name((number - 1) * SEATS + seat))
            person.table_number = number
            seated.append(person)
        tables.append(seated)
    # The demo's own tellers and owners are people in the room too.
    for index, name in enumerate(room.content_names()):
        person = tables[index % SUMMIT_TABLES][index // SUMMIT_TABLES]
        del room.by_name[person.display_name]
        person.display_name = name
        room.by_name[name] = person
    db.session.flush()
    return tables


def _stories(room: Room, tables: list[list]) -> list[list[dict]]:
    """Every pair's interviews: each writes down the partner's story, with the partner's
    agreement. Returns each table's stories as told."""
    content = room.content
    pool = [*content["stories"], *content["extra_stories"], *content["more_stories"]]
    told = []
    turn = 0
    for people in tables:
        at_table = []
        for group in interview_groups(people):
            for at, writer in enumerate(group):
                teller = group[(at + 1) % len(group)]
                fields = dict(pool[turn % len(pool)])
                turn += 1
                fields |= {"whose": "partner", "partner_name": teller.display_name}
                add_story(room, writer, fields)
                at_table.append(fields)
        told.append(at_table)
    db.session.flush()
    return told


def _harvest(room: Room, tables: list[list], told: list[list[dict]]) -> list[RoundTable]:
    """Each table's host records its root causes, best quote and wish."""
    harvested = []
    for number, (people, stories) in enumerate(zip(tables, told, strict=True), start=1):
        quotable = [s for s in stories if s.get("consent") != "private"] or stories
        causes = []
        for story in stories:
            text = story.get("made_possible", "")
            if text and text not in [cause["text"] for cause in causes]:
                causes.append({"text": text, "strengths": list(story["strengths"][:2])})
            if len(causes) == 3:
                break
        table = RoundTable(
            workshop_id=room.workshop.id,
            number=number,
            host_participant_id=people[0].id,
            causes=causes,
            best_quote=quotable[number % len(quotable)]["headline"],
            quote_agreed=True,
            wish=next((s["wish"] for s in stories[number % 3 :] if s.get("wish")), ""),
            harvest_done=True,
        )
        db.session.add(table)
        harvested.append(table)
    db.session.flush()
    return harvested


def _dream(room: Room, tables: list[list], harvested: list[RoundTable]) -> None:
    """Each table dreams together; its host writes the dream down, and the room votes."""
    workshop = room.workshop
    set_phase(workshop, "dream")
    themes = [option.id for option in votes.options_for(workshop, "themes")]
    texts = room.content["dreams"]
    for index, (people, table) in enumerate(zip(tables, harvested, strict=True)):
        table.dream = texts[index % len(texts)]
        dreams.submit_dream(
            workshop,
            people[0],
            {"client_id": _cid(), "text": table.dream, "theme_id": themes[index % len(themes)]},
        )
    vote = votes.open_vote(workshop, "themes", dots=2)
    spend(workshop, vote, room.everyone, votes.options_for(workshop, "themes")[:4])
    votes.close_vote(workshop, vote)
    dreams.choose_themes(workshop, dreams.suggested_choice(workshop))


def _teams(room: Room, propositions: list) -> None:
    """From Design on, people leave their tables for the team of the theme they chose: a
    proposition's author joins its theme's team, the rest spread unevenly, as rooms do."""
    workshop = room.workshop
    chosen = dreams.chosen_themes(workshop)
    authors = {item.participant_id: item.theme_id for item in propositions}
    weights = [3, 2, 2, 1, 1, 1][: len(chosen)] or [1]
    spread = [
        theme for theme, weight in zip(chosen, weights, strict=False) for _copy in range(weight)
    ]
    for index, person in enumerate(room.everyone):
        if index % 11 == 10:
            continue  # a few have not chosen yet
        theme_id = authors.get(person.id) or spread[index % len(spread)].id
        join_team(workshop, person, theme_id)


def _more_commitments(room: Room) -> None:
    """A summit's room commits by the hundred: one in three, in the demo's own words."""
    workshop = room.workshop
    kinds = room.content["commitments"]
    for index, person in enumerate(room.everyone[::3]):
        item = kinds[index % len(kinds)]
        fields = {"client_id": _cid(), "kind": item["kind"], "text": item["text"]}
        destiny.submit_commitment(workshop, person, fields | {"consent": "anonymous"})


def ensure_demo_summit(language: str = DEFAULT_LANGUAGE) -> Workshop:
    """The demo summit in `language`, made once."""
    content = demo_content(language)
    facilitator = find_facilitator(DEMO_EMAIL)
    name = summit_name(content, language)
    existing = db.session.scalar(
        select(Workshop).where(
            Workshop.facilitator_id == facilitator.id,
            Workshop.name == name,
            Workshop.language == language,
        )
    )
    if existing is not None:
        return existing
    workshop = create_workshop(facilitator, "customer-service", language=language, name=name)
    workshop.table_count = SUMMIT_TABLES
    room = Room(workshop, content)
    set_phase(workshop, "discover")
    tables = _seat_everyone(room)
    told = _stories(room, tables)
    harvested = _harvest(room, tables, told)
    suggest(
        workshop,
        k=SUMMIT_THEMES,
        engine=resolve_engine(current_app.config["THEMES_ENGINE"], language),
    )
    show_on_projector(workshop, True)
    _dream(room, tables, harvested)
    propositions = design_phase(room)
    _teams(room, propositions)
    destiny_phase(room, propositions)
    _more_commitments(room)
    plan = plan_for(workshop)
    for part in ("summary", "keep", "measures_note"):
        setattr(plan, part, content["plan_text"][part])
    set_phase(workshop, "define")
    workshop.themes_shown = False
    db.session.flush()
    return workshop
