"""Errors that services raise and views turn into a message and a status code."""


class DomainError(Exception):
    status = 400
    code = "bad_request"

    def __init__(self, message: str, fields: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class ValidationFailed(DomainError):
    status = 422
    code = "validation_failed"


class NotAllowedNow(DomainError):
    """The action exists but the workshop's current phase does not allow it."""

    status = 409
    code = "phase_closed"


class Conflict(DomainError):
    status = 409
    code = "conflict"


class Forbidden(DomainError):
    status = 403
    code = "forbidden"


class NotFound(DomainError):
    status = 404
    code = "not_found"


class TooManyRequests(DomainError):
    """Far more than a person could send in a moment."""

    status = 429
    code = "too_many_requests"

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = None if retry_after is None else max(1, round(retry_after))
