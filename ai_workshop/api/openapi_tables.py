"""The OpenAPI description of a summit's round-table routes (api/tables.py)."""

from ai_workshop.api.openapi_parts import BEARER, CODE, errors, json_body, json_response, ref
from ai_workshop.models.round_table import HARVEST_CAUSES
from ai_workshop.participants.tables import CAUSE_MAX, QUOTE_MAX, STRENGTHS_PER_CAUSE


def _person() -> dict:
    return {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "display_name": {"type": ["string", "null"]},
        },
    }


CAUSE = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "text": {"type": "string", "maxLength": CAUSE_MAX},
        "strengths": {
            "type": "array",
            "maxItems": STRENGTHS_PER_CAUSE,
            "items": {"type": "string", "maxLength": 60},
        },
    },
}

HARVEST = {
    "type": ["object", "null"],
    "description": "The table's harvest as everyone at the table sees it; the best quote "
    "only once its teller agreed.",
    "properties": {
        "causes": {"type": "array", "maxItems": HARVEST_CAUSES, "items": CAUSE},
        "best_quote": {"type": "string"},
        "wish": {"type": "string"},
        "dream": {"type": "string"},
        "done": {"type": "boolean", "description": "Sent to the projector's harvest map"},
    },
}

TABLE_SCHEMAS = {
    "Table": {
        "type": "object",
        "required": ["number", "tables"],
        "properties": {
            "number": {
                "type": ["integer", "null"],
                "description": "The phone's table; null until it chooses one",
            },
            "tables": {"type": "integer", "description": "How many tables the room has"},
            "people": {"type": "array", "items": _person()},
            "interview": {
                "type": "object",
                "description": "The phone's interview group at the table (a pair, or a "
                "three for the odd one out) and its rounds, in order",
                "properties": {
                    "group": {"type": "array", "items": {"type": "integer"}},
                    "rounds": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "interviewer": {"type": "integer"},
                                "teller": {"type": "integer"},
                            },
                        },
                    },
                    "minutes_each": {"type": "integer"},
                },
            },
            "host": {**_person(), "type": ["object", "null"]},
            "nudge": {"type": "string", "description": "The facilitator's note to the table"},
            "harvest": HARVEST,
        },
    },
    "Teams": {
        "type": "object",
        "required": ["open", "mine", "teams"],
        "properties": {
            "open": {
                "type": "boolean",
                "description": "Whether teams have replaced tables (a summit in Design or Destiny)",
            },
            "mine": {"type": ["integer", "null"], "description": "The theme of my team"},
            "teams": {
                "type": "array",
                "description": "One team per theme the room carries forward",
                "items": {
                    "type": "object",
                    "properties": {
                        "theme_id": {"type": "integer"},
                        "name": {"type": "string"},
                        "members": {"type": "integer"},
                    },
                },
            },
        },
    },
    "HarvestInput": {
        "type": "object",
        "properties": {
            "causes": {"type": "array", "maxItems": HARVEST_CAUSES, "items": CAUSE},
            "best_quote": {"type": "string", "maxLength": QUOTE_MAX},
            "quote_agreed": {"type": "boolean"},
            "wish": {"type": "string", "maxLength": QUOTE_MAX},
            "dream": {"type": "string", "maxLength": QUOTE_MAX},
            "done": {"type": "boolean", "description": "Send it to the big screen"},
        },
    },
}


def _one(name: str, schema: dict) -> dict:
    """A JSON object with one required field."""
    return {"type": "object", "required": [name], "properties": {name: schema}}


def table_paths() -> dict:
    table = json_response(ref("Table"), "The phone's table")
    return {
        "/workshops/{code}/table": {
            "get": {
                "summary": "My round table: its people, my interview rounds, host and harvest",
                "security": BEARER,
                "parameters": [CODE],
                "responses": {"200": table, **errors(401, 403, 404)},
            },
            "put": {
                "summary": "Sit at a round table (as scanning its card does)",
                "security": BEARER,
                "parameters": [CODE],
                "requestBody": json_body(_one("number", {"type": "integer", "minimum": 1})),
                "responses": {"200": table, **errors(400, 401, 403, 404, 413, 422, 429)},
            },
        },
        "/workshops/{code}/table/host": {
            "post": {
                "summary": "Offer to host my table: the first to offer records its harvest",
                "security": BEARER,
                "parameters": [CODE],
                "responses": {"200": table, **errors(401, 403, 404, 409, 429)},
            }
        },
        "/workshops/{code}/team": {
            "get": {
                "summary": "The summit's teams (themes carried forward) and mine",
                "security": BEARER,
                "parameters": [CODE],
                "responses": {
                    "200": json_response(ref("Teams"), "The teams"),
                    **errors(401, 403, 404),
                },
            },
            "put": {
                "summary": "Join the team of a theme carried forward",
                "security": BEARER,
                "parameters": [CODE],
                "requestBody": json_body(_one("theme_id", {"type": "integer"})),
                "responses": {
                    "200": json_response(ref("Teams"), "The teams, with mine"),
                    **errors(400, 401, 403, 404, 409, 413, 422, 429),
                },
            },
        },
        "/workshops/{code}/table/harvest": {
            "put": {
                "summary": "Record my table's harvest (its host only); replaces the last one",
                "security": BEARER,
                "parameters": [CODE],
                "requestBody": json_body(ref("HarvestInput")),
                "responses": {"200": table, **errors(400, 401, 403, 404, 413, 422, 429)},
            }
        },
    }
