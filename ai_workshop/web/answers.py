"""The usual answers of a write view (web/write_views.py): back to a page, or a page of its own.

A button or a small form on a page goes back to that page with the message flashed; controls
that the page's script also posts in the background answer that script with JSON instead;
a form on a page of its own is drawn again with its errors.
"""

from flask import abort, flash, redirect, render_template, url_for

from ai_workshop.domain_errors import DomainError
from ai_workshop.web.responses import from_script
from ai_workshop.web.write_views import Answer, Write


class BackTo(Answer):
    """Back to the workshop's page `endpoint`, at `anchor`, with the message flashed.

    `refusal` is the 400's message for a form that does not validate; `failed_anchor`
    where a refusal of the service lands, if not at `anchor`.
    """

    def __init__(self, endpoint: str, anchor: str = "", *, refusal=None, failed_anchor=None):
        self.endpoint = endpoint
        self.anchor = anchor
        self.refusal = refusal
        self.failed_anchor = anchor if failed_anchor is None else failed_anchor

    def url(self, write: Write, anchor: str) -> str:
        return url_for(self.endpoint, code=write.workshop.code) + anchor

    def invalid(self, write: Write):
        abort(400, str(self.refusal) if self.refusal else None)

    def failed(self, write: Write, error: DomainError):
        flash(error.message, "error")
        return redirect(self.url(write, self.failed_anchor))

    def done(self, write: Write, message: str | None):
        if message:
            flash(message, "success")
        return redirect(self.url(write, self.anchor))


class ToastOrBackTo(BackTo):
    """Controls that the page's script posts in the background, and that still work as plain
    forms: the script gets the message (or nothing) as JSON, and refreshes the page itself."""

    def failed(self, write: Write, error: DomainError):
        if from_script():
            body = {"code": self.error_code(error), "message": error.message}
            return {"error": body}, error.status
        return super().failed(write, error)

    def done(self, write: Write, message: str | None):
        if from_script():
            return {"message": message} if message else ("", 204)
        return super().done(write, message)

    def error_code(self, error: DomainError) -> str:
        return error.code


class FormPage(Answer):
    """A form on a page of its own: drawn again with its errors (the service's refusal on
    `error_field`, or flashed), or left for the next page. The view returns the message and
    where to go next."""

    def __init__(self, render, *, error_field: str | None = None):
        self.render = render  # render(write, status)
        self.error_field = error_field

    def invalid(self, write: Write):
        return self.render(write, 422 if write.form.errors else 200)

    def failed(self, write: Write, error: DomainError):
        if self.error_field:
            write.form[self.error_field].errors = [error.message]
        else:
            flash(error.message, "error")
        return self.render(write, error.status)

    def done(self, write: Write, outcome: tuple[str, str]):
        message, target = outcome
        flash(message, "success")
        return redirect(target)


def page(template: str, *names: str, **context):
    """The usual `render` of a FormPage: the template with the form, the view's values
    `names` and `context`."""

    def render(write: Write, status: int):
        values = {name: write.values[name] for name in names}
        return render_template(template, form=write.form, **values, **context), status

    return render
