"""Every error is a clear page (or JSON under /api/), never a stack trace."""

from flask import render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException

from ai_workshop.db.health import is_write_fault, note_write_fault
from ai_workshop.domain_errors import DomainError
from ai_workshop.extensions import db
from ai_workshop.web.json_errors import error_response

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "validation_failed",
    429: "too_many_requests",
    500: "server_error",
    503: "unavailable",
}


def _default_messages() -> dict[int, str]:
    return {
        400: _("That request didn't make sense to us."),
        403: _("You don't have access to this."),
        404: _("We couldn't find that page."),
        405: _("That action isn't available here."),
        413: _("That was too much text to send at once. Shorten it and try again."),
        429: _("Too many requests. Wait a moment and try again."),
        500: _("Something went wrong on our side. Nothing you sent is lost; try again."),
        503: _("The server is busy. Your draft is kept; try again in a moment."),
    }


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def _respond(status: int, message: str | None = None, headers: dict | None = None):
    message = message or _default_messages().get(status) or _("Something went wrong.")
    if _wants_json():
        response = error_response(status, CODES.get(status, "error"), message)
    else:
        response = render_template("errors/error.html", status=status, message=message), status
    if headers:
        return response[0], response[1], headers
    return response


def init_error_pages(app) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(_error):
        return _respond(
            400, _("This page was open too long or the form expired. Reload and try again.")
        )

    @app.errorhandler(DomainError)
    def domain_error(error: DomainError):
        db.session.rollback()
        wait = getattr(error, "retry_after", None)
        return _respond(error.status, error.message, headers=wait and {"Retry-After": str(wait)})

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        custom = error.description if error.description != type(error).description else None
        return _respond(error.code or 500, custom)

    @app.errorhandler(OperationalError)
    @app.errorhandler(PoolTimeout)
    def database_busy(_error):
        db.session.rollback()
        app.logger.exception("database unavailable")
        if is_write_fault(_error):
            note_write_fault(_error)
            return _respond(
                503,
                _(
                    "The server cannot store anything right now: its disk is full or its "
                    "database is read-only. What you sent was not saved. Tell the facilitator."
                ),
                headers={"Retry-After": "30"},
            )
        return _respond(503, headers={"Retry-After": "2"})

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        db.session.rollback()
        app.logger.exception("unhandled error")
        return _respond(500)
