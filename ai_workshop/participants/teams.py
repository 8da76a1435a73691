"""A summit's self-chosen teams: from Design on, people leave their round tables and join the
team of the theme (opportunity) they want to work on."""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select

from ai_workshop.contributions.dreams import chosen_themes
from ai_workshop.domain_errors import NotAllowedNow, ValidationFailed
from ai_workshop.extensions import db
from ai_workshop.live import mark_changed
from ai_workshop.models import Participant, Theme

TEAM_PHASES = ("design", "destiny")


@dataclass(frozen=True)
class Team:
    theme: Theme
    members: int


def teams_on(workshop) -> bool:
    """Teams replace tables once a summit reaches Design."""
    return bool(workshop.table_count) and workshop.phase in TEAM_PHASES


def teams(workshop) -> list[Team]:
    """One team per theme carried forward, with how many have joined it."""
    chosen = chosen_themes(workshop)
    if not chosen:
        return []
    counts = dict(
        db.session.execute(
            select(Participant.team_theme_id, func.count())
            .where(
                Participant.workshop_id == workshop.id,
                Participant.team_theme_id.in_([theme.id for theme in chosen]),
            )
            .group_by(Participant.team_theme_id)
        ).all()
    )
    return [Team(theme, counts.get(theme.id, 0)) for theme in chosen]


def team_of(workshop, participant) -> Team | None:
    """The team the participant joined, if its theme is still carried forward."""
    return next(
        (team for team in teams(workshop) if team.theme.id == participant.team_theme_id), None
    )


def join_team(workshop, participant, theme_id: int) -> Theme:
    if not workshop.table_count:
        raise NotAllowedNow(_("This workshop has no tables, so it has no teams."))
    theme = next((theme for theme in chosen_themes(workshop) if theme.id == theme_id), None)
    if theme is None:
        raise ValidationFailed(
            _("Choose one of the themes the room carries forward."),
            {"theme_id": [_("Choose one of the themes the room carries forward.")]},
        )
    if participant.team_theme_id != theme.id:
        participant.team_theme_id = theme.id
        # The projector's and console's team counts change; phones' shared pages do not.
        mark_changed(workshop)
    return theme
