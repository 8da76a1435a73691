"""The OpenAPI description of what phones add in Dream, Design and Destiny: dreams,
propositions, actions and commitments, action teams and dot votes."""

from ai_workshop.api.openapi_parts import BEARER, CODE, errors, json_body, json_response, ref


def _contribution(summary: str, properties: dict, required: list[str]) -> dict:
    schema = {
        "type": "object",
        "required": ["client_id", *required],
        "properties": {"client_id": {"type": "string", "format": "uuid"}, **properties},
    }
    return {
        "post": {
            "summary": summary,
            "security": BEARER,
            "parameters": [CODE],
            "requestBody": json_body(schema),
            "responses": {
                "201": json_response(ref("Created"), "Stored"),
                "200": json_response(ref("Created"), "Already stored under this client_id"),
                **errors(400, 401, 403, 404, 409, 413, 422, 429),
            },
        }
    }


ACTION_ID = {"name": "action_id", "in": "path", "required": True, "schema": {"type": "integer"}}
VOTE_ID = {"name": "vote_id", "in": "path", "required": True, "schema": {"type": "integer"}}
OPTION_ID = {"name": "option_id", "in": "path", "required": True, "schema": {"type": "integer"}}
TEXT = {"type": "string", "maxLength": 400}
ID = {"type": ["integer", "null"]}


def contribution_paths() -> dict:
    volunteer = {
        "security": BEARER,
        "parameters": [CODE, ACTION_ID],
        "responses": {
            "200": {"description": "Team membership after the call"},
            **errors(401, 403, 404, 409, 429),
        },
    }
    paths = {
        "/workshops/{code}/dreams": _contribution(
            "Add a dream statement (Dream phase)", {"text": TEXT, "theme_id": ID}, ["text"]
        ),
        "/workshops/{code}/propositions": _contribution(
            "Add a provocative proposition for a chosen theme (Design phase); the answer carries a present-tense hint",
            {"text": TEXT, "theme_id": {"type": "integer"}},
            ["text", "theme_id"],
        ),
        "/workshops/{code}/actions": _contribution(
            "Propose an action (Destiny phase); the proposer joins its team",
            {
                "title": {"type": "string", "maxLength": 160},
                "proposition_id": ID,
                "theme_id": ID,
                "owner": {"type": "string", "maxLength": 80},
                "first_step": {"type": "string", "maxLength": 1000},
                "due_date": {"type": "string", "format": "date"},
                "help_needed": {"type": "string", "maxLength": 1000},
                "success_measure": {"type": "string", "maxLength": 200},
            },
            ["title"],
        ),
        "/workshops/{code}/commitments": _contribution(
            "Add a personal commitment, offer or request (Destiny phase)",
            {
                "kind": {"type": "string", "enum": ["commitment", "offer", "request"]},
                "text": TEXT,
                "consent": {"type": "string", "enum": ["named", "anonymous"]},
            },
            ["kind", "text"],
        ),
        "/workshops/{code}/actions/{action_id}/volunteer": {
            "put": {"summary": "Join an action team (idempotent)", **volunteer},
            "delete": {"summary": "Leave an action team (idempotent)", **volunteer},
        },
        "/workshops/{code}/vote": {
            "get": {
                "summary": "The latest vote, its options and my dots",
                "security": BEARER,
                "parameters": [CODE],
                "responses": {
                    "200": json_response(ref("Vote"), "The vote"),
                    **errors(401, 403, 404),
                },
            }
        },
        "/workshops/{code}/votes/{vote_id}/options/{option_id}": {
            "put": {
                "summary": "Put exactly this many of my dots on one option (idempotent)",
                "security": BEARER,
                "parameters": [CODE, VOTE_ID, OPTION_ID],
                "requestBody": json_body(
                    {
                        "type": "object",
                        "required": ["dots"],
                        "properties": {"dots": {"type": "integer", "minimum": 0}},
                    }
                ),
                "responses": {
                    "200": json_response(ref("Vote"), "The vote after the change"),
                    **errors(400, 401, 403, 404, 409, 422, 429),
                },
            }
        },
    }
    for kind in ("dreams", "propositions", "actions", "commitments"):
        paths[f"/workshops/{{code}}/{kind}/{{item_id}}"] = {"delete": _own_delete(kind)}
    return paths


ITEM_ID = {"name": "item_id", "in": "path", "required": True, "schema": {"type": "integer"}}


def _own_delete(kind: str) -> dict:
    return {
        "summary": f"Delete one of my {kind}, for good",
        "security": BEARER,
        "parameters": [CODE, ITEM_ID],
        "responses": {"204": {"description": "Deleted"}, **errors(401, 403, 404, 429)},
    }
