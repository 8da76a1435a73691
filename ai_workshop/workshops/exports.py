"""The whole workshop as JSON (which imports back exactly) and as CSV files in a zip."""

import csv
import io
import json
import zipfile
from datetime import date, datetime

from sqlalchemy import select

from ai_workshop.extensions import db
from ai_workshop.models import (
    Action,
    ActionReport,
    ActionVolunteer,
    CheckIn,
    CheckInStory,
    Commitment,
    Dream,
    Participant,
    Plan,
    Proposition,
    RoundTable,
    Story,
    Theme,
    Vote,
    VoteDot,
    Workshop,
)  # fmt: skip
from ai_workshop.stories.fields import STORY_FIELDS, STRENGTHS
from ai_workshop.workshops.tracker_csv import (
    JIRA_COLUMNS,
    TRELLO_COLUMNS,
    jira_rows,
    trello_rows,
)

FORMAT_VERSION = 1


def _same(*names: str) -> dict[str, str]:
    return {name: name for name in names}


# Every stored field of a story is exported, so that an export imports back exactly.
STORY_COLUMNS = {field.export_key: field.name for field in STORY_FIELDS if field.kind != STRENGTHS}
# Each kind's columns: the name in the file, and the model attribute it holds.
KINDS = {
    "participants": (Participant, _same("id", "display_name", "table_number", "group",
                                        "team_theme_id", "created_at")),
    "round_tables": (RoundTable, _same("id", "number", "host_participant_id", "causes",
                                       "best_quote", "quote_agreed", "wish", "dream",
                                       "harvest_done", "harvested_at", "nudge", "nudged_at")),
    "stories": (Story, _same("id", "participant_id", "client_id")
                | STORY_COLUMNS
                | _same("hidden", "parked", "edited_by_facilitator", "theme_id",
                        "secondary_theme_id", "theme_locked", "created_at", "updated_at")),
    "themes": (Theme, _same("id", "name", "position", "pinned", "origin", "strengths", "cohesion",
                            "representative_story_id", "chosen", "created_at", "summary",
                            "summary_story_ids", "summary_edited", "name_edited")),
    "dreams": (Dream, _same("id", "participant_id", "client_id", "text", "theme_id", "hidden",
                            "created_at")),
    "votes": (Vote, _same("id", "target", "dots_per_person", "max_per_option", "is_open",
                          "revealed", "created_at", "closed_at")),
    "propositions": (Proposition, _same("id", "participant_id", "client_id", "theme_id", "text",
                                        "hidden", "merged_into_id", "edited_by_facilitator",
                                        "created_at")),
    "actions": (Action, _same("id", "participant_id", "client_id", "title", "theme_id",
                              "proposition_id", "strength", "purpose", "owner", "first_step",
                              "start_date", "due_date", "help_needed", "success_measure",
                              "baseline", "target", "review_date", "status", "hidden",
                              "created_at", "updated_at")),
    "commitments": (Commitment, _same("id", "participant_id", "client_id", "kind", "text",
                                      "consent", "hidden", "created_at")),
    "check_ins": (CheckIn, _same("id", "number", "label", "planned_for", "opened_at",
                                 "closed_at", "invitations_sent_at")),
    "action_reports": (ActionReport, _same("id", "participant_id", "client_id", "check_in_id",
                                           "action_id", "status", "progress", "note",
                                           "would_help", "hidden", "created_at")),
    "check_in_stories": (CheckInStory, _same("id", "participant_id", "client_id", "check_in_id",
                                             "headline", "story", "consent", "hidden",
                                             "created_at")),
}  # fmt: skip
WORKSHOP_FIELDS = ["code", "name", "topic", "why_it_matters", "template_key", "questions",
                   "dream_prompt", "strengths_vocabulary", "phase_vocabulary", "phase",
                   "themes_shown", "created_at", "core_summary",
                   "core_summary_edited", "language", "table_count", "interview_minutes",
                   "spotlight_table", "mix_groups", "time_zone"]  # fmt: skip
PLAN_FIELDS = ["summary", "keep", "measures_note", "followups"]


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _rows(model, columns: dict[str, str], workshop_id: int) -> list[dict]:
    items = db.session.scalars(
        select(model).where(model.workshop_id == workshop_id).order_by(model.id)
    )
    return [
        {key: _plain(getattr(item, attribute)) for key, attribute in columns.items()}
        for item in items
    ]


def workshop_data(workshop: Workshop) -> dict:
    data = {
        "format": "ai-workshop",
        "version": FORMAT_VERSION,
        "facilitator": workshop.facilitator.email,
        "workshop": {name: _plain(getattr(workshop, name)) for name in WORKSHOP_FIELDS},
    }
    for kind, (model, columns) in KINDS.items():
        data[kind] = _rows(model, columns, workshop.id)
    for story, row in zip(_stories(workshop), data["stories"], strict=True):
        row["strengths"] = story.strength_names
    data["vote_dots"] = [
        {
            "vote_id": d.vote_id,
            "participant_id": d.participant_id,
            "option_id": d.option_id,
            "dots": d.dots,
        }
        for d in db.session.scalars(
            select(VoteDot).join(Vote).where(Vote.workshop_id == workshop.id).order_by(VoteDot.id)
        )
    ]
    data["volunteers"] = [
        {"action_id": v.action_id, "participant_id": v.participant_id}
        for v in db.session.scalars(
            select(ActionVolunteer)
            .join(Action)
            .where(Action.workshop_id == workshop.id)
            .order_by(ActionVolunteer.id)
        )
    ]
    plan = db.session.scalar(select(Plan).where(Plan.workshop_id == workshop.id))
    data["plan"] = {name: getattr(plan, name) for name in PLAN_FIELDS} if plan else None
    return data


def _stories(workshop: Workshop) -> list[Story]:
    return list(
        db.session.scalars(select(Story).where(Story.workshop_id == workshop.id).order_by(Story.id))
    )


def workshop_json(workshop: Workshop) -> str:
    return json.dumps(workshop_data(workshop), indent=2, ensure_ascii=False)


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…),
# @SUM(…), +1, a tab or a carriage return before one). OWASP's advice: start such a text
# cell with a single quote, which the spreadsheet shows as text and does not run.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _listed(item) -> str:
    """One item of a list in a cell: a table's root cause with its strengths in brackets."""
    if isinstance(item, dict) and "text" in item:
        strengths = ", ".join(item.get("strengths") or [])
        return f"{item['text']} ({strengths})" if strengths else item["text"]
    return str(item)


def csv_cell(value):
    """A value as a CSV cell a spreadsheet will not run; numbers and dates stay as they are."""
    if isinstance(value, list):
        value = "; ".join(map(_listed, value))
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


# Kinds whose rows say how their author may be quoted: in the CSV files, which people open
# and pass on, only a row its author let be quoted by name points to that author.
_QUOTED_BY_CONSENT = ("stories", "commitments", "check_in_stories")
_NAMED = "named"


def _without_unnamed_authors(kind: str, rows: list[dict]) -> list[dict]:
    if kind not in _QUOTED_BY_CONSENT:
        return rows
    return [row if row.get("consent") == _NAMED else row | {"participant_id": None} for row in rows]


_LINK_COLUMNS = {
    "vote_dots": ["vote_id", "participant_id", "option_id", "dots"],
    "volunteers": ["action_id", "participant_id"],
}


def _columns(kind: str, rows: list[dict]) -> list[str]:
    if rows:
        return list(rows[0])
    return list(KINDS[kind][1]) if kind in KINDS else _LINK_COLUMNS[kind]


def csv_zip(workshop: Workshop) -> bytes:
    """One CSV per kind, each with a header even when empty; lists (strengths) are joined
    with '; ', formulas never run, and a byte-order mark tells Excel the text is UTF-8."""
    data = workshop_data(workshop)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for kind in [*KINDS, "vote_dots", "volunteers"]:
            rows = _without_unnamed_authors(kind, data[kind])
            text = io.StringIO()
            columns = _columns(kind, rows)
            if columns:
                writer = csv.DictWriter(text, fieldnames=columns)
                writer.writeheader()
                for row in rows:
                    writer.writerow({key: csv_cell(value) for key, value in row.items()})
            archive.writestr(f"{kind}.csv", ("\ufeff" + text.getvalue()).encode("utf-8"))
        for name, columns, rows in (
            ("actions-for-jira.csv", JIRA_COLUMNS, jira_rows(workshop)),
            ("actions-for-trello.csv", TRELLO_COLUMNS, trello_rows(workshop)),
        ):
            text = io.StringIO()
            writer = csv.writer(text)
            writer.writerow(columns)
            writer.writerows([[csv_cell(value) for value in row] for row in rows])
            archive.writestr(name, ("\ufeff" + text.getvalue()).encode("utf-8"))
    return buffer.getvalue()
