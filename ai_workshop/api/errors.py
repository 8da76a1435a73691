"""JSON errors for the API: {"error": {"code", "message", "fields"?}} with a fitting status."""

from ai_workshop.domain_errors import DomainError
from ai_workshop.web.json_errors import error_response


class ApiError(DomainError):
    def __init__(self, status: int, code: str, message: str, fields: dict | None = None):
        super().__init__(message, fields)
        self.status = status
        self.code = code


def domain_error_response(error: DomainError):
    return error_response(error.status, error.code, error.message, error.fields or None)
