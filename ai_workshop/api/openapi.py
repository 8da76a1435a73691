"""The OpenAPI 3.1 description of /api/v1, kept beside the routes it describes: joining,
the phase and stories here, the rest in openapi_contributions.py and openapi_tables.py."""

from ai_workshop.api.openapi_contributions import contribution_paths
from ai_workshop.api.openapi_parts import (
    BEARER,
    CODE,
    STORY_ID,
    errors,
    json_body,
    json_response,
    ref,
)
from ai_workshop.api.openapi_schemas import SCHEMAS
from ai_workshop.api.openapi_tables import TABLE_SCHEMAS, table_paths


def _paths() -> dict:
    return {
        "/join": {
            "post": {
                "summary": "Join a workshop by its code",
                "requestBody": json_body(
                    {
                        "type": "object",
                        "required": ["code"],
                        "properties": {
                            "code": {"type": "string"},
                            "display_name": {"type": "string", "maxLength": 40},
                            "table": {
                                "type": "integer",
                                "minimum": 1,
                                "description": "Sit at this round table at once",
                            },
                            "group": {
                                "type": "string",
                                "description": "Required where the workshop mixes "
                                "groups at its tables (its mix_groups): one of them",
                            },
                        },
                    }
                ),
                "responses": {
                    "201": json_response(
                        {
                            "type": "object",
                            "properties": {
                                "participant_token": {"type": "string"},
                                "participant_id": {"type": "integer"},
                                "display_name": {"type": ["string", "null"]},
                                "table": {"type": ["integer", "null"]},
                                "workshop": ref("Workshop"),
                            },
                        },
                        "Joined",
                    ),
                    **errors(400, 404, 413, 422, 429),
                },
            }
        },
        "/workshops/{code}": {
            "get": {
                "summary": "A workshop's public settings",
                "parameters": [CODE],
                "responses": {"200": json_response(ref("Workshop"), "The workshop"), **errors(404)},
            }
        },
        "/workshops/{code}/state": {
            "get": {
                "summary": "Phase, screen and timer; poll with If-None-Match",
                "description": "The ETag changes with the stage (phase, screen, timer), "
                "not with every story or vote. With `wait` and the current ETag, the server "
                "may hold the request up to that many seconds (at most 25) and answers as soon "
                "as the stage changes; a 304 after the wait means ask again.",
                "parameters": [
                    CODE,
                    {"name": "If-None-Match", "in": "header", "schema": {"type": "string"}},
                    {
                        "name": "wait",
                        "in": "query",
                        "schema": {"type": "number", "minimum": 0, "maximum": 25},
                    },
                ],
                "responses": {
                    "200": json_response(ref("State"), "Current state, with an ETag"),
                    "304": {"description": "Unchanged since the ETag sent"},
                    **errors(404),
                },
            }
        },
        "/workshops/{code}/stories": {
            "get": {
                "summary": "My own stories",
                "security": BEARER,
                "parameters": [CODE],
                "responses": {
                    "200": json_response(
                        {
                            "type": "object",
                            "properties": {"stories": {"type": "array", "items": ref("Story")}},
                        },
                        "Your stories, newest first",
                    ),
                    **errors(401, 403, 404),
                },
            },
            "post": {
                "summary": "Submit a story (idempotent by client_id)",
                "security": BEARER,
                "parameters": [CODE],
                "requestBody": json_body(ref("StoryInput")),
                "responses": {
                    "201": json_response(ref("StoryStored"), "Stored"),
                    "200": json_response(ref("StoryStored"), "Already stored under this client_id"),
                    **errors(400, 401, 403, 404, 409, 413, 422, 429),
                },
            },
        },
        "/workshops/{code}/stories/{story_id}": {
            "get": {
                "summary": "One of my stories",
                "security": BEARER,
                "parameters": [CODE, STORY_ID],
                "responses": {
                    "200": json_response(ref("Story"), "The story"),
                    **errors(401, 403, 404),
                },
            },
            "patch": {
                "summary": "Edit one of my stories while Discovery is open",
                "security": BEARER,
                "parameters": [CODE, STORY_ID],
                "requestBody": json_body(ref("StoryPatch")),
                "responses": {
                    "200": json_response(ref("Story"), "Updated"),
                    **errors(400, 401, 403, 404, 409, 413, 422, 429),
                },
            },
            "delete": {
                "summary": "Delete one of my stories while Discovery is open",
                "security": BEARER,
                "parameters": [CODE, STORY_ID],
                "responses": {
                    "204": {"description": "Deleted"},
                    **errors(401, 403, 404, 409, 429),
                },
            },
        },
        **contribution_paths(),
        **table_paths(),
        "/openapi.json": {
            "get": {
                "summary": "This document",
                "responses": {"200": {"description": "OpenAPI 3.1 document"}},
            }
        },
    }


def openapi_document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "AI Workshop API",
            "version": "1.0.0",
            "description": "Join a workshop, follow its phase and submit stories from a phone.",
        },
        "servers": [{"url": "/api/v1"}],
        "components": {
            "schemas": SCHEMAS | TABLE_SCHEMAS,
            "securitySchemes": {
                "participant": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "The participant_token returned by POST /join.",
                }
            },
        },
        "paths": _paths(),
    }
