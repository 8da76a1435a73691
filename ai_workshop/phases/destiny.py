"""Destiny: actions with owners and teams, and the room's commitments, offers and requests."""

import re
from dataclasses import dataclass

from flask_babel import gettext as _

from ai_workshop.board.services import themes_of
from ai_workshop.contributions import design, destiny, dreams
from ai_workshop.contributions.forms import ActionEditForm, ActionProposalForm, CommitmentForm
from ai_workshop.participants.teams import teams, teams_on
from ai_workshop.phases import own
from ai_workshop.phases.base import Phase
from ai_workshop.phases.dream import theme_choices
from ai_workshop.phases.plan_parts import Quote
from ai_workshop.phases.reminders import reminder_context
from ai_workshop.phases.voting import UNKNOWN

_WORDS = re.compile(r"\w+")
# The newest commitments the projector turns through, a few at a time.
PROJECTOR_COMMITMENTS = 30


@dataclass(frozen=True)
class ScreenCommitment:
    id: int
    kind: str
    label: str
    text: str
    attribution: str | None

    @property
    def says_kind(self) -> bool:
        """ "I need help with…" needs no "I need" before it, nor "Preciso de…" an "Eu
        preciso": a sentence whose first words share a stem with the label's verb (its last
        word; the pronoun before it may be dropped, as Portuguese and Spanish do) says its kind."""
        text, label = self.text.casefold(), self.label.casefold()
        if text.startswith(label):
            return True
        verb = (_WORDS.findall(label) or [""])[-1][:4]
        return bool(verb) and any(word.startswith(verb) for word in _WORDS.findall(text)[:2])


def phone(workshop, participant, vote=UNKNOWN, action_form=None, commitment_form=None) -> dict:
    chosen = dreams.chosen_themes(workshop)
    propositions = design.propositions_of(workshop, visible_only=True)
    action_form = action_form or ActionProposalForm()
    action_form.proposition_id.choices = [("", _("Choose a proposition"))] + [
        (p.id, p.text[:80]) for p in propositions
    ]
    action_form.theme_id.choices = theme_choices(chosen or themes_of(workshop))
    actions = destiny.actions_of(workshop, include_hidden=False)
    mine = {a.id for a in actions if any(v.participant_id == participant.id for v in a.volunteers)}
    return {
        "actions": actions,
        "my_actions": mine,
        "action_form": action_form,
        "commitment_form": commitment_form or CommitmentForm(),
        # Owners may leave an address for the check-ins' invitations.
        **(reminder_context(participant) if mine else {"mail": False}),
    }


def team_theme(action):
    """The theme an action serves: its own, or its proposition's."""
    if action.theme is not None:
        return action.theme
    return action.proposition.theme if action.proposition is not None else None


def projector(workshop) -> dict:
    labels = {"commitment": _("I will"), "offer": _("I offer"), "request": _("I need")}
    commitments = [c for c in destiny.commitments_of(workshop) if not c.hidden]
    actions = destiny.actions_of(workshop, include_hidden=False)
    return {
        "actions": actions,
        "teams": teams(workshop) if teams_on(workshop) else [],
        "team_of_action": {action.id: team_theme(action) for action in actions},
        "commitments": [
            ScreenCommitment(c.id, c.kind, labels[c.kind], c.text, c.attribution)
            for c in commitments[:PROJECTOR_COMMITMENTS]
        ],
    }


def console(workshop) -> dict:
    return {
        "actions": destiny.actions_of(workshop),
        "teams": teams(workshop) if teams_on(workshop) else [],
        "commitments": destiny.commitments_of(workshop),
    }


def _commitments(workshop) -> dict[str, list[Quote]]:
    grouped: dict[str, list[Quote]] = {"commitment": [], "offer": [], "request": []}
    for item in destiny.commitments_of(workshop):
        if not item.hidden:
            grouped[item.kind].append(Quote(text=item.text, by=item.attribution))
    return grouped


def _measures(actions) -> list[dict]:
    return [
        {"action": a.title, "measure": a.success_measure, "baseline": a.baseline, "target": a.target,
         "review": a.review_date}
        for a in actions
        if a.success_measure
    ]  # fmt: skip


def plan(workshop) -> dict:
    actions = destiny.actions_of(workshop, include_hidden=False)
    return {
        "actions": actions,
        "owners": len({a.owner.strip().lower() for a in actions if a.owner.strip()}),
        "commitments": _commitments(workshop),
        "measures": _measures(actions),
    }


PHASE = Phase(
    name="destiny",
    folder="destiny",
    phone=phone,
    projector=projector,
    console=console,
    plan=plan,
    forms=(ActionProposalForm, ActionEditForm, CommitmentForm),
    personal_on_phone=own.acted,
)
