"""The plan's actions as rows that Jira's and Trello's CSV importers read: each file's
columns carry the names those tools give their fields, so the import maps them by itself."""

import re

from flask_babel import gettext as _
from flask_babel import pgettext

from ai_workshop.contributions.destiny import actions_of
from ai_workshop.models import Action, Workshop
from ai_workshop.phases.destiny import team_theme

JIRA_COLUMNS = ["Summary", "Issue Type", "Status", "Assignee", "Start date", "Due date",
                "Labels", "Labels", "Description"]  # fmt: skip
TRELLO_COLUMNS = ["Card Name", "Card Description", "List", "Labels", "Start Date", "Due Date"]
# Jira's default workflow: its importer maps these names to the project's statuses.
_JIRA_STATUS = {
    "not_started": "To Do",
    "in_progress": "In Progress",
    "done": "Done",
    "celebrated": "Done",
}
_SPACES = re.compile(r"\s+")


def _trello_list(status: str) -> str:
    return {
        "not_started": _("Not started"),
        "in_progress": _("In progress"),
        "done": _("Done"),
        "celebrated": _("Celebrated"),
    }[status]


def _serves(action: Action) -> str:
    if action.proposition is not None:
        return action.proposition.text
    return action.theme.name if action.theme is not None else ""


def _description(action: Action) -> str:
    """The action's card in words: why, the first step, the help it needs, how we will know."""
    parts = [
        (_("Why"), action.purpose),
        (_("First step"), action.first_step),
        (pgettext("who carries an action", "Owner"), action.owner),
        (_("Help needed"), action.help_needed),
        (_("Success measure"), action.success_measure),
        (_("Baseline"), action.baseline),
        (_("Target"), action.target),
        (_("Serves"), _serves(action)),
    ]
    return "\n".join(f"{label}: {value}" for label, value in parts if value)


def _label(text: str) -> str:
    """Jira's labels hold no spaces."""
    return _SPACES.sub("-", text.strip())[:255]


def _day(value) -> str:
    return value.isoformat() if value else ""


def jira_rows(workshop: Workshop) -> list[list[str]]:
    """Dates as yyyy-MM-dd: the format to give Jira's importer on its date step."""
    rows = []
    for action in actions_of(workshop, include_hidden=False):
        theme = team_theme(action)
        rows.append(
            [
                action.title,
                "Task",
                _JIRA_STATUS[action.status],
                action.owner,
                _day(action.start_date),
                _day(action.due_date),
                "appreciative-inquiry",
                _label(theme.name) if theme else "",
                _description(action),
            ]
        )
    return rows


def trello_rows(workshop: Workshop) -> list[list[str]]:
    rows = []
    for action in actions_of(workshop, include_hidden=False):
        theme = team_theme(action)
        rows.append(
            [
                action.title,
                _description(action),
                _trello_list(action.status),
                theme.name if theme else "",
                _day(action.start_date),
                _day(action.due_date),
            ]
        )
    return rows
