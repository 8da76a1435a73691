"""The JSON error envelope {"error": {"code", "message", "fields"?}}, for the API and error pages."""

from flask import jsonify


def error_response(status: int, code: str, message: str, fields: dict | None = None):
    body = {"code": code, "message": message}
    if fields:
        body["fields"] = fields
    return jsonify({"error": body}), status
