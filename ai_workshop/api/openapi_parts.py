"""The pieces every part of the OpenAPI description repeats: the join code and bearer
token parameters, schema references, JSON bodies and the error answers."""

CODE = {
    "name": "code",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "pattern": "^[A-Za-z0-9]{6}$"},
}
STORY_ID = {"name": "story_id", "in": "path", "required": True, "schema": {"type": "integer"}}
BEARER = [{"participant": []}]


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def json_response(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def errors(*statuses: int) -> dict:
    text = {
        400: "Malformed request",
        401: "Missing or invalid participant token",
        403: "Token of another workshop, or not your story",
        404: "No such workshop or story",
        409: "Not open in this phase, or a limit reached",
        413: "Request body too large",
        422: "Validation failed; see error.fields",
        429: "Too many requests (or too many unknown join codes from this address)",
    }
    # Every route that looks a workshop up by its code refuses an address guessing codes.
    statuses = sorted(set(statuses) | ({429} if 404 in statuses else set()))
    return {str(status): json_response(ref("Error"), text[status]) for status in statuses}


def json_body(schema: dict) -> dict:
    """A required JSON request body."""
    return {"required": True, "content": {"application/json": {"schema": schema}}}
