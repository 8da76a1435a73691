"""Every value of an export checked before it is stored: its type, its length, and for the
columns that hold a fixed set of words, the word. A damaged or hand-edited export is refused
with a message naming the row and field, never stored to fail later on a page."""

from datetime import date, datetime

from ai_workshop.domain_errors import ValidationFailed
from ai_workshop.models import Action, Story, Theme, Vote, Workshop
from ai_workshop.models.action import ACTION_STATUSES
from ai_workshop.models.phase_names import PHASES
from ai_workshop.models.vote import VOTE_TARGETS

CHOICES = {
    (Workshop, "phase"): PHASES,
    (Story, "consent"): ("named", "anonymous", "private"),
    (Story, "whose"): ("mine", "partner"),
    (Theme, "origin"): ("suggested", "manual"),
    (Vote, "target"): VOTE_TARGETS,
    (Action, "status"): ACTION_STATUSES,
}


def _refuse(where: str, name: str, problem: str):
    raise ValidationFailed(f"The export's {where}, field {name!r}: {problem}.")


def _python_type(column):
    try:
        return column.type.python_type
    except NotImplementedError:
        return None


def _as_date(python_type, value, where: str, name: str):
    if not isinstance(value, str):
        _refuse(where, name, "must be a date written as text")
    try:
        return python_type.fromisoformat(value)
    except ValueError:
        _refuse(where, name, f"{value[:40]!r} is not a date")


def _check_type(column, python_type, value, where: str, name: str) -> None:
    expected = {
        bool: (lambda v: isinstance(v, bool), "must be true or false"),
        int: (lambda v: isinstance(v, int) and not isinstance(v, bool), "must be a whole number"),
        float: (
            lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
            "must be a number",
        ),
        str: (lambda v: isinstance(v, str), "must be text"),
        list: (lambda v: isinstance(v, list), "must be a list"),
        dict: (lambda v: isinstance(v, dict), "must be a mapping"),
    }.get(python_type)
    if expected is not None and not expected[0](value):
        _refuse(where, name, expected[1])
    length = getattr(column.type, "length", None)
    if python_type is str and length is not None and len(value) > length:
        _refuse(where, name, f"is longer than {length} characters")


def checked_value(model, name: str, value, where: str):
    """The value as the column stores it, or ValidationFailed naming what is wrong."""
    column = model.__table__.columns[name]
    if value is None:
        if not column.nullable and column.default is None and column.server_default is None:
            _refuse(where, name, "may not be empty")
        return None
    python_type = _python_type(column)
    if python_type is datetime or python_type is date:
        return _as_date(python_type, value, where, name)
    _check_type(column, python_type, value, where, name)
    choices = CHOICES.get((model, name))
    if choices is not None and value not in choices:
        _refuse(where, name, f"{str(value)[:40]!r} is not one of {', '.join(choices)}")
    return value
