"""The demo facilitator and a complete demo workshop that `make run` offers on a first run.

The workshop is filled through the real services, phase by phase, as a room would fill it:
40 stories and a parking lot, suggested themes, dreams and a dot vote, propositions and a
second vote, eight actions with owners and teams, commitments, and the plan's own words.
It is left at Welcome, so the facilitator can walk through every screen.
"""

import secrets
import uuid
from datetime import datetime, time, timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import select

from ai_workshop.auth.services import create_facilitator, find_facilitator
from ai_workshop.board.proposals import suggest
from ai_workshop.board.services import show_on_projector
from ai_workshop.checkins.services import report_progress, start_check_in, tell_story
from ai_workshop.contributions import design, destiny, dreams, votes
from ai_workshop.demo.content import DemoContent, demo_content
from ai_workshop.extensions import db
from ai_workshop.i18n import DEFAULT_LANGUAGE
from ai_workshop.models import Participant, Story, Workshop
from ai_workshop.plan.content import plan_for
from ai_workshop.stories.fields import COLUMNS
from ai_workshop.themes.embedders import resolve_engine
from ai_workshop.workshops.services import create_workshop, set_phase

DEMO_EMAIL = "demo@example.com"
DEMO_THEMES = 5


def demo_credentials_file(instance_path: str) -> Path:
    return Path(instance_path) / "demo-credentials.txt"


def ensure_demo_facilitator(instance_path: str) -> tuple[str, str]:
    """The demo account, with a random password kept in the instance folder."""
    credentials = demo_credentials_file(instance_path)
    facilitator = find_facilitator(DEMO_EMAIL)
    if facilitator is not None and credentials.exists():
        return DEMO_EMAIL, credentials.read_text().strip()
    password = secrets.token_urlsafe(9)
    if facilitator is None:
        facilitator = create_facilitator(DEMO_EMAIL, password, name="Demo Facilitator")
    else:
        facilitator.set_password(password)
    credentials.parent.mkdir(parents=True, exist_ok=True)
    credentials.write_text(password + "\n")
    credentials.chmod(0o600)
    return DEMO_EMAIL, password


DAYS_SINCE_THE_SESSION = 35


def _cid() -> str:
    return str(uuid.uuid4())


class Room:
    """The demo's participants: one per named teller, a fresh one for each anonymous story."""

    def __init__(self, workshop: Workshop, content: DemoContent):
        self.workshop = workshop
        self.content = content
        self.by_name: dict[str, Participant] = {}
        self.everyone: list[Participant] = []

    def person(self, name: str | None) -> Participant:
        if name and name in self.by_name:
            return self.by_name[name]
        participant = Participant(workshop=self.workshop, display_name=name)
        participant.assign_token(Participant.new_token())
        db.session.add(participant)
        self.everyone.append(participant)
        if name:
            self.by_name[name] = participant
        return participant

    def content_names(self) -> list[str]:
        """Everyone the demo's content names: tellers, action owners, committers."""
        content = self.content
        names = [*content["participants"]]
        for key in ("extra_stories", "more_stories", "parked_stories", "commitments"):
            names += [item.get("teller") for item in content[key]]
        names += [item["owner"] for item in content["actions"]]
        return list(dict.fromkeys(name for name in names if name))


def add_story(room: Room, teller, fields: dict, parked: bool = False) -> Story:
    """`teller` is a participant, or a name (None: someone new, unnamed)."""
    workshop = room.workshop
    writer = teller if isinstance(teller, Participant) else room.person(teller)
    story = Story(workshop=workshop, participant=writer, client_id=_cid(), parked=parked)
    for name in COLUMNS:
        if name in fields:
            setattr(story, name, fields[name])
    story.set_strengths(fields["strengths"], workshop.strengths_vocabulary)
    db.session.add(story)
    return story


def _discovery(room: Room) -> None:
    content = room.content
    for name, fields in zip(content["participants"], content["stories"], strict=True):
        add_story(room, name, fields)
    for fields in [*content["extra_stories"], *content["more_stories"]]:
        add_story(room, fields["teller"], fields)
    for fields in content["parked_stories"]:
        add_story(room, fields["teller"], fields, parked=True)
    db.session.flush()
    # The demo reads every story itself, so its themes are the preferred engine's from the start.
    suggest(
        room.workshop,
        k=DEMO_THEMES,
        engine=resolve_engine(current_app.config["THEMES_ENGINE"], room.workshop.language),
    )
    show_on_projector(room.workshop, True)


def spend(workshop, vote, people, options) -> None:
    """Everyone spends their dots; the pattern is fixed so the demo is the same each time."""
    for index, person in enumerate(people):
        first = options[index % len(options)]
        second = options[(index * 2 + 1) % len(options)]
        votes.set_dots(workshop, vote, person, first.id, 1)
        if second.id != first.id:
            votes.set_dots(workshop, vote, person, second.id, 1)


def _dream(room: Room) -> None:
    workshop = room.workshop
    set_phase(workshop, "dream")
    themes = [option.id for option in votes.options_for(workshop, "themes")]
    for index, text in enumerate(room.content["dreams"]):
        theme_id = themes[index % len(themes)] if index % 3 else None
        dreams.submit_dream(
            workshop,
            room.everyone[index],
            {"client_id": _cid(), "text": text, "theme_id": theme_id},
        )
    vote = votes.open_vote(workshop, "themes", dots=2)
    spend(workshop, vote, room.everyone, votes.options_for(workshop, "themes")[:3])
    votes.close_vote(workshop, vote)
    dreams.choose_themes(workshop, dreams.suggested_choice(workshop))


def design_phase(room: Room) -> list:
    workshop = room.workshop
    set_phase(workshop, "design")
    chosen = dreams.chosen_themes(workshop)
    made = []
    for index, text in enumerate(room.content["propositions"]):
        fields = {"client_id": _cid(), "text": text, "theme_id": chosen[index % len(chosen)].id}
        made.append(design.submit_proposition(workshop, room.everyone[index + 3], fields)[0])
    vote = votes.open_vote(workshop, "propositions", dots=2)
    spend(workshop, vote, room.everyone[:18], votes.options_for(workshop, "propositions"))
    votes.close_vote(workshop, vote)
    return made


def destiny_phase(room: Room, propositions: list) -> list:
    workshop = room.workshop
    set_phase(workshop, "destiny")
    today = workshop.created_at.date()
    actions = []
    for index, item in enumerate(room.content["actions"]):
        proposer = room.person(item["owner"])
        action, _ = destiny.propose_action(
            workshop,
            proposer,
            {"client_id": _cid(), "title": item["title"], "theme_id": None,
             "proposition_id": propositions[item["proposition"]].id, "owner": item["owner"],
             "first_step": item["first_step"], "due_date": today + timedelta(days=item["due_in_days"]),
             "help_needed": item["help_needed"], "success_measure": item["success_measure"]},
        )  # fmt: skip
        destiny.update_action(workshop, action, {
            "start_date": today + timedelta(days=item["start_in_days"]),
            "review_date": today + timedelta(days=item["review_in_days"]),
            "baseline": item["baseline"], "target": item["target"], "status": item["status"],
            "strength": item["strength"], "purpose": item["purpose"],
        })  # fmt: skip
        for helper in room.everyone[index * 3 : index * 3 + 2 + index % 3]:
            destiny.volunteer(workshop, action, helper, True)
        actions.append(action)
    for item in room.content["commitments"]:
        destiny.submit_commitment(
            workshop,
            room.person(item["teller"]),
            {
                "client_id": _cid(),
                "kind": item["kind"],
                "text": item["text"],
                "consent": item["consent"],
            },
        )
    return actions


def _plan(workshop: Workshop, content: DemoContent) -> None:
    plan = plan_for(workshop)
    plan.summary = content["plan_text"]["summary"]
    plan.keep = content["plan_text"]["keep"]
    plan.measures_note = content["plan_text"]["measures_note"]


def _check_in(room: Room, actions: list) -> None:
    """The 30-day check-in, held and closed: the owners' reports and the new stories, so
    the plan shows its progress section from the first look."""
    workshop, content = room.workshop, room.content
    set_phase(workshop, "closed")
    check_in = start_check_in(workshop, plan_for(workshop), 1)
    for item in content["check_in_reports"]:
        action = actions[item["action"]]
        owner = room.person(content["actions"][item["action"]]["owner"])
        fields = {key: item[key] for key in ("status", "progress", "note", "would_help")}
        report_progress(workshop, owner, action, {"client_id": _cid(), **fields})
    for item in content["check_in_stories"]:
        index = item["teller_action"]
        teller = room.person(None if index is None else content["actions"][index]["owner"])
        fields = {key: item[key] for key in ("headline", "story", "consent")}
        tell_story(workshop, teller, {"client_id": _cid(), **fields})
    # Held a month after the session, as the plan's date for it says.
    check_in.opened_at = datetime.combine(check_in.planned_for, time(10))
    check_in.closed_at = check_in.opened_at + timedelta(hours=1)


def ensure_demo_workshop(language: str = DEFAULT_LANGUAGE) -> Workshop:
    """The demo workshop in `language`, made once: its whole session written in it."""
    content = demo_content(language)
    facilitator = find_facilitator(DEMO_EMAIL)
    existing = db.session.scalar(
        select(Workshop).where(
            Workshop.facilitator_id == facilitator.id,
            Workshop.name == content["workshop_name"],
            Workshop.language == language,
        )
    )
    if existing is not None:
        return existing
    workshop = create_workshop(
        facilitator, "customer-service", language=language, name=content["workshop_name"]
    )
    # The session was five weeks ago: its 30-day check-in has been held since.
    workshop.created_at -= timedelta(days=DAYS_SINCE_THE_SESSION)
    room = Room(workshop, content)
    set_phase(workshop, "discover")
    _discovery(room)
    _dream(room)
    propositions = design_phase(room)
    actions = destiny_phase(room, propositions)
    _plan(workshop, content)
    db.session.flush()
    _check_in(room, actions)
    set_phase(workshop, "define")
    workshop.themes_shown = False
    db.session.flush()
    return workshop
