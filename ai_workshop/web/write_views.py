"""One shape for every HTML write: read the form, call the service, commit once, answer.

The route's access declaration has already loaded and authorised the workshop. What is left
is the same for every write, so it is written once here: the view's own body is only the
service call, and how it answers (the page drawn again, a redirect with a message, JSON for
the page's script) is its Answer. A service's DomainError is rolled back and answered here,
in one place, and nothing is committed before the service has finished.

    @bp.post("/<code>/themes/<int:theme_id>/rename")
    @access.runs_workshop
    @write_view(NameForm, TO_BOARD)
    def rename(workshop, form, theme_id):
        services.rename_theme(workshop, services.theme_of(workshop, theme_id), form.name.data)
"""

from dataclasses import dataclass
from functools import wraps

from flask import abort
from flask_wtf import FlaskForm

from ai_workshop.domain_errors import DomainError
from ai_workshop.extensions import db


@dataclass
class Write:
    """One write request, as its answer sees it."""

    values: dict  # what the view is called with: workshop, participant, the URL's ids
    form: FlaskForm | None

    @property
    def workshop(self):
        return self.values["workshop"]


class Answer:
    """How one kind of write view answers; see web/answers.py for the usual ones."""

    def invalid(self, write: Write):
        """The form did not validate (or, on a page of its own, was not sent yet)."""
        abort(400)

    def failed(self, write: Write, error: DomainError):
        """The service refused; what it did is rolled back."""
        raise NotImplementedError

    def done(self, write: Write, outcome):
        """Committed; `outcome` is what the view returned, usually the message."""
        raise NotImplementedError


def write_view(form, answer: Answer):
    """Make the view from its service call, `act(**values, form=form)`.

    `form` is a form class, a function of the view's values that makes the form (to fill
    it from what it edits on a GET), or None for a button with no fields of its own.
    """

    def decorate(act):
        @wraps(act)
        def view(**values):
            write = Write(values, _make(form, values))
            if write.form is not None and not write.form.validate_on_submit():
                return answer.invalid(write)
            given = values if write.form is None else {**values, "form": write.form}
            try:
                outcome = act(**given)
            except DomainError as error:
                db.session.rollback()
                return answer.failed(write, error)
            db.session.commit()
            return answer.done(write, outcome)

        return view

    return decorate


def _make(form, values: dict) -> FlaskForm | None:
    if form is None:
        return None
    if isinstance(form, type):
        return form()
    return form(**values)


def finds(**finders):
    """Load what the view works on before its form is read, so that an unknown item is a
    404 whatever the form says: `story=story_of` hands the view `story` in place of the
    URL's `story_id`, found by `story_of(**values)`."""

    def decorate(view):
        @wraps(view)
        def wrapper(**values):
            for name, finder in finders.items():
                found = finder(**values)
                values.pop(f"{name}_id", None)
                values[name] = found
            return view(**values)

        return wrapper

    return decorate
