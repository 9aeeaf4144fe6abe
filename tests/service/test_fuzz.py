"""Property-based fuzzing of every public route from the OpenAPI document (schemathesis):
no 5xx, and every response matches what the document says (status, content type, schema)."""
from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation.modes import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance,
                                               response_schema_conformance,
                                               status_code_conformance)

from tests.conftest import upload_csv

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


def test_public_api_conforms(app, client):
    app.config["EVENTS_STREAM_SECONDS"] = 0.1  # event streams end, so their bodies can be read
    file = upload_csv(client)  # real data behind the routes, not only 404s
    chat = client.post("/chats", json={"file_id": file["id"]}).get_json()
    known = {"file_id": file["id"], "chat_id": chat["id"]}
    schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    calls = []
    for operation in operations:
        names = [p.name for p in operation.path_parameters]
        real = {n: known[n] for n in names if n in known}
        # Valid-looking requests (also aimed at existing ids), and invalid ones on purpose.
        passes = [(GenerationMode.POSITIVE, None), (GenerationMode.NEGATIVE, None)]
        if real and len(real) == len(names):
            passes.append((GenerationMode.POSITIVE, real))
        for mode, path_parameters in passes:
            @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters))
            @settings(max_examples=25, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))
            def conforms(case):
                calls.append(case.call_and_validate(checks=CHECKS).status_code)
            try:
                conforms()
            except Unsatisfiable:
                if mode is GenerationMode.POSITIVE:
                    raise  # (an operation without parameters has no invalid form)
    assert len(calls) > 200
    assert {200, 404, 422} <= set(calls)
