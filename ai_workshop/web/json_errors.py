"""JSON errors {"error": {"code", "message", "fields"?}} with a fitting status: the API's
answers, and the error pages' answer to a script or an /api/ path.
"""

from flask import jsonify

from ai_workshop.domain_errors import DomainError


class ApiError(DomainError):
    def __init__(self, status: int, code: str, message: str, fields: dict | None = None):
        super().__init__(message, fields)
        self.status = status
        self.code = code


def error_response(status: int, code: str, message: str, fields: dict | None = None):
    body = {"code": code, "message": message}
    if fields:
        body["fields"] = fields
    return jsonify({"error": body}), status


def domain_error_response(error: DomainError):
    return error_response(error.status, error.code, error.message, error.fields or None)
