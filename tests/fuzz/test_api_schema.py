"""Schemathesis over every operation of the API's own OpenAPI document, in process.

The document is fetched from the app and the app is called through WSGI: no network. Each
operation runs in the phase where it is open, with a real workshop code, the token of a
participant who joined through the API, and ids that exist, so generated bodies reach the
validation and the database and not only the 404s.
"""

import time
from collections import Counter

import schemathesis
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from ai_workshop.extensions import db
from ai_workshop.workshops.services import set_phase

from .hostile import FUZZ, stored_nul_bytes

CHECKS = [
    schemathesis.checks.not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

# Where each operation is open; the rest run in Discovery.
PHASE_OF = {
    "/workshops/{code}/dreams": "dream",
    "/workshops/{code}/propositions": "design",
    "/workshops/{code}/votes/{vote_id}/options/{option_id}": "design",
    "/workshops/{code}/vote": "design",
    "/workshops/{code}/actions": "destiny",
    "/workshops/{code}/commitments": "destiny",
    "/workshops/{code}/actions/{action_id}/volunteer": "destiny",
}
EXAMPLES_PER_MODE = 12


def _fuzz(operation, mode, path_parameters: dict, room) -> list[int]:
    """Run one operation in one mode; the statuses it got back."""
    strategy = operation.as_strategy(
        generation_mode=mode,
        path_parameters=path_parameters,
        headers={"Authorization": f"Bearer {room['token']}"},
    )
    sent = []

    @settings(FUZZ, max_examples=EXAMPLES_PER_MODE)
    @given(case=strategy, aimed=st.booleans())
    def call(case, aimed):
        if aimed and isinstance(case.body, dict):
            _aim(case.body, room["ids"])
        response = case.call_and_validate(checks=CHECKS)
        sent.append(response.status_code)

    call()
    return sent


def _aim(body: dict, real: dict) -> None:
    """Point a generated body at the room's real code and ids, to get past the lookups."""
    for key in ("code", "theme_id", "proposition_id"):
        if key in body:
            body[key] = real[key]


def _ordered(schema):
    """Deleting runs last, so the story is there for every other operation."""
    operations = [result.ok() for result in schema.get_all_operations()]
    return sorted(operations, key=lambda operation: operation.method.upper() == "DELETE")


def test_every_operation_survives_generated_and_invalid_input(app, room, capsys):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    workshop, started, runs, failures = room["workshop"], time.monotonic(), {}, []
    operations = _ordered(schema)
    assert len(operations) >= 15
    for operation in operations:
        set_phase(workshop, PHASE_OF.get(operation.path, "discover"))
        db.session.commit()
        path_parameters = {
            name: value
            for name, value in room["ids"].items()
            if name in {parameter.name for parameter in operation.path_parameters}
        }
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                runs[f"{operation.label} {mode.value}"] = _fuzz(
                    operation, mode, path_parameters, room
                )
            except Unsatisfiable:
                # Nothing left to make invalid but the path itself: let it vary too.
                runs[f"{operation.label} {mode.value}"] = _fuzz(operation, mode, {}, room)
            except Exception as error:  # every operation is tried; all failures are shown
                failures.append(f"{operation.label} {mode.value}: {error}")
    assert not failures, "\n\n".join(failures)
    assert stored_nul_bytes() == []
    with capsys.disabled():
        statuses = Counter(status for sent in runs.values() for status in sent)
        print(
            f"\nschemathesis: {len(operations)} operations, {statuses.total()} examples, "
            f"{time.monotonic() - started:.1f} s ({db.engine.dialect.name}); "
            f"statuses {dict(sorted(statuses.items()))}"
        )
